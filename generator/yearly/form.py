"""`init -f docx`: the data file init would write, as a fill-in Word form (docx/form.py lays it out)."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from genreport.atomic import write_file
from genreport.data.kinds import load_kind
from genreport.errors import GenreportError, Text


def write_form(text: str, source: Path | None, target: Path, *, force: bool = False) -> Path:
    """Write the form for `text` (init's YAML) to `target`; `source`: last year's file, for its arrangements."""
    from genreport.docx.form import render_form

    data = YAML(typ="safe", pure=True).load(text)
    kind = load_kind(str(data.get("kind") or "rule-of-law-government"))
    plans: list[str] = []
    if source is not None:
        from genreport.yearly.carry import plans_of
        from genreport.yearly.report_file import read_report

        last, _ = read_report(source)
        plans = plans_of(last, kind)
    if target.suffix.lower() != ".docx":
        raise GenreportError(Text(f"{target}: 填写表应以 .docx 结尾", f"{target}: the form's name should end in .docx"))
    if target.exists() and not force:
        raise GenreportError(Text(f"{target} 已存在；用 --force 覆盖", f"{target} exists; use --force to overwrite it"))
    write_file(target, render_form(data, kind, plans))
    return target
