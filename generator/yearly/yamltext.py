"""YAML text with comments, for the files `init` writes.

ruamel.yaml's round-trip types carry comments beside the data; this module holds the few
settings that make the output look like a hand-written data file (two-space indents, list
items indented under their key, long Chinese lines never folded) and the placeholder wording
that `check` recognises, so that the skeleton and the carried-forward file read alike.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from genreport.data.model import Locale
from genreport.data.yamlsafe import comment_text

# Every text `init` leaves to fill contains one of these; `check`'s `placeholder` rule flags both.
_TODO = {"zh-CN": "【待填】", "en": "TODO: "}


def todo(locale: Locale, what: str) -> str:
    """A placeholder that `check` reports until it is replaced: 【待填】小标题 / TODO: heading."""
    return f"{_TODO[locale]}{what}"


def schema_line(reference: str) -> str:
    """The first line of a data file: VS Code's YAML extension validates against `reference`."""
    return f"yaml-language-server: $schema={reference}"


def mapping(items: Iterable[tuple[str, Any]] = ()) -> CommentedMap:
    return CommentedMap(list(items))


def sequence(items: Iterable[Any] = ()) -> CommentedSeq:
    return CommentedSeq(list(items))


def comment_before(container: CommentedMap | CommentedSeq, key: str | int, lines: Iterable[str], indent: int) -> None:
    """Comment lines just above `key`; each line gets its own `# `, and no line can end early
    (a line break or control character inside one is shown as an escape: yamlsafe)."""
    text = "\n".join(comment_text(line) for line in lines)
    if text:
        container.yaml_set_comment_before_after_key(key, before=text, indent=indent)


def dump(document: CommentedMap, header: Iterable[str] = (), footer: Iterable[str] = ()) -> str:
    """The document as YAML 1.2 text; header and footer become `# ` comment lines."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long paragraph or comment across lines
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(document, stream)
    top = "".join(f"# {comment_text(line)}\n" if line else "#\n" for line in header)
    bottom = "".join(f"# {comment_text(line)}\n" if line else "#\n" for line in footer)
    return top + stream.getvalue() + ("\n" + bottom if bottom else "")
