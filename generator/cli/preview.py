"""`genreport preview`: a live draft on 127.0.0.1 that follows every save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from genreport.cli.common import app, fail
from genreport.errors import GenreportError

if TYPE_CHECKING:
    from genreport.preview.render import Snapshot


def _render_line(lang: str) -> Callable[[Snapshot], None]:
    """The progress line printed after each re-render: time, duration, what check found."""
    import time

    def echo(snapshot: Snapshot) -> None:
        state = snapshot.state
        stale = ("；稿件未更新" if lang.startswith("zh") else "; draft not updated") if state.stale else ""
        typer.echo(f"{time.strftime('%H:%M:%S')} {state.render_ms:.0f} ms: {state.summary}{stale}", err=True)

    return echo


@app.command()
def preview(
    file: Annotated[Path, typer.Argument(help="The report's YAML data file.", show_default=False, exists=True, dir_okay=False)],
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one).", show_default=False)] = 0,
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Open the page in the default web browser.")] = False,
    previous: Annotated[
        Path | None, typer.Option("--previous", "-p", help="Last year's data file, for the checks.", exists=True, dir_okay=False)
    ] = None,
) -> None:
    """Serve a live draft on 127.0.0.1 that follows every save, with check's findings. / 实时预览草稿。"""
    import gc

    from genreport.preview.session import Preview

    gc.enable()  # launch.main() turns collection off for one-shot commands; a preview lives for hours

    try:
        session = Preview(file, port=port, previous=previous)
    except GenreportError as error:
        raise fail(error) from None
    lang = session.renderer.lang
    session.on_render = _render_line(lang)
    with session:
        typer.echo(session.url)
        stop_hint = "按 Ctrl-C 停止预览" if lang.startswith("zh") else "press Ctrl-C to stop"
        separator = "；" if lang.startswith("zh") else "; "
        typer.echo(f"{session.snapshot.state.summary}{separator}{stop_hint}", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(session.url)
        try:
            session.serve_forever()
        except KeyboardInterrupt:
            pass  # Ctrl-C is how a preview ends: leaving the block stops it cleanly
    typer.echo("预览已停止" if lang.startswith("zh") else "preview stopped", err=True)
