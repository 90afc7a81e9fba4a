"""The placed body pages drawn into the PDF WeasyPrint writes, before the pages it lays out itself.

WeasyPrint lays out only what follows the body (the 附件, the 版记), or an empty document when
nothing does; its Document then gets the body pages in front of its own, as objects that paint
themselves: WeasyPrint's PDF writer (pydyf) writes one file with every page, one outline, the
fonts subset once per face (a body page asks Pango for the same font objects WeasyPrint's own
pages use), and one structure tree (a body page builds its part of it: _tag_page).

Private WeasyPrint names used here: Document.pages and .fonts, Stream.add_font, Font.widths and
.to_unicode, pdf.tags._build_box_tree. check_internals() fails loudly when they change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from genreport.gbt9704 import BODY_PT, FOLIO_PT, HEIGHT, LEFT, MM, TOP, WIDTH
from genreport.pdf.direct.faces import CutFace, RoleFaces
from genreport.pdf.direct.pages import LINE, PagePlan, Run, Setter

PX = 0.75  # pt per CSS pixel: WeasyPrint's page coordinates are CSS pixels
A4_PX = (210 * MM / PX, 297 * MM / PX)
DASH_BELOW = 7.0  # mm, §7.5: the page number's dash 7 mm below the text block


class PlacedBox:
    """Stands in for WeasyPrint's page box where the structure tree is built (tags._build_box_tree)."""

    def __init__(self, page: DirectPage) -> None:
        self.page = page


class DirectPage:
    """A body page as WeasyPrint's Page looks to its PDF writer: size, bookmarks, anchors, paint()."""

    def __init__(
        self, plan: PagePlan, area_top: float, folio: tuple[Run, ...], fonts: FontSource,
        mark: tuple[tuple[Run, ...], float] | None = None,
    ) -> None:  # fmt: skip
        self.plan = plan
        self.area_top = area_top
        self.folio = folio
        self.mark = mark  # a draft's mark and its baseline
        self.fonts = fonts
        self.width, self.height = A4_PX
        self.bleed = {side: 0 for side in ("top", "right", "bottom", "left")}
        self.links: list[Any] = []
        self.forms: list[Any] = []
        self.anchors: dict[str, tuple[float, float, float, float]] = {}
        self.bookmarks: list[tuple[int, str, tuple[float, float], str]] = []
        for slot, row in plan.rows:
            top = (area_top + slot * LINE) / PX
            if row.bookmark:
                self.bookmarks.append((row.bookmark[0], row.bookmark[1], (LEFT * MM / PX, top), "open"))
            if row.anchor:
                self.anchors[row.anchor] = (LEFT * MM / PX, top, WIDTH * MM / PX, LINE / PX)
        self._page_box = PlacedBox(self)
        self.marks: list[tuple[int, tuple[tuple[str, int], ...]]] = []  # (MCID, structure path), as painted

    def paint(self, stream: Any, scale: float = 1) -> None:
        """Draw the rows (pt, y down: WeasyPrint's page transform is in place, without its zoom)."""
        import pydyf

        self.marks = []
        tagged = stream._tags is not None
        for slot, row in self.plan.rows:
            if row.blank:
                continue
            baseline = self.area_top + slot * LINE + row.baseline
            if tagged:
                mcid = len(self.marks)
                self.marks.append((mcid, row.path))
                pydyf.Stream.begin_marked_content(stream, row.path[-1][0], pydyf.Dictionary({"MCID": mcid}))
            self._text(stream, row.draw(), baseline)
            if tagged:
                pydyf.Stream.end_marked_content(stream)
        for runs, baseline in ((self.folio, folio_baseline(self.fonts.song_dash)), self.mark or ((), 0.0)):
            if not runs:
                continue
            if tagged:
                pydyf.Stream.begin_marked_content(stream, "Artifact")  # page furniture, not the text
            self._text(stream, runs, baseline)
            if tagged:
                pydyf.Stream.end_marked_content(stream)
        _compress_now(stream)

    def _text(self, stream: Any, runs: tuple[Run, ...], baseline: float) -> None:
        """One TJ per run: the glyphs, each followed by how far the next one sits from where the
        font's own width would put it (justification, letter-spacing, a squeezed mark)."""
        red = any(run.red for run in runs)
        if red:
            stream.push_state()
            stream.set_color_rgb(0.8, 0, 0)  # #c00, the draft mark's colour in gbt9704.css
        stream.begin_text()
        for run in runs:
            font = self.fonts.font(stream, run.face, run.size)
            stream.set_font_size(font.hash, run.size)
            stream.set_text_matrix(1, 0, 0, -1, run.xs[0], baseline)
            widths, to_unicode = font.widths, font.to_unicode
            for glyph, char, width in zip(run.ids, run.text, run.units, strict=True):
                if glyph not in widths:
                    widths[glyph] = width
                    to_unicode[glyph] = char
            scale = 1000 / run.size
            xs, units = run.xs, run.units
            adjusts = [_number(units[i] - (xs[i + 1] - xs[i]) * scale) for i in range(len(xs) - 1)]
            adjusts.append("")
            stream.show_text("".join(f"<{g:04x}>{a}" for g, a in zip(run.ids, adjusts, strict=True)))
        stream.end_text()
        if red:
            stream.pop_state()


def _compress_now(stream: Any) -> None:
    """The page's content compressed as soon as it is drawn, as pydyf would at the end (the same
    bytes): a long report does not hold every page's operators until the file is written."""
    import pydyf

    if not stream.compress:
        return
    content = b"\n".join(pydyf._to_bytes(item) for item in stream.stream)
    compressor = pydyf.zlib.compressobj(level=9)  # the level pydyf asks for
    stream.stream = [compressor.compress(content) + compressor.flush()]
    stream.compress = False
    stream.extra["Filter"] = "/FlateDecode"


def _number(adjust: float) -> str:
    """A TJ adjustment; none where the font's width is the step (a thousandth of an em is 0.016 pt)."""
    return "" if -0.0005 < adjust < 0.0005 else f"{adjust:.3f}"


def tail_css(first_page: int) -> str:
    """WeasyPrint's pages after the body: numbered on from it, starting on the side that number has."""
    side = "right" if first_page % 2 else "left"
    return f"html {{ break-before: {side}; }} @page :first {{ counter-reset: page {first_page}; }}"


def draft_mark(setter: Setter, text: str, area_top: float, hei_path: Path) -> tuple[tuple[Run, ...], float]:
    """A draft's mark as gbt9704.css runs it: 黑体 16 pt, red, flush with the text block's right
    edge, in a 16 pt line whose bottom is 6 mm above the page area."""
    from genreport.pdf.gridfit import metrics_of

    ascent, descent, _ = metrics_of(hei_path)
    line_top = area_top - 6 * MM - BODY_PT
    baseline = line_top + (BODY_PT - (ascent + descent) * BODY_PT) / 2 + ascent * BODY_PT
    x = (LEFT + WIDTH) * MM - setter.width(text, "hei", BODY_PT, 0.0)
    return setter.runs(text, "hei", BODY_PT, x, 0.0, red=True), baseline


def folio_baseline(dash_centre: float) -> float:
    """The page number's baseline: the dash's centre 7 mm below the text block (§7.5)."""
    return (TOP + HEIGHT + DASH_BELOW) * MM + dash_centre * FOLIO_PT


def folio_runs(setter: Setter, number: int) -> tuple[Run, ...]:
    """ "— N —", 4号, one character in from the text block's right edge (odd pages) or left (even)."""
    text = f"— {number} —"
    width = setter.width(text, "song", FOLIO_PT, 0.0)
    if number % 2:
        x = (LEFT + WIDTH) * MM - FOLIO_PT - width
    else:
        x = LEFT * MM + FOLIO_PT
    return setter.runs(text, "song", FOLIO_PT, x, 0.0)


class FontSource:
    """WeasyPrint font objects for the cut faces, from Pango, so WeasyPrint's own pages share them."""

    def __init__(self, font_config: Any, faces: Mapping[str, RoleFaces], song_dash: float) -> None:
        self.font_config = font_config
        self.faces = faces
        self.song_dash = song_dash
        self._fonts: dict[tuple[CutFace, float], Any] = {}
        self._context: Any = None

    def font(self, stream: Any, face: CutFace, size: float) -> Any:
        key = (face, size)
        if key not in self._fonts:
            from weasyprint.text.ffi import ffi, pango

            if self._context is None:
                self._context = ffi.gc(
                    pango.pango_font_map_create_context(self.font_config.font_map), pango.g_object_unref
                )
            description = ffi.gc(pango.pango_font_description_new(), pango.pango_font_description_free)
            pango.pango_font_description_set_family(description, face.family.encode())
            pango.pango_font_description_set_weight(description, face.weight)
            pango.pango_font_description_set_absolute_size(description, int(size / PX * 1024))  # PANGO_SCALE
            pango_font = pango.pango_font_map_load_font(self.font_config.font_map, self._context, description)
            if pango_font == ffi.NULL:
                raise RuntimeError(f"Pango has no font for {face.family}")
            font, _ = stream.add_font(pango_font)
            _check_file(font, face)
            self._fonts[key] = font
        return self._fonts[key]


def _check_file(font: Any, face: CutFace) -> None:
    """Pango must have given the very file the glyph ids were read from."""
    data = face.path.read_bytes()
    if len(font.file_content) != len(data):
        raise RuntimeError(f"Pango chose another file than {face.path.name} for {face.family}")


def tag_page(page: DirectPage, parent: Any, pdf: Any, page_number: int, nums: dict[int, Any]) -> Iterator[Any]:
    """The structure elements of a body page, as WeasyPrint builds a laid-out page's: one element per
    element of the HTML on this page (a paragraph cut by the page break gets one on each page)."""
    import pydyf

    made: dict[tuple[tuple[str, int], ...], Any] = {}
    for mcid, path in page.marks:
        for depth in range(1, len(path) + 1):
            prefix = path[:depth]
            if prefix in made:
                continue
            above = made[prefix[:-1]] if depth > 1 else parent
            element = pydyf.Dictionary({
                "Type": "/StructElem", "S": f"/{prefix[-1][0]}", "K": pydyf.Array([]),
                "Pg": pdf.page_references[page_number], "P": above.reference,
            })  # fmt: skip
            pdf.add_object(element)
            made[prefix] = element
            if depth > 1:
                above["K"].append(element.reference)
            else:
                yield element
        made[path]["K"].append(mcid)
        nums[mcid] = made[path].reference


_installed = False


def install() -> None:
    """Let tags._build_box_tree build a placed page's structure (once per process)."""
    global _installed
    if _installed:
        return
    from weasyprint.pdf import tags

    original: Callable[..., Any] = tags._build_box_tree

    def build_box_tree(box: Any, parent: Any, pdf: Any, page_number: int, nums: Any, *rest: Any) -> Any:
        if isinstance(box, PlacedBox):
            return tag_page(box.page, parent, pdf, page_number, nums)
        return original(box, parent, pdf, page_number, nums, *rest)

    tags._build_box_tree = build_box_tree
    _installed = True
