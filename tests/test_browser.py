"""report.html in Debian's headless chromium: no horizontal scrolling on a 375 px phone, and
screenshots at phone and desktop width (in the pytest temp folder, or GENREPORT_SCREENSHOTS)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from chromium import CHROMIUM, Browser
from conftest import EXAMPLES

from genreport.build import build_file

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def browser():
    """One headless chromium for the module."""
    with Browser() as b:
        yield b


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """report.html for every example (drafts for those with errors)."""
    out = tmp_path_factory.mktemp("browser")
    pages = {}
    for path in EXAMPLE_FILES:
        result = build_file(path, out / path.stem, ["html"], draft=path.name.startswith("draft"))
        assert result.written, path
        pages[path.stem] = result.written[0]
    return pages


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLE_FILES])
def test_no_horizontal_overflow_at_375(browser, built, name):
    browser.open(built[name], 375)
    width = browser.evaluate("window.innerWidth")
    assert width == 375
    scroll = browser.evaluate("document.documentElement.scrollWidth")
    widest = browser.evaluate(
        "Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 375.5)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert scroll <= 375, f"page is {scroll}px wide at 375px: {widest}"


def test_no_network_requests(browser, built):
    browser.open(built["zuoyun-2023.zh-CN"], 1280)
    entries = browser.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert entries == []


def test_screenshots(browser, built, tmp_path_factory):
    folder = Path(os.environ.get("GENREPORT_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("zuoyun-2023.zh-CN", "zuoyun-2023.en", "guizhou-2023.zh-CN", "draft-incomplete.zh-CN"):
        if name not in built:
            continue
        for width in (375, 1280):
            browser.open(built[name], width)
            browser.screenshot_region(folder / f"{name}-{width}-top.png", width, 0, 900)
            browser.screenshot_region(
                folder / f"{name}-{width}-closing.png", width, browser.top_of(".signature") - 300, 900
            )
            if browser.evaluate("document.querySelector('.indicator-chart') !== null"):
                browser.screenshot_region(
                    folder / f"{name}-{width}-chart.png", width, browser.top_of(".indicator-chart") - 200, 700
                )
            png = (folder / f"{name}-{width}-top.png").read_bytes()
            assert png.startswith(b"\x89PNG") and len(png) > 5000
