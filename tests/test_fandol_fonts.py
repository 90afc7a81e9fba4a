"""The Fandol 仿宋 and 楷体 (issue 14): installed by .ci/fandol-fonts, first among the substitutes,
a character they lack drawn by a fallback on the grid and named by `build`, the chart's text in the
黑体 role's font, and `build`'s note on substitute fonts (issue 15 item 7).

Every test here needs the Fandol fonts (make setup installs them); without them a test skips on a
developer's machine and fails under CI=true (fandol_helpers.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest
from fandol_helpers import require_fandol
from pdf_helpers import EXAMPLES, ROOT

from genreport.build import build_file
from genreport.fonts.roles import system_faces
from genreport.gbt9704 import PITCH

SCRIPT = ROOT / ".ci" / "fandol-fonts"
ZUOYUN = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
JOINT = EXAMPLES / "joint-2023.zh-CN.yaml"  # its indicators compare in a chart (zuoyun has one pair: no chart)
NAMES = "堃喆赟"  # not in FandolFang, in Noto Serif CJK SC
BODY_PT = 16.0
HERE = "仿宋, 黑体 and 楷体 in the font each role resolves to on this machine"  # verify-layout's check


@pytest.fixture(autouse=True)
def _fandol() -> None:
    require_fandol()


def with_names(tmp_path: Path) -> Path:
    """The Zuoyun report with three name characters FandolFang lacks on page 1 and in page 2's first point,
    each in place of three others: the text keeps its length, so the pages break where they did."""
    text = ZUOYUN.read_text(encoding="utf-8")
    text = text.replace("2023年，左云县人民政府坚持", f"2023年，左云县{NAMES}府坚持", 1)
    text = text.replace("县政府把落实《法治政府建设实施纲要", f"{NAMES}把落实《法治政府建设实施纲要", 1)
    assert text.count(NAMES) == 2
    path = tmp_path / "names.zh-CN.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def baselines(pdf_path: Path) -> list[list[float]]:
    """Each page's distinct baselines (PDF y, top down) of 16 pt text, read back with pdfplumber."""
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            found = {round(page.height - c["matrix"][5], 2) for c in page.chars if abs(c["size"] - BODY_PT) < 0.2}
            pages.append(sorted(found))
    return pages


def fonts_of(pdf_path: Path, chars: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for c in page.chars:
                if c["text"] in chars:
                    found[c["text"]].add(c["fontname"].split("+", 1)[-1])
    return found


def test_the_script_installed_the_checked_files_and_is_quick_when_they_are_there(tmp_path):
    text = SCRIPT.read_text(encoding="utf-8")
    sums = dict(re.findall(r"\[(Fandol\w+-Regular\.otf)\]=([0-9a-f]{64})", text))
    assert set(sums) == {"FandolFang-Regular.otf", "FandolKai-Regular.otf"}
    installed = {f.path.name: f.path for f in system_faces() if f.path.name in sums}
    for name, digest in sums.items():
        assert hashlib.sha256(installed[name].read_bytes()).hexdigest() == digest
        assert (installed[name].parent / "COPYING").read_text(encoding="utf-8").count("font exception") or (
            "As a special exception, if you create a document which uses this font" in
            (installed[name].parent / "COPYING").read_text(encoding="utf-8")
        )  # fmt: skip
    # already there (a copy of the installed files in another folder): no download, no output, fast
    folder = tmp_path / "fonts"
    folder.mkdir()
    for name, path in installed.items():
        (folder / name).write_bytes(path.read_bytes())
    env = {**os.environ, "FANDOL_DIR": str(folder), "CI": "true"}
    started = time.perf_counter()
    done = subprocess.run(
        ["bash", str(SCRIPT)], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout == done.stderr == "", done
    assert time.perf_counter() - started < 2


def test_a_character_the_body_font_lacks_keeps_the_grid_and_is_named(tmp_path):
    data = with_names(tmp_path)
    result = build_file(data, tmp_path / "out", ["pdf"])
    pdf = result.written[0]
    # drawn by the fallback, every other character by FandolFang
    fonts = fonts_of(pdf, "堃喆赟把")
    assert all(name.startswith("Noto-Serif-CJK-SC") for c in "堃喆赟" for name in fonts[c]), fonts
    assert fonts["把"] == {"FandolFang"}, fonts
    # every 16 pt line on the page's 28.99 pt grid, 22 lines on the full pages 1-3 (page 1 with the title)
    pages = baselines(pdf)
    origin = pages[1][0]  # page 2's first line: the grid's first line on every page
    for number, lines in enumerate(pages[:6], start=1):
        for y in lines:
            slot = (y - origin) / PITCH
            assert abs(slot - round(slot)) * PITCH < 0.1, (number, y, slot)
    # pages 2 and 3 full to the last slot (page 1 may end early: its 一、/（一） headings keep two
    # lines of their text with them on page 2, the stranded-heading rule)
    for number in (2, 3):
        assert round((pages[number - 1][-1] - origin) / PITCH) == 21, (number, pages[number - 1])
    assert [len(lines) for lines in pages[1:3]] == [22, 22]
    # and build names them: one warning per field, in the report's language, at the first character
    warnings = [f for f in result.check.findings if f.code == "fallback-glyph"]
    point = ("sections", "measures", "subsections", 0, "points", 0, "text")
    assert [f.path for f in warnings] == [("preamble",), point]
    line = next(i for i, row in enumerate(data.read_text(encoding="utf-8").splitlines(), 1) if NAMES in row)
    assert warnings[0].location.line == line
    zh = warnings[0].message("zh-CN")
    assert "“堃”“喆”“赟”" in zh and "FandolFang" in zh and "Noto Serif CJK SC" in zh and "仿宋" in zh, zh
    assert "Noto Serif CJK SC" in warnings[0].message("en")


def test_the_examples_need_no_fallback():
    from render_helpers import document

    from genreport.pdf.prepare import PdfSettings, coverage, fonts_for

    for example in sorted(EXAMPLES.glob("*.yaml")):
        doc = document(example)
        # en: 左政发〔2024〕 is not the English serif's business
        assert coverage(doc, fonts_for(doc, PdfSettings())).fallback == (), example.name


def test_build_notes_the_substitute_roles_once_in_the_reports_language(tmp_path):
    def build(*extra: str) -> subprocess.CompletedProcess[str]:
        data = ROOT / "tests" / "data" / "valid.zh-CN.yaml"  # small: two builds in their own processes
        command = [sys.executable, "-m", "genreport", "build", str(data), "-o", str(tmp_path / "out"), "-f", "pdf"]
        command += extra
        return subprocess.run(command, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)

    zh = build()
    assert zh.returncode == 0, zh.stderr
    notes = [row for row in zh.stderr.splitlines() if "替代字体" in row]
    assert len(notes) == 1 and "仿宋（FandolFang）" in notes[0] and "楷体（FandolKai）" in notes[0], zh.stderr
    assert "--font-dir" in notes[0] and "GENREPORT_FONT_DIR" in notes[0]
    assert "替代字体" not in zh.stdout  # stdout lists the outputs only
    en = build("--lang", "en")
    notes = [row for row in en.stderr.splitlines() if "substitute fonts" in row]
    assert len(notes) == 1 and "FangSong (body) (FandolFang)" in notes[0] and "--font-dir" in notes[0], en.stderr
    assert not re.search(r"[\u4e00-\u9fff]{2}", notes[0].split("(")[0])


def test_the_charts_text_is_set_in_the_hei_roles_font(tmp_path):
    from render_helpers import document

    from genreport.pdf.prepare import PdfSettings, fonts_for
    from genreport.render.html import render_html

    doc = document(JOINT)
    hei = fonts_for(doc, PdfSettings()).role("hei")
    result = build_file(JOINT, tmp_path / "out", ["pdf", "html"])
    pdf = next(p for p in result.written if p.suffix == ".pdf")
    with pdfplumber.open(pdf) as opened:
        page = next(p for p in opened.pages if "主要指标与上年比较" in (p.extract_text() or ""))
        # the SVG's 13-unit text, scaled with the chart (13.7 pt): below the 14 pt page number
        chart = {c["fontname"].split("+", 1)[-1] for c in page.chars if 10 < c["size"] < 13.9}
    assert chart == {hei.family.replace(" ", "-")}, chart  # Noto-Sans-CJK-SC
    # the web HTML names no font on the SVG: web.css sets it there
    assert 'font-family="' not in render_html(doc)


# ------------------------------------------------------------------ verify-layout ---


def _verified(tmp_path: Path, settings=None):
    from render_helpers import document

    from genreport.pdf.prepare import PdfSettings, render_pdf
    from genreport.verify.layout import verify

    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(document(JOINT), settings or PdfSettings()))
    return {r.check: r for r in verify(path).results}


def test_verify_layout_checks_the_charts_font_and_each_roles_font_here(tmp_path, monkeypatch):
    from genreport.fonts import notes as fontnotes
    from genreport.pdf.prepare import PdfSettings

    good = _verified(tmp_path)
    chart, here = good["chart text in 黑体"], good[HERE]
    assert chart.status == "ok" and "Noto-Sans-CJK-SC" in chart.detail, chart
    assert here.status == "ok" and "fangsong FandolFang" in here.detail and "kai FandolKai" in here.detail, here
    # the chart's SVG names the body's font instead of the 黑体 role's
    monkeypatch.setattr(fontnotes, "chart_family", lambda fonts: fonts.body.family)
    broken = _verified(tmp_path)["chart text in 黑体"]
    assert broken.status == "FAIL" and "FandolFang is not a Hei" in broken.detail, broken
    monkeypatch.undo()
    # the body set in a later substitute of the 仿宋 stack although FandolFang is installed
    later = _verified(tmp_path, PdfSettings(extra_css=':root { --font-fangsong: "Noto Serif CJK SC"; }'))
    result = later[HERE]
    assert result.status == "FAIL" and "Noto-Serif-CJK-SC, but FandolFang comes first" in result.detail, result
    assert later["body text in 仿宋"].status == "ok"  # still a font of the stack: only the new check sees it


def test_without_the_fonts_a_test_skips_here_but_fails_under_ci(monkeypatch):
    import fandol_helpers

    monkeypatch.setattr(fandol_helpers, "fandol_installed", lambda: False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="bash .ci/fandol-fonts"):
        fandol_helpers.require_fandol()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="not installed"):
        fandol_helpers.require_fandol()


def test_a_batch_notes_the_substitute_roles_once(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    text = (ROOT / "tests" / "data" / "valid.zh-CN.yaml").read_text("utf-8")
    for name in ("a", "b"):
        (folder / f"{name}.zh-CN.yaml").write_text(text, "utf-8")
    command = [sys.executable, "-m", "genreport", "build", str(folder), "-o", str(tmp_path / "out"), "-f", "pdf"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    notes = [row for row in done.stderr.splitlines() if "替代字体" in row]
    assert len(notes) == 1 and "仿宋（FandolFang）" in notes[0], done.stderr
