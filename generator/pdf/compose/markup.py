"""The body paragraphs of the zh-CN print HTML, found by position, and the composer's decisions written into them.

A paragraph is known by its place among the body's paragraphs (`data-cp="N"` on its element)
and a character by its offset in that paragraph's text: nothing is found again by its text,
so two paragraphs with the same words get their own decisions.

The decisions are spans around characters: <span class="sq"> around a closing mark squeezed at
a line end, <span class="nb"> (white-space: nowrap) around the characters a line pushes down,
so that WeasyPrint's first-fit finds no opportunity it may take past the composer's break. Where
such glue would have to end at an element's edge on an opportunity, every line's characters
are so wrapped: the only opportunities left are the composer's breaks.
"""

from __future__ import annotations

import html as html_module
import re
from array import array
from dataclasses import dataclass, field

# Paragraphs the composer sets: the body's justified, indented paragraphs (gbt9704.css
# "Paragraphs"), by their own class or their parent's, and the part and subsection headings,
# each in its font role.
OWN_CLASSES = frozenset({"point", "none-statement", "missing"})
HEADINGS = {("h2", "part-heading"): "hei", ("h3", "subsection-heading"): "kai"}
PARENT_CLASSES = frozenset({"preamble", "part-intro", "subsection-intro", "part", "subsection", "attachment-body"})
# Inline elements that change nothing of a character's advance in the body font.
PLAIN_INLINE = frozenset({"span", "strong", "em", "b", "i", "a", "u", "s", "del", "ins", "mark"})
NOT_INSIDE = frozenset({"table", "li", "ul", "ol", "figure", "blockquote", "aside", "header", "footer", "svg", "dl"})
VOID = frozenset({"br", "img", "wbr", "hr", "meta", "link", "input", "col", "area", "source", "embed", "track"})
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|&[#a-zA-Z0-9]+;|[^<&]+", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)([^>]*)>")
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class Spans:
    """Each character's (start, end) in the markup, in two arrays: a tuple of pairs costs about 120
    bytes a character, which a 3,000-page report's 1.5 million characters would keep to the end."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self._starts = array("q", (a for a, _ in pairs))
        self._ends = array("q", (b for _, b in pairs))

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self._starts[index], self._ends[index]

    def __len__(self) -> int:
        return len(self._starts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Spans) and self._starts == other._starts and self._ends == other._ends

    def __hash__(self) -> int:
        return hash((bytes(self._starts), bytes(self._ends)))


@dataclass(frozen=True)
class Paragraph:
    """One composable paragraph: where its start tag ends in the markup, its text, and each
    character's (start, end) in the markup."""

    open_tag_end: int  # the offset just before the '>' of its start tag (data-cp goes there)
    role: str  # the font role it is set in: fangsong (body), hei (一、 headings), kai (（一） headings)
    text: str
    spans: Spans
    tags_between: frozenset[int]  # offsets i where a tag stands between text[i-1] and text[i]


def _classes(attributes: str) -> frozenset[str]:
    found = _CLASS.search(attributes)
    return frozenset((found.group(1) or found.group(2) or "").split()) if found else frozenset()


@dataclass
class _Reading:
    """A paragraph while its markup is read."""

    open_tag_end: int
    tag: str
    role: str
    chars: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    tag_at: set[int] = field(default_factory=set)
    ok: bool = True

    def add(self, char: str, start: int, end: int) -> None:
        """One character of the paragraph, at markup[start:end]; white space collapses, and none leads."""
        if len(char) != 1:
            self.ok = False
            return
        if char in " \t\n\r\f":
            if not self.chars or self.chars[-1] == " ":
                return
            char = " "
        self.chars.append(char)
        self.spans.append((start, end))

    def finish(self) -> list[Paragraph]:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.spans.pop()
        if not self.ok or not self.chars:
            return []
        return [Paragraph(self.open_tag_end, self.role, "".join(self.chars), Spans(self.spans), frozenset(self.tag_at))]


def paragraphs(markup: str) -> list[Paragraph]:
    """The composable paragraphs of the body of `markup`, in order."""
    body = markup.find("<body")
    if body < 0:
        return []
    found: list[Paragraph] = []
    stack: list[tuple[str, frozenset[str]]] = []
    current: _Reading | None = None
    for match in _TOKEN.finditer(markup, body):
        token = match.group(0)
        if token.startswith("<!--"):
            continue
        tag = _TAG.match(token) if token.startswith("<") else None
        if tag is not None:
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            if current is not None:
                if closing and name == current.tag:
                    found.extend(current.finish())
                    current = None
                elif name not in PLAIN_INLINE:
                    current.ok = False  # a line break, an image, a sup: not on the plain grid
                else:
                    current.tag_at.add(len(current.chars))
            if closing:
                while stack:
                    if stack.pop()[0] == name:
                        break
                continue
            if name in VOID or token.endswith("/>"):
                continue
            classes = _classes(tag.group(3))
            role = _role(name, classes, stack) if current is None else None
            if role is not None:
                current = _Reading(match.end() - 1, name, role)
            stack.append((name, classes))
            continue
        if token.startswith("<") or current is None:
            continue
        if token.startswith("&"):
            current.add(html_module.unescape(token), match.start(), match.end())
        else:
            at = match.start()
            for offset, char in enumerate(token):
                current.add(char, at + offset, at + offset + 1)
    return found


def _role(name: str, classes: frozenset[str], stack: list[tuple[str, frozenset[str]]]) -> str | None:
    """The font role of an element the composer sets, or None for one it leaves to WeasyPrint."""
    if any(outer in NOT_INSIDE for outer, _ in stack):
        return None
    for (tag, heading), role in HEADINGS.items():
        if name == tag and heading in classes:
            return role
    parent = stack[-1][1] if stack else frozenset()
    return "fangsong" if name == "p" and (classes & OWN_CLASSES or parent & PARENT_CLASSES) else None


@dataclass(frozen=True)
class Decisions:
    """What the composer decided for one paragraph, by character offset."""

    breaks: tuple[int, ...]  # where each line after the first starts, and len(text) at the end
    squeezed: frozenset[int]
    glued: tuple[tuple[int, int], ...]  # [start, end) ranges kept on one line


def _balanced(fragment: str) -> bool:
    """Whether every element opened in `fragment` is closed in it and none closed that was not opened."""
    depth = 0
    for tag in _TAG.finditer(fragment):
        if tag.group(2).lower() in VOID or tag.group(0).endswith("/>"):
            continue
        depth += -1 if tag.group(1) else 1
        if depth < 0:
            return False
    return depth == 0


def cut_at_tags(source: str, paragraph: Paragraph, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`ranges` as spans can wrap them: whole when the elements inside open and close within
    (a break opportunity's <span class="brk">), else cut where a tag stands inside them."""
    pieces: list[tuple[int, int]] = []
    for start, end in ranges:
        if _balanced(source[paragraph.spans[start][0] : paragraph.spans[end - 1][1]]):
            pieces.append((start, end))
            continue
        cut = start
        for i in range(start + 1, end):
            if i in paragraph.tags_between:
                pieces.append((cut, i))
                cut = i
        pieces.append((cut, end))
    return pieces


def emit(markup: str, paragraphs_: list[Paragraph], decisions: dict[int, Decisions]) -> str:
    """`markup` with each paragraph numbered (data-cp) and its decisions written in as spans."""
    events: list[tuple[int, int, int, str]] = []  # (offset, closes first, nesting order, text)
    for number, paragraph in enumerate(paragraphs_):
        events.append((paragraph.open_tag_end, 1, 0, f' data-cp="{number}"'))
        decided = decisions.get(number)
        if decided is None:
            continue
        for start, end in decided.glued:
            events.append((paragraph.spans[start][0], 1, 0, '<span class="nb">'))
            events.append((paragraph.spans[end - 1][1], 0, 1, "</span>"))
        for index in decided.squeezed:
            events.append((paragraph.spans[index][0], 1, 1, '<span class="sq">'))
            events.append((paragraph.spans[index][1], 0, 0, "</span>"))
    events.sort(key=lambda event: event[:3])
    out, last = [], 0
    for offset, _, _, text in events:
        out += [markup[last:offset], text]
        last = offset
    out.append(markup[last:])
    return "".join(out)
