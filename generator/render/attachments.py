"""The document's attachments (附件, GB/T 9704 §7.3.4 and §8), numbered once for every output.

The indicators (table and chart) are attachment 1 when the report has any; the user's own
`attachments:` follow in their order (2, 3 ...). With a single attachment there is no number,
as the standard has it: 附件说明 "附件：<title>" and the label "附件"; with several, the note lists
"1. <title>" ... and each attachment page is labelled 附件1, 附件2 ...

The HTML and Markdown templates, and any other writer (a .docx one), read `Document.attachments`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from genreport.data.model import Report

INDICATORS: Literal["indicators"] = "indicators"
TEXT: Literal["text"] = "text"

# The indicators attachment's title, per locale: the year of the report goes in.
INDICATORS_TITLE = {"zh-CN": "{year}年度主要指标完成情况", "en": "Key figures, {year}"}


@dataclass(frozen=True)
class Attachment:
    """One attachment as the document shows it."""

    number: int  # 1-based, in the order the 附件说明 lists them
    title: str
    kind: Literal["indicators", "text"]  # the indicator table and chart, or the user's Markdown body
    body: str | None  # Markdown (kind "text"); None for the indicators
    numbered: bool  # more than one attachment: the number is shown
    label: str  # 附件1 / 附件 / Attachment 1 / Attachment
    source: int | None = None  # 1-based place in the data's `attachments:`; None for the indicators

    @property
    def id(self) -> str:
        """The HTML id: named after the data (attachments[n-1] -> attachment-n, docs/html-structure.md),
        so links to a field stay right whatever number the document shows."""
        return "attachment-indicators" if self.source is None else f"attachment-{self.source}"


def attachments_of(report: Report, word: str) -> list[Attachment]:
    """The report's attachments in order; `word` is the locale's "附件" / "Attachment"."""
    items: list[tuple[str, Literal["indicators", "text"], str | None, int | None]] = []
    if report.indicators:
        title = INDICATORS_TITLE.get(report.locale, INDICATORS_TITLE["en"]).format(year=report.year)
        items.append((title, INDICATORS, None, None))
    items += [(a.title, TEXT, a.body, n) for n, a in enumerate(report.attachments, start=1)]
    numbered = len(items) > 1
    space = " " if report.locale == "en" else ""
    return [
        Attachment(
            number=n,
            title=title,
            kind=kind,
            body=body,
            numbered=numbered,
            label=f"{word}{space}{n}" if numbered else word,
            source=source,
        )
        for n, (title, kind, body, source) in enumerate(items, start=1)
    ]
