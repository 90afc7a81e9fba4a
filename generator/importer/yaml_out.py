"""The imported data file as YAML text, commented the way `init` comments its skeleton.

Each part carries init's comment (its number, default heading and what it must contain); a part
the source lacks is named in a comment where it would go, so that `check`'s missing-section
error and the file agree. Guessed fields say so beside them. Sentences with figures that could
become indicators are listed at the end: numbers are never turned into indicators by guesswork.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from genreport.data.kinds import KindSpec
from genreport.data.yamlsafe import scalar
from genreport.importer.recognise import Imported
from genreport.yearly.scaffold import WORDS, section_comment
from genreport.yearly.yamltext import comment_before, dump, mapping, schema_line, sequence

_ORDER = ["kind", "locale", "year", "issuer", "recipient", "document_number", "title", "signed_on", "sealed", "public_release",
          "letterhead", "disclosure", "distribution", "preamble", "sections", "attachments", "indicators"]  # fmt: skip


def _scalar(value: Any) -> Any:
    if isinstance(value, str):
        # a block only for text it holds unchanged (yamlsafe); anything else the emitter quotes
        if "\n" in value:
            return scalar(value, LiteralScalarString)
        if len(value) > 60 and value == value.strip():
            return scalar(value, FoldedScalarString)
    return value


def _convert(value: Any) -> Any:
    if isinstance(value, dict):
        return mapping((key, _convert(item)) for key, item in value.items() if item is not None or key == "previous")
    if isinstance(value, list):
        return sequence(_convert(item) for item in value)
    return _scalar(value)


def _words(locale: str) -> dict[str, Any]:
    zh = locale == "zh-CN"
    return {
        "imported": (lambda source: f"由 genreport import 从 {source} 导入；请逐项核对后再运行 genreport check")
        if zh
        else (lambda source: f"Imported by genreport import from {source}; review it, then run genreport check"),
        "guessed": "以下内容是推测的，请核对：" if zh else "Guessed, please check:",
        "missing": "原文缺少的部分（check 会报告，请补写）："
        if zh
        else "Parts the source lacks (check reports them; write them):",
        "absent": "原文没有此部分，请补写：" if zh else "Not in the source; write it: ",
        "title": "title 省略：与默认标题相同" if zh else "title left out: the same as the default title",
        "figures": "以下句子含有数字，可整理为 indicators（主要指标）；导入时未自动生成："
        if zh
        else "These sentences carry figures that could become indicators (none were made automatically):",
        "guess": "推测：" if zh else "guessed: ",
        "candidates": (
            "原文的主要指标附件（genreport 由 indicators 生成的表）整理为下面的指标，尚未启用：",
            "核对每项的数字、单位和比较值，把 key 改成有意义的英文标识（逐年不变），再去掉行首的“# ”。",
        )
        if zh
        else (
            "The source's key figures attachment (genreport's table of indicators) as indicators, not yet in use:",
            "check each figure, unit and comparison, give each a meaningful key (kept every year), then remove the leading “# ”.",
        ),
        "year_heading": "原文标题写了年份：init --from 会把年份顺延一年，check 核对年份（year-mismatch）；也可删去 heading 用默认措辞"
        if zh
        else "the source's heading names a year: init --from moves it on by one, check compares it (year-mismatch); or delete heading for the default wording",
    }


def write_yaml(imported: Imported, kind: KindSpec, source: str, schema: str) -> str:
    data = imported.data
    locale = data["locale"]
    words = _words(locale)
    document = mapping()
    for key in _ORDER:
        if key == "sections" or key not in data or data[key] is None:
            continue
        document[key] = _convert(data[key])
    comment_before(document, "issuer", [WORDS[locale].issuer_note], indent=0)
    for key, why in imported.guessed_fields.items():
        if key in document:
            comment_before(document, key, [words["guess"] + why], indent=0)
    sections = mapping()
    present = data["sections"]
    for spec in kind.sections:
        if spec.key in present:
            sections[spec.key] = _convert(present[spec.key])
    for index, spec in enumerate(kind.sections):
        lines = ["", *section_comment(index, spec, locale)]
        if spec.key in sections:
            comment_before(sections, spec.key, lines, indent=2)
            heading = present[spec.key].get("heading") or ""
            if re.search(r"(19|20)\d{2}", heading):
                comment_before(sections[spec.key], "heading", [words["year_heading"]], indent=4)
    absent = [
        f"{words['absent']}{spec.key}（{spec.heading(locale)}）" for spec in kind.sections if spec.key not in sections
    ]
    comment_before(document, "preamble" if "preamble" in document else "kind", [""], indent=0)
    document["sections"] = sections
    if absent:
        comment_before(document, "sections", ["", *absent], indent=0)
    for key in ("attachments", "indicators"):
        if key in data:
            document.move_to_end(key)
            comment_before(document, key, [""], indent=0)
    header = [schema_line(schema), words["imported"](source)]
    if data.get("title") is None:
        header.append(words["title"])
    guessed = [
        f"  {note.where.text()(locale) + '：' if note.where else ''}{note.message(locale)}"
        for note in imported.notes.of("guessed")
    ]
    if guessed:
        header += [words["guessed"], *guessed[:15]]
    if imported.missing:
        header += [words["missing"], *(f"  {key}" for key in imported.missing)]
    footer: list[str] = []
    if imported.figures:
        footer += [words["figures"]]
        footer += [f"  {where.text()(locale)}：{sentence[:120]}" for where, sentence in imported.figures]
        footer.append("")
    if imported.indicators:
        candidates = dump(mapping([("indicators", _convert(imported.indicators))]))
        footer += [*words["candidates"], *re.sub(r"(?m)^(\s+previous):$", r"\1: null", candidates).splitlines()]
    elif "indicators" not in data:
        footer += list(WORDS[locale].indicators)
    return dump(document, header=header, footer=footer)
