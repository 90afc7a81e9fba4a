"""Read a built PDF back as lines of glyphs and bands of ink: the measurements verify/layout.py judges.

Nothing here decides pass or fail; every function returns positions in points from the page's
top-left corner (mm() converts). Where the numbers come from:

  * glyph positions: pdfplumber chars. The baseline is the text matrix's y (pdfplumber's own
    top/bottom come from the font descriptor's bbox, not the glyph); x is the glyph origin.
  * "top of the glyphs": the ideographic em box top, baseline - 0.88 em (CJK fonts: OS/2
    typoAscender 880/1000, the 字身框), which is where GB/T 9704's 37 mm is read.
  * the character cell: the distance between neighbouring glyph origins (letter-spacing included).
  * rules (版记) and the page-number dash: ink, rasterised with pypdfium2 at 600 dpi in a small
    crop, because WeasyPrint draws borders as filled outlines rather than lines.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from genreport.gbt9704 import EM_TOP, MM

TEXT_TOP, TEXT_BOTTOM = 30 * MM, 264 * MM  # band holding the text block's baselines (not the draft mark, not the folio)

CJK = re.compile(r"[\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\u3400-\u9fff\uff00-\uffef·]")
LATIN_FONT = re.compile(
    r"DejaVu|Liberation|Bitstream|FreeSerif|FreeSans|Noto-?Sans(?!-?CJK|-?Mono-?CJK)|Noto-?Serif(?!-?CJK)", re.I
)


def mm(pt: float) -> float:
    return round(pt / MM, 3)


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str  # without the subset prefix
    colour: tuple[float, ...]


@dataclass
class Line:
    glyphs: list[Glyph]
    baseline: float = 0.0
    size: float = 0.0
    text: str = ""
    fonts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.glyphs.sort(key=lambda g: g.x0)
        self.baseline = statistics.median(g.baseline for g in self.glyphs)
        self.size = Counter(round(g.size, 1) for g in self.glyphs).most_common(1)[0][0]
        self.text = "".join(g.text for g in self.glyphs)
        self.fonts = Counter(g.font for g in self.glyphs)

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def font(self) -> str:
        return self.fonts.most_common(1)[0][0]

    @property
    def em_top(self) -> float:
        return self.baseline - EM_TOP * self.size

    @property
    def all_cjk(self) -> bool:
        return all(CJK.match(g.text) for g in self.glyphs)

    def pitch(self) -> float | None:
        """Median origin-to-origin distance of neighbouring CJK glyphs: the line's character cell."""
        steps = [b.x0 - a.x0 for a, b in pairwise(self.glyphs) if CJK.match(a.text) and CJK.match(b.text)]
        return statistics.median(steps) if steps else None

    def natural(self, cell: float) -> bool:
        """Set at the natural character cell: every step between neighbouring CJK glyphs is one cell.

        A justified line (wider steps) or a line with a space in it (one wide step) is not.
        """
        steps = [b.x0 - a.x0 for a, b in pairwise(self.glyphs)]
        return bool(steps) and self.all_cjk and all(abs(step - cell) < 0.02 for step in steps)

    def end(self, cell: float) -> float:
        """Right end of the last character's cell (x1 would include its overhang past a tightened cell)."""
        last = self.glyphs[-1]
        return last.x0 + cell if CJK.match(last.text) else last.x1

    def __repr__(self) -> str:
        return f"<Line {mm(self.baseline)}mm {self.size}pt {self.text[:20]!r}>"


@dataclass(frozen=True)
class Shape:
    """A painted rectangle, line or curve (a table rule, a chart's bar): its box in pt from the top-left."""

    kind: str  # rect / line / curve
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]
    shapes: list[Shape] = field(default_factory=list)

    @property
    def text_lines(self) -> list[Line]:
        """Lines inside the text block: not the draft mark above it, not the page number below it."""
        return [line for line in self.lines if TEXT_TOP < line.baseline < TEXT_BOTTOM]

    @property
    def head_lines(self) -> list[Line]:
        return [line for line in self.lines if line.baseline <= TEXT_TOP]

    @property
    def foot_lines(self) -> list[Line]:
        return [line for line in self.lines if line.baseline >= TEXT_BOTTOM]


@dataclass
class FontResource:
    name: str
    embedded: bool
    subset: bool
    subtype: str


@dataclass
class Pdf:
    path: Path
    pages: list[Page]
    fonts: list[FontResource]
    lang: str | None
    sealed: bool | None = None  # the data's `sealed`, from the Info entry GenreportSealed; None: not recorded


def _group_lines(glyphs: Iterable[Glyph]) -> list[Line]:
    """Glyphs -> lines, by baseline (within 1 pt) and size (a 14 pt run never joins a 22 pt one)."""
    groups: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (round(g.baseline, 1), g.x0)):
        last = groups[-1] if groups else None
        if last and abs(last[0].baseline - glyph.baseline) < 1.0 and abs(last[0].size - glyph.size) < 8:
            last.append(glyph)
        else:
            groups.append([glyph])
    return [Line(group) for group in groups]


def _colour(char: dict[str, Any]) -> tuple[float, ...]:
    colour = char.get("non_stroking_color")
    if colour is None:
        return (0.0,)
    return tuple(float(c) for c in colour) if isinstance(colour, (list, tuple)) else (float(colour),)


def read_pdf(path: Path) -> Pdf:
    """Every page's lines, the PDF's font resources and its /Lang. Raises ValueError for a non-PDF."""
    import pdfplumber

    pages = []
    fonts: dict[str, FontResource] = {}
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            height = float(page.height)
            glyphs = [
                Glyph(c["text"], float(c["x0"]), float(c["x1"]), height - float(c["matrix"][5]), float(c["size"]),
                      c["fontname"].split("+", 1)[-1], _colour(c))
                for c in page.chars if not c["text"].isspace()
            ]  # fmt: skip
            pages.append(Page(number, float(page.width), height, _group_lines(glyphs), _shapes(page)))
            fonts.update(_font_resources(page.page_obj.resources))
        lang = _resolved(pdf.doc.catalog.get("Lang"))
        recorded = str((pdf.metadata or {}).get("GenreportSealed", ""))  # written by the build from the data
    sealed = {"true": True, "false": False}.get(recorded)
    return Pdf(path, pages, list(fonts.values()), _text(lang) if lang else None, sealed)


def _painted(obj: dict[str, Any]) -> bool:
    """Does the object leave ink? Not an unfilled, unstroked path, nor one painted white."""
    colours = []
    if obj.get("fill"):
        colours.append(obj.get("non_stroking_color"))
    if obj.get("stroke"):
        colours.append(obj.get("stroking_color"))
    white = (1, (1,), (1, 1, 1), [1], [1, 1, 1], (0, 0, 0, 0), [0, 0, 0, 0])
    return any(c is None or c not in white for c in colours)


def _shapes(page: Any) -> list[Shape]:
    return [
        Shape(kind, float(o["x0"]), float(o["top"]), float(o["x1"]), float(o["bottom"]))
        for kind, objects in (("rect", page.rects), ("line", page.lines), ("curve", page.curves))
        for o in objects
        if _painted(o)
    ]


def _resolved(value: Any) -> Any:
    from pdfminer.pdftypes import resolve1

    return resolve1(value)


def _text(value: Any) -> str:
    """A PDF name or string as text (pdfminer gives names as PSLiteral, strings as bytes)."""
    value = _resolved(value)
    if isinstance(value, bytes):
        return value.decode("utf-16") if value[:2] in (b"\xfe\xff", b"\xff\xfe") else value.decode("latin-1")
    return str(getattr(value, "name", value))


def _font_resources(resources: Any) -> dict[str, FontResource]:
    """The page's fonts: name, embedded (a /FontFile*), subset (an ABCDEF+ prefix), subtype."""
    found: dict[str, FontResource] = {}
    for ref in (_resolved((_resolved(resources) or {}).get("Font")) or {}).values():
        font = _resolved(ref)
        name = _text(font.get("BaseFont", ""))
        descriptor = _resolved(font.get("FontDescriptor"))
        if descriptor is None and "DescendantFonts" in font:
            descriptor = _resolved(_resolved(_resolved(font["DescendantFonts"])[0]).get("FontDescriptor"))
        descriptor = descriptor or {}
        embedded = any(key in descriptor for key in ("FontFile", "FontFile2", "FontFile3"))
        found[name] = FontResource(name, embedded, bool(re.match(r"[A-Z]{6}\+", name)), _text(font.get("Subtype")))
    return found


# ------------------------------------------------------------------ ink ---


@dataclass(frozen=True)
class Band:
    """A horizontal band of ink: its rows' top and bottom (pt from the page top), and its thickness
    from the grey levels, which is finer than the rows: an anti-aliased edge row counts by its share."""

    top: float
    bottom: float
    thickness: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def ink_bands(
    path: Path, page_index: int, box: tuple[float, float, float, float], *, min_fraction: float = 0.0, dpi: int = 600
) -> list[Band]:
    """Horizontal bands of ink inside box = (x0, top, x1, bottom) in pt.

    A row counts when its dark pixels cover at least min_fraction of the box's width (0: any
    ink). Only the box is rendered, so a 600 dpi look at a rule costs milliseconds.
    """
    import pypdfium2 as pdfium
    from PIL import Image, ImageOps

    x0, top, x1, bottom = box
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[page_index]
        width, height = page.get_size()
        crop = (max(0.0, x0), max(0.0, height - bottom), max(0.0, width - x1), max(0.0, top))
        image = page.render(scale=dpi / 72, crop=crop, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    dark = image.point(lambda v: 255 if v < 128 else 0).resize(
        (1, image.height), Image.Resampling.BOX
    )  # share of dark pixels
    grey = ImageOps.invert(image).resize((1, image.height), Image.Resampling.BOX)  # mean darkness per row
    step = 72 / dpi
    need = max(1.0, min_fraction * 255 - 0.5)
    rows = [y for y in range(image.height) if dark.getpixel((0, y)) >= need]
    spans: list[list[int]] = []
    for y in rows:
        if spans and y - spans[-1][1] <= 1:
            spans[-1][1] = y
        else:
            spans.append([y, y])
    bands = []
    for a, b in spans:
        levels = [float(grey.getpixel((0, y))) for y in range(max(0, a - 1), min(image.height, b + 2))]  # type: ignore[arg-type]  # "L": one int a pixel
        thickness = sum(levels) / max(levels) * step if max(levels) else 0.0
        bands.append(Band(top + a * step, top + (b + 1) * step, thickness))
    return bands


def ink_extent(
    path: Path, page_index: int, y: float, x0: float, x1: float, dpi: int = 600
) -> tuple[float, float] | None:
    """Leftmost and rightmost ink on the row at y (pt), between x0 and x1: the ends of a rule."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[page_index]
        width, height = page.get_size()
        half = 1.0  # a strip 2 pt tall around y; its middle row is read
        crop = (max(0.0, x0), max(0.0, height - y - half), max(0.0, width - x1), max(0.0, y - half))
        image = page.render(scale=dpi / 72, crop=crop, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    row = image.height // 2
    dark = [x for x in range(image.width) if image.getpixel((x, row)) < 128]
    if not dark:
        return None
    step = 72 / dpi
    return x0 + dark[0] * step, x0 + (dark[-1] + 1) * step


def of_size(lines: Sequence[Line], size: float, tolerance: float = 0.6) -> list[Line]:
    """The lines of one size (the body's 16 pt, the folio's 14 pt ...)."""
    return [line for line in lines if abs(line.size - size) < tolerance]
