"""styles/print-ua.css lays reports out exactly as WeasyPrint's own user-agent sheet did.

pdf/weasy/user_agent.py swaps WeasyPrint's html5_ua.css (250 rules, parsed at import) for
print-ua.css, written for the elements genreport's HTML uses. Each page is rendered to pixels
both ways and compared, with Markdown in a text field that uses every element the allow-list
lets through (lists three deep, a table, a quote, code, a link, a rule, a small heading).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdf_helpers import EXAMPLES, outline_titles, poppler
from render_helpers import document
from ruamel.yaml import YAML

from genreport.pdf.prepare import render_pdf_pages
from genreport.pdf.weasy import engine, user_agent

MARKDOWN = """

Some **bold**, *emphasis*, `code`, a [link](https://example.org), H~2~O.

- first item
- second item
    - nested item
        - deeper item

1. one
2. two

> a quoted line

| 项目 | 数量 |
|:-----|-----:|
| 案件 | 60 |
| 咨询 | 2032 |

#### A small heading

---

Last line.
"""


def with_markdown(stem: str, folder: Path) -> Path:
    yaml = YAML()
    data = yaml.load((EXAMPLES / f"{stem}.yaml").read_text(encoding="utf-8"))
    data["sections"]["measures"]["intro"] += MARKDOWN
    path = folder / f"{stem}.yaml"
    yaml.dump(data, path)
    return path


def page_images(pdf: bytes, folder: Path) -> list[bytes]:
    folder.mkdir()
    (folder / "doc.pdf").write_bytes(pdf)
    poppler("pdftoppm", "-r", "40", "-png", str(folder / "doc.pdf"), str(folder / "page"))
    return [p.read_bytes() for p in sorted(folder.glob("page*.png"))]


def both_ways(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, draft: bool = False) -> tuple[Path, Path]:
    doc = document(path, draft=draft)
    ours, _ = render_pdf_pages(doc)
    weasyprint = engine.load()
    monkeypatch.setattr(user_agent, "print_html_class", lambda: weasyprint.HTML)
    theirs, _ = render_pdf_pages(doc)
    (tmp_path / "ours.pdf").write_bytes(ours)
    (tmp_path / "theirs.pdf").write_bytes(theirs)
    return tmp_path / "ours.pdf", tmp_path / "theirs.pdf"


@pytest.mark.parametrize(
    ("stem", "markdown", "draft"),
    [
        ("zuoyun-2023.zh-CN", True, False),
        ("zuoyun-2023.en", True, False),
        ("draft-incomplete.zh-CN", False, True),  # the DRAFT mark in the top margin box
    ],
)
def test_same_pages_as_weasyprints_own_sheet(stem, markdown, draft, tmp_path, monkeypatch):
    path = with_markdown(stem, tmp_path) if markdown else EXAMPLES / f"{stem}.yaml"
    ours, theirs = both_ways(path, tmp_path, monkeypatch, draft=draft)
    if markdown:
        text = poppler("pdftotext", str(ours), "-")
        assert "deeper item" in text and "a quoted line" in text and "2032" in text
    mine, reference = page_images(ours.read_bytes(), tmp_path / "a"), page_images(theirs.read_bytes(), tmp_path / "b")
    assert len(mine) == len(reference)
    assert [i + 1 for i, (a, b) in enumerate(zip(mine, reference, strict=True)) if a != b] == []
    assert outline_titles(ours) == outline_titles(theirs)


def test_weasyprint_internals_are_the_ones_replaced():
    engine.load()
    user_agent.check_internals()


def test_weasyprints_own_html_still_works_after_the_deferred_import():
    """Plain WeasyPrint in a process that imported it through engine.load(): lists and page numbers
    need the counter styles that parsing html5_ua.css fills in, which is now done on first use."""
    code = (
        "from genreport.pdf.weasy import engine, user_agent\n"
        "weasyprint = engine.load()\n"
        "assert isinstance(weasyprint.UA_STYLESHEET, user_agent.DeferredCSS)\n"
        "html = '<style>@page { @bottom-center { content: counter(page, upper-roman) } }</style>'"
        " '<ol><li>alpha</li><li>beta</li></ol><ul><li>gamma</li></ul>'\n"
        "import sys\n"
        "sys.stdout.buffer.write(weasyprint.HTML(string=html).write_pdf())\n"
    )
    pdf = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=120).stdout
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "1. alpha" in text and "2. beta" in text
    assert "• gamma" in text
    assert "I" in text.split()  # page 1 in upper-roman: a counter style only WeasyPrint's sheet defines
