"""Figures and prose that disagree, and prose the YAML reader cut or ran together.

- `figure-mismatch`: a sentence names an indicator's label and gives a figure that is neither its
  value, its comparison value nor its change (`败诉率为35.2%` while `indicators` says 38.0).
  Only the figures after the label and before the sentence ends are read, and a sentence that
  names no figure says nothing, so that narrative text stays quiet.
- `lead-punctuation`: a point's `lead:` runs straight into its text ("一是带头学法用法市政府…")
  when it has no closing punctuation. The rule warns rather than adding a full stop: the clerk
  may have meant a colon or a comma, and the data file is never rewritten behind their back.
- `yaml-comment`: in a plain (unquoted) value, ` #` starts a YAML comment, so everything after
  it is silently dropped from the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.checks.dismiss import is_directive
from genreport.checks.registry import Context, Problem, rule
from genreport.data.texts import report_texts
from genreport.errors import Severity, Text

_SENTENCE_END = re.compile(r"[。；！？;!?\n]|\.(?=\s|$)")
# A figure: not a year, month, day or ordinal (2020年, 3月, 第2次), and not an approximation (约, 近, 余).
_FIGURE = re.compile(r"(?<![\d.,第约近逾])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])\s*(万|亿)?(?![年月日号届余多])")
_SCALE = {"万": 1e4, "亿": 1e8, None: 1.0}
_CLOSING = tuple("。；：！？，、.;:!?,…”’）)")


def _approximate(span: str, match: re.Match[str]) -> bool:
    """约为80%, 近1800户, 80%左右, 100件以上: a rounded figure, not to compare."""
    return bool(re.search("[约近逾超]", span[max(0, match.start() - 3) : match.start()])) or span[match.end() :].lstrip().startswith(("左右", "以上", "以下", "上下"))


def _same(written: str, number: float, known: float) -> bool:
    """The figure as written equals `known`, or `known` rounded to the decimals written (12.9 for 12.86)."""
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    return abs(number - known) < 1e-9 or (decimals < 2 and abs(number - round(known, decimals)) < 1e-9 and number != 0 and decimals > 0)


@rule("figure-mismatch", Severity.WARNING)
def figure_mismatch(ctx: Context) -> Iterator[Problem]:
    indicators = [ind for ind in ctx.report.indicators if ind.value is not None and len(ind.label) >= 4]
    for path, text in report_texts(ctx.report):
        if path[0] == "indicators":
            continue
        for indicator in indicators:
            start = text.find(indicator.label)
            if start < 0:
                continue
            after = start + len(indicator.label)
            end = _SENTENCE_END.search(text, after)
            span = text[after : end.start() if end else len(text)]
            figures = [(m, float(m.group(1).replace(",", "") + (m.group(2) or ""))) for m in _FIGURE.finditer(span) if not _approximate(span, m)]
            if not figures:
                continue
            known = [k for k in (indicator.value, indicator.previous, indicator.change) if k is not None]
            known += [abs(k) for k in known]
            # 1.2万 may stand for 12000, and 12000 may be written 1.2 when the unit is 万件.
            if any(_same(m.group(1) + (m.group(2) or ""), number * scale, k) for m, number in figures for scale in (1.0, _SCALE[m.group(3)]) for k in known):
                continue
            first = figures[0][0]
            unit = indicator.unit or ""
            shown = f"{indicator.value:g}{unit}"
            yield Problem(
                path,
                Text(
                    f"文中“{indicator.label}”为 {first.group(0).strip()}，与主要指标中的 {shown} 不一致",
                    f"the text gives {first.group(0).strip()} for “{indicator.label}”, but the indicators say {shown}",
                ),
                Text("核对数字，改正文中或 indicators 中的一处", "check the figure and correct the text or the indicator"),
                needle=span[first.start() : first.end() + 2].strip(),  # the figure, and what follows it
            )


@rule("lead-punctuation", Severity.WARNING)
def lead_punctuation(ctx: Context) -> Iterator[Problem]:
    if ctx.report.locale != "zh-CN":
        return
    for path, text in report_texts(ctx.report):
        if path[-1] == "lead" and text.strip() and not text.rstrip().endswith(_CLOSING):
            tail = text.rstrip()[-4:]
            yield Problem(
                path,
                Text(f"要点的引导句“{text.strip()}”末尾没有标点，印出来会和正文连在一起", f"the lead “{text.strip()}” has no closing punctuation and runs into the text"),
                Text(f"在末尾加句号：{text.strip()}。", f"end it with a full stop: {text.strip()}。"),
                needle=tail,
            )


_COMMENT = re.compile(r"\S(\s+#.*)$")


@rule("yaml-comment", Severity.WARNING)
def yaml_comment(ctx: Context) -> Iterator[Problem]:
    lines = ctx.loaded.lines
    for path, text in report_texts(ctx.report):
        mark = ctx.loaded.marks.get(path)
        if mark is None or not 0 < mark.line <= len(lines):
            continue
        for number in range(mark.line, min(mark.end_line, len(lines)) + 1):
            line = lines[number - 1]
            if number == mark.line:
                line = line[mark.column - 1 :]
            if line.lstrip().startswith(("|", ">", "\"", "'")):
                continue  # a block scalar's header comment, or a quoted value (its # is text)
            match = _COMMENT.search(line)
            if match is None:
                continue
            comment = match.group(1).strip()
            if is_directive(comment):
                break  # `# genreport: ignore[...]` is meant as a comment (checks/dismiss.py)
            if comment in text or comment.lstrip("#").strip() in text:
                continue  # inside the value: a quoted or block text keeps its #
            yield Problem(
                path,
                Text(f"“{comment}”被 YAML 当作注释，不会出现在报告中", f"“{comment}” is read as a YAML comment and left out of the report"),
                Text("若是正文，给整段加引号，或去掉 # 前的空格；若是注释，移到单独一行", "if it is text, quote the whole value or remove the space before #; if it is a note, put it on a line of its own"),
                needle=comment,
            )
            break
