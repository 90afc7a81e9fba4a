"""Documents genreport did not write: each example's HTML converted to .docx by LibreOffice, its
Markdown converted to .docx by pandoc, and its page as a browser copies it (innerText) imports
with the same structure and metadata as the example.

The conversions run once per module (one LibreOffice start for every example) in a fresh profile.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from chromium import CHROMIUM, Browser
from conftest import EXAMPLES
from import_helpers import checked, import_to_yaml, metadata, shape
from render_helpers import document

from genreport.render.html import render_html
from genreport.render.md import render_markdown

COMPLETE = [p for p in sorted(EXAMPLES.glob("*.yaml")) if not p.name.startswith("draft-")]
SOFFICE = shutil.which("soffice")
PANDOC = shutil.which("pandoc")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every complete example as genreport writes it, named after its data file (zuoyun-2023.zh-CN.html, .md), in one folder."""
    folder = tmp_path_factory.mktemp("rendered")
    for example in COMPLETE:
        doc = document(example)
        (folder / f"{example.stem}.html").write_text(render_html(doc), encoding="utf-8")
        (folder / f"{example.stem}.md").write_text(render_markdown(doc), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def libreoffice_docx(rendered: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples' HTML converted to .docx by LibreOffice (one run, a fresh profile)."""
    if SOFFICE is None:
        pytest.skip("needs LibreOffice (Debian's libreoffice-writer-nogui)")
    out = tmp_path_factory.mktemp("libreoffice")
    profile = tmp_path_factory.mktemp("lo-profile")
    sources = [str(rendered / f"{example.stem}.html") for example in COMPLETE]
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--infilter=HTML (StarWriter)",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), *sources],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def pandoc_docx(rendered: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples' Markdown converted to .docx by pandoc."""
    if PANDOC is None:
        pytest.skip("needs pandoc")
    out = tmp_path_factory.mktemp("pandoc")
    for example in COMPLETE:
        source = rendered / f"{example.stem}.md"
        subprocess.run(
            [PANDOC, "-f", "markdown", "-t", "docx", "-o", str(out / f"{example.stem}.docx"), str(source)],
            check=True,
            timeout=120,
        )
    return out


@pytest.fixture(scope="module")
def copied_text(rendered: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each page's text as a browser copies it (select all, copy: the body's innerText)."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium")
    out = tmp_path_factory.mktemp("copied")
    with Browser() as browser:
        for example in COMPLETE:
            browser.open(rendered / f"{example.stem}.html", width=1000)
            (out / f"{example.stem}.txt").write_text(browser.evaluate("document.body.innerText"), encoding="utf-8")
    return out


def _same(example: Path, source: Path, tmp_path: Path, disclosure: bool = True) -> None:
    doc = document(example)
    imported_path, imported = import_to_yaml(source, tmp_path / "imported.yaml")
    report, imported_doc, errors = checked(imported_path)
    assert errors == [], [f"{e.location}: {e.message.en}" for e in errors]
    assert shape(report, leads=False) == shape(doc.report, leads=False)
    expected = metadata(doc.report, doc.title)
    actual = metadata(report, imported_doc.title)
    assert actual == expected
    assert imported.missing == []


@pytest.mark.parametrize("example", COMPLETE, ids=[p.stem for p in COMPLETE])
def test_libreoffice_docx(example: Path, libreoffice_docx: Path, tmp_path: Path) -> None:
    _same(example, libreoffice_docx / f"{example.stem}.docx", tmp_path)


@pytest.mark.parametrize("example", COMPLETE, ids=[p.stem for p in COMPLETE])
def test_pandoc_docx(example: Path, pandoc_docx: Path, tmp_path: Path) -> None:
    _same(example, pandoc_docx / f"{example.stem}.docx", tmp_path)


@pytest.mark.browser
@pytest.mark.parametrize("example", COMPLETE, ids=[p.stem for p in COMPLETE])
def test_browser_copy(example: Path, copied_text: Path, tmp_path: Path) -> None:
    _same(example, copied_text / f"{example.stem}.txt", tmp_path)
