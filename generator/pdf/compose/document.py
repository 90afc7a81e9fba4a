"""The composer over a whole zh-CN print document: every body paragraph's lines decided before the one layout.

compose_document() reads the print HTML's body paragraphs by position (markup.py), measures
them with the body font's advances (widths.py) and the break rules (breaks.py), chooses each
paragraph's lines (paragraph.py) and works out the spans that make WeasyPrint's first-fit take
exactly those lines. pdf/layout.py lays the result out once and compares its lines with
`Composition.lines` (agreement.py); a paragraph that differs (the model missed something of
WeasyPrint's: a font, a style the composer does not read) is laid out again without decisions,
as WeasyPrint sets it alone, so that a wrong model never pins a line that does not fit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from genreport.fonts.roles import Face
from genreport.gbt9704 import BODY_PT, MM, WIDTH
from genreport.pdf.compose import markup
from genreport.pdf.compose.agreement import visible
from genreport.pdf.compose.breaks import opportunities
from genreport.pdf.compose.paragraph import Lines, Measure, compose, first_fit
from genreport.pdf.compose.widths import Advances

# gbt9704.css: the body's letter-spacing and first-line indent (two cells of 15.78 pt).
LETTER_SPACING = -0.22
INDENT = 31.56
MEASURE = WIDTH * MM  # the text block's width, 442.2 pt


@dataclass(frozen=True)
class Composition:
    """The print HTML without decisions, its paragraphs, and what the composer decided for each."""

    base: str
    paragraphs: tuple[markup.Paragraph, ...]
    decisions: dict[int, markup.Decisions]
    lines: dict[int, tuple[str, ...]]  # each composed paragraph's lines, white space left out

    def html(self, undecided: frozenset[int] = frozenset()) -> str:
        """The HTML to lay out; the paragraphs in `undecided` without the composer's spans."""
        chosen = {n: d for n, d in self.decisions.items() if n not in undecided}
        return markup.emit(self.base, list(self.paragraphs), chosen)

    @property
    def squeezes(self) -> int:
        return sum(len(d.squeezed) for d in self.decisions.values())

    @property
    def pushes(self) -> int:
        return sum(len(d.glued) for d in self.decisions.values())


def _pin(source: str, paragraph: markup.Paragraph, measure: Measure, lines: Lines) -> markup.Decisions | None:
    """The glue that makes first-fit break where `lines` does, or None when it cannot be expressed."""
    n = len(measure.text)
    widths = list(measure.widths)
    for index in lines.squeezed:
        widths[index] /= 2
    allowed = list(measure.allowed)
    glued: list[tuple[int, int]] = []
    start = 0
    for end in lines.breaks:
        fit = first_fit(measure, widths, allowed, start)
        if fit > end:  # first-fit would take more: keep end..(the next opportunity past fit) together
            stop = next((i for i in range(fit + 1, n) if allowed[i]), n)
            pieces = markup.cut_at_tags(source, paragraph, [(end, stop)])
            if any(allowed[a] for a, _ in pieces[1:]):
                return None  # the glue would have to be cut at an element's edge where a break may fall
            for i in range(end + 1, stop):
                allowed[i] = False
            glued.extend(pieces)
            fit = first_fit(measure, widths, allowed, start)
        if fit != end:
            return None
        start = end
    return markup.Decisions(lines.breaks, lines.squeezed, tuple(glued))


def compose_document(html: str, faces: Mapping[str, Sequence[Face]]) -> Composition:
    """Decide the lines of every body paragraph and heading of the zh-CN print `html`; `faces`
    holds each font role's faces (fangsong for the body, hei and kai for the headings)."""
    found = markup.paragraphs(html)
    by_role = {role: Advances(role_faces, BODY_PT, LETTER_SPACING) for role, role_faces in faces.items()}
    decisions: dict[int, markup.Decisions] = {}
    predicted: dict[int, tuple[str, ...]] = {}
    for number, paragraph in enumerate(found):
        advances = by_role.get(paragraph.role)
        if advances is None:
            continue  # a role with no font installed: WeasyPrint falls back, the composer keeps out
        widths = [advances.of(char) for char in paragraph.text]
        if any(width is None for width in widths):
            continue  # a character no body font has: its fallback font's advance is not known here
        measure = Measure(paragraph.text, widths, opportunities(paragraph.text), MEASURE, INDENT, BODY_PT)  # type: ignore[arg-type]
        lines = compose(measure)
        starts = (0, *lines.breaks[:-1])
        decisions[number] = _pin(html, paragraph, measure, lines) or _pin_every_line(html, paragraph, lines)
        predicted[number] = tuple(visible(paragraph.text[a:b]) for a, b in zip(starts, lines.breaks, strict=True))
    return Composition(html, tuple(found), decisions, predicted)


def _pin_every_line(source: str, paragraph: markup.Paragraph, lines: Lines) -> markup.Decisions:
    """Every line's characters kept together: where the glue of _pin cannot be expressed (it would
    end at an element's edge on an opportunity), the only opportunities left are the line ends."""
    starts = (0, *lines.breaks[:-1])
    pinned = markup.cut_at_tags(source, paragraph, list(zip(starts, lines.breaks, strict=True)))
    return markup.Decisions(lines.breaks, lines.squeezed, tuple(pinned))
