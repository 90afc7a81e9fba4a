"""Issue 23, item 8: the .docx carries the chart the PDF shows, as pictures after the indicators table."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from PIL import Image
from test_chart_fit import report_with

from genreport.checks import check_file
from genreport.docx.write import render_docx
from genreport.render import chart as charts
from genreport.render.document import Document


def document(count: int, folder: Path) -> Document:
    path = folder / "r.yaml"
    path.write_text(report_with(count), encoding="utf-8")
    result = check_file(path)
    assert result.report is not None and result.kind is not None
    return Document(result.report, result.kind)


def test_the_chart_follows_the_indicators_table_one_picture_a_panel(tmp_path):
    doc = document(10, tmp_path)
    data = render_docx(doc)
    figure = charts.chart(doc)
    assert figure is not None and len(figure.panels) == 2
    word = docx.Document(io.BytesIO(data))
    body = list(word.element.body)
    table = next(i for i, node in enumerate(body) if node.tag == qn("w:tbl"))
    after = body[table + 1 : table + 5]
    texts = ["".join(t.text or "" for t in node.iter(qn("w:t"))) for node in after]
    pictures = [bool(list(node.iter(qn("w:drawing")))) for node in after]
    assert texts[0::2] == ["主要指标与上年比较", "主要指标与上年比较（续）"]
    assert pictures == [False, True, False, True]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        media = sorted(n for n in package.namelist() if n.startswith("word/media/"))
        assert len(media) == 2
        for name, panel in zip(media, figure.panels, strict=True):
            image = Image.open(io.BytesIO(package.read(name)))
            assert image.size == (figure.width * 3, panel.height * 3)
            # this year's bars in black, last year's in grey, as the PDF draws them
            colours = {colour for _, colour in image.getcolors(1 << 20)}
            assert 0x1A in colours and 0xA6 in colours
    # the picture is as wide as the text block, and as tall as its panel
    extent = next(word.element.body.iter(qn("wp:extent")))
    width_mm = int(extent.get("cx")) / 36000
    assert abs(width_mm - 156) < 0.5
    assert abs(int(extent.get("cy")) / 36000 - 156 * figure.panels[0].height / figure.width) < 0.5


def test_no_chart_no_picture_and_the_same_bytes_twice(tmp_path):
    one = render_docx(document(1, tmp_path))
    with zipfile.ZipFile(io.BytesIO(one)) as package:
        assert not [n for n in package.namelist() if n.startswith("word/media/")]
    doc = document(3, tmp_path)
    assert render_docx(doc) == render_docx(doc)
