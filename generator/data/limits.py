"""Bounds on what a YAML file may cost before any node is built (data files and kind.yaml alike).

- Bytes: a file is opened without blocking, must be a regular file (not a FIFO, a device such as
  /dev/zero, or a folder), and at most MAX_BYTES + 1 bytes are ever read, whatever st_size says.
- Nesting and node count: libyaml's event stream (iterative, no recursion) is walked first with
  a counter, and the walk stops at the first collection nested deeper than MAX_DEPTH + 1 or the
  first value past MAX_NODES. Only then does ruamel's C composer, which recurses once per level
  in C and overflows the C stack at ~40,000 levels (SIGSEGV, no RecursionError), see the text.
  The walk costs about a third of composing (11 ms for a 1 MB, 9,000-value report).
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

from genreport.errors import Finding, LoadError, Location, Severity, Text

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64  # levels of nested mappings and lists (data/load.py's limit, checked again on the nodes)
MAX_NODES = 500_000  # values (scalars, lists, mappings): a 1 MB report has 9,000, an 8 MB one ~350,000


_no_symlinks: contextvars.ContextVar[bool] = contextvars.ContextVar("genreport_no_symlinks", default=False)


@contextlib.contextmanager
def no_symlinks() -> Iterator[None]:
    """Within this block read_bounded refuses a path whose last part is a symbolic link."""
    token = _no_symlinks.set(True)
    try:
        yield
    finally:
        _no_symlinks.reset(token)


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of the regular file `path`; LoadError if it is larger or not a file.

    OSError (missing, unreadable) is left to the caller, IsADirectoryError included.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if _no_symlinks.get():
        flags |= getattr(os, "O_NOFOLLOW", 0)  # preview: the file it resolved at start, never a link swapped in
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, os.strerror(21), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(
                Text(
                    f"{path}: 不是普通文件（设备、管道或套接字），不能作为数据文件读取",
                    f"{path}: not a regular file (a device, pipe or socket); it cannot be read as a data file",
                )
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise LoadError(
                Text(
                    f"{path}: 文件过大（超过 {limit} 字节的上限）",
                    f"{path}: file too large (over the limit of {limit} bytes)",
                )
            )
        return b"".join(chunks)
    finally:
        os.close(fd)


_BASES = {"0x": 16, "0o": 8, "0b": 2}
MAX_INT_DIGITS = 4000  # below Python's own 4,300-digit limit on int(str)


def yaml_int(value: str) -> int | str:
    """A YAML integer as written (`-0x10`, `+0o7`, `0b101`, `1_000`); one too long to be a number
    (a 5,000-digit run, which int() refuses) stays text for validation to judge."""
    digits = value.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    base = _BASES.get(digits[:2].lower(), 10)
    if base != 10:
        digits = digits[2:]
    if len(digits) > MAX_INT_DIGITS:
        return value
    try:
        return sign * int(digits, base)
    except ValueError:
        return value


# C0 but tab and LF, DEL, C1; and what XML 1.0 cannot hold (a .docx is XML): lone surrogates, U+FFFE, U+FFFF
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")  # as written in the file


def control_character(text: str) -> str | None:
    """The first control character in a value (ESC, BEL, an OSC or CSI sequence's start...), else None.

    Tab and line feed are text; everything else in C0, DEL and C1 is terminal or printer control,
    which a double-quoted YAML string can carry as an escape ("\\e[31m", "\\a", "\\x9d").
    """
    match = _CONTROL.search(text)
    return match.group(0) if match else None


def without_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def control_message(char: str) -> tuple[Text, Text]:
    code = f"U+{ord(char):04X}"
    if _NOT_XML.match(char):
        return (
            Text(
                f"文字中有非字符 {code}（不是文字，Word 文档和网页都无法容纳）",
                f"the text contains the noncharacter {code} (not text: a Word file or a web page cannot hold it)",
            ),
            Text(
                "删除它；若是从其他文件复制的文字，请重新输入",
                "delete it; if the text was copied from another file, retype it",
            ),
        )
    return (
        Text(
            f"文字中有控制字符 {code}（终端或打印机的控制码，不是文字）",
            f"the text contains the control character {code} (a terminal or printer code, not text)",
        ),
        Text(
            "删除它；若是从网页或终端复制的文字，请重新输入",
            "delete it; if the text was copied from a web page or a terminal, retype it",
        ),
    )


def scan(text: str, path: Path) -> Finding | None:
    """The first control character, nesting or size limit `text` breaks, as a finding; None when within all.

    A syntax error stops the walk quietly: the composer reports it, with its own message.
    """
    raw = _RAW_CONTROL.search(text)  # the YAML reader refuses these too, but counts UTF-8 bytes for the place
    if raw is not None:
        start = raw.start()
        line_start = text.rfind("\n", 0, start) + 1
        where = Location(path, text.count("\n", 0, start) + 1, start - line_start + 1)
        return Finding(Severity.ERROR, "control-character", *control_message(raw.group(0)), where)
    yaml = YAML(typ="safe")
    yaml.version = (1, 2)
    depth = nodes = 0
    try:
        for event in yaml.parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                nodes += 1
                if depth > MAX_DEPTH + 1:
                    return _finding(
                        path,
                        event,
                        "yaml-depth",
                        Text(
                            f"嵌套层级过深（上限 {MAX_DEPTH} 层）",
                            f"nesting is too deep (the limit is {MAX_DEPTH} levels)",
                        ),
                        _DEPTH_HINT,
                    )
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, (ScalarEvent, AliasEvent)):
                nodes += 1
            if nodes > MAX_NODES:
                return _finding(
                    path,
                    event,
                    "yaml-size",
                    Text(f"值的数量过多（上限 {MAX_NODES} 个）", f"too many values (the limit is {MAX_NODES})"),
                    _SIZE_HINT,
                )
    except YAMLError:
        return None
    return None


_DEPTH_HINT = Text(
    "报告数据不需要这么多层；检查缩进和方括号",
    "report data never needs this many levels; check the indentation and brackets",
)
_SIZE_HINT = Text(
    "一份报告不需要这么多值；把数据拆成多个文件",
    "a report never needs this many values; split the data into several files",
)


def _finding(path: Path, event: object, code: str, message: Text, hint: Text) -> Finding:
    mark = getattr(event, "start_mark", None)
    where = Location(path, mark.line + 1, mark.column + 1) if mark is not None else Location(path, 1, 1)
    return Finding(Severity.ERROR, code, message, hint, where)


# ------------------------------------------------------------------ Markdown text fields ---
# Bounds on one text field that keep Markdown rendering linear (render/md_safety.py renders a text
# past them as plain paragraphs; checks/markdown_limits.py warns).

MAX_CHARS = 100_000  # characters in one text field: emphasis runs cost more than linear past this
MAX_BRACKETS = 256  # `[` per text field; a real paragraph has a handful
MAX_NESTING = 16  # levels of lists and block quotes in one text field
_PREFIX = re.compile(r"^(?:[ \t]|>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*", re.MULTILINE)


def nesting(text: str) -> int:
    """An upper bound on the levels of lists and quotes any line opens (markers, and indentation
    in steps of two columns)."""
    deepest = 0
    for prefix in _PREFIX.findall(text):
        if not prefix:
            continue
        expanded = prefix.replace("\t", "    ")
        markers = sum(1 for part in re.findall(r">|[*+-](?=[ \t]|$)|\d{1,9}[.)]", expanded))
        deepest = max(deepest, markers + (len(expanded) - len(expanded.lstrip(" "))) // 2)
    return deepest


def limit_hit(text: str) -> str | None:
    """'length', 'brackets' or 'nesting' when `text` is past a limit (then it renders as plain paragraphs)."""
    if len(text) > MAX_CHARS:
        return "length"
    if text.count("[") > MAX_BRACKETS:
        return "brackets"
    if nesting(text) > MAX_NESTING:
        return "nesting"
    return None
