"""Every finding code the tool can emit is listed in README (users and scripts match on codes).

The codes are read from the source: the first string argument of each call that makes a
finding (`@rule(...)`, `Finding(...)`, the loader's `_finding(...)`/`_add(...)`) and any
module-level `CODE = "..."`. A new code without a README entry fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKERS = {"rule", "Finding", "_finding", "_add", "finding"}
CODE = re.compile(r"[a-z]+(-[a-z]+)*")


def emitted_codes() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in MAKERS:
                    literal = next((a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)), None)
                    if literal and CODE.fullmatch(literal):
                        codes.add(literal)
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "CODE" for t in node.targets):
                if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                    codes.add(node.value.value)
    return codes


def test_the_source_scan_finds_the_codes():
    codes = emitted_codes()
    assert {"placeholder", "yaml-syntax", "schema", "missing-glyph", "date-order"} <= codes


def test_every_code_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(code for code in emitted_codes() if f"`{code}`" not in readme)
    assert missing == []
