"""Reports with the typographic variety real ones have, for measuring the composer (bench/composer.py).

bench/corpus.py recombines the examples' sentences; real reports also carry what those
sentences rarely put at a line's end: quoted slogans (“互联网+政务服务”), 《titles》 with
（parentheses）, ranges (2021—2025年), dashes and ellipses, decimals and percentages, Latin
words and acronyms (App, PDF/UA, 12345热线), full-width digits, ①-style numbers, dates. Each
paragraph gets a few of them at random places (seeded: every run measures the same text).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import corpus
from ruamel.yaml import YAML

PIECES = (
    "“互联网+政务服务”", "“放管服”", "“一网通办”", "“7×24小时”", "“最多跑一次”", "“双随机、一公开”",
    "《中华人民共和国行政复议法》", "《法治政府建设实施纲要（2021—2025年）》", "《优化营商环境条例》",
    "（以下简称“条例”）", "（试行）", "（2023年版）", "2021—2025年", "——", "……", "等",
    "46.55%", "3.2万", "120余", "约60", "0.5个百分点", "1798户", "12345热线", "App", "PDF/UA",
    "OA系统", "No.3", "GB/T 9704-2012", "①", "②", "１２３", "2023年1月16日", "1—11月", "A+B",
    "¥1200", "100%", "“证照分离”改革", "“八五”普法", "“谁执法谁普法”", "e.g.",
)  # fmt: skip
BREAKS = ("，", "。", "；", "、", "：")


def _sprinkle(text: str, rng: random.Random) -> str:
    """`text` with two to five pieces put in at random places after a mark or a hanzi."""
    out = text
    for _ in range(rng.randint(2, 5)):
        at = rng.randrange(1, max(2, len(out)))
        piece = rng.choice(PIECES)
        joint = rng.choice(BREAKS) if rng.random() < 0.3 else ""
        out = out[:at] + piece + joint + out[at:]
    return out


def report(chars: int, seed: int) -> dict[str, Any]:
    data = corpus.report(chars, seed)
    rng = random.Random(seed * 7919)
    for section in data["sections"].values():
        for subsection in section.get("subsections") or []:
            for point in subsection.get("points") or []:
                point["text"] = _sprinkle(point["text"], rng)
        for point in section.get("points") or []:
            point["text"] = _sprinkle(point["text"], rng)
    return data


def write(path: Path, chars: int, seed: int) -> Path:
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(report(chars, seed), stream)
    return path
