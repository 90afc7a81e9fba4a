"""The few WordprocessingML building blocks the writers share: elements, paragraphs, runs, text.

Everything the .docx says is built here as lxml elements in the `w:` namespace; python-docx only
carries the package (parts, relationships). Text from the data file passes `clean_text` first:
XML 1.0 cannot hold most control characters, and a pasted \\x0c must not crash a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from docx.oxml.ns import qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text fit for XML: control characters dropped, tabs and newlines kept (as spaces for the caller)."""
    return _NOT_XML.sub("", text)


def el(tag: str, attrs: Mapping[str, object] | None = None, *children: etree._Element) -> etree._Element:
    """<w:tag w:a="v" ...>children</w:tag>; attribute names without a prefix are w: ones."""
    node = etree.Element(qn(tag))
    for name, value in (attrs or {}).items():
        node.set(qn(name if ":" in name else f"w:{name}"), str(value))
    node.extend(children)
    return node


def val(tag: str, value: str | int) -> etree._Element:
    return el(tag, {"val": value})


def ppr(style: str | None = None, *extra: etree._Element) -> etree._Element:
    """<w:pPr>; children are put in the schema's order (Word rejects some other orders)."""
    children = ([val("w:pStyle", style)] if style else []) + list(extra)
    children.sort(key=lambda c: _PPR_ORDER.index(c.tag) if c.tag in _PPR_ORDER else len(_PPR_ORDER))
    return el("w:pPr", None, *children)


_PPR_ORDER = [qn(f"w:{t}") for t in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)]  # fmt: skip
_RPR_ORDER = [qn(f"w:{t}") for t in (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss",
    "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
    "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)]  # fmt: skip


def rpr(*children: etree._Element) -> etree._Element:
    ordered = sorted(children, key=lambda c: _RPR_ORDER.index(c.tag) if c.tag in _RPR_ORDER else len(_RPR_ORDER))
    return el("w:rPr", None, *ordered)


def run(text: str, props: Iterable[etree._Element] = ()) -> etree._Element:
    """A run of text; a newline in it becomes a line break, a tab a space."""
    node = el("w:r")
    props = list(props)
    if props:
        node.append(rpr(*props))
    for i, piece in enumerate(clean_text(text).replace("\t", " ").split("\n")):
        if i:
            node.append(el("w:br"))
        if piece:
            t = el("w:t")
            t.text = piece
            if piece != piece.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            node.append(t)
    return node


def paragraph(style: str | None, runs: Iterable[etree._Element] = (), *props: etree._Element) -> etree._Element:
    node = el("w:p", None, ppr(style, *props))
    node.extend(runs)
    return node


def field_runs(instruction: str, shown: str, props: Iterable[etree._Element] = ()) -> list[etree._Element]:
    """A complex field (PAGE ...): begin, instruction, separate, the cached result, end."""
    props = list(props)

    def char(kind: str) -> etree._Element:
        node = el("w:r", None, *([rpr(*[_copy(p) for p in props])] if props else []))
        node.append(el("w:fldChar", {"fldCharType": kind}))
        return node

    instr = el("w:r", None, *([rpr(*[_copy(p) for p in props])] if props else []))
    text = el("w:instrText", {"xml:space": "preserve"})
    text.text = f" {instruction} "
    instr.append(text)
    return [char("begin"), instr, char("separate"), run(shown, [_copy(p) for p in props]), char("end")]


def _copy(node: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(node))
