"""Watch the data file (and, for developers, the templates and styles) in a background thread.

The data file's folder is watched, not the file: editors save by writing a new file and
renaming it over the old one, which a watch on the file itself would lose. Folders are watched
one by one (not recursively), so that a data file in a big folder costs one watch, not one per
subfolder; the asset folders are listed once at start (a folder added later is not watched).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

ASSET_SUFFIXES = (".j2", ".css", ".yaml")  # templates, stylesheets, kind.yaml
STEP_MS = 30  # a save is reported once the folder has been quiet this long


def _asset_folders(roots: Iterable[Path]) -> set[Path]:
    folders = set()
    for root in roots:
        if not root.is_dir():
            continue
        for folder, subfolders, _ in os.walk(root):
            subfolders[:] = [d for d in subfolders if not d.startswith((".", "__"))]
            folders.add(Path(folder).resolve())
    return folders


class Watcher:
    """Calls `on_change()` after each batch of changes to `files` or to assets under `asset_roots`."""

    def __init__(self, files: Iterable[Path], asset_roots: Iterable[Path], on_change: Callable[[], object]) -> None:
        self.files = {f.resolve() for f in files}
        self.asset_folders = _asset_folders(asset_roots)
        self.on_change = on_change
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="genreport-preview-watch", daemon=True)

    def _relevant(self, change: watchfiles.Change, path: str) -> bool:
        changed = Path(path)
        if changed.resolve() in self.files:
            return True
        return changed.parent.resolve() in self.asset_folders and changed.name.endswith(ASSET_SUFFIXES)

    def _run(self) -> None:
        folders = {f.parent for f in self.files} | self.asset_folders
        for _ in watchfiles.watch(
            *sorted(folders),
            watch_filter=self._relevant,
            step=STEP_MS,
            stop_event=self._stop,
            recursive=False,
            raise_interrupt=False,
        ):
            self.on_change()

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
