"""One render of the preview: the data file -> the draft build would write + the findings panel.

A render never raises. The draft comes from build.render_draft_html (the same pipeline as
`build --draft`); when it cannot be made (a YAML syntax error mid-edit, a file that does not
validate, an unreadable file, a broken template) the panel says why and the last good draft
stays on the page under it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from genreport.build import render_draft_html
from genreport.checks import CheckResult
from genreport.data.limits import no_symlinks
from genreport.errors import GenreportError, Text
from genreport.preview import guard
from genreport.preview.links import absent_parts, anchors, element_ids
from genreport.preview.page import Draft, placeholder_draft, split_draft
from genreport.preview.panel import PanelState, panel_html

LOGGER = logging.getLogger("genreport.preview")


@dataclass(frozen=True)
class Snapshot:
    """The page's state after one render: the draft shown (perhaps an older one) and the panel."""

    version: int  # bumps on every render
    draft: Draft
    draft_version: int  # the render that made `draft` (older than `version` when this one failed)
    panel: Markup
    state: PanelState


class Renderer:
    """Renders one data file again and again, keeping the last good draft."""

    def __init__(self, path: Path, previous: Path | None = None, lang: str = "zh-CN") -> None:
        self.path = guard.resolved(path)  # resolved once: a link swapped in later is refused, not followed
        self.previous = guard.resolved(previous) if previous else None
        self.lang = lang  # the report's locale as last seen: messages keep it while the file is broken
        self._version = 0
        self._good: tuple[Draft, int, str] | None = None  # draft, its version, its time

    def render(self) -> Snapshot:
        started = time.perf_counter()
        self._version += 1
        html, result, failure = self._draft_html()
        if result is not None and result.loaded.data is not None:
            self.lang = result.locale
        findings = result.findings if result else []
        ids: set[str] = set()
        stale_since = None
        if html is not None:
            draft = split_draft(html)
            self._good = (draft, self._version, time.strftime("%H:%M:%S"))
            ids = element_ids(draft.body)
        elif self._good is not None:
            stale_since = self._good[2]
        draft, draft_version, _ = self._good or (placeholder_draft(self.lang), 0, "")
        links = anchors(findings, ids, absent_parts(result.report, result.kind) if result else ())
        state = PanelState(
            lang=self.lang,
            version=self._version,
            findings=findings,
            anchors=links,
            source_lines=result.loaded.lines if result else [],
            rendered_at=time.strftime("%H:%M:%S"),
            render_ms=(time.perf_counter() - started) * 1000,
            failure=failure,
            stale=html is None,
            stale_since=stale_since,
            dismissed=result.dismissed if result else (),
        )
        return Snapshot(self._version, draft, draft_version, panel_html(state), state)

    def _draft_html(self) -> tuple[str | None, CheckResult | None, str | None]:
        """(html, check, failure): html None when no draft could be made, failure when nothing could run."""
        try:
            guard.still_the_file(self.path, self.previous)
            with no_symlinks():
                html, result = render_draft_html(self.path, self.previous)
            return html, result, None
        except GenreportError as error:
            return None, None, error.message(self.lang)
        except Exception as exc:
            # The writer is mid-edit and this page is their view of the report: a bug in a rule or a
            # template must show up here, in the panel, not end the server. Logged for the bug report.
            LOGGER.exception("preview render of %s failed", self.path)
            text = Text("内部错误（请报告）", "internal error (please report it)")
            return None, None, f"{text(self.lang)}: {type(exc).__name__}: {exc}"
