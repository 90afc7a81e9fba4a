"""Issue 18: a seeded fuzz of nested and pathological Markdown and YAML, each input in its own
process under a time limit (TIME_LIMIT seconds: a quadratic blow-up, a hang or a crash fails).

Markdown: every text is rendered to HTML and to report.md, and the report.md must carry no link
with a scheme outside http/https/mailto as a CommonMark parser reads it. YAML: every file is
loaded and checked; the process must end normally (a finding is fine, a traceback or a signal
is not). The generator is seeded, so a failure names an input that can be replayed.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

TIME_LIMIT = 30  # seconds per input, on a shared 2-core machine; a sound input takes well under 2
SEED = 18

MD_PIECES = ["[", "]", "(", ")", "![", "](", "]:", "*", "**", "_", "`", "```", "> ", "- ", "* ", "1. ", "    ", "\n", "\n\n",
             "|", "---", "#", "<", "&#58;", "&colon;", "\\", "javascript:", "vbscript:", "data:", "http://a.cn", ":", "x", "中文", "\t", " "]  # fmt: skip


def markdown_inputs() -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    cases = [
        ("brackets", "[" * 50_000),
        ("images", "![" * 40_000),
        ("links", "[a](" * 20_000),
        ("closers", "]" * 50_000 + "(" * 50_000),
        ("list-600", "\n".join("    " * i + "- x" for i in range(600))),
        ("list-2space", "\n".join("  " * i + "- x" for i in range(3_000))),
        ("quotes", "> " * 30_000 + "x"),
        ("compact", "- " * 30_000 + "x"),
        ("emphasis", "*a_" * 30_000),
        ("backticks", "`" * 30_000 + "a" + "``" * 10_000),
        ("table", "|" * 20_000 + "\n" + "|-" * 10_000 + "\n" + "|x" * 10_000),
        ("entities", "&#" * 30_000),
    ]
    for n in range(12):
        size = rng.choice([200, 2_000, 20_000])
        cases.append((f"random-{n}", "".join(rng.choice(MD_PIECES) for _ in range(size))))
    for n in range(6):  # random nestings of quotes and lists around a reference definition
        prefix = "".join(rng.choice(["> ", "- ", "1. ", "  ", "* "]) for _ in range(rng.randint(1, 40)))
        label = rng.choice(["q", "a\\]b", "a\nb", "Q"])
        cases.append(
            (f"definition-{n}", f"{prefix}[{label}]:{rng.choice([' ', chr(10)])}javascript:alert({n})\n\n[{label}]")
        )
    return cases


def yaml_inputs() -> list[tuple[str, str]]:
    rng = random.Random(SEED + 1)
    cases = [
        ("flow-100k", "a: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("flowmap-50k", "a: " + "{b: " * 50_000 + "1" + "}" * 50_000 + "\n"),
        ("unclosed-80k", "a: " + "[" * 80_000 + "\n"),
        ("block-5k", "a:\n" + "".join(" " * i + "-\n" for i in range(1, 5_000))),
        ("compact-50k", "a:\n" + "- " * 50_000 + "x\n"),
        ("wide", "x: [" + ",".join(["1"] * 1_500_000) + "]\n"),
        ("keys", "".join(f"k{i}: {i}\n" for i in range(600_000))),
        ("ints", "a: -0x10\nb: +0o7\nc: 0b101\nd: " + "9" * 20_000 + "\ne: 0x" + "f" * 20_000 + "\n"),
        ("controls", 'a: "\\e[31m\\a\\x9b\\x00\\e]52;c;aGk=\\a"\n'),
        ("anchors", "a: &x [1]\nb: *x\n" * 1000),
        ("tags", "a: !!python/object:os.system [id]\n"),
        ("long-line", "a: " + "x" * 7_000_000 + "\n"),
    ]
    for n in range(8):
        depth = rng.choice([10, 70, 500, 20_000])
        opener, closer = rng.choice([("[", "]"), ("{a: ", "}"), ("- ", "")])
        body = (
            "a:\n" + opener * depth + "x" + closer * depth
            if opener == "- "
            else "a: " + opener * depth + "1" + closer * depth
        )
        cases.append((f"random-{n}", body + "\n"))
    return cases


MD_SCRIPT = """
import sys
from pathlib import Path
from genreport.render.markdown import to_html, to_markdown
from genreport.render.md_safety import bad_links
text = Path(sys.argv[1]).read_text(encoding="utf-8")
to_html(text)
md = to_markdown(text)
bad = bad_links(md)
if bad:
    print("BAD LINK", bad[:3]); sys.exit(3)
"""

YAML_SCRIPT = """
import json, sys
from pathlib import Path
from genreport.checks import check_file
from genreport.errors import GenreportError
try:
    result = check_file(Path(sys.argv[1]))
except GenreportError as error:  # a file that cannot be read at all (too large): exit 2 in the CLI
    print(json.dumps([error.message("en")[-80:]]))
else:
    print(json.dumps(sorted({f.code for f in result.findings})))
"""


def _run(script: str, path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8"}
    try:
        return subprocess.run(
            [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=TIME_LIMIT, env=env
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{path.name}: over {TIME_LIMIT} s")


@pytest.mark.parametrize(("name", "text"), markdown_inputs(), ids=[n for n, _ in markdown_inputs()])
def test_markdown_fuzz(tmp_path, name, text):
    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    run = _run(MD_SCRIPT, path)
    assert run.returncode == 0, run.stdout[-500:] + run.stderr[-2_000:]


@pytest.mark.parametrize(("name", "text"), yaml_inputs(), ids=[n for n, _ in yaml_inputs()])
def test_yaml_fuzz(tmp_path, name, text):
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    run = _run(YAML_SCRIPT, path)
    assert run.returncode == 0, run.stderr[-2_000:]  # a finding is fine; a traceback or a signal is not
    json.loads(run.stdout.splitlines()[-1])
