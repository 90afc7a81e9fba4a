"""`genreport import reviewed.docx --into this-year.yaml`: print what came back from the review round."""

from __future__ import annotations

from pathlib import Path

import typer

from genreport.cli.common import fail
from genreport.errors import GenreportError


def import_into(reviewed: Path, target: Path, revisions: str, lang: str) -> None:
    """Apply the reviewed file's changed texts and comments to `target`; print the changes part by part."""
    from genreport.importer.merge import merge_into
    from genreport.importer.report import format_notes
    from genreport.yearly.diff import diff_reports
    from genreport.yearly.diff_format import format_text

    try:
        result = merge_into(reviewed, target, revisions)
    except GenreportError as error:
        raise fail(error, lang) from None
    lang = result.before.locale
    zh = lang == "zh-CN"
    if result.notes.items:
        typer.echo(format_notes(result.notes, lang), err=True, nl=False)
    merge = result.merge
    if result.after is None or result.checked is None:
        typer.echo(
            "审阅稿与数据文件一致：没有要写入的修改或批注"
            if zh
            else "the reviewed file matches the data file: nothing to write",
            err=True,
        )
        return
    kind = result.checked.kind
    if merge.edits and kind is not None:
        typer.echo(format_text(diff_reports(result.before, result.after, kind)), nl=False)
    on_fields = [p for p in merge.placed if p.path is not None]
    at_top = [p for p in merge.placed if p.path is None]
    if zh:
        typer.echo(f"已写入 {target}：{len(merge.edits)} 处文字修改，{len(on_fields)} 条批注写在所指字段上方", err=True)
        if at_top:
            typer.echo(
                f"  {len(at_top)} 条批注所指的文字不在数据文件的任何字段中（如落款、日期），写在文件开头", err=True
            )
    else:
        typer.echo(
            f"written {target}: {len(merge.edits)} texts changed, {len(on_fields)} comments above their fields",
            err=True,
        )
        if at_top:
            typer.echo(
                f"  {len(at_top)} comments anchored to text no field holds (the signature, a date)"
                " are at the top of the file",
                err=True,
            )
    errors = result.checked.errors
    if errors:
        typer.echo(
            f"genreport check {target}: {len(errors)} 个错误"
            if zh
            else f"genreport check {target}: {len(errors)} errors",
            err=True,
        )
    typer.echo(str(target))
