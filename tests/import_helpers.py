"""Import a document and compare what came back with the report it came from.

`shape` reduces a Report to what a published copy can carry: the parts present, their heading
wording, subsection headings, intros, points (lead and text, or lead + text when the copy does
not mark leads) and the metadata, every text flattened (whitespace, emphasis markers) and passed
through the importer's own normaliser, so that "the same" means the same characters.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from genreport.checks import check_file
from genreport.data.kinds import load_kind
from genreport.data.model import Report
from genreport.importer import import_file
from genreport.importer.blocks import Notes, Where
from genreport.importer.meta import doc_number
from genreport.importer.normalise import normalise
from genreport.importer.yaml_out import write_yaml
from genreport.render.document import Document

KIND = "rule-of-law-government"


def flat(text: str | None, locale: str = "zh-CN") -> str:
    text = re.sub(r"\*\*|__", "", text or "")
    text = re.sub(r":?-{3,}:?", "---", text)  # a table's column alignment is not carried by every format
    if locale == "en":  # pandoc's "smart" typography curls English quotes
        text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)
    return normalise(text, locale, Where("line", 0), Notes())


def _points(points: list[Any], locale: str, leads: bool) -> list[Any]:
    if leads:
        return [(flat(p.lead, locale), flat(p.text, locale)) for p in points]
    joiner = " " if locale == "en" else ""
    return [flat((p.lead + joiner if p.lead else "") + p.text, locale) for p in points]


def shape(report: Report, leads: bool = True) -> dict[str, Any]:
    locale = report.locale
    sections = {}
    for key, section in report.sections.items():
        if section.is_empty and not section.none:
            continue
        sections[key] = {
            "heading": flat(section.heading, locale) or None,
            "intro": flat(section.intro, locale),
            "none": section.none,
            "points": _points(section.points, locale, leads),
            "subsections": [
                {
                    "heading": flat(s.heading, locale),
                    "intro": flat(s.intro, locale),
                    "points": _points(s.points, locale, leads),
                }
                for s in section.subsections
            ],
        }
    return sections


def metadata(report: Report, title: str) -> dict[str, Any]:
    disclosure = report.disclosure
    distribution = report.distribution
    return {
        "issuers": [flat(issuer.name, report.locale) for issuer in report.issuers],
        "recipients": [flat(name, report.locale) for name in report.recipients],
        "document_number": doc_number(report.document_number) if report.document_number else None,
        "title": re.sub(r"\s", "", flat(title, report.locale)),
        "signed_on": report.signed_on,
        "public_release": report.public_release,
        "preamble": flat(report.preamble, report.locale),
        "index_number": disclosure.index_number if disclosure else None,
        "classification": disclosure.classification if disclosure else None,
        "published_on": disclosure.published_on if disclosure else None,
        "copies_to": [flat(name, report.locale) for name in distribution.copies_to] if distribution else [],
        "printed_by": flat(distribution.printed_by, report.locale) if distribution else None,
        "printed_on": distribution.printed_on if distribution else None,
        # titles without their spaces: genreport's HTML breaks a title into <span>s with no space between, and
        # LibreOffice joins them ("governmentindicators"); a browser copy puts them on lines of their own
        "attachments": [
            (re.sub(r"\s", "", flat(a.title, report.locale)), flat(a.body, report.locale)) for a in report.attachments
        ],
    }


def import_to_yaml(source: Path, target: Path, locale: str | None = None) -> tuple[Path, Any]:
    """Import `source`, write the data file to `target`; (target, the Imported result)."""
    kind = load_kind(KIND)
    imported = import_file(source, kind, locale)
    target.write_text(write_yaml(imported, kind, source.name, "genreport.schema.json"), encoding="utf-8")
    return target, imported


def checked(path: Path) -> tuple[Report, Document, list[Any]]:
    """The imported file's report (it must load and validate), its Document and its check errors."""
    result = check_file(path)
    assert result.report is not None and result.kind is not None, [
        f"{f.location}: {f.message.en}" for f in result.findings
    ]
    return result.report, Document(result.report, result.kind), result.errors


def enable_candidates(text: str) -> str:
    """The imported data file with its commented-out candidate indicators switched on (the "# " removed)."""
    lines = text.splitlines()
    start = lines.index("# indicators:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("#   "):
        end += 1
    return "\n".join([*lines[:start], *(line[2:] for line in lines[start:end]), *lines[end:]]) + "\n"


def indicator_view(report: Report) -> list[tuple[Any, ...]]:
    """What a printed indicator table carries of each indicator (not its key, nor part_of)."""
    return [(i.label, i.value, i.approx, i.previous, i.previous_year if i.previous is not None else None,
             i.change if i.value is None or i.previous is None else None,
             i.change_unit if i.value is None or i.previous is None else None, i.unit) for i in report.indicators]  # fmt: skip
