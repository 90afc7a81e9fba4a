"""Every verify-layout check has a stable id (results.CHECK_IDS): tests and scripts match ids,
not the English wording, and the JSON output carries them."""

from __future__ import annotations

import json

import pytest
from pdf_helpers import EXAMPLES, verified

from genreport.verify.format import format_json
from genreport.verify.results import CHECK_IDS, FAIL, Result, Status

STEMS = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("stem", STEMS)
def test_every_check_a_pdf_gets_has_an_id(stem):
    results = verified(stem).results
    assert [(r.clause, r.check) for r in results if r.id == "unnamed"] == []
    assert all(isinstance(r.status, Status) for r in results)


def test_the_json_output_carries_the_ids():
    verification = verified(STEMS[0])
    data = json.loads(format_json(verification))
    assert [r["id"] for r in data["results"]] == [r.id for r in verification.results]


def test_one_id_names_one_clause():
    clauses: dict[str, set[str]] = {}
    for (clause, _), check_id in CHECK_IDS.items():
        clauses.setdefault(check_id, set()).add(clause)
    assert {i: c for i, c in clauses.items() if len(c) > 1} == {}


def test_a_check_missing_from_the_table_is_unnamed():
    assert Result("§9.9", "a check nobody named", FAIL, "").id == "unnamed"
