"""The Fandol fonts (.ci/fandol-fonts, run by `make setup`) as a test requirement.

Tests of the 仿宋/楷体 roles assume FandolFang and FandolKai are installed where fontconfig sees
them. Without them a test is skipped on a developer's machine (with the command that installs
them), but fails under CI=true: CI runs the set-up, so a missing font there is a broken set-up.
"""

from __future__ import annotations

import os

import pytest

from genreport.fonts.roles import system_faces

FANDOL = ("FandolFang", "FandolKai")
INSTALL = "bash .ci/fandol-fonts (make setup runs it)"


def fandol_installed() -> bool:
    families = {name for face in system_faces() for name in face.families}
    return all(name in families for name in FANDOL)


def require_fandol() -> None:
    """Skip (fail under CI) unless both Fandol fonts are installed."""
    if fandol_installed():
        return
    message = f"the Fandol fonts (FandolFang, FandolKai) are not installed: {INSTALL}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def fandol() -> None:
    require_fandol()
