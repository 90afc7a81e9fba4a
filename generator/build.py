"""`build`: check a data file, render each requested format, write the outputs atomically.

The pipeline: check_file -> (refuse on errors unless draft) -> Document -> every writer renders
to bytes in memory -> only then each file is written (temp file in the same folder, fsync,
os.replace). A failure anywhere before the writes leaves earlier outputs untouched; a temp file
is removed when its own write fails. A writer is `Callable[[Document], bytes]`: a new format
is one more entry in WRITERS (pdf also takes PdfSettings: the user's fonts, --strict-fonts).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from genreport.checks import CheckResult, check_file
from genreport.errors import GenreportError, Text
from genreport.render.document import Document
from genreport.render.pdf import PdfSettings

if TYPE_CHECKING:
    from genreport.render.layout import PdfJob

Writer = Callable[[Document], bytes]


class PdfLayout(Protocol):
    """Lays a PdfJob out: render.layout.InProcessLayout, or render.pdf_helper.PdfHelper's process."""

    def submit(self, job: PdfJob) -> None: ...

    def result(self) -> tuple[bytes, int]: ...


def _html(doc: Document) -> bytes:
    from genreport.render.html import render_html

    return render_html(doc).encode("utf-8")


def _markdown(doc: Document) -> bytes:
    from genreport.render.md import render_markdown

    return render_markdown(doc).encode("utf-8")


def _pdf(doc: Document, settings: PdfSettings | None = None) -> bytes:
    from genreport.render.pdf import render_pdf  # WeasyPrint loads only when a PDF is asked for

    return render_pdf(doc, settings)


WRITERS: dict[str, Writer] = {"html": _html, "md": _markdown, "pdf": _pdf}
OUTPUT_STEM = "report"


def default_formats() -> list[str]:
    """Every format that has a writer today."""
    return list(WRITERS)


@dataclass
class BuildResult:
    check: CheckResult
    written: list[Path] = field(default_factory=list)
    pages: int | None = None  # the PDF's, when one was built

    @property
    def refused(self) -> bool:
        return not self.written


def unknown_formats(formats: Sequence[str]) -> list[str]:
    return [f for f in formats if f not in WRITERS]


def build_file(
    path: Path,
    out_dir: Path,
    formats: Sequence[str] | None = None,
    *,
    draft: bool = False,
    previous: Path | None = None,
    pdf: PdfSettings | None = None,
    layout: PdfLayout | None = None,
) -> BuildResult:
    """Check `path`; unless refused, write `out_dir/report.<format>` for each format.

    `layout` lays the PDF out (default: in this process); the CLI passes a helper process
    (render/pdf_helper.py) that does it while the other formats render here.

    Refused (nothing written, `written` empty) when the file has errors and this is not a draft,
    or when even a draft cannot be made (the file does not validate against the model).
    Raises GenreportError for an unknown format, a failed render or a failed write.
    """
    formats = list(formats) if formats else default_formats()
    unknown = unknown_formats(formats)
    if unknown:
        raise GenreportError(f"unknown format {', '.join(unknown)}; available: {', '.join(WRITERS)}")
    result = check_file(path, previous)
    if result.report is None or result.kind is None or (result.errors and not draft):
        return BuildResult(result)
    doc = Document(result.report, result.kind, draft=draft)
    rendered: dict[str, bytes] = {}
    pages = None
    if "pdf" in formats:
        from genreport.render.pdf import InProcessLayout, pdf_findings, prepare

        layout = layout or InProcessLayout()
        layout.submit(prepare(doc, pdf))  # FontError first, under --strict-fonts with a substitute
        result.findings += pdf_findings(result, doc, pdf)  # glyph coverage, while a helper lays out
    for fmt in dict.fromkeys(formats):
        if fmt != "pdf":
            rendered[fmt] = WRITERS[fmt](doc)
    if "pdf" in formats:
        rendered["pdf"], pages = layout.result()  # type: ignore[union-attr]
    outputs = {out_dir / f"{OUTPUT_STEM}.{fmt}": rendered[fmt] for fmt in dict.fromkeys(formats)}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GenreportError(Text(f"无法创建输出目录 {out_dir}：{exc.strerror}", f"cannot create {out_dir}: {exc.strerror}")) from None
    from genreport.output_set import switch

    written = switch(outputs, source=path)  # the set at once; never the data file, never outside out_dir
    return BuildResult(result, written, pages)


def render_draft_html(path: Path, previous: Path | None = None) -> tuple[str | None, CheckResult]:
    """The report.html `build --draft` would write for `path`, in memory, and the check it ran.

    The HTML is None when not even a draft can be made (the file does not load or validate);
    the findings then say why. Raises GenreportError as build_file does (unreadable file,
    failed render). `genreport preview` calls this on every save.
    """
    from genreport.render.html import render_html

    result = check_file(path, previous)
    if result.report is None or result.kind is None:
        return None, result
    return render_html(Document(result.report, result.kind, draft=True)), result


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that readers see the old file or the new one, never a half."""
    write_all_atomic({target: data})


def write_all_atomic(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every output, or none: all temp files are written and synced before any is renamed.

    A failure while staging (disk full, folder not writable, an interrupt) removes every temp
    file and leaves all earlier outputs as they were. Only the renames remain after staging,
    and a rename within one folder does not fail for lack of space.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in outputs.items():
            _stage(target, data, staged)
        for temp, target in staged:
            os.replace(temp, target)
    except OSError as exc:
        _discard(staged)
        where = getattr(exc, "filename", None) or next(iter(outputs), "")
        raise GenreportError(Text(f"无法写入 {where}：{exc.strerror}", f"cannot write {where}: {exc.strerror}")) from None
    except BaseException:
        _discard(staged)
        raise
    return [target for _, target in staged]


def _stage(target: Path, data: bytes, staged: list[tuple[str, Path]]) -> None:
    """Write a synced temp file beside `target`; it is listed in `staged` the moment it exists,
    so an interrupt at any later point still finds it to remove."""
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    staged.append((temp, target))
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(temp, 0o644)


def _discard(staged: list[tuple[str, Path]]) -> None:
    for temp, _ in staged:
        with contextlib.suppress(OSError):
            os.unlink(temp)
