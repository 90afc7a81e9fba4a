"""`genreport init`: a new data file with every part of the kind present as a commented skeleton.

The skeleton loads cleanly and validates against the models, so `check` can run every rule on
it at once; what is left to write is a placeholder in a text field, which the `placeholder`
rule reports with its line. The signing date is left out rather than guessed: a made-up date
would pass every check and could be printed, while a missing one is the `missing-date` finding
until the report is signed. Numbers are never invented either, so a new file has no indicators,
only a commented example of one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap

from genreport.data.kinds import KindSpec, SectionSpec
from genreport.data.model import Locale
from genreport.render.numbering import part_number
from genreport.yearly.yamltext import comment_before, dump, mapping, schema_line, sequence, todo


@dataclass(frozen=True)
class Words:
    """The skeleton's fixed wording in one locale."""

    issuer: str
    preamble: str
    heading: str
    lead: str
    text: str
    header: tuple[str, ...]
    issuer_note: str
    optional_fields: tuple[str, ...]
    what: str
    shape: str
    none: str
    indicators: tuple[str, ...]


WORDS: dict[Locale, Words] = {
    "zh-CN": Words(
        issuer="发文机关全称",
        preamble="开头段落：概述本年度法治政府建设总体情况",
        heading="小标题",
        lead="引导句。",
        text="具体做法、成效和数据",
        header=(
            "把每个【待填】换成实际内容；`genreport check 本文件` 会逐条列出尚未填写的地方。",
            "字段说明：`genreport schema`；报告各部分的要求见下方各部分前的注释。",
        ),
        issuer_note="发文机关；level 可选 province 省、city 市、county 县、district 区、township 乡镇、department 部门；联合行文时写成列表",
        optional_fields=(
            "recipient: 主送机关（可省略；多个时写成列表）",
            "document_number: 发文字号，如 左政发〔2025〕2号（可省略）",
            "signed_on: 成文日期 YYYY-MM-DD，签发时填写（未填时 check 报 missing-date；草稿可用 build --draft）",
            "title: 标题（省略时自动生成）",
            "sealed: 是否加盖印章（省略即 false：不加盖，网站公开版通常如此；加盖时写 true，落款和成文日期的位置随之改变，GB/T 9704 第7.3.5条）",
        ),
        what="写什么：",
        shape="每部分可写 intro（导语）、subsections（小节，编为（一）（二）……）或 points（要点，编为一是、二是……）",
        none="需要报告的情况；如确无，删去 points，改为 none: true",
        indicators=(
            "主要指标（可选；数字不加引号）：",
            "indicators:",
            "  - key: reconsideration_cases     # 小写英文标识，逐年保持不变",
            "    label: 行政复议案件办结数",
            "    value: 3",
            "    previous: 2                    # 上年数值",
            "    unit: 件",
        ),
    ),
    "en": Words(
        issuer="full name of the issuing body",
        preamble="opening paragraph",
        heading="heading",
        lead="lead.",
        text="the details",
        header=(
            "Replace every TODO with the actual content; `genreport check THIS_FILE` lists what is left.",
            "Every field is described by `genreport schema`; each part's comment says what it must contain.",
        ),
        issuer_note="Issuing body; level may be province, city, county, district, township or department; a list for a joint report",
        optional_fields=(
            "recipient: the body reported to (optional; a list for several)",
            "document_number: e.g. Zuo Zheng Fa [2025] No. 2 (optional)",
            "signed_on: date signed, YYYY-MM-DD, once signed (until then check reports missing-date; build --draft works)",
            "title: the title (generated when left out)",
            "sealed: whether the report is sealed (left out: false, no seal, usual for the website copy; write true when sealed: the signature and date move, GB/T 9704 7.3.5)",
        ),
        what="What to write: ",
        shape="Each part may have an intro, subsections (numbered (1) (2) ...) or points (First, Second, ...)",
        none="matters to report; if none, replace points with none: true",
        indicators=(
            "Key figures (optional; numbers without quotes):",
            "indicators:",
            "  - key: reconsideration_cases     # lower-case identifier, kept the same every year",
            "    label: Administrative reconsideration cases concluded",
            "    value: 3",
            "    previous: 2                    # last year's value",
            "    unit: cases",
        ),
    ),
}


def section_comment(index: int, spec: SectionSpec, locale: Locale) -> list[str]:
    """The lines above a part: its number and heading, then what it must contain."""
    words = WORDS[locale]
    lines = [f"{part_number(index + 1, locale)}{spec.heading(locale)}"]
    if spec.guidance is not None:
        lines.append(f"{words.what}{spec.guidance(locale)}")
    return lines


def skeleton_section(spec: SectionSpec, locale: Locale) -> CommentedMap:
    """One placeholder subsection with one point; a part that may be "none" gets one point saying so."""
    words = WORDS[locale]
    if spec.allow_none:
        return mapping([("points", sequence([todo(locale, words.none)]))])
    point = mapping([("lead", todo(locale, words.lead)), ("text", todo(locale, words.text))])
    subsection = mapping([("heading", todo(locale, words.heading)), ("points", sequence([point]))])
    return mapping([("subsections", sequence([subsection]))])


def scaffold(kind: KindSpec, locale: Locale, year: int, issuer: str | None, schema: str) -> str:
    """The text of a new data file for `kind`, reporting on `year`."""
    words = WORDS[locale]
    document = mapping(
        [
            ("kind", kind.name),
            ("locale", locale),
            ("year", year),
            ("issuer", mapping([("name", issuer or todo(locale, words.issuer))])),
            ("preamble", todo(locale, words.preamble)),
        ]
    )
    comment_before(document, "issuer", [words.issuer_note], indent=0)
    comment_before(document, "preamble", words.optional_fields, indent=0)
    sections = mapping((spec.key, skeleton_section(spec, locale)) for spec in kind.sections)
    for index, spec in enumerate(kind.sections):
        comment_before(sections, spec.key, ["", *section_comment(index, spec, locale)], indent=2)
    comment_before(document, "sections", ["", words.shape], indent=0)
    document["sections"] = sections
    return dump(document, header=[schema_line(schema), kind.label(locale), *words.header], footer=words.indicators)
