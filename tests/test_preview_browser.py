"""`genreport preview` in Debian's headless chromium: the page follows each save of the data file
without a reload and keeps the reader's place; a YAML syntax error shows in the panel over the
last good draft and the server lives on; the fix brings the page back. A screenshot of the
draft example with its findings panel goes to GENREPORT_SCREENSHOTS (or the pytest temp folder)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from chromium import CHROMIUM, Browser
from conftest import EXAMPLES
from preview_helpers import PreviewProcess, raw_get

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
REPORT = "document.getElementById('genreport-report').textContent"
PANEL = "document.getElementById('genreport-panel').textContent"
WAIT = 20.0  # seconds for a save to reach the page: generous, never a timing assertion


@pytest.fixture
def browser():
    """A headless chromium with JavaScript errors collected (Runtime events)."""
    with Browser() as b:
        b.page("Runtime.enable")
        yield b


def js_errors(browser: Browser) -> list[dict]:
    return [e for e in browser._events if e.get("method") == "Runtime.exceptionThrown"]


def test_page_follows_saves_errors_and_recovery(tmp_path, browser):
    path = Path(shutil.copy(EXAMPLES / "zuoyun-2023.zh-CN.yaml", tmp_path / "zuoyun.zh-CN.yaml"))
    original = path.read_text(encoding="utf-8")
    assert "统筹谋划、全面部署法治政府建设。" in original
    with PreviewProcess(path) as server:
        browser.navigate(server.url, 1280, 900)
        assert "统筹谋划" in browser.evaluate(REPORT)
        assert "检查通过" in browser.evaluate(PANEL)
        browser.evaluate("window.__sameDocument = true; window.scrollTo(0, 1500); window.scrollY")
        scroll = browser.evaluate("window.scrollY")
        assert scroll == 1500

        # 1. an edit reaches the page by itself: no reload (the marker survives), same place
        path.write_text(original.replace("统筹谋划、全面部署", "实时预览第一次修改"), encoding="utf-8")
        browser.wait_until(f"{REPORT}.includes('实时预览第一次修改')", WAIT)
        assert "统筹谋划、全面部署" not in browser.evaluate(REPORT)
        assert browser.evaluate("window.__sameDocument") is True
        assert abs(browser.evaluate("window.scrollY") - scroll) <= 2

        # 2. broken YAML: the error shows in the panel, the last good draft stays under it
        path.write_text(original.replace("sections:", "sections: [", 1), encoding="utf-8")
        browser.wait_until(f"{PANEL}.includes('YAML 语法错误')", WAIT)
        assert "实时预览第一次修改" in browser.evaluate(REPORT)
        assert browser.evaluate("document.querySelector('#genreport-panel .gp-stale') !== null")
        assert browser.evaluate("window.__sameDocument") is True
        assert server.proc.poll() is None
        assert raw_get(server.url, "/")[0] == 200

        # 3. the fix brings the page back, still without a reload
        path.write_text(original.replace("统筹谋划、全面部署", "修正之后恢复显示"), encoding="utf-8")
        browser.wait_until(f"{REPORT}.includes('修正之后恢复显示') && !{PANEL}.includes('YAML 语法错误')", WAIT)
        assert "检查通过" in browser.evaluate(PANEL)
        assert browser.evaluate("window.__sameDocument") is True
        assert js_errors(browser) == []

        status, _, err = server.interrupt()
    assert status == 0 and "Traceback" not in err


def test_narrow_screen_keeps_the_readers_place_when_the_panel_above_grows(tmp_path, browser):
    """On a phone the panel sits above the draft: when it grows (an error appears), the draft the
    reader is looking at must not jump down."""
    path = Path(shutil.copy(EXAMPLES / "zuoyun-2023.zh-CN.yaml", tmp_path / "zuoyun.zh-CN.yaml"))
    original = path.read_text(encoding="utf-8")
    top = "document.getElementById('part-deficiencies').getBoundingClientRect().top"
    with PreviewProcess(path) as server:
        browser.navigate(server.url, 400, 800)
        assert browser.evaluate("getComputedStyle(document.getElementById('genreport-panel')).position") == "static"
        # chromium's own scroll anchoring would hide a missing compensation (Safari has none)
        browser.evaluate("document.documentElement.style.overflowAnchor = document.body.style.overflowAnchor = 'none'")
        browser.evaluate(f"window.scrollBy(0, {top} - 100)")
        before = browser.evaluate(top)
        panel_height = browser.evaluate("document.getElementById('genreport-panel').offsetHeight")
        path.write_text(original.replace("sections:", "sections: [", 1), encoding="utf-8")
        browser.wait_until(f"{PANEL}.includes('YAML 语法错误')", WAIT)
        assert browser.evaluate("document.getElementById('genreport-panel').offsetHeight") > panel_height
        assert abs(browser.evaluate(top) - before) <= 2
        assert browser.evaluate("getComputedStyle(document.querySelector('.gp-badge')).position") == "fixed"
        assert "1 个错误" in browser.evaluate("document.querySelector('.gp-badge').textContent")
        server.interrupt()


def test_findings_panel_links_into_the_draft(tmp_path, browser):
    path = Path(shutil.copy(EXAMPLES / "draft-incomplete.zh-CN.yaml", tmp_path / "draft.zh-CN.yaml"))
    folder = Path(os.environ.get("GENREPORT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    with PreviewProcess(path) as server:
        browser.navigate(server.url, 1280, 900)
        assert browser.evaluate("document.querySelectorAll('#genreport-panel .gp-item').length") == 10
        assert "5 个错误，5 个警告" in browser.evaluate(PANEL)
        assert browser.evaluate("document.querySelectorAll('#genreport-panel .gp-error').length") == 5
        browser.screenshot_region(folder / "preview-draft-incomplete-1280.png", 1280, 0, 900)

        browser.evaluate("document.querySelector('#genreport-panel a.gp-msg[href=\"#part-measures-2-p2\"]').click()")
        target = browser.wait_until("document.querySelector(':target') && document.querySelector(':target').id", WAIT)
        assert target == "part-measures-2-p2"
        assert "【待填】" in browser.evaluate("document.querySelector(':target').textContent")
        assert browser.evaluate("document.querySelector('#part-leaders_duties .missing') !== null")
        assert js_errors(browser) == []
        png = (folder / "preview-draft-incomplete-1280.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 5000
        server.interrupt()
