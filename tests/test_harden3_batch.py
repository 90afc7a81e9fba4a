"""Issue 27 item 12: a batch over a folder someone else filled.

A symlink in the folder to a private file elsewhere (a password file, a settings file with a
token) was read and its lines printed in the batch log. Now a symlink that leaves the folder is
named and skipped, and a file that is not a report is named at its first line only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA
from typer.testing import CliRunner

from genreport.cli import app

VALID = DATA / "valid.zh-CN.yaml"
SHADOW = "root:$6$Zq1xsalt$9fakehashfakehash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
SETTINGS = "api_token: tok-5ecret-0f-the-office\ndb_password: hunter2\n"
SECRETS = ("root:", "$6$", "9fakehash", "daemon", "tok-5ecret", "api_token", "hunter2", "db_password")


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), env={"LANG": "en_US.UTF-8"})


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """A folder as a unit sent it in: two reports, and links out of it to private files."""
    private = tmp_path / "etc"
    private.mkdir()
    (private / "shadow").write_text(SHADOW, encoding="utf-8")
    (private / "settings.yaml").write_text(SETTINGS, encoding="utf-8")
    for path in private.iterdir():
        path.chmod(0o600)
    folder = tmp_path / "received"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(VALID, folder / "a.yaml")
    shutil.copy(VALID, folder / "sub" / "inner.yaml")
    (folder / "b.yaml").symlink_to(folder / "sub" / "inner.yaml")  # inside the folder: followed
    (folder / "passwd.yaml").symlink_to(private / "shadow")
    (folder / "token.yml").symlink_to(Path("..") / "etc" / "settings.yaml")  # relative, still out
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")  # a link to itself: neither read nor a crash
    return folder


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} reached the batch log"


def test_symlinks_out_of_the_folder_are_named_skipped_and_never_read(unpacked, tmp_path):
    result = invoke("build", str(unpacked), "-o", str(tmp_path / "out"), "-f", "md", "-j", "1", "--lang", "en")
    assert_no_secret(result.output)
    assert result.exit_code == 1, result.output  # not all built: the skips count
    for name in ("passwd.yaml", "token.yml"):
        assert f"{unpacked / name}: skipped: a symbolic link to a file outside its folder, not read" in result.output
    table = [
        line.split() for line in result.output.splitlines() if line.startswith(str(unpacked)) and len(line.split()) == 7
    ]
    rows = {cells[0].rsplit("/", 1)[-1]: cells[1] for cells in table}
    assert rows == {"a.yaml": "built", "b.yaml": "built", "passwd.yaml": "skipped", "token.yml": "skipped"}
    assert "2 reports: 2 built, 0 refused, 0 failed" in result.output
    assert "; 2 symbolic links out of their folder skipped" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a", "b"]


def test_with_a_pool_of_workers_too(unpacked, tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "genreport", "build", str(unpacked), "-o", str(tmp_path / "out"), "-f", "md", "-j", "2"],
        capture_output=True, text=True, timeout=180, env={**os.environ, "LANG": "zh_CN.UTF-8"},
    )  # fmt: skip
    assert_no_secret(run.stdout + run.stderr)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"{unpacked / 'passwd.yaml'}: 已跳过：这是指向所在文件夹之外的符号链接，未读取" in run.stderr
    assert "跳过 2 个指向文件夹之外的符号链接" in run.stdout
    assert "Traceback" not in run.stderr


def test_a_file_that_is_not_a_report_is_named_at_its_first_line_only(tmp_path):
    folder = tmp_path / "received"
    folder.mkdir()
    shutil.copy(VALID, folder / "a.yaml")
    (folder / "settings.yaml").write_text(SETTINGS, encoding="utf-8")  # a mapping of other keys
    (folder / "shadow.yaml").write_text(SHADOW, encoding="utf-8")  # a mapping whose keys are whole lines
    (folder / "list.yaml").write_text("- api_token: tok-5ecret-0f-the-office\n", encoding="utf-8")
    (folder / "script.yaml").write_text(
        "#!/bin/sh\nexport db_password=hunter2\n[unclosed\n", encoding="utf-8"
    )  # not YAML
    for draft in ((), ("--draft",)):
        result = invoke(
            "build", str(folder), "-o", str(tmp_path / "out"), "-f", "md", "-j", "1", "--lang", "en", *draft
        )
        assert_no_secret(result.output)
        assert result.exit_code == 1
        for name in ("settings.yaml", "shadow.yaml", "list.yaml", "script.yaml"):
            block = result.output.split(f"== {folder / name}\n", 1)[1].split("\n\n", 1)[0].splitlines()
            assert block[0] == (
                f"{folder / name}:1:1: error[not-a-report] not a report data file: no kind, issuer or sections"
                " at its top level; not built, and its content is not shown"
            )
            assert len(block) == 2 and block[1].lstrip().startswith("= hint:")  # no source line under it
        assert "4 refused" in result.output
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a"]


def test_a_broken_report_still_shows_its_lines(tmp_path):
    folder = tmp_path / "received"
    folder.mkdir()
    text = VALID.read_text(encoding="utf-8")
    (folder / "broken.yaml").write_text(text.replace("year: 2023", "year: [2023"), encoding="utf-8")  # a YAML slip
    (folder / "partial.yaml").write_text(
        "kind: rule-of-law-government\nlocale: zh-CN\nyear: 2023\nnote: 草稿\n", encoding="utf-8"
    )
    result = invoke("build", str(folder), "-o", str(tmp_path / "out"), "-f", "md", "-j", "1", "--lang", "en")
    assert result.exit_code == 1
    assert "not-a-report" not in result.output  # they are reports, with the usual findings and their source lines
    for name in ("broken.yaml", "partial.yaml"):
        block = result.output.split(f"== {folder / name}\n", 1)[1].split("\n\n", 1)[0]
        assert re.search(r"(?m)^ +\d+ \| \S", block), block  # a source line under its finding
    assert "| note: 草稿" in result.output


def test_a_symlink_named_on_the_command_line_is_the_users_choice(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(VALID, elsewhere / "real.yaml")
    (tmp_path / "link.yaml").symlink_to(elsewhere / "real.yaml")
    shutil.copy(VALID, tmp_path / "other.yaml")
    result = invoke(
        "build",
        str(tmp_path / "link.yaml"),
        str(tmp_path / "other.yaml"),
        "-o",
        str(tmp_path / "out"),
        "-f",
        "md",
        "-j",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["link", "other"]


def test_a_folder_of_nothing_but_links_out_is_not_an_error_of_its_own(tmp_path):
    folder = tmp_path / "received"
    folder.mkdir()
    secret = tmp_path / "secret.yaml"
    secret.write_text(SETTINGS, encoding="utf-8")
    (folder / "x.yaml").symlink_to(secret)
    result = invoke("build", str(folder), "-o", str(tmp_path / "out"), "-f", "md", "--lang", "en")
    assert_no_secret(result.output)
    assert result.exit_code == 1
    assert (
        "0 reports: 0 built, 0 refused, 0 failed" in result.output
        and "1 symbolic links out of their folder skipped" in result.output
    )
