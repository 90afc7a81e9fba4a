"""`make bench-stress`: one very long zh-CN report built in a fresh process: time and peak memory.

    .venv/bin/python bench/stress.py [--pages 3000]

A report of about `pages` GB/T 9704 pages (bench/corpus.py's sentences, ~440 paragraph
characters a page) is built to PDF with `genreport build --draft -f pdf`; the wall time, the
peak resident memory of the process (os.wait4) and the pages printed are reported. Nothing is
asserted: SPEC's targets (under 5 minutes and 1.5 GB for 3,000 pages with one layout; under
60 s with pages written as they are composed) are read off the output.
"""
# ruff: noqa: T201 (a benchmark's output is its report)

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 (bench/ is not a package)

# Paragraph characters a GB/T 9704 page holds with its headings (440 printed 2,486 pages for 3,000).
CHARS_PER_PAGE = 520


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="genreport-stress-") as folder:
        work = Path(folder)
        source = corpus.write(work / "stress.yaml", args.pages * CHARS_PER_PAGE)
        log = work / "stderr.txt"
        started = time.perf_counter()
        with log.open("wb") as stderr:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "genreport",
                    "build",
                    str(source),
                    "--draft",
                    "-f",
                    "pdf",
                    "-o",
                    str(work / "out"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
            _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        error = log.read_text(encoding="utf-8", errors="replace")
        pdfs = list((work / "out").glob("*.pdf"))
        pages = "?"
        if pdfs:
            info = subprocess.run(["pdfinfo", str(pdfs[0])], capture_output=True, text=True, check=False).stdout
            pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        print(f"stress: {pages} pages in {seconds:.1f} s, peak memory {usage.ru_maxrss / 1024:.0f} MiB,"
              f" exit {os.waitstatus_to_exitcode(status)}")  # fmt: skip
        if os.waitstatus_to_exitcode(status) != 0:
            print(error[-2000:], file=sys.stderr)


if __name__ == "__main__":
    main()
