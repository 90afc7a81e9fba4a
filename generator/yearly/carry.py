"""`genreport init --from`: this year's data file, carried forward from last year's.

What stays the same from year to year is carried: the issuer, recipient, signatures, heading
overrides, subsection headings and each indicator's key, label and unit, with `previous` set to
last year's value. What must be written afresh is a placeholder that `check` flags: every
paragraph, and every indicator's new figure. Last year's text appears only in comments, as a
reminder; nothing is copied into a field, so the report cannot go out with last year's words
by accident. The document number and all dates are cleared.

Last year's "arrangements for the coming year" are listed above this year's "measures": the
regulation asks what became of them. Those two keys are named here, not in the kind's data,
because kind.yaml has no field for the link yet; for a kind without them the prompt is skipped.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from genreport.checks.years import moved_years, named_years
from genreport.data.kinds import KindSpec
from genreport.data.model import Indicator, Issuer, Locale, Point, Report, Section, Subsection
from genreport.data.previous_file import record_line
from genreport.data.texts import paragraphs
from genreport.yearly.scaffold import section_comment, skeleton_section
from genreport.yearly.yamltext import comment_before, dump, mapping, schema_line, sequence, todo

RESULTS_SECTION = "measures"
PLANS_SECTION = "next_year"
EXCERPT = 40  # characters of last year's text shown in a reminder comment
COMMENT_COLUMN = 24  # where an indicator's end-of-line notes start, so they line up

_WORDS: dict[Locale, dict[str, str]] = {
    "zh-CN": {
        "preamble": "开头段落",
        "intro": "导语",
        "text": "具体做法、成效和数据",
        "results_intro": "导语；写明上年安排（见上方注释）的落实情况",
        "value_note": "【待填】{year}年数值",
        "previous_note": "{year}年数值",
        "no_previous": "上年报告只有同比变化，没有数值",
        "attachment": "附件内容",
        "last_year": "上年：",
        "last_points": "上年要点：",
        "plans": "上年报告“{heading}”（今年要写明各项的落实情况）：",
        "none": "上年为“无”；今年如有需要报告的情况，删去 none: true 并填写",
        "cleared": "上年的以下字段已清空，签发时按今年填写：",
        "sealed": "sealed：是否加盖印章。false 为不加盖（网站公开版通常如此），true 为加盖；它决定落款和成文日期的位置（GB/T 9704 第7.3.5条）",
        "title": "核对标题中的年份",
        "year_heading": "上年标题写了年份，已顺延为{years}：核对措辞，或删去 heading 用默认措辞",
        "recorded": "下一行记下上年报告：check、build 据此核对照抄的段落、指标和上年安排的落实情况",
        "header": "由 genreport init --from {source} 生成：机关、小标题和指标沿用上年，正文和数值需要重新填写。",
        "next_step": "填写后运行：genreport check 本文件 --previous {source}",
    },
    "en": {
        "preamble": "opening paragraph",
        "intro": "intro",
        "text": "the details",
        "results_intro": "intro; say what became of last year's arrangements (listed above)",
        "value_note": "TODO: the {year} value",
        "previous_note": "the {year} value",
        "no_previous": "last year's report gave only the change, no value",
        "attachment": "attachment body",
        "last_year": "Last year: ",
        "last_points": "Last year's points: ",
        "plans": 'Last year\'s "{heading}" (say what became of each):',
        "none": "Last year: none. If there is something to report this year, remove none: true and write it",
        "cleared": "Last year's values of these fields were cleared; add this year's when the report is signed:",
        "sealed": "sealed: whether the report is sealed. false: no seal (usual for the website copy); true: sealed; it decides where the signature and date go (GB/T 9704 7.3.5)",
        "title": "check the year in the title",
        "year_heading": "last year's heading named a year, moved on to {years}: check the wording,"
        " or delete heading for the default",
        "recorded": "The next line records last year's file: check and build compare with it"
        " (copied text, figures, last year's plans)",
        "header": "Made by genreport init --from {source}: bodies, headings and indicators carried over; write the text and figures afresh.",
        "next_step": "Then run: genreport check THIS_FILE --previous {source}",
    },
}


def cleared_fields(last: Report) -> list[tuple[str, tuple[str, str]]]:
    """The fields `init --from` empties because they are this year's (key, (zh, en) of what to write)."""
    fields = [
        ("document_number", ("发文字号，如 左政发〔2025〕2号", "the document number, e.g. Zuo Zheng Fa [2025] No. 2")),
        ("signed_on", ("成文日期 YYYY-MM-DD", "the date signed, YYYY-MM-DD")),
    ]
    if last.distribution is not None and last.distribution.printed_on is not None:
        fields.append(
            (
                "distribution.printed_on",
                ("印发日期 YYYY-MM-DD（写在 distribution 下）", "the date printed, YYYY-MM-DD (under distribution)"),
            )
        )
    if last.disclosure is not None:
        if last.disclosure.published_on is not None:
            fields.append(
                (
                    "disclosure.published_on",
                    (
                        "网站发布日期 YYYY-MM-DD（写在 disclosure 下）",
                        "the date published, YYYY-MM-DD (under disclosure)",
                    ),
                )
            )
        if last.disclosure.index_number is not None:
            fields.append(
                ("disclosure.index_number", ("索引号（写在 disclosure 下）", "the index number (under disclosure)"))
            )
    return fields


def next_year_name(source: str, year: int) -> str:
    """zuoyun-2023.zh-CN.yaml -> zuoyun-2024.zh-CN.yaml; a name without the year gets it appended."""
    if str(year) in source:
        return source.replace(str(year), str(year + 1))
    stem, dot, suffix = source.rpartition(".")
    return f"{stem}-{year + 1}.{suffix}" if dot else f"{source}-{year + 1}.yaml"


def carry_forward(last: Report, kind: KindSpec, source: str, schema: str, recorded: str | None = None) -> str:
    """The text of next year's data file; `source` names last year's file in the comments.

    `recorded` is last year's file relative to the new file's folder: written as a
    `# genreport: previous` line, it lets `check` compare the two years without --previous.
    """
    words = _WORDS[last.locale]
    year = last.year + 1
    document = mapping([("kind", last.kind), ("locale", last.locale), ("year", year), ("issuer", _issuers(last))])
    for field in ("recipient", "signed_by"):
        if getattr(last, field) is not None:
            document[field] = _plain(getattr(last, field))
    if last.title:
        document["title"] = moved_years(last.title, last.year)
        # Above the title, not after it: ` # ` after an unquoted value is what check's yaml-comment flags.
        comment_before(document, "title", [words["title"]], indent=0)
    document["sealed"] = last.sealed
    document["public_release"] = last.public_release
    cleared = [f"  {key}: {about[0] if last.locale == 'zh-CN' else about[1]}" for key, about in cleared_fields(last)]
    comment_before(document, "sealed", [words["cleared"], *cleared, words["sealed"]], indent=0)
    _blocks(document, last)
    if last.preamble:
        document["preamble"] = todo(last.locale, words["preamble"])
        comment_before(document, "preamble", [words["last_year"] + _excerpt(last.preamble)], indent=0)
    document["sections"] = _sections(last, kind)
    if last.attachments:
        document["attachments"] = sequence(
            mapping(
                [
                    ("title", moved_years(a.title, last.year)),
                    ("body", _attachment_body(a.body, last, words["attachment"])),
                ]
            )
            for a in last.attachments
        )
    if last.indicators:
        document["indicators"] = _indicators(last)
    header = [schema_line(schema), words["header"].format(source=source)]
    if recorded is None:
        header.append(words["next_step"].format(source=source))
    else:
        header += [words["recorded"], record_line(recorded)]
    return dump(document, header=header)


def _issuers(last: Report) -> Any:
    def one(issuer: Issuer) -> CommentedMap:
        return mapping((k, v) for k, v in issuer.model_dump(exclude_defaults=True).items())

    return sequence(one(i) for i in last.issuer) if isinstance(last.issuer, list) else one(last.issuer)


def _blocks(document: CommentedMap, last: Report) -> None:
    """Disclosure and distribution, without their dates and index number (they are this year's)."""
    if last.disclosure is not None:
        kept = last.disclosure.model_dump(include={"classification", "publisher"}, exclude_none=True)
        if kept:
            document["disclosure"] = mapping(kept.items())
    if last.distribution is not None:
        kept = last.distribution.model_dump(include={"copies_to", "printed_by"}, exclude_defaults=True)
        if kept:
            document["distribution"] = mapping((k, _plain(v)) for k, v in kept.items())


def _sections(last: Report, kind: KindSpec) -> CommentedMap:
    locale = last.locale
    keys = [*kind.section_keys, *(k for k in last.sections if k not in kind.section_keys)]
    sections = mapping()
    for key in keys:
        section = last.sections.get(key)
        spec = kind.section(key)
        if section is None:
            assert spec is not None  # keys outside the kind come from last year's sections
            sections[key] = skeleton_section(spec, locale)  # a part last year's file lacked
        else:
            sections[key] = _section(section, locale, last.year, results=key == RESULTS_SECTION)
        lines = [""] + (section_comment(kind.sections.index(spec), spec, locale) if spec else [])
        if key == RESULTS_SECTION and PLANS_SECTION in last.sections:
            lines += _plans_prompt(last, kind)
        comment_before(sections, key, lines, indent=2)
    return sections


def _heading(out: CommentedMap, heading: str, locale: Locale, year: int, indent: int) -> None:
    """A carried heading, its years moved on by one; a comment above it says so (the clerk rereads it)."""
    out["heading"] = moved_years(heading, year)
    if out["heading"] != heading:
        years = "、".join(named for named, _ in named_years(out["heading"]))
        comment_before(out, "heading", [_WORDS[locale]["year_heading"].format(years=years)], indent=indent)


def _section(section: Section, locale: Locale, year: int, *, results: bool) -> CommentedMap:
    words = _WORDS[locale]
    out = mapping()
    if section.heading:
        _heading(out, section.heading, locale, year, indent=4)
    if section.none:
        out["none"] = True
        out.yaml_add_eol_comment(words["none"], "none")
        return out
    if results:
        out["intro"] = todo(locale, words["results_intro"])
    elif section.intro:
        out["intro"] = todo(locale, words["intro"])
        comment_before(out, "intro", [words["last_year"] + _excerpt(section.intro)], indent=4)
    if section.subsections:
        out["subsections"] = sequence(_subsection(sub, locale, year) for sub in section.subsections)
    if section.points:
        out["points"] = sequence([todo(locale, words["text"])])
        comment_before(out, "points", _points_reminder(section.points, locale), indent=4)
    return out


def _subsection(sub: Subsection, locale: Locale, year: int) -> CommentedMap:
    words = _WORDS[locale]
    out = mapping()
    _heading(out, sub.heading, locale, year, indent=8)
    if sub.points:
        out["points"] = sequence([todo(locale, words["text"])])
        comment_before(out, "points", _points_reminder(sub.points, locale), indent=8)
    else:
        out["intro"] = todo(locale, words["intro"])
        if sub.intro:
            comment_before(out, "intro", [words["last_year"] + _excerpt(sub.intro)], indent=8)
    return out


def _points_reminder(points: list[Point], locale: Locale) -> list[str]:
    leads = [(point.lead or _excerpt(point.text, 20)).rstrip("。；.;") for point in points]
    return [_WORDS[locale]["last_points"] + ("；" if locale == "zh-CN" else "; ").join(leads)]


def _plans_prompt(last: Report, kind: KindSpec) -> list[str]:
    """Last year's arrangements, one line each: subsection headings, else point leads, else the intro."""
    plans = last.sections[PLANS_SECTION]
    spec = kind.section(PLANS_SECTION)
    heading = plans.heading or (spec.heading(last.locale) if spec else PLANS_SECTION)
    if plans.subsections:
        items = [sub.heading for sub in plans.subsections]
    elif plans.points:
        items = [point.lead or _excerpt(point.text) for point in plans.points]
    else:
        items = [_excerpt(p) for p in paragraphs(plans.intro or "")]
    return [
        _WORDS[last.locale]["plans"].format(heading=heading),
        *(f"  {n}. {item}" for n, item in enumerate(items, 1)),
    ]


def plans_of(last: Report, kind: KindSpec) -> list[str]:
    """Last year's arrangements, one item each (init -f docx lists them in the form)."""
    if PLANS_SECTION not in last.sections:
        return []
    return [line.strip() for line in _plans_prompt(last, kind)[1:]]


def _indicators(last: Report) -> Any:
    words = _WORDS[last.locale]
    year = last.year + 1
    out = sequence()
    for old in last.indicators:
        item = _indicator(old)
        note = words["value_note"].format(year=year)
        item.yaml_add_eol_comment(
            note if old.value is not None else f"{note} ({words['no_previous']})", "value", column=COMMENT_COLUMN
        )
        if old.value is not None:
            item.yaml_add_eol_comment(words["previous_note"].format(year=last.year), "previous", column=COMMENT_COLUMN)
        out.append(item)
    return out


def _indicator(old: Indicator) -> CommentedMap:
    # value: null is "not yet known": `check` reports missing-figure at it until it is written.
    # No key is made up for an indicator that had none: the label identifies it (data/identity.py).
    item = mapping([*([("key", old.key)] if old.key else []), ("label", old.label), ("value", None)])
    if old.value is not None:
        item["previous"] = old.written("value") or _plain(old.value)  # 100余 stays as written
    for field in ("unit", "part_of"):
        if getattr(old, field) is not None:
            item[field] = getattr(old, field)
    return item


_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _attachment_body(body: str, last: Report, what: str) -> Any:
    """Last year's attachment for this year: its tables keep their rows, their header (years moved
    on) and their text cells, and each cell with a figure becomes a placeholder (check reports it
    until it is filled); a 序号 in the first column stays. The prose around them is one placeholder."""
    lines = body.splitlines()
    if not any(_TABLE_LINE.match(line) for line in lines):
        return todo(last.locale, what)
    out: list[str] = []
    previous_was_table = False
    for line in lines:
        if not _TABLE_LINE.match(line):
            previous_was_table = False
            if line.strip() and todo(last.locale, what) not in out[-2:]:
                out += ["", todo(last.locale, what), ""] if out else [todo(last.locale, what), ""]
            continue
        if not previous_was_table or _SEPARATOR.match(line):  # the header, and the row under it
            out.append(moved_years(line, last.year))
        else:
            cells = line.strip().strip("|").split("|")
            out.append("|" + "|".join(_carried_cell(cell, n, last.locale) for n, cell in enumerate(cells)) + "|")
        previous_was_table = True
    return LiteralScalarString("\n".join(out).strip("\n") + "\n")


def _carried_cell(cell: str, column: int, locale: Locale) -> str:
    if not re.search(r"\d", cell) or (column == 0 and re.fullmatch(r"\s*\d{1,3}\s*", cell)):
        return cell
    return f" {todo(locale, '')} "


def _plain(value: Any) -> Any:
    """Values as a person writes them: 11, not 11.0; lists as YAML block lists."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return sequence(_plain(v) for v in value)
    return value


def _excerpt(text: str, length: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[:length] + "…"
