"""A reviewed Word file read as its reader sees it: tracked changes (修订) resolved, comments (批注) kept.

python-docx reads only a paragraph's direct runs: text inside `w:ins`, `w:moveTo`, `w:smartTag`,
`w:sdt`, `w:fldSimple` or `w:customXml` is invisible to it, while `w:del` text would come back if
it were unwrapped carelessly. `resolve` rewrites the document part's tree in place before the
reader walks it, so that the reader sees exactly one text:

    accept   every revision applied: the final text (Word's 接受所有修订), the default
    reject   every revision undone: the text before review (拒绝所有修订)
    refuse   any revision stops the import, with the list (the caller raises)

Every revision (insertion, deletion, move, formatting change, paragraph mark, table row) and every
comment is recorded with its author, date and text and the body element it sits in, so that the
import report lists each one: nothing printed in Word vanishes without a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# run-level revisions: (added text, removed text)
_ADDED = {f"{W}ins": "insertion", f"{W}moveTo": "move-to"}
_REMOVED = {f"{W}del": "deletion", f"{W}moveFrom": "move-from"}
_FORMAT = {f"{W}rPrChange", f"{W}pPrChange", f"{W}sectPrChange", f"{W}tblPrChange", f"{W}trPrChange", f"{W}tcPrChange",
           f"{W}tblGridChange", f"{W}numberingChange"}  # fmt: skip
_RANGE_MARKS = {f"{W}moveFromRangeStart", f"{W}moveFromRangeEnd", f"{W}moveToRangeStart", f"{W}moveToRangeEnd",
                f"{W}customXmlInsRangeStart", f"{W}customXmlInsRangeEnd", f"{W}customXmlDelRangeStart",
                f"{W}customXmlDelRangeEnd"}  # fmt: skip
# wrappers whose runs Word prints but python-docx does not see: unwrapped, their properties dropped
_WRAPPERS = {f"{W}smartTag", f"{W}customXml", f"{W}fldSimple", f"{W}dir", f"{W}bdo", f"{W}sdtContent"}
_WRAPPER_PROPS = {f"{W}smartTagPr", f"{W}customXmlPr", f"{W}sdtPr", f"{W}sdtEndPr"}


@dataclass
class Revision:
    kind: str  # a key of KIND_WORDS: insertion, deletion, move-to, move-from, formatting, paragraph-…, row-…
    author: str
    date: str
    text: str
    block: etree._Element | None  # the body paragraph or table it is in (before resolving)


@dataclass(frozen=True)
class Comment:
    id: str
    author: str
    date: str
    text: str
    anchor: str  # the text it is anchored to, as resolved
    block: etree._Element | None


@dataclass
class Review:
    mode: str = "accept"
    revisions: list[Revision] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    # a removed paragraph -> where its text went
    merged: dict[etree._Element, etree._Element] = field(default_factory=dict)
    # printed in Word, not read: (textbox | footnote, its text, its body element)
    unread: list[tuple[str, str, etree._Element | None]] = field(default_factory=list)

    def home(self, block: etree._Element | None) -> etree._Element | None:
        """The body element a revision's or comment's block became (a paragraph merged into the next)."""
        seen = 0
        while block is not None and block in self.merged and seen < 10000:
            block = self.merged[block]
            seen += 1
        return block


KIND_WORDS = {
    "insertion": ("插入", "inserted"),
    "deletion": ("删除", "deleted"),
    "move-to": ("移入", "moved here"),
    "move-from": ("移出", "moved away"),
    "formatting": ("格式修改", "formatting changed"),
    "paragraph-inserted": ("插入段落标记（分段）", "paragraph mark inserted (a paragraph split)"),
    "paragraph-deleted": ("删除段落标记（合并段落）", "paragraph mark deleted (paragraphs joined)"),
    "row-inserted": ("插入表格行", "table row inserted"),
    "row-deleted": ("删除表格行", "table row deleted"),
}


def _text(element: etree._Element) -> str:
    parts = []
    for node in element.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br"):
        if node.tag in (f"{W}t", f"{W}delText"):
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == f"{W}tab" else "\n")
    return "".join(parts)


def _block_of(element: etree._Element, body: etree._Element) -> etree._Element | None:
    """The outermost paragraph or table under `body` that holds `element`."""
    node: etree._Element | None = element
    found = None
    while node is not None and node is not body:
        if node.tag in (f"{W}p", f"{W}tbl") and node.getparent() is body:
            found = node
        node = node.getparent()
    return found


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for child in list(element):
        if child.tag in _WRAPPER_PROPS:
            continue
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def _attrs(element: etree._Element) -> tuple[str, str]:
    return element.get(f"{W}author") or "", element.get(f"{W}date") or ""


def _restore_properties(change: etree._Element) -> None:
    """Reject a formatting change: the properties it recorded replace the current ones."""
    holder = change.getparent()
    if holder is None:
        return
    old = change[0] if len(change) else None
    for child in list(holder):
        if child is change:
            continue
        if holder.tag == f"{W}pPr" and child.tag in (f"{W}rPr", f"{W}sectPr"):
            continue  # the paragraph mark's run properties and a section break are not part of pPrChange
        holder.remove(child)
    holder.remove(change)
    if old is not None:
        for child in list(old):
            holder.append(child)


def _merge_with_next(paragraph: etree._Element, review: Review) -> None:
    """A deleted paragraph mark: the paragraph's content joins the paragraph after it (which keeps its own mark)."""
    following = paragraph.getnext()
    while following is not None and following.tag != f"{W}p":
        following = following.getnext() if following.tag in _RANGE_MARKS or following.tag == f"{W}bookmarkEnd" else None
    parent = paragraph.getparent()
    if following is None or parent is None:
        return  # the last paragraph of a cell or of the body: its mark cannot go
    content = [child for child in paragraph if child.tag != f"{W}pPr"]
    index = 1 if following.find(f"{W}pPr") is not None else 0
    for child in content:
        following.insert(index, child)
        index += 1
    review.merged[paragraph] = following
    parent.remove(paragraph)


def resolve(body: etree._Element, comments: dict[str, tuple[str, str, str]], mode: str = "accept") -> Review:
    """Rewrite `body` (the w:body element, in place) as the text of `mode`; the revisions and comments found.

    `comments` maps a comment id to (author, date, text) from word/comments.xml. In "refuse" mode the
    tree is resolved as "accept" (so that the list can say where each one is) and the caller refuses.
    """
    review = Review(mode)
    accept = mode != "reject"
    # block-level wrappers first (a content control around whole paragraphs), then run-level ones
    for tag in (f"{W}sdt", f"{W}customXml"):
        for element in list(body.iter(tag)):
            if element.getparent() is not None:
                content = element.find(f"{W}sdtContent")
                if content is not None:
                    _unwrap(content)
                _unwrap(element)
    for element in list(body.iter(*_WRAPPERS)):
        _unwrap(element)

    for element in list(body.iter(*_FORMAT)):
        author, date = _attrs(element)
        holder = element.getparent()
        target = holder.getparent() if holder is not None else None
        review.revisions.append(
            Revision("formatting", author, date, _text(target) if target is not None else "", _block_of(element, body))
        )
        if accept:
            element.getparent().remove(element)
        else:
            _restore_properties(element)

    # paragraph marks and table rows, before their content moves
    joins: list[etree._Element] = []
    for paragraph in list(body.iter(f"{W}p")):
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        if mark is None:
            continue
        for change in list(mark):
            if change.tag not in _ADDED and change.tag not in _REMOVED:
                continue
            author, date = _attrs(change)
            added = change.tag in _ADDED
            if change.tag in (f"{W}ins", f"{W}del"):  # a move's marks belong to its move-from / move-to lines
                kind = "paragraph-inserted" if added else "paragraph-deleted"
                review.revisions.append(
                    Revision(kind, author, date, _text(paragraph)[-20:], _block_of(paragraph, body))
                )
            mark.remove(change)
            if added != accept:
                joins.append(paragraph)
    for row in list(body.iter(f"{W}tr")):
        props = row.find(f"{W}trPr")
        if props is None:
            continue
        for change in list(props):
            if change.tag not in (f"{W}ins", f"{W}del"):
                continue
            author, date = _attrs(change)
            added = change.tag == f"{W}ins"
            review.revisions.append(
                Revision("row-inserted" if added else "row-deleted", author, date, _text(row), _block_of(row, body))
            )
            props.remove(change)
            if added != accept and row.getparent() is not None:
                row.getparent().remove(row)

    elements = list(body.iter(*_ADDED, *_REMOVED))
    first = _runs_of_one_change(elements)
    recorded: dict[etree._Element, Revision] = {}
    for element in elements:
        if element.getparent() is None or _detached(element, body):
            continue
        author, date = _attrs(element)
        added = element.tag in _ADDED
        kind = _ADDED.get(element.tag) or _REMOVED[element.tag]
        if first[element] in recorded:  # one change Word or LibreOffice wrote as several elements
            recorded[first[element]].text += _text(element)
        else:
            recorded[element] = Revision(kind, author, date, _text(element), _block_of(element, body))
            review.revisions.append(recorded[element])
        if added == accept:
            if not added:
                for deleted in element.iter(f"{W}delText", f"{W}delInstrText"):
                    deleted.tag = f"{W}t" if deleted.tag == f"{W}delText" else f"{W}instrText"
            _unwrap(element)
        else:
            element.getparent().remove(element)
    for element in list(body.iter(*_RANGE_MARKS)):
        element.getparent().remove(element)

    for paragraph in joins:
        if not _detached(paragraph, body):
            _merge_with_next(paragraph, review)
    review.comments = _comments(body, comments)
    for box in body.iter(f"{W}txbxContent"):  # printed in Word, not part of the report's text: named
        text = " ".join(_text(p) for p in box.iter(f"{W}p")).strip()
        if text:
            review.unread.append(("textbox", text, _block_of(box, body)))
    return review


def read_footnotes(xml: bytes | None) -> list[str]:
    """The text of each footnote and endnote (word/footnotes.xml, endnotes.xml), separators left out."""
    if not xml:
        return []
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        return []
    out = []
    for note in root:
        if note.get(f"{W}type") in (None, "normal"):
            text = " ".join(_text(p) for p in note.iter(f"{W}p")).strip()
            if text:
                out.append(text)
    return out


_BETWEEN = {
    f"{W}bookmarkStart",
    f"{W}bookmarkEnd",
    f"{W}commentRangeStart",
    f"{W}commentRangeEnd",
    f"{W}proofErr",
    *_RANGE_MARKS,
}


def _runs_of_one_change(elements: list[etree._Element]) -> dict[etree._Element, etree._Element]:
    """Each revision element -> the first of the adjacent elements of the same kind, author and date
    (LibreOffice writes "2023年全年" as two insertions, "2023" and "年全年"): listed once."""
    first: dict[etree._Element, etree._Element] = {}
    for element in elements:
        before = element.getprevious()
        while before is not None and before.tag in _BETWEEN:
            before = before.getprevious()
        same = (
            before is not None and before.tag == element.tag and _attrs(before) == _attrs(element) and before in first
        )
        first[element] = first[before] if same and before is not None else element
    return first


def _detached(element: etree._Element, body: etree._Element) -> bool:
    node: etree._Element | None = element
    while node is not None:
        if node is body:
            return False
        node = node.getparent()
    return True


def _comments(body: etree._Element, comments: dict[str, tuple[str, str, str]]) -> list[Comment]:
    """Each comment with the text its range covers, in the order of the document (unanchored ones last)."""
    anchors: dict[str, list[str]] = {}
    blocks: dict[str, etree._Element | None] = {}
    open_ids: list[str] = []
    for node in body.iter(
        f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference", f"{W}t", f"{W}tab", f"{W}p"
    ):
        tag = node.tag
        if tag == f"{W}commentRangeStart":
            key = node.get(f"{W}id") or ""
            open_ids.append(key)
            anchors.setdefault(key, [])
            blocks.setdefault(key, _block_of(node, body))
        elif tag == f"{W}commentRangeEnd":
            key = node.get(f"{W}id") or ""
            if key in open_ids:
                open_ids.remove(key)
        elif tag == f"{W}commentReference":
            key = node.get(f"{W}id") or ""
            anchors.setdefault(key, [])
            blocks.setdefault(key, _block_of(node, body))
        elif tag == f"{W}p":
            for key in open_ids:
                if anchors[key]:
                    anchors[key].append("\n")
        else:
            piece = (node.text or "") if tag == f"{W}t" else "\t"
            for key in open_ids:
                anchors[key].append(piece)
    found = [
        Comment(key, *comments.get(key, ("", "", "")), "".join(anchors[key]).strip(), blocks.get(key))
        for key in anchors
    ]
    found += [Comment(key, *value, "", None) for key, value in comments.items() if key not in anchors]
    return found


def read_comments(xml: bytes | None) -> dict[str, tuple[str, str, str]]:
    """word/comments.xml as id -> (author, date, text); a damaged part reads as no comments."""
    if not xml:
        return {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return {}
    out: dict[str, tuple[str, str, str]] = {}
    for comment in root.iter(f"{W}comment"):
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in comment.iter(f"{W}p")]
        out[comment.get(f"{W}id") or ""] = (
            comment.get(f"{W}author") or "",
            comment.get(f"{W}date") or "",
            "\n".join(paragraphs).strip(),
        )
    return out
