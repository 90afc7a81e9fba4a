"""Realistic zh-CN reports of any length for the benchmark, made from the examples' real facts.

The sentences of examples/*.zh-CN.yaml (Zuoyun county, Guizhou province, the joint report) are
recombined into new paragraphs: each point takes a lead and three to five sentences drawn at
random (seeded, so every run measures the same text), its counts and percentages moved by up to
a third (dates, years and document titles kept), and some open with one of Zuoyun's townships.
No paragraph repeats, so `check` finds no copied text and the PDF is as varied as a real one.
The files are written to a temporary folder by bench/run.py and never committed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("zuoyun-2023.zh-CN.yaml", "guizhou-2023.zh-CN.yaml", "joint-2023.zh-CN.yaml")
TOWNSHIPS = ("云兴镇", "鹊儿山镇", "店湾镇", "管家堡乡", "三屯乡", "水窑乡", "张家场乡", "小京庄乡", "马道头乡")
OPENINGS = ("在{t}，", "{t}率先试点，", "以{t}为重点，", "结合{t}实际，", "")
SHARES = {"measures": 0.58, "deficiencies": 0.08, "leaders_duties": 0.14, "next_year": 0.20}
NUMBER = re.compile(r"(?<![〔（《\d.])(\d+(?:\.\d+)?)(?![\d.]*(?:年|月|日|号|届|次会议|—|-|〕))")


@dataclass
class Pool:
    sentences: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)
    headings: dict[str, list[str]] = field(default_factory=dict)


def _load(name: str) -> dict[str, Any]:
    return YAML(typ="safe").load((ROOT / "examples" / name).read_text(encoding="utf-8"))


def harvest() -> Pool:
    """Every sentence, lead and subsection heading of the examples."""
    pool = Pool()

    def take(text: str | None) -> None:
        for sentence in re.findall(r"[^。！？]+[。！？]", (text or "").replace("\n", "")):
            if len(sentence) >= 16 and "《" not in sentence[:2]:
                pool.sentences.append(sentence.strip())

    for name in SOURCES:
        data = _load(name)
        take(data.get("preamble"))
        for key, section in data["sections"].items():
            take(section.get("intro"))
            for subsection in section.get("subsections") or []:
                pool.headings.setdefault(key, []).append(subsection["heading"])
                take(subsection.get("intro"))
                for point in subsection.get("points") or []:
                    take(point.get("text"))
                    if point.get("lead"):
                        pool.leads.append(point["lead"])
            for point in section.get("points") or []:
                take(point.get("text"))
                if point.get("lead"):
                    pool.leads.append(point["lead"])
    pool.sentences = list(dict.fromkeys(pool.sentences))
    pool.leads = list(dict.fromkeys(pool.leads))
    return pool


def _vary(sentence: str, rng: random.Random) -> str:
    """Counts and percentages moved by up to a third; a percentage stays within 0-100."""

    def move(match: re.Match[str]) -> str:
        text = match.group(1)
        value = float(text) * rng.uniform(0.67, 1.33)
        after = sentence[match.end() : match.end() + 1]
        if after == "%":
            value = min(value, 99.9)
        return f"{value:.{len(text.split('.')[1])}f}" if "." in text else str(max(1, round(value)))

    return NUMBER.sub(move, sentence)


class Writer:
    def __init__(self, pool: Pool, seed: int) -> None:
        self.pool = pool
        self.rng = random.Random(seed)
        self.seen: set[str] = set()
        self.lead_index = 0

    def paragraph(self) -> str:
        while True:
            count = self.rng.randint(3, 5)
            sentences = [_vary(s, self.rng) for s in self.rng.sample(self.pool.sentences, count)]
            opening = self.rng.choice(OPENINGS).format(t=self.rng.choice(TOWNSHIPS))
            text = opening + "".join(sentences)
            if text not in self.seen:
                self.seen.add(text)
                return text

    def point(self) -> dict[str, str]:
        lead = self.pool.leads[self.lead_index % len(self.pool.leads)]
        self.lead_index += 1
        return {"lead": lead, "text": self.paragraph()}

    def heading(self, key: str, index: int) -> str:
        headings = self.pool.headings.get(key) or self.pool.headings["measures"]
        heading = headings[index % len(headings)]
        rounds = index // len(headings)
        return heading if rounds == 0 else f"{heading}（{TOWNSHIPS[(rounds - 1) % len(TOWNSHIPS)]}）"


def _points(writer: Writer, chars: int) -> list[dict[str, str]]:
    points, size = [], 0
    while size < chars or not points:
        point = writer.point()
        points.append(point)
        size += len(point["lead"]) + len(point["text"])
    return points


def _subsections(writer: Writer, key: str, chars: int) -> list[dict[str, Any]]:
    per = 1600  # about three points a subsection, as in the examples
    count = max(1, round(chars / per))
    return [{"heading": writer.heading(key, i), "points": _points(writer, chars // count)} for i in range(count)]


def report(chars: int, seed: int = 2023, issuer: str = "左云县人民政府") -> dict[str, Any]:
    """A complete report whose paragraphs hold about `chars` characters."""
    base = _load("zuoyun-2023.zh-CN.yaml")
    writer = Writer(harvest(), seed)
    sections = {
        "measures": {"subsections": _subsections(writer, "measures", int(chars * SHARES["measures"]))},
        "deficiencies": {"points": _points(writer, int(chars * SHARES["deficiencies"]))},
        "leaders_duties": {
            "subsections": _subsections(writer, "leaders_duties", int(chars * SHARES["leaders_duties"]))
        },
        "next_year": {"subsections": _subsections(writer, "next_year", int(chars * SHARES["next_year"]))},
        "other_matters": {"none": True},
    }
    data = {k: v for k, v in base.items() if k not in ("sections", "attachments")}
    data["issuer"] = {**base["issuer"], "name": issuer}
    data["sections"] = sections
    return data


def write(path: Path, chars: int, seed: int = 2023, issuer: str = "左云县人民政府") -> Path:
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(report(chars, seed, issuer), stream)
    return path


def paragraph_chars(data: dict[str, Any]) -> int:
    """Characters in the report's paragraphs (leads and texts), the measure `chars` aims at."""
    total = 0
    for section in data["sections"].values():
        for subsection in section.get("subsections") or [{"points": section.get("points") or []}]:
            total += sum(len(p["lead"]) + len(p["text"]) for p in subsection["points"])
    return total
