"""Every piece of user-written text in a report, with its field path."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from genreport.data.model import Point, Report, Section
from genreport.errors import FieldPath


def section_texts(key: str, section: Section) -> Iterator[tuple[FieldPath, str]]:
    base: FieldPath = ("sections", key)
    if section.heading:
        yield (*base, "heading"), section.heading
    if section.intro:
        yield (*base, "intro"), section.intro
    for i, sub in enumerate(section.subsections):
        yield (*base, "subsections", i, "heading"), sub.heading
        if sub.intro:
            yield (*base, "subsections", i, "intro"), sub.intro
        yield from _points((*base, "subsections", i, "points"), sub.points)
    yield from _points((*base, "points"), section.points)


def _points(base: FieldPath, points: list[Point]) -> Iterator[tuple[FieldPath, str]]:
    for i, point in enumerate(points):
        if point.lead:
            yield (*base, i, "lead"), point.lead
        yield (*base, i, "text"), point.text


def report_texts(report: Report) -> Iterator[tuple[FieldPath, str]]:
    """Title, preamble, parts, attachments and labels: everything a reader will see."""
    singles: list[tuple[FieldPath, str | None]] = [
        (("title",), report.title),
        (("document_number",), report.document_number),
        (("preamble",), report.preamble),
    ]
    yield from ((path, text) for path, text in singles if text)
    for i, issuer in enumerate(report.issuers):
        yield (("issuer", i, "name") if isinstance(report.issuer, list) else ("issuer", "name")), issuer.name
    for key, section in report.sections.items():
        yield from section_texts(key, section)
    for i, attachment in enumerate(report.attachments):
        yield ("attachments", i, "title"), attachment.title
        yield ("attachments", i, "body"), attachment.body
    for i, indicator in enumerate(report.indicators):
        yield ("indicators", i, "label"), indicator.label


_BLANK_LINES = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")


def paragraphs(text: str) -> Iterator[str]:
    """Paragraphs of a Markdown text, whitespace-normalised, so that re-wrapping is not a change."""
    for block in _BLANK_LINES.split(text):
        normal = _SPACES.sub(" ", block).strip()
        if normal:
            yield normal


def visible_length(text: str) -> int:
    """Characters a reader sees: whitespace and Markdown markup do not count."""
    return len(re.sub(r"[\s*_#>|`-]", "", text))


# Fields whose value the schema or the kind already restricts to a closed set or a pattern.
_CHECKED_ELSEWHERE = frozenset({"kind", "locale", "key", "part_of"})  # part_of names a key


def every_string(value: object, base: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every string in a report, metadata included (disclosure, distribution, letterhead, units ...).

    report_texts is what a reader sees; this is everything a clerk may have left unfinished.
    """
    if isinstance(value, str):
        yield base, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _CHECKED_ELSEWHERE:
                yield from every_string(getattr(value, name), (*base, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from every_string(item, (*base, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from every_string(item, (*base, key))
