"""Glyph coverage: a character that no font of its role has becomes a build warning, never a silent box.

Pango draws such a character with whatever font fontconfig finds (often DejaVu, or nothing: a
box), which breaks the 28-character grid and the look of the page. Every user text is checked
against the code points of every installed font of the role that prints it (the role's whole
stack, the user's fonts included), and each missing character is reported once per field, with
the line and column of its first occurrence.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from genreport.checks import CheckResult
from genreport.data.model import Report
from genreport.data.texts import report_texts
from genreport.errors import FieldPath, Finding, Severity, Text
from genreport.fonts.roles import FontSetup, Resolved, lacking

CODE = "missing-glyph"
_ANY = object()
# Which role prints a field (the print stylesheets' choice: docs/html-structure.md classes).
# Fields not listed are body text: the stylesheet's first role.
FIELD_ROLES: tuple[tuple[tuple[object, ...], str], ...] = (
    (("title",), "xiaobiaosong"),
    (("attachments", _ANY, "title"), "xiaobiaosong"),
    (("sections", _ANY, "heading"), "hei"),
    (("sections", _ANY, "subsections", _ANY, "heading"), "kai"),
)


def role_of(path: FieldPath, fonts: FontSetup) -> Resolved:
    for pattern, key in FIELD_ROLES:
        if len(pattern) == len(path) and all(p is _ANY or p == q for p, q in zip(pattern, path, strict=True)):
            found = fonts.role(key)
            if found is not None:
                return found
    return fonts.body


def printed_texts(report: Report) -> Iterator[tuple[FieldPath, str]]:
    """Every user text the PDF prints: the checked texts, plus recipient, signature and 版记 lines."""
    yield from report_texts(report)
    lists: list[tuple[str, str | list[str] | None]] = [("recipient", report.recipient), ("signed_by", report.signed_by)]
    for name, value in lists:
        if isinstance(value, str):
            yield (name,), value
        elif value:
            yield from (((name, i), text) for i, text in enumerate(value))
    if report.distribution:
        for i, text in enumerate(report.distribution.copies_to):
            yield ("distribution", "copies_to", i), text
        if report.distribution.printed_by:
            yield ("distribution", "printed_by"), report.distribution.printed_by


def glyph_findings(result: CheckResult, fonts: FontSetup) -> list[Finding]:
    """One warning per field and character that no installed font of the field's role can draw."""
    if result.report is None:
        return []
    texts = [(path, text, role_of(path, fonts)) for path, text in printed_texts(result.report)]
    used: dict[str, set[int]] = {}
    for _, text, role in texts:
        used.setdefault(role.role.key, set()).update(map(ord, text))
    roles = {role.role.key: role for _, _, role in texts}
    absent = {key: lacking(roles[key].faces, points) for key, points in used.items()}
    findings = []
    for path, text, role in texts:
        seen = set()
        for char in text:
            if (
                char in seen
                or char.isspace()
                or ord(char) not in absent[role.role.key]
                or unicodedata.category(char) in ("Cc", "Cf")
            ):
                continue
            seen.add(char)
            findings.append(_finding(result, path, char, role))
    return findings


def _finding(result: CheckResult, path: FieldPath, char: str, role: Resolved) -> Finding:
    name = unicodedata.name(char, "")
    fonts_zh = "、".join(dict.fromkeys(n for f in role.faces for n in f.families[:1])) or "（未找到任何字体）"
    fonts_en = ", ".join(dict.fromkeys(n for f in role.faces for n in f.families[:1])) or "(no font found)"
    return Finding(
        Severity.WARNING,
        CODE,
        Text(
            f"字符“{char}”（U+{ord(char):04X} {name}）在{role.role.label('zh')}的字体（{fonts_zh}）中都没有：PDF 中会换用别的字体或显示为方框",
            f"character “{char}” (U+{ord(char):04X} {name}) is in none of the {role.role.label('en')} fonts ({fonts_en}):"
            " the PDF would draw it in another font or as a box",
        ),
        Text(
            "换用规范字，或用 --font-dir 提供含该字的字体文件",
            "use a standard character, or give a font file that has it with --font-dir",
        ),
        result.loaded.locate_text(path, char),
        path,
    )
