"""Last year's data file, as `init --from` records it in this year's: `# genreport: previous FILE`.

With it, `check`, `build` and `preview` compare this year's report with last year's (copied
paragraphs, figures, last year's promises) without `--previous` on every run. The path is
relative to the data file's folder, so the two files can move together.
"""

from __future__ import annotations

import re
from pathlib import Path

_RECORD = re.compile(r"^#[ \t]*genreport:[ \t]*previous[ \t]+(\S.*?)[ \t]*$", re.MULTILINE)


def record_line(previous: str) -> str:
    """The comment text (without its `# `) that records `previous`."""
    return f"genreport: previous {previous}"


def recorded_previous(text: str, data_file: Path) -> tuple[Path, int] | None:
    """The file recorded in `text` (resolved beside `data_file`) and the 1-based line of the record."""
    match = _RECORD.search(text)
    if match is None:
        return None
    return data_file.parent / match.group(1), text.count("\n", 0, match.start()) + 1
