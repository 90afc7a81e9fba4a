"""`genreport schema`: the JSON Schema accepts every example and what `init` writes, and refuses wrong types."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from genreport.cli import app
from genreport.data.load import load_yaml

runner = CliRunner()


def as_json(value: Any) -> Any:
    """YAML data as JSON sees it: our loader gives datetime.date, editors and JSON give ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


@pytest.fixture(scope="module")
def validator(tmp_path_factory: pytest.TempPathFactory) -> Draft202012Validator:
    """A validator for the schema as `genreport schema -o` writes it, with format checks on."""
    path = tmp_path_factory.mktemp("schema") / "genreport.schema.json"
    result = runner.invoke(app, ["schema", "-o", str(path)])
    assert result.exit_code == 0, result.output
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(as_json(data))]


EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def test_there_are_examples():
    assert len(EXAMPLE_FILES) >= 3


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_schema_validates_every_example(validator, example):
    assert problems(validator, load_yaml(example).data) == []


def test_schema_validates_what_init_writes(validator, tmp_path):
    for args in (["--locale", "zh-CN"], ["--from", str(EXAMPLES / "zuoyun-2023.zh-CN.yaml")]):
        path = tmp_path / f"{len(args)}-{args[0]}.yaml"
        assert runner.invoke(app, ["init", *args, "-o", str(path)]).exit_code == 0
        assert problems(validator, load_yaml(path).data) == []


MINIMAL = {
    "kind": "rule-of-law-government",
    "locale": "zh-CN",
    "year": 2023,
    "issuer": {"name": "左云县人民政府", "level": "county"},
    "signed_on": dt.date(2024, 1, 16),
}


@pytest.mark.parametrize(
    "change",
    [
        {"issuer": [{"name": "中共左云县委员会"}, {"name": "左云县人民政府"}]},  # joint report: a list
        {"sections": {"deficiencies": {"points": ["一段没有引导句的要点。", {"lead": "引导句。", "text": "正文。"}]}}},
        {"indicators": [{"key": "growth", "label": "千人企业拥有量", "change": 52.81, "change_unit": "%"}]},
        # A figure still to fill is valid in shape; check's missing-figure rule reports it.
        {"indicators": [{"key": "cases", "label": "案件", "value": None}]},
    ],
    ids=["issuer-list", "bare-string-point", "change-only-indicator", "figure-to-fill"],
)
def test_schema_accepts_the_contracts_variants(validator, change):
    assert problems(validator, {**MINIMAL, **change}) == []


@pytest.mark.parametrize(
    "change",
    [
        {"year": "2023"},  # a quoted number is not a number
        {"locale": "fr"},
        {"signed_on": "2024-02-30"},  # format: date is checked
        {"issuer": {"name": "左云县人民政府", "levle": "county"}},  # unknown keys are refused
    ],
    ids=["quoted-year", "locale", "impossible-date", "unknown-key"],
)
def test_schema_refuses_what_check_refuses(validator, change):
    assert problems(validator, {**MINIMAL, **change})


def test_descriptions_are_bilingual(validator):
    properties = validator.schema["properties"]
    assert properties["signed_on"]["description"] == "成文日期 / Date signed"
    assert " / " in validator.schema["$defs"]["Indicator"]["properties"]["previous"]["description"]


def test_schema_to_standard_output():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "发文机关" in result.output  # Chinese written as is, not as \\u escapes


def test_schema_file_is_stable(tmp_path: Path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for path in (first, second):
        runner.invoke(app, ["schema", "-o", str(path)])
    assert first.read_bytes() == second.read_bytes()
