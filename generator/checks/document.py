"""The document number (发文字号), GB/T 9704 §7.2.5: 机关代字〔年份〕序号号."""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.errors import Severity, Text

_ZH = re.compile(r"^[\u4e00-\u9fff]+〔(\d{4})〕([1-9]\d*)号$")
_EN = re.compile(r"^\S.*\[(\d{4})\] No\. ([1-9]\d*)$")


def _diagnose(number: str) -> tuple[str, str]:
    if "第" in number:
        return "序号前不加“第”", 'no "第" before the sequence number'
    if re.search(r"[\[\]()（）【】]", number):
        return "年份用六角括号〔〕", "put the year in 〔〕 brackets"
    if re.search(r"〔\d{2}〕", number):
        return "年份写全四位", "write the full four-digit year"
    if re.search(r"〕0\d", number):
        return "序号不编虚位（不补 0）", "no zero padding in the sequence number"
    return "格式为 机关代字〔年份〕序号号，如 左政发〔2024〕2号", "the form is 代字〔year〕N号, e.g. 左政发〔2024〕2号"


@rule("document-number", Severity.WARNING)
def document_number(ctx: Context) -> Iterator[Problem]:
    number = ctx.report.document_number
    if not number:
        return
    match = _ZH.match(number) or (_EN.match(number) if ctx.report.locale == "en" else None)
    if match is None:
        zh, en = _diagnose(number)
        yield Problem(
            ("document_number",),
            Text(f"发文字号“{number}”不合规范：{zh}", f'document number "{number}" is not in the standard form: {en}'),
            Text("GB/T 9704 §7.2.5：如 左政发〔2024〕2号", "GB/T 9704 §7.2.5: e.g. 左政发〔2024〕2号"),
        )
    elif int(match.group(1)) not in (ctx.report.year, ctx.report.year + 1):
        yield Problem(
            ("document_number",),
            Text(
                f"发文字号的年份 {match.group(1)} 与报告年度 {ctx.report.year} 不符",
                f"the document number's year {match.group(1)} does not fit the report year {ctx.report.year}",
            ),
            Text("发文字号用签发的年份", "use the year of signing"),
        )
