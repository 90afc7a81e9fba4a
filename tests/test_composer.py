"""pdf/compose/: the composer's line decisions on tiny paragraphs, one rule each, and in one real layout.

A body line holds 28 cells, the first 26 (two cells of indent). Each case puts the mark under
test where first-fit would break at it, and asserts where the composer breaks instead.
"""

from __future__ import annotations

import re

import pytest
from render_helpers import document

from genreport.fonts.roles import font_setup
from genreport.pdf.compose.breaks import opportunities
from genreport.pdf.compose.document import INDENT, LETTER_SPACING, MEASURE, compose_document
from genreport.pdf.compose.paragraph import Measure, compose
from genreport.pdf.compose.widths import Advances
from genreport.resources import styles_dir
from genreport.verify.measure import read_pdf

FILL = "推进法治政府建设坚持依法行政完善制度体系规范执法行为强化监督制约提升服务水平"


@pytest.fixture(scope="module")
def advances() -> Advances:
    """The 仿宋 role's advances at 16 pt with the body's letter-spacing."""
    faces = font_setup(styles_dir() / "gbt9704.css", None).role("fangsong").faces
    return Advances(faces, 16.0, LETTER_SPACING)


def lines_of(text: str, advances: Advances) -> list[str]:
    widths = [advances.of(char) for char in text]
    assert None not in widths
    measure = Measure(text, widths, opportunities(text), MEASURE, INDENT, 16.0)  # type: ignore[arg-type]
    decided = compose(measure)
    starts = (0, *decided.breaks[:-1])
    return [text[a:b] for a, b in zip(starts, decided.breaks, strict=True)]


def fill(n: int, offset: int = 0) -> str:
    return "".join(FILL[(offset + i) % len(FILL)] for i in range(n))


@pytest.mark.parametrize("mark", list("、。，；：？！）」』》〉】〕”"))
def test_a_closing_mark_never_starts_a_line(mark, advances):
    text = fill(26) + mark + fill(40, 3) + "。"
    lines = lines_of(text, advances)
    assert not any(line[0] == mark for line in lines[1:]), lines
    assert lines[0].endswith(fill(26)[-1] + mark) or lines[1].startswith(fill(26)[-1] + mark), lines


@pytest.mark.parametrize("mark", list("（「『《〈【〔“"))
def test_an_opening_mark_never_ends_a_line(mark, advances):
    text = fill(25) + mark + fill(40, 5) + "。"
    lines = lines_of(text, advances)
    assert not any(line.endswith(mark) for line in lines[:-1]), lines


@pytest.mark.parametrize("group", ["——", "……", "46.55%", "2021", "7×24", "A+B", "genreport"])
def test_a_group_is_never_split(group, advances):
    for at in range(22, 27):  # the group straddles the first line's end wherever it falls
        text = fill(at) + group + fill(40, 7) + "。"
        lines = lines_of(text, advances)
        assert any(group in line for line in lines), (at, lines)


def test_a_break_is_allowed_after_a_range_dash_and_around_quotes(advances):
    """Opportunities pdf/cjk_breaks.py adds as zero-width spaces (CLREQ allows them, UAX #14 does not)."""
    allowed = opportunities("法“治”法2021—\u200b2025")
    assert allowed[1] is False  # no break before “ without the zero-width space
    assert opportunities("法\u200b“治")[2] is True


def test_no_mid_line_mark_is_squeezed_and_pairs_stay_full_width(advances):
    """The policy: mid-line nothing is compressed, adjacent pairs (。” ，“) included."""
    text = fill(10) + "。”" + fill(10, 2) + "，“" + fill(60, 4) + "”。"
    widths = [advances.of(c) for c in text]
    measure = Measure(text, widths, opportunities(text), MEASURE, INDENT, 16.0)  # type: ignore[arg-type]
    decided = compose(measure)
    line_ends = {end - 1 for end in decided.breaks}
    assert decided.squeezed <= line_ends  # only ever at a line end


def test_a_line_end_squeeze_only_where_nothing_else_fits(advances):
    """22 hanzi, a seven-digit number (3.5 cells) and a comma make 26.5 cells on a 26-cell first line:
    the comma loses its blank half at the line end. Pushing the number down instead would leave the
    line four cells short, letter-spaced; with a half cell to spare, nothing is squeezed."""
    text = fill(22) + "1234567，" + fill(40, 3) + "。"
    widths = [advances.of(c) for c in text]
    measure = Measure(text, widths, opportunities(text), MEASURE, INDENT, 16.0)  # type: ignore[arg-type]
    decided = compose(measure)
    comma = text.index("，")
    assert decided.breaks[0] == comma + 1 and decided.squeezed == {comma}
    roomy = fill(21) + "1234567，" + fill(40, 3) + "。"  # 25.5 cells: fits as it is
    widths = [advances.of(c) for c in roomy]
    assert not compose(Measure(roomy, widths, opportunities(roomy), MEASURE, INDENT, 16.0)).squeezed  # type: ignore[arg-type]


def test_a_lone_last_hanzi_gets_company(advances):
    text = fill(26) + fill(28, 2) + "强。"  # first-fit: 26 | 28 | 强。
    lines = lines_of(text, advances)
    assert len(re.findall(r"[\u4e00-\u9fff]", lines[-1])) >= 2, lines


def test_two_paragraphs_with_the_same_text_get_their_own_decisions(advances):
    """The squeeze and the glue are found by paragraph number and offset, never by text: the same
    words in two paragraphs, one with a longer lead in front, are decided apart."""
    same = fill(20) + "“7×24小时”" + fill(40, 9) + "。"
    html = (
        '<html><body><div class="preamble"><p>' + same + "</p></div>"
        '<div class="preamble"><p>' + fill(3, 11) + same + "</p></div></body></html>"
    )
    faces = font_setup(styles_dir() / "gbt9704.css", None).role("fangsong").faces
    composition = compose_document(html, {"fangsong": faces})
    first, second = composition.decisions[0], composition.decisions[1]
    assert first.breaks != second.breaks
    assert composition.lines[0] != composition.lines[1]
    out = composition.html()
    assert 'data-cp="0"' in out and 'data-cp="1"' in out


def test_the_laid_out_pdf_has_the_composers_lines(tmp_path):
    """One real layout: every paragraph of a report made of the cases above is set by WeasyPrint
    exactly as the composer decided, and no line of it starts with a closing mark."""
    points = [
        fill(24) + "“7×24小时”不打烊，" + fill(30, 4) + "。",
        fill(26) + "，" + fill(27, 2) + "强。",
        fill(24)
        + fill(28, 2)
        + "强。",  # with its 三是, first-fit leaves 强。 alone: the composer pushes one down (glue)
        fill(23) + "——" + fill(31, 6) + "……" + fill(5) + "。",
        fill(22) + "46.55%" + fill(33, 8) + "。",
    ]
    data_file = tmp_path / "tiny.yaml"
    quoted = "\n".join(f"          - text: '{point}'" for point in points)
    data_file.write_text(
        "kind: rule-of-law-government\nlocale: zh-CN\nyear: 2023\nissuer:\n  name: 左云县人民政府\n  level: county\n"
        "sections:\n  measures:\n    subsections:\n      - heading: 持续深化改革\n        points:\n" + quoted + "\n",
        encoding="utf-8",
    )
    doc = document(data_file, draft=True)
    from genreport.pdf.layout import lay_out_measured
    from genreport.pdf.prepare import PdfSettings, prepare

    job = prepare(doc, PdfSettings(place_body=False)).job  # WeasyPrint lays the decisions out: do its lines agree?
    data, _, agreement = lay_out_measured(job)
    assert agreement is not None and agreement.composed >= len(points)
    assert agreement.differing == frozenset() and not agreement.fallback
    assert job.composition is not None and job.composition.pushes >= 1
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    body = [line.text for page in read_pdf(path).pages for line in page.text_lines if line.size == 16.0]
    assert len(body) > 8
    assert not any(line[0] in "，。、；：？！”）" for line in body), body


def test_a_layout_that_differs_falls_back_to_weasyprints_own_lines(tmp_path):
    """A stylesheet the composer does not read (letter-spacing 0: 27 cells a line, not 28) makes
    every paragraph differ: the second layout drops the decisions instead of pinning lines that
    no longer fit, so no line runs past the text block."""
    from genreport.pdf.layout import lay_out_measured
    from genreport.pdf.prepare import PdfSettings, prepare

    data_file = tmp_path / "tiny.yaml"
    data_file.write_text(
        "kind: rule-of-law-government\nlocale: zh-CN\nyear: 2023\nissuer:\n  name: 左云县人民政府\n  level: county\n"
        f"preamble: '{fill(100)}。'\n",
        encoding="utf-8",
    )
    doc = document(data_file, draft=True)
    job = prepare(doc, PdfSettings(extra_css="body { letter-spacing: 0; }")).job
    data, _, agreement = lay_out_measured(job)
    assert agreement is not None and agreement.fallback and agreement.differing
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    right_edge = max(g.x1 for page in read_pdf(path).pages for line in page.text_lines for g in line.glyphs)
    assert right_edge <= (28 + 156) * 72 / 25.4 + 1  # inside the text block


def test_latin_abbreviations_and_full_width_digits_break_as_pango_breaks_them():
    """UAX #14's LB29 (no break between “.” and a letter: e.g.) and Pango's full-width digits,
    which break like hanzi: both once made the composer's lines differ from the layout's."""
    text = "省e.g.台１２３"
    allowed = opportunities(text)
    assert allowed[text.index("g")] is False
    assert allowed[text.index("２")] is True


@pytest.mark.parametrize("placed", [True, False], ids=["placed", "weasyprint"])
def test_a_mark_squeezed_at_a_line_end_stays_inside_the_text_block(tmp_path, placed):
    """The squeezed comma's blank half may stand past the text block (its box is still a full em),
    its ink does not: verify-layout's outside-text-block check passes, and the comma ends the line
    (body pages placed by pdf/direct/, and laid out by WeasyPrint)."""
    from genreport.pdf.layout import lay_out_measured
    from genreport.pdf.prepare import PdfSettings, prepare
    from genreport.verify.layout import FAIL, verify

    data_file = tmp_path / "tiny.yaml"
    text = fill(22) + "1234567，" + fill(40, 3) + "。"
    data_file.write_text(
        "kind: rule-of-law-government\nlocale: zh-CN\nyear: 2023\nissuer:\n  name: 左云县人民政府\n  level: county\n"
        f"preamble: '{text}'\n",
        encoding="utf-8",
    )
    job = prepare(document(data_file, draft=True), PdfSettings(place_body=placed)).job
    assert job.composition is not None and job.composition.squeezes == 1
    data, _, agreement = lay_out_measured(job)
    assert agreement is not None and not agreement.differing
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    lines = [line.text for page in read_pdf(path).pages for line in page.text_lines if line.size == 16.0]
    assert any(line.endswith("1234567，") for line in lines), lines
    failed = [r.check for r in verify(path).results if r.status == FAIL]
    assert not any("outside the text block" in check for check in failed), failed
