"""`genreport import`: last year's published report into a data file (registered on cli/common.py's app)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from genreport.cli.authoring import KindOption
from genreport.cli.common import Lang, app, environment_lang, fail
from genreport.errors import GenreportError
from genreport.terminal import visible


class Revisions(str, Enum):
    accept = "accept"
    reject = "reject"
    refuse = "refuse"


@app.command(name="import")
def import_report(
    file: Annotated[
        Path,
        typer.Argument(
            help="The published report: .docx, .html/.htm (a saved web page), .txt or .md.", show_default=False
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Data file to write; - for standard output [default: FILE's name with .yaml].",
            show_default=False,
        ),
    ] = None,
    kind: KindOption = None,
    locale: Annotated[
        Lang | None,
        typer.Option(
            "--locale", "-l", help="Language of the report [default: detected from the text].", show_default=False
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    revisions: Annotated[
        Revisions,
        typer.Option(
            "--revisions",
            help="A Word file's tracked changes: accept them (the final text), reject them, or refuse to import while there are any.",
        ),
    ] = Revisions.accept,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="Apply the reviewed file's changed texts and comments to this existing data file (only what changed is rewritten).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read a published report (.docx, web page, text) into a data file. / 把已发布的报告导入为数据文件。"""
    from genreport.data.kinds import load_kind
    from genreport.importer import import_file
    from genreport.importer.report import format_notes
    from genreport.importer.yaml_out import write_yaml
    from genreport.yearly.newfile import write_data_file

    lang = locale.value if locale else environment_lang()
    if into is not None:
        from genreport.cli.merging import import_into

        if output is not None or kind is not None or locale is not None:
            message = "--into writes into that data file, of its own kind and locale: leave out -o, --kind, --locale"
            raise typer.BadParameter(message, param_hint="--into")

        import_into(file, into, revisions.value, lang)
        return
    try:
        spec = load_kind(kind or "rule-of-law-government")
        imported = import_file(file, spec, locale.value if locale else None, revisions.value)
        lang = imported.data["locale"]
        target = output or file.with_suffix(".yaml")
        if target.resolve() == file.resolve():
            raise GenreportError(
                f"{file}: 输出文件不能是输入文件" if lang == "zh-CN" else f"{file}: the output cannot be the input file"
            )
        text = write_yaml(imported, spec, file.name, "genreport.schema.json")
        typer.echo(format_notes(imported.notes, lang), err=True, nl=False)
        if str(target) == "-":
            typer.echo(text, nl=False)
            return
        written = write_data_file(target, text, force=force, schema_reference=None)
    except GenreportError as error:
        raise fail(error, lang) from None
    for path in written:
        typer.echo(visible(str(path)))  # the file's name is the source's, and may hold ESC or a line break
    shown = visible(str(target))
    if lang == "zh-CN":
        typer.echo(f"下一步：核对后运行 genreport check {shown}；明年用 genreport init --from {shown}", err=True)
    else:
        typer.echo(
            f"next: review it, then run genreport check {shown}; next year, genreport init --from {shown}", err=True
        )
