"""Safe YAML loading that keeps every value's place in the file.

ruamel.yaml composes the node graph (YAML 1.2: `no` stays a string) and we build plain Python
values from it ourselves, so no object is ever constructed from a tag. Marks stay beside the
data, never inside it: `marks[("sections", "measures", "intro")]` is where that value sits.
Anchors and aliases are refused before any expansion (no loader bounds alias expansion), and
file size and nesting depth are capped. Problems in the file are findings; a file that cannot
be read at all is a LoadError.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from genreport.data import limits
from genreport.data import slips as yamlslips
from genreport.data.repair import READ_ALL, Repairs
from genreport.data.slips import split_lines
from genreport.errors import FieldPath, Finding, LoadError, Location, Severity, Text

MAX_BYTES = limits.MAX_BYTES
MAX_DEPTH = limits.MAX_DEPTH
YAML_TAG = "tag:yaml.org,2002:"
# The only tags a data file may carry (all implicit); anything else, !!python/... included, is refused.
_SCALAR_KINDS = {"null", "bool", "int", "float", "timestamp", "str"}
_COLLECTION_TAGS = {YAML_TAG + "map", YAML_TAG + "seq"}


@dataclass(frozen=True)
class Mark:
    """Where a value sits: its key (for mapping entries) and the value's own span, 1-based."""

    line: int
    column: int
    end_line: int
    key_line: int
    key_column: int


@dataclass
class Loaded:
    path: Path
    text: str
    data: Any = None
    marks: dict[FieldPath, Mark] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # Recognised slips mended in memory (data/repair.py): the data was parsed from the mended
    # text, and the marks were mapped back to the file's own lines and columns.
    repairs: Repairs | None = None

    _lines: tuple[str, list[str]] | None = field(default=None, repr=False, compare=False)

    @property
    def lines(self) -> list[str]:
        # The line breaks YAML counts (not str.splitlines, which also breaks at \v, \f, \x1c...),
        # split once per text: every finding's location reads them (a 10x report: 40 splits a check).
        if self._lines is None or self._lines[0] is not self.text:
            self._lines = (self.text, split_lines(self.text))
        return self._lines[1]

    def location(self, path: FieldPath, *, at_key: bool = False) -> Location:
        """The nearest known place for `path` (walking up to its parent when it is absent)."""
        for depth in range(len(path), -1, -1):
            mark = self.marks.get(path[:depth])
            if mark is not None:
                if at_key or depth < len(path):
                    return Location(self.path, mark.key_line, mark.key_column)
                return Location(self.path, mark.line, mark.column)
        return Location(self.path, 1, 1)

    def locate_text(self, path: FieldPath, needle: str) -> Location:
        """The exact line and column of `needle` inside the value at `path`, as written in the file."""
        mark = self.marks.get(path)
        if mark is None and path and path[-1] == "text":
            mark = self.marks.get(path[:-1])  # a point written as a bare string is its own text
        if mark is None:
            return self.location(path)
        lines = self.lines
        for number in range(mark.line, min(mark.end_line, len(lines)) + 1):
            start = mark.column - 1 if number == mark.line else 0
            column = lines[number - 1].find(needle, start)
            if column >= 0:
                return Location(self.path, number, column + 1)
        return Location(self.path, mark.line, mark.column)


def read_text(path: Path) -> str:
    """The file's text: UTF-8 with or without BOM, or a LoadError that says what it is instead."""
    try:
        raw = limits.read_bounded(path, MAX_BYTES)  # a regular file, never more than MAX_BYTES + 1 read
    except FileNotFoundError:
        raise LoadError(Text(f"{path}: 文件不存在", f"{path}: no such file")) from None
    except IsADirectoryError:
        raise LoadError(
            Text(f"{path}: 这是一个文件夹，不是数据文件", f"{path}: is a folder, not a data file")
        ) from None
    except OSError as exc:
        raise LoadError(Text(f"{path}: 无法读取（{exc.strerror}）", f"{path}: cannot read ({exc.strerror})")) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(
            Text(
                f"{path}: 文件是 UTF-16 编码；请另存为 UTF-8",
                f"{path}: the file is UTF-16; save it as UTF-8",
            ),
            code="not-utf8",
            line=1,
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError(
            Text(
                f"{path}:{line}: 文件不是 UTF-8 编码（可能是 GBK）；请在编辑器中另存为 UTF-8",
                f"{path}:{line}: the file is not UTF-8 (GBK, perhaps); save it as UTF-8 in your editor",
            ),
            code="not-utf8",
            line=line,
        ) from None


def load_yaml(path: Path, known_keys: Callable[[], frozenset[str]] | None = None) -> Loaded:
    """Read and parse `path`. Raises LoadError only when the file cannot be read at all.

    `known_keys` gives every key a file of this sort may hold (checks: the model's fields and the
    kinds' parts): a colon slip on any line of a known key is then named, not only the first.
    """
    text = read_text(path)
    loaded = Loaded(path=path, text=text)
    root = _compose(loaded, known_keys)
    if root is None:
        return loaded
    builder = _Builder(loaded)
    if builder.refuse_anchors(root):
        return loaded
    loaded.marks[()] = _mark(loaded, root, root)
    mended = len(loaded.findings)  # the slips mended in memory: the data is still checked
    value = builder.build(root, (), depth=0)
    if len(loaded.findings) > mended:
        return loaded
    if not isinstance(value, dict):
        loaded.findings.append(
            _finding(
                loaded,
                "yaml-root",
                Location(path, 1, 1),
                Text("文件内容必须是“字段: 值”的映射", "the file must be a mapping of fields (key: value)"),
                Text("从 `kind: rule-of-law-government` 这样的字段开始", "start with fields such as `kind: ...`"),
            )
        )
        return loaded
    loaded.data = value
    return loaded


def _compose(loaded: Loaded, known_keys: Callable[[], frozenset[str]] | None) -> Node | None:
    # Composition only, never construction. typ="safe" uses libyaml's parser from ruamel.yaml.clib
    # when installed (7x faster on a 5 MB file than the pure-Python round-trip parser, with the
    # same marks on every node and the same YAML 1.2 resolver); ruamel falls back to pure Python.
    too_big = limits.scan(loaded.text, loaded.path)  # depth and node count, before the C composer recurses
    if too_big is not None:
        loaded.findings.append(too_big)
        return None
    try:
        root = _parse(loaded.text)
        wide = _wide_keys(root) if "\u3000" in loaded.text else set()
        slips = [slip for slip in yamlslips.indent_slips(loaded.lines) if slip.line in wide] if wide else []
        if slips:  # it parsed, but with a key that starts with U+3000: never meant, so mended too
            return _mend(loaded, slips[0], known_keys() if known_keys else frozenset())
    except MarkedYAMLError as exc:
        where = _problem_place(loaded.path, exc)
        slip = _slip_of(loaded.lines, exc) or next(iter(yamlslips.indent_slips(loaded.lines)), None)
        if slip is not None:  # a slip we know by name: mend it in memory and read on
            return _mend(loaded, slip, known_keys() if known_keys else frozenset())
        if "\t" in _line(loaded, where.line):
            hint = Text("YAML 不能用 Tab 缩进，请改用空格", "YAML cannot be indented with tabs: use spaces")
        else:
            hint = Text(
                "检查这一行及上一行的缩进、冒号和引号",
                "check indentation, colons and quotes on this line and the one before",
            )
        loaded.findings.append(
            _finding(loaded, "yaml-syntax", where, yamlslips.translate(exc.problem, exc.context), hint)
        )
        return None
    except ReaderError as exc:
        where = yamlslips.char_location(loaded.path, loaded.text, exc.character, exc.position)
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        loaded.findings.append(
            _finding(
                loaded,
                "control-character",
                where,
                Text(f"文件中有不可见的控制字符 {char}", f"the file contains an invisible control character {char}"),
                Text(
                    "删除该字符（常见于从网页或微信复制的文字）",
                    "delete it (it often comes with text pasted from web pages or chat apps)",
                ),
            )
        )
        return None
    except RecursionError:
        loaded.findings.append(_too_deep(loaded, Location(loaded.path, 1, 1)))
        return None
    except YAMLError as exc:
        loaded.findings.append(
            _finding(
                loaded,
                "yaml-syntax",
                Location(loaded.path, 1, 1),
                yamlslips.translate(str(exc), None),
                Text("检查文件格式", "check the file's syntax"),
            )
        )
        return None
    if root is None:
        loaded.findings.append(
            _finding(
                loaded,
                "empty-file",
                Location(loaded.path, 1, 1),
                Text("文件是空的", "the file is empty"),
                Text("用 `genreport init` 生成一个带说明的骨架文件", "run `genreport init` for a commented skeleton"),
            )
        )
    return root


def _parse(text: str) -> Node | None:
    yaml = YAML(typ="safe")
    yaml.version = (1, 2)
    node: Node | None = yaml.compose(text)
    return node


def _wide_keys(root: Node | None) -> set[int]:
    """Lines of the keys that start with a full-width space (a text's own line never counts)."""
    lines: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and str(key.value).startswith("\u3000"):
                    lines.add(key.start_mark.line + 1)
                stack += [key, value]
        elif isinstance(node, SequenceNode):
            stack += node.value
    return lines


def _problem_place(path: Path, exc: MarkedYAMLError) -> Location:
    mark = exc.problem_mark or exc.context_mark
    return Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)


def _slip_of(lines: list[str], exc: MarkedYAMLError) -> yamlslips.Slip | None:
    mark = exc.problem_mark or exc.context_mark
    problem_line = mark.line + 1 if mark else None
    context_line = exc.context_mark.line + 1 if exc.context_mark else None
    return yamlslips.explain(lines, problem_line, context_line)


_MAX_REPAIRS = 200  # slips mended in one file; past it the rest is reported as it stands


def _reach(lines: list[str]) -> int:
    """How far the parser reads a trial mend: the line of the next problem, READ_ALL if none."""
    try:
        _parse("\n".join(lines) + "\n")
    except MarkedYAMLError as exc:
        slip = _slip_of(lines, exc)
        stopped = slip.line if slip is not None else _problem_place(Path(), exc).line
        return stopped or 0
    except (YAMLError, RecursionError):
        return 0
    return READ_ALL


def _mend(loaded: Loaded, first: yamlslips.Slip, keys: frozenset[str]) -> Node | None:
    """Repair each recognised slip in memory and parse again until the file reads or a problem
    is left that we cannot mend. Every slip is an error finding (a final build still refuses);
    the mended file's data is returned for checking, with its marks mapped back to the file."""
    repairs = Repairs(list(loaded.lines))
    slips = [first, *yamlslips.further_slips(loaded.lines, first, keys)]
    slips += [slip for slip in yamlslips.indent_slips(loaded.lines) if slip.line not in {s.line for s in slips}]
    # Colons first (mended in place), then indentation in file order: a trial indentation is
    # judged by how far the parser reads, which a colon slip below would cut short.
    pending = sorted(slips, key=lambda s: (s.code not in ("yaml-full-width-colon", "yaml-colon-space"), s.line))
    root: Node | None = None
    left: Finding | None = None
    for _ in range(_MAX_REPAIRS):
        if not all(repairs.apply(slip, _reach) for slip in pending):
            break
        try:
            root = _parse(repairs.text)
        except MarkedYAMLError as exc:
            slip = _slip_of(repairs.lines, exc) or next(iter(yamlslips.indent_slips(repairs.lines)), None)
            if slip is None or any((s.line, s.code) == (slip.line, slip.code) for s in slips):
                message = yamlslips.translate(exc.problem, exc.context)
                left = _finding(loaded, "yaml-syntax", _mended_place(loaded, repairs, exc), message, _SYNTAX_HINT)
                break
            line, column = repairs.back(slip.line, slip.column)
            # reported where the file has it, mended where the mended text has it
            slips.append(yamlslips.Slip(slip.code, line, column, slip.message, slip.hint))
            pending = [slip]
            continue
        except (YAMLError, RecursionError):
            break
        loaded.repairs = repairs
        break
    for slip in sorted(slips, key=lambda s: (s.line, s.column)):
        where = Location(loaded.path, slip.line, slip.column)
        loaded.findings.append(_finding(loaded, slip.code, where, slip.message, slip.hint))
    if left is not None:
        loaded.findings.append(left)
    return root if loaded.repairs is not None else None


def _mended_place(loaded: Loaded, repairs: Repairs, exc: MarkedYAMLError) -> Location:
    where = _problem_place(loaded.path, exc)
    if where.line is None:
        return where
    line, column = repairs.back(where.line, where.column or 1)
    return Location(loaded.path, line, column)


_SYNTAX_HINT = Text(
    "检查这一行及上一行的缩进、冒号和引号", "check indentation, colons and quotes on this line and the one before"
)


def _line(loaded: Loaded, number: int | None) -> str:
    lines = loaded.lines
    return lines[number - 1] if number and 0 < number <= len(lines) else ""


def _finding(loaded: Loaded, code: str, where: Location, message: Text, hint: Text, path: FieldPath = ()) -> Finding:
    return Finding(Severity.ERROR, code, message, hint, where, path)


def _too_deep(loaded: Loaded, where: Location) -> Finding:
    return _finding(
        loaded,
        "yaml-depth",
        where,
        Text(f"嵌套层级过深（上限 {MAX_DEPTH} 层）", f"nesting is too deep (the limit is {MAX_DEPTH} levels)"),
        Text("报告数据不需要这么多层；检查缩进", "report data never needs this many levels; check the indentation"),
    )


def _back(loaded: Loaded, mark: Any) -> tuple[int, int]:
    """A node mark (0-based) as the file's 1-based line and column, through any mended slips."""
    if loaded.repairs is None:
        return mark.line + 1, mark.column + 1
    return loaded.repairs.back(mark.line + 1, mark.column + 1)


def _where(loaded: Loaded, node: Node) -> Location:
    return Location(loaded.path, *_back(loaded, node.start_mark))


class _Builder:
    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded

    def refuse_anchors(self, root: Node) -> bool:
        """Report the first anchor or alias; the graph is walked once, without expansion."""
        seen: set[int] = set()
        stack: list[tuple[Node, int]] = [(root, 0)]
        while stack:
            node, depth = stack.pop()
            if depth > MAX_DEPTH:
                self.loaded.findings.append(_too_deep(self.loaded, _where(self.loaded, node)))
                return True
            if id(node) in seen or getattr(node, "anchor", None):
                self.loaded.findings.append(
                    _finding(
                        self.loaded,
                        "yaml-anchor",
                        _where(self.loaded, node),
                        Text("不支持 YAML 锚点和别名（&、*）", "YAML anchors and aliases (& and *) are not allowed"),
                        Text("把内容直接写出来", "write the content out in full"),
                    )
                )
                return True
            seen.add(id(node))
            # Children pushed in reverse, so the walk meets them in document order.
            if isinstance(node, MappingNode):
                stack.extend((n, depth + 1) for pair in reversed(node.value) for n in reversed(pair))
            elif isinstance(node, SequenceNode):
                stack.extend((n, depth + 1) for n in reversed(node.value))
        return False

    def build(self, node: Node, path: FieldPath, depth: int) -> Any:
        if isinstance(node, (MappingNode, SequenceNode)) and str(node.tag) not in _COLLECTION_TAGS:
            self._refuse_tag(node, path)
            return None
        if isinstance(node, MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path, depth + 1)
                if not isinstance(key, (str, int)):
                    self._add(
                        "yaml-key",
                        key_node,
                        path,
                        Text("字段名必须是文字", "a key must be plain text"),
                        Text("去掉字段名中的括号或列表", "remove brackets from the key"),
                    )
                    continue
                child = (*path, key)
                if key in result:
                    first = self.loaded.marks[child]
                    self._add(
                        "duplicate-key",
                        key_node,
                        child,
                        Text(
                            f"字段 {key} 重复（第 {first.key_line} 行已有）",
                            f"duplicate key {key} (already on line {first.key_line})",
                        ),
                        Text("删除或合并其中一个", "delete or merge one of them"),
                    )
                    continue
                self.loaded.marks[child] = _mark(self.loaded, value_node, key_node)
                result[key] = self.build(value_node, child, depth + 1)
            return result
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                child = (*path, index)
                self.loaded.marks[child] = _mark(self.loaded, item, item)
                items.append(self.build(item, child, depth + 1))
            return items
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _scalar(self, node: ScalarNode, path: FieldPath) -> Any:
        tag = str(node.tag)
        value: str = node.value
        if tag.removeprefix(YAML_TAG) not in _SCALAR_KINDS:
            self._refuse_tag(node, path)
            return value
        kind = tag[len(YAML_TAG) :]
        if kind == "null":
            return None
        if kind == "bool":
            return value.lower() == "true"
        if kind == "int":
            return limits.yaml_int(value)
        if kind == "float":
            lowered = value.lower().lstrip("+")
            if lowered in (".inf", "-.inf"):
                return -math.inf if lowered.startswith("-") else math.inf
            if lowered == ".nan":
                return math.nan
            return float(value.replace("_", ""))
        if kind == "timestamp":
            return _date(value)
        char = limits.control_character(value)  # "\e]52;c;...\a" would reach outputs and terminals
        if char is not None:
            self._add("control-character", node, path, *limits.control_message(char))
            return limits.without_controls(value)  # not even a --draft build carries it on
        return value

    def _refuse_tag(self, node: Node, path: FieldPath) -> None:
        self._add(
            "yaml-tag",
            node,
            path,
            Text(f"不支持 YAML 标签 {node.tag}", f"YAML tag {node.tag} is not allowed"),
            Text("删除标签，只写值", "remove the tag and write the plain value"),
        )

    def _add(self, code: str, node: Node, path: FieldPath, message: Text, hint: Text) -> None:
        self.loaded.findings.append(_finding(self.loaded, code, _where(self.loaded, node), message, hint, path))


def _mark(loaded: Loaded, value: Node, key: Node) -> Mark:
    line, column = _back(loaded, value.start_mark)
    key_line, key_column = _back(loaded, key.start_mark)
    end_line = _back(loaded, value.end_mark)[0]
    return Mark(line=line, column=column, end_line=max(line, end_line), key_line=key_line, key_column=key_column)


def _date(value: str) -> dt.date | str:
    """A YAML date; an impossible one (2024-02-30) stays text so validation reports it in place."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace(" ", "T").replace("t", "T")).date()
    except ValueError:
        return value
