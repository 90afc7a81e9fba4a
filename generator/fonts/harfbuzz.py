"""HarfBuzz faces and fonts of font files, opened once per file version and shared by every reader.

Role resolution (character sets, metrics), the grid fitting and the font cache all read the
same files; a file that changes on disk (a new mtime) is opened again, never served stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from genreport.resources import per_file_version


def face(path: Path, index: int = 0) -> Any:
    """The face `index` of the font file at `path` (a uharfbuzz Face)."""
    return _face(path, index)


def font(path: Path, index: int = 0) -> Any:
    """A uharfbuzz Font of that face, at its units-per-em scale."""
    return _font(path, index)


def unicodes(path: Path, index: int = 0) -> frozenset[int]:
    """The code points the face maps, from its cmap (a few ms, where fc-query took ~15 ms)."""
    return _unicodes(path, index)


@per_file_version(maxsize=64)
def _face(path: Path, index: int) -> Any:
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(str(path)), index)


@per_file_version(maxsize=64)
def _font(path: Path, index: int) -> Any:
    import uharfbuzz as hb

    return hb.Font(_face(path, index))


@per_file_version(maxsize=256)
def _unicodes(path: Path, index: int) -> frozenset[int]:
    return frozenset(_face(path, index).unicodes)
