"""Findings as a compiler prints them, or as a versioned JSON envelope for machines.

Text: `file:line:col: error[code] field: message`, then the source line with a caret under the
column, then the hint. Colour only on a terminal and never when NO_COLOR is set.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence

from genreport.errors import Finding, Severity
from genreport.terminal import visible

JSON_FORMAT = "genreport.findings"
JSON_VERSION = 1

_LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning"},
}
_COLOURS = {Severity.ERROR: "\033[31;1m", Severity.WARNING: "\033[33;1m"}
_RESET, _DIM = "\033[0m", "\033[2m"
# A control character in the shown source line appears as its symbol (␋ for U+000B), one column wide.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def _width(text: str) -> int:
    """Display width: CJK characters take two terminal columns, so the caret lines up."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


WINDOW = 100  # characters of a long source line shown around the caret


def source_window(line: str, column: int) -> tuple[str, int]:
    """The source line made printable, cut to WINDOW characters around `column` when longer
    (an 80 KB line is not echoed whole); the caret's column within what is shown."""
    shown_before = visible(line[:column])
    shown = shown_before + visible(line[column:])
    column = len(shown_before)
    if len(shown) <= WINDOW:
        return shown, column
    start = max(0, min(column - WINDOW // 2, len(shown) - WINDOW))
    window = shown[start : start + WINDOW]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + WINDOW < len(shown) else ""
    return prefix + window + suffix, column - start + len(prefix)


def _lang(lang: str) -> str:
    return "zh" if lang.startswith("zh") else "en"


def format_text(findings: Sequence[Finding], source_lines: Sequence[str], lang: str, colour: bool) -> str:
    out: list[str] = []
    for finding in findings:
        label = _LABELS[_lang(lang)][finding.severity]
        if colour:
            label = f"{_COLOURS[finding.severity]}{label}{_RESET}"
        field = f" {visible(finding.field)}:" if finding.field else ""
        out.append(f"{visible(str(finding.location))}: {label}[{finding.code}]{field} {visible(finding.message(lang))}")
        line = finding.location.line
        if line and 0 < line <= len(source_lines):
            # C0 controls as their Unicode pictures (␋ where Word's soft return sits), one column each;
            # what is left unprintable (C1, bidi overrides) becomes escapes, and a long line a window
            printable = source_lines[line - 1].replace("\t", " ").translate(_CONTROL_PICTURES)
            source, column = source_window(printable, (finding.location.column or 1) - 1)
            out.append(f"  {line:>4} | {source}")
            out.append(f"       | {' ' * _width(source[:column])}^")
        hint_label = "提示" if _lang(lang) == "zh" else "hint"
        hint = f"       = {hint_label}: {visible(finding.hint(lang))}"
        out.append(f"{_DIM}{hint}{_RESET}" if colour else hint)
        if finding.related:
            seen_label = "另见" if _lang(lang) == "zh" else "see also"
            out.append(f"       = {seen_label}: {finding.related}")
    return "\n".join(out)


def format_dismissed(dismissed: Sequence[Finding], lang: str, colour: bool) -> str:
    """The warnings the file's comments dismissed, one line each with the clerk's reason."""
    zh = _lang(lang) == "zh"
    label, because = ("已忽略", "理由") if zh else ("dismissed", "reason")
    out = []
    for finding in dismissed:
        field = f" {visible(finding.field)}:" if finding.field else ""
        shown = f"{_DIM}{label}{_RESET}" if colour else label
        reason = f"（{because}：{finding.dismissed}）" if zh else f" ({because}: {finding.dismissed})"
        out.append(
            f"{visible(str(finding.location))}: {shown}[{finding.code}]{field} {visible(finding.message(lang))}{visible(reason)}"
        )
    return "\n".join(out)


def summary_line(findings: Sequence[Finding], lang: str, dismissed: int = 0) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    if _lang(lang) == "zh":
        line = f"{errors} 个错误，{warnings} 个警告" if findings else "检查通过，没有发现问题"
        return f"{line}；已忽略 {dismissed} 个警告" if dismissed else line
    line = f"{errors} error(s), {warnings} warning(s)" if findings else "no problems found"
    return f"{line}; {dismissed} warning(s) dismissed" if dismissed else line


def format_json(file: str, findings: Sequence[Finding], lang: str, dismissed: Sequence[Finding] = ()) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    envelope = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "file": file,
        "lang": lang,
        "summary": {"errors": errors, "warnings": len(findings) - errors},
        "findings": [f.as_dict(lang) for f in findings],
        "dismissed": [
            f.as_dict(lang) for f in dismissed
        ],  # warnings the file's comments dismissed, each with its reason
    }
    return json.dumps(envelope, ensure_ascii=False, indent=2)
