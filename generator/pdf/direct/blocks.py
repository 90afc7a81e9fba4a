"""The print HTML of a zh-CN report read as the blocks the body pages place, in order.

Each block is what gbt9704.css makes of an element: a centred line (发文字号), the title's
lines, a flush-left line (主送机关), a composed paragraph or heading (by its data-cp number:
the composer decided its lines), the attachment note, the signature, the 附注. Each carries
its place in the structure tree (`path`: the tagged elements it sits in, outermost first), as
WeasyPrint would tag it. Anything else in the body raises Unsupported: the report is then laid
out by WeasyPrint as a whole, never placed half right.

The 附件 and the 版记 are not read here: `tail_start` is where they begin, for WeasyPrint. A
draft's mark is no block either: the stylesheet runs it at the head of every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Where WeasyPrint's part of the document begins: the first attachment, or the 版记.
_TAIL = re.compile(r'<section class="attachment[ "]|<footer class="imprint"')
# Spans inside a composed paragraph that change nothing but what the composer knows of.
PLAIN_SPANS = frozenset({"num", "point-lead", "brk", "nb", "sq"})
# Containers and the structure type WeasyPrint tags them with (weasyprint/pdf/tags.py).
CONTAINERS = {"section": "Sect", "div": "Div", "header": "NonStruct"}
COMPOSED_PARENTS = frozenset({"preamble", "part-intro", "subsection-intro", "part", "subsection"})


class Unsupported(Exception):
    """Something in the body the placing does not set as WeasyPrint would: lay the report out there."""


@dataclass(frozen=True)
class Block:
    kind: str  # number, title, recipient, paragraph, heading, note, signature, annotation
    path: tuple[tuple[str, int], ...]  # (structure type, element number) from the outermost in
    margin: int = 0  # blank grid lines above it
    texts: tuple[str, ...] = ()  # title lines; signers then the date; the note's label then items
    cp: int | None = None  # a composed paragraph's or heading's number
    role: str = "fangsong"
    level: int = 0  # bookmark level (the title 1, 一、 2, （一） 3)
    anchor: str | None = None  # the element's id: a named destination, as WeasyPrint writes
    sealed: bool = False
    dated: bool = False  # a signature with a date (its last text)
    numbered: bool = False  # an attachment note with numbered items
    leaves: tuple[int, ...] = ()  # a signature's <p> elements, tagged P each, by number


@dataclass
class _Element:
    tag: str
    classes: frozenset[str]
    number: int
    structure: str | None
    anchor: str | None


class _Reader(HTMLParser):
    def __init__(self, plain_bold: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.plain_bold = plain_bold  # roles whose <strong> is drawn with the regular face
        self.stack: list[_Element] = []
        self.blocks: list[Block] = []
        self.count = 0
        self.text: list[str] = []
        self.collecting: _Element | None = None  # the element whose text is being read
        self.pieces: list[str] = []  # texts of the block being read (title lines, signers ...)
        self.kind: str = ""
        self.role = "fangsong"
        self.draft_mark: str | None = None
        self.cp: int | None = None
        self.dated = False
        self.leaves: list[int] = []

    # The structure path of what is opened now.
    def path(self, leaf: _Element | None = None) -> tuple[tuple[str, int], ...]:
        chain = [e for e in self.stack if e.structure] + ([leaf] if leaf and leaf.structure else [])
        return tuple((e.structure, e.number) for e in chain if e.structure)

    def classes_open(self) -> frozenset[str]:
        return frozenset(c for e in self.stack for c in e.classes)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = frozenset((attributes.get("class") or "").split())
        self.count += 1
        if self.collecting is not None:
            self._inline(tag, classes)
            self.stack.append(_Element(tag, classes, self.count, "Span" if tag == "span" else None, None))
            return
        element = _Element(tag, classes, self.count, None, attributes.get("id"))
        self.stack.append(element)
        if tag in ("html", "head", "title", "style", "meta", "body"):
            return
        if any(e.tag == "aside" for e in self.stack):
            return  # the disclosure block: website only (display: none in print)
        if tag == "p" and "draft-mark" in classes:
            self._start(element, "draft-mark")  # a running element: at the head of every page
            return
        if "with-letterhead" in classes or "missing" in classes:
            raise Unsupported(f"<{tag} class={' '.join(sorted(classes))}>")
        if tag in CONTAINERS and classes & {"doc-head", "preamble", "part", "subsection", "part-intro",
                                             "subsection-intro", "signature"}:  # fmt: skip
            element.structure = CONTAINERS[tag]
            if "signature" in classes:
                self._start(element, "signature")
            return
        if tag == "h1" and "doc-title" in classes:
            element.structure = "H1"
            self._start(element, "title")
            return
        simple = sorted(classes & {"doc-number", "recipient", "annotation", "attachments-note"})
        if tag == "p" and simple:
            element.structure = "P"
            self._start(element, simple[0])
            return
        cp = attributes.get("data-cp")
        if cp is not None and (tag in ("h2", "h3") or tag == "p"):
            element.structure = {"h2": "H2", "h3": "H3"}.get(tag, "P")
            self._start(element, "heading" if tag in ("h2", "h3") else "paragraph", int(cp))
            return
        raise Unsupported(f"<{tag} class={' '.join(sorted(classes))}> in the body")

    def _start(self, element: _Element, kind: str, cp: int | None = None) -> None:
        self.collecting = element
        self.role = (
            "hei"
            if "part-heading" in element.classes
            else "kai"
            if "subsection-heading" in element.classes
            else "fangsong"
        )
        self.kind, self.cp, self.dated = kind, cp, False
        self.leaves = []
        self.text, self.pieces = [], []

    def _inline(self, tag: str, classes: frozenset[str]) -> None:
        """An element inside the block being read: what it changes, or Unsupported."""
        kind = self.kind
        if kind in ("paragraph", "heading"):
            bold_plain = tag in ("strong", "b") and self.role in self.plain_bold
            if not (tag == "span" and classes <= PLAIN_SPANS) and not bold_plain:
                raise Unsupported(f"<{tag}> inside a paragraph")
        elif kind == "title" and tag == "span" and "title-line" in classes:
            self._piece()
        elif kind == "signature" and tag == "p":
            self._piece()
            self.dated = "sign-date" in classes
            self.leaves.append(self.count)
        elif kind == "attachments-note" and tag == "span" and classes & {"note-label", "item"}:
            self._piece()
        elif tag != "span" or kind not in ("title", "attachments-note"):
            raise Unsupported(f"<{tag}> inside a {kind}")

    def _piece(self) -> None:
        text = _collapse("".join(self.text))
        if text:
            self.pieces.append(text)
        self.text = []

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            return
        element = self.stack.pop()
        if element is self.collecting:
            self._piece()
            self._finish(element)
            self.collecting = None

    def handle_data(self, data: str) -> None:
        if self.collecting is not None:
            self.text.append(data)
        elif data.strip() and self.stack and self.stack[-1].tag not in ("style", "title", "dt", "dd"):
            if not any(e.tag == "aside" for e in self.stack):
                raise Unsupported(f"text outside any paragraph: {data.strip()[:20]}")

    def _finish(self, element: _Element) -> None:
        kind, classes, open_classes = self.kind, element.classes, self.classes_open()
        path = self.path(element)
        texts = tuple(_collapse(t) for t in self.pieces)
        previous = self.blocks[-1].kind if self.blocks else None
        if kind == "doc-number":
            self.blocks.append(Block("number", path, 0, texts))
        elif kind == "title":
            margin = 1 if previous == "number" else 0
            self.blocks.append(Block("title", path, margin, texts, level=1))
        elif kind == "recipient":
            self.blocks.append(Block("recipient", path, 1, texts, anchor=element.anchor))
        elif kind == "paragraph" or kind == "heading":
            margin = 1 if previous == "title" else 0  # .doc-head + .preamble / .part
            level = 2 if element.tag == "h2" else 3 if element.tag == "h3" else 0
            role = self.role
            if kind == "paragraph" and not (classes & {"point", "none-statement"} or open_classes & COMPOSED_PARENTS):
                raise Unsupported("a paragraph outside the body's parts")
            self.blocks.append(Block(kind, path, margin, cp=self.cp, role=role, level=level, anchor=element.anchor))
        elif kind == "attachments-note":
            self.blocks.append(Block("note", path, 1, texts, numbered="numbered" in classes))
        elif kind == "signature":
            sealed = "sealed" in classes
            leaves = tuple(self.leaves)
            self.blocks.append(
                Block("signature", path, 2 if sealed else 1, texts, sealed=sealed, dated=self.dated, leaves=leaves)
            )
        elif kind == "draft-mark":
            self.draft_mark = texts[0] if texts else ""
        elif kind == "annotation":
            self.blocks.append(Block("annotation", path, 0, texts, anchor=element.anchor))


def _collapse(text: str) -> str:
    """HTML's white-space collapsing: ASCII white space only (an ideographic space U+3000 is text)."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" \t\n\r\f")


@dataclass(frozen=True)
class Body:
    blocks: list[Block]
    tail_start: int  # where the 附件 and 版记 begin in the HTML (its length when neither is there)
    draft_mark: str | None  # a draft's mark (征求意见稿), shown at the head of every page


def read(html: str, plain_bold: frozenset[str] = frozenset()) -> Body:
    """The body's blocks, where the 附件 and 版记 begin, and a draft's mark.

    Raises Unsupported for anything the placing does not set."""
    found = _TAIL.search(html)
    tail_start = found.start() if found else len(html)
    body_end = html.find("</body>")
    reader = _Reader(plain_bold)
    reader.feed(html[:tail_start] if found else html[: body_end if body_end >= 0 else len(html)])
    reader.close()
    if not reader.blocks or reader.blocks[-1].kind == "title":
        raise Unsupported("no body")
    return Body(reader.blocks, tail_start, reader.draft_mark)
