"""Text that genreport writes into a YAML file, made unable to change the file's structure.

A `# ` comment ends at a line break, and YAML (ruamel's reader, which `load` uses) counts five:
LF, CR, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029). A source text
that carries one of them into a comment (a figure sentence, a file name) would end the comment
and make the rest live YAML. A block scalar (`|`, `>`) ends the same way, at a break followed by
a less indented line. And a character YAML may not hold at all (a C0 or C1 control, a lone
surrogate, U+FFFE) makes the whole file unreadable.

So every writer (import, init, init --from, the schema line, import --into) passes its texts
through here: comment text through `comment_text`, which shows each such character as a
visible `\\uXXXX` (a comment is read by a person, it is not data), and values through `scalar`,
which keeps a block style only for text that a block can hold and otherwise leaves the string to
the emitter, whose double-quoted style escapes every break and control character, so that the
value loads back as exactly the same string.
"""

from __future__ import annotations

import re
from typing import Any

# Every YAML line break, and every character YAML may not hold raw (tab is the one control kept):
# C0, DEL, C1, lone surrogates, the two noncharacters; the bidi overrides and the BOM too, since
# a comment that reorders or hides its own text is not one a clerk can trust.
_NOT_IN_COMMENT = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff\ufffe\uffff]"
)
# What a block scalar cannot carry unchanged: every break but LF, and what YAML may not hold raw.
_NOT_IN_BLOCK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = "\n\r\x85\u2028\u2029"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def comment_text(text: str) -> str:
    """`text` as one comment line: every line break and control character shown as `\\x0a`/`\\u2028`."""
    return _NOT_IN_COMMENT.sub(_escape, text)


def comment_lines(lines: list[str] | tuple[str, ...]) -> list[str]:
    return [comment_text(line) for line in lines]


def block_safe(text: str) -> bool:
    """True when a literal or folded block can carry `text` and load back the same string: what
    YAML may hold, starting with a visible character (a block's first line sets its indentation,
    and a block of bare line breaks is read back with one more or one fewer)."""
    return bool(text) and not text[0].isspace() and not _NOT_IN_BLOCK.search(text)


def scalar(value: Any, block: Any) -> Any:
    """`block(value)` (a ruamel LiteralScalarString or FoldedScalarString) when a block can hold the
    string, else the plain string: the emitter then quotes it and escapes what needs escaping."""
    if isinstance(value, str) and block_safe(value):
        return block(value)
    return value


def double_quoted(value: str) -> str:
    """`value` as a YAML double-quoted scalar that loads back the same: JSON's quoting (valid YAML),
    with every break but LF and every character YAML may not hold raw escaped too (JSON leaves
    NEL, U+2028 and U+2029 raw, which YAML would fold)."""
    import json

    return _NOT_IN_BLOCK.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False))
