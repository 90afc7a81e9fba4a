"""The JSON Schema of a data file, for editors (VS Code's YAML extension) and validators.

It is pydantic's schema of `Report`, with the descriptions the models already carry in both
languages, plus what pydantic cannot see because it lives in a validator: a point may be written as a
bare string. Content rules (an indicator still needing its figure, say) are check's. Everything else (strict
types, unknown keys refused, dates as `format: date`) comes from the models unchanged.
"""

from __future__ import annotations

import json
from typing import Any

from genreport.data.model import NOTHING_WORDS, Report, describe

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The file name `init` writes beside a new data file and names in its yaml-language-server line.
SCHEMA_FILE_NAME = "genreport.schema.json"


def report_schema() -> dict[str, Any]:
    """The schema as a dict; pure, so tests and the CLI share it."""
    schema = Report.model_json_schema()
    defs = schema.get("$defs", {})
    if "Point" in defs:
        defs["Point"] = _point_or_string(defs["Point"])
    if "Section" in defs:
        defs["Section"] = _section_or_nothing(defs["Section"])
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "genreport data file",
        "description": describe("法治政府建设年度报告数据文件", "Data file of a rule-of-law government annual report"),
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    """The schema as the file `genreport schema` writes: stable key order, Chinese unescaped."""
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


def _point_or_string(point: dict[str, Any]) -> dict[str, Any]:
    # Point's before-validator accepts `- some text` for a point without a lead.
    return {
        "description": describe(
            "要点：一段文字，或含 lead 和 text 的映射", "A point: a string, or a mapping with lead and text"
        ),
        "anyOf": [{"type": "string"}, point],
    }


def _section_or_nothing(section: dict[str, Any]) -> dict[str, Any]:
    # Section's before-validator reads `other_matters: 无` (or none) as none: true.
    return {
        "description": describe(
            "一个部分：映射，或写“无”表示无内容", "A part: a mapping, or 'none' for nothing to report"
        ),
        "anyOf": [{"enum": sorted(NOTHING_WORDS)}, section],
    }
