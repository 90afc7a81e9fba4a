"""The YAML slips clerks make, recognised by name, and every YAML library message in plain words.

A YAML parser reports where it gave up, which is often the line after the slip, in its own
English ("while scanning a simple key could not find expected ':'"). The common slips are easy
to see in the text once we know the parser failed near them:

- `recipient：某省人民政府`   a full-width colon typed with a Chinese input method;
- `label:政务`               no space after the colon;
- `　　text: ...`            full-width spaces (U+3000) used as indentation;
- a tab used as indentation;
- a line of text pasted without indentation, below a field whose value it continues.

`explain()` looks at the lines around the parser's marks and returns the slip, on the line that
holds it, with a message and hint in both languages; otherwise it translates the parser's
message itself (`translate()`), so that no library English reaches a zh-CN user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from genreport import environment
from genreport.errors import Location, Text

_KEY = r"[A-Za-z_][A-Za-z0-9_\-]*"
_FULL_WIDTH_COLON = re.compile(rf"^(\s*(?:-\s+)?)({_KEY})\s*：")
_NO_SPACE = re.compile(rf"^(\s*(?:-\s+)?)({_KEY}):(?=[^\s/])")
_IDEOGRAPHIC_INDENT = re.compile(r"^[ \t]*\u3000")
_TAB_INDENT = re.compile(r"^ *\t")
# A line that is YAML structure: a key, a list item, a comment, a flow collection, a document marker.
_STRUCTURE = re.compile(rf"^\s*(?:$|#|-(?:\s|$)|\?\s|(?:{_KEY}|\"[^\"]*\"|'[^']*')\s*:(?:\s|$)|[\[\]{{}}]|---|\.\.\.)")
_KEY_LINE = re.compile(rf"^(\s*)(?:-\s+)?{_KEY}\s*:(?:\s|$)")


@dataclass(frozen=True)
class Slip:
    code: str
    line: int  # 1-based
    column: int  # 1-based
    message: Text
    hint: Text


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def slip_on_line(lines: list[str], number: int) -> Slip | None:
    """The slip on line `number` (1-based), if it holds one of the known ones."""
    if not 0 < number <= len(lines):
        return None
    line = lines[number - 1]
    match = _FULL_WIDTH_COLON.match(line)
    if match:
        key = match.group(2)
        column = line.index("：", match.start(2)) + 1
        return Slip(
            "yaml-full-width-colon",
            number,
            column,
            Text(f"字段名 {key} 后面用了全角冒号“：”", f"the key {key} is followed by a full-width colon “：”"),
            Text(
                f"改为半角冒号加一个空格：{key}: …（切换到英文标点输入）", f"use an ASCII colon and a space: {key}: …"
            ),
        )
    match = _NO_SPACE.match(line)
    if match:
        key = match.group(2)
        column = match.end(2) + 1
        return Slip(
            "yaml-colon-space",
            number,
            column,
            Text(f"字段名 {key} 的冒号后缺少空格", f"no space after the colon of {key}"),
            Text(
                f"在冒号后加一个空格：{key}: {line[match.end(2) + 1 :].strip()}",
                f"add a space after the colon: {key}: {line[match.end(2) + 1 :].strip()}",
            ),
        )
    if _IDEOGRAPHIC_INDENT.match(line):
        return Slip(
            "yaml-full-width-indent",
            number,
            line.index("\u3000") + 1,
            Text("这一行用全角空格（U+3000）缩进", "this line is indented with full-width spaces (U+3000)"),
            Text(
                "把行首的全角空格换成半角空格，与同级字段对齐",
                "replace the full-width spaces with ASCII spaces, aligned with the fields beside it",
            ),
        )
    if _TAB_INDENT.match(line):
        return Slip(
            "yaml-tab-indent",
            number,
            line.index("\t") + 1,
            Text("这一行用 Tab 缩进，YAML 不允许", "this line is indented with a tab, which YAML does not allow"),
            Text("把 Tab 换成空格，与同级字段对齐", "replace the tab with spaces, aligned with the fields beside it"),
        )
    if _unindented_continuation(lines, number):
        return Slip(
            "yaml-unindented-line",
            number,
            _indent(line) + 1,
            Text(
                "这一行文字没有缩进，无法接在上面的字段之后",
                "this line of text is not indented, so it does not continue the field above",
            )
            if not _indent(line)
            else Text(
                "这一行文字缩进不够，无法接在上面的字段之后",
                "this line of text is indented less than the field above, so it does not continue it",
            ),
            Text(
                "把整段写在一行，或用“字段: |”并把每一行缩进到字段名之后",
                "keep the paragraph on one line, or write `field: |` and indent every line under it",
            ),
        )
    return None


def _unindented_continuation(lines: list[str], number: int) -> bool:
    """Text that is no YAML structure, indented no deeper than the key above it (a pasted line)."""
    line = lines[number - 1]
    if _STRUCTURE.match(line) or line.lstrip().startswith(('"', "'", "|", ">")):
        return False
    for above in range(number - 2, -1, -1):
        match = _KEY_LINE.match(lines[above])
        if match:
            return _indent(line) <= len(match.group(1))
    return False


def explain(lines: list[str], problem_line: int | None, context_line: int | None) -> Slip | None:
    """The slip that made the parser fail: on its context line, else on up to three lines above."""
    candidates: list[int] = []
    if context_line:
        candidates.append(context_line)
    if problem_line:
        candidates += [n for n in range(problem_line, max(0, problem_line - 4), -1) if n not in candidates]
    for number in candidates:
        slip = slip_on_line(lines, number)
        if slip is not None:
            return slip
    return None


def further_slips(lines: list[str], first: Slip, keys: frozenset[str]) -> list[Slip]:
    """The same slips (full-width colon, no space) elsewhere in the file, after the parser stopped
    at the first: only on lines whose key is a field name of the data file, so that text in a
    block (`Note:see`) is never taken for one."""
    found = []
    for number in range(1, len(lines) + 1):
        if number == first.line:
            continue
        line = lines[number - 1]
        match = _FULL_WIDTH_COLON.match(line) or _NO_SPACE.match(line)
        if match and match.group(2) in keys:
            slip = slip_on_line(lines, number)
            if slip is not None and slip.code in ("yaml-full-width-colon", "yaml-colon-space"):
                found.append(slip)
    return found


_WIDE_INDENT_KEY = re.compile(rf"^[ \t]*[\t\u3000][ \t\u3000]*(?:-\s+)?{_KEY}\s*:(?:\s|$)")


def indent_slips(lines: list[str]) -> list[Slip]:
    """Keys indented with full-width spaces or tabs anywhere in the file. YAML reads `　　measures:`
    as a key that starts with U+3000, so the parser stops far below, at a line that looks
    innocent; a key so indented is never meant."""
    found = []
    for number, line in enumerate(lines, 1):
        if _WIDE_INDENT_KEY.match(line):
            slip = slip_on_line(lines, number)
            if slip is not None and slip.code in ("yaml-full-width-indent", "yaml-tab-indent"):
                found.append(slip)
    return found


# The parser's messages (problem, then context), each in plain words.
_PROBLEMS: list[tuple[str, Text]] = [
    (
        "could not find expected ':'",
        Text(
            "这一行缺少“字段: 值”里的冒号，或者没有对齐", "this line lacks the colon of `key: value`, or is not aligned"
        ),
    ),
    (
        "mapping values are not allowed",
        Text(
            "这里不能出现“字段: 值”：检查缩进；文字中含“: ”时给整段加引号",
            "a `key: value` cannot start here: check the indentation, or quote a text that contains ': '",
        ),
    ),
    (
        "cannot start any token",
        Text(
            "这里有 YAML 不允许出现在开头的字符（如 Tab、@、`、%）",
            "this character cannot start a value in YAML (a tab, @, ` or %)",
        ),
    ),
    (
        "did not find expected key",
        Text(
            "缩进不一致：这一行没有和同级字段对齐",
            "inconsistent indentation: this line is not aligned with the fields beside it",
        ),
    ),
    (
        "expected <block end>",
        Text(
            "缩进不一致：这一行没有和同级字段对齐",
            "inconsistent indentation: this line is not aligned with the fields beside it",
        ),
    ),
    (
        "did not find expected '-' indicator",
        Text(
            "列表项没有对齐：每一项都以同样缩进的“- ”开头",
            "list items are not aligned: start each with `- ` at the same indentation",
        ),
    ),
    (
        "block sequence entries are not allowed",
        Text(
            "这里不能开始列表：检查“- ”前的缩进和上一行",
            "a list cannot start here: check the indentation of `- ` and the line above",
        ),
    ),
    (
        "found unknown escape character",
        Text(
            "双引号里的反斜杠 \\ 不合法：改用单引号，或写成 \\\\",
            "a backslash \\ inside double quotes is not valid: use single quotes, or write \\\\",
        ),
    ),
    ("found unexpected end of stream", Text("引号或括号没有闭合，文件就结束了", "a quote or bracket is never closed")),
    ("expected ',' or ']'", Text("方括号 [ ] 没有闭合，或其中缺少逗号", "a [ ] list is not closed, or lacks a comma")),
    (
        "expected ',' or '}'",
        Text("花括号 { } 没有闭合，或其中缺少逗号", "a { } mapping is not closed, or lacks a comma"),
    ),
    (
        "found unexpected ':'",
        Text("这里多了一个冒号：含冒号的文字请加引号", "an unexpected colon: quote a text that contains one"),
    ),
    ("found undefined alias", Text("不支持 YAML 别名（*）", "YAML aliases (*) are not allowed")),
    ("found undefined tag handle", Text("不支持 YAML 标签（!）", "YAML tags (!) are not allowed")),
    ("found a tab character", Text("YAML 不能用 Tab 缩进", "YAML cannot be indented with tabs")),
    ("while scanning a quoted scalar", Text("引号没有闭合", "a quote is never closed")),
    (
        "while scanning an alias",
        Text("星号 * 不能出现在值的开头：给整段加引号", "a value cannot start with *: quote it"),
    ),
    (
        "while scanning an anchor",
        Text("符号 & 不能出现在值的开头：给整段加引号", "a value cannot start with &: quote it"),
    ),
    ("while scanning a block scalar", Text("“|”或“>”后面只能跟换行", "`|` or `>` must end its line")),
    ("while parsing a flow", Text("方括号或花括号没有闭合", "a bracket is never closed")),
]
_GENERIC = Text(
    "YAML 语法错误：这一行或上一行的缩进、冒号或引号有误",
    "YAML syntax error: check the indentation, colons and quotes on this line and the one before",
)


def translate(problem: str | None, context: str | None) -> Text:
    """The parser's message in plain words, in both languages (never the library's English)."""
    for needle, text in _PROBLEMS:
        if needle in (problem or "") or needle in (context or ""):
            return Text(f"YAML 语法错误：{text.zh}", f"YAML syntax error: {text.en}")
    return _GENERIC


_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """Lines as YAML counts them: \\v, \\f and the other characters str.splitlines also breaks at
    stay inside their line, so that line N of a finding is line N of the editor."""
    lines = _BREAKS.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def char_location(path: Path, text: str, character: object, position: int) -> Location:
    """Where the reader met `character` (the first one in the text; the reader's own position
    counts in its buffer, not in the text)."""
    index = text.find(chr(character)) if isinstance(character, int) else -1
    if index < 0:
        index = min(position, len(text))
    before = _BREAKS.split(text[:index])
    return Location(path, len(before), len(before[-1]) + 1)


_LOCALE_LINE = re.compile(r"^locale:\s*[\"']?(zh-CN|en)[\"']?\s*(?:#.*)?$", re.MULTILINE)


def sniff_locale(text: str) -> str | None:
    """`locale:` read from the text itself, for a file that does not parse."""
    match = _LOCALE_LINE.search(text)
    return match.group(1) if match else None


_HANZI = re.compile("[\u4e00-\u9fff]")


def guess_locale(text: str) -> str:
    """No `locale:` line: the user's locale when it names a language, else zh-CN if the file
    holds Chinese text (a C.UTF-8 shell says nothing about its user)."""
    env = environment.locale_name()
    if env.startswith("zh"):
        return "zh-CN"
    if env.startswith("en"):
        return "en"
    return "zh-CN" if _HANZI.search(text) else "en"
