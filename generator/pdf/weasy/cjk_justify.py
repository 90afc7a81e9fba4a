"""Inter-character justification for WeasyPrint, so Chinese lines end flush on the right.

GB/T 9704 §5.2.2 sets body text justified. WeasyPrint justifies a line only by widening its
spaces and no-break spaces (`weasyprint/layout/inline.py: justify_line`), and Chinese text has
none: a line that cannot take the next unbreakable run (会”。 -- no break before ” or 。) stays
up to two characters short of the right margin. This patch spreads the missing width over every
character of such a line as extra letter-spacing (CSS `text-justify: inter-character`). Lines
with spaces keep WeasyPrint's own behaviour; the last line of a paragraph is never justified
(WeasyPrint does not call `justify_line` for it).

It patches private WeasyPrint internals, checked against WeasyPrint 70.0 (pyproject pins
`weasyprint~=70.0`). `check_internals()` fails loudly when they change, and
tests/test_pdf_justify.py calls it and measures the effect on a rendered line.
"""

from __future__ import annotations

import inspect
from typing import Any

TESTED_WEASYPRINT = ("70.",)
_installed = False


class JustifyPatchError(RuntimeError):
    """WeasyPrint's internals no longer look like the ones this patch was written for."""


def check_internals() -> None:
    """Raise JustifyPatchError unless every private name the patch uses is still there, as it was."""
    import weasyprint
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import inline
    from weasyprint.text import line_break

    problems = []
    if not weasyprint.__version__.startswith(TESTED_WEASYPRINT):
        problems.append(f"WeasyPrint {weasyprint.__version__} is not a tested version {TESTED_WEASYPRINT}")
    expected = {
        inline: ("justify_line", "count_expandable_spaces"),
        line_break: ("create_layout", "unicode_to_char_p", "TO_UNITS", "pango", "ffi", "Layout"),
        boxes: ("TextBox", "LineBox", "InlineBox"),
    }
    for module, names in expected.items():
        problems += [f"{module.__name__}.{name} is gone" for name in names if not hasattr(module, name)]
    if not problems:
        signatures = {
            "inline.justify_line": (_original("justify_line", inline.justify_line), ["context", "line", "extra_width"]),
            "line_break.Layout.set_text": (
                _original("set_text", line_break.Layout.set_text),
                ["self", "text", "justify"],
            ),
            "line_break.create_layout": (
                line_break.create_layout,
                ["text", "style", "context", "max_width", "justification_spacing"],
            ),
        }
        for name, (function, params) in signatures.items():
            found = list(inspect.signature(function).parameters)
            if found != params:
                problems.append(f"{name}{tuple(found)} != {tuple(params)}")
        for attr in ("pango_attr_letter_spacing_new", "pango_attr_list_change", "pango_layout_get_attributes"):
            if not hasattr(line_break.pango, attr):
                problems.append(f"pango.{attr} is not declared by WeasyPrint's ffi")
    if problems:
        raise JustifyPatchError("cjk_justify cannot patch this WeasyPrint: " + "; ".join(problems))


_ORIGINALS: dict[str, Any] = {}


def _original(name: str, current: Any) -> Any:
    """The unpatched function, even after install() replaced it."""
    return _ORIGINALS.get(name, current)


def _text_boxes(box: Any) -> Any:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield box
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        for child in box.children:
            if child.is_in_normal_flow():
                yield from _text_boxes(child)


def _spaced(text: str) -> int:
    """Characters that take justification space: not the zero-width break opportunities (cjk_breaks)."""
    return len(text) - text.count("\u200b")


def _shift(context: Any, box: Any, per_char: float, x_advance: float) -> float:
    """Like WeasyPrint's inline.add_word_spacing, with letter-spacing instead of word-spacing."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.text import line_break

    if isinstance(box, boxes.TextBox):
        box.position_x += x_advance
        count = _spaced(box.text)
        if count:
            box.justification_spacing = per_char
            # The box keeps a deactivated layout that drawing reactivates with justify=True,
            # which is where set_text() below turns the spacing into letter-spacing.
            layout = line_break.create_layout(
                box.text, box.style, context, max_width=None, justification_spacing=per_char
            )
            layout.deactivate()
            box.pango_layout = layout
            box.width += per_char * count
            x_advance += per_char * count
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += x_advance
        before = x_advance
        for child in box.children:
            if child.is_in_normal_flow():
                x_advance = _shift(context, child, per_char, x_advance)
        box.width += x_advance - before
    else:
        box.translate(x_advance, 0)
    return x_advance


def install() -> None:
    """Patch WeasyPrint once per process; call before rendering a PDF."""
    global _installed
    if _installed:
        return
    check_internals()
    from weasyprint.layout import inline
    from weasyprint.text import line_break

    original_justify = _ORIGINALS.setdefault("justify_line", inline.justify_line)
    original_set_text = _ORIGINALS.setdefault("set_text", line_break.Layout.set_text)

    def justify_line(context: Any, line: Any, extra_width: float) -> None:
        if inline.count_expandable_spaces(line) or extra_width <= 0:
            original_justify(context, line, extra_width)
            return
        count = sum(_spaced(box.text) for box in _text_boxes(line))
        if count < 2:
            return
        # Pango puts letter-spacing after every character, the last one included; that last
        # space hangs invisibly past the margin, so n - 1 gaps take the whole extra width.
        _shift(context, line, extra_width / (count - 1), 0)

    def set_text(self: Any, text: str, justify: bool = False) -> None:
        if not justify or not self.justification_spacing or " " in text or "\u00a0" in text:
            original_set_text(self, text, justify=justify)
            return
        original_set_text(self, text, justify=False)
        attrs = line_break.pango.pango_layout_get_attributes(self.layout)
        if attrs == line_break.ffi.NULL:
            attrs = line_break.ffi.gc(line_break.pango.pango_attr_list_new(), line_break.pango.pango_attr_list_unref)
        spacing = self.style["letter_spacing"]
        spacing = 0 if spacing == "normal" else spacing
        _, bytestring = line_break.unicode_to_char_p(self.text)
        attr = line_break.pango.pango_attr_letter_spacing_new(
            int((spacing + self.justification_spacing) * line_break.TO_UNITS)
        )
        attr.start_index, attr.end_index = 0, len(bytestring)
        line_break.pango.pango_attr_list_change(attrs, attr)
        line_break.pango.pango_layout_set_attributes(self.layout, attrs)

    inline.justify_line = justify_line
    line_break.Layout.set_text = set_text
    _installed = True
