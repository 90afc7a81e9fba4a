"""Each example's PDF, built once per test session through `build_file`, and ways to read PDFs back.

PDF tests share these files instead of rendering their own (a render takes 0.4-1.5 s); a test
that needs a different PDF (a broken stylesheet, other fonts) renders a small one itself.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

from genreport.build import build_file
from genreport.verify.layout import Verification, verify

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
ZH_EXAMPLES = sorted(p.name.removesuffix(".yaml") for p in EXAMPLES.glob("*.zh-CN.yaml"))
FINAL_ZH = [name for name in ZH_EXAMPLES if not name.startswith("draft")]
DRAFT_ZH = [name for name in ZH_EXAMPLES if name.startswith("draft")]
EN_EXAMPLES = sorted(p.name.removesuffix(".yaml") for p in EXAMPLES.glob("*.en.yaml"))

_OUT = Path(tempfile.mkdtemp(prefix="genreport-test-pdf-"))
atexit.register(shutil.rmtree, _OUT, ignore_errors=True)


@functools.cache
def example_pdf(stem: str) -> Path:
    """examples/<stem>.yaml built as `genreport build -f pdf` would (a draft for draft-*), once per session."""
    draft = stem.startswith("draft")
    result = build_file(EXAMPLES / f"{stem}.yaml", _OUT / stem, ["pdf"], draft=draft)
    assert result.written, [f.message.en for f in result.check.findings]
    return result.written[0]


@functools.cache
def verified(stem: str) -> Verification:
    """verify-layout's measurement of the example's PDF, once per session."""
    return verify(example_pdf(stem))


def poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool (pdffonts, pdfinfo, pdftotext) and return its standard output."""
    done = subprocess.run([tool, *args], capture_output=True, text=True, check=True, timeout=60)
    return done.stdout


def outline_titles(path: Path) -> list[tuple[int, str]]:
    """(depth, title) of every bookmark, in order."""
    from pypdf import PdfReader

    out: list[tuple[int, str]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title))

    walk(PdfReader(path).outline, 0)
    return out
