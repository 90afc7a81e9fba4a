"""Issue 18 items 2 and 12: a read-only home still builds PDFs (command, helper and batch workers
share one temporary font folder, removed at the end), and the font cache prunes only what it
wrote and treats an odd entry as a miss.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, output

from genreport.build import build_file
from genreport.fonts import cache as fontcache

VALID = DATA / "valid.zh-CN.yaml"


def _unwritable_home(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    return {**env, "HOME": "/proc/nohome", "TMPDIR": str(tmp), "LANG": "C.UTF-8"}


@pytest.mark.parametrize("helper", ["1", "0"])
def test_a_read_only_home_builds_a_pdf_and_leaves_no_temp_folder(tmp_path, helper):
    env = {**_unwritable_home(tmp_path), "GENREPORT_PDF_HELPER": helper}
    run = subprocess.run(
        [sys.executable, "-m", "genreport", "build", str(VALID), "-o", str(tmp_path / "out"), "-f", "pdf"],
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr  # today, with the helper: exit 2, "Font-face ... cannot be loaded"
    assert "cannot be loaded" not in run.stderr
    assert (output(tmp_path / "out", "pdf")).stat().st_size > 10_000
    assert os.listdir(tmp_path / "tmp") == []  # today: a genreport-fonts-* folder stays behind


def test_a_batch_with_a_read_only_home_leaves_nothing_in_tmp(tmp_path):
    env = _unwritable_home(tmp_path)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(VALID, inputs / f"{name}.yaml")
    run = subprocess.run(
        [sys.executable, "-m", "genreport", "build", str(inputs), "-o", str(tmp_path / "out"), "-f", "pdf", "-j", "2"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a", "b", "c"]
    assert os.listdir(tmp_path / "tmp") == []  # today: one folder per worker, 15 MB each


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "genreport" / "fonts"


def test_pruning_a_shared_folder_deletes_only_the_cache_entries(tmp_path, cache, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    theirs = {
        name: b"someone else's" * 100
        for name in ("c-notes.txt", "d-draft.otf", "c-" + "0" * 24 + "-" + "1" * 16 + ".otf")
    }
    for name, data in theirs.items():
        (shared / name).write_bytes(data)
    cache.parent.mkdir(parents=True)
    cache.symlink_to(shared)  # the cache folder is a link to a folder others use too
    build_file(VALID, tmp_path / "out", ["pdf"])
    ours = [n for n in os.listdir(shared) if n not in theirs and not n.startswith(".")]
    assert ours
    monkeypatch.setattr(fontcache, "MAX_BYTES", 1)  # over the limit: prune everything it may
    fontcache._prune(cache, keep=cache / "none")
    for name, data in theirs.items():
        assert (shared / name).read_bytes() == data, name  # today: the c-/d- files are deleted
    assert [n for n in os.listdir(shared) if n in ours] == []  # the cache's own entries do go


def test_a_folder_under_an_entry_name_is_a_miss(tmp_path, cache):
    build_file(VALID, tmp_path / "one", ["pdf"])
    names = [n for n in os.listdir(cache) if not n.startswith(".")]
    assert names
    for name in names:
        (cache / name).unlink()
        (cache / name).mkdir()  # today: every build fails until someone removes it
    result = build_file(VALID, tmp_path / "two", ["pdf"])
    assert result.written and (output(tmp_path / "two", "pdf")).stat().st_size > 10_000
    assert all((cache / name).is_dir() for name in names)  # not ours to delete
