"""Issue 18 items 5, 6 and 10 (deep lists): report.md carries no dangerous link in any form a
CommonMark renderer accepts, and a text field renders in linear time whatever it holds.

The links are judged by pandoc's CommonMark reader (an implementation the code does not use)
when it is installed, and by markdown-it-py with its own link filter off otherwise.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import output

from genreport.build import build_file
from genreport.checks import check_file
from genreport.render import md_safety
from genreport.render.markdown import to_html, to_markdown

DANGEROUS = re.compile(r"""(?:href|src)="(?!https?:|mailto:|#)([^"]*)\"""", re.IGNORECASE)


def rendered_links(markdown: str) -> list[str]:
    """The link targets a CommonMark renderer makes of `markdown` that are not http(s)/mailto/#."""
    if shutil.which("pandoc"):
        html = subprocess.run(
            ["pandoc", "-f", "commonmark", "-t", "html"],
            input=markdown,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        return DANGEROUS.findall(html)
    return md_safety.bad_links(markdown)


FORMS = {
    "in a quote": "> [q]: javascript:alert(1)\n\n[q]",
    "in a list item": "- [q]: javascript:alert(1)\n\n[q]",
    "URL on the next line": "[q]:\njavascript:alert(1)\n\n[q]",
    "escaped bracket in the label": "[a\\]b]: javascript:alert(1)\n\n[a\\]b]",
    "label over two lines": "[a\nb]: javascript:alert(1)\n\n[a b]",
    "entity in the scheme": "[x](javascript&#58;alert(1))",
    "entity colon": "[x](javascript&colon;alert(1))",
    "backslash in the scheme": "[x](javascript\\:alert(1))",
    "mixed case": "[x](JaVaScRiPt:alert(1))",
    "image": "![x](javascript:alert(1))",
    "full reference": "[x][q]\n\n[q]: vbscript:msgbox(1)",
    "data URL": "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "title and spaces": "[x](  javascript:alert(1)  'title')",
    "definition with title on the next line": "[q]: javascript:alert(1)\n  'title'\n\n[q]",
    "nested quote and list": "> - > [q]: javascript:alert(1)\n\n[q]",
}


@pytest.mark.parametrize("text", list(FORMS.values()), ids=list(FORMS))
def test_no_dangerous_link_survives_in_markdown(text):
    assert rendered_links(text), "the form is a live link in CommonMark to begin with"
    assert rendered_links(to_markdown(text)) == []


def test_safe_links_are_kept():
    text = "见[政府网站](https://www.gov.cn/)和[邮箱](mailto:a@b.cn)。\n\n[q]: https://example.org\n\n[q]"
    out = to_markdown(text)
    assert "[政府网站](https://www.gov.cn/)" in out and "[q]: https://example.org" in out


def test_a_link_split_across_a_lead_and_its_text(tmp_path, valid_text):
    """A point's lead `[q]` (plain text) is followed directly by its text `(javascript:...)`."""
    line = next(text for text in valid_text.splitlines() if text.startswith("          - lead: "))
    text_line = valid_text.splitlines()[valid_text.splitlines().index(line) + 1]
    data = valid_text.replace(
        line + "\n" + text_line, '          - lead: "[q]"\n            text: "(javascript:alert(1))后文。"', 1
    )
    definition = "[q]: javascript:alert(2)"
    path = tmp_path / "report.yaml"
    path.write_text(data, encoding="utf-8")
    built = build_file(path, tmp_path / "out", ["md"], draft=True)
    md = (output(tmp_path / "out", "md")).read_text(encoding="utf-8")
    assert built.written and "(javascript:alert(1))" in md
    assert rendered_links(md) == []
    assert rendered_links(md + "\n" + definition + "\n") == []  # nor a label a definition elsewhere could use


PATHOLOGICAL = {
    "brackets": "[" * 8_000,
    "images": "![" * 20_000,
    "links": "[a](" * 8_000,
    "deep list": "\n".join("    " * i + "- x" for i in range(600)),
    "deep quote": "> " * 5_000 + "x",
    "compact list": "- " * 5_000 + "x",
}


@pytest.mark.parametrize("text", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_pathological_text_renders_as_plain_paragraphs(text):
    assert md_safety.limit_hit(text) is not None
    html = str(to_html(text))  # today: 10 s, 100 s, or RecursionError; the fuzz test bounds the time
    assert html.startswith("<p>") and "<a" not in html and "<li>" not in html
    assert rendered_links(to_markdown(text)) == []


def test_ordinary_markdown_is_not_limited():
    text = "- 一\n  - 二\n    - 三\n\n> 引用 [链接](https://a.cn)\n\n1. 甲\n2. 乙"
    assert md_safety.limit_hit(text) is None
    assert "<li>" in str(to_html(text)) and "<a " in str(to_html(text))


def test_check_warns_when_a_text_is_past_a_limit(tmp_path, valid_text):
    line = next(text for text in valid_text.splitlines() if text.startswith("            text: "))
    path = tmp_path / "report.yaml"
    path.write_text(valid_text.replace(line, '            text: "' + "[" * 300 + '"', 1), encoding="utf-8")
    result = check_file(path)
    found = [f for f in result.findings if f.code == "markdown-limit"]
    assert len(found) == 1 and found[0].location.line == valid_text.splitlines().index(line) + 1
    assert "256" in found[0].message.zh


def test_a_text_past_the_length_limit_is_plain(tmp_path):
    text = "*a_" * (md_safety.MAX_CHARS // 3 + 1)
    assert md_safety.limit_hit(text) == "length"
    assert str(to_html(text)).startswith("<p>*a_")
