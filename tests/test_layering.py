"""The package is a map of the pipeline: imports only go down the stages, and never in a circle.

The allowed order is written once, here (README's "Layout of the source" explains it). Every
import of a genreport module counts, at module level or inside a function: a function-level
import that points up is a hidden dependency just the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Highest first. A module may import from its own stage or any stage below it, never above.
STAGES: tuple[tuple[str, ...], ...] = (
    ("launch", "__main__"),  # the process: starts the PDF helper, runs the command line
    ("cli",),  # typer commands: parse, call one function, print, exit code
    ("build", "batch", "preview", "yearly", "importer"),  # orchestration, the year-to-year workflow, import
    ("pdf", "docx"),  # the PDF (prepare, helper process, WeasyPrint and its patches) and the Word file
    ("verify",),  # GB/T 9704: the standard's constants and the measuring of a built PDF
    ("fonts",),  # font roles, faces, the font cache
    ("render",),  # Document, Jinja, Markdown, numbering -> HTML and Markdown text
    ("checks",),  # rules -> findings
    ("data",),  # YAML with marks, models, kinds
    (
        "errors",
        "environment",
        "resources",
        "atomic",
        "run_folder",
        "gbt9704",
        "speed",
        "terminal",
        "__init__",
    ),  # what everything may use (gbt9704: the standard in numbers)
)
RANK = {name: rank for rank, names in enumerate(STAGES) for name in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(["genreport", *parts]) if parts != ["__init__"] else "genreport"


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(path: Path, name: str) -> set[str]:
    """Every genreport module `path` imports (`from genreport.x import y` counts y when it is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("genreport"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            if not base.startswith("genreport"):
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in ALL_MODULES else base)
    return found - {name}


ALL_MODULES = {module_name(p) for p in PACKAGE.rglob("*.py")}
GRAPH = {module_name(p): imports_of(p, module_name(p)) for p in PACKAGE.rglob("*.py")}


def test_every_top_level_module_and_subpackage_has_a_stage():
    names = {stage_of(m) for m in ALL_MODULES}
    assert names - set(RANK) == set(), "add the new module or subpackage to STAGES"


def test_imports_only_go_down_the_pipeline():
    upward = [
        f"{importer} imports {imported} ({stage_of(imported)} is above {stage_of(importer)})"
        for importer, imported_set in sorted(GRAPH.items())
        for imported in sorted(imported_set)
        if imported in ALL_MODULES and RANK[stage_of(imported)] < RANK[stage_of(importer)]
    ]
    assert upward == []


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            # importing a package runs its __init__: a package's own modules do not import "it"
            if nxt not in graph or node.startswith(nxt + "."):
                continue
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_no_import_cycle():
    assert find_cycle(GRAPH) is None, " -> ".join(find_cycle(GRAPH) or [])


@pytest.mark.parametrize(
    ("graph", "has_cycle"),
    [({"a": {"b"}, "b": {"c"}, "c": {"a"}}, True), ({"a": {"b"}, "b": {"c"}, "c": set()}, False)],
)
def test_the_cycle_finder_finds_cycles(graph, has_cycle):
    assert (find_cycle(graph) is not None) is has_cycle


def test_the_top_level_stays_small():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top  # the ground floor grew by environment, gbt9704 (the standard) and speed
