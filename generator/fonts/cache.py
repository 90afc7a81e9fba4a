"""The persistent font cache: small fonts cut once from the big font files, reused by every build.

A CJK font file is large (Noto Serif CJK: 26 MB, four languages in one .ttc, 65,535 glyphs),
and a PDF embeds a subset of the face it uses. Subsetting the whole face on every build, and
embedding subsets whose glyph ids run up to 65,535 (WeasyPrint keeps ids: RETAIN_GIDS), is what
made builds slow and PDFs large. So every face a document prints with is cut twice, by
HarfBuzz's subsetter (uharfbuzz), and both cuts are kept here:

  compact  `c-<key>-<sha>.otf`: one face (one font of a .ttc) cut down to GB2312, ASCII and CJK
           punctuation plus every other character a document used; hints dropped, glyph ids
           renumbered from 0. Key: the source file (path, size, mtime), the face index and a hash
           of the characters outside that base set: a report using only GB2312 shares it with
           every other such report. Made from the big file: 0.1-0.2 s a face.
  document `d-<key>-<sha>.otf`: a compact font cut down to the characters one document prints
           (and what the renderer adds: digits, page-number dashes, list markers). Its glyph ids
           are those characters' in a ~1,300-glyph font, so the PDF's subsets stay small.
           Key: the compact font's key and a hash of the characters. Made in ~15 ms.

Why two cuts, measured on the Zuoyun report (780 distinct characters), Noto Serif CJK SC:
embedded from the compact font alone 189 KB (ids up to 13,465), from the document font 145 KB;
the same glyphs as TrueType outlines (fontTools cu2qu) 152 KB with ids kept, 148 KB without:
no gain once ids are low, and the conversion takes 9.5 s a face, so outlines stay CFF.
fontTools' own subsetter needs 27.5 s for the compact cut that HarfBuzz makes in 0.1 s.

Every entry is written atomically (a temp file, then os.replace) and carries the first 16 hex
digits of its content's SHA-256 in its name. An entry is trusted only when its content still
hashes to that name and HarfBuzz reads it as a font with glyphs; otherwise it is deleted and made
again. A source font that changed has another key, so it is never served from a stale entry.
Entries unused for longest go first when the folder outgrows MAX_BYTES. A cache folder that
cannot be written (a read-only home) is replaced by a temporary one for the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from genreport.atomic import WriteError, write_file
from genreport.errors import GenreportError, Text
from genreport.fonts import harfbuzz
from genreport.resources import cache_root

if TYPE_CHECKING:
    from genreport.fonts.metrics import LineMetrics

FORMAT = "1"  # bump when the cut changes: every key changes with it
MAX_BYTES = 256 * 1024 * 1024


class FontCacheError(GenreportError):
    """A font could not be cut (a file the subsetter cannot read, no uharfbuzz)."""


def cache_dir() -> Path:
    """The font cache: <cache_root>/fonts, or a temporary folder for this run when that cannot be written."""
    return _usable(cache_root() / "fonts")


@lru_cache(maxsize=8)
def _usable(folder: Path) -> Path:
    # A build machine with a read-only or missing home still builds: with fonts cut afresh each run.
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-", delete=True)
        probe.close()
        return folder
    except OSError:
        from genreport import run_folder

        return run_folder.folder()  # one per run, shared with the PDF helper and batch workers


# ------------------------------------------------------------------ character sets ---


@lru_cache(maxsize=1)
def base_set() -> frozenset[int]:
    """GB2312 (its 7,445 characters), printable ASCII and the CJK symbols and punctuation block."""
    points = set(range(0x20, 0x7F)) | set(range(0x3000, 0x3040))
    for high in range(0xA1, 0xF8):
        # A row at once (3x faster than pair by pair): when it decodes to 94 characters, each
        # pair gave one, a character or U+FFFD for an unassigned code; otherwise pair by pair.
        row = bytes(byte for low in range(0xA1, 0xFF) for byte in (high, low)).decode("gb2312", errors="replace")
        if len(row) == 94:
            points.update(ord(c) for c in row if c != "\ufffd")
            continue
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                points.add(ord(bytes((high, low)).decode("gb2312")))
    return frozenset(points)


# What the renderer can print that is in neither the HTML nor the stylesheet's text: digits and
# dashes of page numbers, list markers, hyphenation and ellipsis marks, `quotes`.
RENDERER_CHARS = frozenset(
    [*range(0x20, 0x7F), 0xA0, 0xAD, 0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
     0x2026, 0x25AA, 0x25E6, *range(0x3000, 0x3012)]
)  # fmt: skip


def _digest(*parts: object) -> str:
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()[:24]


def _chars_digest(points: Iterable[int]) -> str:
    return hashlib.sha256(",".join(map(str, sorted(points))).encode()).hexdigest()[:16]


# ------------------------------------------------------------------ entries ---


@dataclass(frozen=True)
class CachedFont:
    """One cache entry: the file, and the characters it maps (the requested ones the face has)."""

    path: Path
    covers: frozenset[int]


def compact_key(source: Path, index: int, chars: Iterable[int]) -> str:
    """The compact font's key: source file path, size and mtime, face, characters outside the base set."""
    stat = source.stat()
    extra = frozenset(chars) - base_set()
    return _digest("compact", FORMAT, _hb_version(), source.resolve(), stat.st_size, stat.st_mtime_ns, index,
                   _chars_digest(extra))  # fmt: skip


def document_font(
    source: Path,
    index: int,
    chars: frozenset[int],
    folder: Path | None = None,
    metrics: LineMetrics | None = None,
    family: str | None = None,
) -> CachedFont:
    """The face `source#index` cut down to `chars` (plus RENDERER_CHARS), from the cache or made now.

    `metrics` (fonts/metrics.LineMetrics) and `family`: the cut's line metrics are rewritten to these
    and its family renamed, for a role's fallback face that must not move the grid and must not
    answer for its own family name in another role (fonts/metrics.py); its glyphs are unchanged.
    """
    folder = folder or cache_dir()
    wanted = frozenset(chars) | RENDERER_CHARS
    parent = compact_key(source, index, chars)
    key = _digest("document", parent, _chars_digest(wanted), *(metrics or ()), family or "")
    found = _lookup(folder, "d", key)
    if found is None:
        compact = _lookup(folder, "c", parent)
        if compact is None:
            requested = base_set() | wanted
            compact = _store(folder, "c", parent, _subset(source, index, requested))
        data = _subset(compact, 0, wanted)
        if metrics is not None:
            from genreport.fonts.metrics import with_line_metrics

            data = with_line_metrics(data, metrics, family)
        found = _store(folder, "d", key, data)
    return CachedFont(found, _coverage(found) & wanted)


def _lookup(folder: Path, kind: str, key: str) -> Path | None:
    """The entry for `key` if one is there and sound; an unsound one is deleted."""
    prefix = f"{kind}-{key}-"
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and not n.endswith(".tmp")]
    except FileNotFoundError:
        return None
    for name in names:
        path = folder / name
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                continue  # a folder or link under an entry's name: a miss, never read, never deleted
            data = path.read_bytes()
        except OSError:
            continue
        checksum = name[len(prefix) :].split(".", 1)[0]
        if hashlib.sha256(data).hexdigest()[:16] == checksum and _is_font(data):
            with contextlib.suppress(OSError):
                os.utime(path)  # last use, for pruning
            return path
        with contextlib.suppress(OSError):
            path.unlink()  # truncated, corrupt or tampered with: never served, made again
    return None


def _store(folder: Path, kind: str, key: str, data: bytes) -> Path:
    """Write an entry atomically; its name carries its checksum."""
    suffix = ".otf" if data[:4] == b"OTTO" else ".ttf"
    stem = f"{kind}-{key}-{hashlib.sha256(data).hexdigest()[:16]}"
    target = folder / f"{stem}{suffix}"
    for n in range(1, 4):  # something that is not a file holds the name: the entry takes another
        if not (target.is_symlink() or target.exists()) or target.is_file() and not target.is_symlink():
            break
        target = folder / f"{stem}.{n}{suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_file(target, data)
        _note(folder, target.name)  # the manifest: pruning deletes only what the cache wrote
    except OSError as exc:  # the folder itself
        raise FontCacheError(
            Text(f"无法写入字体缓存 {folder}：{exc.strerror}", f"cannot write the font cache {folder}: {exc.strerror}")
        ) from None
    except WriteError as exc:
        raise FontCacheError(exc.text) from None
    _prune(folder, keep=target)
    return target


MANIFEST = ".genreport-entries"  # the names this cache wrote, one a line: only these are ever pruned
_ENTRY = re.compile(r"^[cd]-[0-9a-f]{24}-[0-9a-f]{16}(?:\.[1-3])?\.(?:otf|ttf)$")


def _note(folder: Path, name: str) -> None:
    """Add an entry's name to the manifest (one short O_APPEND write: safe beside other builds)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder / MANIFEST, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            os.write(fd, (name + "\n").encode())
        finally:
            os.close(fd)


def _written(folder: Path) -> set[str]:
    try:
        with open(folder / MANIFEST, encoding="utf-8", errors="replace") as stream:
            return {line.strip() for line in stream if _ENTRY.match(line.strip())}
    except OSError:
        return set()


def _prune(folder: Path, keep: Path) -> None:
    """Delete the least recently used entries while the folder holds more than MAX_BYTES.

    Only files this cache wrote are candidates: named as an entry, listed in the manifest, a
    regular file of ours. A cache folder that is a link to a shared folder loses nothing else.
    """
    ours = _written(folder)
    entries = []
    for entry in os.scandir(folder):
        with contextlib.suppress(OSError):
            if (
                entry.name in ours
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_uid == os.getuid()
            ):
                info = entry.stat(follow_symlinks=False)
                entries.append((info.st_mtime, info.st_size, Path(entry.path)))
    total = sum(size for _, size, _ in entries)
    removed = False
    for _, size, path in sorted(entries):
        if total <= MAX_BYTES:
            break
        if path != keep:
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
                removed = True
    if removed:  # the manifest keeps the names still there
        with contextlib.suppress(OSError):
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".manifest-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write("".join(f"{n}\n" for n in sorted(ours) if (folder / n).exists()))
            os.replace(temp, folder / MANIFEST)


# ------------------------------------------------------------------ HarfBuzz ---


def _hb() -> object:
    try:
        import uharfbuzz
    except ImportError:
        raise FontCacheError(
            Text(
                "缺少 uharfbuzz（HarfBuzz 的 Python 接口），无法生成字体缓存：pip install uharfbuzz",
                "uharfbuzz (HarfBuzz for Python) is missing, so fonts cannot be cached: pip install uharfbuzz",
            )
        ) from None
    return uharfbuzz


@lru_cache(maxsize=1)
def _hb_version() -> str:
    return str(getattr(_hb(), "__version__", "?"))


def _subset(source: Path, index: int, unicodes: frozenset[int]) -> bytes:
    """`source#index` cut down to `unicodes` (and the glyphs their shaping needs), hints dropped, ids renumbered."""
    hb = _hb()
    try:
        face = harfbuzz.face(source, index)
        if face.glyph_count == 0:
            raise ValueError("no glyphs: not a font, or no such face")
        request = hb.SubsetInput()  # type: ignore[attr-defined]
        request.unicode_set.update(unicodes)
        # Layout tables (GSUB/GPOS) stay: Pango shapes with them. Hints go: a PDF is not a screen.
        request.flags = hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.DESUBROUTINIZE  # type: ignore[attr-defined]
        result = hb.subset(face, request)  # type: ignore[attr-defined]
        data = bytes(result.blob.data) if result is not None else b""
    except (OSError, ValueError, RuntimeError) as exc:
        raise FontCacheError(
            Text(f"无法从 {source}#{index} 生成字体子集：{exc}", f"cannot cut a subset of {source}#{index}: {exc}")
        ) from None
    if not _is_font(data):
        raise FontCacheError(Text(f"无法从 {source}#{index} 生成字体子集", f"cannot cut a subset of {source}#{index}"))
    return data


def _is_font(data: bytes) -> bool:
    """HarfBuzz reads `data` as one font face with glyphs and a character map."""
    if data[:4] not in (b"OTTO", b"\x00\x01\x00\x00", b"true"):
        return False
    hb = _hb()
    face = hb.Face(hb.Blob(data))  # type: ignore[attr-defined]
    return bool(face.glyph_count > 1 and face.unicodes)


def _coverage(path: Path) -> frozenset[int]:
    return harfbuzz.unicodes(path)
