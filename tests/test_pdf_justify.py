"""pdf/weasy/cjk_justify.py: Chinese lines end flush right, and the patch fails loudly if WeasyPrint changes.

It patches private WeasyPrint functions; these tests are what stands between a WeasyPrint
upgrade and reports that silently go ragged again.
"""

from __future__ import annotations

import inspect

import pytest
import weasyprint
from weasyprint.layout import inline
from weasyprint.text import line_break

from genreport.pdf.weasy import cjk_justify

# 27 characters then 七”。: no line may start with ” or 。, so 七”。 moves down whole and the first
# line holds 27 characters, one short of the 28-character measure unless it is justified.
TEXT = (
    "一二三四五六七八九十一二三四五六七八九十一二三四五六七"
    + "七”。"
    + "九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八"
)
CSS = "@page { size: 448pt 400pt; margin: 0; } body { margin: 0; } p { margin: 0; font: 16pt 'Noto Serif CJK SC'; text-align: justify; width: 448pt; }"


def line_ends(html: str) -> list[float]:
    """Right end of each line's last glyph, from the laid-out boxes."""
    document = weasyprint.HTML(string=html).render(stylesheets=[weasyprint.CSS(string=CSS)])
    ends = []

    def text_ends(box: object) -> list[float]:
        if type(box).__name__ == "TextBox":
            # the letter-spacing Pango adds after a justified line's last character hangs past the
            # margin, invisible: the glyph itself ends one justification step earlier
            hang = box.justification_spacing if " " not in box.text else 0  # type: ignore[attr-defined]
            return [box.position_x + box.width - hang]  # type: ignore[attr-defined]
        return [end for child in getattr(box, "children", []) for end in text_ends(child)]

    def walk(box: object) -> None:
        if type(box).__name__ == "LineBox":  # a line box is as wide as its block: measure its text
            ends.append(max(text_ends(box)))
            return
        for child in getattr(box, "children", []):
            walk(child)

    walk(document.pages[0]._page_box)
    return ends


def test_weasyprint_is_the_version_the_patch_was_written_for():
    assert weasyprint.__version__.startswith(cjk_justify.TESTED_WEASYPRINT), (
        f"WeasyPrint {weasyprint.__version__}: re-check pdf/weasy/cjk_justify.py against its inline.justify_line and "
        "line_break.Layout.set_text, then update TESTED_WEASYPRINT and the pin in pyproject.toml"
    )


def test_the_private_functions_it_patches_are_still_there():
    cjk_justify.check_internals()


def test_a_changed_signature_is_caught(monkeypatch):
    monkeypatch.setattr(line_break, "create_layout", lambda text, style, context, max_width: None)
    with pytest.raises(cjk_justify.JustifyPatchError, match="create_layout"):
        cjk_justify.check_internals()


def test_a_removed_function_is_caught(monkeypatch):
    monkeypatch.delattr(inline, "count_expandable_spaces")
    with pytest.raises(cjk_justify.JustifyPatchError, match="count_expandable_spaces"):
        cjk_justify.check_internals()


def test_install_patches_once():
    cjk_justify.install()
    patched = inline.justify_line
    cjk_justify.install()
    assert inline.justify_line is patched
    assert list(inspect.signature(patched).parameters) == ["context", "line", "extra_width"]


def test_a_line_that_cannot_take_the_next_run_is_spread_to_the_margin():
    cjk_justify.install()
    ends = line_ends(f"<html lang='zh-CN'><p>{TEXT}</p></html>")
    assert len(ends) == 3
    assert all(abs(end - 448 * 4 / 3) < 0.5 for end in ends[:-1]), ends  # CSS px: 448 pt
    assert ends[-1] < 448 * 4 / 3 - 16  # the last line of a paragraph stays short


def test_lines_with_spaces_keep_weasyprints_word_spacing():
    cjk_justify.install()
    ends = line_ends("<html lang='en'><p>" + "word " * 60 + "</p></html>")
    assert all(abs(end - 448 * 4 / 3) < 0.5 for end in ends[:-1])


def test_without_the_patch_the_same_line_stays_short(monkeypatch):
    """The text above really is the case the patch exists for: WeasyPrint alone leaves it ragged."""
    cjk_justify.install()
    monkeypatch.setattr(inline, "justify_line", cjk_justify._ORIGINALS["justify_line"])
    monkeypatch.setattr(line_break.Layout, "set_text", cjk_justify._ORIGINALS["set_text"])
    ends = line_ends(f"<html lang='zh-CN'><p>{TEXT}</p></html>")
    assert ends[0] < 448 * 4 / 3 - 16  # at least one character short
