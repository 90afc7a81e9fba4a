"""`genreport import reviewed.docx --into this-year.yaml`: the review round brought back into the data file.

The reviewed Word file is compared, not with the data file's YAML, but with the data file as
genreport itself would read it back from its own .docx (build -f docx, then import): both sides
then pass through the same reader and normaliser, so a text the reviewers did not touch compares
equal whatever its Markdown looks like, and only the texts they changed differ. Each changed text
is written into the data file at its own place, through the node marks of ruamel's composer: the
bytes outside the changed values (comments, blank lines, key order, quoting) stay as they were.
Each reviewer comment becomes a YAML comment above the field it is anchored to.

What cannot be placed (a new or removed part, subsection or point, a heading moved so that points
change hands, a part heading reworded where the file uses the default) is refused, all of it
listed, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genreport.data import yamlsafe
from genreport.errors import GenreportError, Text
from genreport.importer.blocks import Block, Where
from genreport.importer.revisions import Comment, Review

Path_ = tuple[str | int, ...]
_TEXT_FIELDS = ("title", "recipient", "preamble")
OWN_AUTHOR = "genreport"  # docx/review.py's comments


@dataclass
class Edit:
    path: Path_  # in the data file
    old: str
    new: str


@dataclass
class Placed:
    comment: Comment
    path: Path_ | None  # None: at the top of the file (anchored to nothing the file holds)
    where: Where | None


@dataclass
class Merge:
    text: str  # the data file's new text
    edits: list[Edit] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)
    refused: list[Text] = field(default_factory=list)


def _squash(text: str) -> str:
    return re.sub(r"\s+|\*\*|__", "", text or "")


def _point_text(point: Any, joiner: str) -> str:
    if isinstance(point, dict):
        return joiner.join(filter(None, [point.get("lead"), point.get("text")]))
    return str(point)


def _leaves(data: dict[str, Any], joiner: str) -> dict[Path_, Any]:
    """The imported texts by path; a point is one leaf (its lead and text), kept with its parts."""
    out: dict[Path_, Any] = {}
    for key in _TEXT_FIELDS:
        if data.get(key):
            out[(key,)] = str(data[key])
    for key, section in (data.get("sections") or {}).items():
        _container(out, ("sections", key), section, joiner)
    return out


def _container(out: dict[Path_, Any], path: Path_, container: dict[str, Any], joiner: str) -> None:
    for name in ("heading", "intro"):
        if container.get(name):
            out[(*path, name)] = container[name]
    for index, point in enumerate(container.get("points") or []):
        out[(*path, "points", index)] = point if isinstance(point, dict) else {"text": point}
    for index, sub in enumerate(container.get("subsections") or []):
        _container(out, (*path, "subsections", index), sub, joiner)


def _describe(path: Path_) -> str:
    parts: list[str] = []
    for piece in path:
        parts.append(f"[{piece}]" if isinstance(piece, int) else ("." if parts else "") + piece)
    return "".join(parts)


def compare(
    base: dict[str, Any], new: dict[str, Any], yaml_data: dict[str, Any], locale: str
) -> tuple[list[Edit], list[Text]]:
    """The edits to apply to the data file (by its own paths), and what cannot be placed."""
    joiner = " " if locale == "en" else ""
    before, after = _leaves(base, joiner), _leaves(new, joiner)
    edits: list[Edit] = []
    refused: list[Text] = []
    for path in [*before, *(p for p in after if p not in before)]:
        if path not in after or path not in before:
            where = _describe(path)
            if path[-1] == "heading" and path in after:
                zh = "审阅稿改写了部分标题，数据文件用的是默认标题；请在文件中写上 heading"
                en = "the part heading was reworded where the file uses the default; write heading: in the file"
            elif path in after:
                zh = "审阅稿新增了这一项（新的部分、小节、要点，或标题移动了位置）"
                en = "added in the reviewed file (a new part, subsection or point, or a heading moved)"
            else:
                zh, en = "审阅稿删去了这一项（或标题移动了位置）", "removed in the reviewed file (or a heading moved)"
            refused.append(Text(f"{where}：{zh}", f"{where}: {en}"))
            continue
        old, now = before[path], after[path]
        if isinstance(old, dict):
            if _point_text(old, joiner) != _point_text(now, joiner):
                edits += _point_edits(path, old, now, yaml_data, joiner, refused)
        elif old != now:
            if _get(yaml_data, path) is None:
                refused.append(Text(f"{_describe(path)}：数据文件中没有这一项，无法写入修改",
                                    f"{_describe(path)}: the data file has no such field to change"))  # fmt: skip
            else:
                edits.append(Edit(path, str(_get(yaml_data, path)), now))
    return edits, refused


def _point_edits(path: Path_, old: dict[str, Any], now: dict[str, Any], yaml_data: dict[str, Any], joiner: str,
                 refused: list[Text]) -> list[Edit]:  # fmt: skip
    """A point whose text changed, written in the data file's own shape (a string, or lead and text)."""
    written = _get(yaml_data, path)
    if isinstance(written, str):
        return [Edit(path, written, _point_text(now, joiner))]
    if not isinstance(written, dict):
        refused.append(
            Text(f"{_describe(path)}：数据文件中没有这一要点", f"{_describe(path)}: no such point in the data file")
        )
        return []
    if written.get("lead") and old.get("lead") and now.get("lead"):
        out = []
        if old["lead"] != now["lead"]:
            out.append(Edit((*path, "lead"), str(written["lead"]), now["lead"]))
        if old.get("text") != now.get("text"):
            out.append(Edit((*path, "text"), str(written.get("text") or ""), now.get("text") or ""))
        return out
    if written.get("lead"):  # the reviewed copy no longer has a lead sentence of its own: all into text
        return [
            Edit((*path, "lead"), str(written["lead"]), ""),
            Edit((*path, "text"), str(written.get("text") or ""), _point_text(now, joiner)),
        ]
    return [Edit((*path, "text"), str(written.get("text") or ""), _point_text(now, joiner))]


def _get(data: Any, path: Path_) -> Any:
    for piece in path:
        if isinstance(piece, int):
            if not isinstance(data, list) or piece >= len(data):
                return None
        elif not isinstance(data, dict) or piece not in data:
            return None
        data = data[piece]
    return data


def place_comments(review: Review, wheres: dict[object, Where], blocks: list[Block], new: dict[str, Any],
                   yaml_data: dict[str, Any], locale: str) -> list[Placed]:  # fmt: skip
    """Each comment on the field its anchor (or its paragraph) belongs to; None when none holds it."""
    joiner = " " if locale == "en" else ""
    leaves = {path: _squash(_point_text(value, joiner) if isinstance(value, dict) else str(value))
              for path, value in _leaves(new, joiner).items()}  # fmt: skip
    by_where: dict[Where, str] = {}
    for block in blocks:
        by_where[block.where] = by_where.get(block.where, "") + block.text
    out = []
    for comment in review.comments:
        if comment.author == OWN_AUTHOR:
            continue  # the findings `build --review` put there: check finds them again, they are not the reviewers'
        home = review.home(comment.block)
        where = wheres.get(home) if home is not None else None
        paragraph = _squash(by_where.get(where, "")) if where is not None else ""
        anchor = _squash(comment.anchor)
        found: Path_ | None = None
        for needle in (anchor, paragraph, paragraph[-24:], paragraph[:24]):
            if not needle:
                continue
            hits = [path for path, text in leaves.items() if needle in text]
            if len(hits) > 1 and paragraph:
                hits = [path for path in hits if paragraph[-24:] in leaves[path] or leaves[path] in paragraph] or hits
            if hits:
                found = hits[0]
                break
        place = _in_file(found, yaml_data, anchor) if found else _metadata(anchor or paragraph, yaml_data)
        out.append(Placed(comment, place, where))
    return out


def _metadata(text: str, yaml_data: dict[str, Any]) -> Path_ | None:
    """A comment on the title block or the signature: the field whose value that text prints."""
    if not text:
        return None
    signed = yaml_data.get("signed_on")
    if isinstance(signed, dt.date) and text in (f"{signed.year}年{signed.month}月{signed.day}日", signed.isoformat()):
        return ("signed_on",)
    for key in ("document_number", "title", "recipient"):
        value = yaml_data.get(key)
        if isinstance(value, str) and value and _squash(value) in text:
            return (key,)
    issuer = yaml_data.get("issuer")
    if isinstance(issuer, dict) and isinstance(issuer.get("name"), str) and _squash(issuer["name"]) == text:
        return ("issuer", "name")
    return None


def _in_file(path: Path_, yaml_data: dict[str, Any], anchor: str) -> Path_ | None:
    """The data file's field for an imported path: a point's lead or text when it has them."""
    written = _get(yaml_data, path)
    if written is None:
        return None
    if isinstance(written, dict) and path[-2:-1] == ("points",):
        for key in ("lead", "text"):
            if written.get(key) and anchor and anchor in _squash(str(written[key])):
                return (*path, key)
        return (*path, "text") if "text" in written else path
    return path


# ---------------------------------------------------------------- writing into the YAML text ---


def _nodes(text: str) -> dict[Path_, tuple[Any, Any]]:
    """path -> (key node or None, value node), from ruamel's composer (marks, no objects built)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    root = YAML(typ="safe").compose(text)  # libyaml's composer: marks count characters, 10x the pure one
    out: dict[Path_, tuple[Any, Any]] = {}

    def walk(node: Any, path: Path_, key: Any) -> None:
        out[path] = (key, node)
        if isinstance(node, MappingNode):
            for key_node, value in node.value:
                walk(value, (*path, str(key_node.value)), key_node)
        elif isinstance(node, SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, (*path, index), None)

    if root is not None:
        walk(root, (), None)
    return out


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _indent_of(text: str, index: int) -> str:
    start = _line_start(text, index)
    line = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
    return line[: len(line) - len(line.lstrip(" "))]


def _plain_ok(value: str) -> bool:
    """`value` reads back as the same string when written plain after `key: `."""
    from ruamel.yaml import YAML

    if (
        not value
        or value != value.strip()
        or "\n" in value
        or value[0] in "-?:,[]{}#&*!|>'\"%@`"
        or " #" in value
        or ": " in value
    ):
        return False
    try:
        loaded = YAML(typ="safe", pure=True).load(f"k: {value}\n")
    except Exception:  # noqa: BLE001 - any parse problem means: quote it
        return False
    return isinstance(loaded, dict) and loaded.get("k") == value


def _scalar(text: str, node: Any, value: str, newline: str) -> str:
    """`value` written in the place of `node`, in the node's own style where that can hold it."""
    span = text[node.start_mark.index : node.end_mark.index]
    if not yamlsafe.block_safe(value.replace("\n", "")):  # a break YAML counts, or a character it cannot hold raw
        return yamlsafe.double_quoted(value)
    if node.style in ("|", ">"):
        header = span.split("\n", 1)[0].strip()
        body = span.split("\n", 1)[1] if "\n" in span else ""
        first = next((line for line in body.split("\n") if line.strip()), "  ")
        indent = first[: len(first) - len(first.lstrip(" "))] or "  "
        tail = span[len(span.rstrip("\n\r ")) :] or newline
        if header.startswith(">") and "\n" not in value:
            # one paragraph stays folded, wrapped at the width the file used (a hanzi text has no spaces: one line)
            width = max((len(line) for line in body.split("\n")), default=80)
            wrapped = textwrap.wrap(value, max(width - len(indent), 40), break_long_words=False, break_on_hyphens=False)
            lines = [indent + line for line in wrapped or [""]]
            return header + newline + newline.join(lines) + ("" if tail.startswith(newline) else newline) + tail
        header = "|" + header[1:].replace(">", "")
        lines = [indent + line if line else "" for line in value.split("\n")]
        return header + newline + newline.join(lines) + ("" if tail.startswith(newline) else newline) + tail
    if "\n" in value:
        indent = _indent_of(text, node.start_mark.index) + "  "
        return "|-" + newline + newline.join(indent + line if line else "" for line in value.split("\n"))
    if not node.style and _plain_ok(value):  # plain: None from the pure composer, "" from libyaml's
        return value
    if node.style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    return yamlsafe.double_quoted(value)


def _comment_lines(placed: Placed, indent: str, locale: str, newline: str) -> str:
    comment = placed.comment
    sep = "，" if locale == "zh-CN" else ", "
    who = sep.join(
        filter(None, [comment.author or ("未署名" if locale == "zh-CN" else "no author"), comment.date[:10]])
    )
    label = "批注" if locale == "zh-CN" else "Comment"
    lines = [line.strip() for line in (comment.text or "").split("\n") if line.strip()] or [""]
    head = f"{indent}# {label}（{who}）：" if locale == "zh-CN" else f"{indent}# {label} ({who}): "
    if placed.path is None and placed.where is not None:
        lines[0] = f"[{placed.where.text()(locale)}] {lines[0]}"
    if comment.anchor and placed.path is not None:
        quoted = " ".join(comment.anchor.split())[:30]
        lines[0] = (f"“{quoted}”：" if locale == "zh-CN" else f"“{quoted}”: ") + lines[0]
    # a reviewer's text holds what it likes (U+2028 ends a YAML comment as LF does): shown, never live
    head, lines = yamlsafe.comment_text(head), yamlsafe.comment_lines(lines)
    return head + lines[0] + newline + "".join(f"{indent}#   {line}{newline}" for line in lines[1:])


def apply(text: str, edits: list[Edit], placed: list[Placed], locale: str) -> str:
    """The data file's text with each edit spliced at its value and each comment above its field."""
    newline = "\r\n" if "\r\n" in text else "\n"
    nodes = _nodes(text)
    changes: list[tuple[int, int, str]] = []
    for edit in edits:
        key, node = nodes[edit.path]
        changes.append((node.start_mark.index, node.end_mark.index, _scalar(text, node, edit.new, newline)))
    for item in placed:
        if item.path is None or item.path not in nodes:
            at = 0
            indent = ""
        else:
            key, node = nodes[item.path]
            mark = (key or node).start_mark.index
            at = _line_start(text, mark)
            indent = _indent_of(text, mark)
            if key is None:  # a list item: the comment goes above its "- "
                indent = indent[:-2] if text[at + len(indent) - 2 : at + len(indent)] == "- " else indent
        block = _comment_lines(item, indent, locale, newline)
        if block.strip() and block in text:
            continue  # brought back before (the same comment, the same field): not twice
        changes.append((at, at, block))
    for start, end, replacement in sorted(changes, key=lambda c: (c[0], c[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def refusal(refused: list[Text], target: Path) -> GenreportError:
    zh = "\n".join(f"  {item.zh}" for item in refused)
    en = "\n".join(f"  {item.en}" for item in refused)
    return GenreportError(
        Text(
            f"{target}: 审阅稿的 {len(refused)} 处改动无法对应到数据文件，未写入任何内容：\n{zh}\n"
            "请在数据文件中先做这些结构上的改动（或用 genreport import 生成新文件后用 diff 对照）",
            f"{target}: {len(refused)} changes of the reviewed file have no place in the data file; "
            f"nothing written:\n{en}\n"
            "make these structural changes in the data file first (or import into a new file and compare with diff)",
        )
    )
