"""report.html as a reader sees it in headless chromium: the English title at 375 px leaves no
word alone on a line, and a zh-CN point's second paragraph keeps its first-line indent."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, Browser
from conftest import EXAMPLES
from ruamel.yaml import YAML

from genreport.build import build_file

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

# Words of each .title-line grouped by the line they are drawn on: [[words of line 1], ...] per title line.
TITLE_LINES = """
Array.from(document.querySelectorAll('.doc-title .title-line')).map(span => {
  const node = span.firstChild, text = node.textContent, lines = new Map();
  let at = 0;
  for (const word of text.split(' ')) {
    const range = document.createRange();
    range.setStart(node, at); range.setEnd(node, at + word.length);
    const top = Math.round(range.getBoundingClientRect().top);
    lines.set(top, (lines.get(top) || []).concat([word]));
    at += word.length + 1;
  }
  return Array.from(lines.values());
})
"""


@pytest.fixture(scope="module")
def browser():
    """One headless chromium for the module."""
    with Browser() as b:
        yield b


def test_english_title_at_375_leaves_no_word_alone(browser, tmp_path):
    result = build_file(EXAMPLES / "zuoyun-2023.en.yaml", tmp_path, ["html"], draft=False)
    browser.open(result.written[0], 375)
    lines = browser.evaluate(TITLE_LINES)
    wrapped = [span for span in lines if len(span) > 1]
    assert wrapped, lines  # the title does wrap at this width: the check is not empty
    lone = [line for span in lines for line in span if len(line) == 1 and len(span) > 1]
    assert lone == [], lines


def test_a_points_second_paragraph_keeps_its_indent(browser, tmp_path):
    yaml = YAML(typ="rt")
    data = yaml.load((EXAMPLES / "zuoyun-2023.zh-CN.yaml").read_text(encoding="utf-8"))
    point = data["sections"]["measures"]["subsections"][0]["points"][0]
    point["text"] = "第一段文字，说明工作的第一个方面。\n\n第二段文字，说明工作的第二个方面。"
    source = tmp_path / "two-paragraphs.zh-CN.yaml"
    with source.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    result = build_file(source, tmp_path / "out", ["html"], draft=False)
    browser.open(Path(result.written[0]), 1280)
    indents = browser.evaluate(
        "Array.from(document.querySelectorAll('.point, .subsection > p'))"
        ".filter(p => p.textContent.includes('段文字')).map(p => getComputedStyle(p).textIndent)"
    )
    assert len(indents) == 2 and indents[0] == indents[1] != "0px", indents
