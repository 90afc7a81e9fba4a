"""`check`: load a data file, validate it against the models and its kind, and run every rule.

`check_file` returns all findings at once (collect every problem, then stop once); it raises
only GenreportError, for a file or kind that cannot be read at all.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from genreport.checks import (  # noqa: F401 (importing a module registers its rules)
    characters,
    dates,
    document,
    duplicate_table,
    figures,
    indicators,
    line_breaks,
    markdown_limits,
    pasted,
    placeholders,
    promises,
    repetition,
    review,
    structure,
    typed_ordinals,
    years,
)
from genreport.checks.dismiss import dismiss
from genreport.checks.registry import RULES, Context
from genreport.checks.salvage import salvage
from genreport.checks.schema import validation_findings
from genreport.data.kinds import KindSpec, kind_dirs, list_kinds, load_kind
from genreport.data.load import Loaded, load_yaml
from genreport.data.model import Report
from genreport.data.previous_file import recorded_previous
from genreport.data.slips import guess_locale, sniff_locale
from genreport.errors import Finding, GenreportError, Location, Severity, Text


@dataclass
class CheckResult:
    loaded: Loaded
    report: Report | None = None
    kind: KindSpec | None = None
    findings: list[Finding] = field(default_factory=list)
    dismissed: list[Finding] = field(default_factory=list)  # warnings the clerk dismissed in the file, with the reason

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def locale(self) -> str:
        """The report's language, for messages, even when the file did not validate."""
        if self.report is not None:
            return self.report.locale
        data = self.loaded.data
        if isinstance(data, dict):
            return "en" if data.get("locale") == "en" else "zh-CN"
        return sniff_locale(self.loaded.text) or guess_locale(self.loaded.text)  # YAML failed: read `locale:` as text


def _kind_of(loaded: Loaded) -> tuple[KindSpec | None, list[Finding]]:
    name = loaded.data.get("kind")
    if not isinstance(name, str):
        return None, []  # validation reports the missing or mistyped field
    known = list_kinds()
    if name not in known:
        close = difflib.get_close_matches(name, known, n=1)
        finding = Finding(
            Severity.ERROR,
            "unknown-kind",
            Text(f"未知的报告类型 {name}", f"unknown report kind {name}"),
            Text(
                f"可用类型：{'、'.join(known)}",
                f"did you mean {close[0]}?" if close else f"installed kinds: {', '.join(known)}",
            ),
            loaded.location(("kind",)),
            ("kind",),
        )
        return None, [finding]
    return load_kind(name), _shadowed(loaded, name)


def _shadowed(loaded: Loaded, name: str) -> list[Finding]:
    """A kind found in two folders: the first on GENREPORT_KIND_PATH wins, and every build says so."""
    folders = kind_dirs(name)
    if len(folders) < 2:
        return []
    used, hidden = folders[0], ", ".join(str(f) for f in folders[1:])
    return [
        Finding(
            Severity.WARNING,
            "kind-shadowed",
            Text(
                f"报告类型 {name} 使用 {used}，它遮盖了 {hidden}",
                f"report kind {name} comes from {used}, which hides {hidden}",
            ),
            Text(
                "确认 GENREPORT_KIND_PATH 是有意覆盖内置类型；否则给该类型改名",
                "make sure GENREPORT_KIND_PATH overrides the bundled kind on purpose; otherwise rename that kind",
            ),
            loaded.location(("kind",)),
            ("kind",),
        )
    ]


def field_names() -> frozenset[str]:
    """Every key a data file may hold (model fields, the kinds' part names)."""
    names: set[str] = set()
    pending: list[Any] = [Report]
    while pending:
        model = pending.pop()
        for name, info in model.model_fields.items():
            names.add(name)
            pending += [m for m in _models_in(info.annotation) if m not in pending]
    try:
        names.update(spec.key for kind in list_kinds() for spec in load_kind(kind).sections)
    except GenreportError:  # a broken kind is reported where it is used; the names are a nicety
        pass
    return frozenset(names)


def _models_in(annotation: Any) -> list[Any]:
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]


def validate(loaded: Loaded) -> CheckResult:
    """Schema and kind validation of a loaded file (no content rules)."""
    result = CheckResult(loaded, findings=list(loaded.findings))
    if loaded.data is None:
        return result
    result.kind, kind_findings = _kind_of(loaded)
    result.findings += kind_findings
    try:
        result.report = Report.model_validate(loaded.data)
    except ValidationError as exc:
        result.findings += validation_findings(exc, loaded, Report, result.kind.part_name if result.kind else None)
    if kind_findings:
        result.report = None
    result.findings.sort(key=_place)
    return result


def _place(finding: Finding) -> tuple[int, int, str]:
    return (finding.location.line or 0, finding.location.column or 0, finding.code)


def run_checks(context: Context) -> list[Finding]:
    return [finding for rule in RULES for finding in rule.run(context)]


def salvaged_findings(loaded: Loaded, kind: KindSpec) -> list[Finding]:
    """The content rules' findings on the part of a file that does not validate that does."""
    remainder = salvage(loaded)
    if remainder is None:
        return []
    found = run_checks(Context(remainder.loaded, remainder.report, kind))
    return [remainder.map_back(f) for f in found if remainder.keep(remainder.map_back(f))]


def _recorded(loaded: Loaded) -> tuple[Path | None, list[Finding]]:
    """Last year's file as `init --from` recorded it, when it is there and valid; else a warning.

    A record that no longer leads to a valid file must not stop `check` or `build` (the
    comparison is a help, not the report): it is a warning on the record's line. Only a regular
    .yaml/.yml file is read, so a record can never make `check` or `preview` open anything else.
    """
    record = recorded_previous(loaded.text, loaded.path)
    if record is None:
        return None, []
    previous, line = record
    problem = None
    try:
        if previous.suffix.lower() not in (".yaml", ".yml"):  # a record names a data file, never anything else
            problem = Text(
                f"记录的上年报告 {previous} 不是 YAML 数据文件",
                f"the recorded last year's file {previous} is not a YAML data file",
            )
        elif not previous.is_file():
            problem = Text(
                f"记录的上年报告 {previous} 不存在", f"the recorded last year's file {previous} does not exist"
            )
        elif validate(load_yaml(previous, field_names)).report is None:
            problem = Text(
                f"记录的上年报告 {previous} 无法读取为报告数据",
                f"the recorded last year's file {previous} is not a valid report",
            )
    except GenreportError as error:
        problem = Text(
            f"记录的上年报告无法读取：{error.text.zh}", f"the recorded last year's file cannot be read: {error.text.en}"
        )
    if problem is None:
        return previous, []
    hint = Text(
        "改正这一行的路径（相对于本文件所在文件夹），或删去这一行；也可以用 --previous 指定",
        "correct the path on this line (relative to this file's folder), or delete the line; --previous also names it",
    )
    return None, [Finding(Severity.WARNING, "previous-unreadable", problem, hint, Location(loaded.path, line, 1))]


def check_file(path: Path, previous: Path | None = None) -> CheckResult:
    """Everything `genreport check` reports about `path`, sorted by place in the file."""
    result = validate(load_yaml(path, field_names))
    if result.report is None and result.kind is not None and result.loaded.data is not None:
        result.findings += salvaged_findings(result.loaded, result.kind)  # one mistake hides nothing
        result.findings.sort(key=_place)
    if result.report is None or result.kind is None:
        return set_apart(result)
    last_year = None
    if previous is None:
        previous, unreadable = _recorded(result.loaded)
        result.findings += unreadable
    if previous is not None:
        last_year = validate(load_yaml(previous, field_names))
        if last_year.report is None or last_year.loaded.repairs is not None:  # a mended slip is still an error
            first = last_year.findings[0] if last_year.findings else None
            zh = f"{first.location}: {first.message.zh}" if first else ""
            en = f"{first.location}: {first.message.en}" if first else ""
            raise GenreportError(
                Text(
                    f"{previous}: 上年报告无法读取，先修正它。{zh}",
                    f"{previous}: last year's file does not validate; fix it first. {en}",
                )
            )
    context = Context(
        result.loaded,
        result.report,
        result.kind,
        previous=last_year.report if last_year else None,
        previous_loaded=last_year.loaded if last_year else None,
    )
    result.findings += run_checks(context)
    result.findings.sort(key=_place)
    return set_apart(result)


def set_apart(result: CheckResult) -> CheckResult:
    """The warnings the file's own `# genreport: ignore[code] reason` comments dismiss, moved
    from `findings` to `dismissed` (checks/dismiss.py); errors always stay."""
    result.findings, result.dismissed = dismiss(result.findings, result.loaded, dismissable(), never_dismissed())
    return result


def dismissable() -> frozenset[str]:
    """The codes a `# genreport: ignore[code]` comment may dismiss: every rule's warning (and any
    other warning of the run, added by dismiss()), never an error."""
    return frozenset(r.code for r in RULES if r.severity is Severity.WARNING) | {"kind-shadowed"}


# The errors found before any rule runs (reading, YAML, schema): named as errors when a comment tries to dismiss one.
_LOAD_ERRORS = frozenset(
    {
        "schema",
        "yaml-syntax",
        "yaml-anchor",
        "yaml-depth",
        "yaml-size",
        "yaml-tag",
        "yaml-root",
        "yaml-key",
        "duplicate-key",
        "control-character",
        "empty-file",
        "unknown-kind",
        "yaml-full-width-colon",
        "yaml-colon-space",
        "yaml-full-width-indent",
        "yaml-tab-indent",
        "yaml-unindented-line",
    }
)


def never_dismissed() -> frozenset[str]:
    return frozenset(r.code for r in RULES if r.severity is Severity.ERROR) | _LOAD_ERRORS
