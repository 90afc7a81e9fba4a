"""A recognised YAML slip repaired in memory, so that the rest of the file is still checked.

A full-width colon on line 10 used to stop the parser there: the clerk fixed it, ran `check`
again and met the next problem, three rounds for seven mistakes. Now each slip that
`slips.slip_on_line` names is mended in a copy of the text (the file is never written) and the
copy is parsed again; the slip stays an error finding, so a final build still refuses.

Every repair keeps the line count, so a finding's line is its line in the file; a repair that
moves text within or between lines records how to map a position in the mended text back to
the file (`Repairs.back`), and the marks of the parsed values are mapped through it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from genreport.data.slips import Slip, slip_on_line

_KEY = r"[A-Za-z_][A-Za-z0-9_\-]*"
_OPENS_BLOCK = re.compile(rf"^(\s*)(-\s+)?{_KEY}\s*:\s*(?:#.*)?$")
_KEY_VALUE = re.compile(rf"^(\s*)(-\s+)?{_KEY}\s*:\s")
_KEY_ABOVE = re.compile(rf"^(\s*)(?:-\s+)?{_KEY}\s*:(?:\s+(.*))?$")
_BLOCK_INDICATOR = re.compile(r"^[|>][-+0-9]*\s*(?:#.*)?$")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")

Position = tuple[int, int]  # 1-based line and column
READ_ALL = 1 << 62  # `reach` of a text the parser reads to its end


def _width(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


@dataclass(frozen=True)
class _Shift:
    """On `line`, columns past `after` moved by `by` (an inserted space, a new indentation)."""

    line: int
    after: int
    by: int

    def back(self, position: Position) -> Position:
        line, column = position
        if line != self.line or column <= self.after:
            return position
        return line, max(1, column - self.by)


@dataclass(frozen=True)
class _Join:
    """Line `line`'s text appended to line `line - 1` from column `start` (the line left blank)."""

    line: int
    start: int  # first column of the moved text on the line above, in the mended text
    indent: int  # the moved text's column offset in the file (its leading spaces)

    def back(self, position: Position) -> Position:
        line, column = position
        if line == self.line - 1 and column >= self.start:
            return self.line, column - self.start + 1 + self.indent
        return position


@dataclass
class Repairs:
    """The mended lines and, in order, how each repair moved text."""

    lines: list[str]
    steps: list[_Shift | _Join] = field(default_factory=list)
    repaired: set[int] = field(default_factory=set)  # lines mended so far
    done: set[tuple[int, str]] = field(default_factory=set)  # (line, slip code) mended so far

    def back(self, line: int, column: int) -> Position:
        """A position in the mended text as a position in the file."""
        position = (line, column)
        for step in reversed(self.steps):
            position = step.back(position)
        return position

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def apply(self, slip: Slip, reach: Callable[[list[str]], int]) -> bool:
        """Mend `slip`; False when no repair is known or none lets the parser get past its line.
        `reach(lines)` is the line where parsing those lines stops (READ_ALL when it does not)."""
        number = slip.line
        if (number, slip.code) in self.done:
            return False  # mended once already and still wrong: a repair of ours would only loop
        self.done.add((number, slip.code))
        line = self.lines[number - 1]
        if slip.code in ("yaml-full-width-colon", "yaml-colon-space"):
            fresh = slip_on_line(self.lines, number)  # read again: an earlier mend may have moved the colon
            if fresh is None or fresh.code != slip.code:
                return True  # nothing of this slip is left on the line
            index = fresh.column - 1
            slip = fresh
            spaced = index + 1 < len(line) and line[index + 1] == " "
            if slip.code == "yaml-colon-space" or not spaced:
                self.lines[number - 1] = line[:index] + ": " + line[index + 1 :]
                self.steps.append(_Shift(number, slip.column, 1))
            else:
                self.lines[number - 1] = line[:index] + ":" + line[index + 1 :]
            self.repaired.add(number)
            return True
        if slip.code in ("yaml-full-width-indent", "yaml-tab-indent"):
            return self._reindent(number, reach)
        if slip.code == "yaml-unindented-line":
            return self._continue(number, reach)
        return False

    def _reindent(self, number: int, reach: Callable[[list[str]], int]) -> bool:
        line = self.lines[number - 1]
        body = line.lstrip(" \t\u3000")
        old = len(line) - len(body)
        best: tuple[int, int] | None = None  # (how far the parser read, the indentation)
        for width in self._indent_candidates(number, line[:old]):
            trial = [*self.lines]
            trial[number - 1] = " " * width + body
            reached = reach(trial)
            if reached > number and (best is None or reached > best[0]):
                best = (reached, width)
            if reached == READ_ALL:
                break  # the whole file reads: no need to try the rest
        if best is None:
            return False
        width = best[1]
        self.lines[number - 1] = " " * width + body
        self.steps.append(_Shift(number, width, width - old))
        self.repaired.add(number)
        return True

    def _indent_candidates(self, number: int, indent: str) -> list[int]:
        """Indentations to try, likeliest first: a list item beside the items above it; a sibling
        of the field above (or its first child when it opens a block or a `|` text); the next
        line's; every indentation met going up; the slip's own width."""
        found: list[int] = []
        body = self.lines[number - 1].lstrip(" \t\u3000")
        above_lines = list(self._nonblank_lines(number, -1))
        if body.startswith("- ") or body == "-":
            head = body.split(":", 1)[0] + ":" if ":" in body else None  # `- heading:` beside the `- heading:` above
            items = [line for line in above_lines if line.lstrip(" ").startswith("- ") or line.strip() == "-"]
            found += [_width(line) for line in items if head and line.lstrip(" ").startswith(head)][:1]
            found += [_width(line) for line in items][:3]
        if above_lines:
            above = above_lines[0]
            opens = _OPENS_BLOCK.match(above)
            text = _KEY_ABOVE.match(above)
            sibling = _KEY_VALUE.match(above)
            if opens:  # the slip line is the field's first child
                found.append(len(opens.group(1)) + len(opens.group(2) or "") + 2)
            elif text and sibling and _BLOCK_INDICATOR.match(text.group(2) or ""):  # a line of a `|` text
                base = len(sibling.group(1)) + len(sibling.group(2) or "")
                below = self._nonblank(number, 1)
                if below is not None and _width(below) > base:
                    found.append(_width(below))
                found.append(base + 2)
            elif sibling:
                found.append(len(sibling.group(1)) + len(sibling.group(2) or ""))
            else:
                found.append(_width(above))
        below = self._nonblank(number, 1)
        if below is not None:
            found.append(_width(below))
        found += [_width(line) for line in above_lines[:40]]
        found.append(sum(2 if ch in "\t\u3000" else 1 for ch in indent))
        return list(dict.fromkeys(found))

    def _nonblank_lines(self, number: int, step: int) -> Iterator[str]:
        index = number - 1 + step
        while 0 <= index < len(self.lines):
            text = self.lines[index]
            if text.strip() and not text.lstrip().startswith("#") and index + 1 not in self.repaired:
                yield text
            index += step

    def _nonblank(self, number: int, step: int) -> str | None:
        return next(self._nonblank_lines(number, step), None)

    def _continue(self, number: int, reach: Callable[[list[str]], int]) -> bool:
        """A pasted line that lost its indentation: a plain value's text goes back onto the line
        above it (as the clerk meant, with no space between hanzi); a block's (`text: |`) line
        takes the block's indentation, so its line break stays."""
        line = self.lines[number - 1]
        body = line.lstrip(" ")
        old = len(line) - len(body)
        above_index = number - 2
        while above_index >= 0 and not self.lines[above_index].strip():
            above_index -= 1
        if above_index < 0:
            return False
        above = self.lines[above_index]
        if self._in_block(number):
            width = len(above) - len(above.lstrip(" "))
            trial = [*self.lines]
            trial[number - 1] = " " * width + body
            if reach(trial) > number:
                self.lines = trial
                self.steps.append(_Shift(number, width, width - old))
                self.repaired.add(number)
                return True
            return False
        if above_index != number - 2 or " #" in above:
            return False  # a blank line or a comment between them: joining would change the value
        separator = "" if _WIDE.match(above[-1:]) and _WIDE.match(body[:1]) else " "
        trial = [*self.lines]
        trial[number - 2] = above.rstrip(" ") + separator + body
        trial[number - 1] = ""
        if reach(trial) <= number:
            return False
        self.lines = trial
        self.steps.append(_Join(number, len(above.rstrip(" ")) + len(separator) + 1, old))
        self.repaired.add(number)
        return True

    def _in_block(self, number: int) -> bool:
        """Whether the key above line `number` opens a block scalar (`text: |`, `intro: >-`)."""
        for index in range(number - 2, -1, -1):
            match = _KEY_ABOVE.match(self.lines[index])
            if match:
                return bool(match.group(2)) and bool(_BLOCK_INDICATOR.match(match.group(2) or ""))
        return False
