"""Where a finding sits in the rendered draft: the id of the element its field path names.

The ids are the contract in docs/html-structure.md ("Ids"). A path names the most specific
element that exists (a point, else its subsection, else its part); the caller passes the ids
the render actually holds, so a link never points at nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from genreport.data.kinds import KindSpec
from genreport.data.model import Report
from genreport.errors import FieldPath, Finding

# A top-level field -> the element that shows it (the head shows the title, issuer and year).
TOP_LEVEL: dict[str, str] = {
    "document_number": "doc-head",
    "title": "doc-head",
    "issuer": "doc-head",
    "year": "doc-head",
    "recipient": "recipient",
    "preamble": "preamble",
    "signed_by": "signature",
    "signed_on": "signature",
    "sealed": "signature",
    "public_release": "annotation",
    "disclosure": "disclosure",
    "distribution": "imprint",
    "indicators": "indicators",
}
_ID = re.compile(r'\sid="([^"]+)"')


def element_ids(html: str) -> set[str]:
    """Every id in a rendered page (our own templates' output: ids are always double-quoted)."""
    return set(_ID.findall(html))


def _index(path: FieldPath, at: int) -> int | None:
    value = path[at] if len(path) > at else None
    return value + 1 if isinstance(value, int) else None


def candidates(path: FieldPath) -> list[str]:
    """Ids for a field path, most specific first."""
    if not path:
        return []
    head = path[0]
    if head == "sections" and len(path) > 1:
        part = f"part-{path[1]}"
        out = [part]
        if path[2:3] == ("subsections",) and (sub := _index(path, 3)):
            out.insert(0, f"{part}-{sub}")
            if path[4:5] == ("points",) and (point := _index(path, 5)):
                out.insert(0, f"{part}-{sub}-p{point}")
        elif path[2:3] == ("points",) and (point := _index(path, 3)):
            out.insert(0, f"{part}-p{point}")
        return out
    if head == "indicators" and (row := _index(path, 1)):
        return [f"indicator-{row}", "indicators"]
    if head == "attachments" and (number := _index(path, 1)):
        return [f"attachment-{number}"]
    return [TOP_LEVEL[head]] if isinstance(head, str) and head in TOP_LEVEL else []


def absent_parts(report: Report | None, kind: KindSpec | None) -> list[str]:
    """Required parts the file leaves out, in the kind's order: the order missing-section reports them in.

    That rule's findings all sit at `sections` (the key is absent, so it has no place of its own);
    pairing them with these keys in order links each to its placeholder in the draft.
    """
    if report is None or kind is None:
        return []
    return [spec.key for spec in kind.sections if spec.required and spec.key not in report.sections]


def anchors(findings: Sequence[Finding], ids: Iterable[str], absent: Sequence[str] = ()) -> list[str | None]:
    """For each finding, the id of its spot in the draft, or None where the draft has none."""
    present = set(ids)
    missing = iter(absent)
    out: list[str | None] = []
    for finding in findings:
        wanted = candidates(finding.path)
        if finding.code == "missing-section" and finding.path == ("sections",):
            key = next(missing, None)
            wanted = [f"part-{key}"] if key else []
        out.append(next((i for i in wanted if i in present), None))
    return out
