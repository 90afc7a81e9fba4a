"""What a build asks of its PDF, as a plain value: its own module, so that a build of the other
formats (and the command line that parses these options) imports nothing of the PDF stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from genreport import environment


@dataclass(frozen=True)
class PdfSettings:
    font_dir: Path | None = None  # the user's own font files, used before the system's
    strict_fonts: bool = False  # refuse to build with a substitute for an official font
    extra_css: str = ""  # appended after the print stylesheet (tests: a deliberately broken layout)
    # zh-CN body pages placed on the grid by pdf/direct/ (False: WeasyPrint lays out every page; the
    # tests and the benchmark compare the two)
    place_body: bool = True


def font_dir_from(option: Path | None) -> Path | None:
    """--font-dir, else $GENREPORT_FONT_DIR, else none."""
    if option is not None:
        return option
    return environment.font_dir()
