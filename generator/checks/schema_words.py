"""Schema errors in the clerk's words: what the field wants, with an example and the field's own
description, in both languages; never pydantic's English, never a Python repr such as None.

`signed_on: 2024年1月16日` -> "写成 2024-01-16"; `year: "2023"` -> "去掉引号：year: 2023";
an empty part -> "写内容，或写 none: true（或写“无”）".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel

from genreport.errors import FieldPath, Text

_DATE = re.compile(r"^\s*(\d{4})\s*[年./\-—－]\s*(\d{1,2})\s*[月./\-—－]\s*(\d{1,2})\s*日?\s*$")
_NUMBER = re.compile(r"^\s*[+-]?\d+(?:\.\d+)?")

# Error type -> (what the field wants, zh / en)
_WANTS: dict[str, tuple[str, str]] = {
    "string_type": ("文字", "text"),
    "int_type": ("整数（不加引号）", "a whole number (no quotes)"),
    "int_parsing": ("整数（不加引号）", "a whole number (no quotes)"),
    "int_from_float": ("整数", "a whole number"),
    "float_type": ("数字（不加引号、不带单位）", "a number (no quotes, no unit)"),
    "float_parsing": ("数字（不加引号、不带单位）", "a number (no quotes, no unit)"),
    "finite_number": ("有限的数字", "a finite number"),
    "bool_type": ("true 或 false", "true or false"),
    "dict_type": ("“字段: 值”的映射（下一行缩进书写）", "a mapping: `key: value` lines, indented below"),
    "model_type": ("“字段: 值”的映射（下一行缩进书写）", "a mapping: `key: value` lines, indented below"),
    "model_attributes_type": ("“字段: 值”的映射（下一行缩进书写）", "a mapping: `key: value` lines, indented below"),
    "list_type": ("列表（每项一行，以“- ”开头）", "a list: one item a line, each starting with `- `"),
    "date_type": ("日期，格式 YYYY-MM-DD", "a date, as YYYY-MM-DD"),
    "date_parsing": ("日期，格式 YYYY-MM-DD", "a date, as YYYY-MM-DD"),
    "date_from_datetime_parsing": ("日期，格式 YYYY-MM-DD", "a date, as YYYY-MM-DD"),
    "date_from_datetime_inexact": ("日期，格式 YYYY-MM-DD", "a date, as YYYY-MM-DD"),
    "greater_than_equal": ("不小于 {ge} 的数", "a number of at least {ge}"),
    "less_than_equal": ("不大于 {le} 的数", "a number of at most {le}"),
    "string_pattern_mismatch": (
        "小写英文字母、数字和下划线，以字母开头",
        "lower-case letters, digits and _, starting with a letter",
    ),
    "string_too_short": ("非空的文字", "some text (it cannot be empty)"),
    "too_short": ("至少一项", "at least one item"),
}
_EXAMPLES = {
    "string_type": "左云县人民政府",
    "int_type": "2023",
    "int_parsing": "2023",
    "float_type": "38.5",
    "float_parsing": "38.5",
    "bool_type": "true",
    "date_type": "2024-01-16",
    "date_parsing": "2024-01-16",
    "date_from_datetime_parsing": "2024-01-16",
    "string_pattern_mismatch": "cases_accepted",
}


def field_description(model: type[BaseModel], path: FieldPath) -> Text | None:
    """The field's own description (data/model.py), split into its two languages."""
    current: Any = model
    info = None
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        models = _models(current)
        found = next((m.model_fields[part] for m in models if part in m.model_fields), None)
        if found is None:
            if getattr(current, "__origin__", None) is dict:  # sections: {key: Section}
                current, info = current.__args__[1], None
                continue
            return None
        info, current = found, found.annotation
    if info is None or not info.description:
        return None
    zh, _, en = info.description.partition(" / ")
    return Text(zh, en or zh)


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models(arg)]


def _shown(value: Any) -> str:
    if value is None:
        return "空"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _example(kind: str, name: str, got: Any) -> tuple[str, bool]:
    """What to write instead, and whether it is made from the user's own value (else a sample)."""
    if kind.startswith("date") and isinstance(got, str):
        match = _DATE.match(got)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return f"{name}: {year:04d}-{month:02d}-{day:02d}", True
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing") and isinstance(got, str):
        number = _NUMBER.match(got.replace(",", ""))
        if number:
            return f"{name}: {number.group(0).strip()}", True
    if kind == "string_type" and isinstance(got, (int, float, bool)):
        return f'{name}: "{_shown(got)}"', True
    example = _EXAMPLES.get(kind)
    return (f"{name}: {example}", False) if example else ("", False)


def _impossible_date(got: Any) -> bool:
    """2024-02-30: the form is right, the day does not exist."""
    match = _DATE.match(got) if isinstance(got, str) else None
    if match is None:
        return False
    try:
        dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return True
    return False


def _model_at(model: type[BaseModel], path: FieldPath) -> type[BaseModel] | None:
    """The model a value at `path` must be (Subsection for sections.x.subsections[0])."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        models = _models(current)
        found = next((m.model_fields[part] for m in models if part in m.model_fields), None)
        if found is None:
            if getattr(current, "__origin__", None) is dict:
                current = current.__args__[1]
                continue
            return None
        current = found.annotation
    models = _models(current)
    return models[0] if models else None


def type_message(
    error: Mapping[str, Any],
    path: FieldPath,
    model: type[BaseModel],
    part_name: Callable[[str], tuple[str, str]] | None = None,
) -> tuple[Text, Text]:
    """Message and hint for a value of the wrong type or form; `part_name` names a part as the
    clerk reads it (the kind's place and heading), when the kind is known."""
    kind = error["type"]
    name = str(next((p for p in reversed(path) if isinstance(p, str)), ""))
    got = error.get("input")
    described = field_description(model, path)
    about_zh = f"（{described.zh}）" if described else " "
    about_en = f" ({described.en})" if described else ""
    if got is None and kind in ("model_type", "dict_type", "model_attributes_type", "string_type", "list_type"):
        if len(path) == 2 and path[0] == "sections":
            named = part_name(name) if part_name else (f"部分 {name}{about_zh}", f"section {name}{about_en}")
            return (
                Text(f"{named[0]}是空的", f"{named[1]} is empty"),
                Text(
                    "在下面缩进写 intro、subsections 或 points；确无内容时写 none: true（或直接写 无）",
                    "write its intro, subsections or points, indented below; if there is nothing to report, write none: true (or just none)",
                ),
            )
        return Text(f"{name}{about_zh}没有填写", f"{name}{about_en} has no value"), Text(
            "填写内容，或删除这一行", "write a value, or delete the line"
        )
    ctx = error.get("ctx") or {}
    wants_zh, wants_en = _WANTS.get(kind, ("符合说明的值", "a value as described"))
    wants_zh, wants_en = wants_zh.format(**ctx), wants_en.format(**ctx)
    example, from_input = _example(kind, name, got)
    shown = "" if isinstance(got, (dict, list)) else _short(_shown(got), 20)
    if kind.startswith("date") and _impossible_date(got):
        return (
            Text(f"{name}{about_zh}：{shown} 不是实际存在的日期", f"{name}{about_en}: {shown} is not a real date"),
            Text("核对月份和日期（YYYY-MM-DD）", "check the month and the day (YYYY-MM-DD)"),
        )
    if kind.startswith("date") and shown and from_input:
        message = Text(
            f"{name}{about_zh}应写成 YYYY-MM-DD 格式的日期，现为“{shown}”",
            f"{name}{about_en} must be a date written YYYY-MM-DD, not “{shown}”",
        )
        return message, Text(
            f"把日期写成 {example.split(': ', 1)[1]}", f"write the date as {example.split(': ', 1)[1]}"
        )
    got_zh = f"，现为“{shown}”" if shown else ""
    got_en = f", not “{shown}”" if shown else ""
    message = Text(f"{name}{about_zh}应为{wants_zh}{got_zh}", f"{name}{about_en} must be {wants_en}{got_en}")
    if kind == "list_type" and isinstance(got, str):
        return message, Text(
            f"写成列表：在 {name}: 的下一行缩进写“- {_short(got)}”",
            f"make it a list: on the line below {name}:, indented, write “- {_short(got)}”",
        )
    target = _model_at(model, path) if kind in ("model_type", "dict_type", "model_attributes_type") else None
    if target is not None and isinstance(got, str):
        first = next((n for n, info in target.model_fields.items() if info.is_required()), None)
        if first:
            if path[-2:-1] == ("subsections",):
                return message, Text(
                    f"写成“- {first}: {_short(got)}”；如果这些是要点，把上面的 subsections 改为 points",
                    f"write “- {first}: {_short(got)}”; if these are points, rename subsections above to points",
                )
            return message, Text(
                f"写成 {first}: {_short(got)}（缩进在 {name} 之下）",
                f"write {first}: {_short(got)} (indented under {name})",
            )
    if example:
        hint = (
            Text(f"改为 {example}", f"write {example}")
            if from_input
            else Text(f"改为{wants_zh}，例如 {example}", f"write {wants_en}, e.g. {example}")
        )
    else:
        hint = Text(f"改为{wants_zh}", f"write {wants_en}")
    return message, hint


def _short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def missing_hint(path: FieldPath, model: type[BaseModel]) -> Text:
    name = str(path[-1]) if path else ""
    described = field_description(model, path)
    if described is None:
        return Text(f"添加 {name}", f"add {name}")
    return Text(f"添加 {name}：{described.zh}", f"add {name}: {described.en}")
