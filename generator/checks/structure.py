"""The kind's parts: present, known, not empty, "none" only where allowed, not far too short."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.data.texts import section_texts, visible_length
from genreport.errors import Severity, Text


@rule("unknown-section", Severity.ERROR)
def unknown_section(ctx: Context) -> Iterator[Problem]:
    known = ctx.kind.section_keys
    for key in ctx.report.sections:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            guess_zh = f"；是否想写 {close[0]}（{ctx.kind.part_name(close[0])[0]}）？" if close else ""
            guess_en = f"; did you mean {close[0]}?" if close else ""
            yield Problem(
                ("sections", key),
                Text(f"未知的部分 {key}{guess_zh}", f"unknown section {key}{guess_en}"),
                Text(
                    "本类报告的部分：" + "；".join(f"{k}（{ctx.kind.part_name(k)[0]}）" for k in known),
                    f"this kind's sections are: {', '.join(known)}",
                ),
                at_key=True,
            )


@rule("missing-section", Severity.ERROR)
def missing_section(ctx: Context) -> Iterator[Problem]:
    for spec in ctx.kind.sections:
        if not spec.required:
            continue
        section = ctx.report.sections.get(spec.key)
        zh, en = ctx.kind.part_name(spec.key)
        if section is None:
            none_zh = "；如确无内容，写 none: true" if spec.allow_none else ""
            none_en = "; if there is nothing to report, write none: true" if spec.allow_none else ""
            yield Problem(
                ("sections",),
                Text(f"缺少必需的{zh}", f"required {en} is missing"),
                Text(
                    f"在 sections 下添加 {spec.key}:（{zh[: zh.index('“')]}）{none_zh}",
                    f"add {spec.key}: under sections{none_en}",
                ),
                at_key=True,
            )
        elif section.is_empty and not section.none:
            yield Problem(
                ("sections", spec.key),
                Text(f"{zh}是空的", f"{en} is empty"),
                Text("填写 intro、subsections 或 points", "write its intro, subsections or points"),
                at_key=True,
            )


@rule("none-not-allowed", Severity.ERROR)
def none_not_allowed(ctx: Context) -> Iterator[Problem]:
    for spec in ctx.kind.sections:
        section = ctx.report.sections.get(spec.key)
        if section is not None and section.none and not spec.allow_none:
            yield Problem(
                ("sections", spec.key, "none"),
                Text(
                    f"{ctx.kind.part_name(spec.key)[0]}必须有内容，不能写“无”",
                    f"{ctx.kind.part_name(spec.key)[1]} must have content; it cannot be 'none'",
                ),
                Text("删除 none: true 并填写内容", "remove none: true and write the section"),
            )


@rule("none-with-content", Severity.ERROR)
def none_with_content(ctx: Context) -> Iterator[Problem]:
    for key, section in ctx.report.sections.items():
        if section.none and not section.is_empty:
            yield Problem(
                ("sections", key, "none"),
                Text(
                    f"{ctx.kind.part_name(key)[0]}既写了 none: true 又有内容",
                    f"{ctx.kind.part_name(key)[1]} says none: true but also has content",
                ),
                Text("二者择一：删除 none: true 或删除内容", "choose one: remove none: true or remove the content"),
            )


@rule("mixed-section", Severity.ERROR)
def mixed_section(ctx: Context) -> Iterator[Problem]:
    for key, section in ctx.report.sections.items():
        if section.subsections and section.points:
            yield Problem(
                ("sections", key, "points"),
                Text(
                    f"{ctx.kind.part_name(key)[0]}同时有 subsections 和 points",
                    f"{ctx.kind.part_name(key)[1]} has both subsections and points",
                ),
                Text(
                    "把 points 移入某个小节，或去掉小节", "move the points into a subsection, or drop the subsections"
                ),
                at_key=True,
            )


@rule("short-section", Severity.WARNING)
def short_section(ctx: Context) -> Iterator[Problem]:
    for spec in ctx.kind.sections:
        section = ctx.report.sections.get(spec.key)
        if section is None or section.none or section.is_empty or not spec.min_chars:
            continue
        length = sum(visible_length(text) for path, text in section_texts(spec.key, section) if path[-1] != "heading")
        if length < spec.min_chars:
            yield Problem(
                ("sections", spec.key),
                Text(
                    f"{ctx.kind.part_name(spec.key)[0]}只有 {length} 字，远少于通常（至少 {spec.min_chars} 字）",
                    f"{ctx.kind.part_name(spec.key)[1]} has only {length} characters, far fewer than usual (at least {spec.min_chars})",
                ),
                Text("补充具体举措和数据", "add the concrete measures and figures"),
                at_key=True,
            )
