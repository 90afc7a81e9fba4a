"""Kinds are data: their templates run in Jinja's immutable sandbox, with bounded work.

A kind folder may come from anywhere on GENREPORT_KIND_PATH, so a template is untrusted input:

- `ImmutableSandboxedEnvironment`: no underscore attributes (`cycler.__init__.__globals__`),
  no method that mutates a list or dict, no `str.format` escape;
- `range()` draws on a budget of RANGE_BUDGET items per render, shared by every call, so nested
  loops cannot multiply; `*` and `**` refuse results past MAX_PRODUCT items / MAX_POWER bits;
  string growth is checked before it happens: widths past MAX_PRODUCT (center, ljust, indent,
  wordwrap...), replace and join past MAX_PRODUCT characters, printf and str.format widths of
  five digits;
- the loader reads only regular files whose real path lies inside its own folder: a symlink
  out of the kind folder (to /etc/shadow, say) is "template not found";
- compiled templates are cached in a folder private to the user (0700, owned by us) or not at all.
"""

from __future__ import annotations

import contextvars
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, BytecodeCache, FileSystemLoader, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

RANGE_BUDGET = 100_000  # items all range() calls of one render may produce together
MAX_PRODUCT = 1_000_000  # items (characters, list entries) a `*` may produce
MAX_POWER = 10_000  # bits in the result of a `**`

_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("genreport_range_budget", default=None)


# printf and str.format widths or precisions of five digits and more ("%99999999s", "{:>99999999}")
_WIDE_PRINTF = re.compile(r"%[-+ #0]*(?:\*|\d{5,})|%[-+ #0]*\d*\.(?:\*|\d{5,})")
_WIDE_FORMAT = re.compile(r"\{[^{}]*:[^{}]*\d{5,}[^{}]*\}")
_GROWING_FILTERS = ("join", "replace", "center", "indent", "wordwrap", "truncate", "format", "string")


def _too_large(what: str) -> SecurityError:
    return SecurityError(f"{what} would make more than {MAX_PRODUCT} characters")


def _check_growth(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse, before it runs, a string operation whose result could pass MAX_PRODUCT."""
    numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int) and not isinstance(a, bool)]
    if any(abs(n) > MAX_PRODUCT for n in numbers):
        raise _too_large(name)  # a width (center, ljust, indent, wordwrap, zfill, expandtabs...)
    if (
        name == "replace"
        and isinstance(value, str)
        and len(args) >= 2
        and isinstance(args[0], str)
        and isinstance(args[1], str)
    ):
        hits = value.count(args[0]) if args[0] else len(value) + 1
        if len(value) + hits * max(0, len(args[1]) - len(args[0])) > MAX_PRODUCT:
            raise _too_large("replace")
    if name == "join":
        items, separator = (
            (value, args[0] if args else "") if not isinstance(value, str) else (args[0] if args else (), value)
        )
        if isinstance(items, (list, tuple)):
            total = sum(len(x) if isinstance(x, str) else 32 for x in items) + len(str(separator)) * len(items)
            if total > MAX_PRODUCT:
                raise _too_large("join")
    if (
        name in ("format", "%")
        and isinstance(value, str)
        and (_WIDE_PRINTF.search(value) or _WIDE_FORMAT.search(value))
    ):
        raise _too_large(f"the format {value[:40]!r}")


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    pass_eval = getattr(function, "jinja_pass_arg", None)

    def bounded(*args: Any, **kwargs: Any) -> Any:
        rest = args[1:] if pass_eval is not None else args
        if rest:
            _check_growth(name, rest[0], tuple(rest[1:]), kwargs)
        return function(*args, **kwargs)

    if pass_eval is not None:
        bounded.jinja_pass_arg = pass_eval  # type: ignore[attr-defined]
    return bounded


class KindEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with bounded `range`, `*`, `**`, `%`, str.format and the string-growing calls."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = bounded_range
        for name in _GROWING_FILTERS:
            if name in self.filters:
                self.filters[name] = _bounded_filter(name, self.filters[name])

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and callable(__obj):
            _check_growth(getattr(__obj, "__name__", "?"), owner, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and getattr(value, "__name__", "") in ("format", "format_map"):
            _check_growth("format", owner, (), {})
        return super().wrap_str_format(value)

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
        if operator == "%":
            if isinstance(left, str):
                _check_growth("%", left, (), {})
            return left % right
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
