"""A ReportDiff for people: plain text for the terminal, Markdown for a review or an email.

Inside a changed paragraph, the edit is shown in place, character by character (Chinese has
no spaces to split words on): [-removed-]{+added+} in text, ~~removed~~ **added** in Markdown.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence

from genreport.render.numbering import part_number, plain_number
from genreport.yearly.diff import PREAMBLE, Change, IndicatorRow, ReportDiff, SectionDiff
from genreport.yearly.diff_promises import promise_lines

_WORDS = {
    "zh-CN": {
        "title": "{old}年 → {new}年 报告对比",
        "preamble": "开头段落",
        "added": "新增",
        "removed": "删除",
        "changed": "修改",
        "heading": "小标题",
        "same": "无变化",
        "unchanged": "（另有 {n} 段未变）",
        "indicators": "主要指标",
        "indicator": "指标",
        "unit": "单位",
        "year": "{year}年",
        "change": "变化",
        "points": "个百分点",
        "none": "（无指标）",
    },
    "en": {
        "title": "Report comparison: {old} → {new}",
        "preamble": "Preamble",
        "added": "Added",
        "removed": "Removed",
        "changed": "Changed",
        "heading": "heading",
        "same": "No changes",
        "unchanged": "({n} more paragraphs unchanged)",
        "indicators": "Key figures",
        "indicator": "Indicator",
        "unit": "Unit",
        "year": "{year}",
        "change": "Change",
        "points": " pp",
        "none": "(no indicators)",
    },
}


_SIGNS = {"added": "+", "removed": "-", "changed": "~"}


def format_number(value: float | None) -> str:
    """11, 82.5, 1234567 — never 11.0 or 1.23457e+06; a missing value is a dash."""
    return "—" if value is None else plain_number(round(value, 6))  # round: a difference's float noise


def format_change(row: IndicatorRow, locale: str) -> str:
    """+3 (+27.3%); a percentage changes by percentage points, not by a percentage of itself."""
    if row.old is None or row.new is None:
        if row.stated_change is None:
            return "—"
        return f"{_signed(row.stated_change)}{row.change_unit or ''}"
    change = row.new - row.old
    if row.unit == "%":
        return f"{_signed(change)}{_WORDS[locale]['points']}"
    if row.old and round(change, 6):
        return f"{_signed(change)} ({change / row.old * 100:+.1f}%)"
    return _signed(change)


def _signed(value: float) -> str:
    return ("+" if round(value, 6) > 0 else "") + format_number(value)


# Numbers and Latin words are compared whole (2032 -> 2210, not 2[-03-]{+21+}...); Chinese by character.
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[A-Za-z]+|\s+|.", re.DOTALL)
GLUE = 2  # an unchanged run this short between two edits is folded into them, so edits read as phrases


ALIGN_LIMIT = 4_000  # tokens: past this, the edit is what lies between the common start and end


def _ends(a: list[str], b: list[str]) -> Sequence[tuple[str, int, int, int, int]]:
    """Opcodes from the common prefix and suffix alone: linear, where aligning tokens is quadratic."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    codes = [("equal", 0, start, 0, start)] if start else []
    if start < len(a) - end or start < len(b) - end:
        codes.append(("replace", start, len(a) - end, start, len(b) - end))
    if end:
        codes.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    return codes


def _inline(old: str, new: str, removed: Callable[[str], str], added: Callable[[str], str]) -> str:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    opcodes: Sequence[tuple[str, int, int, int, int]]
    if len(a) + len(b) > 2 * ALIGN_LIMIT:
        opcodes = _ends(a, b)
    else:
        opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out, before, after = [], "", ""  # before/after: the edit being gathered
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        between_edits = 0 < index < len(opcodes) - 1 and i2 - i1 <= GLUE
        if tag != "equal" or (between_edits and before + after):
            before, after = before + "".join(a[i1:i2]), after + "".join(b[j1:j2])
            continue
        out += [removed(before) if before else "", added(after) if after else "", "".join(a[i1:i2])]
        before, after = "", ""
    out += [removed(before) if before else "", added(after) if after else ""]
    return "".join(out)


def _title(section: SectionDiff, locale: str) -> str:
    if section.key == PREAMBLE:
        return _WORDS[locale]["preamble"]
    number = part_number(section.index + 1, locale) if section.index is not None else ""
    return f"{number}{section.heading}"


def _change_text(change: Change, locale: str, *, markdown: bool) -> str:
    words = _WORDS[locale]
    unit = change.new or change.old
    assert unit is not None
    zh = locale == "zh-CN"
    tag = words[change.what] + (("" if zh else " ") + words["heading"] if unit.heading else "")
    colon = "：" if zh else ": "
    if change.what == "changed":
        assert change.old is not None and change.new is not None
        if markdown:
            body = _inline(change.old.text, change.new.text, lambda s: f"~~{s}~~", lambda s: f"**{s}**")
        else:
            body = _inline(change.old.text, change.new.text, lambda s: f"[-{s}-]", lambda s: f"{{+{s}+}}")
    elif markdown and change.what == "removed":
        body = f"~~{unit.text}~~"
    else:
        body = unit.text
    if markdown:
        return f"- **{tag}**{colon}{body}"
    return f"{_SIGNS[change.what]} {tag}{colon}{body}"


def _table(diff: ReportDiff) -> list[list[str]]:
    words = _WORDS[diff.locale]
    header = [
        words["indicator"],
        words["unit"],
        words["year"].format(year=diff.old_year),
        words["year"].format(year=diff.new_year),
        words["change"],
    ]
    rows = [
        [r.label, r.unit or "", format_number(r.old), format_number(r.new), format_change(r, diff.locale)]
        for r in diff.indicators
    ]
    return [header, *rows]


def format_text(diff: ReportDiff) -> str:
    words = _WORDS[diff.locale]
    lines = [words["title"].format(old=diff.old_year, new=diff.new_year), ""]
    for section in diff.sections:
        lines.append(f"== {_title(section, diff.locale)} ==")
        lines += [_change_text(c, diff.locale, markdown=False) for c in section.changes] or [words["same"]]
        if section.changes and section.unchanged:
            lines.append(words["unchanged"].format(n=section.unchanged))
        lines.append("")
    lines += promise_lines(diff.promises, diff.locale, markdown=False)
    lines.append(f"== {words['indicators']} ==")
    table = _table(diff)
    if len(table) == 1:
        lines.append(words["none"])
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    lines += (
        ["  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in table]
        if len(table) > 1
        else []
    )
    return "\n".join(lines) + "\n"


def format_markdown(diff: ReportDiff) -> str:
    words = _WORDS[diff.locale]
    lines = [f"# {words['title'].format(old=diff.old_year, new=diff.new_year)}", ""]
    for section in diff.sections:
        lines += [f"## {_title(section, diff.locale)}", ""]
        lines += [_change_text(c, diff.locale, markdown=True) for c in section.changes] or [words["same"]]
        if section.changes and section.unchanged:
            lines += ["", words["unchanged"].format(n=section.unchanged)]
        lines.append("")
    lines += promise_lines(diff.promises, diff.locale, markdown=True)
    lines += [f"## {words['indicators']}", ""]
    table = _table(diff)
    if len(table) == 1:
        lines.append(words["none"])
    else:
        lines.append("| " + " | ".join(table[0]) + " |")
        lines.append("| --- | --- | ---: | ---: | ---: |")
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table[1:]]
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    # CJK characters take two terminal columns.
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
