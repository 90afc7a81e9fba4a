"""The preview's HTTP server: loopback only, three routes, nothing else.

GET /                  the page (the draft + panel + script)
GET /_preview/fragment what the script swaps in after a re-render (JSON)
GET /_preview/events   Server-Sent Events: "render" with the version, on every re-render

Every other path is 404: the report is self-contained (no images, no fonts, no files), so
there is no file to serve and no path is ever mapped to the disk (no traversal possible). A
request whose Host is not this server's loopback address is refused, so that a web page
cannot reach the preview through DNS rebinding.
"""

from __future__ import annotations

import ipaddress
import logging
import secrets
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from genreport.errors import GenreportError, Text
from genreport.preview.page import EVENTS_PATH, FRAGMENT_PATH, fragment, full_page
from genreport.preview.render import Snapshot

LOGGER = logging.getLogger("genreport.preview")
LOOPBACK = "127.0.0.1"
KEEPALIVE_SECONDS = 15.0


def require_loopback(host: str) -> str:
    """`host` when it is an IPv4 loopback address; otherwise GenreportError (never 0.0.0.0 or a LAN address)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is None or address.version != 4 or not address.is_loopback:
        raise GenreportError(
            Text(
                f"预览只在本机回环地址（如 {LOOPBACK}）上提供，拒绝绑定 {host}",
                f"the preview serves on a loopback address only (such as {LOOPBACK}); refusing to bind {host}",
            )
        )
    return host


class Live:
    """The current snapshot, and a way for event streams to wait for the next one."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._changed = threading.Condition()
        self._snapshot = snapshot
        self._closed = False

    @property
    def snapshot(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def publish(self, snapshot: Snapshot) -> None:
        with self._changed:
            self._snapshot = snapshot
            self._changed.notify_all()

    def wait_after(self, version: int | None, timeout: float) -> int | None:
        """The current version once it differs from `version` (or after `timeout`); None once closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._snapshot.version != version, timeout)
            return None if self._closed else self._snapshot.version

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()


IDLE_SECONDS = 5


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never holds up the exit

    def __init__(self, host: str, port: int, live: Live) -> None:
        self.live = live
        self.nonce = secrets.token_urlsafe(16)  # the one script the page may run
        try:
            super().__init__((require_loopback(host), port), PreviewHandler)
        except OSError as exc:
            raise GenreportError(
                Text(
                    f"无法在 {host}:{port} 上提供预览：{exc.strerror}",
                    f"cannot serve the preview on {host}:{port}: {exc.strerror}",
                )
            ) from None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self.server_address[:2]
        return str(host), int(port)  # AF_INET: always a str host

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}/"

    def allowed_hosts(self) -> set[str]:
        host, port = self.address
        return {f"{host}:{port}", f"localhost:{port}"}

    def handle_error(self, request: object, client_address: object) -> None:
        # socketserver would print a traceback for a browser that hung up mid-response; that is
        # normal for a live page (reloads, closed tabs) and is no news for the writer.
        LOGGER.debug("request from %s failed", client_address, exc_info=True)


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    timeout = IDLE_SECONDS  # a connection that sends nothing for this long is closed (its thread ends)
    server_version = "genreport-preview"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        host = self.headers.get("Host")
        if host is not None and host.lower() not in self.server.allowed_hosts():
            self._send(403, "text/plain; charset=utf-8", b"forbidden host\n")
            return
        route = self._routes().get(urlsplit(self.path).path)
        if route is None:
            self._send(404, "text/plain; charset=utf-8", b"not found\n")
            return
        route()

    def _routes(self) -> dict[str, Callable[[], None]]:
        return {"/": self._page, "/index.html": self._page, FRAGMENT_PATH: self._fragment, EVENTS_PATH: self._events}

    def _page(self) -> None:
        snap = self.server.live.snapshot
        page = full_page(snap.draft, snap.draft_version, snap.panel, self.server.nonce)
        self._send(200, "text/html; charset=utf-8", page.encode("utf-8"))

    def _fragment(self) -> None:
        snap = self.server.live.snapshot
        body = fragment(snap.draft, snap.draft_version, snap.panel, snap.version)
        self._send(200, "application/json; charset=utf-8", body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self._common_headers()
        self.end_headers()
        self.wfile.write(b"retry: 1000\n\n")  # reconnect quickly when the preview restarts
        seen: int | None = None
        while True:
            version = self.server.live.wait_after(seen, KEEPALIVE_SECONDS)
            if version is None:
                return  # the preview is stopping
            message = b": keepalive\n\n" if version == seen else f"event: render\ndata: {version}\n\n".encode()
            seen = version
            try:
                self.wfile.write(message)
                self.wfile.flush()
            except OSError:
                return  # the tab was closed or reloaded

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self._common_headers()
        self.end_headers()
        self.wfile.write(body)

    def _common_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; "
            f"script-src 'nonce-{self.server.nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        )

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's signature)
        LOGGER.debug("%s " + format, self.address_string(), *args)
