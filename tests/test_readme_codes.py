"""Every finding code that check, load or the command line can produce is documented in README."""

from __future__ import annotations

import re

from conftest import ROOT

from genreport.checks.registry import RULES

SOURCE = ROOT / "generator"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _codes_in_source() -> set[str]:
    """Codes given to findings outside the rule registry: data/load.py, data/slips.py, schema, kinds, the CLI."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found.update(re.findall(r'_finding\(\s*(?:loaded|self\.loaded),\s*"([a-z0-9-]+)"', text))
        found.update(re.findall(r'self\._add\(\s*"([a-z0-9-]+)"', text))
        found.update(re.findall(r'Finding\(\s*Severity\.\w+,\s*"([a-z0-9-]+)"', text))
        found.update(re.findall(r'Slip\(\s*"([a-z0-9-]+)"', text))
        found.update(re.findall(r'code="([a-z0-9-]+)"', text))
        found.update(re.findall(r'^CODE = "([a-z0-9-]+)"', text, re.M))  # a module's one code (glyphs: missing-glyph)
        found.update(
            re.findall(r'_finding\([^"()]*?"([a-z][a-z0-9]*-[a-z0-9-]+)"', text)
        )  # limits.py's bounds, its arguments on one line or several
    return found


def test_every_code_is_in_the_readme():
    codes = {rule.code for rule in RULES} | _codes_in_source()
    assert {
        "placeholder",
        "yaml-full-width-colon",
        "not-utf8",
        "figure-mismatch",
        "missing-glyph",
        "yaml-size",
    } <= codes  # the scan finds them
    assert sorted(code for code in codes if f"`{code}`" not in README) == []
