"""User Markdown -> safe HTML (for report.html) and -> safe Markdown (for report.md).

HTML: python-markdown with the extensions a report needs (tables, sane_lists) and raw HTML
switched off in the parser (its block and inline HTML handlers are removed, so `<script>`
is text), then nh3 with an explicit allow-list as a second line of defence. `attr_list` is
never enabled on user text: it would let `{onclick=...}` and inline styles through.

Markdown: the source itself is what report.md carries, so it is neutralised for whatever
renders it next: `<` is escaped (no raw HTML, no autolinks), images become plain links (no
remote fetch) and link targets with a scheme other than http, https or mailto become `#`.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown as markdown_lib
import nh3
from markupsafe import Markup

from genreport.data.limits import limit_hit
from genreport.render import md_safety
from genreport.render.md_safety import SCHEME, URL_SCHEMES

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "u", "s", "del", "sub", "sup", "code", "pre", "blockquote",
    "ul", "ol", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "h4", "h5", "h6", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
    "noscript",
    "textarea",
}


def _parser() -> markdown_lib.Markdown:
    md = markdown_lib.Markdown(
        extensions=["tables", "sane_lists"],
        extension_configs={"tables": {"use_align_attribute": True}},  # align="right", not style=
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_PARSER = _parser()


def clean(fragment: str) -> str:
    """nh3 with our allow-list: no script, handlers, style, iframes, images, javascript:/data: URLs."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


_USER_HEADING = re.compile(r"<(/?)h[1-3]>")
_EMPTY_P = re.compile(r"<p>\s*</p>\n?")


@lru_cache(maxsize=4096)
def _to_html(text: str) -> str:
    if limit_hit(text):  # past a limit: plain paragraphs, in linear time (check warns)
        return clean(md_safety.inert_html(text))
    _PARSER.reset()
    # User headings sit below the document's own h1-h3: "# x" becomes an h4, never a second title.
    converted = _USER_HEADING.sub(r"<\1h4>", _PARSER.convert(text))
    return breakable(_EMPTY_P.sub("", clean(converted)).strip())


# A run of this many characters with nowhere to break a line (a web address, a long number) gets
# a break opportunity, U+200B, every BREAK_EVERY characters: a line of the PDF holds ~55 Latin
# letters, and a longer run otherwise overflows the text block. Only text between tags is
# touched (never an href), and never inside an entity. `check` refuses runs past 200 (unbroken-run).
BREAK_AFTER = 40
BREAK_EVERY = 20
_TEXT_NODE = re.compile(r">([^<]+)<")
_LONG_RUN = re.compile(
    f"[^\\s&<>\u200b\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]{{{BREAK_AFTER + 1},}}"
)
_CHUNK = re.compile(f".{{{BREAK_EVERY}}}(?=.)", re.DOTALL)


def breakable(html_text: str) -> str:
    """`html_text` with a break opportunity every BREAK_EVERY characters of a long unbroken run."""
    if len(html_text) <= BREAK_AFTER:
        return html_text

    def node(match: re.Match[str]) -> str:
        return (
            ">"
            + _LONG_RUN.sub(lambda run: _CHUNK.sub(lambda c: c.group(0) + "\u200b", run.group(0)), match.group(1))
            + "<"
        )

    return _TEXT_NODE.sub(node, f">{html_text}<")[1:-1]


def to_html(text: str | None) -> Markup:
    """A Markdown field as sanitised block HTML ('' for None)."""
    return Markup(_to_html(text)) if text else Markup("")


_FIRST_P = re.compile(r"\A<p>(.*?)</p>\s*(.*)\Z", re.DOTALL)


def to_html_split(text: str | None) -> tuple[Markup, Markup]:
    """(first paragraph's inline HTML, the remaining blocks): a point's text continues its number."""
    block = str(to_html(text))
    match = _FIRST_P.match(block)
    if match is None:
        return Markup(""), Markup(block)
    return Markup(match.group(1)), Markup(match.group(2).strip())


_IMAGE = re.compile(r"!\[")
_INLINE_LINK = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(\S+)", re.MULTILINE)
_MD_HEADING = re.compile(r"^ {0,3}#{1,3}(?=[ \t]|$)", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def _safe_target(target: str) -> str:
    bare = _CONTROL.sub("", html.unescape(target.strip("<>")))
    scheme = SCHEME.match(bare)
    if scheme is None and ":" in bare.split("/", 1)[0]:
        return "#"  # an obfuscated scheme such as "java\tscript:" or "javascript&colon;"
    if scheme is not None and scheme.group(1).lower() not in URL_SCHEMES:
        return "#"
    return target


def to_markdown(text: str | None) -> str:
    """A Markdown field made inert for report.md, with stable whitespace."""
    if not text:
        return ""
    out = text.replace("\r\n", "\n").replace("<", "&lt;")
    if limit_hit(out):
        out = md_safety.inert(out)
    else:
        out = _IMAGE.sub(r"\\![", out)
        out = _MD_HEADING.sub("####", out)
        out = _INLINE_LINK.sub(lambda m: m.group(1) + _safe_target(m.group(2)), out)
        out = _REFERENCE.sub(lambda m: m.group(1) + _safe_target(m.group(2)), out)
    lines = [line.rstrip() for line in out.strip().split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    if md_safety.bad_links(out):  # a form the patterns above miss, as a CommonMark renderer reads it
        out = md_safety.without_links(out)
    return out


def plain_markdown(text: str | None) -> str:
    """A plain-text field (heading, lead, name) for report.md: no raw HTML, one line."""
    return md_safety.no_link_ends(" ".join((text or "").replace("<", "&lt;").split()))
