"""The one family of user-facing problems.

A `Finding` is something wrong with the user's data: it has a severity, a stable ASCII rule code,
a location (file, line, column, field path), and a message and hint in both locales; the CLI
prints it in the reader's language. A `GenreportError` is a problem that stops a command
from running at all (unreadable file, unknown kind): the CLI maps it to exit status 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

FieldPath = tuple[str | int, ...]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Text:
    """A message in both locales; the reader's locale picks one when printing."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class Location:
    file: Path
    line: int | None = None  # 1-based; None when the problem belongs to the whole file
    column: int | None = None  # 1-based

    def __str__(self) -> str:
        parts = [str(self.file)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


def dotted(path: FieldPath) -> str:
    """sections.measures.subsections[0].points[1].text"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    message: Text
    hint: Text
    location: Location
    path: FieldPath = ()
    related: Location | None = field(default=None)  # e.g. the first of two duplicates
    dismissed: str | None = None  # the clerk's reason, when a `# genreport: ignore[code]` comment dismissed it

    @property
    def field(self) -> str:
        return dotted(self.path)

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "file": str(self.location.file),
            "line": self.location.line,
            "column": self.location.column,
            "path": self.field,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "related": str(self.related) if self.related else None,
        } | ({"dismissed": self.dismissed} if self.dismissed is not None else {})


# What a command prints when Ctrl-C stops it (exit 130), wherever the interrupt landed: cli/main.py
# for one inside a command, launch.py for one while the process starts or leaves.
INTERRUPTED = "interrupted; nothing half-written was left behind / 已中断，未留下不完整的文件"


class GenreportError(Exception):
    """A problem that stops the command; its text is shown to the user in their language."""

    def __init__(self, message: str | Text) -> None:
        self.text = message if isinstance(message, Text) else Text(message, message)
        super().__init__(self.text.en)

    def message(self, lang: str) -> str:
        return self.text(lang)


class LoadError(GenreportError):
    """The file could not be read at all (missing, unreadable, not UTF-8, too large)."""

    def __init__(self, message: str | Text, code: str = "unreadable-file", line: int | None = None) -> None:
        super().__init__(message)
        self.code = code  # for `check --format json`, which reports it as a finding
        self.line = line


class KindError(GenreportError):
    """The report kind is unknown or its kind.yaml is invalid."""


class RenderError(GenreportError):
    """A template or the PDF engine failed."""
