"""Limits on user Markdown (linear rendering) and the last word on links in report.md.

Rendering: python-markdown's link and image patterns rescan for a closing bracket from every
`[`, so `'[' * 8000` took 10 s and `'![' * 20000` 100 s; its list and quote handlers recurse
once per level (RecursionError near 300). A text field past MAX_CHARS characters, MAX_BRACKETS brackets
or MAX_NESTING levels of lists and quotes is rendered as plain paragraphs, every Markdown mark escaped (linear),
and `check` says so (checks/markdown_limits.py).

Links: report.md is read by any CommonMark renderer, which accepts link destinations python-
markdown's regexes never see (a reference definition in a quote or list item, the URL on the
next line, entities and backslash escapes in the scheme, a label over two lines). So the text
is parsed as a CommonMark renderer parses it (markdown-it-py, with its own link filter off), and
when any destination's scheme is outside http, https and mailto, every bracket of that text is
escaped: with no unescaped `[` and no `<`, CommonMark makes no link at all.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt

from genreport.data.limits import MAX_BRACKETS, MAX_CHARS, MAX_NESTING, limit_hit, nesting  # noqa: F401 (render's limits)

# The one list of link schemes a report may hold: markdown.py (python-markdown + nh3 for the HTML),
# this module (report.md as CommonMark reads it) and docx/markdown.py (Word hyperlinks) all read it.
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_MARKS = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")  # what python-markdown and CommonMark both unescape
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_STRIP = re.compile(r"[\x00-\x20\x7f]+")


def inert(text: str) -> str:
    """`text` as plain paragraphs: lines unindented, every Markdown mark backslash-escaped."""
    lines = [_MARKS.sub(r"\\\1", line.strip()) for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines)


def inert_html(text: str) -> str:
    """`text` as HTML paragraphs of escaped text (blank lines part them), without a Markdown parser."""
    paragraphs = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip())
    return "\n".join(f"<p>{html.escape(p.strip(), quote=False)}</p>" for p in paragraphs if p.strip())


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False})
    parser.validateLink = lambda url: True  # type: ignore[method-assign]  # see every destination, javascript: included
    return parser


def _scheme_ok(url: str) -> bool:
    bare = _STRIP.sub("", url)
    scheme = SCHEME.match(bare)
    if scheme is None:
        return ":" not in bare.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return scheme.group(1).lower() in URL_SCHEMES


def bad_links(markdown: str) -> list[str]:
    """Every link, image or reference destination a CommonMark renderer would make of
    `markdown` whose scheme is not allowed (relative links and #anchors are fine)."""
    env: dict[str, object] = {}
    tokens = _parser().parse(markdown, env)
    found = [str(ref.get("href", "")) for ref in dict(env.get("references", {})).values()]  # type: ignore[call-overload]
    stack = list(tokens)
    while stack:
        token = stack.pop()
        if token.children:
            stack.extend(token.children)
        for name in ("href", "src"):
            value = token.attrGet(name)
            if value is not None:
                found.append(str(value))
    return [url for url in found if not _scheme_ok(url)]


def without_links(markdown: str) -> str:
    """`markdown` with every bracket escaped: CommonMark then makes no link or definition of it."""
    return re.sub(r"(?<!\\)((?:\\\\)*)([\[\]])", r"\1\\\2", markdown)


_LINK_END = re.compile(r"(?<!\\)\](?=[(\[:]|$)")


def no_link_ends(text: str) -> str:
    """A one-line plain field never ends a link label: `]` before `(`, `[`, `:` or at its end
    (where the next field may continue it: a lead `[q]` then a text `(javascript:...)`) is escaped."""
    return _LINK_END.sub(r"\\]", text)
