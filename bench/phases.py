"""Where a build's time goes, stage by stage, cold (empty font cache) and warm.

    .venv/bin/python bench/phases.py [--runs 5]

Runs the stages of `genreport build` on the benchmark's ~25-page report (bench/corpus.py) in a
fresh process each time, one after the other as a build without its PDF helper process does
them (GENREPORT_PDF_HELPER=0), and prints each stage's median. A profile for
reading, not a measurement to assert on; `make bench` prints the end-to-end figures.
"""
# ruff: noqa: T201 (a benchmark's output is its report)

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 (bench/ is not a package)
from run import ONE_X_CHARS  # noqa: E402

STAGES = """
import sys, time
from pathlib import Path
start = last = time.perf_counter()
def lap(name):
    global last
    now = time.perf_counter()
    print(f"{now - last:.4f}\\t{name}")
    last = now
import genreport.cli
lap("import genreport.cli (typer)")
from genreport.build import WRITERS
lap("import build (checks, pydantic models, jinja, markdown)")
from genreport.checks import check_file
result = check_file(Path(sys.argv[1]))
lap("check")
from genreport.render.document import Document
from genreport.build import glyph_findings
from genreport.pdf.prepare import RENDER_OPTIONS, PdfSettings, coverage, fonts_for, printed_chars
from genreport.pdf.weasy import cjk_justify
from genreport.pdf.weasy import engine
from genreport.pdf import gridfit
from genreport.pdf.weasy import user_agent
doc = Document(result.report, result.kind)
fonts = fonts_for(doc, PdfSettings())
glyph_findings(result, coverage(doc, fonts))
lap("font roles (fc-list) + glyph coverage")
weasyprint = engine.load()
cjk_justify.install()
lap("import WeasyPrint")
from genreport.render.html import render_html
html = render_html(doc, stylesheets=())
lap("HTML for the PDF")
from genreport.fonts.faces import document_fonts
from genreport.pdf.weasy.fontconfig import font_context
cached = document_fonts(fonts, printed_chars(html, fonts.stylesheet))
lap("font cache: find (or cut) the document's fonts")
config, font_sheet = font_context(cached.css, cached.rules)
lap("isolated FontConfiguration, @font-face loaded")
sheets = [engine.stylesheet(fonts.stylesheet), font_sheet, weasyprint.CSS(string=gridfit.grid_css(fonts))]
lap("print stylesheet parsed, gridfit")
base = Path("styles").resolve().as_uri() + "/"
document = user_agent.print_html_class()(string=html, base_url=base).render(stylesheets=sheets, font_config=config, **RENDER_OPTIONS)
lap("WeasyPrint layout")
document.write_pdf(**RENDER_OPTIONS)
lap("WeasyPrint draw + PDF (subset, tag, compress)")
WRITERS["html"](doc); WRITERS["md"](doc)
lap("report.html + report.md")
print(f"{time.perf_counter() - start:.4f}\\ttotal ({len(document.pages)} pages)")
"""


def stages(report: Path, cache: Path) -> list[tuple[str, float]]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", STAGES, str(report)], capture_output=True, text=True, env=env)
    if done.returncode:
        raise SystemExit(done.stderr)
    return [(name, float(seconds)) for seconds, name in (line.split("\t") for line in done.stdout.splitlines())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.chdir(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory(prefix="genreport-phases-") as folder:
        work = Path(folder)
        report = corpus.write(work / "report.yaml", ONE_X_CHARS)
        for cold in (True, False):
            runs = []
            for i in range(args.runs):
                cache = work / (f"cold-{i}" if cold else "warm")
                if not cold and not cache.exists():
                    stages(report, cache)  # fill it
                runs.append(stages(report, cache))
            print("cold: empty font cache" if cold else "warm: font cache filled", f"(median of {args.runs})")
            for i, (name, _) in enumerate(runs[0]):
                print(f"  {statistics.median(r[i][1] for r in runs):6.3f} s  {name}")


if __name__ == "__main__":
    main()
