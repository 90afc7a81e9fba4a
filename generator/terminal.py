"""Text made safe to print on a terminal, for every command: findings, file names, notes.

Its own small module at the ground floor, so that the command line can print a problem
without importing the checks (and with them pydantic and the YAML reader): `--help` and the
commands that never check a file stay quick to start.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text safe to print on a terminal: control characters (ESC, BEL, OSC/CSI starts, bidi
    overrides) shown as \\x1b-style escapes, never sent raw."""
    return _UNPRINTABLE.sub(
        lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100 else f"\\u{ord(m.group(0)):04x}", text
    )
