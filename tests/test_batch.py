"""Batch builds (`build A.yaml B.yaml DIR/ -o OUT -j N`), and the commands that must stay light.

A batch writes every good report into OUT/<name>/, reports each broken one, and exits non-zero
when any was refused (1) or could not be built (2), without stopping the others.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import output
from pdf_helpers import ROOT
from typer.testing import CliRunner

from genreport.batch.format import table
from genreport.batch.jobs import BUILT, FAILED, REFUSED, Outcome
from genreport.cli import app

VALID = ROOT / "tests" / "data" / "valid.zh-CN.yaml"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def reports_folder(tmp_path):
    """Two good reports and one whose check finds errors (a required part missing)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    text = VALID.read_text(encoding="utf-8")
    (folder / "zuoyun.yaml").write_text(text, encoding="utf-8")
    (folder / "pinglu.yaml").write_text(text.replace("左云县", "平鲁区"), encoding="utf-8")
    broken = text.replace("  deficiencies:", "  deficiencies_removed:")
    assert broken != text
    (folder / "broken.yaml").write_text(broken, encoding="utf-8")
    (folder / "notes.txt").write_text("not a report", encoding="utf-8")
    return folder


def test_a_batch_writes_the_good_reports_and_reports_the_broken_one(tmp_path):
    out = tmp_path / "out"
    result = invoke("build", str(reports_folder(tmp_path)), "-o", str(out), "-j", "2", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == ["pinglu", "zuoyun"]
    for name in ("pinglu", "zuoyun"):
        assert sorted(p.name for p in (out / name).iterdir()) == [
            f"{name}.zh-CN.{fmt}" for fmt in ("html", "md", "pdf")
        ]
    assert "平鲁区人民政府" in (output(out / "pinglu", "md")).read_text(encoding="utf-8")
    lines = result.output.splitlines()
    assert any("broken.yaml" in line and "refused" in line for line in lines)
    assert any("zuoyun.yaml" in line and "built" in line for line in lines)
    assert "missing-section" in result.output  # the broken report's findings are shown
    assert "3 reports: 2 built, 1 refused, 0 failed" in result.output
    assert "[3/3]" in result.output  # progress, one line per report as it ends


def test_a_report_that_cannot_be_read_fails_and_the_others_are_built(tmp_path):
    out = tmp_path / "out"
    result = invoke("build", str(VALID), str(tmp_path / "missing.yaml"), "-o", str(out), "-j", "1", "-f", "md")
    assert result.exit_code == 2, result.output
    assert (output(out / "valid.zh-CN", "md")).is_file()
    assert "missing.yaml" in result.output


def test_two_reports_of_one_name_are_refused_before_anything_is_built(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(VALID, other / VALID.name)
    result = invoke("build", str(VALID), str(other / VALID.name), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_the_summary_table_aligns_its_columns():
    outcomes = [
        Outcome(VALID, BUILT, 1.234, 18, 0, 2, VALID.parent),
        Outcome(VALID.with_name("b.yaml"), REFUSED, 0.05, None, 3, 0),
        Outcome(VALID.with_name("c.yaml"), FAILED, 0.0),
    ]
    text = table(outcomes, 2.5, 2, "en").splitlines()
    assert text[0].split()[:4] == ["file", "result", "pages", "seconds"]
    # numbers right-aligned under their headings
    assert text[1].index(" 18 ") + 3 == text[0].index("pages") + len("pages")
    assert text[1].index("1.23") + 4 == text[0].index("seconds") + len("seconds")
    assert text[2].split()[2] == "-"
    assert text[-1] == "3 reports: 1 built, 1 refused, 1 failed in 2.5 s (2 workers)"


def imports_weasyprint(*args: str) -> bool:
    """Run `genreport ARGS` in a fresh interpreter; whether WeasyPrint got imported."""
    code = (
        "import sys\n"
        "from genreport.cli import run\n"
        f"sys.argv = ['genreport', *{list(args)!r}]\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('WEASYPRINT' if 'weasyprint' in sys.modules else 'LIGHT', file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] in ("WEASYPRINT", "LIGHT"), done.stderr
    return done.stderr.strip().endswith("WEASYPRINT")


def test_help_and_check_never_import_weasyprint():
    assert not imports_weasyprint("--help")
    assert not imports_weasyprint("build", "--help")
    assert not imports_weasyprint("check", str(VALID))
    assert imports_weasyprint("fonts", "--help") is False
