"""pydantic validation errors as Findings, each at its place in the user's file.

pydantic reports a union's failed branches under extra path parts ("Issuer", "list[Issuer]");
they name no place in the data, so they are dropped, and only the branch that got furthest
into the data is reported (the other branch's "not a list" is noise).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from genreport.checks.schema_words import missing_hint, type_message
from genreport.data.load import Loaded
from genreport.errors import FieldPath, Finding, Severity, Text

PartName = Callable[[str], tuple[str, str]]  # a part's key -> how messages name it (zh, en)


def _data_path(loc: tuple[Any, ...], data: Any, error_type: str) -> tuple[FieldPath, int | None]:
    """The loc with union-branch names removed, and the index where the first branch name stood."""
    path: list[str | int] = []
    branch_at = None
    current = data
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        if isinstance(current, dict) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
            path.append(part)
        elif isinstance(current, dict) and isinstance(part, int) and part == 0:
            continue  # a single mapping written where a list is also accepted (issuer)
        elif last and (error_type in ("missing", "extra_forbidden") or not isinstance(part, str)):
            path.append(part)
        elif isinstance(part, str):
            branch_at = len(path) if branch_at is None else branch_at
        else:
            path.append(part)
    return tuple(path), branch_at


def _allowed_fields(model: type[BaseModel]) -> list[str]:
    """Field names of the model found at `path` (for a "did you mean" on an unknown key)."""
    names: set[str] = set()
    pending = [model]
    while pending:
        current = pending.pop()
        names.update(current.model_fields)
        for info in current.model_fields.values():
            for arg in _inner_models(info.annotation):
                if arg not in pending and not names.issuperset(arg.model_fields):
                    pending.append(arg)
    return sorted(names)


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _inner_models(arg)]


def _message(
    error: Mapping[str, Any], path: FieldPath, model: type[BaseModel], part_name: PartName | None
) -> tuple[Text, Text]:
    kind, msg = error["type"], error["msg"]
    name = str(path[-1]) if path else ""
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, _allowed_fields(model), n=1)
        zh = f"未知字段 {name}" + (f"；是否想写 {close[0]}？" if close else "")
        en = f"unknown field {name}" + (f"; did you mean {close[0]}?" if close else "")
        hint = Text(f"改为 {close[0]}" if close else "删除该字段", f"rename it to {close[0]}" if close else "remove it")
        return Text(zh, en), hint
    if kind == "missing":
        return Text(f"缺少必填字段 {name}", f"required field {name} is missing"), missing_hint(path, model)
    if kind == "value_error":
        return Text(msg.removeprefix("Value error, "), msg.removeprefix("Value error, ")), Text(
            "按说明修改", "fix as described"
        )
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        return Text(f"{name} 的取值不在允许范围内：{allowed}", f"{name} must be one of {allowed}"), Text(
            f"可选：{allowed}", f"allowed: {allowed}"
        )
    return type_message(error, path, model, part_name)  # what the field wants, with an example, in the user's words


def validation_findings(
    exc: ValidationError, loaded: Loaded, model: type[BaseModel], part_name: PartName | None = None
) -> list[Finding]:
    errors = exc.errors(include_url=False)
    located = [(_data_path(tuple(e["loc"]), loaded.data, e["type"]), e) for e in errors]
    # For each union, keep only the branch whose errors reach deepest into the data.
    best_depth: dict[FieldPath, int] = {}
    for (path, branch_at), _ in located:
        if branch_at is not None:
            key = path[:branch_at]
            best_depth[key] = max(best_depth.get(key, 0), len(path))
    findings: list[Finding] = []
    seen: set[tuple[FieldPath, str]] = set()
    for (path, branch_at), error in located:
        if branch_at is not None and len(path) < best_depth[path[:branch_at]]:
            continue
        if (path, error["type"]) in seen:
            continue
        seen.add((path, error["type"]))
        message, hint = _message(error, path, model, part_name)
        at_key = error["type"] in ("extra_forbidden",)
        where = loaded.location(path, at_key=at_key)
        findings.append(Finding(Severity.ERROR, "schema", message, hint, where, path))
    return findings
