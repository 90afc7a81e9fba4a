"""A preview session: render once, serve on loopback, re-render and push on every save.

    with Preview(path) as preview:      # renders, binds 127.0.0.1 (a free port unless given)
        print(preview.url)
        preview.serve_forever()         # until KeyboardInterrupt (Ctrl-C) or stop()

Leaving the `with` block stops the watcher, ends every open event stream and closes the socket.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from genreport.preview.render import Renderer, Snapshot
from genreport.preview.server import LOOPBACK, Live, PreviewServer
from genreport.preview.watch import Watcher
from genreport.resources import kind_search_path, styles_dir

LOGGER = logging.getLogger("genreport.preview")


class Preview:
    def __init__(
        self,
        path: Path,
        *,
        port: int = 0,
        host: str = LOOPBACK,
        previous: Path | None = None,
        on_render: Callable[[Snapshot], None] | None = None,
        watch: bool = True,
    ) -> None:
        """Render `path` and bind the server (GenreportError for a non-loopback host or a busy port)."""
        self.renderer = Renderer(path, previous)
        self.on_render = on_render
        self.live = Live(self.renderer.render())
        self.server = PreviewServer(host, port, self.live)
        files = [path] + ([previous] if previous else [])
        self.watcher = Watcher(files, [*kind_search_path(), styles_dir()], self.rerender) if watch else None
        self._serving = threading.Event()
        self._render_lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def snapshot(self) -> Snapshot:
        return self.live.snapshot

    def rerender(self) -> Snapshot:
        """Render again and push the result to every open page."""
        with self._render_lock:  # the watcher and a caller may ask at once; renders stay in order
            snapshot = self.renderer.render()
            self.live.publish(snapshot)
        if self.on_render is not None:
            try:
                self.on_render(snapshot)
            except Exception:  # a failing progress line (closed terminal) must not stop the watcher
                LOGGER.debug("on_render callback failed", exc_info=True)
        return snapshot

    def start(self) -> None:
        """Serve and watch in background threads (tests and benchmarks; the CLI uses serve_forever)."""
        thread = threading.Thread(target=self._serve, name="genreport-preview-http", daemon=True)
        thread.start()
        self._serving.wait(5)
        if self.watcher is not None:
            self.watcher.start()

    def serve_forever(self) -> None:
        """Watch in the background and serve in this thread until stop() or KeyboardInterrupt."""
        if self.watcher is not None:
            self.watcher.start()
        self._serve()

    def _serve(self) -> None:
        self._serving.set()
        self.server.serve_forever(poll_interval=0.2)

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        self.live.close()  # event streams return, so their threads end
        if self._serving.is_set():
            self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> Preview:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
