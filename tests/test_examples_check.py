"""The bundled examples: the complete ones check clean, the draft names every planted problem."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, line_of
from typer.testing import CliRunner

from genreport.checks import check_file
from genreport.cli import app

COMPLETE = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.startswith("draft"))


@pytest.mark.parametrize("path", COMPLETE, ids=lambda p: p.name)
def test_complete_example_checks_clean(path):
    result = CliRunner().invoke(app, ["check", "--strict", str(path)])
    assert result.exit_code == 0, result.output


def test_draft_names_every_problem_with_its_line():
    path = EXAMPLES / "draft-incomplete.zh-CN.yaml"
    text = path.read_text(encoding="utf-8")
    findings = check_file(path).findings
    found = {(f.code, f.location.line) for f in findings}
    assert ("document-number", line_of(text, "document_number:")) in found
    assert ("date-impossible", line_of(text, "signed_on:")) in found
    assert ("missing-section", line_of(text, "sections:")) in found
    assert {"part-exceeds-whole", "percent-range", "missing-previous"} <= {code for code, _ in found}
    lines = text.splitlines()
    # Each placeholder finding points at its token, column included.
    pointed_at = {
        token
        for f in findings
        if f.code == "placeholder"
        for token in ("【待填】", "TODO", "××")
        if lines[f.location.line - 1][f.location.column - 1 :].startswith(token)
    }
    assert pointed_at == {"【待填】", "TODO", "××"}
    assert CliRunner().invoke(app, ["check", str(path)]).exit_code == 1
