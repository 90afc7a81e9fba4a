"""verify-layout's vocabulary: a Result per check (ok, FAIL, not verified, n/a), the measured Grid,
the whole Verification, and the patterns that recognise a report's lines (一、 headings, dates ...).

Statuses: ok; FAIL (a deviation, with what was measured and what the clause wants); not verified
(the thing exists but could not be measured: never counted as a pass); n/a (an optional element
the document does not have, like a 版记).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from genreport.fonts.roles import Role


class Status(StrEnum):
    """A check's outcome; the values are what text and JSON output print."""

    OK = "ok"
    FAIL = "FAIL"  # a deviation: what was measured and what the clause wants
    NOT_VERIFIED = "not verified"  # present but not measurable: never counted as a pass
    NA = "n/a"  # an optional element the document does not have


OK, FAIL, NOT_VERIFIED, NA = Status.OK, Status.FAIL, Status.NOT_VERIFIED, Status.NA
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
PART = re.compile(r"^[一二三四五六七八九十]+、")
SUBSECTION = re.compile(r"^（[一二三四五六七八九十]+）")
LOW_LEVEL = re.compile(r"^(\d+\.|（\d+）)")
CLOSING = set("，。、；：？！）》」』”’…%")
BOLD = re.compile(r"Bold|Heavy|Black|Demi|Semibold", re.I)


@dataclass(frozen=True)
class Result:
    clause: str
    check: str
    status: Status
    detail: str
    page: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "clause": self.clause,
            "check": self.check,
            "status": self.status,
            "detail": self.detail,
            "page": self.page,
        }


@dataclass
class Grid:
    """The measured character grid (§5.2): what the closing notes and the tests quote."""

    body_pt: float = 0.0
    cell_pt: float | None = None
    pitch_pt: float | None = None
    lines_per_page: dict[int, int] = field(default_factory=dict)  # pages followed by more body text
    chars_per_line: dict[int, int] = field(default_factory=dict)  # natural full lines: cells -> count
    top_mm: list[float] = field(default_factory=list)
    left_mm: float | None = None
    right_mm: float | None = None  # right margin
    width_mm: float | None = None
    height_mm: float | None = None
    bottom_mm: float | None = None

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class Verification:
    path: Path
    kinds: list[str]
    grid: Grid
    results: list[Result]

    @property
    def failures(self) -> list[Result]:
        return [r for r in self.results if r.status == FAIL]

    @property
    def unverified(self) -> list[Result]:
        return [r for r in self.results if r.status == NOT_VERIFIED]


def status_of(flag: bool) -> Status:
    return OK if flag else FAIL


def in_cells(points: float, cell: float) -> float:
    return round(points / cell, 2)


def _fold(name: str) -> str:
    name = re.sub(r"-[a-z]+-fallback(?=$|-)", "", name)  # a role's fallback face counts as its source font
    base = re.sub(
        r"[-_ ](Regular|Bold|Light|Medium|SemiBold|Black|Book|Italic|ExtraLight|Heavy)$", "", name, flags=re.I
    )
    return re.sub(r"[-_ ]", "", base).casefold()


def role_status(font: str, role: Role | None) -> tuple[Status, str]:
    if role is None:
        return NOT_VERIFIED, f"{font} (stylesheet has no such role)"
    names = {_fold(n): n in role.official for n in role.stack}
    names[_fold(f"genreport-user-{role.key}")] = True  # fonts.py's name for a user's official font
    official = names.get(_fold(font))
    if official is None:
        return FAIL, f"{font} is not a {role.label('en')} font ({', '.join(role.stack[:3])} …)"
    return OK, f"{font}" + ("" if official else f" (substitute for {role.official[0]})")
