"""Prototype: inter-character justification for WeasyPrint (CJK text).

WeasyPrint (checked on 70.0, weasyprint/layout/inline.py: justify_line)
justifies a line only by widening spaces and NBSPs. Chinese text has none,
so `text-align: justify` leaves a line that could not take the next
unbreakable run (e.g. 会”。 — no break before ” or 。) up to 2–3 characters
short of the right margin. GB/T 9704 text is set flush on both sides.

This patch spreads the missing width over every character of such a line
as extra letter-spacing (what CSS calls text-justify: inter-character).
Lines that contain spaces keep WeasyPrint's behaviour. The last line of a
paragraph is not justified (WeasyPrint does not call justify_line for it).

It is a prototype kept next to the stylesheet it was measured with; the
generator should own the real one (install it before rendering:
`cjk_justify.install()`).
"""
from weasyprint.formatting_structure import boxes
from weasyprint.layout import inline
from weasyprint.text import line_break

_installed = False


def _text_boxes(box):
    if isinstance(box, boxes.TextBox):
        yield box
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        for child in box.children:
            if child.is_in_normal_flow():
                yield from _text_boxes(child)


def _shift(context, box, per_char, x_advance):
    """Like inline.add_word_spacing, with letter-spacing instead of spaces."""
    if isinstance(box, boxes.TextBox):
        box.position_x += x_advance
        n = len(box.text)
        if n:
            box.justification_spacing = per_char
            box.cjk_justification = True
            layout = line_break.create_layout(
                box.text, box.style, context, max_width=None,
                justification_spacing=per_char)
            layout.deactivate()
            box.pango_layout = layout
            box.width += per_char * n
            x_advance += per_char * n
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


def install():
    global _installed
    if _installed:
        return
    _installed = True
    original_justify = inline.justify_line
    original_set_text = line_break.Layout.set_text

    def justify_line(context, line, extra_width):
        if inline.count_expandable_spaces(line) or extra_width <= 0:
            return original_justify(context, line, extra_width)
        n = sum(len(b.text) for b in _text_boxes(line))
        if n < 2:
            return
        # the spacing Pango adds after the line's last character hangs past
        # the margin and is invisible; n - 1 gaps take the whole extra width
        _shift(context, line, extra_width / (n - 1), 0)

    def set_text(self, text, justify=False):
        original_set_text(self, text, justify=False)
        if justify and self.justification_spacing and ' ' not in text and '\u00a0' not in text:
            # text without spaces: use the justification as letter-spacing
            attrs = line_break.pango.pango_layout_get_attributes(self.layout)
            if attrs == line_break.ffi.NULL:
                attrs = line_break.ffi.gc(line_break.pango.pango_attr_list_new(),
                                          line_break.pango.pango_attr_list_unref)
            ls = self.style['letter_spacing']
            ls = 0 if ls == 'normal' else ls
            _, bytestring = line_break.unicode_to_char_p(self.text)
            attr = line_break.pango.pango_attr_letter_spacing_new(
                int((ls + self.justification_spacing) * line_break.TO_UNITS))
            attr.start_index, attr.end_index = 0, len(bytestring)
            line_break.pango.pango_attr_list_change(attrs, attr)
            line_break.pango.pango_layout_set_attributes(self.layout, attrs)
        elif justify:
            original_set_text(self, text, justify=True)

    inline.justify_line = justify_line
    line_break.Layout.set_text = set_text
