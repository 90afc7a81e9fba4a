"""`build -f docx --review`: every finding of `check` as a Word comment (批注) at the text it concerns.

A leader reading the review copy in Word (or WPS, or LibreOffice) sees each open question where it
is, by author "genreport". The finding's field path names a value of the data; the comment is
anchored to the run of the paragraph that prints that value (a point's text, a heading, a figure
in the indicators table, the date), or, when the value prints nowhere (a missing part in a final
build, a field of the disclosure block), to the part heading it belongs to or to the title, and
the comment says which field it means. No finding is left out.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from genreport.docx.package import deterministic, fixed_time
from genreport.errors import Finding, Severity
from genreport.render.document import Document
from genreport.render.numbering import format_date

AUTHOR = "genreport"
_NEEDLE = 14  # characters of a value looked for in the paragraphs (enough to be unique, short enough to survive markup)


def _squash(text: str) -> str:
    text = re.sub(r"[*_`#>|\[\]]", "", text)
    return re.sub(r"\s+", "", text)


def _value_at(report: Any, path: tuple[str | int, ...]) -> Any:
    node = report
    for piece in path:
        if node is None:
            return None
        if isinstance(piece, int):
            node = node[piece] if isinstance(node, (list, tuple)) and piece < len(node) else None
        elif isinstance(node, dict):
            node = node.get(piece)
        else:
            node = getattr(node, piece, None)
    return node


def _texts_of(value: Any, locale: str) -> list[str]:
    """What a value prints as, most specific first."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dt.date):
        return [format_date(value, locale), value.isoformat()]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    out: list[str] = []
    for name in ("text", "lead", "heading", "label", "name", "title", "intro"):
        inner = getattr(value, name, None)
        if isinstance(inner, str) and inner:
            out.append(inner)
    if isinstance(value, list) and value:
        out += _texts_of(value[0], locale)
    return out


def _needles(doc: Document, finding: Finding) -> list[str]:
    """Texts to look for, from the finding's own value up to the part it is in, then the title."""
    path = tuple(finding.path)
    out: list[str] = []
    for end in range(len(path), 0, -1):
        for text in _texts_of(_value_at(doc.report, path[:end]), doc.locale):
            squashed = _squash(text)
            if squashed:
                out.append(squashed[:_NEEDLE])
        if path[0] == "sections" and end == 2:
            out += [_squash(part.heading) for part in doc.parts if part.key == path[1]]
    if path == ("sections",):  # a missing or unknown part: the message names its key
        out += [_squash(part.heading) for part in doc.parts if part.key in finding.message.en]
    return [*out, _squash(doc.title)[:_NEEDLE]]


def _message(finding: Finding, lang: str) -> str:
    zh = lang.startswith("zh")
    severity = ("错误" if zh else "error") if finding.severity is Severity.ERROR else ("警告" if zh else "warning")
    field = f" {finding.field}" if finding.field else ""
    place = str(finding.location)
    hint = finding.hint(lang)
    lines = [
        f"{severity}[{finding.code}]{field}：{finding.message(lang)}"
        if zh
        else f"{severity}[{finding.code}]{field}: {finding.message(lang)}"
    ]
    if hint:
        lines.append(("建议：" if zh else "Hint: ") + hint)
    lines.append(("位置：" if zh else "At: ") + place)
    return "\n".join(lines)


def _row_paragraphs(document: Any, doc: Document, finding: Finding) -> list[tuple[etree._Element, str]]:
    """An indicator's finding: the paragraphs of its row in the indicators table (a figure such as
    66 is also somewhere in the text; the row is where it is the indicator's)."""
    path = tuple(finding.path)
    count = len(doc.report.indicators)
    if len(path) < 2 or path[0] != "indicators" or not isinstance(path[1], int) or path[1] >= count:
        return []
    label = _squash(doc.report.indicators[path[1]].label)
    for row in document.element.body.iter(qn("w:tr")):
        cells = [_squash("".join(t.text or "" for t in cell.iter(qn("w:t")))) for cell in row.iter(qn("w:tc"))]
        if label in cells:
            inside = [(p, _squash("".join(t.text or "" for t in p.iter(qn("w:t"))))) for p in row.iter(qn("w:p"))]
            return [(p, text) for p, text in inside if text and _runs(p)]
    return []


def _runs(paragraph: etree._Element) -> list[etree._Element]:
    return [r for r in paragraph.iter(qn("w:r")) if r.find(qn("w:t")) is not None]


def add_review_comments(data: bytes, doc: Document, findings: list[Finding]) -> bytes:
    """The .docx `data` with one comment per finding, anchored at its text; the same bytes on every rebuild."""
    if not findings:
        return data
    import docx
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    document = docx.Document(io.BytesIO(data))
    paragraphs = [
        (p, _squash("".join(t.text or "" for t in p.iter(qn("w:t"))))) for p in document.element.body.iter(qn("w:p"))
    ]
    paragraphs = [(p, text) for p, text in paragraphs if text and _runs(p)]
    when = fixed_time(doc)
    for finding in findings:
        found = None
        needle = ""
        candidates = _row_paragraphs(document, doc, finding) or paragraphs
        for needle in _needles(doc, finding):
            found = next((p for p, text in candidates if needle and needle in text), None)
            if found is not None:
                break
        if found is None:
            found, needle = paragraphs[0][0], ""
        runs = _runs(found)
        start = next(
            (r for r in runs if needle[:6] and needle[:6] in _squash("".join(t.text or "" for t in r.iter(qn("w:t"))))),
            None,
        )
        anchor = [start] if start is not None else [runs[0], runs[-1]]
        owner = Paragraph(found, document)
        comment = document.add_comment(
            [Run(r, owner) for r in anchor], text=_message(finding, doc.locale), author=AUTHOR, initials="GR"
        )
        comment._comment_elm.date = when  # python-docx writes the clock: a rebuild must give the same bytes
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic(buffer.getvalue())
