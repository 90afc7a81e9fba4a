"""`make bench-typst`: genreport beside Typst on the same content, side by side in one run.

    .venv/bin/python bench/typst_bench.py [--runs 3] [--runs-large N] [--quick] [--sizes 1x,10x,20x]

For each size of bench/corpus.py's generated zh-CN report (bench/run.py's 24-page "1x" report,
its 10x one, which makes 200 pages, and a 20x one of about 400), written as the genreport YAML
and as a Typst source with the same text and the same GB/T 9704 page (bench/typst_source.py,
the same Fandol font files through Typst's font paths, the system Noto CJK fonts for the rest),
it measures in fresh processes, interleaved so that the machine's load falls on both alike:

  genreport   `genreport build -f pdf`: cold (an empty font cache: XDG_CACHE_HOME in a new
              temporary folder) and warm (the cache filled by a build before)
  Typst       typst.compile(...) in a new Python process (the PyPI package `typst`, which
              ships the Typst compiler as a library, has no `typst` executable), with the same
              two XDG_CACHE_HOME settings (Typst keeps no font cache: both are cold for it);
              the cost of starting that Python and importing typst is shown on its own line
  both        CPU time (os.wait4's user + system time, the PDF helper process included: the figure
              to read on a loaded machine, where wall time mostly measures the queue for a core),
              peak resident memory (ru_maxrss of the warm build, the largest process), PDF size, pages

and prints one table: medians of --runs runs (--runs-large for the 10x and 20x reports)
and the ratios genreport / Typst. Nothing is asserted.

Typst is a measuring tool only, never a project dependency: it is installed with pip into a venv
of its own under the bench's cache folder ($XDG_CACHE_HOME or ~/.cache, genreport-bench/), once.
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
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 (bench/ is not a package)
import typst_source  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FANDOL = Path("/usr/local/share/fonts/genreport-fandol")
TYPST_RELEASE = "0.15.2"  # of typst-py, which binds the Typst 0.15.1 compiler (its version runs ahead of Typst's)
# paragraph characters: bench/run.py's 1x report (24 pages) and its 10x one, which is the 200-page report
# (stress.py's 440 characters a page would ask 88,000 for 200 pages: they make 170), and twice that (~400 pages)
# to see how time and memory grow past it
SIZES = {"1x": 10_500, "10x": 105_000, "20x": 210_000}
GENREPORT = [sys.executable, "-m", "genreport"]
# the contestants and their environment: genreport as it builds (the body pages placed on the grid,
# pdf/direct/), genreport with every page laid out by WeasyPrint (the build before that), Typst
TOOLS = {"g": {"GENREPORT_BODY_LAYOUT": "placed"}, "w": {"GENREPORT_BODY_LAYOUT": "weasyprint"}, "t": {}}
# the compiler's own version, from the software bill of materials the wheel ships
TYPST_VERSION = """
import json, importlib.metadata as m
dist = m.distribution("typst")
boms = [f for f in dist.files or [] if str(f).endswith(".json") and "sboms" in str(f)]
parts = [c for f in boms for c in json.loads(f.read_text()).get("components", [])]
found = [c.get("version") for c in parts if c["name"] == "typst"]
print(f"Typst {found[0] if found else '?'} (typst package {dist.version})")
"""
TYPST_COMPILE = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=sys.argv[3:])"


@dataclass
class Run:
    seconds: float
    max_rss_mib: float
    cpu_seconds: float  # user + system time of the process and the children it waited for


def child(args: list[str], env: dict[str, str]) -> Run:
    """Run a command to its end in a fresh process: wall time and its peak resident memory (os.wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(args)} exited {code}:\n{err.decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "genreport-bench"


def typst_python(venv: Path) -> Path:
    """The Python of a venv that has the `typst` package; made with pip the first time."""
    python = venv / "bin" / "python"
    probe = [str(python), "-c", f"import importlib.metadata as m; assert m.version('typst') == '{TYPST_RELEASE}'"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    print(f"typst-bench: installing typst {TYPST_RELEASE} into {venv} (a measuring tool, not a project dependency)",
          file=sys.stderr)  # fmt: skip
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"typst=={TYPST_RELEASE}"], check=True)
    return python


@dataclass
class Size:
    label: str
    chars: int
    yaml: Path
    typ: Path
    runs: int
    figures: dict[str, list[Run]] = field(default_factory=dict)
    pdf_bytes: dict[str, int] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)

    def median(self, key: str, attr: str) -> float:
        return statistics.median(getattr(run, attr) for run in self.figures[key])


def pdf_pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def measure(size: Size, python: Path, work: Path) -> None:
    out = work / f"out-{size.label}"
    typst_pdf = work / f"typst-{size.label}.pdf"
    build = [*GENREPORT, "build", str(size.yaml), "-f", "pdf", "-o", str(out)]
    compile_ = [str(python), "-c", TYPST_COMPILE, str(size.typ), str(typst_pdf), str(FANDOL)]
    warm_cache = work / "warm-cache"
    warm = {**os.environ, "XDG_CACHE_HOME": str(warm_cache)}
    child(build, warm)  # fill the font cache for this report's fonts (and warm the OS's file cache)
    child(compile_, warm)
    runs: dict[str, list[Run]] = {f"{tool}-{kind}": [] for tool in TOOLS for kind in ("cold", "warm")}
    before = out.with_name(out.name + "-weasyprint")
    commands = {"g": build, "w": [*build[:-1], str(before)], "t": compile_}
    for _ in range(size.runs):
        for tool, command in commands.items():
            env = {**os.environ, **TOOLS[tool]}
            cold_cache = Path(tempfile.mkdtemp(dir=work, prefix="cold-cache-"))
            try:
                runs[f"{tool}-cold"].append(child(command, {**env, "XDG_CACHE_HOME": str(cold_cache)}))
            finally:
                shutil.rmtree(cold_cache, ignore_errors=True)
            runs[f"{tool}-warm"].append(child(command, {**env, "XDG_CACHE_HOME": str(warm_cache)}))
    size.figures = runs
    (pdf,) = out.glob("*.pdf")
    (pdf_before,) = before.glob("*.pdf")
    for tool, path in (("g", pdf), ("w", pdf_before), ("t", typst_pdf)):
        size.pdf_bytes[tool] = path.stat().st_size
        size.pages[tool] = pdf_pages(path)


def table(sizes: list[Size], floor: Run, version: str) -> str:
    def trio(label: str, key: str, attr: str, unit: str, digits: int) -> list[tuple[str, ...]]:
        """genreport's figure, Typst's, and their ratio, each a median over the runs."""
        g = [s.median(f"g-{key}", attr) for s in sizes]
        w = [s.median(f"w-{key}", attr) for s in sizes]
        t = [s.median(f"t-{key}", attr) for s in sizes]
        return [
            (f"{label}: genreport", *(f"{v:.{digits}f} {unit}" for v in g)),
            (f"{label}: genreport, all WeasyPrint", *(f"{v:.{digits}f} {unit}" for v in w)),
            (f"{label}: {version}", *(f"{v:.{digits}f} {unit}" for v in t)),
            ("  genreport / Typst", *(f"{a / b:.1f}x" for a, b in zip(g, t, strict=True))),
            ("  all WeasyPrint / Typst", *(f"{a / b:.1f}x" for a, b in zip(w, t, strict=True))),
        ]

    rows: list[tuple[str, ...]] = [
        (
            "pages: genreport / all WeasyPrint / Typst",
            *(f"{s.pages['g']} / {s.pages['w']} / {s.pages['t']}" for s in sizes),
        )
    ]
    rows += trio("build cold (empty font cache), wall", "cold", "seconds", "s", 2)
    rows += trio("build cold, CPU (user + sys)", "cold", "cpu_seconds", "s", 2)
    rows += trio("build warm (font cache filled), wall", "warm", "seconds", "s", 2)
    rows += trio("build warm, CPU (user + sys)", "warm", "cpu_seconds", "s", 2)
    rows += trio("peak memory, warm build", "warm", "max_rss_mib", "MiB", 0)
    g_kb = [s.pdf_bytes["g"] / 1024 for s in sizes]
    w_kb = [s.pdf_bytes["w"] / 1024 for s in sizes]
    t_kb = [s.pdf_bytes["t"] / 1024 for s in sizes]
    rows += [
        ("PDF size: genreport", *(f"{v:.0f} KB" for v in g_kb)),
        ("PDF size: genreport, all WeasyPrint", *(f"{v:.0f} KB" for v in w_kb)),
        ("PDF size: Typst", *(f"{v:.0f} KB" for v in t_kb)),
        ("  genreport / Typst", *(f"{a / b:.2f}x" for a, b in zip(g_kb, t_kb, strict=True))),
        ("in Typst's figures: Python start + import typst",
         *(f"{floor.seconds:.2f} s ({floor.cpu_seconds:.2f} s CPU)" for _ in sizes)),
    ]  # fmt: skip
    header = ("measure (fresh process each, medians)",
              *(f"{s.label}: {s.chars:,} chars, {s.runs} run{'s' if s.runs > 1 else ''}" for s in sizes))  # fmt: skip
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(cells))

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (the median is shown)")
    parser.add_argument("--runs-large", type=int, help="runs for the 10x and 20x reports (default: --runs)")
    parser.add_argument("--quick", action="store_true", help="one run of everything")
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"which reports, of {', '.join(SIZES)}")
    parser.add_argument("--keep", type=Path, help="copy the YAML, .typ and both PDFs of each size here")
    args = parser.parse_args()
    runs = 1 if args.quick else max(1, args.runs)
    runs_large = 1 if args.quick else max(1, args.runs_large or runs)
    labels = [label for label in args.sizes.split(",") if label]
    unknown = [label for label in labels if label not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}: choose from {', '.join(SIZES)}")
    os.chdir(ROOT)
    python = typst_python(cache_root() / "typst-venv")
    version = subprocess.run([str(python), "-c", TYPST_VERSION],
                             capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="genreport-typst-bench-") as folder:
        work = Path(folder)
        sizes = []
        for label in labels:
            yaml = corpus.write(work / f"report-{label}.yaml", SIZES[label])
            typ, left_out = typst_source.write(yaml, work / f"report-{label}.typ")
            if left_out:
                print(f"typst-bench: {label}: the Typst source leaves out {', '.join(left_out)}: not the same content",
                      file=sys.stderr)  # fmt: skip
            sizes.append(Size(label, SIZES[label], yaml, typ, runs if label == "1x" else runs_large))
        load = os.getloadavg()
        print(f"typst-bench: {version}; {os.cpu_count()} cores, load {load[0]:.1f} {load[1]:.1f}"
              f" {load[2]:.1f}; files in {work}", file=sys.stderr)  # fmt: skip
        starts = [child([str(python), "-c", "import typst"], dict(os.environ)) for _ in range(max(runs, 3))]
        floor = Run(*(statistics.median(getattr(r, a) for r in starts) for a in Run.__dataclass_fields__))
        for size in sizes:
            measure(size, python, work)
            print(f"typst-bench: {size.label} measured", file=sys.stderr)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for path in (size.yaml, size.typ, work / f"typst-{size.label}.pdf",
                             *(work / f"out-{size.label}").glob("*.pdf")):  # fmt: skip
                    shutil.copy2(path, args.keep / path.name)
        load = os.getloadavg()
        print(f"typst-bench: load at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", file=sys.stderr)
        print(table(sizes, floor, version))


if __name__ == "__main__":
    main()
