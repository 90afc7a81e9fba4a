"""How long `genreport preview` takes to re-render after a save, for every example.

    .venv/bin/python bench/preview_rerender.py [--runs 15]

Two numbers per example, each the median (and min/max) of --runs saves of a real edit:
  render  the render itself in a warm process (check + draft HTML + findings panel): the
          template and stylesheet caches are what keep this small. Target: under 150 ms.
  pushed  from the write of the file to the new version being ready for the page's event
          stream: adds the file watcher's detection and its quiet period (watch.STEP_MS).
Timings are printed, never asserted (SPEC: performance is measured by benchmarks, not tests).
"""
# ruff: noqa: T201 (a benchmark's output is its report)

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from genreport.preview.render import Renderer
from genreport.preview.session import Preview

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150.0


def edits(path: Path, runs: int) -> list[str]:
    """`runs` versions of the file, each with a different first point lead (a change the draft shows)."""
    text = path.read_text(encoding="utf-8")
    if "lead: " not in text:
        raise SystemExit(f"{path.name}: no point lead to edit")
    return [text.replace("lead: ", f"lead: 第{i}次修改，", 1) for i in range(runs)]


def bench_render(path: Path, runs: int) -> list[float]:
    renderer = Renderer(path)
    renderer.render()  # the first render compiles the templates; a preview has done it at start
    timings = []
    for text in edits(path, runs):
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        renderer.render()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def bench_pushed(path: Path, runs: int, timeout: float = 10.0) -> list[float]:
    timings = []
    with Preview(path) as preview:
        preview.start()
        time.sleep(0.3)  # let the watcher settle before the first save
        for text in edits(path, runs):
            version = preview.snapshot.version
            started = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            while preview.snapshot.version == version:
                if time.perf_counter() - started > timeout:
                    raise TimeoutError(f"{path.name}: no re-render {timeout} s after a save")
                time.sleep(0.001)
            timings.append((time.perf_counter() - started) * 1000)
            time.sleep(0.1)  # separate saves, as a person's are
    return timings


def summary(timings: list[float]) -> str:
    return f"{statistics.median(timings):7.1f} ms  ({min(timings):5.1f}–{max(timings):6.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    print(f"preview re-render after a save: median (min–max) of {args.runs} saves; target render < {TARGET_MS:.0f} ms")
    print(f"{'example':32} {'chars':>6}  {'render':>27}  {'pushed (save -> event)':>27}")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="genreport-bench-") as folder:
        for example in examples:
            path = Path(shutil.copy(example, Path(folder) / example.name))
            rendered = bench_render(path, args.runs)
            shutil.copy(example, path)
            pushed = bench_pushed(path, args.runs)
            worst = max(worst, statistics.median(rendered))
            chars = len(example.read_text(encoding="utf-8"))
            print(f"{example.name:32} {chars:6}  {summary(rendered):>27}  {summary(pushed):>27}")
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"slowest median render {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
