"""A warning the clerk has judged stays judged: `# genreport: ignore[code] reason` in the data file.

A figure that is right though it differs from the indicator, a paragraph that must repeat: such
a warning would come back on every run and in every preview. A comment on its line, as linters
have it, dismisses it there:

    text: 全年受理案件120件  # genreport: ignore[figure-mismatch] 两个口径不同，已核对

The comment dismisses the named warnings (several: `ignore[figure-mismatch, repeated-paragraph]`)
found on its own line and in the value that starts there (a `text: |` block, to its end); a
comment alone on its line does the same for the line below it. A dismissed warning is still
shown, as dismissed, with its reason (`check`, `--format json`, the preview). Errors are never
dismissed: what blocks a final build stays in the way. A comment without a reason, naming no
warning that exists, or dismissing nothing is itself a warning (`ignore-comment`), so that a
stale one does not linger after the text it excused is gone.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from genreport.data.load import Loaded
from genreport.errors import FieldPath, Finding, Location, Severity, Text

CODE = "ignore-comment"
_DIRECTIVE = re.compile(r"(?:^|\s)#\s*genreport\s*:\s*ignore\s*\[([^\]]*)\]\s*(.*?)\s*$")
_HEAD = re.compile(r"(?:^|\s)#\s*genreport\s*:")


@dataclass
class Directive:
    line: int  # where the comment is
    column: int  # of its '#'
    codes: tuple[str, ...]
    reason: str
    first: int  # the lines whose warnings it dismisses
    last: int
    used: bool = False


def _scalars(data: Any, path: FieldPath = ()) -> Iterator[FieldPath]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _scalars(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _scalars(value, (*path, index))
    else:
        yield path


def _last_line(lines: list[str], first: int, end: int, key_column: int) -> int:
    """The value's last line of text: a block's end mark lies on the line after it (the next key)
    and may take blank lines with it; a line of the value is indented deeper than its key."""
    last = first
    for number in range(first + 1, min(end, len(lines)) + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        if len(line) - len(line.lstrip(" ")) < key_column:
            break
        last = number
    return last


def directives(loaded: Loaded) -> list[Directive]:
    """Every `# genreport: ignore[...]` comment of the file, with the lines it covers."""
    lines = loaded.lines
    inside: set[int] = set()  # lines of a text's body (a block or a wrapped value): a # there is text
    ends: dict[int, int] = {}  # a line -> the last line of the values that start on it
    for path in _scalars(loaded.data) if loaded.data is not None else ():
        mark = loaded.marks.get(path)
        if mark is None:
            continue
        last = _last_line(lines, mark.line, mark.end_line, mark.key_column)
        inside.update(range(mark.line + 1, last + 1))
        for start in (mark.key_line, mark.line):
            ends[start] = max(ends.get(start, start), last)
    found = []
    for number, line in enumerate(lines, 1):
        if "genreport" not in line or number in inside:
            continue
        match = _DIRECTIVE.search(line)
        if match is None:
            continue
        column = line.index("#", match.start()) + 1
        target = number
        if not line[: column - 1].strip():  # a comment on a line of its own: the line below it
            target = next(
                (
                    n
                    for n in range(number + 1, len(lines) + 1)
                    if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")
                ),
                number,
            )
        codes = tuple(code.strip() for code in match.group(1).split(",") if code.strip())
        found.append(Directive(number, column, codes, match.group(2).strip(), target, ends.get(target, target)))
    return found


def is_directive(comment: str) -> bool:
    """Whether a comment is one of ours (the yaml-comment rule leaves these alone)."""
    return bool(_HEAD.search(" " + comment))


def dismiss(
    findings: Sequence[Finding], loaded: Loaded, warnings: frozenset[str], errors: frozenset[str]
) -> tuple[list[Finding], list[Finding]]:
    """(what stays, what the clerk dismissed): errors always stay; `warnings` are the codes that
    may be dismissed, `errors` those that never are. The comments' own problems are added to what stays."""
    found = directives(loaded)
    if not found:
        return list(findings), []
    warnings = warnings | {f.code for f in findings if f.severity is Severity.WARNING and f.code != CODE}
    kept: list[Finding] = []
    dismissed: list[Finding] = []
    usable = [d for d in found if d.reason and all(code in warnings for code in d.codes) and d.codes]
    for finding in findings:
        directive = _covering(finding, usable)
        if directive is None:
            kept.append(finding)
            continue
        directive.used = True
        dismissed.append(dataclasses.replace(finding, dismissed=directive.reason))
    kept += [problem for directive in found for problem in _problems(loaded, directive, warnings, errors)]
    kept.sort(key=lambda f: (f.location.line or 0, f.location.column or 0, f.code))
    return kept, dismissed


def _covering(finding: Finding, directives: list[Directive]) -> Directive | None:
    if finding.severity is not Severity.WARNING or finding.code == CODE or finding.location.line is None:
        return None  # an error blocks a final build: no comment takes it out of the way
    line = finding.location.line
    for directive in directives:
        if finding.code in directive.codes and (directive.first <= line <= directive.last or line == directive.line):
            return directive
    return None


def _problems(
    loaded: Loaded, directive: Directive, warnings: frozenset[str], errors: frozenset[str]
) -> Iterator[Finding]:
    where = Location(loaded.path, directive.line, directive.column)
    example = "# genreport: ignore[figure-mismatch] 两个口径不同，已核对"
    if not directive.codes:
        yield _warning(
            where,
            Text("忽略注释没有写明要忽略的警告代码", "the ignore comment names no warning code"),
            Text(f"在方括号中写出警告代码，如 {example}", f"name the warning's code in the brackets: {example}"),
        )
        return
    others = [code for code in directive.codes if code not in warnings]
    for code in others:
        if code in errors:
            yield _warning(
                where,
                Text(f"{code} 是错误，不能用注释忽略", f"{code} is an error, which no comment can dismiss"),
                Text(
                    "修正它：有错误时不能生成正式文件（草稿可用 build --draft）",
                    "fix it: a final build refuses while errors remain (build --draft makes a draft)",
                ),
            )
            continue
        close = difflib.get_close_matches(code, sorted(warnings), n=1)
        maybe = (f"；是否想写 {close[0]}？" if close else "", f"; did you mean {close[0]}?" if close else "")
        yield _warning(
            where,
            Text(f"没有代码为 {code} 的警告{maybe[0]}", f"no warning has the code {code}{maybe[1]}"),
            Text(
                "写出 check 所报警告方括号中的代码，如 figure-mismatch",
                "write the code check prints in brackets for the warning, such as figure-mismatch",
            ),
        )
    if others:
        return
    if not directive.reason:
        yield _warning(
            where,
            Text(
                f"忽略 {'、'.join(directive.codes)} 的注释没有写理由",
                f"the comment dismissing {', '.join(directive.codes)} gives no reason",
            ),
            Text(
                f"在方括号后写明为什么可以忽略，如 {example}",
                f"say after the brackets why it may be dismissed: {example}",
            ),
        )
        return
    if not directive.used:
        yield _warning(
            where,
            Text(
                f"这条忽略注释所在处没有 {'、'.join(directive.codes)} 警告",
                f"there is no {', '.join(directive.codes)} warning here to dismiss",
            ),
            Text(
                "文字改过后警告已消失：删除这条注释", "the text has changed and the warning is gone: delete the comment"
            ),
        )


def _warning(where: Location, message: Text, hint: Text) -> Finding:
    return Finding(Severity.WARNING, CODE, message, hint, where)
