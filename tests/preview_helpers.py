"""Run `genreport preview` for a test: in process (Preview in background threads) or as the real
command in a subprocess; raw HTTP requests (exact paths and Host headers, no client rewriting);
and a bounded wait for the file watcher. Every helper has a timeout and always stops what it started."""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from genreport.preview.session import Preview

T = TypeVar("T")


@contextlib.contextmanager
def running(path: Path, **options: object) -> Iterator[Preview]:
    """A started in-process preview of `path`, stopped on the way out."""
    with Preview(path, **options) as preview:  # type: ignore[arg-type]
        preview.start()
        yield preview


def raw_get(
    url: str, target: str, host: str | None = None, method: str = "GET", timeout: float = 5.0
) -> tuple[int, bytes]:
    """(status, body) of one request sent byte for byte: `target` is not normalised (../ stays)."""
    address = url.removeprefix("http://").rstrip("/")
    hostname, port = address.split(":")
    request = f"{method} {target} HTTP/1.0\r\nHost: {host or address}\r\n\r\n".encode()
    with socket.create_connection((hostname, int(port)), timeout=timeout) as conn:
        conn.sendall(request)
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def wait_for(condition: Callable[[], T], timeout: float = 10.0, interval: float = 0.02) -> T:
    """Poll until `condition()` is truthy; its value, or AssertionError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s")
        time.sleep(interval)


class PreviewProcess:
    """`python -m genreport preview FILE --no-open` in a subprocess, with its URL read from stdout."""

    def __init__(self, path: Path, *args: str, timeout: float = 20.0) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "genreport", "preview", str(path), "--no-open", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            self.url = self._first_line(timeout)
        except BaseException:
            self.kill()
            raise

    def _first_line(self, timeout: float) -> str:
        assert self.proc.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.proc.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                raise TimeoutError(f"preview printed no URL within {timeout} s")
        line = self.proc.stdout.readline().decode().strip()
        assert line.startswith("http://127.0.0.1:"), (
            line,
            self.proc.stderr.read().decode() if self.proc.poll() is not None else "",
        )
        self.address_line = line  # the address, then (same line) what to do with it
        return line.split()[0]

    def interrupt(self, timeout: float = 15.0) -> tuple[int, str, str]:
        """Ctrl-C: (exit status, stdout rest, stderr)."""
        self.proc.send_signal(signal.SIGINT)
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        return self.proc.returncode, out.decode(), err.decode()

    def kill(self) -> None:
        if self.proc.returncode is None:
            self.proc.kill()
            self.proc.communicate(timeout=10)

    def __enter__(self) -> PreviewProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()
