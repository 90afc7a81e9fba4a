"""The data contract: pydantic models for one report file, and nothing else.

Every field carries a bilingual description (Chinese / English); they become the JSON Schema
that editors use to autocomplete a data file. Models are strict: a quoted number is not a number,
`no` is a string, and an unknown key is an error. Dates are the one lax spot, so that a quoted
"2024-01-16" still reads as a date and "2024-02-30" fails with pydantic's own range message.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)

from genreport.data import figures

Locale = Literal["zh-CN", "en"]
Level = Literal["province", "city", "county", "district", "township", "department"]
# One numeric type, not int | float: a union would double every type error. Integers print without ".0".
Number = Annotated[float, Field(allow_inf_nan=False)]
LaxDate = Annotated[dt.date, Field(strict=False)]
# An indicator's figure: a number, or a text as reports state it (100余, 3.2万, 约60, 近千), which
# Indicator reads as a number and keeps as written. The schema offers editors both forms.
FigureValue = Annotated[
    float,
    Field(allow_inf_nan=False),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": figures.WRITTEN.pattern}]}),
]
# A part written as one of these words states that there is nothing to report (none: true).
NOTHING_WORDS = frozenset({"无", "没有", "暂无", "none", "nothing to report"})


def describe(zh: str, en: str) -> str:
    """One description in both languages, Chinese first, as the schema shows it."""
    return f"{zh} / {en}"


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Issuer(Strict):
    name: str = Field(min_length=1, description=describe("发文机关全称", "Full name of the issuing body"))
    level: Level | None = Field(
        default=None,
        description=describe(
            "机关层级：province 省、city 市、county 县、district 区、township 乡镇、department 部门",
            "Level of government: province, city, county, district, township or department",
        ),
    )
    parent: str | None = Field(
        default=None,
        description=describe("部门所属的人民政府（仅部门填写）", "For a department: the government it belongs to"),
    )


class Disclosure(Strict):
    index_number: str | None = Field(default=None, description=describe("索引号", "Disclosure index number"))
    classification: str | None = Field(default=None, description=describe("信息分类", "Information classification"))
    publisher: str | None = Field(
        default=None, description=describe("发布机构（与发文机关不同时填写）", "Publisher, when not the issuer")
    )
    published_on: LaxDate | None = Field(default=None, description=describe("发布日期", "Date published online"))


class Distribution(Strict):
    copies_to: list[str] = Field(default_factory=list, description=describe("抄送机关", "Bodies receiving copies"))
    printed_by: str | None = Field(default=None, description=describe("印发机关", "Office that printed the document"))
    printed_on: LaxDate | None = Field(default=None, description=describe("印发日期", "Date printed"))


class Point(Strict):
    lead: str | None = Field(
        default=None, description=describe("要点的引导句（正文字体）", "Optional lead sentence, in the body font")
    )
    text: str = Field(description=describe("要点正文（Markdown）", "The point's text (Markdown)"))

    @model_validator(mode="before")
    @classmethod
    def _plain_string_is_text(cls, data: Any) -> Any:
        # A point with no lead is most naturally written as a bare string.
        return {"text": data} if isinstance(data, str) else data


class Subsection(Strict):
    heading: str = Field(min_length=1, description=describe("小标题（不含序号）", "Heading, without its number"))
    intro: str | None = Field(
        default=None, description=describe("小标题下的导语（Markdown）", "Text under the heading")
    )
    points: list[Point] = Field(
        default_factory=list, description=describe("要点，编为一是、二是……", "Points, numbered First, Second, …")
    )


class Section(Strict):
    heading: str | None = Field(
        default=None,
        description=describe("覆盖默认标题的措辞（位置不变）", "Overrides the heading's wording, never its place"),
    )
    intro: str | None = Field(
        default=None, description=describe("本部分导语（Markdown）", "Text before the subsections")
    )
    subsections: list[Subsection] = Field(
        default_factory=list, description=describe("小节，编为（一）（二）……", "Subsections, numbered (1) (2) …")
    )
    points: list[Point] = Field(
        default_factory=list, description=describe("要点（无小节时）", "Points, when the part has no subsections")
    )
    none: bool = Field(
        default=False,
        description=describe("明确说明本部分无内容", "States explicitly that there is nothing to report"),
    )

    @model_validator(mode="before")
    @classmethod
    def _nothing_to_report(cls, data: Any) -> Any:
        # `other_matters: 无` (or none) is how a clerk writes "nothing to report": none: true.
        return {"none": True} if isinstance(data, str) and data.strip().rstrip("。.").lower() in NOTHING_WORDS else data

    @property
    def is_empty(self) -> bool:
        return not (self.intro or self.subsections or self.points)


class Attachment(Strict):
    title: str = Field(min_length=1, description=describe("附件名称", "Attachment title"))
    body: str = Field(
        description=describe("附件内容（Markdown，可含表格）", "Attachment body (Markdown, tables allowed)")
    )


class Indicator(Strict):
    key: str | None = Field(
        default=None,
        pattern=r"^[a-z][a-z0-9_]*$",
        description=describe(
            "指标标识（可不填：不填时以指标名称识别；填写时用小写英文、数字、下划线）",
            "Identifier, optional (the label identifies the indicator when absent): lower-case letters, digits, _",
        ),
    )
    label: str = Field(min_length=1, description=describe("指标名称", "Indicator label"))
    value: FigureValue | None = Field(
        default=None,
        description=describe(
            "本年度数值：数字，或报告中的写法如 100余、3.2万、约60、近千（只知同比变化时可不填，改填 change）",
            "This year's value: a number, or as reports state it (100余, 3.2万, 约60, 近千); or give only change",
        ),
    )
    approx: bool = Field(default=False, description=describe("约数，印作“3余”", "Approximate: printed as 'over 3'"))
    previous: FigureValue | None = Field(
        default=None,
        description=describe(
            "比较年度数值（写法同 value）；确无可比数据时写 null",
            "The comparison value (written as value); null when none exists",
        ),
    )
    previous_year: int | None = Field(
        default=None,
        ge=1949,
        le=2100,
        description=describe("比较年度（默认上一年）", "Comparison year (default: year - 1)"),
    )
    change: Number | None = Field(
        default=None,
        description=describe("只知同比变化时填写的变化量", "Year-on-year change, when only the change is known"),
    )
    change_unit: str | None = Field(
        default=None, description=describe("变化量的单位，如 % 或 个百分点", "Unit of the change: % or 个百分点")
    )
    unit: str | None = Field(default=None, description=describe("单位：件、人、%、万元……", "Unit: 件, 人, %, 万元 …"))
    part_of: str | None = Field(
        default=None,
        description=describe(
            "本指标不得超过的指标（标识或名称）", "Key (or label) of an indicator this count cannot exceed"
        ),
    )
    # value/previous as the clerk wrote them ("100余"), when written as text: printed as written.
    _written: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _figures_as_written(cls, data: Any, handler: ModelWrapValidatorHandler[Indicator]) -> Indicator:
        # `value: 100余` is a figure a report states: it loads as the number 100 and keeps its text.
        # A text that is no figure stays a string, so that the schema error names the field.
        written: dict[str, str] = {}
        if isinstance(data, dict):
            data = dict(data)
            for name in ("value", "previous"):
                text = data.get(name)
                if isinstance(text, str) and (figure := figures.parse(text)) is not None:
                    data[name] = figure.value
                    written[name] = figure.written
        indicator = handler(data)
        if written:
            indicator._written = written
        return indicator

    @property
    def ident(self) -> str:
        """What names the indicator across years and in part_of: its key, or its label when it has none."""
        return self.key or self.label

    def written(self, name: str) -> str | None:
        """`value` or `previous` as the data file wrote it, when it was a text (100余, 3.2万)."""
        return self._written.get(name)

    def figure(self, name: str = "value") -> figures.Figure | None:
        """`value` or `previous` as a figure: its number and how exact it is."""
        number = getattr(self, name)
        if number is None:
            return None
        text = self._written.get(name)
        if text is not None:
            parsed = figures.parse(text)
            if parsed is not None:
                return parsed
        plain = figures.of_number(number)
        if self.approx and name == "value":
            return figures.Figure(plain.value, "over", plain.written, plain.step)
        return plain


class Letterhead(Strict):
    """版头 of the copy sent up (上行文, GB/T 9704 §7.2): off for the website version."""

    mark: str | None = Field(
        default=None,
        description=describe(
            "发文机关标志（默认：发文机关名称加“文件”）", "Issuing-body mark (default: the issuer + 文件)"
        ),
    )
    signers: list[str] = Field(
        default_factory=list, description=describe("签发人（上行文必填）", "Signers (签发人), for a report sent up")
    )


class Report(Strict):
    kind: str = Field(description=describe("报告类型", "Report kind"))
    locale: Locale = Field(description=describe("语言：zh-CN 或 en", "Language: zh-CN or en"))
    year: int = Field(ge=1949, le=2100, description=describe("报告所述年度", "The year reported on"))
    issuer: Issuer | list[Issuer] = Field(
        description=describe("发文机关；联合行文时为列表", "Issuing body; a list for a joint report")
    )
    recipient: str | list[str] | None = Field(default=None, description=describe("主送机关", "Recipient(s)"))
    document_number: str | None = Field(default=None, description=describe("发文字号", "Document number"))
    letterhead: Letterhead | None = Field(
        default=None,
        description=describe("版头：发文机关标志、签发人（上行文）", "版头: issuing-body mark and signers"),
    )
    title: str | None = Field(default=None, description=describe("标题（默认自动生成）", "Title (default: generated)"))
    signed_by: str | list[str] | None = Field(
        default=None, description=describe("落款（默认为发文机关）", "Signature (default: the issuer names)")
    )
    signed_on: LaxDate | None = Field(default=None, description=describe("成文日期", "Date signed"))
    sealed: bool = Field(default=False, description=describe("是否加盖印章", "Whether the document is sealed"))
    public_release: bool = Field(
        default=True, description=describe("附注（此件公开发布）", "Annotation: released to the public")
    )
    disclosure: Disclosure | None = Field(
        default=None, description=describe("政府信息公开信息", "Website disclosure block")
    )
    distribution: Distribution | None = Field(default=None, description=describe("版记", "Distribution block"))
    preamble: str | None = Field(default=None, description=describe("开头段落（Markdown）", "Opening paragraphs"))
    sections: dict[str, Section] = Field(
        default_factory=dict, description=describe("各部分内容，按类型规定的顺序排版", "The parts, in any order")
    )
    attachments: list[Attachment] = Field(default_factory=list, description=describe("附件", "Attachments"))
    indicators: list[Indicator] = Field(default_factory=list, description=describe("主要指标", "Key figures"))

    @property
    def issuers(self) -> list[Issuer]:
        return self.issuer if isinstance(self.issuer, list) else [self.issuer]

    @property
    def recipients(self) -> list[str]:
        return as_list(self.recipient)

    @property
    def signers(self) -> list[str]:
        return as_list(self.signed_by) or [issuer.name for issuer in self.issuers]


def as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
