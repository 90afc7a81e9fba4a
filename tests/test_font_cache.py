"""The font cache: used (a second build cuts nothing), correct (a new character is cut in and printed),
never trusted blindly (a truncated entry is cut again), and the only source of a PDF's fonts.

Every test here has its own $XDG_CACHE_HOME, so it starts from an empty cache.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil

import pytest
from fontTools.ttLib import TTFont
from pdf_helpers import EXAMPLES, ROOT, example_pdf, poppler
from render_helpers import document
from typer.testing import CliRunner

from genreport.build import build_file
from genreport.cli import app
from genreport.fonts.cache import base_set, cache_dir, document_font
from genreport.fonts.faces import document_fonts, printed_chars
from genreport.fonts.roles import charset
from genreport.pdf import gridfit
from genreport.pdf.prepare import PdfSettings, fonts_for
from genreport.pdf.prepare import printed_chars as pdf_chars
from genreport.pdf.weasy.fontconfig import font_context
from genreport.render.html import render_html

VALID = ROOT / "tests" / "data" / "valid.zh-CN.yaml"
SENTENCE = "2023年，县政府围绕法治政府建设目标"
WENKAI = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"  # Debian fonts-lxgw-wenkai


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty font cache for this test: the folder fonts/cache.py will use."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "genreport" / "fonts"


def build_pdf(source, out):
    result = build_file(source, out, ["pdf"])
    assert result.written, [f.message.en for f in result.check.findings]
    return result.written[0]


def entries(folder):
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))  # entries, not the manifest


def rare_character():
    """A character outside GB2312 that the 仿宋 role's font has (FandolFang lacks 堃 喆 玥 but has 劉)."""
    body = fonts_for(document(VALID), PdfSettings()).body.face
    for char in "堃喆玥犇淼琤劉":
        if ord(char) not in base_set() and ord(char) in charset(body):
            return char
    pytest.skip("no rare character in this machine's 仿宋 font")


def test_the_cache_is_under_xdg_cache_home_or_dot_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "genreport" / "fonts"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "genreport" / "fonts"


def test_a_cache_folder_that_cannot_be_written_falls_back_to_a_temporary_one(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    folder = cache_dir()
    assert folder.is_dir() and not folder.is_relative_to(blocked)
    assert build_pdf(VALID, tmp_path / "out").stat().st_size > 0
    assert any(folder.iterdir())


def test_a_second_build_makes_no_new_cache_file(cache, tmp_path):
    first = build_pdf(VALID, tmp_path / "one")
    made = entries(cache)
    assert any(n.startswith("c-") for n in made) and any(n.startswith("d-") for n in made)
    second = build_pdf(VALID, tmp_path / "two")
    assert entries(cache) == made
    assert first.read_bytes() == second.read_bytes()


def test_a_new_character_is_cut_in_and_printed(cache, tmp_path):
    build_pdf(VALID, tmp_path / "before")
    before = set(entries(cache))
    char = rare_character()
    changed = tmp_path / "report.yaml"
    text = VALID.read_text(encoding="utf-8")
    new_sentence = f"2023年，县长王{char}主持县政府工作，围绕法治政府建设目标"
    changed.write_text(text.replace(SENTENCE, new_sentence), encoding="utf-8")
    pdf = build_pdf(changed, tmp_path / "after")
    new = set(entries(cache)) - before
    # outside GB2312: the compact font of the 仿宋 face is cut again (with it), and its document font
    assert any(n.startswith("c-") for n in new) and any(n.startswith("d-") for n in new)
    assert f"县长王{char}主持" in poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-")


def test_a_truncated_or_corrupt_entry_is_cut_again(cache, tmp_path):
    build_pdf(VALID, tmp_path / "one")
    made = entries(cache)
    for name in made:
        path = cache / name
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if name.startswith("c-") else data[:100] + b"x" + data[101:])
    pdf = build_pdf(VALID, tmp_path / "two")
    assert entries(cache) == made
    for name in made:
        checksum = re.match(r"[cd]-[0-9a-f]+-([0-9a-f]{16})\.", name).group(1)
        assert hashlib.sha256((cache / name).read_bytes()).hexdigest()[:16] == checksum
    assert "县政府围绕法治政府建设目标" in poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-")


def test_a_changed_source_font_is_cut_again_never_served_stale(cache, tmp_path):
    source = tmp_path / "font.ttf"
    shutil.copy(WENKAI, source)
    chars = printed_chars("法治政府建设年度报告")
    first = document_font(source, 0, chars)
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the font file was replaced
    second = document_font(source, 0, chars)
    assert second.path != first.path and second.covers == first.covers
    assert sum(n.startswith("c-") for n in entries(cache)) == 2


def test_every_entry_is_a_font_that_covers_the_document_and_keeps_its_metrics(cache):
    doc = document(VALID)
    setup = fonts_for(doc, PdfSettings())
    chars = pdf_chars(render_html(doc, stylesheets=()), setup.stylesheet)
    fonts = document_fonts(setup, chars)
    assert fonts.declared
    for declared in fonts.declared:
        path = declared.font.path
        assert path.parent == cache
        with TTFont(path) as font:  # fontTools reads the cut
            assert font["maxp"].numGlyphs < 2000
            mapped = set(font.getBestCmap())
        assert declared.font.covers <= mapped
        assert chars & charset(declared.face) <= mapped  # whatever the source face has of the document
        # the cut keeps the vertical metrics gridfit places the grid with (37 mm, 7 mm, baselines)
        source = gridfit._metrics(declared.face.path, declared.face.index)
        assert gridfit._metrics(path, 0) == source


@pytest.mark.parametrize("stem", ["zuoyun-2023.zh-CN", "zuoyun-2023.en"])
def test_the_pdf_embeds_only_the_cached_fonts(stem):
    doc = document(EXAMPLES / f"{stem}.yaml")
    setup = fonts_for(doc, PdfSettings())
    fonts = document_fonts(setup, pdf_chars(render_html(doc, stylesheets=()), setup.stylesheet))
    families = {d.family.replace(" ", "-") for d in fonts.declared}
    rows = poppler("pdffonts", str(example_pdf(stem))).splitlines()[2:]
    names = [row.split()[0].split("+", 1)[1] for row in rows]
    assert names
    for name in names:
        assert any(name == f or name.startswith(f + "-") for f in families), (name, families)
    if stem.endswith("zh-CN"):
        # not even the indicator chart's sans-serif text reaches a Latin font
        assert all("CJK" in n or "UKai" in n or n.startswith("Fandol") for n in names), names
    # the configuration the PDF was laid out with holds the cached fonts and no system font
    from weasyprint.text.ffi import ffi, fontconfig

    config, _ = font_context(fonts.css, fonts.rules)
    assert fontconfig.FcConfigGetFonts(config._config, 0) == ffi.NULL  # FcSetSystem
    assert fontconfig.FcConfigGetFonts(config._config, 1).nfont == len(fonts.declared)  # FcSetApplication


def test_printed_characters_leave_out_what_no_font_draws():
    assert printed_chars("一\n二\u200b三") == {ord("一"), ord("二"), ord("三")}


def test_a_pdf_build_without_harfbuzz_subsetting_warns_once_with_the_fix(cache, tmp_path, monkeypatch):
    import genreport.cli.build as cli

    monkeypatch.setattr("genreport.fonts.roles.harfbuzz_subset", lambda: None)
    monkeypatch.setattr(cli, "_subsetter_warned", [])
    result = CliRunner().invoke(app, ["build", str(VALID), "-o", str(tmp_path / "out"), "-f", "pdf"])
    assert result.exit_code == 0, result.output
    assert result.output.count("HarfBuzz") == 1 and "apt-get install libharfbuzz-subset0" in result.output
