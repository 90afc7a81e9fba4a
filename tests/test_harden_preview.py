"""Issue 18 item 4: preview reads only the file it was started on, quotes only the offending line,
and closes connections that say nothing.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES
from preview_helpers import running

from genreport.preview.render import Renderer
from genreport.preview.server import IDLE_SECONDS

ZUOYUN = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
SECRET = "root:$6$SECRETHASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return Path(shutil.copy(ZUOYUN, tmp_path / "report.yaml"))


def _render_within(renderer: Renderer, seconds: float = 20):
    """The snapshot of one render, or a failure if it does not return (a FIFO blocks a read forever)."""
    box: list[object] = []
    thread = threading.Thread(target=lambda: box.append(renderer.render()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, "the render hung"
    return box[0]


def test_a_data_file_swapped_for_a_symlink_is_not_read(report, tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text(SECRET, encoding="utf-8")
    renderer = Renderer(report)
    assert renderer.render().state.failure is None
    report.unlink()
    report.symlink_to(secret)
    snapshot = _render_within(renderer)
    assert "SECRETHASH" not in snapshot.panel and "daemon" not in snapshot.panel  # today: both lines shown
    assert "符号链接" in snapshot.panel


def test_a_data_file_swapped_for_a_fifo_is_not_read(report):
    renderer = Renderer(report)
    renderer.render()
    report.unlink()
    os.mkfifo(report)
    snapshot = _render_within(renderer)  # today: blocks on open() for ever
    assert snapshot.state.failure and "普通文件" in snapshot.state.failure


def test_preview_started_on_a_link_reads_its_target_and_keeps_it(report, tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(report)
    renderer = Renderer(link)
    assert renderer.render().state.failure is None
    other = tmp_path / "other.yaml"
    other.write_text(SECRET, encoding="utf-8")
    link.unlink()
    link.symlink_to(other)  # re-pointing the link the preview was started on changes nothing
    snapshot = renderer.render()
    assert "SECRETHASH" not in snapshot.panel and snapshot.state.failure is None


def test_only_the_offending_line_is_quoted(report):
    lines = ZUOYUN.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("year:"))
    lines[number + 1 : number + 1] = ["# SECRET-BEFORE", "year: 2024", "# SECRET-AFTER"]  # a duplicate key
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    snapshot = Renderer(report).render()
    assert [f.code for f in snapshot.state.findings] == ["duplicate-key"]
    assert "year: 2024" in snapshot.panel  # the line itself is quoted...
    assert "SECRET-BEFORE" not in snapshot.panel and "SECRET-AFTER" not in snapshot.panel  # ...and no other


def test_idle_connections_are_closed(report):
    with running(report, watch=False) as preview:
        host, port = preview.server.address
        sockets = [socket.create_connection((host, port), timeout=IDLE_SECONDS + 10) for _ in range(50)]
        try:
            started = time.monotonic()
            for conn in sockets:
                assert conn.recv(1) == b""  # closed by the server; today: open for as long as the client likes
            assert time.monotonic() - started < IDLE_SECONDS + 8
        finally:
            for conn in sockets:
                conn.close()
