"""Issue 25 item 3: every dated or numeric check rule, tested on both sides of each boundary.

test_check_rules.py shows each rule fires somewhere; a comparison moved by one (`<=` for `<`, a
deadline a day off, `< 100` for `<= 100`) still passes there. Here each row is the last value a
rule accepts and the first it rejects, so moving a boundary by one day or one unit fails a row.
The report is tests/data/valid.zh-CN.yaml (year 2023, signed 2024-01-16), one line changed.
"""

from __future__ import annotations

import pytest

# (rule code, text to replace, replacement, does the rule fire)
SIGNED = "signed_on: 2024-01-16"
PUBLISHED = "  published_on: 2024-01-17"
PRINTED = "  printed_on: 2024-01-17"
SHARE = "    value: 82.5\n"  # air_quality_share, unit %
CONCLUDED = "    value: 88\n    previous: 79"  # labour_disputes_concluded, part of accepted (88)
BOUNDARIES = [
    # date-impossible: signed before the year ended, or in a year after the next
    ("date-impossible", SIGNED, "signed_on: 2023-12-31", True),
    ("date-impossible", SIGNED, "signed_on: 2024-01-01", False),
    ("date-impossible", SIGNED, "signed_on: 2024-12-31", False),
    ("date-impossible", SIGNED, "signed_on: 2025-01-01", True),
    # signed-late: after 1 March of the next year (1 March itself is on time); a later year is
    # date-impossible, not late
    ("signed-late", SIGNED, "signed_on: 2024-03-01", False),
    ("signed-late", SIGNED, "signed_on: 2024-03-02", True),
    ("signed-late", SIGNED, "signed_on: 2024-12-31", True),
    ("signed-late", SIGNED, "signed_on: 2025-01-01", False),
    # published-late: after 1 April of the next year
    ("published-late", PUBLISHED, "  published_on: 2024-04-01", False),
    ("published-late", PUBLISHED, "  published_on: 2024-04-02", True),
    # date-order: printing and publication on the day signed are fine, the day before is not
    ("date-order", PUBLISHED, "  published_on: 2024-01-16", False),
    ("date-order", PUBLISHED, "  published_on: 2024-01-15", True),
    ("date-order", PRINTED, "  printed_on: 2024-01-16", False),
    ("date-order", PRINTED, "  printed_on: 2024-01-15", True),
    # percent-range: 0 and 100 are percentages, just outside them is not
    ("percent-range", SHARE, "    value: 100\n", False),
    ("percent-range", SHARE, "    value: 100.1\n", True),
    ("percent-range", SHARE, "    value: 0\n", False),
    ("percent-range", SHARE, "    value: -0.1\n", True),
    # part-exceeds-whole: a part equal to its whole is possible (every case concluded), one more is not
    ("part-exceeds-whole", CONCLUDED, "    value: 88\n    previous: 79", False),
    ("part-exceeds-whole", CONCLUDED, "    value: 89\n    previous: 79", True),
]


@pytest.mark.parametrize(
    ("code", "old", "new", "fires"),
    BOUNDARIES,
    ids=[f"{code}-{new.strip().split(': ')[-1].strip()}" for code, _, new, _ in BOUNDARIES],
)
def test_a_rule_moves_at_its_boundary_and_not_before(check_text, valid_text, code, old, new, fires):
    assert old in valid_text
    found = [f.code for f in check_text(valid_text.replace(old, new, 1)).findings]
    assert (code in found) is fires, f"{code} {'did not fire' if fires else 'fired'} for {new.strip()!r}: {found}"


def test_short_section_at_its_minimum_and_one_below(check_text, valid_text):
    """short-section counts visible characters against the kind's min_chars: equal passes, one less warns."""
    from genreport.data.kinds import load_kind

    spec = next(s for s in load_kind("rule-of-law-government").sections if s.key == "leaders_duties")
    assert spec.min_chars
    lines = valid_text.splitlines(keepends=True)
    start = lines.index("  leaders_duties:\n")
    intro = lines[start + 2]  # the paragraph under `intro: |`
    for length, fires in ((spec.min_chars, False), (spec.min_chars - 1, True)):
        text = "".join(lines[: start + 2]) + "      " + "法" * length + "\n" + "".join(lines[start + 3 :])
        assert intro not in text
        found = [f.code for f in check_text(text).findings]
        assert ("short-section" in found) is fires, (length, found)
