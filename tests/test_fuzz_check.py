"""Random damage to a valid file never produces a traceback: only findings (exit 1) or exit 0/2."""

from __future__ import annotations

from conftest import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genreport.checks import check_file

VALID = (DATA / "valid.zh-CN.yaml").read_text(encoding="utf-8")
LINES = VALID.splitlines(keepends=True)

# Characters that matter to YAML and to our checks, plus ordinary text.
ALPHABET = st.sampled_from(
    list(":-[]{}&*!|>'\"#%@`\t\n ,?") + ["TODO", "××", "…", "2024-02-30", "null", "-1", "1e999", "中文"]
)


@st.composite
def damaged(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap"]))
        index = draw(st.integers(0, len(lines) - 1))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(ALPHABET) + line[at:]
    return "".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=damaged())
def test_damaged_file_gives_findings_not_tracebacks(tmp_path, text):
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_file(path)  # must not raise
    for finding in result.findings:
        assert finding.location.line is None or finding.location.line >= 1
        assert finding.message("zh-CN") and finding.message("en")
    if result.report is None:
        assert result.errors, "a file that did not validate must say why"
