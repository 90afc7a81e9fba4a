"""The findings panel at the top of the preview page, in the report's language.

One item per finding: severity, line:col, message, hint, the rule code and field path. Where
the draft has the finding's spot, the place and message link to it; where it has none (a YAML
syntax error, a file-wide problem) the offending source line is quoted instead. Every piece of
user text is escaped: a finding quotes the user's file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from genreport.checks.format import source_window, summary_line
from genreport.errors import Finding, Severity

PANEL_ID = "genreport-panel"

_WORDS = {
    "zh": {
        "label": "预览检查结果",
        Severity.ERROR: "错误",
        Severity.WARNING: "警告",
        "hint": "提示",
        "updated": "{time} 更新 · 用时 {ms} 毫秒",
        "stale": "无法生成新的稿件，下方仍是 {time} 的稿件；修正后保存即自动更新。",
        "nothing": "还没有可显示的稿件：修正上述问题后保存，稿件即自动显示。",
        "failed": "无法生成稿件",
        "jump": "跳到稿件中的位置",
        "dismissed": "已忽略的警告（{n} 个，见数据文件中的 genreport: ignore 注释）",
        "dismissed_item": "已忽略",
        "reason": "理由",
    },
    "en": {
        "label": "Preview check results",
        Severity.ERROR: "error",
        Severity.WARNING: "warning",
        "hint": "hint",
        "updated": "updated {time} · {ms} ms",
        "stale": "No new draft could be made; below is the draft from {time}. Save a fix and it updates by itself.",
        "nothing": "Nothing to show yet: fix the problems above and save, and the draft appears by itself.",
        "failed": "Cannot render the draft",
        "jump": "go to its place in the draft",
        "dismissed": "Dismissed warnings ({n}, by genreport: ignore comments in the data file)",
        "dismissed_item": "dismissed",
        "reason": "reason",
    },
}


def words(lang: str) -> dict[str, str]:
    return _WORDS["zh" if lang.startswith("zh") else "en"]


@dataclass(frozen=True)
class PanelState:
    """What the panel shows after one render."""

    lang: str
    version: int
    findings: Sequence[Finding]
    anchors: Sequence[str | None]  # per finding: the id of its spot in the draft, or None
    source_lines: Sequence[str]
    rendered_at: str  # HH:MM:SS
    render_ms: float
    failure: str | None = None  # a problem that stopped the render itself (unreadable file, template error)
    stale_since: str | None = None  # this render failed: time of the older draft still shown, if any
    stale: bool = False
    dismissed: Sequence[Finding] = ()  # warnings the file's `# genreport: ignore[...]` comments dismissed

    @property
    def tone(self) -> str:
        if self.failure or self.stale or any(f.severity is Severity.ERROR for f in self.findings):
            return "errors"
        return "warnings" if self.findings else "clean"

    @property
    def summary(self) -> str:
        if self.failure and not self.findings:
            return words(self.lang)["failed"]
        return summary_line(self.findings, self.lang, len(self.dismissed))


def _source(line: int, source_lines: Sequence[str]) -> Markup:
    """The finding's own line, and nothing more: any local process can fetch this page, so it
    shows no other line of the file (a long line as a window around the place, controls escaped)."""
    if line == len(source_lines) + 1:
        line -= 1  # an error at the end of the file (an unclosed bracket) shows the file's last line
    if not 0 < line <= len(source_lines):
        return Markup("")
    shown, _ = source_window(source_lines[line - 1], 0)
    row = Markup('<span class="gp-lineno">{}</span>{}').format(line, shown)
    return Markup('<pre class="gp-source">{}</pre>').format(row)


def _item(finding: Finding, anchor: str | None, source_lines: Sequence[str], lang: str) -> Markup:
    w = words(lang)
    location = finding.location
    place = f"{location.line}:{location.column or 1}" if location.line else ""
    message = escape(finding.message(lang))
    if anchor:
        href = f"#{anchor}"
        place_html = Markup('<a class="gp-where" href="{}" title="{}">{}</a>').format(href, w["jump"], place)
        message_html = Markup('<a class="gp-msg" href="{}">{}</a>').format(href, message)
    else:
        place_html = Markup('<span class="gp-where">{}</span>').format(place)
        message_html = Markup('<span class="gp-msg">{}</span>').format(message)
    parts = [
        Markup('<span class="gp-sev">{}</span>').format(w[finding.severity]),
        place_html if place else Markup(""),
        Markup('<code class="gp-code">{}</code>').format(finding.code),
        message_html,
    ]
    if finding.field:
        parts.append(Markup('<span class="gp-field">{}</span>').format(finding.field))
    colon = "：" if lang.startswith("zh") else ": "
    parts.append(Markup('<span class="gp-hint">{}{}{}</span>').format(w["hint"], colon, finding.hint(lang)))
    if anchor is None and location.line:
        parts.append(_source(location.line, source_lines))
    return Markup('<li class="gp-item gp-{}">{}</li>').format(finding.severity.value, Markup("").join(parts))


def _dismissed_item(finding: Finding, lang: str) -> Markup:
    """A warning the clerk dismissed: where, what, and the reason they wrote, without the alarm colour."""
    w = words(lang)
    location = finding.location
    colon = "：" if lang.startswith("zh") else ": "
    return Markup(
        '<li class="gp-item gp-dismissed"><span class="gp-sev">{}</span><span class="gp-where">{}</span>'
        '<code class="gp-code">{}</code><span class="gp-msg">{}</span><span class="gp-reason">{}{}{}</span></li>'
    ).format(
        w["dismissed_item"],
        f"{location.line}:{location.column or 1}",
        finding.code,
        finding.message(lang),
        w["reason"],
        colon,
        finding.dismissed or "",
    )


def panel_html(state: PanelState) -> Markup:
    """The <aside> the page starts with (the script replaces it whole after each render)."""
    w = words(state.lang)
    status = w["updated"].format(time=state.rendered_at, ms=f"{state.render_ms:.0f}")
    body: list[Markup] = []
    if state.failure:
        body.append(Markup('<p class="gp-failure">{}</p>').format(state.failure))
    if state.stale:
        note = w["stale"].format(time=state.stale_since) if state.stale_since else w["nothing"]
        body.append(Markup('<p class="gp-stale">{}</p>').format(note))
    if state.findings:
        pairs = zip(state.findings, state.anchors, strict=True)
        items = Markup("").join(_item(f, a, state.source_lines, state.lang) for f, a in pairs)
        body.append(Markup('<ol class="gp-list">{}</ol>').format(items))
    if state.dismissed:
        items = Markup("").join(_dismissed_item(f, state.lang) for f in state.dismissed)
        heading = w["dismissed"].format(n=len(state.dismissed))
        body.append(
            Markup('<details class="gp-dismissed"><summary>{}</summary><ol class="gp-list">{}</ol></details>').format(
                heading, items
            )
        )
    return Markup(
        '<aside id="{id}" class="gp gp-{tone}" data-version="{version}" aria-label="{label}">'
        '<details open><summary><span class="gp-summary">{summary}</span> '
        '<span class="gp-time">{status}</span></summary>'
        "{body}</details>"
        '<a class="gp-badge" href="#{id}">{summary}</a>'
        "</aside>"
    ).format(
        id=PANEL_ID,
        tone=state.tone,
        version=state.version,
        label=w["label"],
        summary=state.summary,
        status=status,
        body=Markup("").join(body),
    )
