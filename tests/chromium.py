"""Drive Debian's headless chromium over the DevTools protocol on a pipe (--remote-debugging-pipe):
no websocket library, no network. Used by the browser tests to measure and screenshot report.html
at a given viewport width (plain --window-size cannot go below 500 px in headless mode)."""

from __future__ import annotations

import base64
import json
import os
import shlex
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


class Browser:
    def __init__(self, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="genreport-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        os.set_inheritable(to_child_r, True)
        os.set_inheritable(from_child_w, True)
        # chromium reads commands on fd 3 and writes replies on fd 4: bash maps our pipe ends there (dash cannot name fds above 9)
        command = " ".join(shlex.quote(a) for a in [str(CHROMIUM), *FLAGS, f"--user-data-dir={self._profile.name}"])
        self._proc = subprocess.Popen(
            ["/bin/bash", "-c", f"exec {command} 3<&{to_child_r} 4>&{from_child_w}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(to_child_r, from_child_w),
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        try:
            target = self.send("Target.createTarget", url="about:blank")["targetId"]
            self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        except BaseException:
            self.close()
            raise

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        return self.send(method, self.session, **params)

    def wait_for(self, event: str) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            for i, message in enumerate(self._events):
                if message.get("method") == event:
                    del self._events[: i + 1]
                    return
            self._events.append(self._read_message(deadline))

    def open(self, path: Path, width: int, height: int = 900) -> None:
        self.navigate(path.resolve().as_uri(), width, height)

    def navigate(self, url: str, width: int, height: int = 900) -> None:
        """Load `url` (a file: or http: URL) at the given viewport and wait for its load event."""
        self.page("Page.enable")
        self.page(
            "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 600
        )
        self._events.clear()
        self.page("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def wait_until(self, expression: str, timeout: float = 15.0, interval: float = 0.05) -> Any:
        """Poll a JavaScript expression until it is truthy; its value, or TimeoutError after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"still false after {timeout} s: {expression}")
            time.sleep(interval)

    def evaluate(self, expression: str) -> Any:
        return self.page("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def screenshot(self, target: Path, width: int, max_height: int = 6000) -> None:
        height = min(int(self.evaluate("document.documentElement.scrollHeight")), max_height)
        self.page(
            "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 600
        )
        data = self.page("Page.captureScreenshot", format="png")["data"]
        target.write_bytes(base64.b64decode(data))

    def screenshot_region(self, target: Path, width: int, top: int, height: int) -> None:
        """A width x height picture of the page from `top` (CSS px), for a person to look at."""
        full = int(self.evaluate("document.documentElement.scrollHeight"))
        self.page(
            "Emulation.setDeviceMetricsOverride", width=width, height=full, deviceScaleFactor=1, mobile=width < 600
        )
        clip = {"x": 0, "y": max(0, top), "width": width, "height": height, "scale": 1}
        data = self.page("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
        target.write_bytes(base64.b64decode(data))

    def top_of(self, selector: str) -> int:
        return int(
            self.evaluate(
                f"document.querySelector({json.dumps(selector)}).getBoundingClientRect().top + window.scrollY"
            )
        )

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)
        self._profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
