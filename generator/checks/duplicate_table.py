"""`duplicate-table`: an attachment whose table repeats the indicators.

The indicators are printed as attachment 1 (table and chart). A report that also carries its own
table of the same figures as an attachment prints them twice, as 附件1 and 附件2, and the two drift
apart as soon as one is corrected. A row repeats an indicator when one cell names its label and
another gives its value (3249项 for 3249 项; 120余 for 120余); a table with two such rows, or
with half its rows such, is a repetition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.data import figures
from genreport.data.model import Indicator
from genreport.errors import Severity, Text

_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def table_rows(body: str) -> list[list[str]]:
    """The data rows of the Markdown tables in `body` (header and separator rows included, as cells)."""
    rows = []
    for line in body.splitlines():
        line = line.strip()
        if line.startswith("|") and not _SEPARATOR.match(line):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _normal(text: str) -> str:
    return re.sub(r"[\s“”\"'：:（）()]", "", text)


def _gives(cell: str, indicator: Indicator) -> bool:
    """Does `cell` state the indicator's value (in its unit, or with no unit)?"""
    known = indicator.figure("value")
    if known is None:
        return False
    cell = cell.replace(",", "")  # 3,249
    for match in figures.IN_TEXT.finditer(cell):
        figure, _ = figures.in_text(cell, match)
        if figure.agrees_with(known.value) or known.agrees_with(figure.value):
            return True
    return False


def repeated(rows: list[list[str]], indicators: list[Indicator]) -> list[str]:
    """The labels of the indicators that a row of `rows` repeats (label and value)."""
    found = []
    for indicator in indicators:
        label = _normal(indicator.label)
        if len(label) < 2:
            continue
        for row in rows:
            cells = [_normal(cell) for cell in row]
            named = [i for i, cell in enumerate(cells) if label in cell or (len(cell) >= 4 and cell in label)]
            if named and any(_gives(cell, indicator) for i, cell in enumerate(row) if i not in named):
                found.append(indicator.label)
                break
    return found


@rule("duplicate-table", Severity.WARNING)
def duplicate_table(ctx: Context) -> Iterator[Problem]:
    indicators = [i for i in ctx.report.indicators if i.value is not None]
    if not indicators:
        return
    for n, attachment in enumerate(ctx.report.attachments):
        rows = table_rows(attachment.body)
        if len(rows) < 2:
            continue
        labels = repeated(rows[1:], indicators)
        if len(labels) >= 2 or (labels and len(labels) * 2 >= len(rows) - 1):
            shown = "、".join(labels[:3]) + ("等" if len(labels) > 3 else "")
            shown_en = "; ".join(labels[:3]) + (" …" if len(labels) > 3 else "")
            yield Problem(
                ("attachments", n, "body"),
                Text(
                    f"附件“{attachment.title}”的表格重复了 {len(labels)} 项主要指标（{shown}）："
                    "主要指标已印作附件1，同样的数字会印两遍",
                    f"the table of the attachment “{attachment.title}” repeats {len(labels)} indicators ({shown_en}): "
                    "the indicators are printed as attachment 1, so the same figures would be printed twice",
                ),
                Text(
                    "删去附件中重复的行（或整个附件），其余的数字写入 indicators",
                    "remove the repeated rows (or the whole attachment) and write its other figures as indicators",
                ),
                needle=labels[0],
            )
