"""`genreport init [--from last-year.yaml] -f docx -o form.docx`: a fill-in Word form, read back with no guess.

A script fills the form the way a clerk does in Word: types over each 【待填】 prompt (a point's
bold lead, then its text), presses Enter for one more point (a copy of the paragraph, in its style),
fills the date and the figures, adds a row to the indicators table. `import` then reads it into a
data file that checks without errors and builds; its report lists no guess.
"""

from __future__ import annotations

import copy
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES
from docx.oxml.ns import qn
from review_helpers import libreoffice_resave
from typer.testing import CliRunner

from genreport.build import build_file
from genreport.checks import check_file
from genreport.cli import app

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
SENTENCES = [
    "全年审查县政府规范性文件{n}件，对{m}件提出修改意见，全部按程序向县人大常委会备案，备案审查率达到百分之百。",
    "组织行政执法人员培训{n}期，参训{m}人次，新申领执法证件的人员全部通过法律知识考试后持证上岗。",
    "办理行政复议案件{n}件，其中纠错{m}件，复议决定全部按期送达，群众对复议工作的认可度进一步提高。",
    "开展“八五”普法宣传进乡村、进社区活动{n}场，发放宣传资料{m}份，群众法治意识明显增强。",
    "推行行政执法公示、执法全过程记录和重大执法决定法制审核制度，全年审核重大执法决定{n}件，发现问题{m}个并全部整改。",
]


def _sentence(index: int) -> str:
    return SENTENCES[index % len(SENTENCES)].format(n=index + 3, m=index + 1) + f"（第{index + 1}项）"


def _type(paragraph: docx.text.paragraph.Paragraph, lead: str | None, text: str) -> None:
    """Select the prompt and type over it: Word keeps the paragraph's style; the lead is typed bold."""
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    if lead:
        paragraph.add_run(lead).bold = True
    paragraph.add_run(text)


def _fill(form: Path, out: Path) -> Path:
    document = docx.Document(str(form))
    counter = 0
    for paragraph in list(document.paragraphs):
        if "【待填】" not in paragraph.text:
            continue
        style = paragraph._p.pPr.pStyle.get(qn("w:val"))
        counter += 1
        if style == "GRFormPoint":
            _type(paragraph, f"第{counter}项举措落实到位。", _sentence(counter))
            # Enter at the end of the point: a new paragraph in the same style
            twin = copy.deepcopy(paragraph._p)
            paragraph._p.addnext(twin)
            counter += 1
            _type(docx.text.paragraph.Paragraph(twin, paragraph._parent), None, _sentence(counter))
        else:
            _type(paragraph, None, _sentence(counter))
    meta, indicators = document.tables[0], document.tables[1]
    for row in meta.rows:
        label = row.cells[0].text
        if label.startswith("成文日期"):
            row.cells[1].text = "2025年1月16日"
        elif label.startswith("发文字号"):
            row.cells[1].text = "左政发〔2025〕3号"
    for row in indicators.rows[1:]:
        key, label, unit, previous, value = (cell.text for cell in row.cells)
        if label:
            row.cells[4].text = str(int(float(previous or 0)) + 1) if unit != "%" else "90.5"
    last = indicators.rows[-1].cells  # the clerk types a new figure into an empty row
    for cell, text in zip(last, ["", "新建基层法律服务站点", "个", "5", "8"], strict=True):
        cell.text = text
    document.save(str(out))
    return out


def _init(*args: str) -> object:
    return CliRunner().invoke(app, ["init", *args], env=ZH)


def test_form_from_last_year_filled_imports_clean_and_builds(tmp_path: Path) -> None:
    last = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
    form = tmp_path / "form.docx"
    result = _init("--from", str(last), "-f", "docx", "-o", str(form))
    assert result.exit_code == 0, result.output
    shown = docx.Document(str(form))
    texts = [p.text for p in shown.paragraphs]
    styles = {
        p._p.pPr.pStyle.get(qn("w:val"))
        for p in shown.paragraphs
        if p._p.pPr is not None and p._p.pPr.pStyle is not None
    }
    assert {"GRFormPart", "GRFormSub", "GRFormPoint", "GRFormText", "GRFormNote"} <= styles
    assert sum(t.startswith(("一、", "二、", "三、", "四、", "五、")) for t in texts) == 5
    assert any("□ 1. 坚持党对法治政府建设的全面领导" in t for t in texts)  # last year's arrangements, as the list
    header = [c.text for c in shown.tables[1].rows[0].cells]
    assert header[3:] == ["2023年", "2024年"]
    first = [c.text for c in shown.tables[1].rows[1].cells]
    assert first[1] == "承接市级下放行政职权" and first[3] == "11" and first[4] == ""
    # a prompt left in is what check catches
    untouched = tmp_path / "untouched.yaml"
    assert CliRunner().invoke(app, ["import", str(form), "-o", str(untouched)], env=ZH).exit_code == 0
    assert "placeholder" in {f.code for f in check_file(untouched).errors}

    filled = _fill(form, tmp_path / "filled.docx")
    target = tmp_path / "zuoyun-2024.zh-CN.yaml"
    imported = CliRunner().invoke(app, ["import", str(filled), "-o", str(target)], env=ZH)
    assert imported.exit_code == 0, imported.output
    assert "推测（请核对）" not in imported.stderr  # no guess: the form's styles say what each paragraph is
    assert "genreport 填写表：按样式读取，0 处推测" in imported.stderr
    checked = check_file(target)
    assert checked.errors == [], [f"{f.location} {f.code} {f.message.zh}" for f in checked.errors]
    report = checked.report
    assert report is not None
    assert str(report.signed_on) == "2025-01-16" and report.document_number == "左政发〔2025〕3号"
    assert report.issuers[0].level == "county" and report.distribution is not None  # carried through the form
    measures = report.sections["measures"]
    assert measures.subsections[0].points[0].lead.startswith("第")  # the bold words
    assert len(measures.subsections[0].points) == 2  # the paragraph added with Enter
    assert [i.label for i in report.indicators][-1] == "新建基层法律服务站点"
    assert report.indicators[0].key == "delegated_powers" and report.indicators[0].value == 12
    built = build_file(target, tmp_path / "out", ["html", "md", "docx"])
    assert len(built.written) == 3


def test_blank_form_without_last_year(tmp_path: Path) -> None:
    form = tmp_path / "form.docx"
    result = _init("--issuer", "某县人民政府", "--year", "2024", "-f", "docx", "-o", str(form))
    assert result.exit_code == 0, result.output
    assert "genreport import" in result.stderr
    filled = _fill(form, tmp_path / "filled.docx")
    target = tmp_path / "r.yaml"
    assert CliRunner().invoke(app, ["import", str(filled), "-o", str(target)], env=ZH).exit_code == 0
    checked = check_file(target)
    assert checked.errors == [], [f"{f.location} {f.code} {f.message.zh}" for f in checked.errors]
    assert checked.report is not None and checked.report.issuers[0].name == "某县人民政府"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_form_saved_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    """LibreOffice renames the style ids (Style8 …) and drops table captions: the form is read by its
    style names and its own first cells, and gives the same data file."""
    form = tmp_path / "form.docx"
    assert _init("--from", str(EXAMPLES / "zuoyun-2023.zh-CN.yaml"), "-f", "docx", "-o", str(form)).exit_code == 0
    filled = _fill(form, tmp_path / "filled.docx")
    resaved = libreoffice_resave(tmp_path / "lo-profile", filled, tmp_path / "lo")
    assert b'w:styleId="GRFormPart"' not in zipfile.ZipFile(resaved).read("word/styles.xml")  # ids renamed
    outputs = []
    for source, name in ((filled, "word.yaml"), (resaved, "libreoffice.yaml")):
        target = tmp_path / name
        result = CliRunner().invoke(app, ["import", str(source), "-o", str(target)], env=ZH)
        assert result.exit_code == 0, result.output
        outputs.append([line for line in target.read_text(encoding="utf-8").splitlines() if not line.startswith("#")])
    assert outputs[0] == outputs[1]
    assert check_file(tmp_path / "libreoffice.yaml").errors == []
