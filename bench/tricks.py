"""What each speed trick of speed.py saves: a build with all of them, and with each one off alone.

    .venv/bin/python bench/tricks.py [--runs 5] [--chars 10500] [--only no-gc,quick-exit,a+b] [--warm-only]

Builds the benchmark's ~25-page report (bench/corpus.py) with `genreport build` in a fresh
process, cold (an empty font cache each run) and warm (the cache filled once), first with every
trick on, then with GENREPORT_SPEED_OFF=<trick> for each trick of speed.TRICKS (`a+b`: both
off in one configuration, for tricks that stand in for each other), and prints the
median wall time and the median CPU time (user + system of the command and its helper: what a
trick saves on a loaded machine, where wall time mostly measures the other processes).
Runs alternate between the configurations, so that a change in the machine's load lands on all
of them alike. A trick is worth its code when it saves 50 ms or more on one of the builds.
Nothing here is asserted (SPEC: performance is measured by benchmarks, never by tests).
"""
# ruff: noqa: T201 (a benchmark's output is its report)

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 (bench/ is not a package)
from run import GENREPORT, ONE_X_CHARS, env_with_cache  # noqa: E402

from genreport.speed import ENV, TRICKS  # noqa: E402 (the seam's own list)

# Tricks that stand in for each other, measured off together as well (none left: the collector is
# switched once, by no-gc).
COMBINED: tuple[str, ...] = ()


def build(report: Path, out: Path, env: dict[str, str]) -> tuple[float, float]:
    """One `genreport build`: (wall seconds, CPU seconds of it and every child it waited for)."""
    started = time.perf_counter()
    process = subprocess.Popen([*GENREPORT, "build", str(report), "-o", str(out)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=env)  # fmt: skip
    err = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build exited {os.waitstatus_to_exitcode(status)}:\n{err.decode()}")
    # ru_*time of wait4 covers the command; its helper is its child, reaped by it, so it is counted
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chars", type=int, default=ONE_X_CHARS)
    parser.add_argument(
        "--only",
        default=",".join([*TRICKS, *COMBINED]),
        help="the tricks to switch off one at a time (a+b: both off together)",
    )
    parser.add_argument("--warm-only", action="store_true", help="no cold builds (half the time)")
    args = parser.parse_args()
    configs = ["(all on)", *args.only.split(",")]
    unknown = {name for config in configs[1:] for name in config.split("+")} - set(TRICKS)
    if unknown:
        parser.error(f"no such trick: {', '.join(sorted(unknown))} (speed.TRICKS: {', '.join(TRICKS)})")
    kinds = ("warm",) if args.warm_only else ("cold", "warm")
    with tempfile.TemporaryDirectory(prefix="genreport-tricks-") as folder:
        work = Path(folder)
        report = corpus.write(work / "bench.zh-CN.yaml", args.chars)
        warm_cache = work / "warm-cache"
        build(report, work / "fill", env_with_cache(warm_cache))
        figures: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for run in range(args.runs):
            for config in configs:
                off = {} if config == "(all on)" else {ENV: config.replace("+", ",")}
                if "cold" in kinds:
                    cold_cache = work / f"cold-{run}-{config}"
                    figures.setdefault((config, "cold"), []).append(
                        build(report, work / "out", {**env_with_cache(cold_cache), **off})
                    )
                    shutil.rmtree(cold_cache, ignore_errors=True)
                figures.setdefault((config, "warm"), []).append(
                    build(report, work / "out", {**env_with_cache(warm_cache), **off})
                )
            done = {key: [(round(w, 3), round(c, 3)) for w, c in runs] for key, runs in figures.items()}
            print(f"run {run + 1} of {args.runs} done: (wall, CPU) so far {done}", file=sys.stderr)

    def med(config: str, kind: str, index: int) -> float:
        return statistics.median(f[index] for f in figures[(config, kind)])

    print(f"{args.runs} runs each, ~{args.chars} paragraph characters; saving = that trick off minus all on")
    print(
        f"{'':<20}"
        + "".join(f"{k + ' wall':>11}{k + ' CPU':>10}" for k in kinds)
        + "   saving (ms): wall/CPU per build"
    )
    for config in configs:
        row = [med(config, k, i) for k in kinds for i in (0, 1)]
        line = f"{config:<20}" + "".join(f"{v:>10.3f}s" if i % 2 == 0 else f"{v:>9.3f}s" for i, v in enumerate(row))
        if config != "(all on)":
            base = [med("(all on)", k, i) for k in kinds for i in (0, 1)]
            line += "   " + " / ".join(f"{(v - b) * 1000:+.0f}" for v, b in zip(row, base, strict=True))
        print(line)


if __name__ == "__main__":
    main()
