"""Font roles: read from the print stylesheets, resolved on this machine, the user's own fonts first,
substitutes reported and refusable, and a character no font of its role has turned into a warning.

The user's "official" fonts are made here from LXGW WenKai (Debian fonts-lxgw-wenkai): a subset
renamed FangSong, SimHei, KaiTi, 方正小标宋简体 and SimSun, so the tests need no licensed font.
"""

from __future__ import annotations

import io
import json
import re

import pytest
import tinycss2
from conftest import output
from fandol_helpers import (
    fandol,  # noqa: F401 (a fixture)
    require_fandol,
)
from pdf_helpers import ROOT, poppler
from render_helpers import document
from typer.testing import CliRunner

from genreport.cli import app
from genreport.fonts.cache import cache_dir
from genreport.fonts.faces import document_fonts, printed_chars
from genreport.fonts.roles import font_setup, roles_of
from genreport.render.html import render_html
from genreport.resources import styles_dir
from genreport.verify.layout import verify

VALID = ROOT / "tests" / "data" / "valid.zh-CN.yaml"
WENKAI = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
RARE = "𪚥"  # U+2A6A5, CJK Extension B: in no font of the 仿宋 role on this machine
# role: (English family, Chinese family), as the Windows fonts name themselves
USER_FONTS = {
    "fangsong": ("FangSong", "仿宋"),
    "hei": ("SimHei", "黑体"),
    "kai": ("KaiTi", "楷体"),
    "xiaobiaosong": ("FZXiaoBiaoSong-B05S", "方正小标宋简体"),
    "song": ("SimSun", "宋体"),
}


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def font_dir(tmp_path_factory):
    """A folder of five 'official' fonts (WenKai subsets covering valid.zh-CN.yaml and the furniture)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    folder = tmp_path_factory.mktemp("fonts")
    font = TTFont(WENKAI)
    subsetter = subset.Subsetter()
    printed = render_html(document(VALID))  # the data and the document's own words (主要指标, 抄送 ...)
    subsetter.populate(text=printed + "— 0123456789%" + RARE)
    subsetter.subset(font)
    data = io.BytesIO()
    font.save(data)
    for role, (english, chinese) in USER_FONTS.items():
        copy = TTFont(io.BytesIO(data.getvalue()))
        names = copy["name"]
        names.names = [r for r in names.names if r.nameID not in (1, 4, 6, 16, 17)]
        for name_id, text in ((1, english), (4, english), (6, f"GenreportTest-{role}")):
            names.setName(text, name_id, 3, 1, 0x409)
        names.setName(chinese, 1, 3, 1, 0x804)
        copy.save(folder / f"{role}.ttf")
    (folder / "notes.txt").write_text("not a font", encoding="utf-8")
    return folder


def test_roles_come_from_the_stylesheets():
    zh = {role.key: role for role in roles_of(styles_dir() / "gbt9704.css")}
    assert list(zh) == ["fangsong", "xiaobiaosong", "hei", "kai", "song"]
    assert zh["fangsong"].official[:4] == ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong")
    assert zh["fangsong"].substitutes[:2] == ("FandolFang", "Noto Serif CJK SC")
    assert zh["kai"].substitutes[:2] == ("FandolKai", "AR PL UKai CN")
    # 黑体, 小标宋 and 宋体 stay on Noto (FandolHei-Bold and FandolSong-Bold declare weight 400)
    first = [zh[k].substitutes[0] for k in ("hei", "xiaobiaosong", "song")]
    assert first == ["Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Serif CJK SC"]
    assert zh["xiaobiaosong"].weight == 700 and zh["hei"].weight == 400
    assert [role.key for role in roles_of(styles_dir() / "a4.css")] == ["serif", "sans"]


@pytest.mark.parametrize("sheet", ["gbt9704.css", "a4.css"])
def test_every_font_family_in_a_print_sheet_is_a_role(sheet):
    """Fonts are named once, in :root; every rule uses var(--font-<role>)."""
    text = (styles_dir() / sheet).read_text(encoding="utf-8")
    keys = {role.key for role in roles_of(styles_dir() / sheet)}
    values = re.findall(r"font-family:\s*([^;}]+)", text)
    assert values
    for value in values:
        match = re.fullmatch(r"var\(--font-([a-z]+)\)", value.strip())
        assert match and match.group(1) in keys, value
    assert tinycss2.parse_stylesheet(text)  # parses


def test_this_machine_uses_the_open_substitutes():
    require_fandol()
    setup = font_setup(styles_dir() / "gbt9704.css")
    got = {r.role.key: (r.family, r.substitute) for r in setup.resolved}
    assert got == {
        "fangsong": ("FandolFang", True),
        "xiaobiaosong": ("Noto Serif CJK SC", True),
        "hei": ("Noto Sans CJK SC", True),
        "kai": ("FandolKai", True),
        "song": ("Noto Serif CJK SC", True),
    }
    assert "Bold" in setup.role("xiaobiaosong").face.path.name  # weight 700 for the substitute
    serif = font_setup(styles_dir() / "a4.css").role("serif")
    assert (serif.family, serif.substitute) == ("Noto Serif", False)


@pytest.mark.usefixtures("fandol")
def test_fonts_command_lists_roles_files_and_harfbuzz():
    result = CliRunner().invoke(app, ["fonts"], env={"LANG": "en_US.UTF-8"})
    assert result.exit_code == 0, result.output
    assert "Noto Serif CJK SC" in result.output and "FandolKai" in result.output
    assert "NotoSerifCJK-Regular.ttc" in result.output
    rows = {row.split()[0]: row for row in result.output.splitlines() if row.startswith("  ")}
    assert "FandolFang-Regular.otf" in rows["FangSong"] and "FandolKai-Regular.otf" in rows["Kai"], rows
    assert "HarfBuzz" in result.output and "available" in result.output
    assert invoke("fonts", "--strict").exit_code == 1  # every zh role is a substitute here
    data = json.loads(invoke("fonts", "--format", "json", "--locale", "zh-CN").output)
    assert data["harfbuzz_subset"] and [r["substitute"] for r in data["locales"]["zh-CN"]] == [True] * 5


def test_the_users_fonts_come_first(font_dir):
    setup = font_setup(styles_dir() / "gbt9704.css", font_dir)
    for key in USER_FONTS:
        resolved = setup.role(key)
        assert resolved.face.user and resolved.face.path.name == f"{key}.ttf" and not resolved.substitute
    assert setup.substitutes == []
    assert '--fangsong-official: "FangSong", "仿宋_GB2312"' in setup.css  # first, before any installed 仿宋
    # the PDF reaches the user's font through the font cache, under the same family name
    fonts = document_fonts(setup, printed_chars("仿宋正文"))
    assert f'@font-face {{ font-family: "FangSong"; src: url("{cache_dir().as_uri()}/d-' in fonts.css
    assert "--xiaobiaosong-weight: normal;" in setup.css  # a real 小标宋 is not emboldened
    result = invoke("fonts", "--font-dir", str(font_dir), "--locale", "zh-CN", "--strict")
    assert result.exit_code == 0, result.output
    assert "fangsong.ttf" in result.output


def test_a_pdf_built_with_the_users_fonts_embeds_them(font_dir, tmp_path):
    result = invoke(
        "build", str(VALID), "-o", str(tmp_path), "-f", "pdf", "--font-dir", str(font_dir), "--strict-fonts"
    )
    assert result.exit_code == 0, result.output
    fonts = poppler("pdffonts", str(output(tmp_path, "pdf")))
    names = {line.split()[0].split("+")[1] for line in fonts.splitlines()[2:]}
    assert {"FangSong", "SimHei", "KaiTi", "FZXiaoBiaoSong-B05S", "SimSun"} <= names
    assert not any("CJK" in name for name in names), names  # the subsets cover the report
    layout = verify(output(tmp_path, "pdf"))
    roles = {r.check: r.detail for r in layout.results}
    assert roles["body text in 仿宋"] == "FangSong" and roles["title in 小标宋"] == "FZXiaoBiaoSong-B05S"
    # gridfit placed these fonts' glyphs too (their metrics differ from Noto's): 37 mm, 7 mm, on the grid
    status = {r.check: r.status for r in layout.results}
    assert all(abs(top - 37) < 0.05 for top in layout.grid.top_mm)
    assert status["every line on the grid"] == "ok"
    assert next(s for c, s in status.items() if c.startswith("page numbers")) == "ok"


def test_the_font_folder_can_come_from_the_environment(font_dir, monkeypatch):
    monkeypatch.setenv("GENREPORT_FONT_DIR", str(font_dir))
    result = invoke("fonts", "--locale", "zh-CN", "--strict")
    assert result.exit_code == 0, result.output


def test_strict_fonts_refuses_substitutes_and_writes_nothing(tmp_path):
    result = invoke("build", str(VALID), "-o", str(tmp_path / "out"), "--strict-fonts")
    assert result.exit_code == 2
    assert "--strict-fonts" in result.output and "Noto Serif CJK SC" in result.output
    assert not (tmp_path / "out").exists()


def test_a_character_no_font_of_its_role_has_is_a_warning_with_its_place(tmp_path):
    text = VALID.read_text(encoding="utf-8").replace(
        "全年新增市场主体1798户", f"全年新增市场主体1798户（含{RARE}家村集体企业）"
    )
    data = tmp_path / "report.yaml"
    data.write_text(text, encoding="utf-8")
    line, row = next((i, row) for i, row in enumerate(text.splitlines(), start=1) if RARE in row)
    result = invoke("build", str(data), "-o", str(tmp_path / "out"), "-f", "pdf", "--lang", "en")
    assert result.exit_code == 0, result.output  # a warning: the PDF is still built
    assert (output(tmp_path / "out", "pdf")).exists()
    warning = next(row for row in result.output.splitlines() if "missing-glyph" in row)
    assert warning.startswith(f"{data}:{line}:{row.index(RARE) + 1}:")  # file:line:col of the character
    assert (
        "sections.measures.subsections[0].points[2].text" in warning and "U+2A6A5" in warning and "FangSong" in warning
    )


def test_a_heading_character_is_checked_against_the_heading_font(font_dir, tmp_path):
    """A （一） heading is set in the Kai role: its characters are checked against that role's fonts."""
    text = VALID.read_text(encoding="utf-8").replace("heading: 推进简政放权", "heading: 推进简政放权和𠀀事项改革")
    data = tmp_path / "report.yaml"
    data.write_text(text, encoding="utf-8")
    result = invoke(
        "build", str(data), "-o", str(tmp_path / "out"), "-f", "pdf", "--lang", "en", "--font-dir", str(font_dir)
    )
    found = [row for row in result.output.splitlines() if "missing-glyph" in row]
    assert any("subsections[0].heading" in row and "Kai" in row and "U+20000" in row for row in found), result.output
