"""The only URL fetcher a PDF build uses: files under styles/ and the font cache, nothing else.

WeasyPrint fetches whatever a document or stylesheet names (images, @import, @font-face, even
http:// and file:///etc/passwd); versions before 70 had CVEs there. A report never needs the
network or any file outside the project's stylesheets and the font cache (fonts/cache.py: every
font a PDF uses, the user's own included, is read from its cut there), so everything else is
refused, and remembered: pdf.py turns a refusal into a RenderError instead of letting
WeasyPrint log a warning and draw the page without it.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A fetch outside the allowed folders and files."""


class RestrictedFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    def __init__(self, folders: Iterable[Path], files: Iterable[Path] = ()) -> None:
        super().__init__(timeout=5, allowed_protocols={"file", "data"}, allow_redirects=False)
        self.folders = tuple(p.resolve() for p in folders)
        self.files = frozenset(p.resolve() for p in files)
        self.refused: list[str] = []

    def allows(self, path: Path) -> bool:
        path = path.resolve()
        return path in self.files or any(path.is_relative_to(folder) for folder in self.folders)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(unquote(parts.path))
            if self.allows(path) and path.is_file():
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
        self.refused.append(url)
        raise RefusedURL(f"genreport does not fetch {url}: only files under styles/ and the font cache")
