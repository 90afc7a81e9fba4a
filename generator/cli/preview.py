"""`genreport preview`: a live draft on 127.0.0.1 that follows every save."""

from __future__ import annotations

import os
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


def has_display() -> bool:
    """Whether a browser opened here would be seen: a desktop session, not a server over ssh."""
    import sys

    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def address_line(url: str, lang: str, opened: bool) -> str:
    """The address and, on the same line, what to do with it."""
    if lang.startswith("zh"):
        return (
            f"{url}  （已在浏览器中打开；若未显示，请把这个地址复制到浏览器）"
            if opened
            else f"{url}  （在浏览器中打开这个地址即可查看草稿）"
        )
    return (
        f"{url}  (opened in your web browser; if it did not appear, paste this address into one)"
        if opened
        else (f"{url}  (open this address in a web browser to read the draft)")
    )


@app.command()
def preview(
    file: Annotated[
        Path, typer.Argument(help="The report's YAML data file.", show_default=False, exists=True, dir_okay=False)
    ],
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one).", show_default=False),
    ] = 0,
    open_browser: Annotated[
        bool | None,
        typer.Option(
            "--open/--no-open",
            help="Open the page in the default web browser (default: when this machine has a display).",
            show_default=False,
        ),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", "-p", help="Last year's data file, for the checks.", exists=True, dir_okay=False),
    ] = None,
) -> None:
    """Serve a live draft on 127.0.0.1 that follows every save, with check's findings. / 实时预览草稿。"""
    from genreport import speed
    from genreport.preview.session import Preview

    speed.long_lived()  # a preview lives for hours

    try:
        session = Preview(file, port=port, previous=previous)
    except GenreportError as error:
        raise fail(error) from None
    lang = session.renderer.lang
    session.on_render = _render_line(lang)
    opened = has_display() if open_browser is None else open_browser
    with session:
        typer.echo(address_line(session.url, lang, opened))  # the address first: scripts read the first word
        stop_hint = "按 Ctrl-C 停止预览" if lang.startswith("zh") else "press Ctrl-C to stop"
        separator = "；" if lang.startswith("zh") else "; "
        typer.echo(f"{session.snapshot.state.summary}{separator}{stop_hint}", err=True)
        if opened:
            import webbrowser

            webbrowser.open(session.url)
        try:
            session.serve_forever()
        except KeyboardInterrupt:
            pass  # Ctrl-C is how a preview ends: leaving the block stops it cleanly
    typer.echo("预览已停止" if lang.startswith("zh") else "preview stopped", err=True)
