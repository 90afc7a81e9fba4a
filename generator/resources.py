"""Where genreport's own files live: report kinds (templates/), stylesheets (styles/), the cache.

Installed from a wheel, templates/ and styles/ sit inside the package (pyproject maps the
top-level folders there); in a source checkout (an editable install) they sit beside the
package folder. GENREPORT_HOME points elsewhere; GENREPORT_KIND_PATH adds folders of extra
report kinds (os.pathsep-separated), searched before the bundled ones.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from genreport import environment

R = TypeVar("R")


@lru_cache(maxsize=4)
def _bundled_root(package_dir: Path) -> Path:
    # A wheel puts the assets inside the package; a source tree keeps them one level up.
    return package_dir if (package_dir / "templates").is_dir() else package_dir.parent


def project_root() -> Path:
    return environment.genreport_home() or _bundled_root(Path(__file__).resolve().parent)


def templates_dir() -> Path:
    return project_root() / "templates"


def styles_dir() -> Path:
    return project_root() / "styles"


def kind_search_path() -> list[Path]:
    return [*environment.kind_path(), templates_dir()]


def cache_root() -> Path:
    """$XDG_CACHE_HOME/genreport, else ~/.cache/genreport: everything genreport keeps between runs (absolute)."""
    return environment.cache_home() / "genreport"


def per_file_version(maxsize: int) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """lru_cache for a function whose first argument is a file: keyed by the path, the other
    (positional) arguments and the file's modification time, so that a file changed on disk
    (a stylesheet being edited, a font replaced) is read again and never served stale.

    The one such cache: a reader decorates itself with it instead of taking an mtime parameter
    its body never uses. An unreadable file raises OSError, as reading it would.
    """

    def decorate(read: Callable[..., R]) -> Callable[..., R]:
        @lru_cache(maxsize=maxsize)
        def cached(path: Path, stamp: int, *args: Any) -> R:  # stamp only keys the cache
            return read(path, *args)

        @functools.wraps(read)
        def call(path: Path, *args: Any) -> R:
            path = Path(path)
            return cached(path, path.stat().st_mtime_ns, *args)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call

    return decorate


# The print stylesheet of each locale, in styles/: the PDF's page, and the fonts of its roles.
PRINT_STYLESHEETS = {"zh-CN": "gbt9704.css", "en": "a4.css"}


def print_stylesheet(locale: str) -> Path:
    """styles/gbt9704.css for zh-CN, styles/a4.css for en."""
    return styles_dir() / PRINT_STYLESHEETS[locale]


@per_file_version(maxsize=8)
def read_stylesheet(path: Path) -> str:
    """A stylesheet's text, read once until the file changes: the one read that the font roles
    (fonts/roles.py), the PDF's parse (pdf/weasy/engine.py), the characters its `content` prints
    (pdf/prepare.py) and the web page's inlined sheet (render/html.py) all start from."""
    return path.read_text(encoding="utf-8")
