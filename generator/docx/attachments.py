"""The attachments the .docx carries, in order: the one place that decides what they are.

GB/T 9704 §7.3.4 (SPEC): the indicators table is an attachment (附件1), never loose pages after
the signature; the user's attachments follow. When the render Document itself lists attachments
(the reader-pages work), this function becomes a call to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from genreport.render.document import Document


@dataclass(frozen=True)
class DocAttachment:
    title: str
    body: str | None  # Markdown; None for the indicators table
    indicators: bool = False


def attachments(doc: Document) -> list[DocAttachment]:
    out = []
    if doc.report.indicators:
        out.append(DocAttachment(doc.labels.indicators, None, indicators=True))
    out += [DocAttachment(a.title, a.body) for a in doc.report.attachments]
    return out
