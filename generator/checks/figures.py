"""Figures and prose that disagree, and prose the YAML reader cut or ran together.

- `figure-mismatch`: a sentence names an indicator's label and gives a figure that is neither its
  value, its comparison value nor its change (`败诉率为35.2%` while `indicators` says 38.0).
  Only the figures after the label and before its clause ends (the next comma or stop), and only
  those in the indicator's unit, are read; `120余`, `约60`, `3.2万` are understood (data/figures.py).
  A clause that names no such figure says nothing, so that narrative text stays quiet.
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
from genreport.data import figures
from genreport.data.model import Indicator
from genreport.data.texts import report_texts
from genreport.errors import Severity, Text

# A figure is compared within its clause: from the label to the next comma or stop, so that
# 政治轮训120余场次，覆盖干部群众3.2万人次 gives 政治轮训 only its 120余场次.
_CLAUSE_END = re.compile(r"[，。；;：！？!?\n]|,(?!\d{3})|\.(?=\s|$)")
_NOT_A_COUNT = tuple("年月日号届期批轮次版")  # 2020年, 3月, 第2届: dates and ordinals, not figures
_CLOSING = tuple("。；：！？，、.;:!?,…”’）)")
_PERCENT = ("%", "％")


def _base_unit(unit: str | None) -> tuple[str, float]:
    """万件 is 件 counted in ten thousands: (件, 10000); 万元 likewise."""
    unit = (unit or "").strip()
    if len(unit) > 1 and unit[0] in ("万", "亿"):
        return unit[1:], figures.SCALES[unit[0]]
    return unit, 1.0


def _unit_of(rest: str, unit: str) -> bool:
    """Does the text after a figure begin with the indicator's (base) unit?"""
    rest = rest.lstrip()
    if unit in _PERCENT:
        return rest.startswith(_PERCENT)
    return bool(unit) and rest.startswith(unit)


def _clause_figures(clause: str, unit: str) -> Iterator[tuple[figures.Figure, re.Match[str]]]:
    """The figures of a clause that are in `unit` (every figure that is no date when `unit` is empty)."""
    for match in figures.IN_TEXT.finditer(clause):
        figure, rest = figures.in_text(clause, match)
        if unit:
            if _unit_of(rest, unit):
                yield figure, match
        elif not rest.lstrip().startswith(_NOT_A_COUNT) and not rest.lstrip().startswith(_PERCENT):
            yield figure, match


def _known(indicator: Indicator) -> list[figures.Figure]:
    """What a text may say of an indicator: this year's figure, the comparison figure, the change."""
    known = [f for f in (indicator.figure("value"), indicator.figure("previous")) if f is not None]
    numbers = [f.value for f in known]
    if indicator.value is not None and indicator.previous is not None:
        numbers.append(indicator.value - indicator.previous)
    if indicator.change is not None:
        numbers.append(indicator.change)
    # A change is written without its sign (下降8.5个百分点).
    known += [figures.of_number(abs(n)) for n in numbers[len(known) :]]
    return known


def _agrees(figure: figures.Figure, known: list[figures.Figure], scale: float) -> bool:
    # The text's figure may be in the indicator's scale (6606 for 6606万件) or in units (6606万).
    for k in known:
        for value in {k.value * scale, k.value}:
            if figure.agrees_with(value) or (k.qualifier and k.agrees_with(figure.value / scale)):
                return True
    return False


def _occurrences(text: str, indicators: list[Indicator]) -> Iterator[tuple[Indicator, int]]:
    """(indicator, where its label ends) for each place a label stands in `text`, except where it is
    part of another indicator's longer label standing there too (调委会调解矛盾纠纷 is not 调解矛盾纠纷)."""
    spans = [(m.start(), m.end(), i) for i in indicators for m in re.finditer(re.escape(i.label), text)]
    for start, end, indicator in spans:
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in spans):
            yield indicator, end


@rule("figure-mismatch", Severity.WARNING)
def figure_mismatch(ctx: Context) -> Iterator[Problem]:
    indicators = [ind for ind in ctx.report.indicators if ind.value is not None and len(ind.label) >= 4]
    for path, text in report_texts(ctx.report):
        if path[0] == "indicators":
            continue
        for indicator, after in _occurrences(text, indicators):
            end = _CLAUSE_END.search(text, after)
            clause = text[after : end.start() if end else len(text)]
            unit, scale = _base_unit(indicator.unit)
            found = list(_clause_figures(clause, unit))
            if not found:
                continue
            known = _known(indicator)
            if any(_agrees(figure, known, scale) for figure, _ in found):
                continue
            figure, match = found[0]
            shown = (indicator.written("value") or f"{indicator.value:g}") + (indicator.unit or "")
            written = match.group(0).strip()
            yield Problem(
                path,
                Text(
                    f"文中“{indicator.label}”为 {written}，与主要指标中的 {shown} 不一致",
                    f"the text gives {written} for “{indicator.label}”, but the indicators say {shown}",
                ),
                Text(
                    "核对数字，改正文中或 indicators 中的一处", "check the figure and correct the text or the indicator"
                ),
                needle=clause[match.start() : match.end() + 2].strip(),  # the figure, and what follows it
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
                Text(
                    f"要点的引导句“{text.strip()}”末尾没有标点，印出来会和正文连在一起",
                    f"the lead “{text.strip()}” has no closing punctuation and runs into the text",
                ),
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
            if line.lstrip().startswith(("|", ">", '"', "'")):
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
                Text(
                    f"“{comment}”被 YAML 当作注释，不会出现在报告中",
                    f"“{comment}” is read as a YAML comment and left out of the report",
                ),
                Text(
                    "若是正文，给整段加引号，或去掉 # 前的空格；若是注释，移到单独一行",
                    "if it is text, quote the whole value or remove the space before #; if it is a note, put it on a line of its own",
                ),
                needle=comment,
            )
            break
