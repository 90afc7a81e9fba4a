"""Document -> PDF bytes: the report's HTML laid out by WeasyPrint with the locale's print stylesheet.

zh-CN prints with styles/gbt9704.css (GB/T 9704-2012), en with styles/a4.css. The HTML is the
website's (render/html.py) without its screen stylesheet; the print sheet, the font rules of
fonts.py, the grid offsets gridfit.py works out for the fonts in use, and an optional override
(tests break the layout on purpose with it) come after it, in that order.

Byte-identical rebuilds: WeasyPrint writes no clock time when the metadata carries dates, so
created/modified are the signing date (absent in a draft without one: then no date at all);
font subset prefixes are hashes of the glyphs used, and nothing else varies between runs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from genreport import __version__
from genreport.assets import styles_dir
from genreport.checks import CheckResult
from genreport.errors import Finding, RenderError, Text
from genreport.fonts import FontError, FontSetup, font_configuration, font_setup
from genreport.glyphs import glyph_findings
from genreport.render import cjk_justify, gridfit
from genreport.render.document import Document
from genreport.render.html import render_html

STYLESHEETS = {"zh-CN": "gbt9704.css", "en": "a4.css"}

# Every WeasyPrint option a build uses, in one place (WeasyPrint's own DEFAULT_OPTIONS fill the rest).
RENDER_OPTIONS: dict[str, object] = {
    # Tagged PDF for screen readers (structure tree, /Lang), PDF 1.7. Measured on the Zuoyun zh-CN
    # report against untagged: verify-layout results and pdftotext output identical, 622 KB vs
    # 605 KB (+2.8 %), render time the same within noise (0.69-0.77 s). Nothing broke: kept on.
    "pdf_variant": "pdf/ua-1",
    "full_fonts": False,  # subset every font (HarfBuzz when libharfbuzz-subset is installed)
    "hinting": False,  # hinting is for screens at small sizes; it only makes the PDF bigger
    "optimize_images": False,
    "presentational_hints": False,  # the stylesheets decide the layout, not HTML attributes
}


@dataclass(frozen=True)
class PdfSettings:
    font_dir: Path | None = None  # the user's own font files, used before the system's
    strict_fonts: bool = False  # refuse to build with a substitute for an official font
    extra_css: str = ""  # appended after the print stylesheet (tests: a deliberately broken layout)


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
    """What a PDF build adds to check's findings: a warning per character no font of its role has.

    Raises FontError first when --strict-fonts meets a substitute: nothing is rendered then.
    """
    return glyph_findings(result, fonts_for(doc, settings or PdfSettings()))


def subject(doc: Document) -> str:
    label = doc.kind.label(doc.locale)
    return f"{label}（{doc.report.year}年度）" if doc.locale == "zh-CN" else f"{label}, {doc.report.year}"


@contextmanager
def _weasyprint_log() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings for one render, so they reach the caller instead of stderr."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def render_pdf(doc: Document, settings: PdfSettings | None = None) -> bytes:
    """The PDF of `doc`. Raises RenderError when WeasyPrint fails or the document asks for a refused URL."""
    settings = settings or PdfSettings()
    fonts = fonts_for(doc, settings)
    cjk_justify.install()
    from genreport.render.fetcher import RestrictedFetcher
    from weasyprint import CSS, HTML

    fetcher = RestrictedFetcher([styles_dir()], fonts.font_files)
    font_config = font_configuration(fonts.font_dir)
    base = styles_dir().as_uri() + "/"
    html = render_html(doc, stylesheets=())
    with _weasyprint_log() as log:
        try:
            sheets = [CSS(filename=str(fonts.stylesheet), url_fetcher=fetcher, font_config=font_config)]
            for text in (fonts.css, gridfit.grid_css(fonts), settings.extra_css):
                if text:
                    sheets.append(CSS(string=text, base_url=base, url_fetcher=fetcher, font_config=font_config))
            rendered = HTML(string=html, base_url=base, url_fetcher=fetcher).render(
                stylesheets=sheets, font_config=font_config, **RENDER_OPTIONS
            )
            _set_metadata(rendered.metadata, doc)
            data: bytes = rendered.write_pdf(**RENDER_OPTIONS)
        except Exception as exc:  # WeasyPrint raises anything from its C libraries; name the stage
            raise RenderError(Text(f"PDF 生成失败：{exc}", f"PDF rendering failed: {exc}")) from exc
    if fetcher.refused:
        urls = ", ".join(fetcher.refused)
        raise RenderError(
            Text(f"报告引用了不允许读取的地址：{urls}", f"the report refers to addresses a build never reads: {urls}")
        )
    # An @font-face that cannot load means a user's font file was silently not used. (WeasyPrint's
    # ".notdef glyph rendered" warnings are left out: glyph_findings reports those characters with
    # their place in the data file.)
    font_problems = [m for m in log if m.startswith("Font-face")]
    if font_problems:
        raise RenderError(
            Text("字体加载失败：" + "；".join(font_problems), "fonts failed to load: " + "; ".join(font_problems))
        )
    return data


def _set_metadata(metadata: object, doc: Document) -> None:
    """Title, author (issuer), subject, language and fixed dates: the same input gives the same bytes."""
    signed = doc.report.signed_on.isoformat() if doc.report.signed_on else None
    metadata.title = doc.title  # type: ignore[attr-defined]
    metadata.authors = doc.issuer_names  # type: ignore[attr-defined]
    metadata.description = subject(doc)  # type: ignore[attr-defined]
    metadata.lang = doc.locale  # type: ignore[attr-defined]
    metadata.generator = f"genreport {__version__}"  # type: ignore[attr-defined]
    metadata.created = signed  # type: ignore[attr-defined]
    metadata.modified = signed  # type: ignore[attr-defined]
    metadata.keywords = []  # type: ignore[attr-defined]
