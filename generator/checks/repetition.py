"""Paragraphs repeated word for word: within the report, or copied from last year's file."""

from __future__ import annotations

from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.data.texts import paragraphs, report_texts
from genreport.errors import FieldPath, Severity, Text

MIN_LENGTH = 20  # shorter paragraphs (a heading, a stock phrase) repeat legitimately


def _long_paragraphs(texts: Iterator[tuple[FieldPath, str]]) -> Iterator[tuple[FieldPath, str]]:
    for path, text in texts:
        if path[-1] in ("heading", "label", "title", "name", "document_number"):
            continue
        for paragraph in paragraphs(text):
            if len(paragraph) >= MIN_LENGTH:
                yield path, paragraph


def _excerpt(paragraph: str) -> str:
    return paragraph if len(paragraph) <= 24 else paragraph[:24] + "…"


@rule("repeated-paragraph", Severity.WARNING)
def repeated_paragraph(ctx: Context) -> Iterator[Problem]:
    first_seen: dict[str, FieldPath] = {}
    for path, paragraph in _long_paragraphs(report_texts(ctx.report)):
        if paragraph in first_seen:
            yield Problem(
                path,
                Text(
                    f"段落与前文重复：“{_excerpt(paragraph)}”",
                    f'paragraph repeated word for word: "{_excerpt(paragraph)}"',
                ),
                Text("删除重复的段落或改写", "delete or rewrite the repeat"),
                needle=paragraph[:12],
                related=ctx.loaded.location(first_seen[paragraph]),
            )
        else:
            first_seen[paragraph] = path


@rule("copied-from-previous", Severity.WARNING)
def copied_from_previous(ctx: Context) -> Iterator[Problem]:
    if ctx.previous is None or ctx.previous_loaded is None:
        return
    last_year: dict[str, FieldPath] = {}
    for path, paragraph in _long_paragraphs(report_texts(ctx.previous)):
        last_year.setdefault(paragraph, path)  # point at its first place in last year's file
    for path, paragraph in _long_paragraphs(report_texts(ctx.report)):
        if paragraph in last_year:
            yield Problem(
                path,
                Text(
                    f"段落与上年报告完全相同：“{_excerpt(paragraph)}”",
                    f'paragraph copied word for word from last year: "{_excerpt(paragraph)}"',
                ),
                Text("写今年的实际情况", "write what happened this year"),
                needle=paragraph[:12],
                related=ctx.previous_loaded.location(last_year[paragraph]),
            )
