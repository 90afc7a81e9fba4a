"""The body's blocks set as grid lines and broken into pages, as gbt9704.css has WeasyPrint do it.

Every row is one grid line (28.99 pt). A page takes 22; where the 22nd would break what the
stylesheet keeps together, the page ends earlier: a heading keeps its next line (break-after:
avoid) and the paragraph after a heading keeps two lines on the heading's page (orphans: 2);
the attachment note, the signature and the 附注 come with the body's last line (break-before:
avoid) and are never cut (break-inside: avoid). Elsewhere a paragraph splits anywhere
(orphans and widows 1: every line of a page is filled).

Horizontal places are gbt9704.css's in points: paragraphs two cells in and justified between
the text block's edges (the composer's lines; inter-character spacing, or the spaces of a line
that has some, as WeasyPrint's justification and pdf/weasy/cjk_justify.py do), the title and
the 发文字号 centred, the signature two (sealed: four) characters in from the right.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from genreport.gbt9704 import BODY_PT, EM_TOP, LEFT, LINES, MM, TITLE_PT, TOP, WIDTH
from genreport.pdf.compose.breaks import opportunities
from genreport.pdf.compose.document import Composition
from genreport.pdf.compose.paragraph import Measure, first_fit
from genreport.pdf.direct.blocks import Block, Unsupported
from genreport.pdf.direct.faces import ZERO_WIDTH, CutFace, Glyph, RoleFaces

LINE = 10.2272 * MM  # gbt9704.css's line-height: the grid line
BODY_SPACING = -0.22  # the body's letter-spacing, pt
INDENT = 31.56  # two cells
MEASURE = WIDTH * MM
SIGNATURE_IN = 31.56  # unsealed: two cells in from the right; the date two cells right of the issuer
SEALED_IN = 63.12  # sealed: the date four cells in from the right
NOTE_NUMBER = 23.67  # the width of an attachment's "1." box


@dataclass(frozen=True)
class Run:
    """Glyphs of one face on one baseline: x of each glyph, in pt from the page's left edge."""

    face: CutFace
    size: float
    ids: tuple[int, ...]
    xs: tuple[float, ...]
    text: tuple[str, ...]  # the characters each glyph stands for (the PDF's ToUnicode)
    units: tuple[int, ...]  # each glyph's advance in thousandths of an em: the font's /W entry
    red: bool = False


@dataclass(frozen=True)
class Row:
    """One grid line, and the structure element it belongs to. Its glyphs are made when the page is
    drawn (`draw()`), not kept: a 3,000-page report holds its pagination, not its glyph positions."""

    draw: Callable[[], tuple[Run, ...]]
    path: tuple[tuple[str, int], ...]
    baseline: float  # pt below the line box's top
    glue: bool = False  # no page break between this row and the one before
    bookmark: tuple[int, str] | None = None  # (level, label) of a heading's first row
    anchor: str | None = None
    blank: bool = False  # a blank grid line (a margin)


def _kept(runs: tuple[Run, ...]) -> Callable[[], tuple[Run, ...]]:
    return lambda: runs


def _nothing() -> tuple[Run, ...]:
    return ()


@dataclass
class PagePlan:
    rows: list[tuple[int, Row]] = field(default_factory=list)  # (grid line, row)
    number: int = 0  # the page number printed at its foot


@dataclass
class Geometry:
    """Where the grid is for the fonts in use (gridfit's arithmetic, unrounded)."""

    area_top: float  # pt from the page top to the first line box's top
    baselines: dict[tuple[str, float], float]  # (role, size) -> baseline below a line box's top

    def line_top(self, slot: int) -> float:
        return self.area_top + slot * LINE


def _ascent_descent(path: Path) -> tuple[float, float]:
    from genreport.pdf import gridfit

    ascent, descent, _ = gridfit.metrics_of(path)
    return ascent, descent


def geometry(faces: Mapping[str, RoleFaces]) -> Geometry:
    def base(role: str, size: float) -> float:
        ascent, descent = _ascent_descent(faces[role].faces[0].path)
        return (LINE - (ascent + descent) * size) / 2 + ascent * size

    body = base("fangsong", BODY_PT)
    offset = body - EM_TOP * BODY_PT
    baselines = {("fangsong", BODY_PT): body, ("hei", BODY_PT): body, ("kai", BODY_PT): body}
    if "xiaobiaosong" in faces:
        baselines[("xiaobiaosong", TITLE_PT)] = base("xiaobiaosong", TITLE_PT)
    return Geometry(TOP * MM - offset, baselines)


class Setter:
    """Text into runs: each character's face from its role's fallback order, placed left to right."""

    def __init__(self, faces: Mapping[str, RoleFaces]) -> None:
        self.faces = faces

    def width(self, text: str, role: str, size: float, spacing: float) -> float:
        return sum(self.advance(c, role, size, spacing) for c in text)

    def advance(self, char: str, role: str, size: float, spacing: float) -> float:
        """How far `char` moves the pen: its glyph's width and `spacing` (none for a zero-width one)."""
        if char in ZERO_WIDTH:
            return 0.0
        glyph = self.faces[role].glyph(char)
        if glyph is None:
            raise Unsupported(f"no face of {role} has {char!r}")
        return glyph.advance * size + spacing

    def check(self, text: str, role: str) -> None:
        """Raise Unsupported unless a face of `role` has every character of `text` (before any is drawn)."""
        lookup = self.faces[role].glyph
        for char in text:
            if char not in ZERO_WIDTH and lookup(char) is None:
                raise Unsupported(f"no face of {role} has {char!r}")

    def runs(
        self, text: str, role: str, size: float, x: float, spacing: float, *,
        justify_to: float | None = None, squeezed: frozenset[int] = frozenset(), red: bool = False,
    ) -> tuple[Run, ...]:  # fmt: skip
        """`text` from `x`, each character advanced by its glyph's width and `spacing`; the characters
        at `squeezed` take half their width. Justified to `justify_to`: the slack spread over the
        spaces when the text has some (WeasyPrint's justification), else after every character
        but the last (inter-character, pdf/weasy/cjk_justify.py)."""
        lookup = self.faces[role].glyph
        placed: list[tuple[Glyph, str, float]] = []
        for index, char in enumerate(text):
            if char in ZERO_WIDTH:
                continue
            glyph = lookup(char)
            if glyph is None:
                raise Unsupported(f"no face of {role} has {char!r}")
            placed.append((glyph, char, glyph.advance * size * (0.5 if index in squeezed else 1.0) + spacing))
        spaced = " " in text
        extra = 0.0
        if justify_to is not None:
            slack = justify_to - x - sum(advance for _, _, advance in placed)
            gaps = text.count(" ") if spaced else len(placed) - 1
            if slack > 0 and gaps > 0:
                extra = slack / gaps
        runs: list[Run] = []
        current: list[tuple[int, float, str, int]] = []
        face: CutFace | None = None
        for glyph, char, advance in placed:
            if glyph.face != face and current:
                runs.append(_run(face, size, current, red))  # type: ignore[arg-type]
                current = []
            face = glyph.face
            current.append((glyph.id, x, char, glyph.units))
            x += advance + (extra if not spaced or char == " " else 0.0)
        if current:
            runs.append(_run(face, size, current, red))  # type: ignore[arg-type]
        return tuple(runs)


def _run(face: CutFace, size: float, glyphs: list[tuple[int, float, str, int]], red: bool) -> Run:
    ids, xs, text, units = zip(*glyphs, strict=True)
    return Run(face, size, ids, xs, text, units, red)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The line text[start:end] without the white space a line loses at its ends."""
    while start < end and text[start] in " \u200b":
        start += 1
    while end > start and text[end - 1] in " \u200b":
        end -= 1
    return start, end


class RowMaker:
    def __init__(self, faces: Mapping[str, RoleFaces], composition: Composition, geo: Geometry) -> None:
        self.setter = Setter(faces)
        self.composition = composition
        self.geo = geo
        self.left = LEFT * MM

    def blank(self, path: tuple[tuple[str, int], ...], glue: bool) -> Row:
        return Row(_nothing, path, 0.0, glue, blank=True)

    def composed(self, block: Block, after_heading: bool, glue_first: bool) -> list[Row]:
        """A paragraph's or heading's rows: the composer's lines, justified but the last."""
        assert block.cp is not None
        decisions = self.composition.decisions.get(block.cp)
        if decisions is None:
            raise Unsupported(f"paragraph {block.cp} was not composed")
        text = self.composition.paragraphs[block.cp].text
        rows = []
        starts = (0, *decisions.breaks[:-1])
        base = self.geo.baselines[(block.role, BODY_PT)]
        for number, (start, end) in enumerate(zip(starts, decisions.breaks, strict=True)):
            a, b = _strip(text, start, end)
            indent = INDENT if number == 0 else 0.0
            squeezed = frozenset(i - a for i in decisions.squeezed if a <= i < b)
            line = text[a:b]
            last = number == len(starts) - 1
            self.setter.check(line, block.role)
            draw = partial(
                self.setter.runs, line, block.role, BODY_PT, self.left + indent, BODY_SPACING,
                justify_to=None if last else self.left + MEASURE, squeezed=squeezed,
            )  # fmt: skip
            # a heading is never cut by a page break (WeasyPrint moves it whole); the paragraph
            # after a heading keeps two lines with it (orphans: 2)
            glue = (number == 0 and glue_first) or (number == 1 and after_heading) or (number > 0 and block.level > 0)
            bookmark = (block.level, _label(text)) if number == 0 and block.level else None
            rows.append(Row(draw, block.path, base, glue, bookmark, block.anchor if number == 0 else None))
        return rows

    def line(self, block: Block, text: str, x: float, *, role: str = "fangsong", size: float = BODY_PT,
             spacing: float = BODY_SPACING, glue: bool = False) -> Row:  # fmt: skip
        runs = self.setter.runs(text, role, size, x, spacing)
        return Row(_kept(runs), block.path, self.geo.baselines[(role, size)], glue)

    def centred(self, block: Block, text: str, role: str, size: float) -> Row:
        width = self.setter.width(text, role, size, 0.0)
        if width > MEASURE + 0.01:
            raise Unsupported(f"a centred line wider than the text block: {text[:12]}")
        return self.line(block, text, self.left + (MEASURE - width) / 2, role=role, size=size, spacing=0.0)

    def fits(self, text: str, room: float, spacing: float = BODY_SPACING) -> None:
        if self.setter.width(text, "fangsong", BODY_PT, spacing) > room + 0.01:
            raise Unsupported(f"a line that would wrap: {text[:12]}")

    def rows(self, blocks: list[Block]) -> list[Row]:
        rows: list[Row] = []
        previous: Block | None = None
        for block in blocks:
            keep = block.kind in ("note", "signature", "annotation")  # break-before: avoid
            after_heading = previous is not None and previous.kind == "heading"
            for _ in range(block.margin):
                rows.append(self.blank(block.path, glue=keep or bool(rows)))
            glue_first = keep or after_heading or block.margin > 0
            rows.extend(self._block(block, after_heading, glue_first))
            previous = block
        return rows

    def _block(self, block: Block, after_heading: bool, glue: bool) -> list[Row]:
        left = self.left
        if block.kind == "number":
            return [self.centred(block, block.texts[0], "fangsong", BODY_PT)]
        if block.kind == "title":
            rows = [self.centred(block, t, "xiaobiaosong", TITLE_PT) for t in block.texts]
            label = "".join(block.texts)
            rows[0] = replace(rows[0], bookmark=(1, label))
            return rows
        if block.kind in ("paragraph", "heading"):
            return self.composed(block, after_heading, glue)
        if block.kind == "recipient":
            self.fits(block.texts[0], MEASURE)
            row = self.line(block, block.texts[0], left, glue=glue)
            return [replace(row, glue=glue, anchor=block.anchor)]
        if block.kind == "annotation":
            self.fits(block.texts[0], MEASURE - INDENT)
            return [self.line(block, block.texts[0], left + INDENT, glue=True)]
        if block.kind == "note":
            return self._note(block)
        if block.kind == "signature":
            return self._signature(block)
        raise Unsupported(block.kind)

    def _wrap(self, text: str, room: float) -> list[str]:
        """`text` broken as Pango breaks a ragged line: the last opportunity that fits, line by line."""
        widths = [self.setter.advance(c, "fangsong", BODY_PT, BODY_SPACING) for c in text]
        measure = Measure(text, widths, opportunities(text), room, 0.0, BODY_PT)
        lines, start = [], 0
        while start < len(text):
            end = first_fit(measure, widths, measure.allowed, start)
            a, b = _strip(text, start, end)
            lines.append(text[a:b])
            start = end
        return lines

    def _note(self, block: Block) -> list[Row]:
        """附件： then each attachment's title on its own line, a wrapped title under its first character."""
        label, items = block.texts[0], block.texts[1:]
        left = self.left + INDENT
        x = left + self.setter.width(label, "fangsong", BODY_PT, BODY_SPACING)
        base = self.geo.baselines[("fangsong", BODY_PT)]
        rows = []
        for number, item in enumerate(items):
            num, title = item.partition(" ")[::2] if block.numbered else ("", item)
            start = x + (NOTE_NUMBER if block.numbered else 0.0)
            for line_number, line in enumerate(self._wrap(title, self.left + MEASURE - start)):
                runs = self.setter.runs(line, "fangsong", BODY_PT, start, BODY_SPACING)
                if line_number == 0 and num:
                    runs = self.setter.runs(num, "fangsong", BODY_PT, x, 0.0) + runs
                if line_number == 0 and number == 0:
                    runs = self.setter.runs(label, "fangsong", BODY_PT, left, BODY_SPACING) + runs
                rows.append(Row(_kept(runs), block.path, base, True))
        return rows

    def _signature(self, block: Block) -> list[Row]:
        texts = list(block.texts)
        date = texts.pop() if block.dated else None
        right = self.left + MEASURE

        def width(text: str) -> float:
            return self.setter.width(text, "fangsong", BODY_PT, BODY_SPACING)

        rows = []
        if block.sealed:
            box_right = right - SEALED_IN
            box = width(date) if date else max(width(t) for t in texts)
            box_left = box_right - box
            for text in texts:
                w = width(text)
                x = box_left + (box - w) / 2 if date else box_right - w
                rows.append(self.line(block, text, x, glue=True))
            if date:
                rows.append(self.line(block, date, box_left, glue=True))
        else:
            box_right = right - SIGNATURE_IN
            box = max([width(t) for t in texts] + ([SIGNATURE_IN + width(date)] if date else []))
            box_left = box_right - box
            rows += [self.line(block, text, box_left, glue=True) for text in texts]
            if date:
                rows.append(self.line(block, date, box_left + SIGNATURE_IN, glue=True))
        if box_left < self.left - 0.01:
            raise Unsupported("a signature wider than the text block")
        if len(block.leaves) != len(rows):
            raise Unsupported("a signature's lines and its elements do not match")
        # each issuer and the date a P of its own in the signature's Div, as the HTML has them
        return [replace(r, path=(*r.path, ("P", leaf))) for r, leaf in zip(rows, block.leaves, strict=True)]


def _label(text: str) -> str:
    return "".join(text.replace("\u200b", "").split())


def paginate(rows: list[Row]) -> list[PagePlan]:
    """Rows onto pages of LINES grid lines; a page ends early where a kept row would be cut off."""
    pages: list[PagePlan] = []
    start = 0
    while start < len(rows):
        end = min(start + LINES, len(rows))
        if end < len(rows):
            cut = end
            while cut > start + 1 and rows[cut].glue:
                cut -= 1
            end = cut if not rows[cut].glue or cut > start + 1 else end
        page = PagePlan(number=len(pages) + 1)
        page.rows = [(slot, row) for slot, row in enumerate(rows[start:end])]
        pages.append(page)
        start = end
    return pages
