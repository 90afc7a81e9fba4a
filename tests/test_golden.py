"""Golden files: tests/golden/<example>.<locale>.{md,html}, compared as text.

Regenerate with `pytest --update-golden` and review the diff like code. The HTML golden
leaves out the inlined stylesheet (styles/web.css has its own history); everything else is
pinned. An example with check errors is rendered as the draft `build --draft` would write.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, GOLDEN
from render_helpers import document

from genreport.render.html import render_html
from genreport.render.md import render_markdown

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
STYLE = re.compile(r"(?s)<style>\n.*?\n</style>")


def golden_name(path: Path, locale: str, ext: str) -> str:
    stem = path.name.removesuffix(".yaml").removesuffix(f".{locale}")
    return f"{stem}.{locale}.{ext}"


def compare(actual: str, golden: Path, update: bool) -> None:
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden and review it"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(golden), "actual", n=2)
        )
        pytest.fail(f"output differs from {golden.name} (pytest --update-golden to accept):\n{diff[:6000]}")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_markdown_golden(path, update_golden):
    doc = document(path)
    compare(render_markdown(doc), GOLDEN / golden_name(path, doc.locale, "md"), update_golden)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_html_golden(path, update_golden):
    doc = document(path)
    html = STYLE.sub("<style>\n/* styles/web.css */\n</style>", render_html(doc), count=1)
    compare(html, GOLDEN / golden_name(path, doc.locale, "html"), update_golden)
