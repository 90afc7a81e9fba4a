"""Findings as a compiler prints them, or as a versioned JSON envelope for machines.

Text: `file:line:col: error[code] field: message`, then the source line with a caret under the
column, then the hint. Colour only on a terminal and never when NO_COLOR is set.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence

from genreport.errors import Finding, Severity

JSON_FORMAT = "genreport.findings"
JSON_VERSION = 1

_LABELS = {"zh": {Severity.ERROR: "错误", Severity.WARNING: "警告"}, "en": {Severity.ERROR: "error", Severity.WARNING: "warning"}}
_COLOURS = {Severity.ERROR: "\033[31;1m", Severity.WARNING: "\033[33;1m"}
_RESET, _DIM = "\033[0m", "\033[2m"
# A control character in the shown source line appears as its symbol (␋ for U+000B), one column wide.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def _width(text: str) -> int:
    """Display width: CJK characters take two terminal columns, so the caret lines up."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _lang(lang: str) -> str:
    return "zh" if lang.startswith("zh") else "en"


def format_text(findings: Sequence[Finding], source_lines: Sequence[str], lang: str, colour: bool) -> str:
    out: list[str] = []
    for finding in findings:
        label = _LABELS[_lang(lang)][finding.severity]
        if colour:
            label = f"{_COLOURS[finding.severity]}{label}{_RESET}"
        field = f" {finding.field}:" if finding.field else ""
        out.append(f"{finding.location}: {label}[{finding.code}]{field} {finding.message(lang)}")
        line = finding.location.line
        if line and 0 < line <= len(source_lines):
            source = source_lines[line - 1].replace("\t", " ").translate(_CONTROL_PICTURES)
            out.append(f"  {line:>4} | {source}")
            column = (finding.location.column or 1) - 1
            out.append(f"       | {' ' * _width(source[:column])}^")
        hint_label = "提示" if _lang(lang) == "zh" else "hint"
        hint = f"       = {hint_label}: {finding.hint(lang)}"
        out.append(f"{_DIM}{hint}{_RESET}" if colour else hint)
        if finding.related:
            seen_label = "另见" if _lang(lang) == "zh" else "see also"
            out.append(f"       = {seen_label}: {finding.related}")
    return "\n".join(out)


def summary_line(findings: Sequence[Finding], lang: str) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    if _lang(lang) == "zh":
        return f"{errors} 个错误，{warnings} 个警告" if findings else "检查通过，没有发现问题"
    return f"{errors} error(s), {warnings} warning(s)" if findings else "no problems found"


def format_json(file: str, findings: Sequence[Finding], lang: str) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    envelope = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "file": file,
        "lang": lang,
        "summary": {"errors": errors, "warnings": len(findings) - errors},
        "findings": [f.as_dict(lang) for f in findings],
    }
    return json.dumps(envelope, ensure_ascii=False, indent=2)
