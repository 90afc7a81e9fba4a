"""Issue 25 item 6: the one cache for readers of files (resources.per_file_version): a file is read
once while it stays the same, and again as soon as it changes on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from genreport.resources import per_file_version


def test_a_file_is_read_once_until_it_changes(tmp_path: Path) -> None:
    reads: list[tuple[str, int]] = []

    @per_file_version(maxsize=4)
    def read(path: Path, times: int) -> str:
        reads.append((path.name, times))
        return path.read_text(encoding="utf-8") * times

    path = tmp_path / "style.css"
    path.write_text("a", encoding="utf-8")
    assert read(path, 2) == read(path, 2) == "aa"
    assert read(path, 3) == "aaa"  # other arguments are part of the key
    assert reads == [("style.css", 2), ("style.css", 3)]
    path.write_text("b", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a new version, even on a coarse clock
    assert read(path, 2) == "bb"
    assert reads[-1] == ("style.css", 2)
    read.cache_clear()  # type: ignore[attr-defined]
    read(str(path), 2)  # a str path is the same file
    assert len(reads) == 4


def test_a_missing_file_raises_as_reading_it_would(tmp_path: Path) -> None:
    @per_file_version(maxsize=1)
    def read(path: Path) -> bytes:
        return path.read_bytes()

    with pytest.raises(FileNotFoundError):
        read(tmp_path / "gone.css")


def test_the_kinds_and_stylesheets_use_it() -> None:
    """The readers that kept an unused mtime parameter each (ten hand-rolled caches) now share it."""
    from genreport.data import kinds
    from genreport.fonts import harfbuzz, metrics, roles
    from genreport.render import html

    for reader in (kinds._load_kind_file, html._read_css, roles._roles_of, roles._read_user_font, metrics._line_metrics,
                   harfbuzz._face, harfbuzz._font, harfbuzz._unicodes):  # fmt: skip
        assert reader.__wrapped__.__code__.co_varnames[0] == "path"  # functools.wraps of per_file_version
        assert "mtime" not in reader.__wrapped__.__code__.co_varnames
