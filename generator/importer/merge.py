"""The steps of `import reviewed.docx --into this-year.yaml`, in order (into.py holds the comparing and writing).

1. this-year.yaml checked and rendered as genreport's own .docx, read back: the text as sent round;
2. reviewed.docx read (tracked changes per --revisions, comments kept): the text as it came back;
3. the two compared part by part; each changed text spliced into the YAML, each comment above its field;
4. the new text validated before it replaces the file (a temp file beside it, then a rename).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from genreport.checks import CheckResult, check_file
from genreport.data.model import Report
from genreport.errors import GenreportError, Text
from genreport.importer import read_bytes
from genreport.importer.blocks import Notes
from genreport.importer.into import Merge, apply, compare, place_comments, refusal


@dataclass
class MergeResult:
    merge: Merge
    notes: Notes  # every revision and comment of the reviewed file
    before: Report
    after: Report | None  # None when nothing changed (nothing written)
    checked: CheckResult | None


def merge_into(reviewed: Path, target: Path, revisions: str = "accept") -> MergeResult:
    from genreport.docx import render_docx
    from genreport.importer.read_docx import read_docx_review
    from genreport.importer.recognise import recognise
    from genreport.importer.review_notes import add_review_notes, refuse_revisions
    from genreport.render.document import Document

    if reviewed.suffix.lower() not in (".docx", ".docm"):
        raise GenreportError(
            Text(
                f"{reviewed}: --into 只接受审阅后的 Word 文件（.docx）",
                f"{reviewed}: --into takes a reviewed Word file (.docx)",
            )
        )
    current = check_file(target)
    if current.report is None or current.kind is None:
        raise GenreportError(
            Text(
                f"{target}: 数据文件未通过校验，先运行 genreport check 修正它",
                f"{target}: the data file does not validate; fix it with genreport check first",
            )
        )
    report, kind = current.report, current.kind
    sent = render_docx(Document(report, kind, draft=bool(current.errors)))
    base_blocks, _, _ = read_docx_review(sent, target.name)
    base = recognise(base_blocks, kind, report.locale).data

    blocks, review, wheres = read_docx_review(read_bytes(reviewed), str(reviewed), revisions)
    if revisions == "refuse":
        refuse_revisions(review, wheres, str(reviewed))
    notes = Notes()
    add_review_notes(review, wheres, notes)
    new = recognise(blocks, kind, report.locale).data

    yaml_data = current.loaded.data if isinstance(current.loaded.data, dict) else {}
    edits, refused = compare(base, new, yaml_data, report.locale)
    if refused:
        raise refusal(refused, target)
    placed = place_comments(review, wheres, blocks, new, yaml_data, report.locale)
    original = target.read_bytes().decode("utf-8")
    text = apply(original, edits, placed, report.locale)
    merge = Merge(text, edits, placed)
    if text == original:
        return MergeResult(merge, notes, report, None, None)
    checked = _replace(target, text)
    return MergeResult(merge, notes, report, checked.report, checked)


def _replace(target: Path, text: str) -> CheckResult:
    """Write `text` over `target` only if it still validates; the check of the new file."""
    folder = target.resolve().parent
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".yaml", dir=folder)
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        checked = check_file(temp)
        if checked.report is None:
            first = checked.findings[0] if checked.findings else None
            detail = Text(f"{first.message.zh}", f"{first.message.en}") if first else Text("", "")
            raise GenreportError(
                Text(
                    f"{target}: 写入修改后文件无法通过校验，未写入（{detail.zh}）",
                    f"{target}: the changed file would not validate; nothing written ({detail.en})",
                )
            )
        try:
            os.chmod(temp, target.stat().st_mode & 0o777)
        except OSError:
            pass
        os.replace(temp, target)
    finally:
        if temp.exists():
            temp.unlink()
    return checked  # the same text, checked under its temporary name (its findings are counted, not printed)
