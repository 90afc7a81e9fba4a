"""Issue 25 item 4: a build's PDF path goes forward only. pdf/prepare.py resolves the fonts once and
returns, beside the job, the characters they lack as plain data; build.py turns those into findings
(with their file, line and column) and the font note. A stand-in layout keeps WeasyPrint out."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType

import pytest
from conftest import ROOT

from genreport import build
from genreport.pdf import prepare
from genreport.pdf.layout import PdfJob

VALID = ROOT / "tests" / "data" / "valid.zh-CN.yaml"
RARE = "𪚥"  # U+2A6A5, CJK Extension B: in no font of the 仿宋 role on this machine
NAMES = "堃喆赟"  # not in FandolFang (the 仿宋 role's font here), drawn by Noto Serif CJK SC


class StandInLayout:
    """build's PdfLayout without WeasyPrint: keeps the job, returns a placeholder PDF."""

    def submit(self, job: PdfJob) -> None:
        self.job = job

    def result(self) -> tuple[bytes, int]:
        return b"%PDF-1.7 stand-in", 1


def with_text(tmp_path: Path, inserted: str) -> tuple[Path, int, int]:
    """valid.zh-CN.yaml with `inserted` in a body paragraph: the file, and the line and column it starts at."""
    text = VALID.read_text(encoding="utf-8").replace(
        "全年新增市场主体1798户", f"全年新增市场主体1798户（含{inserted}企业）"
    )
    data = tmp_path / "report.yaml"
    data.write_text(text, encoding="utf-8")
    line, row = next((i, row) for i, row in enumerate(text.splitlines(), start=1) if inserted in row)
    return data, line, row.index(inserted) + 1


def test_the_fonts_are_resolved_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    resolve = prepare.fonts_for

    def counted(*args: object) -> object:
        calls.append(args)
        return resolve(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(prepare, "fonts_for", counted)
    data, _, _ = with_text(tmp_path, RARE)
    result = build.build_file(data, tmp_path / "out", ["pdf", "html"], layout=StandInLayout())
    assert len(calls) == 1
    # and what the build reports about its fonts came from that one resolution
    assert any(f.code == "missing-glyph" for f in result.check.findings)
    assert result.font_note is not None  # FandolFang and friends are substitutes on this machine


def test_a_character_no_font_covers_is_named_at_its_file_line_and_column(tmp_path: Path) -> None:
    data, line, column = with_text(tmp_path, RARE)
    result = build.build_file(data, tmp_path / "out", ["pdf"], layout=StandInLayout())
    missing = [f for f in result.check.findings if f.code == "missing-glyph"]
    assert len(missing) == 1, missing
    finding = missing[0]
    assert str(finding.location) == f"{data}:{line}:{column}"
    assert finding.path == ("sections", "measures", "subsections", 0, "points", 2, "text")
    assert "U+2A6A5" in finding.message("en") and "FandolFang" in finding.message("en")
    assert "仿宋" in finding.message("zh-CN")


def test_a_character_a_later_font_draws_is_named_at_its_first_place(tmp_path: Path) -> None:
    data, line, column = with_text(tmp_path, NAMES)
    result = build.build_file(data, tmp_path / "out", ["pdf"], layout=StandInLayout())
    fallback = [f for f in result.check.findings if f.code == "fallback-glyph"]
    assert [str(f.location) for f in fallback] == [f"{data}:{line}:{column}"]
    assert "“堃”“喆”“赟”" in fallback[0].message("zh-CN") and "Noto Serif CJK SC" in fallback[0].message("en")
    assert not [f for f in result.check.findings if f.code == "missing-glyph"]


def test_prepare_returns_the_gaps_as_plain_data_and_pdf_knows_no_check() -> None:
    """The coverage is data (field paths and characters), and no module of pdf/ imports checks/."""
    from render_helpers import document

    prepared = prepare.prepare(document(VALID))
    assert prepared.coverage.missing == prepared.coverage.fallback == ()
    assert prepared.fonts.stylesheet == prepared.job.stylesheet
    for path in (ROOT / "generator" / "pdf").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "genreport.checks" not in text, path


def _stage(module: str | None) -> str | None:
    if not module or not module.startswith("genreport"):
        return None
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _is_cache_wrapper(frame: FrameType) -> bool:
    """resources.per_file_version's wrapper: the reader it calls back counts as called by its caller."""
    return frame.f_globals.get("__name__") == "genreport.resources" and frame.f_code.co_name in ("call", "cached")


def test_one_build_goes_down_the_stages_once(tmp_path: Path) -> None:
    """Followed call by call (sys.setprofile), a PDF build enters the stage packages checks, render
    and pdf once each, in that order (a function called or a value made there; the ground floor,
    errors, resources, atomic ..., is everyone's), and no call goes up tests/test_layering.py's order."""
    from test_layering import RANK, STAGES

    GROUND = set(STAGES[-1])

    data, _, _ = with_text(tmp_path, NAMES)
    build.build_file(data, tmp_path / "warm", ["pdf"], layout=StandInLayout())  # imports done before tracing
    entered: list[str] = []  # the stages build.py calls into, consecutive repeats folded
    upward: set[tuple[str, str]] = set()

    def profile(frame: FrameType, event: str, arg: object) -> None:
        callee = _stage(frame.f_globals.get("__name__"))
        if event != "call" or callee is None or _is_cache_wrapper(frame):
            return
        if "self" in frame.f_locals and frame.f_code.co_name != "__init__":
            return  # a method or property of a value already made (Role.label, loaded.locate_text)
        back = frame.f_back
        while back is not None and (_stage(back.f_globals.get("__name__")) is None or _is_cache_wrapper(back)):
            back = back.f_back
        caller = _stage(back.f_globals.get("__name__")) if back is not None else None
        if caller is None or caller == callee:
            return
        if RANK[callee] < RANK[caller]:
            upward.add((caller, f"{frame.f_globals['__name__']}.{frame.f_code.co_name}"))
        if caller == "build" and callee not in GROUND and (not entered or entered[-1] != callee):
            entered.append(callee)

    sys.setprofile(profile)
    try:
        build.build_file(data, tmp_path / "out", ["pdf"], layout=StandInLayout())
    finally:
        sys.setprofile(None)
    assert entered == ["checks", "render", "pdf"]
    assert upward == set()
