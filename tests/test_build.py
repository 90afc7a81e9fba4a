"""`genreport build`: refuses on errors and writes nothing, --draft marks and fills in place,
formats, and atomic writes that never leave half a file or a temp file behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, output
from html_tree import parse
from typer.testing import CliRunner

from genreport import atomic
from genreport.build import WRITERS, build_file, default_formats
from genreport.cli import app
from genreport.errors import GenreportError, RenderError

runner = CliRunner()
ZUOYUN = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
DRAFT = EXAMPLES / "draft-incomplete.zh-CN.yaml"


def invoke(*args: str):
    return runner.invoke(app, list(args))


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_default_formats_are_the_publishable_set():
    assert set(WRITERS) == {"html", "md", "pdf", "docx"}
    assert default_formats() == ["html", "md", "pdf"]  # docx only with -f docx (README)


def test_build_writes_html_md_and_pdf(tmp_path):
    result = invoke("build", str(ZUOYUN), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert files(tmp_path / "out") == [
        "zuoyun-2023.zh-CN.html",
        "zuoyun-2023.zh-CN.md",
        "zuoyun-2023.zh-CN.pdf",
    ]  # named after the data file
    assert str(output(tmp_path / "out", "html")) in result.output
    html = (output(tmp_path / "out", "html")).read_text(encoding="utf-8")
    assert parse(html).find("html").attrs["lang"] == "zh-CN"
    assert "draft" not in parse(html).find("body").classes


def test_format_option_selects(tmp_path):
    result = invoke("build", str(ZUOYUN), "-o", str(tmp_path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert files(tmp_path) == ["zuoyun-2023.zh-CN.md"]


def test_unknown_format_exits_2(tmp_path):
    result = invoke("build", str(ZUOYUN), "-o", str(tmp_path), "--format", "html,odt")
    assert result.exit_code == 2
    assert "odt" in result.output
    assert files(tmp_path) == []


def test_refuses_on_errors_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = invoke("build", str(DRAFT), "-o", str(out))
    assert result.exit_code == 1
    assert "[missing-section]" in result.output and "[placeholder]" in result.output
    assert "--draft" in result.output
    assert not out.exists()


def test_refusal_leaves_earlier_outputs_alone(tmp_path):
    earlier = tmp_path / "draft-incomplete.zh-CN.html"
    earlier.write_text("earlier", encoding="utf-8")
    assert invoke("build", str(DRAFT), "-o", str(tmp_path)).exit_code == 1
    assert earlier.read_text(encoding="utf-8") == "earlier"
    assert files(tmp_path) == ["draft-incomplete.zh-CN.html"]


def test_draft_builds_with_marks_and_placeholders(tmp_path):
    result = invoke("build", str(DRAFT), "-o", str(tmp_path), "--draft")
    assert result.exit_code == 0, result.output
    tree = parse((output(tmp_path, "html")).read_text(encoding="utf-8"))
    assert "draft" in tree.find("body").classes
    assert tree.find("p", "draft-mark").text == "征求意见稿"
    leaders = next(s for s in tree.find_all("section", "part") if s.attrs["id"] == "part-leaders_duties")
    placeholder = leaders.find("div", "missing")
    assert placeholder is not None
    assert placeholder.text == "【待填写】党政主要负责人学法、述法、研究部署法治建设等履职情况"  # the kind's guidance
    assert leaders.find("h2").text == "三、党政主要负责人履行推进法治建设第一责任人职责情况"
    md = (output(tmp_path, "md")).read_text(encoding="utf-8")
    assert md.startswith("**征求意见稿**\n")
    assert "> **【待填写】**党政主要负责人学法、述法、研究部署法治建设等履职情况" in md


def test_draft_in_english_says_draft(tmp_path):
    source = (EXAMPLES / "zuoyun-2023.en.yaml").read_text(encoding="utf-8")
    path = tmp_path / "en.yaml"
    cut = source.index("  deficiencies:")
    end = source.index("  leaders_duties:")
    path.write_text(source[:cut] + source[end:], encoding="utf-8")
    result = invoke("build", str(path), "-o", str(tmp_path / "out"), "--draft")
    assert result.exit_code == 0, result.output
    tree = parse((output(tmp_path / "out", "html")).read_text(encoding="utf-8"))
    assert tree.find("p", "draft-mark").text == "DRAFT"
    assert tree.find("div", "missing").text.startswith("[To be completed] ")


def test_draft_of_an_invalid_file_is_refused(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(ZUOYUN.read_text(encoding="utf-8").replace("year: 2023", "year: '2023'"), encoding="utf-8")
    result = invoke("build", str(path), "-o", str(tmp_path / "out"), "--draft")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_unreadable_file_exits_2(tmp_path):
    result = invoke("build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2


def test_failed_render_keeps_the_old_files(tmp_path, monkeypatch):
    assert build_file(ZUOYUN, tmp_path).written
    before = {name: (tmp_path / name).read_bytes() for name in files(tmp_path)}

    def broken(doc):
        raise RenderError("template exploded")

    monkeypatch.setitem(WRITERS, "md", broken)
    result = invoke("build", str(ZUOYUN), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "template exploded" in result.output
    assert {name: (tmp_path / name).read_bytes() for name in files(tmp_path)} == before  # html not rewritten either


def test_failed_write_leaves_old_file_and_is_finished_by_the_next(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    real_replace = atomic.os.replace

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(GenreportError):
        atomic.write_file(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    atomic.recover(tmp_path)  # what the next write into the folder does first: the journal rolls forward
    assert target.read_bytes() == b"new"
    assert files(tmp_path) == ["report.html"]


def test_interrupted_write_leaves_no_temp(tmp_path, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_file(tmp_path / "report.md", b"x")
    assert files(tmp_path) == []


def test_a_new_format_plugs_in(tmp_path, monkeypatch):
    monkeypatch.setitem(WRITERS, "txt", lambda doc: doc.title.encode("utf-8"))
    result = build_file(ZUOYUN, tmp_path, ["txt"])
    assert result.written == [tmp_path / "zuoyun-2023.zh-CN.txt"]
    assert (tmp_path / "zuoyun-2023.zh-CN.txt").read_text(
        encoding="utf-8"
    ) == "左云县人民政府2023年法治政府建设年度报告"


def test_every_example_builds(tmp_path):
    for path in sorted(EXAMPLES.glob("*.yaml")):
        out = tmp_path / path.stem
        draft = path.name.startswith("draft")
        # the PDF of every example is built once per session in tests/test_pdf.py
        result = build_file(path, out, ["html", "md"], draft=draft)
        assert [p.name for p in result.written] == [f"{path.stem}.html", f"{path.stem}.md"], path


@pytest.mark.parametrize(
    ("source", "locale", "expected"),
    [
        ("zuoyun-2023.zh-CN.yaml", "zh-CN", "zuoyun-2023.zh-CN.pdf"),  # the locale is not repeated
        ("moushi-2024.yaml", "zh-CN", "moushi-2024.zh-CN.pdf"),
        ("moushi-2024.yml", "en", "moushi-2024.en.pdf"),
        ("zuoyun-2023.zh-CN.yaml", "en", "zuoyun-2023.zh-CN.en.pdf"),
        ("...yaml", "zh-CN", "report.zh-CN.pdf"),  # never a folder or file named ..
    ],
)
def test_outputs_are_named_after_the_data_file(source, locale, expected):
    from genreport.build import output_name

    assert output_name(Path(source), locale, "pdf") == expected


def test_one_naming_rule_for_a_build_and_a_batch(tmp_path):
    from genreport.batch.jobs import plan
    from genreport.build import default_out_dir
    from genreport.pdf.prepare import PdfSettings

    source = tmp_path / "moushi-2024.yaml"
    (job,) = plan([source], tmp_path / "out", ["md"], False, PdfSettings())
    assert job.out_dir.name == default_out_dir(source).name == "moushi-2024"
