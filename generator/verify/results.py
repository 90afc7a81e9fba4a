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


# Every check's stable id, by its (clause, check) wording. Tests and scripts match ids, never the
# English text; a check whose wording changes keeps its id here (tests/test_verify_ids.py fails on
# a check with no id, and on an id given twice).
CHECK_IDS: dict[tuple[str, str], str] = {
    ("GB/T 9704", "the zh-CN layout"): "layout-kind",
    ("SPEC --draft", "draft mark on every page"): "draft-mark",
    ("§5.2.1", "nothing drawn outside the text block but the page number and draft mark"): "outside-text-block",
    ("a4.css", "nothing drawn outside the text block but the page number and draft mark"): "a4-outside-text-block",
    ("SPEC fonts", "chart text in 黑体"): "chart-font",
    ("SPEC fonts", "仿宋, 黑体 and 楷体 in the font each role resolves to on this machine"): "role-fonts-installed",
    ("SPEC outputs", "every font embedded and subset"): "fonts-embedded",
    ("SPEC punctuation", "Chinese characters and “”—…《》 in a CJK font"): "cjk-punctuation-font",
    ("SPEC punctuation", "no closing punctuation at a line start"): "line-start-punctuation",
    ("SPEC typesetting", "no heading stranded at a page foot"): "stranded-heading",
    ("a4.css", "margins 25 mm left, right and top, 28 mm bottom"): "en-margins",
    ("a4.css", "margins 25 mm (bottom 28 mm)"): "en-margins",
    ("a4.css", "page numbers 10 pt, centred below the text block; none on blank and 版记 pages"): "en-page-numbers",
    ("a4.css", "text in the stylesheet's font roles (serif; sans for the mark and the chart)"): "en-fonts",
    ("§5.1", "page size A4 210 × 297 mm"): "page-size",
    ("§5.2", "character grid"): "grid",
    ("§5.2.1", "left margin 28 ± 1 mm"): "left-margin",
    ("§5.2.1", "text block width 156 mm"): "text-width",
    ("§5.2.1", "text block width 156 ± 1 mm"): "text-width",
    ("§5.2.1", "top margin 37 ± 1 mm (to the first line's glyph top)"): "top-margin",
    ("§5.2.2", "22 lines on every full page"): "lines-per-page",
    ("§5.2.2", "28 characters a line"): "chars-per-line",
    ("§5.2.2", "28 characters on every full line"): "chars-per-line",
    ("§5.2.2", "character pitch 15.79 pt (28 in 156 mm)"): "char-pitch",
    ("§5.2.2", "character pitch"): "char-pitch",
    ("§5.2.2", "every line on the grid"): "lines-on-grid",
    ("§5.2.2", "justified: no short line inside a paragraph"): "justified",
    ("§5.2.2", "line pitch 28.99 pt (22 in 225 mm)"): "line-pitch",
    ("§5.2.2", "no letter-spaced line (hanzi pitch ≤ 8 % over 15.79 pt)"): "hanzi-pitch",
    ("§5.2.2–5.2.3", "the first page shows body text"): "first-page-body",
    ("§5.2.3", "body text 16 pt (3号)"): "body-size",
    ("§5.2.3", "body text black"): "body-colour",
    ("§5.2.3", "body text in 仿宋"): "body-font",
    ("§7.2", "版头: 发文机关标志, 签发人, red rule"): "letterhead",
    ("§7.2.4", "发文机关标志 red, centred, 小标宋, 35 mm below the text block's top"): "letterhead-mark",
    ("§7.2.6", "发文字号 and 签发人 on one line, one character in"): "letterhead-number",
    ("§7.2.7", "red rule 4 mm below the 发文字号, as wide as the text block"): "letterhead-rule",
    ("§7.2.5", "document number 〔year〕N号"): "document-number",
    ("§7.3.1", "long title in balanced lines (no stub)"): "title-lines",
    ("§7.3.1", "title 22 pt (2号), centred"): "title-size",
    ("§7.3.1", "title in 小标宋"): "title-font",
    ("§7.3.2", "recipient flush left, one blank line below the title"): "recipient",
    ("§7.3.3", "1. and （1） headings and body: 仿宋"): "heading-3-font",
    ("§7.3.3", "一、 headings: 黑体, 16 pt, not bold"): "heading-1-font",
    ("§7.3.3", "（一） headings: 楷体, 16 pt, not bold"): "heading-2-font",
    ("§7.3.4", "attachment: new page, 附件N 黑体 at the top left"): "attachment-label",
    ("§7.3.4", "attachments note: one blank line after the body, 2 characters in"): "attachments-note",
    ("§7.3.4", "附件说明 lists every attachment; each on its page as 附件N, in order"): "attachments-listed",
    ("§7.3.5", "date in Arabic numerals, full year, no zero padding"): "date-form",
    ("§7.3.5", "issuer 2 characters in from the right, date 2 characters right of its start"): "signature-unsealed",
    ("§7.3.5", "issuer above the date"): "signature-issuer",
    ("§7.3.5", "sealed: date 4 characters in from the right, issuer centred on it"): "signature-sealed",
    ("§7.3.5", "signature and date"): "signature",
    ("§7.3.5", "signature on a page with body text"): "signature-page",
    ("§7.3.6", "附注 on the line after the date, 2 characters in"): "annotation",
    ("§7.4", "印发机关 and 印发日期 one character in"): "imprint-printer",
    ("§7.4", "抄送 4号, one character in, ends with 。"): "imprint-copies",
    ("§7.4", "版记 at the foot of the last page"): "imprint-foot",
    ("§7.4", "版记 on an even page (the back of the last sheet)"): "imprint-even-page",
    ("§7.4", "版记 rules: text-block wide, 0.35/0.25/0.35 mm, last on the text block's bottom"): "imprint-rules",
    ("§7.5", "page numbers — N —, 14 pt 宋体, 7 mm below, odd right / even left one character in; none on blank and 版记 pages"): "page-numbers",
}  # fmt: skip


@dataclass(frozen=True)
class Result:
    clause: str
    check: str
    status: Status
    detail: str
    page: int | None = None

    @property
    def id(self) -> str:
        """The check's stable id (CHECK_IDS); "unnamed" for a check missing from the table."""
        return CHECK_IDS.get((self.clause, self.check), "unnamed")

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
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
    names[_fold(f"genreport-user-{role.key}")] = True  # fonts/roles.py's name for a user's official font
    official = names.get(_fold(font))
    if official is None:
        return FAIL, f"{font} is not a {role.label('en')} font ({', '.join(role.stack[:3])} …)"
    return OK, f"{font}" + ("" if official else f" (substitute for {role.official[0]})")
