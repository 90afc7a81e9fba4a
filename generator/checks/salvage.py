"""One mistake does not hide the rest: the parts of a file that validate are still checked.

When the file does not validate, the broken values are set aside (an unknown key, a value of the
wrong type, a list item that does not fit) and what remains is validated again, a few rounds at
most. The content rules then run on that remainder, so that a misspelt `recipent:` is reported
together with the XXX and the 120 % further down. The report made this way is only for checking:
`check_file` still returns no report, and nothing is built from it.

List items set aside shift the indexes of the items after them; the marks are re-keyed for the
remainder, and the findings' paths are mapped back, so every finding names its place in the file.
A finding about something that was set aside, or about its absence (a missing part, a short
one), is dropped: the schema error already says what is wrong there.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

from pydantic import ValidationError

from genreport.checks.schema import _data_path
from genreport.data.load import Loaded
from genreport.data.model import Report
from genreport.errors import FieldPath, Finding

_ROUNDS = 6
# Findings that say something is absent or too short: a set-aside value makes them untrue.
_ABSENCE = {
    "missing-section",
    "short-section",
    "missing-date",
    "missing-figure",
    "missing-previous",
    "none-not-allowed",
}


@dataclasses.dataclass
class Salvage:
    report: Report
    loaded: Loaded  # the same file, marks re-keyed to the remainder's indexes
    set_aside: list[FieldPath]  # in the file's own indexes
    deleted: dict[FieldPath, set[int]]

    def to_file(self, path: FieldPath) -> FieldPath:
        """A remainder path as the file numbers it."""
        out: list[str | int] = []
        for part in path:
            gone = self.deleted.get(tuple(out))
            if gone and isinstance(part, int):
                kept = -1
                index = -1
                while kept < part:
                    index += 1
                    kept += index not in gone
                part = index
            out.append(part)
        return tuple(out)

    def to_remainder(self, path: FieldPath) -> FieldPath | None:
        out: list[str | int] = []
        original: list[str | int] = []
        for part in path:
            gone = self.deleted.get(tuple(original))
            original.append(part)
            if gone and isinstance(part, int):
                if part in gone:
                    return None
                part = part - sum(1 for index in gone if index < part)
            out.append(part)
        return tuple(out)

    def keep(self, finding: Finding) -> bool:
        for aside in self.set_aside:
            if finding.path[: len(aside)] == aside:
                return False
            if aside[: len(finding.path)] == finding.path and finding.code in _ABSENCE:
                return False
        return True

    def map_back(self, finding: Finding) -> Finding:
        return dataclasses.replace(finding, path=self.to_file(finding.path))


def salvage(loaded: Loaded) -> Salvage | None:
    """The part of `loaded.data` that validates, or None when a required top-level field is broken."""
    data = copy.deepcopy(loaded.data)
    holder = Salvage(None, loaded, [], {})  # type: ignore[arg-type]
    for _ in range(_ROUNDS):
        try:
            report = Report.model_validate(data)
        except ValidationError as exc:
            targets: set[FieldPath] = set()
            for error in exc.errors(include_url=False):
                path, _ = _data_path(tuple(error["loc"]), data, error["type"])
                if error["type"] == "missing" or not _exists(data, path):
                    path = path[:-1]  # a required field absent: set its owner aside
                if not path:
                    return None
                if len(path) == 1 and _required(path[0]):
                    stand_in = _stand_in(str(path[0]), data.get(path[0]))
                    if stand_in is None:
                        return None  # no kind, or a year that names no year: nothing to check against
                    data[path[0]] = stand_in
                    holder.set_aside.append(path)
                    continue
                targets.add(path)
            # Deepest and last first, so that removing one item leaves the others' indexes valid.
            for path in sorted(targets, key=lambda p: (len(p), p[-1] if isinstance(p[-1], int) else -1), reverse=True):
                _remove(data, path, holder)
            continue
        holder.report = report
        holder.loaded = _rekeyed(loaded, holder)
        return holder
    return None


def _stand_in(key: str, broken: Any) -> Any:
    """A value for a broken required field, so that the rest can be checked: the year written
    as 2023年 reads as 2023, a broken locale as zh-CN, a broken issuer as a nameless one."""
    if key == "year":
        digits = re.search(r"(19|20|21)\d\d", str(broken)) if broken is not None else None
        return int(digits.group(0)) if digits else None
    if key == "locale":
        return "zh-CN"
    if key == "issuer":
        return {"name": "-"}
    return None


def _required(key: str | int) -> bool:
    """A top-level field the report cannot do without (an unknown key can always be set aside)."""
    info = Report.model_fields.get(str(key))
    return info is not None and info.is_required()


def _exists(data: Any, path: FieldPath) -> bool:
    current = data
    for part in path:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            return False
    return True


def _remove(data: Any, path: FieldPath, holder: Salvage) -> None:
    if not path or not _exists(data, path):
        return
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    file_path = holder.to_file(path)
    holder.set_aside.append(file_path)
    if isinstance(parent, list):
        holder.deleted.setdefault(file_path[:-1], set()).add(int(file_path[-1]))
        del parent[int(last)]
    elif path[:-1] == ("sections",):
        parent[last] = {"none": True}  # the part stays, so that no "missing part" is invented
    else:
        del parent[last]


def _rekeyed(loaded: Loaded, holder: Salvage) -> Loaded:
    marks = {}
    for path, mark in loaded.marks.items():
        new = holder.to_remainder(path)
        if new is not None:
            marks[new] = mark
    return dataclasses.replace(loaded, marks=marks, findings=[])
