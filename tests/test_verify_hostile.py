"""Issue 27 item 14: verify-layout on PDFs it did not make (a collecting office runs it on what units send in).

Every PDF here is written by the test (tests/hostile_pdf.py). A flate bomb, a reference loop, a
MediaBox of 10^30 points, objects of the wrong type and bit-flipped copies of a built PDF each
get findings, or exit 2 with one line that says "not a readable PDF" or "not verified" and why:
never a traceback, never "internal error", never a hang (verify/bounded.py).
"""

from __future__ import annotations

import os
import random
import signal
import time
import zlib
from pathlib import Path

import hostile_pdf
import pytest
from conftest import DATA
from typer.testing import CliRunner

from genreport.build import build_file
from genreport.cli import app
from genreport.verify import bounded

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the bounds on memory and time need fork")

CASES = hostile_pdf.hostile()
# What each case must end in: a reason (exit 2) or measured findings (exit 1: a letter-size
# page with one line of Helvetica deviates from GB/T 9704 in every way).
EXPECTED = {
    "flate bomb 160 MB": "not verified: a stream (Flate) inflates past 64 MB",
    "flate bomb, two layers": "not verified: a stream (Flate) inflates past 64 MB",
    "3 MB of text on one page": "not verified: a page's drawing operators take",
    "900 KB of comments, its checksum wrong": "deviations",  # inflated in one call (byte by byte: 14 s)
    "a contents reference to itself": "not verified: its object references go round in a loop (object 5)",
    "a resources reference loop": "not verified: its object references go round in a loop",
    "a page tree whose kids hold itself": "deviations",
    "a page whose parent loops": "deviations",
    "a MediaBox of 10^30 points": "deviations",
    "a MediaBox written 1e30 (no PDF number)": "not a readable PDF: Bounding box contains non-number",
    "a MediaBox of 10^8 points": "deviations",
    "an inverted MediaBox": "deviations",
    "a zero MediaBox": "deviations",
    "a MediaBox of three numbers": "not a readable PDF: its objects are not of the types",
    "a MediaBox that is a string": "not a readable PDF: its objects are not of the types",
    "a MediaBox of names": "not a readable PDF: its objects are not of the types",
    "contents that are a number": "deviations",
    "resources that are an array": "not a readable PDF: its objects are not of the types",
    "a font that is a number": "not a readable PDF: its objects are not of the types",
    "a font of no kind": "deviations",
    "a font whose descendants are a string": "not a readable PDF",
    "kids that are a number": "deviations",
    "a catalog that is a number": "deviations",
    "a Lang that is a dictionary": "deviations",
    "a stream of a filter that does not exist": "not a readable PDF: Unsupported filter",
    "a predictor with a billion columns": "not verified: a stream's predictor asks for rows past the limit",
    "a font size of 10^30": "deviations",
    "a text matrix of 10^30": "deviations",
    "a form that draws itself": "deviations",
    "10,000 references to one page": "deviations",
    "3,000 pages": "not verified: it has more than 2000 pages, the limit",
}


def verify_layout(path: Path):
    return CliRunner().invoke(app, ["verify-layout", str(path)], env={"LANG": "en_US.UTF-8"})


def assert_answered(result, path: Path) -> str:
    """Findings (exit 0/1) or one line saying why not (exit 2); never a traceback. The output."""
    output = result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output and "internal error" not in output, output
    if result.exit_code == 2:
        assert output.count("\n") == 1, output
        assert output.startswith((f"{path} is not a readable PDF: ", f"{path}: not verified: ")), output
    else:
        assert result.exit_code in (0, 1), output
        assert f"{path}: " in output.splitlines()[-1] and "deviations" in output.splitlines()[-1], output
    return output


def test_every_case_has_an_expectation():
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_pdf_gets_findings_or_a_reason(tmp_path, name):
    path = tmp_path / "unit.pdf"
    path.write_bytes(CASES[name]())
    output = assert_answered(verify_layout(path), path)
    assert EXPECTED[name] in output, output


@pytest.fixture(scope="module")
def built_pdf(tmp_path_factory) -> bytes:
    """A real report's PDF, as genreport builds it."""
    out = tmp_path_factory.mktemp("built")
    return build_file(DATA / "valid.zh-CN.yaml", out, ["pdf"]).written[0].read_bytes()


@pytest.mark.parametrize("seed", range(10))
def test_bit_flipped_copies_of_a_built_pdf(tmp_path, built_pdf, seed):
    path = tmp_path / "flipped.pdf"
    path.write_bytes(hostile_pdf.flipped(built_pdf, seed, bits=1 + seed % 4))
    assert_answered(verify_layout(path), path)


def test_bit_flipped_and_cut_copies_of_a_small_pdf(tmp_path):
    """A seeded mutator over the hand-made PDF: flips, cuts, repeated and dropped spans."""
    base = hostile_pdf.document()
    rng = random.Random(27)
    for round_ in range(30):
        data = bytearray(base)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data))
            choice = rng.randrange(4)
            if choice == 0:
                data[at] ^= 1 << rng.randrange(8)
            elif choice == 1:
                del data[at : at + rng.randint(1, 40)]
            elif choice == 2:
                data[at:at] = data[at : at + rng.randint(1, 40)] * rng.randint(2, 50)
            else:
                data[at] = rng.choice(b"[]<>()/%0123456789 R")
        path = tmp_path / f"m{round_}.pdf"
        path.write_bytes(bytes(data))
        assert_answered(verify_layout(path), path)


# ------------------------------------------------------------------ the bounds themselves ---


def test_the_bounded_inflater_stops_at_the_limit_without_inflating_the_rest(monkeypatch):
    monkeypatch.setattr(bounded, "MAX_STREAM_BYTES", 1 << 20)
    bomb = zlib.compress(b" " * (64 << 20))
    budget = bounded._Budget()
    with pytest.raises(bounded._Bound) as stopped:
        budget.decompress(bomb)
    assert "inflates past 1 MB" in stopped.value.reason.en
    assert budget.decompress(zlib.compress(b"text")) == b"text"


def test_the_corrupted_inflater_keeps_what_precedes_a_wrong_checksum():
    body = hostile_pdf.comments(64)
    data = bytearray(zlib.compress(body))
    data[-1] ^= 0xFF
    with pytest.raises(zlib.error):
        bounded._Budget().decompress(bytes(data))  # as zlib.decompress: pdfminer then falls back
    assert bounded._Budget().inflate_corrupted(bytes(data)) == body


def test_runlength_and_lzw_decode_as_pdfminer_does():
    from pdfminer.lzw import lzwdecode
    from pdfminer.runlength import rldecode

    rng = random.Random(14)
    for _ in range(200):
        runs = bytearray()
        for _ in range(rng.randint(0, 20)):
            if rng.random() < 0.5:
                n = rng.randint(0, 127)
                runs += bytes([n]) + bytes(rng.randrange(256) for _ in range(n + 1))
            else:
                runs += bytes([rng.randint(129, 255), rng.randrange(256)])
        runs.append(128)
        assert bounded._Budget().runlength(bytes(runs)) == rldecode(bytes(runs))
    lzw = bytes.fromhex("800b6050220c0c8501")  # the PDF Reference's example: 45 45 45 45 45 65 45 45 45 66
    assert bounded._Budget().lzw(lzw) == lzwdecode(lzw) == bytes([45, 45, 45, 45, 45, 65, 45, 45, 45, 66])


def test_pdfminer_is_itself_again_after_the_bounds(tmp_path):
    from pdfminer import pdftypes
    from pdfminer.pdfinterp import PDFPageInterpreter

    before = (
        pdftypes.zlib,
        pdftypes.decompress_corrupted,
        pdftypes.PDFObjRef.resolve,
        PDFPageInterpreter.render_contents,
    )
    with bounded.bounds_installed():
        assert pdftypes.zlib is not zlib
    assert (
        pdftypes.zlib,
        pdftypes.decompress_corrupted,
        pdftypes.PDFObjRef.resolve,
        PDFPageInterpreter.render_contents,
    ) == before


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "small.pdf"
    path.write_bytes(hostile_pdf.document())
    return path


def test_a_reader_that_runs_past_its_time_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(bounded, "SECONDS", 1.0)
    monkeypatch.setattr(bounded, "SECONDS_PER_PAGE", 0.0)
    with pytest.raises(bounded.NotVerified) as stopped:
        bounded.run_bounded(_small(tmp_path), lambda: time.sleep(60))
    assert "reading it took longer than 1 s, and was stopped" in stopped.value.message("en")


def test_a_reader_that_needs_too_much_memory_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(bounded, "MEMORY_BYTES", 64 << 20)
    with pytest.raises(bounded.NotVerified) as stopped:
        bounded.run_bounded(_small(tmp_path), lambda: bytearray(512 << 20))
    assert "reading it needs more memory than the 64 MB limit" in stopped.value.message("en")


def test_a_reader_that_crashes_ends_its_child_not_the_command(tmp_path):
    with pytest.raises(bounded.NotReadable) as crashed:
        bounded.run_bounded(_small(tmp_path), lambda: os.kill(os.getpid(), signal.SIGSEGV))
    assert "the reader crashed on it (SIGSEGV)" in crashed.value.message("en")


def test_the_answer_crosses_back_whole(tmp_path):
    assert bounded.run_bounded(_small(tmp_path), lambda: {"pages": [1, 2], "text": "合计" * 100_000}) == {
        "pages": [1, 2],
        "text": "合计" * 100_000,
    }


def test_too_many_pages_and_too_many_bytes(tmp_path, monkeypatch):
    many = tmp_path / "many.pdf"
    many.write_bytes(CASES["3,000 pages"]())
    monkeypatch.setattr(bounded, "MAX_PAGES", 100)
    with pytest.raises(bounded.NotVerified, match="more than 100 pages"):
        bounded.run_bounded(many, lambda: None)
    monkeypatch.setattr(bounded, "MAX_FILE_BYTES", 1000)
    with pytest.raises(bounded.NotVerified, match="past the 0 MB limit"):
        bounded.run_bounded(many, lambda: None)
