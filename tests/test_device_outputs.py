"""Issue 25 item 8: the one writer never replaces a device, FIFO or socket.

Run as root, `import … -o /dev/null --force` used to rename a regular file over the machine's
/dev/null. Each node here is made in a temporary folder (mknod for the devices, mkfifo, a bound
socket); every command that writes is pointed at it, and the node must still be the node it was,
with no temp file left beside it.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import DATA
from typer.testing import CliRunner

from genreport import atomic
from genreport.cli import app

runner = CliRunner()
VALID = DATA / "valid.zh-CN.yaml"


def _char_device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the numbers of /dev/null
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")


def _block_device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFBLK | 0o600, os.makedev(7, 200))  # a loop device number nothing uses
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    return sock  # kept open until the test ends


MAKERS: dict[str, Callable[[Path], object]] = {
    "character device": _char_device,
    "block device": _block_device,
    "FIFO": _fifo,
    "socket": _socket,
}
IS = {"character device": stat.S_ISCHR, "block device": stat.S_ISBLK, "FIFO": stat.S_ISFIFO, "socket": stat.S_ISSOCK}


@pytest.fixture(params=sorted(MAKERS))
def node(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A special file in a fresh folder, and what kind it is."""
    path = tmp_path / "node"
    keep = MAKERS[request.param](path)
    yield path, request.param
    if isinstance(keep, socket.socket):
        keep.close()


def _still_the_node(path: Path, kind: str) -> None:
    assert IS[kind](os.lstat(path).st_mode), f"{path} was replaced by a {stat.filemode(os.lstat(path).st_mode)}"
    assert sorted(p.name for p in path.parent.iterdir()) == ["node"], "a temp file or journal was left beside it"


def test_the_writer_refuses_every_special_file(node: tuple[Path, str]) -> None:
    path, kind = node
    with pytest.raises(atomic.WriteError) as caught:
        atomic.write_file(path, b"report")
    assert kind in caught.value.text.en and "regular file" in caught.value.text.en
    assert "不是普通文件" in caught.value.text.zh
    _still_the_node(path, kind)


def test_a_link_to_a_device_is_refused_too(tmp_path: Path) -> None:
    """/dev/stdout is a link: replacing the link is as wrong as replacing the device."""
    device = tmp_path / "null"
    _char_device(device)
    link = tmp_path / "stdout"
    link.symlink_to(device)
    with pytest.raises(atomic.WriteError, match="character device"):
        atomic.write_file(link, b"x")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(link).st_mode)


def test_a_regular_file_and_a_new_name_are_still_written(tmp_path: Path) -> None:
    """The guard against the rule switched too far: ordinary targets still work."""
    (tmp_path / "old.md").write_bytes(b"old")
    atomic.write_files({tmp_path / "old.md": b"new", tmp_path / "fresh.md": b"fresh"})
    assert (tmp_path / "old.md").read_bytes() == b"new" and (tmp_path / "fresh.md").read_bytes() == b"fresh"


def test_a_journal_never_rolls_a_temp_file_over_a_device(tmp_path: Path) -> None:
    """A killed build's journal names a target that is a device now: recovery leaves it alone."""
    device = tmp_path / "report.md"
    _char_device(device)
    temp = tmp_path / ".report.md.genreport-x.tmp"
    temp.write_bytes(b"half")
    (tmp_path / atomic.JOURNAL).write_text(f'[["{temp.name}", "report.md"]]', encoding="utf-8")
    atomic.recover(tmp_path)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@pytest.mark.parametrize(
    "command",
    [
        ["schema", "-o", "{node}"],
        ["init", "--locale", "zh-CN", "-o", "{node}", "--force"],
        ["import", "{text}", "-o", "{node}", "--force"],
    ],
    ids=["schema", "init", "import"],
)
def test_commands_that_write_a_data_file_refuse_a_device(command: list[str], tmp_path: Path) -> None:
    device = tmp_path / "node"
    _char_device(device)
    text = tmp_path.parent / f"{tmp_path.name}-last-year.txt"
    text.write_text(
        "左云县人民政府关于2023年法治政府建设情况的报告\n\n一、主要举措\n\n我们做了很多工作。\n", encoding="utf-8"
    )
    args = [a.format(node=device, text=text) for a in command]
    result = runner.invoke(app, args, env={"LANG": "C.UTF-8"})
    assert result.exit_code == 2, result.output
    assert "字符设备" in result.output and "Traceback" not in result.output
    _still_the_node(device, "character device")


def test_a_build_whose_output_name_is_a_fifo_writes_nothing(tmp_path: Path) -> None:
    """The whole set is refused before any file is written: no half a build beside the FIFO."""
    out = tmp_path / "out"
    out.mkdir()
    fifo = out / f"{VALID.name.removesuffix('.yaml')}.md"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["build", str(VALID), "-o", str(out), "-f", "html,md"], env={"LANG": "C.UTF-8"})
    assert result.exit_code == 2, result.output
    assert "FIFO" in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in out.iterdir()] == [fifo.name]
