"""The .docx read back (python-docx, its XML): page set-up and grid, named styles with the official
fonts, odd/even footers with PAGE fields, the 版记 section, signature layouts, Markdown mapping,
safety (nothing nh3 drops, link schemes), properties and byte-identical rebuilds.
No LibreOffice here: tests/test_docx_libreoffice.py lays the files out."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import lxml.html
import pytest
from conftest import EXAMPLES
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx_helpers import docx_paragraph_texts, example_docx, squash
from hypothesis import HealthCheck, given, settings
from ruamel.yaml import YAML
from test_property_render import REPORT
from typer.testing import CliRunner

from genreport.checks import check_file
from genreport.cli import app
from genreport.docx import render_docx
from genreport.docx.page import CELL, CHAR_SPACE, PITCH
from genreport.render.document import Document
from genreport.render.html import render_html
from genreport.render.markdown import to_html

ZUOYUN = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
TWIPS_PER_MM = 1440 / 25.4


def render(path: Path, draft: bool = False, **replace: object) -> docx.document.Document:
    result = check_file(path)
    assert result.report is not None and result.kind is not None
    report = result.report.model_copy(update=replace) if replace else result.report
    return docx.Document(io.BytesIO(render_docx(Document(report, result.kind, draft=draft))))


def w(node, name: str) -> str | None:
    return node.get(qn(f"w:{name}"))


def paragraphs(document, style: str) -> list:
    return [p for p in document.paragraphs if p.style is not None and p.style.style_id == style]


@pytest.fixture(scope="module")
def zuoyun():
    """examples/zuoyun-2023.zh-CN.yaml as a python-docx Document."""
    return render(ZUOYUN)


def test_page_is_a4_with_the_gbt9704_text_block_and_grid(zuoyun):
    sect = zuoyun.element.body.findall(f".//{qn('w:sectPr')}")[0]
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert (int(w(size, "w")), int(w(size, "h"))) == (11906, 16838)  # 210 x 297 mm
    width = 11906 - int(w(margins, "left")) - int(w(margins, "right"))
    height = 16838 - int(w(margins, "top")) - int(w(margins, "bottom"))
    assert abs(width / TWIPS_PER_MM - 156) < 0.05 and abs(int(w(margins, "left")) / TWIPS_PER_MM - 28) < 0.05
    assert height == 22 * PITCH and abs(height / TWIPS_PER_MM - 225) < 0.1  # 22 lines of 29 pt
    grid = sect.find(qn("w:docGrid"))
    assert (w(grid, "type"), w(grid, "linePitch"), w(grid, "charSpace")) == ("linesAndChars", "580", str(CHAR_SPACE))
    pitch = 16 + CHAR_SPACE / 4096  # on Normal's 16 pt
    assert abs(pitch - 156 * 72 / 25.4 / 28) < 0.01  # 15.79 pt a character
    assert int(width / 20 / pitch) == 28 and int(height / PITCH) == 22  # what Word's 文档网格 shows: 28 x 22


def test_styles_name_the_official_fonts_with_windows_alternatives(zuoyun):
    fonts = {}
    for style in zuoyun.styles.element.findall(qn("w:style")):
        r = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        fonts[style.find(qn("w:name")).get(qn("w:val"))] = r.get(qn("w:eastAsia")) if r is not None else None
    assert fonts["Normal"] == "仿宋_GB2312" and fonts["公文标题"] == "方正小标宋简体"
    assert fonts["一级标题"] == "黑体" and fonts["二级标题"] == "楷体_GB2312" and fonts["页码"] == "宋体"
    for name in ("主送机关", "署名", "成文日期", "附注", "附件说明", "版记", "三级标题", "四级标题"):
        assert name in fonts
    table = zuoyun.part.package.part_related_by  # noqa: B018 (python-docx API present)
    blob = next(r.target_part.blob for r in zuoyun.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = docx.oxml.parse_xml(blob)
    alt = {f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val")) for f in root.findall(qn("w:font"))}
    assert alt == {
        "仿宋_GB2312": "仿宋",
        "方正小标宋简体": "华文中宋",
        "黑体": "SimHei",
        "楷体_GB2312": "楷体",
        "宋体": "SimSun",
    }
    assert table is not None


def test_body_lines_are_exact_29_pt_and_indented_two_characters(zuoyun):
    normal = zuoyun.styles["Normal"].element.find(qn("w:pPr"))
    spacing, ind = normal.find(qn("w:spacing")), normal.find(qn("w:ind"))
    assert (w(spacing, "line"), w(spacing, "lineRule")) == ("580", "exact")
    assert int(w(ind, "firstLine")) == round(2 * CELL) and w(ind, "firstLineChars") == "200"
    assert w(normal.find(qn("w:widowControl")), "val") == "0"  # pages filled to the 22nd line


def test_footers_odd_right_even_left_with_page_fields(zuoyun):
    assert zuoyun.settings.odd_and_even_pages_header_footer
    first = zuoyun.sections[0]
    odd, even = first.footer.paragraphs[0], first.even_page_footer.paragraphs[0]
    for p, jc, side in ((odd, "right", "right"), (even, "left", "left")):
        ppr = p._p.pPr
        assert w(ppr.find(qn("w:jc")), "val") == jc and w(ppr.find(qn("w:ind")), side) == "280"  # one 14 pt char in
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert p.text.startswith("— ") and p.text.endswith(" —")
    assert zuoyun.styles["页码"].font.size.pt == 14


def test_imprint_section_starts_on_an_even_page_without_numbers(zuoyun):
    last = zuoyun.sections[-1]
    assert len(zuoyun.sections) == 2 and last.start_type == docx.enum.section.WD_SECTION.EVEN_PAGE
    assert not last.footer.is_linked_to_previous and last.footer.paragraphs[0].text == ""
    assert not last.even_page_footer.is_linked_to_previous and last.even_page_footer.paragraphs[0].text == ""
    table = zuoyun.tables[-1]
    assert [c.text for r in table.rows for c in r.cells][0].startswith("抄送：")
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert [w(borders.find(qn(f"w:{b}")), "sz") for b in ("top", "insideH", "bottom")] == [
        "8",
        "6",
        "8",
    ]  # 1 / 0.75 / 1 pt
    assert int(w(table._tbl.tblPr.find(qn("w:tblW")), "w")) == 11906 - 1587 - 1475  # the text block's width


def test_no_imprint_no_second_section(tmp_path):
    assert len(render(ZUOYUN, distribution=None).sections) == 1


def test_title_in_balanced_lines_and_headings_numbered(zuoyun):
    title = paragraphs(zuoyun, "DocTitle")[0]
    assert title.text == "左云县人民政府\n2023年法治政府建设年度报告"
    heads = [p.text for p in paragraphs(zuoyun, "Heading1")]
    assert heads[0] == "一、上一年度推进法治政府建设的主要举措和成效" and heads[-1].startswith("五、")
    assert paragraphs(zuoyun, "Heading2")[0].text.startswith("（一）")
    points = [p.text for p in zuoyun.paragraphs if p.text.startswith(("一是", "二是"))]
    assert len(points) > 4
    assert paragraphs(zuoyun, "Recipient")[0].text == "大同市人民政府："


def _indent(p) -> int:
    return int(w(p._p.pPr.find(qn("w:ind")), "left"))


def test_unsealed_signature_two_in_and_date_two_right_of_the_issuer():
    document = render(ZUOYUN)
    signer, date = paragraphs(document, "Signer")[0], paragraphs(document, "SignDate")[0]
    assert (signer.text, date.text) == ("左云县人民政府", "2024年1月16日")
    width = 11906 - 1587 - 1475
    # the date (6.5 characters) is the longer once shifted: it ends 2 in, the issuer starts 2 left of it
    assert abs((width - _indent(date)) / CELL - (6.5 + 2)) < 0.01
    assert abs((_indent(date) - _indent(signer)) / CELL - 2) < 0.01
    long_name = render(ZUOYUN, signed_by="左云县人民政府办公室法制科")  # 13 characters: the longer one
    signer, date = paragraphs(long_name, "Signer")[0], paragraphs(long_name, "SignDate")[0]
    assert abs((width - _indent(signer)) / CELL - (13 + 2)) < 0.01  # the issuer ends 2 in
    assert abs((_indent(date) - _indent(signer)) / CELL - 2) < 0.01


def test_sealed_signature_date_four_in_issuer_centred_on_it():
    document = render(EXAMPLES / "joint-2023.zh-CN.yaml")
    signers, date = paragraphs(document, "Signer"), paragraphs(document, "SignDate")[0]
    assert len(signers) == 2
    box = date._p.pPr.find(qn("w:ind"))
    left, right = int(w(box, "left")), int(w(box, "right"))
    width = 11906 - 1587 - 1475
    centre = (left + width - right) / 2
    assert abs((width - centre) / CELL - (4 + 6.5 / 2)) < 0.01  # the date's centre: 4 in + half its width
    assert all(
        w(s._p.pPr.find(qn("w:jc")), "val") == "center" and s._p.pPr.find(qn("w:ind")).attrib == box.attrib
        for s in signers
    )
    assert int(w(signers[0]._p.pPr.find(qn("w:spacing")), "before")) == 2 * PITCH  # two blank lines for the seal


@pytest.mark.parametrize("name", ["zuoyun-2023.zh-CN", "zuoyun-2023.en"])
def test_a_heading_keeps_two_lines_of_its_text_and_every_other_page_fills_to_the_last_line(name: str) -> None:
    """gbt9704.css's orphans 2 under a heading only: the headings keep with the next paragraph, that
    paragraph has widow/orphan control on, and the body style has it off (zh-CN: 22 lines a page)."""
    document = render(EXAMPLES / f"{name}.yaml")
    body = document.paragraphs
    headings = {"Heading1", "Heading2"}
    controlled = [p for p in body if p._p.pPr.find(qn("w:widowControl")) is not None]
    under = [
        b
        for a, b in zip(body, body[1:], strict=False)
        if a.style.style_id in headings and b.style.style_id not in headings
    ]
    assert len(under) >= 5 and controlled == under
    assert all(w(p._p.pPr.find(qn("w:widowControl")), "val") == "1" for p in under)
    for style in headings:
        assert document.styles.get_by_id(style, WD_STYLE_TYPE.PARAGRAPH).paragraph_format.keep_with_next
    # zh-CN fills every page to its 22nd line (§5.2.2); en keeps a4.css's orphans 2, widows 2 everywhere
    assert document.styles["Normal"].paragraph_format.widow_control is name.endswith(".en")


@pytest.mark.parametrize("name", ["zuoyun-2023.zh-CN", "zuoyun-2023.en", "guizhou-2023.zh-CN"])
@pytest.mark.parametrize("lone", [False, True], ids=["", "a-lone-point"])
def test_points_read_as_in_the_html(name: str, lone: bool, tmp_path: Path) -> None:
    """Each 一是 / "First," point paragraph has the HTML's text (render/points.py: no ordinal for a lone
    point, en "First, we ..." lower-cased after it); an en lead is bold through the 加粗/Strong style."""
    path = EXAMPLES / f"{name}.yaml"
    if lone:  # the first subsection with points keeps only its first: no 一是 / "First," then
        yaml = YAML()
        data = yaml.load(path.read_text(encoding="utf-8"))
        subsection = next(s for p in data["sections"].values() for s in p.get("subsections", []) if s.get("points"))
        del subsection["points"][1:]
        path = tmp_path / path.name
        with path.open("w", encoding="utf-8") as f:
            yaml.dump(data, f)
    result = check_file(path)
    doc = Document(result.report, result.kind)
    html = lxml.html.document_fromstring(render_html(doc))
    points = [squash(p.text_content()) for p in html.find_class("point")]
    document = render(path)
    texts = {squash(p.text) for p in document.paragraphs if p.style.style_id == "Normal"}
    assert len(points) >= 5 and [p for p in points if p not in texts] == []
    if lone:
        assert any(not p.find_class("num") for p in html.find_class("point"))
    leads = [r for p in document.paragraphs for r in p.runs if r.style is not None and r.style.style_id == "Strong"]
    with_lead = [p for p in html.find_class("point") if p.find_class("point-lead")]
    none = [p for p in document.paragraphs if p.text == doc.none_sentence]
    assert bool(none) is name.startswith("zuoyun")  # 五、其他需要报告的情况：无
    italic = [r.style is not None and r.style.style_id == "Emphasis" for p in none for r in p.runs]
    assert italic == [name.endswith(".en")] * len(italic)  # a4.css: .none-statement italic
    if name.endswith(".en"):
        assert [r.text for r in leads] == [p.find_class("point-lead")[0].text_content() for p in with_lead]
        assert lone or any(r.text.startswith("we ") for r in leads)  # "First, we planned ..."
    else:
        assert with_lead and not leads  # 一是 + the lead in the body face (gbt9704.css: not bold)


def test_attachments_note_and_attachments_on_new_pages_indicators_as_a_table(zuoyun):
    # the render Document's attachments (as in the HTML and PDF): the indicators are 附件1
    listed = Document(check_file(ZUOYUN).report, check_file(ZUOYUN).kind).attachments
    assert [a.kind for a in listed] == ["indicators", "text"]
    note = paragraphs(zuoyun, "AttachmentsNote")  # one paragraph an item, the number and a tab before the title
    assert [p.text for p in note] == [f"{'附件：' * (a.number == 1)}{a.number}.\t{a.title}" for a in listed]
    assert note[0].text.startswith("附件：1.\t2023年度主要指标完成情况")
    # a title's further lines under its first character: 6.5 characters in, the number hangs 1.5 (gbt9704.css)
    for p in note:
        indent = p._p.pPr.find(qn("w:ind"))
        tab = p._p.pPr.find(f"{qn('w:tabs')}/{qn('w:tab')}[@{qn('w:pos')}='{w(indent, 'left')}']")
        assert abs(int(w(indent, "left")) - 6.5 * CELL) <= 1 and tab is not None
        assert abs(int(w(indent, "left")) - int(w(indent, "hanging")) - (2 if p is note[0] else 5) * CELL) <= 1
    labels = [p.text for p in paragraphs(zuoyun, "AttachmentLabel")]
    assert labels == [a.label for a in listed] == ["附件1", "附件2"]
    titles = ["".join(p.text.split()) for p in paragraphs(zuoyun, "AttachmentTitle")]
    assert titles == ["".join(a.title.split()) for a in listed]
    assert zuoyun.styles["附件标识"].paragraph_format.page_break_before
    indicators = zuoyun.tables[0]
    assert [c.text for c in indicators.rows[0].cells] == ["指标", "2023年", "2022年", "变化"]
    assert len(indicators.rows) == 1 + len(check_file(ZUOYUN).report.indicators)
    assert indicators.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_draft_mark_in_every_header():
    document = render(EXAMPLES / "draft-incomplete.zh-CN.yaml", draft=True)
    for section in document.sections:
        for header in (section.header, section.even_page_header):
            assert not header.is_linked_to_previous and header.paragraphs[0].text == "征求意见稿"
    missing = paragraphs(document, "Missing")
    assert missing and missing[0].text.startswith("【待填写】")
    assert not render(ZUOYUN).sections[0].header.paragraphs or render(ZUOYUN).sections[0].header.is_linked_to_previous


def test_properties_title_author_language_and_fixed_dates(zuoyun):
    props = zuoyun.core_properties
    assert props.title == "左云县人民政府2023年法治政府建设年度报告"
    assert props.author == "左云县人民政府" and props.language == "zh-CN"
    assert props.created.date().isoformat() == "2024-01-16" == props.modified.date().isoformat()
    compat = zuoyun.settings.element.find(
        f"{qn('w:compat')}/{qn('w:compatSetting')}[@{qn('w:name')}='compatibilityMode']"
    )
    assert w(compat, "val") == "15"  # Word 2013+: not opened in compatibility mode
    app = next(
        r.target_part.blob for r in zuoyun.part.package.rels.values() if r.reltype.endswith("/extended-properties")
    )
    assert b"<Application>genreport</Application>" in app
    joint = render(EXAMPLES / "joint-2023.zh-CN.yaml").core_properties
    assert joint.author == "、".join(i.name for i in check_file(EXAMPLES / "joint-2023.zh-CN.yaml").report.issuers)


def test_rebuild_is_byte_identical():
    first = example_docx("zuoyun-2023.zh-CN").read_bytes()
    result = check_file(ZUOYUN)
    again = render_docx(Document(result.report, result.kind))
    assert first == again
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(again)).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "docProps/thumbnail.jpeg" not in zipfile.ZipFile(io.BytesIO(again)).namelist()


def test_en_is_clean_a4_without_the_grid():
    document = render(EXAMPLES / "zuoyun-2023.en.yaml")
    sect = document.element.body.findall(f".//{qn('w:sectPr')}")[0]
    assert w(sect.find(qn("w:docGrid")), "type") is None
    assert document.core_properties.language == "en"
    assert document.sections[0].footer.paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert document.styles["Normal"].font.name == "Noto Serif"


MARKDOWN = """开头**加粗**和*强调*，[网站](https://example.gov.cn)、[坏](javascript:alert(1))、<script>alert(2)</script>。

1. 第一项
2. 第二项

- 甲
- 乙

| 指标 | 数值 |
|---|--:|
| 案件 | 3件 |

![图](https://example.com/x.png) 结束\x0c。
"""


def test_markdown_maps_to_runs_lists_tables_and_drops_what_nh3_drops():
    document = render(ZUOYUN, preamble=MARKDOWN)
    body = document.element.body
    first = next(p for p in document.paragraphs if p.text.startswith("开头"))
    runs = {r.text: r for r in first.runs}
    assert runs["加粗"].bold and runs["强调"].style.name == "强调"
    links = first._p.findall(qn("w:hyperlink"))
    assert len(links) == 1 and document.part.rels[links[0].get(qn("r:id"))].target_ref == "https://example.gov.cn"
    assert "坏" in first.text and "javascript" not in document.part.blob.decode() + str(document.part.rels)
    # the .docx says what the sanitised HTML says (raw HTML is text there too), and no more
    html = lxml.html.fragment_fromstring(str(to_html(MARKDOWN)), create_parent="div").text_content()
    texts = [p.text for p in document.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.startswith("开头"))
    end = next(i for i, t in enumerate(texts) if t.endswith("结束。"))
    cells = "".join(c.text for r in table_of(document).rows for c in r.cells)
    docx_text = "".join(texts[start : end + 1])
    assert squash(docx_text) == squash(html).replace(squash(cells), "")
    assert "x.png" not in docx_text and "图" not in docx_text  # the image nh3 drops
    items = [p for p in document.paragraphs if p.text in ("第一项", "第二项", "甲", "乙")]
    assert len(items) == 4 and all(p._p.pPr.numPr is not None for p in items)
    numbering = document.part.numbering_part.element
    formats = {w(a.find(qn("w:lvl")).find(qn("w:numFmt")), "val") for a in numbering.findall(qn("w:abstractNum"))}
    assert formats == {"decimal", "bullet"}
    table = table_of(document)
    assert [c.text for c in table.rows[1].cells] == ["案件", "3件"]
    assert w(table.rows[1].cells[1].paragraphs[0]._p.pPr.find(qn("w:jc")), "val") == "right"
    assert any(p.text.strip() == "结束。" for p in document.paragraphs)  # the form feed is dropped, not fatal
    assert body is not None


def table_of(document):
    return next(t for t in document.tables if t.rows[0].cells[0].text == "指标" and len(t.columns) == 2)


def test_only_http_https_mailto_links_reach_the_docx():
    document = render(
        ZUOYUN, preamble="[a](mailto:x@example.gov.cn) [b](ftp://x) [c](data:text/html,x) [d](http://e.cn)"
    )
    targets = sorted(r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink"))
    assert targets == ["http://e.cn", "mailto:x@example.gov.cn"]


def test_build_cli_writes_the_docx_only_when_asked(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(ZUOYUN), "-f", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zuoyun-2023.zh-CN.docx"]
    assert docx_paragraph_texts(tmp_path / "zuoyun-2023.zh-CN.docx")[1].startswith("左云县人民政府")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=REPORT)
def test_any_valid_report_renders_to_a_readable_docx(tmp_path, data):
    """Random reports from the contract (Markdown punctuation, <>&, emoji, U+3000): a .docx Word can
    open (python-docx reads it back) with every part's heading, in the kind's order."""
    path = tmp_path / "random.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = check_file(path)
    assert result.report is not None
    doc = Document(result.report, result.kind, draft=True)
    document = docx.Document(io.BytesIO(render_docx(doc)))
    headings = [p.text for p in document.paragraphs if p.style.style_id == "Heading1"]
    assert headings == [p.heading for p in doc.parts] or all(
        h.strip().endswith(p.heading.strip()) for h, p in zip(headings, doc.parts, strict=True)
    )


@pytest.mark.parametrize(
    "preamble", ["| a | b |\n|---|---|\n| 1 | 2 |", "- 甲\n- 乙", "> 引文", "    代码", "#### 小标题"]
)
def test_preamble_starting_with_any_block_keeps_the_blank_line_under_the_title(preamble):
    document = render(ZUOYUN, preamble=preamble, recipient=None, document_number=None)
    body = list(document.element.body.iterchildren())
    styles = [e.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") for e in body]
    title = next(i for i, st in enumerate(styles) if st is not None and w(st, "val") == "DocTitle")
    after = body[title + 1]
    spacing = after.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    gap = int(w(spacing, "before") or 0) + (int(w(spacing, "line")) if w(spacing, "before") is None else 0)
    assert gap == PITCH - 105  # one grid line, less what the title was lowered by


def test_list_items_keep_all_their_inline_content():
    document = render(ZUOYUN, preamble="1. 甲**乙**丙*丁*戊`己`庚\n2. 辛\n    - 壬\n    - 癸")
    texts = [p.text for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert texts == ["甲乙丙丁戊己庚", "辛", "壬", "癸"]
    levels = [
        int(w(p._p.pPr.numPr.find(qn("w:ilvl")), "val")) for p in document.paragraphs if p._p.pPr.numPr is not None
    ]
    assert levels == [0, 0, 1, 1]
