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

import html as html_module
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from genreport import __version__
from genreport.assets import styles_dir
from genreport.checks import CheckResult
from genreport.errors import Finding, GenreportError, RenderError, Text
from genreport.fontengine import font_context
from genreport.fonts import FontError, FontSetup, font_setup
from genreport.glyphs import glyph_findings
from genreport.render import cjk_justify, engine, gridfit, user_agent
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


def printed_chars(doc_html: str, stylesheet: Path) -> frozenset[int]:
    """The characters a PDF of `doc_html` can print: its text, and the stylesheet's `content` strings."""
    from genreport.fontfaces import printed_chars as drawn

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
    settings = settings or PdfSettings()
    fonts = fonts_for(doc, settings)
    weasyprint = engine.load()
    cjk_justify.install()
    from genreport.fontcache import cache_dir
    from genreport.fontfaces import document_fonts
    from genreport.render.fetcher import RestrictedFetcher

    html = render_html(doc, stylesheets=())
    cached = document_fonts(fonts, printed_chars(html, fonts.stylesheet))
    fetcher = RestrictedFetcher([styles_dir(), cache_dir()])
    base = styles_dir().as_uri() + "/"
    with engine.collect_warnings() as log, engine.gc_paused():
        try:
            font_config, font_sheet = font_context(cached.css, cached.rules)
            sheets = [engine.stylesheet(fonts.stylesheet), font_sheet]
            for text in (gridfit.grid_css(fonts), settings.extra_css):
                if text:
                    sheets.append(
                        weasyprint.CSS(string=text, base_url=base, url_fetcher=fetcher, font_config=font_config)
                    )
            rendered = user_agent.print_html_class()(string=html, base_url=base, url_fetcher=fetcher).render(
                stylesheets=sheets, font_config=font_config, **RENDER_OPTIONS
            )
            _set_metadata(rendered.metadata, doc)
            data: bytes = rendered.write_pdf(**RENDER_OPTIONS)
        except GenreportError:
            raise
        except Exception as exc:  # WeasyPrint raises anything from its C libraries; name the stage
            raise RenderError(Text(f"PDF 生成失败：{exc}", f"PDF rendering failed: {exc}")) from exc
    if fetcher.refused:
        urls = ", ".join(fetcher.refused)
        raise RenderError(
            Text(f"报告引用了不允许读取的地址：{urls}", f"the report refers to addresses a build never reads: {urls}")
        )
    # An @font-face that cannot load means a cached font was silently not used. (WeasyPrint's
    # ".notdef glyph rendered" warnings are left out: glyph_findings reports those characters with
    # their place in the data file.)
    engine.raise_font_problems(log)
    return data, len(rendered.pages)


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
