"""The command line: one module per command group on one typer app (common.py), run() in main.py."""

from genreport.cli.common import app  # the one typer app
from genreport.cli.main import run  # importing main registers every command on the app

__all__ = ["app", "run"]
