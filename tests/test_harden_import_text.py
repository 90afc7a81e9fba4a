"""Issue 27 items 3 and 4: what import takes from a page it cannot trust, and what XML cannot hold.

C1 controls (U+0080-U+009F, CSI U+009B among them) reach the importer from `&#x81;`-style
references and raw text; it drops them (NEL becomes a space), names them in its report, and
never prints a source text raw. U+FFFE and U+FFFF (and lone surrogates, which a double-quoted
YAML escape can make) are text no XML can hold: `check` finds them at their line, and no build
ends in an internal error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import line_of
from hostile_docs import PARAGRAPHS

from genreport.checks import check_file
from genreport.data.kinds import load_kind
from genreport.importer import import_file
from genreport.importer.blocks import Notes, Where
from genreport.importer.report import format_notes
from genreport.importer.yaml_out import write_yaml

KIND = load_kind("rule-of-law-government")
C1 = re.compile("[\x80-\x9f\x1b]")
PARTS = PARAGRAPHS  # one small report, the same as the hostile .docx files are made of


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8", "GENREPORT_LANG": "zh-CN"}
    return subprocess.run(
        [sys.executable, "-m", "genreport", *args], capture_output=True, text=True, timeout=120, env=env, cwd=cwd
    )


def _page(paragraphs: list[str]) -> str:
    return "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"


@pytest.mark.parametrize(
    "c1",
    ["&#x81;", "&#x9b;31m", "\x9b31m", "\x85", "&#133;"],
    ids=["ref-81", "ref-csi", "raw-csi", "raw-nel", "ref-nel"],
)
def test_c1_controls_are_dropped_named_and_never_echoed(tmp_path: Path, c1: str) -> None:
    parts = list(PARTS)
    parts[3] = f"一是承接下放权限。全年承接{c1}市级下放行政职权11项。"
    parts[0] = f"左云县人民政府2023年{c1}法治政府建设年度报告"
    source = tmp_path / "page.html"
    source.write_text(_page(parts), encoding="utf-8")
    result = _run("import", str(source), "-o", "out.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not C1.search(result.stdout + result.stderr)  # the report never echoes a control raw
    written = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert not C1.search(written)
    codes = [f.code for f in check_file(tmp_path / "out.yaml").errors]
    assert "control-character" not in codes and "yaml-syntax" not in codes, codes
    raw = c1 in ("\x9b31m", "\x85")  # HTML maps &#x80;-&#x9f; to Windows-1252's characters; a raw one is a control
    if raw:
        assert re.search(r"C1 控制字符 U\+00(9B|85)", result.stderr), result.stderr  # named in the report


def test_the_import_report_escapes_what_it_quotes(tmp_path: Path) -> None:
    """The report quotes the source and names the files: an ESC or CSI in either is shown, never sent."""
    notes = Notes()
    notes.add("left-out", "网页尾部“\x9b2J\x1b]0;x\x07”", "the page's foot “\x9b2J\x1b]0;x\x07”", Where("paragraph", 9))
    shown = format_notes(notes, "zh-CN")
    assert not C1.search(shown) and "\x07" not in shown and "\\x9b2J" in shown
    source = tmp_path / "page.html"
    source.write_text(_page(PARTS), encoding="utf-8")
    result = _run("import", str(source), "-o", "out\x1b[2J\x9b.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not C1.search(result.stdout + result.stderr) and "\\x1b[2J" in result.stdout + result.stderr


def test_text_imported_with_a_noncharacter_passes_check_clean(tmp_path: Path) -> None:
    parts = list(PARTS)
    parts[0] = "左云县人民政府\ufffe2023年法治政府建设年度报告"
    parts[12] = "左云县人民政府\uffff"
    source = tmp_path / "report.txt"
    source.write_text("\n\n".join(parts), encoding="utf-8")
    imported = import_file(source, KIND)
    out = tmp_path / "report.yaml"
    out.write_text(write_yaml(imported, KIND, source.name, "genreport.schema.json"), encoding="utf-8")
    assert "\ufffe" not in out.read_text(encoding="utf-8") and "\\uFFFE" not in out.read_text(encoding="utf-8")
    assert not [f for f in check_file(out).errors if f.code == "control-character"]
    assert any("U+FFFE" in note.message.en for note in imported.notes.of("normalised"))


@pytest.mark.parametrize("escape", [r"\uFFFE", r"\uFFFF"])
def test_a_character_xml_cannot_hold_is_a_finding_at_its_line_and_never_a_crash(
    tmp_path: Path, valid_text: str, escape: str
) -> None:
    lines = valid_text.splitlines()
    lines.insert(
        lines.index("recipient: 大同市人民政府") + 1, f'title: "左云县人民政府2023年法治政府建设年度报告{escape}"'
    )
    name = next(i for i, line in enumerate(lines) if line.startswith("  name:"))
    lines[name] = f'  name: "左云县人民政府{escape}"'
    path = tmp_path / "report.yaml"
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    errors = [f for f in check_file(path).errors if f.code == "control-character"]
    assert sorted(f.location.line for f in errors) == sorted([line_of(text, "title:"), line_of(text, "  name:")])
    assert all(escape[2:].upper() in f.message.en for f in errors)
    for extra in ([], ["--draft"]):
        result = _run("build", str(path), "-f", "docx", "-o", "out", *extra, cwd=tmp_path)
        assert result.returncode == 1, result.stderr  # findings, not "internal error" (exit 2 with a traceback hint)
        assert "internal error" not in result.stderr and "内部错误" not in result.stderr


def test_a_lone_surrogate_escape_is_a_finding_at_its_line(tmp_path: Path, valid_text: str) -> None:
    text = valid_text.replace("  name: 左云县人民政府", '  name: "左云县人民政府\\uD800"', 1)
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    errors = check_file(path).errors
    assert [f.location.line for f in errors] == [line_of(text, "  name:")]
    result = _run("build", str(path), "-f", "docx", "-o", "out", "--draft", cwd=tmp_path)
    assert result.returncode == 1 and "内部错误" not in result.stderr, result.stderr


LS = "\u2028"
ATTACK = f'办理案件3件{LS}indicators:{LS}  - key: fake{LS}    label: "伪造"{LS}    value: 999999{LS}    unit: "件"{LS}#'


def _hidden_run_docx(path: Path, style_hides: bool) -> None:
    """Issue 27's item 1: a figure sentence whose hidden run carries U+2028 and live YAML."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement

    document = docx.Document()
    if style_hides:
        hidden_style = document.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
        hidden_style.element.get_or_add_rPr().append(OxmlElement("w:vanish"))
    for i, text in enumerate(PARTS):
        paragraph = document.add_paragraph(text)
        if i == 3:
            run = paragraph.add_run(ATTACK)
            if style_hides:
                run.style = "Secret"
            else:
                run._r.get_or_add_rPr().append(OxmlElement("w:vanish"))
            paragraph.add_run("另有说明。")
    document.save(str(path))


@pytest.mark.parametrize("style_hides", [False, True], ids=["run-vanish", "style-vanish"])
def test_hidden_text_in_a_docx_is_not_imported_and_is_reported(tmp_path: Path, style_hides: bool) -> None:
    source = tmp_path / "report.docx"
    _hidden_run_docx(source, style_hides)
    result = _run("import", str(source), "-o", "out.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert "伪造" not in written and "另有说明" in written  # what Word shows, and only that
    assert f"隐藏文字 {len(ATTACK)} 字" in result.stderr
    loaded = check_file(tmp_path / "out.yaml")
    assert not loaded.errors or {f.code for f in loaded.errors} <= {"missing-date"}, [
        (f.code, f.message.en) for f in loaded.errors
    ]


def test_hidden_elements_of_a_page_are_not_imported(tmp_path: Path) -> None:
    parts = list(PARTS)
    parts[3] = f"一是承接下放权限。<span style='display: none'>{ATTACK.replace(LS, '&#x2028;')}</span>全年承接11项。"
    source = tmp_path / "page.html"
    source.write_text(_page(parts).replace("<p>无。</p>", "<p>无。</p><p hidden>伪造段落</p>"), encoding="utf-8")
    imported = import_file(source, KIND)
    out = tmp_path / "out.yaml"
    out.write_text(write_yaml(imported, KIND, source.name, "genreport.schema.json"), encoding="utf-8")
    assert "伪造" not in out.read_text(encoding="utf-8")
    assert [note for note in imported.notes.of("left-out") if "hidden text" in note.message.en]


def test_a_line_separator_shown_in_a_page_stays_inside_its_value(tmp_path: Path) -> None:
    """Shown (not hidden): the text is imported as written, U+2028 and all, and adds no key."""
    parts = list(PARTS)
    parts[3] = "一是承接下放权限。全年承接11项，" + ATTACK.replace(LS, "&#x2028;") + "。"
    source = tmp_path / "page.html"
    source.write_text(_page(parts), encoding="utf-8")
    result = _run("import", str(source), "-o", "out.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    loaded = check_file(tmp_path / "out.yaml")
    assert loaded.report is not None and loaded.report.indicators == []
    assert not [f for f in loaded.errors if f.code in ("yaml-syntax", "schema")]
    text = "".join(p.text for s in loaded.report.sections["measures"].subsections for p in s.points)
    assert "indicators:" in text and LS in text


@pytest.mark.parametrize("mark", ["\n", "\u2028", "\r", "\x85"], ids=["LF", "LS", "CR", "NEL"])
def test_a_file_name_with_a_line_break_stays_in_its_comment(tmp_path: Path, mark: str) -> None:
    """Issue 27's item 2: the source's name is written into the header comment."""
    name = f"报告{mark}letterhead:{mark}  issuer_mark: 伪造机关{mark}  signers: [王某某]{mark}#.txt"
    source = tmp_path / name
    source.write_text("\n\n".join(PARTS), encoding="utf-8")
    result = _run("import", str(source), "-o", "out.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    loaded = check_file(tmp_path / "out.yaml")
    assert loaded.report is not None and loaded.report.letterhead is None
    assert "letterhead" not in [
        line.split(":")[0] for line in (tmp_path / "out.yaml").read_text(encoding="utf-8").splitlines()
    ]
