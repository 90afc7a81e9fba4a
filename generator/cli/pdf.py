"""Commands about the PDF's fonts and layout: fonts, verify-layout.

Registered on the one typer app of cli/common.py (cli/main.py imports this module).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from genreport.cli.common import EXIT_FINDINGS, EXIT_OK, Lang, OutputFormat, app, environment_lang, fail
from genreport.errors import GenreportError


@app.command()
def fonts(
    font_dir: Annotated[
        Path | None,
        typer.Option(
            "--font-dir",
            help="Folder of your own font files, used first [env: GENREPORT_FONT_DIR].",
            show_default=False,
        ),
    ] = None,
    locale: Annotated[
        Lang | None,
        typer.Option("--locale", "-l", help="Only this locale's print stylesheet (default: both).", show_default=False),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text for people, json for machines.")
    ] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any role uses a substitute font.")] = False,
) -> None:
    """Which font each role (仿宋, 小标宋, 黑体, 楷体, 宋体; en serif) resolves to, and whether it is a substitute. / 字体检查。"""
    from genreport.fonts.report import format_json
    from genreport.fonts.report import format_text as fonts_text
    from genreport.fonts.roles import font_setup
    from genreport.pdf.settings import font_dir_from
    from genreport.resources import PRINT_STYLESHEETS, print_stylesheet

    lang = locale.value if locale else environment_lang()
    try:
        setups = [
            (loc, font_setup(print_stylesheet(loc), font_dir_from(font_dir)))
            for loc in PRINT_STYLESHEETS
            if locale is None or loc == locale.value
        ]
    except GenreportError as error:
        raise fail(error, lang) from None
    typer.echo(format_json(setups) if output_format is OutputFormat.json else fonts_text(setups, lang), nl=False)
    substitutes = any(setup.substitutes for _, setup in setups)
    raise typer.Exit(EXIT_FINDINGS if strict and substitutes else EXIT_OK)


@app.command("verify-layout")
def verify_layout(
    pdf: Annotated[
        Path, typer.Argument(help="A report PDF built by genreport (zh-CN: GB/T 9704-2012).", show_default=False)
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text for people, json for machines.")
    ] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat 'not verified' as a deviation (exit 1).")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="List the checks that passed too.")] = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Language of the output (default: from the environment; C.UTF-8 means zh-CN).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Measure a built PDF against GB/T 9704: each deviation with its clause. / 检查 PDF 版式。"""
    from genreport.verify.format import format_json as layout_json
    from genreport.verify.format import format_text as layout_text
    from genreport.verify.layout import verify_file

    try:
        result = verify_file(pdf)
    except GenreportError as error:
        raise fail(error, lang.value if lang else None) from None
    shown = lang.value if lang else environment_lang()  # the same rule as every other message
    typer.echo(
        layout_json(result) if output_format is OutputFormat.json else layout_text(result, show_all, shown), nl=False
    )
    deviations = result.failures or (strict and result.unverified)
    raise typer.Exit(EXIT_FINDINGS if deviations else EXIT_OK)
