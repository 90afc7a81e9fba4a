"""The command line: one module per command group on one typer app (common.py), run() in main.py."""

from genreport.cli.main import app, run

__all__ = ["app", "run"]
