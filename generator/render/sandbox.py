"""Kinds are data: their templates run in Jinja's immutable sandbox, with bounded work.

A kind folder may come from anywhere on GENREPORT_KIND_PATH, so a template is untrusted input:

- `ImmutableSandboxedEnvironment`: no underscore attributes (`cycler.__init__.__globals__`),
  no method that mutates a list or dict, no `str.format` escape;
- `range()` draws on a budget of RANGE_BUDGET items per render, shared by every call, so nested
  loops cannot multiply; `*` and `**` refuse results past MAX_PRODUCT items / MAX_POWER digits;
- the loader reads only regular files whose real path lies inside its own folder: a symlink
  out of the kind folder (to /etc/shadow, say) is "template not found";
- compiled templates are cached in a folder private to the user (0700, owned by us) or not at all.
"""

from __future__ import annotations

import contextvars
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, BytecodeCache, FileSystemLoader, TemplateNotFound
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

RANGE_BUDGET = 100_000  # items all range() calls of one render may produce together
MAX_PRODUCT = 1_000_000  # items (characters, list entries) a `*` may produce
MAX_POWER = 10_000  # bits in the result of a `**`

_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("genreport_range_budget", default=None)


class KindEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with bounded `range`, `*` and `**`."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = bounded_range

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
                    if len(sequence) * max(times, 0) > MAX_PRODUCT:
                        raise SecurityError(f"a product of more than {MAX_PRODUCT} items is not allowed")
            return left * right
        if operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0:
                if abs(left) > 1 and right * max(abs(left).bit_length(), 1) > MAX_POWER:
                    raise SecurityError(f"a power of more than {MAX_POWER} bits is not allowed")
            return left**right
        return super().call_binop(context, operator, left, right)


def bounded_range(*args: int) -> range:
    """range() that draws its length from the current render's budget."""
    numbers = range(*args)
    budget = _budget.get()
    if budget is None:
        budget = [RANGE_BUDGET]
        _budget.set(budget)
    budget[0] -= len(numbers)
    if budget[0] < 0:
        raise SecurityError(f"range() asked for more than {RANGE_BUDGET} items in one render")
    return numbers


def with_budget(render: Callable[[], str]) -> str:
    """Run `render` with a fresh range budget (the budget is per render, not per process)."""
    token = _budget.set([RANGE_BUDGET])
    try:
        return render()
    finally:
        _budget.reset(token)


class ConfinedLoader(FileSystemLoader):
    """FileSystemLoader that never leaves its folders: real path inside, regular file only."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(os.path.realpath(filename))
        inside = any(real.is_relative_to(os.path.realpath(root)) for root in self.searchpath)
        if not inside or not stat.S_ISREG(os.stat(real).st_mode):
            raise TemplateNotFound(template, f"{template} lies outside its kind folder or is not a regular file")
        return source, filename, uptodate


def private_folder(folder: Path) -> bool:
    """Make `folder` (0700) or accept it when it is ours, a real folder and closed to others."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return False
    if info.st_mode & 0o077:
        try:
            os.chmod(folder, 0o700)
        except OSError:
            return False
    return True


def bytecode_cache(folder: Path) -> BytecodeCache | None:
    """Compiled templates in `folder`, only when that folder is private to this user."""
    from jinja2 import FileSystemBytecodeCache

    if not private_folder(folder):
        return None
    # Its own file names: bytecode an unsandboxed environment compiled (an older genreport used the
    # same folder) would run without the sandbox's checks, so it must never be found here.
    return FileSystemBytecodeCache(str(folder), pattern="sandboxed-%s.cache")


def make_environment(loader: BaseLoader, **options: Any) -> KindEnvironment:
    return KindEnvironment(loader=loader, **options)
