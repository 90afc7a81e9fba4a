"""The package as a user installs it: a wheel, in a fresh virtual environment outside the checkout.

Templates and stylesheets must ship inside the wheel (resources.py finds them there); a build
that only works from the source tree fails here. The fresh environment borrows the dependencies
of the test environment (a .pth line) so that nothing is downloaded but the build backend.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "zuoyun-2023.zh-CN.yaml"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (found,) = out.glob("genreport-*.whl")
    return found


def test_the_wheel_carries_templates_and_stylesheets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "genreport/templates/rule-of-law-government/kind.yaml" in names
    assert "genreport/styles/gbt9704.css" in names and "genreport/styles/print-ua.css" in names
    assert "genreport/preview/static/live.js" in names
    assert not any(name.startswith(("tests/", "examples/", "generator/")) for name in names)


def test_an_installed_wheel_builds_the_example(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
        ).strip()
    )
    # The dependencies come from the test environment; genreport itself only from the wheel.
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(EXAMPLE, work / EXAMPLE.name)
    where = subprocess.run(
        [python, "-c", "import genreport; print(genreport.__file__)"], capture_output=True, text=True, cwd=work
    )
    assert where.stdout.startswith(str(site)), where.stdout + where.stderr
    done = subprocess.run(
        [python, "-m", "genreport", "build", EXAMPLE.name, "-o", "out", "-f", "pdf,html"],
        capture_output=True, text=True, cwd=work, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    pdfs = list((work / "out").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF-")
