"""`make bench`, part two: how often WeasyPrint sets the lines the composer decided (pdf/compose/).

    .venv/bin/python bench/composer.py [--variety N]

For every zh-CN example, the generated 1x and 10x reports (bench/corpus.py) and N reports with
the variety real ones have (bench/variety.py), in this process: the composer's paragraphs, how
many the one layout set exactly as decided, whether the fallback (a second layout with those
paragraphs pinned) ran, the line-end squeezes and push-downs, and verify-layout's deviations.
Nothing here is asserted.
"""
# ruff: noqa: T201 (a benchmark's output is its report)

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 (bench/ is not a package)
import variety  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def measure(path: Path, out: Path) -> tuple[str, ...]:
    from genreport.checks import check_file
    from genreport.pdf.layout import lay_out_measured
    from genreport.pdf.prepare import PdfSettings, prepare
    from genreport.render.document import Document
    from genreport.verify.layout import FAIL, verify

    result = check_file(path)
    assert result.report is not None and result.kind is not None
    doc = Document(result.report, result.kind, draft=True)
    started = time.perf_counter()
    job = prepare(doc, PdfSettings(place_body=False)).job  # the composer's model against WeasyPrint's own layout
    data, pages, agreement = lay_out_measured(job)
    seconds = time.perf_counter() - started
    pdf = out / (path.stem + ".pdf")
    pdf.write_bytes(data)
    failed = [r for r in verify(pdf).results if r.status == FAIL]
    composition = job.composition
    if agreement is None or composition is None:
        return (path.stem, str(pages), "-", "-", "-", "-", "-", str(len(failed)), f"{seconds:.2f}")
    return (
        path.stem,
        str(pages),
        str(agreement.composed),
        str(agreement.agreed),
        "yes" if agreement.fallback else "no",
        str(composition.squeezes),
        str(composition.pushes),
        f"{len(failed)}" + (f" ({'; '.join(r.check[:30] for r in failed)})" if failed else ""),
        f"{seconds:.2f}",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variety", type=int, default=4, help="reports with real reports' variety (default 4)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="genreport-composer-") as folder:
        work = Path(folder)
        files = sorted((ROOT / "examples").glob("*.zh-CN.yaml"))
        files.append(corpus.write(work / "report-1x.yaml", 10_500))
        files.append(corpus.write(work / "report-10x.yaml", 105_000))
        files += [variety.write(work / f"variety-{seed}.yaml", 10_500, seed) for seed in range(1, args.variety + 1)]
        header = ("document", "pages", "paragraphs", "agreed", "fallback", "squeezes", "pushes", "deviations", "s")
        rows = [header]
        for path in files:
            rows.append(measure(path, work))
            print(f"bench: {path.stem} done", file=sys.stderr)
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        for row in rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
