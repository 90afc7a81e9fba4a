"""Random valid reports, generated from the contract, always check and render to md and html.

Reports are written as JSON (a subset of YAML 1.2) so that they go through the real loader.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genreport.checks import check_file
from genreport.render.document import Document
from genreport.render.html import render_html
from genreport.render.md import render_markdown

# Text as users paste it: CJK, Latin, digits, Markdown punctuation, full-width forms, emoji.
CHARS = st.sampled_from(
    list("法治政府建设年度报告依法行政，。；：“”（）《》、—…0123456789abcXYZ *_#>|-[]()`<>&\"'\n")
    + ["👍", "𠀀", "\u3000"]
)
TEXT = st.text(CHARS, min_size=1, max_size=80).filter(lambda s: s.strip())
SHORT = st.text(CHARS.filter(lambda c: c != "\n"), min_size=1, max_size=20).filter(lambda s: s.strip())
NUMBER = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
DATE = st.dates().map(lambda d: d.isoformat())

POINT = st.one_of(TEXT, st.fixed_dictionaries({"text": TEXT}, optional={"lead": SHORT}))
SUBSECTION = st.fixed_dictionaries({"heading": SHORT}, optional={"intro": TEXT, "points": st.lists(POINT, max_size=3)})
SECTION = st.one_of(
    st.fixed_dictionaries(
        {}, optional={"heading": SHORT, "intro": TEXT, "subsections": st.lists(SUBSECTION, max_size=3)}
    ),
    st.fixed_dictionaries({"points": st.lists(POINT, min_size=1, max_size=3)}, optional={"intro": TEXT}),
    st.just({"none": True}),
)
ISSUER = st.fixed_dictionaries(
    {"name": SHORT},
    optional={"level": st.sampled_from(["province", "city", "county", "district", "township", "department"])},
)
INDICATOR = st.fixed_dictionaries(
    {"key": st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), "label": SHORT, "value": NUMBER},
    optional={
        "previous": NUMBER,
        "unit": st.sampled_from(["件", "%", "人", "万元", "个百分点"]),
        "approx": st.booleans(),
    },
)
KEYS = ["measures", "deficiencies", "leaders_duties", "next_year", "other_matters"]
REPORT = st.fixed_dictionaries(
    {
        "kind": st.just("rule-of-law-government"),
        "locale": st.sampled_from(["zh-CN", "en"]),
        "year": st.integers(2000, 2030),
        "issuer": st.one_of(ISSUER, st.lists(ISSUER, min_size=1, max_size=3)),
        "sections": st.dictionaries(st.sampled_from(KEYS), SECTION, max_size=5),
    },
    optional={
        "recipient": st.one_of(SHORT, st.lists(SHORT, min_size=1, max_size=2)),
        "document_number": SHORT,
        "title": SHORT,
        "signed_on": DATE,
        "sealed": st.booleans(),
        "public_release": st.booleans(),
        "preamble": TEXT,
        "attachments": st.lists(st.fixed_dictionaries({"title": SHORT, "body": TEXT}), max_size=2),
        "indicators": st.lists(INDICATOR, max_size=4, unique_by=lambda i: i["key"]),
        "distribution": st.fixed_dictionaries(
            {}, optional={"copies_to": st.lists(SHORT, max_size=2), "printed_by": SHORT, "printed_on": DATE}
        ),
        "disclosure": st.fixed_dictionaries(
            {}, optional={"index_number": SHORT, "classification": SHORT, "published_on": DATE}
        ),
    },
)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        assert not any(name.startswith("on") for name, _ in attrs)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=REPORT)
def test_any_valid_report_checks_and_renders(tmp_path, data):
    path = tmp_path / "random.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = check_file(path)
    assert result.report is not None, [f.message("en") for f in result.findings]
    doc = Document(result.report, result.kind, draft=True)
    html = render_html(doc)
    markdown = render_markdown(doc)
    parser = _Parser()
    parser.feed(html)
    assert "script" not in parser.tags and "iframe" not in parser.tags
    assert "None" not in markdown.replace("None.", "")  # an absent field never prints as None
    assert markdown.strip()
