"""The zh-CN body pages placed on the grid (pdf/direct/) against the same report laid out by WeasyPrint alone.

Each report is built both ways (PdfSettings.place_body) and read back: the pages and their
text, every composed paragraph's lines, where each character sits, the outline, the structure
tree's elements, /Lang, the fonts (each face embedded once), byte-identical rebuilds, and
verify-layout (0 deviations). A made-up report (its own paragraphs, a long heading, several
attachments, a sealed signature, the 版记) is judged beside the examples.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from pdf_helpers import EXAMPLES, FINAL_ZH, outline_titles
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from genreport.checks import check_file
from genreport.pdf.direct import blocks
from genreport.pdf.layout import lay_out
from genreport.pdf.prepare import PdfSettings, prepare
from genreport.render.document import Document
from genreport.verify.layout import verify

pytestmark = pytest.mark.slow

MADE_UP = """\
kind: rule-of-law-government
locale: zh-CN
year: 2025
issuer:
  name: 鹊山县人民政府
recipient: 云州市人民政府
document_number: 鹊政发〔2026〕3号
signed_on: 2026-01-20
sealed: true
public_release: true
distribution:
  copies_to: [县委办公室, 县人大常委会办公室, 县政协办公室]
  printed_by: 鹊山县人民政府办公室
  printed_on: 2026-01-21
preamble: >-
  2025年，鹊山县人民政府以法治政府建设示范创建为抓手，把依法行政贯穿政府工作全过程，各项任务按期完成。现将有关情况报告如下。
sections:
  measures:
    subsections:
      - heading: 推进行政执法“三项制度”全覆盖并在全县十二个乡镇同步开展执法质量评查工作
        points:
          - lead: 规范执法程序。
            text: >-
              全年修订行政执法公示目录46项，音像记录设备配备率达到100%，重大执法决定法制审核率保持100%。
              组织执法人员参加公共法律知识培训和考试，参考率98.6%，合格率96.2%，执法证件清理注销37件。
          - lead: 强化执法监督。
            text: 开展行政执法案卷评查两轮，抽查案卷312卷，发现问题41个，已全部整改到位。
      - heading: 化解行政争议
        intro: >-
          行政复议案件受理126件，审结119件，纠错率11.8%；行政机关负责人出庭应诉率连续三年保持100%。
  leaders_duties:
    points:
      - text: 县政府常务会议专题学法9次，主要负责人带头讲法治课2次，落实述法制度。
  deficiencies:
    points:
      - text: 基层执法力量仍显薄弱，部分乡镇法制审核人员不足。
  next_year:
    points:
      - text: 2026年将围绕法治政府建设率先突破的目标，持续深化行政执法规范化建设。
  other_matters:
    none: true
attachments:
  - title: 鹊山县2025年度行政执法统计表
    body: 全年行政处罚案件1,203件，行政许可办理8,416件。
  - title: 鹊山县2025年度行政复议和应诉情况
    body: 行政复议受理126件，行政诉讼一审应诉58件。
"""


def _doc(path: Path, draft: bool = False) -> Document:
    result = check_file(path)
    assert result.report is not None and result.kind is not None, [f.message.en for f in result.findings]
    return Document(result.report, result.kind, draft=draft or bool(result.errors))


def _both(path: Path, out: Path, draft: bool = False) -> tuple[Path, Path]:
    doc = _doc(path, draft)
    made = []
    for name, placed in (("weasyprint", False), ("placed", True)):
        data, _ = lay_out(prepare(doc, PdfSettings(place_body=placed)).job)
        target = out / f"{name}.pdf"
        target.write_bytes(data)
        made.append(target)
    return made[0], made[1]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("direct")
    made_up = root / "queshan-2025.zh-CN.yaml"
    made_up.write_text(MADE_UP, encoding="utf-8")
    sources = {stem: EXAMPLES / f"{stem}.yaml" for stem in FINAL_ZH} | {"made-up": made_up}
    found = {}
    for stem, source in sources.items():
        (root / stem).mkdir()
        found[stem] = _both(source, root / stem)
    bold = root / "bold.zh-CN.yaml"  # <strong> in FandolFang, which has no bold face: drawn with its one face
    bold.write_text(MADE_UP.replace("全年修订行政执法", "**全年修订**行政执法"), encoding="utf-8")
    (root / "made-up-bold").mkdir()
    found["made-up-bold"] = _both(bold, root / "made-up-bold")
    (root / "made-up-draft").mkdir()
    found["made-up-draft"] = _both(made_up, root / "made-up-draft", draft=True)  # 征求意见稿 on every page
    return found


def _rows(path: Path) -> list[list[str]]:
    """Each page's lines of text, top to bottom (characters grouped by baseline)."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines: dict[int, list[dict]] = {}
            for char in page.chars:
                if char["text"].strip() and char["text"] != "\u200b":
                    lines.setdefault(round(char["bottom"]), []).append(char)
            pages.append(["".join(c["text"] for c in sorted(lines[y], key=lambda c: c["x0"])) for y in sorted(lines)])
    return pages


def test_the_placed_path_is_taken(reports: dict[str, tuple[Path, Path]]) -> None:
    for _stem, (_, placed) in reports.items():
        assert PdfReader(placed).pages[0].extract_text()  # and below: not the WeasyPrint bytes
    for stem, (weasy, placed) in reports.items():
        assert weasy.read_bytes() != placed.read_bytes(), stem


def test_same_pages_and_same_lines(reports: dict[str, tuple[Path, Path]]) -> None:
    """The same text on the same pages, line for line: the composer decided the lines, both ways."""
    for stem, (weasy, placed) in reports.items():
        a, b = _rows(weasy), _rows(placed)
        assert len(a) == len(b), stem
        differing = [(n + 1, x, y) for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        # WeasyPrint's table sizing wraps an attachment title in the note that fits its line
        # (Guizhou's "…完成情况" leaves "况" alone): the placed note keeps it whole. Nothing else may differ.
        for page, x, y in differing:
            assert "".join(x) == "".join(y), (stem, page)
            assert any(line.startswith("附件：") for line in y), (stem, page, x, y)


def test_composed_lines_are_the_placed_lines(reports: dict[str, tuple[Path, Path]], tmp_path: Path) -> None:
    for stem in ("zuoyun-2023.zh-CN", "made-up"):
        source = EXAMPLES / f"{stem}.yaml" if stem != "made-up" else tmp_path / "m.zh-CN.yaml"
        if stem == "made-up":
            source.write_text(MADE_UP, encoding="utf-8")
        job = prepare(_doc(source)).job
        assert job.composition is not None
        rows = [line for page in _rows(reports[stem][1]) for line in page]
        at = 0
        for number in sorted(job.composition.lines):
            lines = list(job.composition.lines[number])
            while rows[at : at + 1] != lines[:1]:
                at += 1
                assert at < len(rows), (stem, number, lines[0])
            # the paragraph's lines in order; a page number may stand between two of them
            body = [r for r in rows[at : at + len(lines) + 1] if not re.fullmatch(r"—\d+—", r)][: len(lines)]
            assert body == lines, (stem, number)


def test_characters_sit_where_weasyprint_puts_them(reports: dict[str, tuple[Path, Path]]) -> None:
    """Within half a point; WeasyPrint's own letter-spacing is truncated to whole thousandths of an em
    in the PDF, so its lines run up to 0.4 pt longer than the -0.22 pt spacing makes them."""
    for stem, (weasy, placed) in reports.items():
        with pdfplumber.open(weasy) as a, pdfplumber.open(placed) as b:
            for number, (pa, pb) in enumerate(zip(a.pages, b.pages, strict=True), 1):
                ca = sorted((c for c in pa.chars if c["text"].strip()), key=lambda c: (round(c["bottom"]), c["x0"]))
                cb = sorted((c for c in pb.chars if c["text"].strip()), key=lambda c: (round(c["bottom"]), c["x0"]))
                if [(c["text"], round(c["bottom"])) for c in ca] != [(c["text"], round(c["bottom"])) for c in cb]:
                    continue  # the note's page: test_same_pages_and_same_lines says why
                for x, y in zip(ca, cb, strict=True):
                    assert abs(x["x0"] - y["x0"]) < 0.5 and abs(x["bottom"] - y["bottom"]) < 0.05, (
                        stem,
                        number,
                        x["text"],
                    )
                    assert abs(x["size"] - y["size"]) < 0.01


def test_verify_layout_finds_no_deviation(reports: dict[str, tuple[Path, Path]]) -> None:
    for stem, (_, placed) in reports.items():
        result = verify(placed)
        assert not result.failures, (stem, [(r.check, r.detail) for r in result.failures])
        assert not result.unverified, (stem, [(r.check, r.detail) for r in result.unverified])


def test_outline_lang_and_fonts(reports: dict[str, tuple[Path, Path]]) -> None:
    for stem, (weasy, placed) in reports.items():
        assert outline_titles(placed) == outline_titles(weasy), stem
        targets = [
            (o.title, PdfReader(placed).get_destination_page_number(o)) for o in _flat(PdfReader(placed).outline)
        ]
        expected = [(o.title, PdfReader(weasy).get_destination_page_number(o)) for o in _flat(PdfReader(weasy).outline)]
        assert targets == expected, stem
        reader = PdfReader(placed)
        assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
        assert dict(reader.metadata or {}) == dict(PdfReader(weasy).metadata or {}), stem  # title, dates, sealed
        names = Counter(_font_names(reader))
        assert names and all(count == 1 for count in names.values()), (stem, names)  # each face embedded once


def test_structure_tree_has_the_same_elements(reports: dict[str, tuple[Path, Path]]) -> None:
    """The tagged elements. Spans aside (WeasyPrint tags each inline box, the placed pages each line),
    and the NonStruct WeasyPrint gives a <strong> inside a paragraph (no meaning: PDF 1.7 has no
    emphasis type; the placed pages tag the paragraph's lines only), and a chain of one element in another of its own type taken as one: WeasyPrint nests a P or Div
    once for each anonymous table box of the note and the signature (display: table in the sheet)."""
    for stem, (weasy, placed) in reports.items():
        assert _skeleton(placed) == _skeleton(weasy), stem


def test_a_draft_carries_its_mark_on_every_page(reports: dict[str, tuple[Path, Path]]) -> None:
    weasy, placed = reports["made-up-draft"]
    with pdfplumber.open(placed) as pdf:
        for page in pdf.pages:
            mark = [c for c in page.chars if c["top"] < 37 * 72 / 25.4 and c["text"].strip()]
            assert "".join(c["text"] for c in mark) == "征求意见稿"
            assert all(c["non_stroking_color"] in ((0.8, 0, 0), [0.8, 0, 0]) for c in mark), mark[0][
                "non_stroking_color"
            ]
    assert _rows(placed)[0][0] == _rows(weasy)[0][0] == "征求意见稿"


def test_rebuilds_are_byte_identical(tmp_path: Path) -> None:
    source = tmp_path / "m.zh-CN.yaml"
    source.write_text(MADE_UP, encoding="utf-8")
    doc = _doc(source)
    first, _ = lay_out(prepare(doc).job)
    second, _ = lay_out(prepare(doc).job)
    assert first == second


def test_unknown_markup_goes_to_weasyprint() -> None:
    """A body with what the placing does not set (a list, emphasis, a letterhead, a draft) is read as Unsupported."""
    page = '<html lang="zh-CN"><head><title>t</title></head><body class="report locale-zh-CN">{}</body></html>'
    for body in (
        '<section class="part"><div class="part-intro"><ul><li>x</li></ul></div></section>',
        '<section class="part"><p class="point" data-cp="0"><strong>x</strong></p></section>',
        '<header class="doc-head with-letterhead"><p class="issuer-mark">x</p></header>',
        '<section class="part"><div class="missing">【待填写】</div></section>',
    ):
        with pytest.raises(blocks.Unsupported):
            blocks.read(page.format(body))


def test_strong_is_placed_only_where_the_role_has_no_bold_face() -> None:
    page = '<html lang="zh-CN"><head><title>t</title></head><body class="report locale-zh-CN">{}</body></html>'
    body = '<section class="part"><p class="point" data-cp="0"><strong>x</strong>y</p></section>'
    assert blocks.read(page.format(body), frozenset({"fangsong"})).blocks[0].cp == 0
    with pytest.raises(blocks.Unsupported):
        blocks.read(page.format(body), frozenset({"hei"}))  # a real bold 仿宋 would look otherwise


def test_a_report_the_placing_does_not_set_is_laid_out_by_weasyprint(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "m.zh-CN.yaml"
    source.write_text(MADE_UP.replace("全年修订行政执法", "*全年修订*行政执法"), encoding="utf-8")  # <em>: 楷体
    doc = _doc(source)
    with caplog.at_level(logging.DEBUG, logger="genreport.pdf"):
        placed, _ = lay_out(prepare(doc).job)
    assert "WeasyPrint lays the report out" in caplog.text
    weasy, _ = lay_out(prepare(doc, PdfSettings(place_body=False)).job)
    assert placed == weasy


def _flat(items: list) -> list:
    out = []
    for item in items:
        out += _flat(item) if isinstance(item, list) else [item]
    return out


def _font_names(reader: PdfReader) -> list[str]:
    seen: dict[int, str] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            seen[ref.idnum] = str(ref.get_object()["/BaseFont"])
    return list(seen.values())


def _skeleton(path: Path) -> list[tuple[int, str]]:
    root = PdfReader(path).trailer["/Root"]["/StructTreeRoot"]
    out: list[tuple[int, str]] = []

    def walk(element: DictionaryObject, depth: int, in_paragraph: bool) -> None:
        kind = str(element.get("/S"))
        inline = kind == "/Span" or (kind == "/NonStruct" and in_paragraph)
        if not inline:
            out.append((depth, kind))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, DictionaryObject) and "/S" in kid:
                walk(kid, depth + (not inline), in_paragraph or kind in ("/P", "/H1", "/H2", "/H3"))

    top = root["/K"]
    walk((top[0] if isinstance(top, ArrayObject) else top).get_object(), 0, False)
    return _collapsed(out)


def _collapsed(tree: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(depth, type) with each element that is the only child of one of its own type merged into it."""
    out: list[tuple[int, str]] = []
    shift: list[tuple[int, int]] = []  # (depth from which, by how much) of the merges in force
    for index, (depth, kind) in enumerate(tree):
        while shift and depth <= shift[-1][0] - 1:
            shift.pop()
        moved = depth - sum(by for _, by in shift)
        children = [d for d, _ in _children(tree, index)]
        only = _children(tree, index)
        if len(only) == 1 and only[0][1] == kind and len(children) == 1:
            shift.append((depth + 1, 1))
            continue
        out.append((moved, kind))
    return out


def _children(tree: list[tuple[int, str]], index: int) -> list[tuple[int, str]]:
    depth = tree[index][0]
    found = []
    for d, kind in tree[index + 1 :]:
        if d <= depth:
            break
        if d == depth + 1:
            found.append((d, kind))
    return found


def test_memory_hardly_grows_with_the_pages(tmp_path: Path) -> None:
    """Pages are drawn as they are placed: a page's glyphs are made when it is drawn and its content
    compressed at once, so what the layout holds (traced by tracemalloc, in this process) grows by
    little more than the PDF's own objects. Measured after a first layout: 46 KB a page; with
    every page's glyphs kept, 132 KB; with every page's operators kept uncompressed until the file
    is written, 69 KB."""
    import sys
    import tracemalloc

    sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
    import corpus  # bench/corpus.py: the benchmark's generated report

    peaks = {}
    jobs = {
        pages: prepare(_doc(corpus.write(tmp_path / f"r{pages}.yaml", pages * 520), draft=True)).job
        for pages in (100, 400)
    }
    lay_out(jobs[100])  # what a first layout loads and keeps (fonts, faces' character sets) is not the pages'
    for pages, job in jobs.items():
        tracemalloc.start()
        try:
            _, printed = lay_out(job)
            peaks[pages] = tracemalloc.get_traced_memory()[1] / 1024
        finally:
            tracemalloc.stop()
        assert printed > pages * 0.9
    assert (peaks[400] - peaks[100]) / 300 <= 56, peaks  # KB a page
