"""The body, element by element, from the render Document (the same one report.html comes from).

Order and words follow templates/_common/base.html.j2 and part.html.j2: draft mark (a header),
document number, title in balanced lines, recipient, preamble, the parts (一、 headings, （一）
subheadings, 一是/二是 points with their leads), 附件说明, signature and date per GB/T 9704 §7.3.5,
附注, then each attachment on a new page, then the 版记 in a section of its own that starts on
an even page and stands at the foot of the text block.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from genreport.data.model import Point
from genreport.docx import markdown as md
from genreport.docx.page import CELL, PITCH, PageSetup
from genreport.docx.styles import EN_IMPRINT_LINE
from genreport.docx.xml import el, paragraph, ppr, run, val
from genreport.render.attachments import INDICATORS
from genreport.render.document import Document
from genreport.render.indicators import shown, table_columns, table_headings, table_rows
from genreport.render.numbering import format_date, part_number, subsection_number
from genreport.render.points import after_ordinal, point_prefix
from genreport.render.titles import balanced_lines, width

Elements = list[etree._Element]


def cells(text: str) -> float:
    """Width in grid characters: an ideograph is one, a half-width character half (titles.width)."""
    return width(text)


def ind(**attrs: int) -> etree._Element:
    return el("w:ind", {k: v for k, v in attrs.items()})


TITLE_DROP = 105  # twips: 1.85 mm


@dataclass
class Body:
    doc: Document
    ctx: md.Context
    page: PageSetup
    _gap: int = 0

    @property
    def zh(self) -> bool:
        return self.doc.locale == "zh-CN"

    def main(self) -> Elements:
        """Everything before the 版记: head, parts, closing, attachments."""
        text = self.head() + self.parts()
        if text and etree.QName(text[-1]).localname == "p":
            _keep_next(text[-1])  # the signature never starts a page: the last line of text goes with it
        return text + self.closing() + self.attachments()

    # ---------------------------------------------------------------- head ---

    def head(self) -> Elements:
        """Document number, title, then one blank line (§7.3.2) before the recipient or the text."""
        doc, report, out = self.doc, self.doc.report, []
        if report.document_number:
            out.append(paragraph("DocNumber", [run(report.document_number)]))
        lines = balanced_lines(doc.title, doc.issuer_names, doc.locale)
        out.append(paragraph("DocTitle", [run("\n".join(lines))], val("w:snapToGrid", 0)))
        drop = 0
        if self.zh and not report.document_number:
            # the title opens the page: its 22 pt glyphs would start 1.9 mm above the 37 mm a body line
            # starts at (§5.2.1); lowered by that much, with the blank line below it shortened to match
            drop = TITLE_DROP
            _space_before(out[-1], drop)
        if report.recipients:
            sep = "、" if self.zh else doc.labels.list_sep
            out.append(paragraph("Recipient", [run(sep.join(report.recipients) + doc.labels.colon.strip())]))
        out += md.blocks(report.preamble, self.ctx)
        self._gap = (PITCH - drop) if self.zh else 0  # the blank line under the title, on what follows it
        after_title = 2 if report.document_number else 1
        if len(out) > after_title:
            if etree.QName(out[after_title]).localname != "p":  # a table first: an empty line of that height
                out.insert(
                    after_title, paragraph("Normal", [], el("w:spacing", {"line": self._gap, "lineRule": "exact"}))
                )
                self._gap = 0
            self._take_gap(out[after_title])
        return out

    def _take_gap(self, p: etree._Element) -> None:
        if self._gap:
            _space_before(p, self._gap)
            self._gap = 0

    # --------------------------------------------------------------- parts ---

    def parts(self) -> Elements:
        out: Elements = []
        locale = self.doc.locale
        for part in self.doc.parts:
            heading = paragraph("Heading1", [run(part_number(part.number, locale) + part.heading)])
            self._take_gap(heading)
            out.append(heading)
            section = part.section
            if part.missing:
                out.append(paragraph("Missing", [run(self.doc.labels.missing + part.guidance)], _shade("FDE9B6")))
                continue
            assert section is not None
            if section.none and section.is_empty:
                italic = [] if self.zh else [val("w:rStyle", "Emphasis")]  # a4.css .none-statement
                out.append(paragraph("Normal", [run(self.doc.none_sentence, italic)]))
                continue
            out += md.blocks(section.intro, self.ctx)
            for n, sub in enumerate(section.subsections, start=1):
                out.append(paragraph("Heading2", [run(subsection_number(n, locale) + sub.heading)]))
                out += md.blocks(sub.intro, self.ctx)
                for k, point in enumerate(sub.points, start=1):
                    out += self.point(point, k, len(sub.points))
            for k, point in enumerate(section.points, start=1):
                out += self.point(point, k, len(section.points))
        _orphans_after_headings(out)
        return out

    def point(self, point: Point, n: int, total: int) -> Elements:
        """一是 + the lead + the text's first paragraph in one paragraph; its further blocks after it.
        As the HTML has it (render/points.py): no 一是 / "First," for a lone point, and in en the word
        after the ordinal lower-cased ("First, we ..."); an en lead is bold (a4.css .point-lead)."""
        locale = self.doc.locale
        first, rest = md.split_first(point.text, self.ctx)
        prefix = point_prefix(n, total, locale)
        runs = [run(prefix)] if prefix else []
        if point.lead:
            lead = after_ordinal(point.lead, total, locale)
            runs.append(run(lead, [] if self.zh else [val("w:rStyle", "Strong")]))
            if not self.zh:
                runs.append(run(" "))
        else:
            _after_ordinal(first, total, locale)
        return [paragraph("Normal", runs + first), *rest]

    # ------------------------------------------------------------- closing ---

    def closing(self) -> Elements:
        doc, report, out = self.doc, self.doc.report, []
        out += self.attachments_note()
        out += self.signature()
        if report.public_release:
            out.append(paragraph("Annotation", [run(doc.labels.annotation)]))
        return out

    def attachments_note(self) -> Elements:
        """附件说明 (§7.3.4) from the Document's attachments, as gbt9704.css / a4.css set it: "附件：" then
        the titles; with several, each "1." in a box of 1.5 characters, one paragraph an item. A title's
        further lines stand under its first character (回行时与上一行附件名称对齐)."""
        doc, listed = self.doc, self.doc.attachments
        if not listed:
            return []
        label = (doc.labels.attachments if len(listed) > 1 else doc.labels.attachment) + doc.labels.colon.strip()
        # where the label's box ends and where the titles start, from the text block's left edge
        label_end = round(5 * CELL) if self.zh else NOTE_LABEL_EN
        title_at = label_end + (round(1.5 * CELL) if self.zh else NOTE_NUMBER_EN) * listed[0].numbered
        first = round(2 * CELL) if self.zh else 0  # the label's first character
        tab = el("w:r", None, el("w:tab"))
        stops = el("w:tabs", None, *[el("w:tab", {"val": "left", "pos": p}) for p in sorted({label_end, title_at})])
        out = []
        for a in listed:
            runs = [run(label)] if a.number == 1 else []
            if a.number == 1 and not self.zh:  # an en label has no fixed width: a tab ends it
                runs.append(_copy(tab))
            if a.numbered:
                runs += [run(f"{a.number}."), _copy(tab)]
            runs.append(run(a.title))
            hanging = title_at - first if a.number == 1 else title_at - label_end
            props = [_copy(stops), ind(left=title_at, hanging=hanging)]
            if a.number > 1:
                props.append(el("w:spacing", {"before": 0}))
            out.append(paragraph("AttachmentsNote", runs, *props))
        return out

    def signature(self) -> Elements:
        """§7.3.5. Unsealed: issuer 2 characters in from the right, the date 2 characters right of the
        issuer's first character (if the date is the longer, the date 2 in and the issuer moves left).
        Sealed: date 4 in from the right, issuer centred on the date, two blank lines above."""
        report, locale = self.doc.report, self.doc.locale
        signers = report.signers
        date = format_date(report.signed_on, locale) if report.signed_on else None
        if not self.zh:
            out = [paragraph("Signer", [run(s)]) for s in signers]
            if date:
                out.append(paragraph("SignDate", [run(date)]))
            _space_before(out[0], 480)
            return out
        text_width = self.page.text_width
        name_w = max(cells(s) for s in signers)
        date_w = cells(date) if date else 0.0
        out = []
        if report.sealed:
            if date:
                centre = text_width - 4 * CELL - date_w * CELL / 2
            else:
                centre = text_width - 4 * CELL - name_w * CELL / 2
            half = min(centre, text_width - centre)
            box = {"left": round(centre - half), "right": round(text_width - centre - half), "firstLine": 0}
            out = [paragraph("Signer", [run(s)], ind(**box), val("w:jc", "center")) for s in signers]
            if date:
                out.append(paragraph("SignDate", [run(date)], ind(**box), val("w:jc", "center")))
            _space_before(out[0], 2 * PITCH)
            return out
        box_w = max(name_w, 2 + date_w)  # the shrink-to-fit box of gbt9704.css's .signature
        start = round(text_width - (2 + box_w) * CELL)
        out = [paragraph("Signer", [run(s)], ind(left=start, firstLine=0)) for s in signers]
        if date:
            out.append(paragraph("SignDate", [run(date)], ind(left=start + round(2 * CELL), firstLine=0)))
        _space_before(out[0], PITCH)
        return out

    # --------------------------------------------------------- attachments ---

    def attachments(self) -> Elements:
        """Each of the Document's attachments on a new page: its label (附件1), its title, its body."""
        out: Elements = []
        for a in self.doc.attachments:
            out.append(paragraph("AttachmentLabel", [run(a.label)]))
            title = "\n".join(balanced_lines(a.title, self.doc.issuer_names, self.doc.locale))
            out.append(paragraph("AttachmentTitle", [run(title)], val("w:snapToGrid", 0)))
            if a.kind == INDICATORS:
                out.append(self.indicator_table())
            else:
                out += md.blocks(a.body, self.ctx)
        return out

    def indicator_table(self) -> etree._Element:
        # The same headings and columns as the HTML's (render/indicators.py): no all-"—" column.
        doc = self.doc
        columns = table_columns(doc)
        head = shown(columns, table_headings(doc))
        body = [shown(columns, [r.label, r.value, r.previous, r.change]) for r in table_rows(doc)]
        rows: list[list[md.Cell]] = [[(True, [run(h)], None) for h in head]]
        for cells in body:
            rows.append([(False, [run(cells[0])], None), *((False, [run(c)], "right") for c in cells[1:])])
        widths = md.column_widths([head, *body], self.page.text_width, 14 if self.zh else 10)
        return md.table(rows, widths, header_rows=1)

    # ---------------------------------------------------------------- 版记 ---

    def imprint(self, frame_height: int) -> Elements:
        """The 版记 (§7.4) at the foot of its section's text block: a one-column table as wide as the
        text block whose top, inner and bottom borders are the three rules (0.35/0.25/0.35 mm); a
        spacer paragraph of exact height above it takes what the rows leave, so the last rule lies
        on the block's bottom edge. 抄送 and 印发 stand one character in from each side."""
        doc = self.doc
        dist = doc.report.distribution
        if dist is None or not doc.has_imprint:
            return []
        size = 14 if self.zh else 10
        one = round(size * 20)
        line = PITCH if self.zh else EN_IMPRINT_LINE
        width = self.page.text_width
        rows: list[tuple[etree._Element, int]] = []
        if dist.copies_to:
            text = doc.labels.copies_to + doc.labels.colon + doc.labels.list_sep.join(dist.copies_to) + doc.labels.end
            label = len(doc.labels.copies_to + doc.labels.colon) if self.zh else 0
            usable = (width - 2 * one - label * one) / one  # characters of `size` a line
            count = _lines(text[label:], usable) if self.zh else max(1, round(len(text) * 0.5 / usable + 0.5))
            indent = (
                ind(left=one + label * one, hanging=label * one, right=one) if self.zh else ind(left=one, right=one)
            )
            rows.append((paragraph("Imprint", [run(text)], indent), count * line))
        if dist.printed_by or dist.printed_on:
            tabs = el("w:tabs", None, el("w:tab", {"val": "right", "pos": width - one}))
            printed_on = (
                doc.labels.printed.format(date=format_date(dist.printed_on, doc.locale)) if dist.printed_on else ""
            )
            runs = [run(dist.printed_by or ""), el("w:r", None, el("w:tab")), run(printed_on)]
            rows.append((paragraph("Imprint", runs, tabs, ind(left=one, right=one)), line))
        thick = {"val": "single", "sz": 8, "space": 0, "color": "000000"}
        thin = {"val": "single", "sz": 6, "space": 0, "color": "000000"}
        none = {"val": "nil"}
        borders = el("w:tblBorders", None, el("w:top", thick), el("w:left", none), el("w:bottom", thick),
                     el("w:right", none), el("w:insideH", thin), el("w:insideV", none))  # fmt: skip
        margins = el(
            "w:tblCellMar",
            None,
            *[el(f"w:{side}", {"w": 0, "type": "dxa"}) for side in ("top", "left", "bottom", "right")],
        )
        props = el("w:tblPr", None, val("w:tblStyle", "ReportTable"), el("w:tblW", {"w": width, "type": "dxa"}),
                   el("w:tblInd", {"w": 0, "type": "dxa"}), borders, el("w:tblLayout", {"type": "fixed"}), margins)  # fmt: skip
        table = el("w:tbl", None, props, el("w:tblGrid", None, el("w:gridCol", {"w": width})))
        for p, height in rows:
            tr = el(
                "w:tr",
                None,
                el("w:trPr", None, el("w:cantSplit"), el("w:trHeight", {"val": height, "hRule": "atLeast"})),
            )
            tr.append(el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w": width, "type": "dxa"})), p))
            table.append(tr)
        rules = 20 + 15 * (len(rows) - 1) + 20  # 1 pt, 0.75 pt, 1 pt: the borders add to the rows' height
        spacer = frame_height - sum(h for _, h in rows) - rules - IMPRINT_TAIL - IMPRINT_SLACK
        spacer_p = paragraph(
            # an empty line of exact height (not space before, which Word may drop at a page's top)
            "Imprint",
            [],
            el("w:spacing", {"before": 0, "line": max(spacer, 20), "lineRule": "exact"}),
        )
        return [spacer_p, table, paragraph("Imprint", [], el("w:spacing", {"line": IMPRINT_TAIL, "lineRule": "exact"}))]


NOTE_LABEL_EN, NOTE_NUMBER_EN = 1495, 345  # twips: "Attachments:" and its gap; a number's 1.5 em box
IMPRINT_TAIL = 20  # the paragraph Word needs after a table, under the last rule (twips)
IMPRINT_SLACK = 10  # twips kept free, so that rounding never pushes a row to the next page


def _lines(text: str, usable: float) -> int:
    """Greedy line count of `text` set in cells of `usable` characters a line."""
    count, filled = 1, 0.0
    for ch in text:
        w = 0.5 if ord(ch) < 128 else 1.0
        if filled + w > usable + 1e-6:
            count, filled = count + 1, 0.0
        filled += w
    return count


def _space_before(p: etree._Element, twips_: int) -> None:
    """Set the paragraph's space before (the style's line spacing stays)."""
    props = p.find(el("w:pPr").tag)
    spacing = props.find(el("w:spacing").tag)
    if spacing is not None:
        spacing.set(el("w:x", {"before": 0}).attrib.keys()[0], str(twips_))
        return
    props.append(el("w:spacing", {"before": twips_}))
    p.replace(props, ppr(None, *list(props)))


def _keep_next(p: etree._Element) -> None:
    props = p.find(el("w:pPr").tag)
    p.replace(props, ppr(None, *list(props), el("w:keepNext")))


HEADINGS = ("Heading1", "Heading2")


def _style_of(node: etree._Element) -> str | None:
    found = node.find(f"{el('w:pPr').tag}/{el('w:pStyle').tag}")
    return found.get(el("w:x", {"val": 0}).attrib.keys()[0]) if found is not None else None


def _orphans_after_headings(elements: Elements) -> None:
    """The paragraph under a 一、 or （一） heading keeps two lines with it at a page foot (gbt9704.css:
    orphans 2 on it alone). The headings keep with what follows (w:keepNext in their styles); this
    paragraph turns widow/orphan control on, which the body style has off so that every other page
    is filled to its last line (§5.2.2). WordprocessingML has no orphan-only switch: the same
    paragraph also never leaves a single last line at the top of the next page."""
    for node, after in zip(elements, elements[1:], strict=False):
        if _style_of(node) in HEADINGS and etree.QName(after).localname == "p" and _style_of(after) not in HEADINGS:
            props = after.find(el("w:pPr").tag)
            after.replace(props, ppr(None, *list(props), val("w:widowControl", 1)))


def _after_ordinal(runs: Elements, total: int, locale: str) -> None:
    """render/points.after_ordinal on the text of `runs` (a name split over two runs stays a name)."""
    texts = [t for r in runs for t in r.iter(el("w:t").tag)]
    whole = "".join(t.text or "" for t in texts)
    lowered = after_ordinal(whole, total, locale)
    if lowered == whole:
        return
    at = next(i for i, (a, b) in enumerate(zip(whole, lowered, strict=True)) if a != b)
    char = lowered[at]  # the first word's capital, lower-cased
    for t in texts:
        text = t.text or ""
        if at < len(text):
            t.text = text[:at] + char + text[at + 1 :]
            return
        at -= len(text)


def _copy(node: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(node))


def _shade(fill: str) -> etree._Element:
    return el("w:shd", {"val": "clear", "color": "auto", "fill": fill})


__all__ = ["Body"]
