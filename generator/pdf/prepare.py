"""Document -> PDF bytes: the report's HTML laid out by WeasyPrint with the locale's print stylesheet.

zh-CN prints with styles/gbt9704.css (GB/T 9704-2012), en with styles/a4.css. The HTML is the
website's (render/html.py) without its screen stylesheet; the print sheet, the font rules of
fonts/roles.py, the grid offsets gridfit.py works out for the fonts in use, and an optional override
(tests break the layout on purpose with it) come after it, in that order.

prepare() is the stage's one entry for a build: it resolves the fonts once and returns them with
the job (pdf/layout.py lays it out, here or in a helper process), the characters they lack
(pdf/glyphs.py, pdf/fallback.py: plain data) and the note about substitute fonts. build.py makes
the findings from the characters; nothing of the check comes in here.

Byte-identical rebuilds: WeasyPrint writes no clock time when the metadata carries dates, so
created/modified are the signing date (absent in a draft without one: then no date at all);
font subset prefixes are hashes of the glyphs used, and nothing else varies between runs.
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass
from pathlib import Path

from genreport import __version__
from genreport.errors import Text
from genreport.fonts.roles import FontError, FontSetup, font_setup
from genreport.pdf import cjk_breaks, gridfit
from genreport.pdf.compose.document import compose_document
from genreport.pdf.fallback import fallback_glyphs
from genreport.pdf.glyphs import Coverage, missing_glyphs, printed_texts, role_of
from genreport.pdf.layout import RENDER_OPTIONS, InProcessLayout, PdfJob, lay_out
from genreport.pdf.settings import PdfSettings  # a light module: a build without a PDF imports only it
from genreport.render.document import Document
from genreport.render.html import render_html
from genreport.resources import per_file_version, print_stylesheet, read_stylesheet

__all__ = [
    "RENDER_OPTIONS",
    "InProcessLayout",
    "PdfJob",
    "PdfSettings",
    "lay_out",
]  # re-exported: the WeasyPrint part (layout.py) and the settings (settings.py)


@dataclass(frozen=True)
class Prepared:
    """prepare()'s value: the job to lay out, and what the build reports beside the PDF."""

    job: PdfJob
    fonts: FontSetup  # the roles resolved once per build
    coverage: Coverage  # the characters the fonts lack, by field: build turns them into findings
    font_note: Text | None  # from `fonts`: the line a build prints about substitute fonts (fonts/notes.py)


def fonts_for(doc: Document, settings: PdfSettings) -> FontSetup:
    """The locale's font roles resolved with the user's folder; FontError when strict and substituted."""
    fonts = font_setup(print_stylesheet(doc.locale), settings.font_dir)
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


def coverage(doc: Document, fonts: FontSetup) -> Coverage:
    """The characters of the report's texts that the fonts of their roles lack (pdf/glyphs.py, pdf/fallback.py)."""
    texts = [(path, text, role_of(path, fonts)) for path, text in printed_texts(doc.report)]
    return Coverage(tuple(missing_glyphs(texts)), tuple(fallback_glyphs(texts)))


def subject(doc: Document) -> str:
    label = doc.kind.label(doc.report.locale)
    return f"{label}（{doc.report.year}年度）" if doc.locale == "zh-CN" else f"{label}, {doc.report.year}"


def printed_chars(doc_html: str, stylesheet: Path) -> frozenset[int]:
    """The characters a PDF of `doc_html` can print: its text, and the stylesheet's `content` strings."""
    from genreport.fonts.faces import printed_chars as drawn

    return drawn(html_module.unescape(doc_html), *_content_strings(stylesheet))


@per_file_version(maxsize=8)
def _content_strings(path: Path) -> tuple[str, ...]:
    return tuple(m.group(2) for m in re.finditer(r"content:[^;}]*?([\"'])(.*?)\1", read_stylesheet(path)))


def render_pdf(doc: Document, settings: PdfSettings | None = None) -> bytes:
    """The PDF of `doc`. Raises RenderError when WeasyPrint fails or the document asks for a refused URL."""
    return render_pdf_pages(doc, settings)[0]


def render_pdf_pages(doc: Document, settings: PdfSettings | None = None) -> tuple[bytes, int]:
    """The PDF of `doc` and its number of pages; see render_pdf."""
    return lay_out(prepare(doc, settings).job)


def prepare(doc: Document, settings: PdfSettings | None = None) -> Prepared:
    """Everything before WeasyPrint: the job, the fonts it resolved and the characters they lack.

    The fonts are resolved here once per build. Raises FontError (--strict-fonts) and
    GenreportError (font cache).
    """
    settings = settings or PdfSettings()
    fonts = fonts_for(doc, settings)
    from genreport.fonts.faces import document_fonts
    from genreport.fonts.notes import chart_family, substitute_note

    html = render_html(doc, stylesheets=(), chart_family=chart_family(fonts))
    composition = None
    if doc.locale == "zh-CN":
        html = cjk_breaks.add_breaks(html)  # break before “ and after ” as CLREQ allows
        faces = {key: role.faces for key in ("fangsong", "hei", "kai") if (role := fonts.role(key)) and role.faces}
        composition = compose_document(html, faces)  # every body line decided here, by position
        html = composition.html()
    cached = document_fonts(fonts, printed_chars(html, fonts.stylesheet))
    extra = tuple(text for text in (gridfit.grid_css(fonts), settings.extra_css) if text)
    direct = None
    if (
        composition is not None and settings.place_body and not settings.extra_css
    ):  # a test's override is WeasyPrint's to apply
        from genreport.pdf.direct.faces import role_faces

        direct = role_faces(fonts, cached)
    job = PdfJob(html, fonts.stylesheet, cached.css, cached.rules, extra, _metadata(doc), composition, direct)
    return Prepared(job, fonts, coverage(doc, fonts), substitute_note(fonts))


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
