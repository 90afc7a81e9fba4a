"""Issue 25 item 7: reproducible installs. `make setup` installs constraints.txt's exact versions,
and pyproject.toml's ranges are narrowed to those releases: a range that would let pip pick a
release the suite never ran against (typer >=0.12 installed 0.29) fails here."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REQUIREMENTS = [Requirement(r) for r in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]]


def _pins() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not name==version"
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_every_dependency_is_pinned_within_its_range():
    pins = _pins()
    unpinned = [str(r) for r in REQUIREMENTS if canonicalize_name(r.name) not in pins]
    outside = [f"{r} but {pins[canonicalize_name(r.name)]}" for r in REQUIREMENTS
               if canonicalize_name(r.name) in pins and not r.specifier.contains(pins[canonicalize_name(r.name)])]  # fmt: skip
    assert (unpinned, outside) == ([], [])


def test_every_range_starts_at_the_tested_release_and_is_bounded():
    """The lowest version a range allows is the tested release's major.minor, and every range has an
    upper bound: a fresh `pip install genreport` cannot pick an older or a newer series than the suite saw."""
    pins = _pins()
    loose = []
    for requirement in REQUIREMENTS:
        pin = pins[canonicalize_name(requirement.name)]
        floors = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "~=", "==")]
        bounded = any(s.operator in ("<", "~=", "==") for s in requirement.specifier)
        if not floors or max(floors).release[:2] != pin.release[:2] or not bounded:
            loose.append(f"{requirement} (tested: {pin})")
    assert loose == []


def test_make_setup_installs_with_the_constraints():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = [line for line in makefile.splitlines() if re.search(r"pip install .*-e", line)]
    assert install and all("-c constraints.txt" in line for line in install), install
