"""The isolated FontConfiguration a PDF is laid out with: only the cached fonts exist in it.

fonts/roles.py says which font each role resolves to; fonts/faces.py and fonts/cache.py cut those fonts
down for one document; this module makes the WeasyPrint font configuration that sees nothing
else, so Pango can never fall back to a system font behind the report's back.
"""

from __future__ import annotations

import atexit
import os
import weakref
from functools import lru_cache
from typing import Any


def declare_config_create() -> None:
    """Teach WeasyPrint's cffi handle fontconfig's FcConfigCreate, which WeasyPrint does not declare."""
    from weasyprint.text.ffi import ffi, fontconfig

    if not hasattr(fontconfig, "FcConfigCreate"):
        ffi.cdef("FcConfig * FcConfigCreate (void);")


@lru_cache(maxsize=4)
def font_context(font_css: str, rules: str) -> tuple[Any, Any]:
    """(FontConfiguration, parsed @font-face sheet) for one set of cached fonts, made once per process.

    The configuration is isolated: it holds the fonts `font_css` loads from the font cache and
    no system font, so Pango can only draw with those (never a silent DejaVu or Latin fallback
    for CJK text; a character none of them has is a box, and a missing-glyph warning before
    it). One per set of fonts: two documents' cuts share family names, and must not meet.
    """
    from genreport.fonts.cache import cache_dir
    from genreport.pdf.fetcher import RestrictedFetcher
    from genreport.pdf.weasy import engine

    weasyprint = engine.load()
    from weasyprint.text.ffi import ffi, fontconfig, pangoft2

    declare_config_create()
    config = _owned_configuration_class()()
    _made.add(config)
    # Swap the system configuration WeasyPrint loaded for an empty one, before any font is used.
    isolated = fontconfig.FcConfigCreate()
    fontconfig.FcConfigParseAndLoadFromMemory(isolated, rules.encode(), True)
    pangoft2.pango_fc_font_map_set_config(ffi.cast("PangoFcFontMap *", config.font_map), isolated)
    fontconfig.FcConfigDestroy(isolated)  # the font map keeps its own reference
    config._config = isolated
    fetcher = RestrictedFetcher([cache_dir()])
    with engine.collect_warnings() as log:
        sheet = weasyprint.CSS(string=font_css, url_fetcher=fetcher, font_config=config)
    engine.raise_font_problems(log)  # raised, so never cached: the next build tries again
    return config, sheet


@lru_cache(maxsize=1)
def _owned_configuration_class() -> type:
    from weasyprint.text.fonts import FontConfiguration

    class OwnedFontConfiguration(FontConfiguration):  # type: ignore[misc]
        """A FontConfiguration whose temporary font folder only the process that made it removes.

        WeasyPrint's __del__ deletes the folder. A forked child (the PDF helper, a batch worker)
        holds copies of its parent's configurations; freeing one there must not delete fonts
        the parent is still using.
        """

        def __init__(self) -> None:
            super().__init__()
            self.made_by = os.getpid()

        def __del__(self) -> None:
            if getattr(self, "made_by", None) == os.getpid():
                super().__del__()

    return OwnedFontConfiguration


def remove_font_folders() -> None:
    """Remove the folders WeasyPrint copied this process's @font-face fonts into (~1.6 MB a build).

    FontConfiguration.__del__ would remove each, but a process may end without running it: the
    `genreport` command and the PDF helper leave by os._exit (launch.main runs the atexit
    functions first; the helper calls this), and a batch worker by multiprocessing's os._exit,
    which runs no atexit function at all (batch.warm registers this with multiprocessing
    instead). Only this process's folders go. Safe to call more than once.
    """
    import shutil

    here = os.getpid()
    for config in list(_made):
        if config.made_by == here and config._folder:
            shutil.rmtree(config._folder, ignore_errors=True)
            config._folder = None
    font_context.cache_clear()


# Every configuration font_context made and still alive, for remove_font_folders.
_made: weakref.WeakSet[Any] = weakref.WeakSet()
atexit.register(remove_font_folders)
