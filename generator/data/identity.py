"""Which indicator of last year's file is which of this year's.

`key` is optional (a county clerk should not have to invent an English identifier for a field no
reader sees), so an indicator is matched by its key when both years give one, and otherwise by
its label: a Chinese label is enough.
"""

from __future__ import annotations

from genreport.data.model import Indicator


def matching(old: list[Indicator], new: list[Indicator]) -> list[tuple[Indicator | None, Indicator | None]]:
    """Pairs (last year's, this year's), in this year's order, then last year's leftovers."""
    by_key = {i.key: i for i in old if i.key}
    by_label = {i.label.strip(): i for i in old}
    used: set[int] = set()
    pairs: list[tuple[Indicator | None, Indicator | None]] = []
    for indicator in new:
        found = by_key.get(indicator.key) if indicator.key else None
        if found is None or id(found) in used:
            found = by_label.get(indicator.label.strip())
        if found is not None and id(found) in used:
            found = None
        if found is not None:
            used.add(id(found))
        pairs.append((found, indicator))
    pairs += [(i, None) for i in old if id(i) not in used]
    return pairs
