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
    from genreport import resources
    from genreport.data import kinds
    from genreport.fonts import harfbuzz, metrics, roles
    from genreport.pdf import gridfit, prepare
    from genreport.pdf.weasy import engine
    from genreport.render import html

    for reader in (kinds._load_kind_file, html._read_css, roles._roles_of, roles._read_user_font, metrics._line_metrics,
                   harfbuzz._face, harfbuzz._font, harfbuzz._unicodes, gridfit._metrics, engine.stylesheet,
                   prepare._content_strings, resources.read_stylesheet):  # fmt: skip
        assert reader.__wrapped__.__code__.co_varnames[0] == "path"  # functools.wraps of per_file_version
        assert "mtime" not in reader.__wrapped__.__code__.co_varnames


def test_one_read_of_a_stylesheet_serves_every_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The font roles, the PDF's parse, its `content` strings and the inlined web sheet all start
    from resources.read_stylesheet: a sheet is read from disk once, however many readers use it."""
    from genreport import resources
    from genreport.fonts import roles
    from genreport.pdf import prepare
    from genreport.pdf.weasy import engine

    sheet = tmp_path / "print.css"
    sheet.write_text(':root { --body-official: "FangSong"; } h1::before { content: "附件"; }', encoding="utf-8")
    opened: list[Path] = []
    read_text = Path.read_text

    def counted(path: Path, *args: object, **kwargs: object) -> str:
        opened.append(path)
        return read_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", counted)
    resources.read_stylesheet.cache_clear()  # type: ignore[attr-defined]
    assert [r.key for r in roles.roles_of(sheet)] == ["body"]
    assert prepare._content_strings(sheet) == ("附件",)
    assert engine.stylesheet(sheet) is engine.stylesheet(sheet)
    assert [path for path in opened if path.parent == tmp_path] == [sheet]  # WeasyPrint reads its own sheets too
