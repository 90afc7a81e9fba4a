"""The typed view the templates receive: the report, its kind, and what is derived from both.

Templates hold loops and conditionals only; everything computed (the parts in the kind's order,
the default title, the words of the document's own furniture per locale) is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from genreport.data.kinds import KindSpec, SectionSpec
from genreport.data.model import Indicator, Report, Section
from genreport.render.attachments import Attachment, attachments_of
from genreport.render.typed import without_typed_ordinals


@dataclass(frozen=True)
class Labels:
    """The document's own words (not the user's, not the kind's) in one locale."""

    draft: str
    missing: str
    attachments: str
    attachment: str
    indicators: str
    indicator: str
    change: str
    copies_to: str
    printed: str  # "{date}印发" / "Printed {date}"
    annotation: str
    index_number: str
    classification: str
    publisher: str
    published_on: str
    year: str  # "{year}年" / "{year}"
    chart: str
    colon: str
    list_sep: str
    end: str
    points: str  # percentage points, for a change in a percentage


LABELS = {
    "zh-CN": Labels(
        draft="征求意见稿", missing="【待填写】", attachments="附件", attachment="附件", indicators="主要指标",
        indicator="指标", change="变化", copies_to="抄送", printed="{date}印发", annotation="（此件公开发布）",
        index_number="索引号", classification="信息分类", publisher="发布机构", published_on="发布日期",
        year="{year}年", chart="主要指标与上年比较", colon="：", list_sep="，", end="。", points="个百分点",
    ),
    "en": Labels(
        draft="DRAFT", missing="[To be completed] ", attachments="Attachments", attachment="Attachment",
        indicators="Key figures", indicator="Indicator", change="Change", copies_to="Copies to",
        printed="Printed {date}", annotation="(This document is released to the public.)",
        index_number="Index number", classification="Classification", publisher="Publisher",
        published_on="Published on", year="{year}", chart="Key figures compared with the previous year",
        colon=": ", list_sep=", ", end=".", points=" percentage points",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Part:
    """One of the kind's parts, in the kind's order, with the user's section when there is one."""

    number: int  # 1-based position in the kind's order
    key: str
    spec: SectionSpec
    heading: str
    section: Section | None
    guidance: str

    @property
    def missing(self) -> bool:
        """Required and absent or empty: a draft shows a placeholder in its place."""
        empty = self.section is None or (self.section.is_empty and not self.section.none)
        return self.spec.required and empty


@dataclass(frozen=True)
class Document:
    report: Report
    kind: KindSpec
    draft: bool = False
    labels: Labels = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", LABELS[self.report.locale])
        # Every output (HTML, PDF, Markdown, .docx) reads the report from here: one place drops 一是 typed by hand.
        object.__setattr__(self, "report", without_typed_ordinals(self.report))

    @property
    def locale(self) -> str:
        return self.report.locale

    @property
    def issuer_names(self) -> list[str]:
        return [issuer.name for issuer in self.report.issuers]

    @property
    def title(self) -> str:
        if self.report.title:
            return self.report.title
        joiner = " " if self.locale == "zh-CN" else " and "
        return self.kind.title(self.report.locale).format(issuer=joiner.join(self.issuer_names), year=self.report.year)

    @property
    def parts(self) -> list[Part]:
        """The kind's parts in its order; an optional part the report leaves out leaves no trace."""
        locale = self.report.locale
        present = [
            (spec, self.report.sections.get(spec.key))
            for spec in self.kind.sections
            if spec.required or spec.key in self.report.sections
        ]
        return [
            Part(
                number=number,
                key=spec.key,
                spec=spec,
                heading=(section.heading if section and section.heading else spec.heading(locale)),
                section=section,
                guidance=spec.guidance(locale) if spec.guidance else spec.heading(locale),
            )
            for number, (spec, section) in enumerate(present, start=1)
        ]

    @property
    def letterhead_mark(self) -> str:
        """发文机关标志: the data's, or the issuer names with 文件 (GB/T 9704 §7.2.4)."""
        letterhead = self.report.letterhead
        if letterhead and letterhead.mark:
            return letterhead.mark
        return "".join(self.issuer_names) + ("文件" if self.locale == "zh-CN" else "")

    @property
    def attachments(self) -> list[Attachment]:
        """附件 in order, each with its number, title and kind: the indicators first, then the user's."""
        return attachments_of(self.report, self.labels.attachment)

    @property
    def none_sentence(self) -> str:
        return self.kind.none_sentence(self.report.locale)

    @property
    def publisher(self) -> str:
        disclosure = self.report.disclosure
        if disclosure and disclosure.publisher:
            return disclosure.publisher
        return "、".join(self.issuer_names) if self.locale == "zh-CN" else "; ".join(self.issuer_names)

    @property
    def has_disclosure(self) -> bool:
        d = self.report.disclosure
        return d is not None and any([d.index_number, d.classification, d.publisher, d.published_on])

    @property
    def has_imprint(self) -> bool:
        d = self.report.distribution
        return d is not None and bool(d.copies_to or d.printed_by or d.printed_on)

    def previous_year(self, indicator: Indicator) -> int:
        return indicator.previous_year or self.report.year - 1

    @property
    def comparison_years(self) -> list[int]:
        """The comparison years used by indicators that have a previous value (usually one)."""
        years = {self.previous_year(i) for i in self.report.indicators if i.previous is not None}
        return sorted(years) or [self.report.year - 1]
