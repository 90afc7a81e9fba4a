"""The rule registry: one decorated function per rule, each yielding Problems.

A rule knows what is wrong and where in the data (a field path, optionally the offending text);
the registry turns that into a Finding with file, line and column from the load marks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from genreport.data.kinds import KindSpec
from genreport.data.load import Loaded
from genreport.data.model import Report
from genreport.errors import FieldPath, Finding, Location, Severity, Text


@dataclass(frozen=True)
class Context:
    loaded: Loaded
    report: Report
    kind: KindSpec
    previous: Report | None = None
    previous_loaded: Loaded | None = None


@dataclass(frozen=True)
class Problem:
    path: FieldPath
    message: Text
    hint: Text
    needle: str | None = None  # the offending text, to point at its exact column
    at_key: bool = False  # point at the key rather than the value (for absent or misplaced things)
    related: Location | None = None


RuleFunction = Callable[[Context], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    function: RuleFunction

    def run(self, context: Context) -> Iterator[Finding]:
        for problem in self.function(context):
            loaded = context.loaded
            if problem.needle:
                where = loaded.locate_text(problem.path, problem.needle)
            else:
                where = loaded.location(problem.path, at_key=problem.at_key)
            yield Finding(self.severity, self.code, problem.message, problem.hint, where, problem.path, problem.related)


RULES: list[Rule] = []


def rule(code: str, severity: Severity) -> Callable[[RuleFunction], RuleFunction]:
    def register(function: RuleFunction) -> RuleFunction:
        assert all(r.code != code for r in RULES), f"rule code {code} registered twice"
        RULES.append(Rule(code, severity, function))
        return function

    return register
