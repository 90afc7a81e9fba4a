"""`genreport check`: the findings of one data file, for people or machines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from genreport.cli.common import InputFile, Lang, OutputFormat, app, environment_lang, fail, findings_exit, use_colour
from genreport.cli.language import file_language, unreadable_finding
from genreport.errors import GenreportError


@app.command()
def check(
    file: InputFile,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous", "-p", help="Last year's data file: warn on copied paragraphs and mismatched figures."
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text for people, json for machines.")
    ] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (exit 1).")] = False,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of the messages (default: the report's locale).")
    ] = None,
) -> None:
    """Check a data file: missing sections, placeholders, wrong types, dates, figures. / 检查数据文件。"""
    from genreport.checks import check_file
    from genreport.checks.format import format_dismissed, format_json, format_text, summary_line

    try:
        result = check_file(file, previous)
    except GenreportError as error:
        shown = lang.value if lang else file_language(file) or environment_lang()
        if output_format is OutputFormat.json:  # machines get JSON even when the file cannot be read
            typer.echo(format_json(str(file), [unreadable_finding(file, error)], shown))
        raise fail(error, shown) from None
    message_lang = lang.value if lang else result.locale
    if output_format is OutputFormat.json:
        typer.echo(format_json(str(file), result.findings, message_lang, result.dismissed))
    else:
        if result.findings:
            typer.echo(format_text(result.findings, result.loaded.lines, message_lang, use_colour(sys.stdout)))
        if result.dismissed:
            typer.echo(format_dismissed(result.dismissed, message_lang, use_colour(sys.stdout)))
        typer.echo(summary_line(result.findings, message_lang, len(result.dismissed)))
    raise typer.Exit(findings_exit(result.findings, strict))
