"""Commands for writing the data file year after year: kinds, init (and init --from), diff, schema.

Registered on the one typer app of cli/common.py (cli/main.py imports this module), thin like every command: parse,
call one function, print, exit.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from genreport.cli.common import Lang, app, environment_lang, fail
from genreport.cli.language import file_language, init_language, locale_note
from genreport.errors import GenreportError, Text


class InitFormat(str, Enum):
    yaml = "yaml"
    docx = "docx"


class DiffFormat(str, Enum):
    text = "text"
    md = "md"


@app.command()
def kinds(
    locale: Annotated[
        Lang | None, typer.Option("--locale", "-l", help="Language of the headings (default: from the environment).")
    ] = None,
) -> None:
    """List the installed report kinds and their sections. / 列出已安装的报告类型及其各部分。"""
    from genreport.data.kinds import list_kinds, load_kind
    from genreport.render.kinds_list import describe_kinds

    chosen = locale.value if locale else environment_lang()
    try:
        specs = [load_kind(name) for name in list_kinds()]
    except GenreportError as error:
        raise fail(error, chosen) from None
    typer.echo(describe_kinds(specs, chosen), nl=False)  # type: ignore[arg-type]


def complete_kind(incomplete: str) -> list[str]:
    """Shell completion for --kind: the installed kinds (a folder listing, no YAML read)."""
    from genreport.data.kinds import list_kinds

    return [name for name in list_kinds() if name.startswith(incomplete)]


# --kind, as init and import take it
KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        help="Report kind (see `genreport kinds`) [default: rule-of-law-government].",
        show_default=False,
        autocompletion=complete_kind,
    ),
]


@app.command()
def init(
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Last year's data file: carry it forward to the next year (it is never modified).",
            show_default=False,
        ),
    ] = None,
    kind: KindOption = None,
    locale: Annotated[
        Lang | None,
        typer.Option(
            "--locale", "-l", help="Language of the report [default: from the environment].", show_default=False
        ),
    ] = None,
    issuer: Annotated[
        str | None, typer.Option("--issuer", help="Full name of the issuing body.", show_default=False)
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="The year reported on [default: last year].", show_default=False, min=1949, max=2100
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write; - for standard output [default: report-YEAR.LOCALE.yaml, or last year's name with the year moved on].",
            show_default=False,
        ),
    ] = None,
    schema: Annotated[
        str | None,
        typer.Option(
            "--schema",
            help="Schema path or URL for the yaml-language-server line [default: genreport.schema.json, written beside the file].",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    output_format: Annotated[
        InitFormat,
        typer.Option(
            "--format", "-f", help="yaml: the data file; docx: a fill-in Word form that genreport import reads back."
        ),
    ] = InitFormat.yaml,
) -> None:
    """Start a data file: a commented skeleton, or --from last year's file. / 新建数据文件。"""
    import datetime as dt

    from genreport.yearly.newfile import write_data_file

    lang, reason = (locale.value, "option") if locale else init_language(issuer)
    if source is not None:
        lang = file_language(source) or environment_lang()  # errors about last year's file, in its language
    try:
        if source is not None:
            if kind or locale or issuer or year:
                raise typer.BadParameter(
                    "--kind, --locale, --issuer and --year come from the --from file", param_hint="--from"
                )
            from genreport.yearly.carry import carry_forward, next_year_name
            from genreport.yearly.report_file import read_report

            last, spec = read_report(source)
            lang = last.locale
            target = output or source.parent / next_year_name(source.name, last.year)
            # Recorded relative to the new file, so that check finds last year's file from there.
            folder = Path(".") if str(target) == "-" else target.parent
            recorded = Path(os.path.relpath(source.resolve(), folder.resolve())).as_posix()
            text = carry_forward(last, spec, str(source), schema or "genreport.schema.json", recorded)
        else:
            from genreport.data.kinds import load_kind
            from genreport.yearly.scaffold import scaffold

            reported = year or dt.date.today().year - 1
            text = scaffold(
                load_kind(kind or "rule-of-law-government"),
                lang,  # type: ignore[arg-type]
                reported,
                issuer,
                schema or "genreport.schema.json",
            )
            target = output or Path(f"report-{reported}.{lang}.yaml")
        if output_format is InitFormat.docx:
            from genreport.yearly.form import write_form

            form = write_form(text, source, output or target.with_suffix(".docx"), force=force)
            typer.echo(str(form))
            data = form.with_suffix(".yaml") if output is not None else target
            step = (f"下一步：在 Word 或 WPS 中填写，然后运行 genreport import {form} -o {data}" if lang.startswith("zh")
                    else f"next: fill it in with Word or WPS, then run genreport import {form} -o {data}")  # fmt: skip
            typer.echo(step, err=True)
            return
        if str(target) == "-":
            typer.echo(text, nl=False)
            return
        if source is None and reason != "option":
            typer.echo(locale_note(lang, reason), err=True)  # say which language was chosen, and how to change it
        written = write_data_file(target, text, force=force, schema_reference=schema)
    except GenreportError as error:
        raise fail(error, lang) from None
    if source is not None:
        from genreport.yearly.carry import cleared_fields

        keys = [key for key, _ in cleared_fields(last)]
        cleared = (
            f"上年的 {'、'.join(keys)} 已清空，签发时在文件中填写今年的值"
            if lang.startswith("zh")
            else (
                f"last year's {', '.join(keys)} were cleared: write this year's in the file when the report is signed"
            )
        )
        typer.echo(cleared, err=True)
    for path in written:
        typer.echo(str(path))
    next_step = (
        f"下一步：填写后运行 genreport check {target}"
        if lang.startswith("zh")
        else f"next: fill it in, then run genreport check {target}"
    )
    typer.echo(next_step, err=True)  # init --from records last year's file in the new one: no --previous needed


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier data file.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later data file.", show_default=False)],
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="text for the terminal, md for a review.")
    ] = DiffFormat.text,
) -> None:
    """What changed between two reports, part by part, and in the figures. / 比较两年的报告。"""
    from genreport.yearly.diff import diff_reports
    from genreport.yearly.diff_format import format_markdown, format_text
    from genreport.yearly.report_file import read_report

    try:
        before, kind = read_report(old)
        after, _ = read_report(new)
    except GenreportError as error:
        raise fail(error) from None
    if before.kind != after.kind:
        raise fail(
            GenreportError(
                Text(
                    f"两个文件的报告类型不同：{before.kind}、{after.kind}",
                    f"the files are of different kinds: {before.kind}, {after.kind}",
                )
            )
        )
    result = diff_reports(before, after, kind)
    typer.echo(format_markdown(result) if output_format is DiffFormat.md else format_text(result), nl=False)


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: standard output).", show_default=False),
    ] = None,
) -> None:
    """Write the JSON Schema of the data file, for editors. / 输出数据文件的 JSON Schema。"""
    from genreport.data.schema import schema_text
    from genreport.yearly.newfile import write_new

    if output is None:
        typer.echo(schema_text(), nl=False)
        return
    try:
        write_new(output, schema_text(), force=True)  # generated from the models: always safe to refresh
    except GenreportError as error:
        raise fail(error) from None
    typer.echo(str(output))
