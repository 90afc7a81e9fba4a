"""Hostile inputs of issue 27 through `genreport import`, `check` and `diff`: exit, time, memory.

    .venv/bin/python bench/import_hostile.py [--genreport .venv/bin/genreport] [--timeout 120]

Each case is made on the fly (tests/hostile_docs.py; nothing is committed) and run in a fresh
process under /usr/bin/time; a size series shows whether a reader is linear in its input. A
report for reading, not a measurement to assert on.
"""
# ruff: noqa: T201 (a benchmark's output is its report)

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hostile_docs as hostile  # noqa: E402 (tests/ is not a package)

VALID = (ROOT / "tests" / "data" / "valid.zh-CN.yaml").read_text(encoding="utf-8")
PREAMBLE = "  2023年，县政府围绕法治政府建设目标，把依法行政贯穿政府工作全过程，现将有关情况报告如下。"


def _text_cases() -> dict[str, Callable[[], bytes]]:
    head = hostile.page()[: hostile.page().index("</body>")]
    return {
        "stray-end-tags.html (860 KB)": lambda: (
            head + "<div>" * 40_000 + "</span>" * 60_000 + "</div>" * 40_000 + "</body></html>"
        ).encode(),
        "punycode-charset.html (970 KB)": lambda: (
            b'<meta charset="punycode"><p>' + b"a" * 900_000 + b"-" + b"b" * 70_000 + b"</p>"
        ),
        "one-paragraph-40k-lines.md (880 KB)": lambda: ("一、主要举措\n\n" + "县政府法治建设\n" * 40_000).encode(),
        "whitespace-run.txt (325 KB)": lambda: ("一、主要举措\n一是县政府abc" + " " * 320_000 + "def法治\n").encode(),
        "tab-run.txt (320 KB)": lambda: ("一、主要举措\n一是县政府abc" + "\t" * 320_000 + "def法治\n").encode(),
        "ideographic-space-run.html (700 KB)": lambda: (
            head + "<p>县政府abc" + "\u3000" * 230_000 + "def法治</p></body></html>"
        ).encode(),
    }


def _docx_cases() -> dict[str, Callable[[], bytes]]:
    return {
        "zip-version-7.9.docx": lambda: hostile.zip_version(hostile.valid_docx()),
        "lying-sizes-120MB.docx": lambda: hostile.lying_sizes(120 * 1024 * 1024),
        "styles-8000x12000.docx": lambda: hostile.many_styles(8_000, 12_000),
        "styles-4500x12000.docx": lambda: hostile.many_styles(4_500, 12_000),
        "macro.docm": hostile.docm,
    }


def _run(command: list[str], timeout: float) -> str:
    try:
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%e s %M KB", *command], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:.0f} s"
    lines = done.stderr.strip().splitlines()
    message = next((line for line in lines if "internal error" in line or "内部错误" in line), "")
    return f"exit {done.returncode}, {lines[-1] if lines else '?'}" + (" INTERNAL ERROR" if message else "")


def _long_paragraph(n: int, edit: bool) -> str:
    rng = random.Random(n)
    body = "".join(rng.choice("县政府法治建设全年办理行政复议案件推进依法行政工作取得成效") for _ in range(n))
    if edit:
        body = body[: n // 3] + "新增内容" + body[n // 3 :]
    return VALID.replace(PREAMBLE, "  " + body, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--genreport", default=str(ROOT / ".venv" / "bin" / "genreport"))
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument(
        "--python", default="", help="the interpreter that imports the genreport to measure [default: this one]"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, make in {**_text_cases(), **_docx_cases()}.items():
            path = work / name.split(" ")[0]
            path.write_bytes(make())
            print(
                f"import {name} [{path.stat().st_size // 1024} KB]: {_run([args.genreport, 'import', str(path), '-o', '-'], args.timeout)}"
            )
        word = work / "word-1M.yaml"
        word.write_text(VALID.replace(PREAMBLE, "  2023年，" + "a" * 1_000_000 + "。", 1), encoding="utf-8")
        print(f"check word-1M.yaml: {_run([args.genreport, 'check', str(word)], args.timeout)}")
        print(
            f"build -f docx word-1M.yaml: {_run([args.genreport, 'build', str(word), '-f', 'docx', '-o', str(work / 'out')], args.timeout)}"
        )
        for n in (20_000, 40_000, 80_000):
            code = f"from genreport.importer.normalise import normalise as n; from genreport.importer.blocks import Notes, Where; n('a' + ' ' * {n} + 'b', 'zh-CN', Where('line', 1), Notes())"
            print(
                f"normalise, a run of {n} spaces between Latin letters: {_run([args.python or sys.executable, '-c', code], args.timeout)}"
            )
        for n in (20_000, 40_000, 80_000):
            old, new = work / f"old-{n}.yaml", work / f"new-{n}.yaml"
            old.write_text(_long_paragraph(n, False), encoding="utf-8")
            new.write_text(_long_paragraph(n, True), encoding="utf-8")
            print(
                f"diff, one paragraph of {n} characters: {_run([args.genreport, 'diff', str(old), str(new)], args.timeout)}"
            )


if __name__ == "__main__":
    main()
