"""The bad-input corpus (tests/data/bad/): each file's exit status, finding code and line.

The files are made by hand (see each one); a 5 MB file is generated here rather than committed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, output
from typer.testing import CliRunner

from genreport.checks import check_file
from genreport.cli import app

BAD = DATA / "bad"

# file -> (exit status, rule code or None, line or None)
CORPUS = {
    "syntax-error.yaml": (1, "yaml-syntax", 9),
    "tabs.yaml": (1, "yaml-tab-indent", 6),
    "duplicate-key.yaml": (1, "duplicate-key", 9),
    "unknown-key.yaml": (1, "schema", 9),
    "wrong-type.yaml": (1, "schema", 76),
    "wrong-shape.yaml": (1, "schema", 45),
    "empty.yaml": (1, "empty-file", 1),
    "root-is-list.yaml": (1, "yaml-root", 1),
    "impossible-date.yaml": (1, "schema", 10),
    "python-tag.yaml": (1, "yaml-tag", 8),
    "alias-bomb.yaml": (1, "yaml-anchor", 2),
    "deep-nesting.yaml": (1, "yaml-depth", 2),
    "control-character.yaml": (1, "control-character", 16),  # the backspace is on line 16
    "bom.yaml": (0, None, None),
    "long-line.yaml": (0, None, None),
    "unusual-unicode.yaml": (0, "invisible-character", 51),
    "gbk.yaml": (2, None, None),
    "utf16.yaml": (2, None, None),
}


def test_corpus_is_complete():
    assert {p.name for p in BAD.glob("*.yaml")} == set(CORPUS)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_bad_input(name):
    status, code, line = CORPUS[name]
    result = CliRunner().invoke(app, ["check", "--format", "json", str(BAD / name)])
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    if code is not None:
        findings = [f for f in check_file(BAD / name).findings if f.code == code]
        assert findings, result.output
        assert findings[0].location.line == line


def test_five_megabyte_report_checks(tmp_path: Path):
    valid = (DATA / "valid.zh-CN.yaml").read_text(encoding="utf-8")
    anchor = "  measures:\n    subsections:\n"
    cut = valid.index(anchor) + len(anchor)
    items, size = [], 0
    while size < 5_000_000:
        n = len(items)
        item = (
            f"      - heading: 第{n}项重点工作\n        points:\n          - lead: 推进第{n}项。\n"
            f"            text: 本项工作编号{n}，全年开展检查{n}次，发现问题{n % 50}个并全部整改。\n"
        )
        items.append(item)
        size += len(item.encode())
    big = tmp_path / "big.yaml"
    big.write_text(valid[:cut] + "".join(items) + valid[cut:], encoding="utf-8")
    result = check_file(big)
    assert result.report is not None
    assert len(result.report.sections["measures"].subsections) == len(items) + 3
    assert result.errors == []


def test_thousands_of_subsections_build_to_html_and_markdown(tmp_path):
    """Found by this corpus: numbering stopped at 999 (（一千）is a valid, if odd, number)."""
    from genreport.build import build_file

    valid = (DATA / "valid.zh-CN.yaml").read_text(encoding="utf-8")
    anchor = "  measures:\n    subsections:\n"
    cut = valid.index(anchor) + len(anchor)
    items = "".join(
        f"      - heading: 第{n}项重点工作\n        intro: 全年开展专项检查{n}次，发现问题全部整改。\n"
        for n in range(1200)
    )
    path = tmp_path / "many.yaml"
    path.write_text(valid[:cut] + items + valid[cut:], encoding="utf-8")
    result = build_file(path, tmp_path / "out", ["html", "md"])
    assert [p.name for p in result.written] == ["many.zh-CN.html", "many.zh-CN.md"]
    assert "（一千二百零三）" in (output(tmp_path / "out", "md")).read_text(encoding="utf-8")
