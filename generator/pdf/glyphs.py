"""Glyph coverage: the characters of the report the fonts of their roles lack, as plain data.

Pango draws a character no font of its role has with whatever font fontconfig finds (often DejaVu,
or nothing: a box), which breaks the 28-character grid and the look of the page. Every user text
is checked against the code points of every installed font of the role that prints it (the role's
whole stack, the user's fonts included). pdf/prepare.py returns what it finds beside the job;
build.py turns each Gap into a `missing-glyph` warning (and pdf/fallback.py's into
`fallback-glyph`), with the line and column of the first occurrence: this stage knows nothing of
findings or of the check that made them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from genreport.data.model import Report
from genreport.data.texts import report_texts
from genreport.errors import FieldPath
from genreport.fonts.roles import FontSetup, Resolved, Role, lacking

_ANY = object()
# Which role prints a field (the print stylesheets' choice: docs/html-structure.md classes).
# Fields not listed are body text: the stylesheet's first role.
FIELD_ROLES: tuple[tuple[tuple[object, ...], str], ...] = (
    (("title",), "xiaobiaosong"),
    (("attachments", _ANY, "title"), "xiaobiaosong"),
    (("sections", _ANY, "heading"), "hei"),
    (("sections", _ANY, "subsections", _ANY, "heading"), "kai"),
)


@dataclass(frozen=True)
class Gap:
    """Characters of one printed field that the font of its role lacks."""

    path: FieldPath  # the field, as findings name it
    chars: tuple[str, ...]  # each once, in the order of their first occurrence in the field's text
    role: Role
    family: str | None  # the font the role resolved to (None: no font of its stack is installed)
    fonts: tuple[str, ...]  # every installed font of the role's stack, the ones looked in
    drawn_by: str | None = None  # the later font of the stack that draws them; None: no font of the role has them


@dataclass(frozen=True)
class Coverage:
    """What prepare() found about the report's characters and the fonts that print them."""

    missing: tuple[Gap, ...] = ()  # no font of the role has these: Pango draws a box or a stray font
    fallback: tuple[Gap, ...] = ()  # a later font of the role draws these, in another style


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


def gap(path: FieldPath, chars: list[str], resolved: Resolved, drawn_by: str | None = None) -> Gap:
    fonts = tuple(dict.fromkeys(n for f in resolved.faces for n in f.families[:1]))
    return Gap(path, tuple(chars), resolved.role, resolved.family, fonts, drawn_by)


def missing_glyphs(texts: list[tuple[FieldPath, str, Resolved]]) -> list[Gap]:
    """Per field, the characters that no installed font of the field's role can draw."""
    used: dict[str, set[str]] = {}
    for _, text, role in texts:
        used.setdefault(role.role.key, set()).update(text)
    roles = {role.role.key: role for _, _, role in texts}
    # one cmap look-up per role and distinct character, never one per occurrence
    absent: dict[str, set[str]] = {}
    for key, chars in used.items():
        drawn = {c for c in chars if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")}
        absent[key] = {chr(p) for p in lacking(roles[key].faces, map(ord, drawn))}
    gaps = []
    for path, text, role in texts:
        lacked = absent[role.role.key]
        if lacked and not lacked.isdisjoint(text):
            gaps.append(gap(path, [c for c in dict.fromkeys(text) if c in lacked], role))
    return gaps
