"""The preview page: build's report.html, plus the findings panel and a small live-update script.

The draft is split into the pieces a re-render can change (title, language, body class, the
inlined stylesheet, the body) so that the page's script swaps them in place of a reload, and the
reader keeps their scroll position. The page is a developer's tool, not an output: it is the one
place with a script (SPEC: the HTML outputs have none), and the script may run only under its
nonce (Content-Security-Policy, set by the server).
"""

from __future__ import annotations

import html as html_text
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

REPORT_ID = "genreport-report"
FRAGMENT_PATH = "/_preview/fragment"
EVENTS_PATH = "/_preview/events"
_STATIC = Path(__file__).parent / "static"

_HTML_ATTRS = re.compile(r"<html([^>]*)>", re.IGNORECASE)
_HEAD = re.compile(r"<head>(.*?)</head>", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"<body([^>]*)>(.*)</body>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_STYLE = re.compile(r"<style>\n?(.*?)\n?</style>", re.IGNORECASE | re.DOTALL)
_ATTR = r'\b{}="([^"]*)"'


@dataclass(frozen=True)
class Draft:
    """One rendered draft, in the pieces the page shows and the script swaps."""

    head: str  # the inside of <head> as build wrote it
    title: str  # plain text, for document.title
    lang: str
    body_class: str
    style: str  # the inlined stylesheet (web.css), refreshed when a style changes
    body: str  # the inside of <body>


def _attr(attrs: str, name: str) -> str:
    found = re.search(_ATTR.format(name), attrs)
    return html_text.unescape(found.group(1)) if found else ""


def split_draft(page: str) -> Draft:
    """Build's report.html in pieces (our templates' output: one <head>, one <body>, one <style>)."""
    html_attrs = _HTML_ATTRS.search(page)
    head = _HEAD.search(page)
    body = _BODY.search(page)
    head_html = head.group(1) if head else ""
    title = _TITLE.search(head_html)
    style = _STYLE.search(head_html)
    return Draft(
        head=head_html.strip(),
        title=html_text.unescape(title.group(1)) if title else "",
        lang=_attr(html_attrs.group(1), "lang") if html_attrs else "",
        body_class=_attr(body.group(1), "class") if body else "",
        style=style.group(1) if style else "",
        body=(body.group(2) if body else page).strip("\n"),
    )


def placeholder_draft(lang: str) -> Draft:
    """What the page shows under the panel before the file has ever rendered."""
    title = "genreport 预览" if lang.startswith("zh") else "genreport preview"
    meta = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    return Draft(
        head=f"{meta}<title>{title}</title>",
        title=title,
        lang=lang,
        body_class="report draft",
        style="",
        body="",
    )


@cache
def _static(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def full_page(draft: Draft, draft_version: int, panel: Markup, nonce: str) -> str:
    """The whole page for GET /: the draft as build wrote it, the panel first in <body>, the script last."""
    script_config = json.dumps({"fragment": FRAGMENT_PATH, "events": EVENTS_PATH})
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(draft.lang)}" class="genreport-preview">\n'
        f'<head>{draft.head}\n<style id="genreport-preview-style">\n{_static("preview.css")}</style></head>\n'
        f'<body class="{escape(draft.body_class)}">\n'
        f"{panel}\n"
        f'<div id="{REPORT_ID}" data-version="{draft_version}">\n{draft.body}\n</div>\n'
        f'<script nonce="{nonce}" data-config="{escape(script_config)}">\n{_static("live.js")}</script>\n'
        "</body></html>\n"
    )


def fragment(draft: Draft, draft_version: int, panel: Markup, version: int) -> bytes:
    """GET /_preview/fragment: what the script swaps in after a re-render."""
    return json.dumps(
        {
            "version": version,
            "draftVersion": draft_version,
            "title": draft.title,
            "lang": draft.lang,
            "bodyClass": draft.body_class,
            "style": draft.style,
            "body": draft.body,
            "panel": str(panel),
        },
        ensure_ascii=False,
    ).encode("utf-8")
