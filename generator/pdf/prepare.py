"""Document -> PDF bytes: the report's HTML laid out by WeasyPrint with the locale's print stylesheet.

zh-CN prints with styles/gbt9704.css (GB/T 9704-2012), en with styles/a4.css. The HTML is the
website's (render/html.py) without its screen stylesheet; the print sheet, the font rules of
fonts/roles.py, the grid offsets gridfit.py works out for the fonts in use, and an optional override
(tests break the layout on purpose with it) come after it, in that order.

Byte-identical rebuilds: WeasyPrint writes no clock time when the metadata carries dates, so
created/modified are the signing date (absent in a draft without one: then no date at all);
font subset prefixes are hashes of the glyphs used, and nothing else varies between runs.
"""

from __future__ import annotations

import html as html_module
import re
from functools import lru_cache
from pathlib import Path

from genreport import __version__
from genreport.checks import CheckResult
from genreport.errors import Finding, Text
from genreport.fonts.roles import FontError, FontSetup, font_setup
from genreport.pdf import cjk_breaks, gridfit
from genreport.pdf.compose.document import compose_document
from genreport.pdf.glyphs import glyph_findings
from genreport.pdf.layout import RENDER_OPTIONS, STYLESHEETS, InProcessLayout, PdfJob, lay_out
from genreport.pdf.settings import PdfSettings  # a light module: a build without a PDF imports only it
from genreport.render.document import Document
from genreport.render.html import render_html
from genreport.resources import styles_dir

__all__ = [
    "RENDER_OPTIONS",
    "STYLESHEETS",
    "InProcessLayout",
    "PdfJob",
    "PdfSettings",
    "lay_out",
]  # re-exported: the WeasyPrint part (layout.py) and the settings (settings.py)


def stylesheet_path(locale: str) -> Path:
    return styles_dir() / STYLESHEETS[locale]


def fonts_for(doc: Document, settings: PdfSettings) -> FontSetup:
    """The locale's font roles resolved with the user's folder; FontError when strict and substituted."""
    fonts = font_setup(stylesheet_path(doc.locale), settings.font_dir)
    if settings.strict_fonts and fonts.substitutes:
        zh = "、".join(f"{r.role.label('zh')}→{r.family or '无'}" for r in fonts.substitutes)
        en = ", ".join(f"{r.role.label('en')} -> {r.family or 'none'}" for r in fonts.substitutes)
        raise FontError(
            Text(
                f"--strict-fonts：以下字体是替代字体：{zh}。用 --font-dir 指定正式字体文件所在目录（genreport fonts 查看详情）",
                f"--strict-fonts: these roles use substitute fonts: {en}. Point --font-dir at the official font files"
                " (see genreport fonts)",
            )
        )
    return fonts


def pdf_findings(result: CheckResult, doc: Document, settings: PdfSettings | None = None) -> list[Finding]:
    """What a PDF build adds to check's findings: a warning per character no font of its role has,
    and one per field and fallback font for the characters a later font of the role draws.

    Raises FontError first when --strict-fonts meets a substitute: nothing is rendered then.
    """
    from genreport.pdf.fallback import fallback_findings

    fonts = fonts_for(doc, settings or PdfSettings())
    return glyph_findings(result, fonts) + fallback_findings(result, fonts)


def pdf_font_note(doc: Document, settings: PdfSettings | None = None) -> Text | None:
    """The line a build prints about the roles that use substitute fonts (fonts/notes.py), or None."""
    from genreport.fonts.notes import substitute_note

    return substitute_note(fonts_for(doc, settings or PdfSettings()))


def subject(doc: Document) -> str:
    label = doc.kind.label(doc.report.locale)
    return f"{label}（{doc.report.year}年度）" if doc.locale == "zh-CN" else f"{label}, {doc.report.year}"


def printed_chars(doc_html: str, stylesheet: Path) -> frozenset[int]:
    """The characters a PDF of `doc_html` can print: its text, and the stylesheet's `content` strings."""
    from genreport.fonts.faces import printed_chars as drawn

    return drawn(html_module.unescape(doc_html), *_content_strings(stylesheet))


@lru_cache(maxsize=8)
def _content_strings_of(path: Path, mtime_ns: int) -> tuple[str, ...]:
    text = path.read_text(encoding="utf-8")
    return tuple(m.group(2) for m in re.finditer(r"content:[^;}]*?([\"'])(.*?)\1", text))


def _content_strings(path: Path) -> tuple[str, ...]:
    return _content_strings_of(path, path.stat().st_mtime_ns)


def render_pdf(doc: Document, settings: PdfSettings | None = None) -> bytes:
    """The PDF of `doc`. Raises RenderError when WeasyPrint fails or the document asks for a refused URL."""
    return render_pdf_pages(doc, settings)[0]


def render_pdf_pages(doc: Document, settings: PdfSettings | None = None) -> tuple[bytes, int]:
    """The PDF of `doc` and its number of pages; see render_pdf."""
    return lay_out(prepare(doc, settings))


def prepare(doc: Document, settings: PdfSettings | None = None) -> PdfJob:
    """Everything before WeasyPrint. Raises FontError (--strict-fonts) and GenreportError (font cache)."""
    settings = settings or PdfSettings()
    fonts = fonts_for(doc, settings)
    from genreport.fonts.faces import document_fonts
    from genreport.fonts.notes import chart_family

    html = render_html(doc, stylesheets=(), chart_family=chart_family(fonts))
    composition = None
    if doc.locale == "zh-CN":
        html = cjk_breaks.add_breaks(html)  # break before “ and after ” as CLREQ allows
        faces = {key: role.faces for key in ("fangsong", "hei", "kai") if (role := fonts.role(key)) and role.faces}
        composition = compose_document(html, faces)  # every body line decided here, by position
        html = composition.html()
    cached = document_fonts(fonts, printed_chars(html, fonts.stylesheet))
    extra = tuple(text for text in (gridfit.grid_css(fonts), settings.extra_css) if text)
    return PdfJob(html, fonts.stylesheet, cached.css, cached.rules, extra, _metadata(doc), composition)


def _metadata(doc: Document) -> tuple[tuple[str, object], ...]:
    """Title, author (issuer), subject, language and fixed dates: the same input gives the same bytes."""
    signed = doc.report.signed_on.isoformat() if doc.report.signed_on else None
    return (
        ("title", doc.title),
        ("authors", doc.issuer_names),
        ("description", subject(doc)),
        ("lang", doc.locale),
        ("generator", f"genreport {__version__}"),
        ("created", signed),
        ("modified", signed),
        ("keywords", []),
        # read back by verify-layout, which then judges the signature by the data's sealed/unsealed
        # rule (§7.3.5) instead of guessing it from where the signature sits
        ("custom", {"GenreportSealed": "true" if doc.report.sealed else "false"}),
    )
