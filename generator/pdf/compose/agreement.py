"""Did WeasyPrint set the lines the composer decided? Read back from the laid-out boxes, by paragraph number.

Each composed paragraph carries `data-cp="N"` (markup.py); its block boxes (one per page it
spans) hold its line boxes in order. A line's text is its text boxes' text, compared without
white space and zero-width break opportunities (visible()). The walk touches only
boxes: about a millisecond for a 24-page report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any


def visible(text: str) -> str:
    """A line's text as the comparison sees it: no white space, no zero-width break opportunity."""
    return "".join(text.replace("\u200b", "").split())


@dataclass(frozen=True)
class Agreement:
    """How many composed paragraphs the layout set as decided, and the numbers of the others."""

    composed: int
    differing: frozenset[int]
    fallback: bool = False  # a second layout set the differing paragraphs without decisions

    @property
    def agreed(self) -> int:
        return self.composed - len(self.differing)


def _line_text(box: Any) -> str:
    if type(box).__name__ == "TextBox":
        return str(box.text)
    return "".join(_line_text(child) for child in getattr(box, "children", ()))


def _paragraph_boxes(box: Any) -> Iterator[tuple[int, Any]]:
    element = getattr(box, "element", None)
    number = element.get("data-cp") if element is not None else None
    if number is not None and type(box).__name__ not in ("LineBox", "TextBox", "InlineBox"):
        yield int(number), box
        return
    for child in getattr(box, "children", ()):
        if type(child).__name__ not in ("LineBox", "TextBox"):
            yield from _paragraph_boxes(child)


def laid_out_lines(page_boxes: Iterable[Any]) -> dict[int, list[str]]:
    """Each numbered paragraph's lines as laid out, over all pages."""
    found: dict[int, list[str]] = {}
    for page in page_boxes:
        for number, box in _paragraph_boxes(page):
            lines = found.setdefault(number, [])
            lines.extend(visible(_line_text(child)) for child in box.children if type(child).__name__ == "LineBox")
    return found


def compare(predicted: dict[int, tuple[str, ...]], page_boxes: Iterable[Any]) -> Agreement:
    """The paragraphs whose laid-out lines differ from the composer's."""
    actual = laid_out_lines(page_boxes)
    differing = frozenset(n for n, lines in predicted.items() if tuple(actual.get(n, ())) != lines)
    return Agreement(len(predicted), differing)
