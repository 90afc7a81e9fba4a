"""`make bench`: how fast genreport makes a realistic report, beside the targets of SPEC.md.

    .venv/bin/python bench/run.py [--runs 5] [--runs-10x 3] [--quick]

Generates (bench/corpus.py, into a temporary folder, never committed) a ~25-page zh-CN report
from the examples' facts and one with 10x its text, then measures, each the median of several
runs, and prints one table:

  cold build      `genreport build` in a fresh process with an empty font cache
  warm build      the same with the font cache filled (what every build after the first costs),
                  and again without the PDF helper process (GENREPORT_PDF_HELPER=0: one core)
  re-render       render_pdf again in a process that has rendered once (preview, batch worker)
  plain WeasyPrint  the same HTML and print stylesheet through WeasyPrint alone, fresh process,
                  system fonts (fontconfig), with HarfBuzz subsetting and without it (the
                  subsetting library hidden from WeasyPrint's loader in that child process)
  check           `genreport check` in a fresh process
  HTML re-render  check + HTML after an edit, in process; and bench/preview_rerender.py's figure
  docx build      render_docx of the same Document, in process (python-docx loaded once)
  sizes, memory   the PDFs' sizes; peak resident memory of the warm build's process
  10x / 1x        how the cost grows with the content
  batch           ten-page reports a minute, `genreport build DIR -j 2`, compact fonts cached

Only ordinary tools: subprocess, time.perf_counter, os.wait4's resource usage. Nothing here is
asserted; tests never time anything (SPEC: performance is measured by benchmarks).
"""
# ruff: noqa: T201 (a benchmark's output is its report)

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 (bench/ is not a package)

ROOT = Path(__file__).resolve().parent.parent
GENREPORT = [sys.executable, "-m", "genreport"]
ONE_X_CHARS = 10_500  # paragraph characters: ~25 GB/T 9704 pages, ~12,000 printed characters
TEN_PAGE_CHARS = 2_600
COUNTIES = ("左云县", "平鲁区", "右玉县", "山阴县", "应县", "怀仁市", "朔城区", "天镇县", "阳高县", "广灵县", "灵丘县",
            "浑源县")  # fmt: skip

PLAIN_WEASYPRINT = """
import sys, time
if sys.argv[4] == "hide":  # WeasyPrint then finds no HarfBuzz subsetter and subsets with fontTools
    import cffi
    real = cffi.FFI.dlopen
    def dlopen(self, name, *args, **kwargs):
        if "harfbuzz-subset" in str(name):
            raise OSError(f"{name} hidden by bench/run.py")
        return real(self, name, *args, **kwargs)
    cffi.FFI.dlopen = dlopen
import weasyprint
from weasyprint.text import ffi
html, css, out = sys.argv[1:4]
sheets = [weasyprint.CSS(filename=css), weasyprint.CSS(filename=html + ".grid.css")]
weasyprint.HTML(filename=html).write_pdf(out, stylesheets=sheets)
print("harfbuzz-subset" if ffi.harfbuzz_subset is not None else "fonttools", file=sys.stderr)
"""


@dataclass
class Run:
    seconds: float
    max_rss_mib: float = 0.0
    output: str = ""


def child(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to its end: wall time, its peak resident memory (os.wait4), its stderr."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    err = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(args)} exited {process.returncode}:\n{err}")
    return Run(seconds, usage.ru_maxrss / 1024, err)


def median(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.seconds)
    return ordered[len(ordered) // 2]


def repeat(times: int, make: Callable[[], Run]) -> Run:
    return median([make() for _ in range(max(1, times))])


def env_with_cache(folder: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(folder)}


@dataclass
class Size:
    """Everything measured for one report."""

    label: str
    path: Path
    pages: int = 0
    printed: int = 0
    figures: dict[str, Run] = field(default_factory=dict)
    pdf_bytes: int = 0
    plain_bytes: int = 0


def measure(size: Size, runs: int, work: Path, warm_cache: Path, hide_runs: int) -> None:
    out = work / f"out-{size.label}"
    build = [*GENREPORT, "build", str(size.path), "-o", str(out)]

    def cold() -> Run:
        cache = Path(tempfile.mkdtemp(dir=work, prefix="cold-cache-"))
        try:
            return child(build, env_with_cache(cache))
        finally:
            shutil.rmtree(cache, ignore_errors=True)

    size.figures["cold"] = repeat(runs, cold)
    child(build, env_with_cache(warm_cache))  # fill the cache for this report
    size.figures["warm"] = repeat(runs, lambda: child(build, env_with_cache(warm_cache)))
    alone = {**env_with_cache(warm_cache), "GENREPORT_PDF_HELPER": "0"}  # no helper process: one core
    size.figures["warm-one"] = repeat(runs, lambda: child(build, alone))
    (pdf,) = out.glob("*.pdf")  # named after the data file
    size.pdf_bytes = pdf.stat().st_size
    size.pages, size.printed = pdf_pages_and_chars(pdf)
    size.figures["check"] = repeat(runs, lambda: child([*GENREPORT, "check", str(size.path)]))
    in_process(size, runs, warm_cache)
    plain(size, runs, hide_runs, work)


def pdf_pages_and_chars(pdf: Path) -> tuple[int, int]:
    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    return pages, sum(1 for c in text if not c.isspace())


def in_process(size: Size, runs: int, warm_cache: Path) -> None:
    """PDF re-render and HTML re-render after an edit, in this process (fonts cached, WeasyPrint loaded)."""
    os.environ["XDG_CACHE_HOME"] = str(warm_cache)
    from genreport.build import render_draft_html
    from genreport.checks import check_file
    from genreport.pdf.prepare import render_pdf
    from genreport.render.document import Document

    result = check_file(size.path)
    doc = Document(result.report, result.kind)
    render_pdf(doc)  # the first render loads WeasyPrint and the fonts; a preview or worker has done it

    def rerender() -> Run:
        started = time.perf_counter()
        render_pdf(doc)
        return Run(time.perf_counter() - started)

    size.figures["rerender"] = repeat(runs, rerender)

    from genreport.docx import render_docx

    render_docx(doc)  # python-docx's template and lxml loaded once, as in a build

    def docx_build() -> Run:
        started = time.perf_counter()
        render_docx(doc)
        return Run(time.perf_counter() - started)

    size.figures["docx"] = repeat(max(runs, 5), docx_build)

    edited = size.path.with_name(size.path.stem + "-edited.yaml")
    text = size.path.read_text(encoding="utf-8")
    render_draft_html(size.path)

    edits = itertools.count(1)

    def html_after_edit() -> Run:
        edited.write_text(text.replace("lead: ", f"lead: 第{next(edits)}次修改，", 1), encoding="utf-8")
        started = time.perf_counter()
        render_draft_html(edited)
        return Run(time.perf_counter() - started)

    size.figures["html"] = repeat(max(runs, 5), html_after_edit)
    from preview_rerender import bench_render

    timings = bench_render(edited, max(runs, 5))
    size.figures["preview"] = Run(statistics.median(timings) / 1000)


def plain(size: Size, runs: int, hide_runs: int, work: Path) -> None:
    """The same HTML and stylesheet through WeasyPrint alone, system fonts, in a fresh process."""
    from genreport.checks import check_file
    from genreport.fonts.roles import font_setup
    from genreport.pdf import gridfit
    from genreport.render.document import Document
    from genreport.render.html import render_html
    from genreport.resources import print_stylesheet

    result = check_file(size.path)
    doc = Document(result.report, result.kind)
    html = work / f"plain-{size.label}.html"
    html.write_text(render_html(doc, stylesheets=()), encoding="utf-8")
    sheet = print_stylesheet(doc.locale)
    Path(str(html) + ".grid.css").write_text(gridfit.grid_css(font_setup(sheet)), encoding="utf-8")
    out = work / f"plain-{size.label}.pdf"
    script = [sys.executable, "-c", PLAIN_WEASYPRINT, str(html), str(sheet), str(out)]
    # the document's base folder must be styles/ for the sheet's relative URLs: none are used
    shown = repeat(runs, lambda: child([*script, "show"]))
    size.plain_bytes = out.stat().st_size
    if shown.output.strip().endswith("harfbuzz-subset"):
        size.figures["plain"] = shown
        hidden = repeat(hide_runs, lambda: child([*script, "hide"]))
        if hidden.output.strip().endswith("fonttools"):  # the library really was hidden
            size.figures["plain-nohb"] = hidden
    else:  # no HarfBuzz subsetter on this machine: WeasyPrint used fontTools already
        size.figures["plain-nohb"] = shown


def batch(work: Path, warm_cache: Path, runs: int, count: int = 12) -> tuple[float, int]:
    """Ten-page reports a minute with -j 2; the compact fonts cached, the document fonts made in the run."""
    folder = work / "batch"
    folder.mkdir()
    for i, county in enumerate(COUNTIES[:count]):
        corpus.write(folder / f"report-{i:02}.yaml", TEN_PAGE_CHARS, seed=100 + i, issuer=f"{county}人民政府")
    compact_only = work / "batch-cache-template"
    shutil.copytree(warm_cache, compact_only)
    for entry in (compact_only / "genreport" / "fonts").glob("d-*"):
        entry.unlink()
    pages = 0

    def one() -> Run:
        cache = Path(tempfile.mkdtemp(dir=work, prefix="batch-cache-"))
        shutil.rmtree(cache)
        shutil.copytree(compact_only, cache)
        out = Path(tempfile.mkdtemp(dir=work, prefix="batch-out-"))
        try:
            command = [*GENREPORT, "build", str(folder), "-o", str(out), "-j", "2", "-f", "pdf"]
            return child(command, env_with_cache(cache))
        finally:
            nonlocal pages
            pages = sum(pdf_pages_and_chars(p)[0] for p in out.glob("*/*.pdf")) // count
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)

    run = repeat(runs, one)
    return count / run.seconds * 60, pages


def table(one: Size, ten: Size, throughput: float, batch_pages: int) -> str:
    def s(key: str, size: Size) -> str:
        run = size.figures.get(key)
        return f"{run.seconds:.2f} s" if run else "not measurable here"

    def ms(key: str, size: Size) -> str:
        return f"{size.figures[key].seconds * 1000:.0f} ms"

    def kb(n: int) -> str:
        return f"{n / 1024:.0f} KB"

    nohb = "plain WeasyPrint, system fonts, no HarfBuzz subsetting (fontTools)"
    rows = [
        ("genreport build, cold (fresh process, empty font cache)", s("cold", one), s("cold", ten), "< 2 s"),
        ("genreport build, warm (fresh process, font cache filled)", s("warm", one), s("warm", ten), "< 1.0 s"),
        ("  the same in one process (GENREPORT_PDF_HELPER=0)", s("warm-one", one), s("warm-one", ten), "(reference)"),
        ("PDF re-render in process (preview, batch worker)", s("rerender", one), s("rerender", ten), "< 0.5 s"),
        ("plain WeasyPrint, system fonts, HarfBuzz subsetting", s("plain", one), s("plain", ten), "(reference)"),
        (nohb, s("plain-nohb", one), s("plain-nohb", ten), "(reference)"),
        ("genreport check (fresh process)", s("check", one), s("check", ten), "< 0.3 s"),
        ("HTML re-render after an edit (check + HTML, in process)", ms("html", one), ms("html", ten), "< 50 ms"),
        ("docx build in process (render_docx, -f docx)", s("docx", one), s("docx", ten), "< 0.3 s"),
        ("preview re-render after a save (+ panel; preview_rerender.py)", ms("preview", one), ms("preview", ten),
         "< 150 ms"),
        ("PDF size, genreport", kb(one.pdf_bytes), kb(ten.pdf_bytes), "< 350 KB"),
        ("PDF size, plain WeasyPrint", kb(one.plain_bytes), kb(ten.plain_bytes), "(reference)"),
        ("peak memory, warm build (ru_maxrss, largest process)", f"{one.figures['warm'].max_rss_mib:.0f} MiB",
         f"{ten.figures['warm'].max_rss_mib:.0f} MiB", "< 150 MiB"),
        ("peak memory, warm build in one process", f"{one.figures['warm-one'].max_rss_mib:.0f} MiB",
         f"{ten.figures['warm-one'].max_rss_mib:.0f} MiB", "< 150 MiB"),
        ("time(10x) / time(1x): warm build", "", f"{ten.figures['warm'].seconds / one.figures['warm'].seconds:.1f}x",
         "<= 10.5x"),
        ("time(10x) / time(1x): re-render in process", "",
         f"{ten.figures['rerender'].seconds / one.figures['rerender'].seconds:.1f}x", "<= 10.5x"),
        (f"batch -j 2: {batch_pages}-page reports a minute", f"{throughput:.0f}", "", ">= 120"),
    ]  # fmt: skip
    header = (
        "measure",
        f"1x: {one.pages} pages, {one.printed:,} chars",
        f"10x: {ten.pages} pages, {ten.printed:,} chars",
        "target",
    )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    lines = ["  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(header))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each 1x measurement (the median is shown)")
    parser.add_argument("--runs-10x", type=int, default=3, help="runs of each 10x measurement")
    parser.add_argument("--quick", action="store_true", help="one run of everything (a smoke test of this script)")
    args = parser.parse_args()
    runs, runs_10x = (1, 1) if args.quick else (args.runs, args.runs_10x)
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory(prefix="genreport-bench-") as folder:
        work = Path(folder)
        warm_cache = work / "cache"
        one = Size("1x", corpus.write(work / "report-1x.yaml", ONE_X_CHARS))
        ten = Size("10x", corpus.write(work / "report-10x.yaml", ONE_X_CHARS * 10))
        print(f"bench: {runs} runs (10x: {runs_10x}), medians; generated reports in {work}", file=sys.stderr)
        measure(one, runs, work, warm_cache, hide_runs=min(runs, 3))
        print("bench: 1x measured", file=sys.stderr)
        measure(ten, runs_10x, work, warm_cache, hide_runs=1)
        print("bench: 10x measured", file=sys.stderr)
        throughput, pages = batch(work, warm_cache, min(runs, 3))
        print(table(one, ten, throughput, pages))


if __name__ == "__main__":
    main()
