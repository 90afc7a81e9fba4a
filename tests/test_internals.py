"""One check for every private name the fenced patches (genreport/pdf/weasy/) rely on."""

from __future__ import annotations

import pytest

from genreport.pdf.weasy import internals


def test_every_patch_still_fits_this_weasyprint():
    assert internals.check_internals() == []


@pytest.mark.parametrize(
    "entry",
    ["weasyprint.HTML._ua_no_such_sheet", "weasyprint.text.fonts.FontConfiguration:_no_such_field", "atexit._gone"],
)
def test_a_name_that_is_gone_is_reported(monkeypatch, entry):
    monkeypatch.setattr(internals, "RELIED_ON", (*internals.RELIED_ON, (entry, "a test")))
    problems = internals.check_internals()
    assert len(problems) == 1 and entry.partition(":")[0] in problems[0]


def test_each_patch_module_names_what_it_relies_on():
    users = {use.split(":")[0] for _, use in internals.RELIED_ON}
    assert users == {"engine", "cjk_justify", "user_agent", "fontconfig", "process", "agreement"}
