"""The WeasyPrint part of a PDF build: a PdfJob in, the PDF's bytes and page count out.

pdf/prepare.py prepares the job without WeasyPrint (font roles, HTML, the font cache, grid
offsets); this module lays it out. It imports nothing heavy of genreport's own (no models, no
templates), so a helper process (pdf/helper.py) can load it and WeasyPrint while the
command is still checking the report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from genreport.errors import GenreportError, RenderError, Text
from genreport.pdf.compose.agreement import Agreement, compare
from genreport.pdf.weasy import cjk_justify, engine, user_agent
from genreport.pdf.weasy.fontconfig import declare_config_create, font_context
from genreport.resources import PRINT_STYLESHEETS, print_stylesheet, styles_dir

if TYPE_CHECKING:  # the helper process loads this module early: it needs no font code of the composer's
    from genreport.pdf.compose.document import Composition
    from genreport.pdf.direct.faces import DirectFonts

LOGGER = logging.getLogger("genreport.pdf")

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


# The C types WeasyPrint 70 names in strings while it lays out and writes a report (recorded by
# tests/test_pdf_helper.py, which fails when a render parses one not listed). cffi parses each
# on first use with pycparser, with WeasyPrint's ~600 typedefs in front of it: ~5 ms apiece,
# ~45 ms of every first render.
FIRST_USE_TYPES = (
    "FcChar8 **", "PangoFcFontMap *", "PangoLogAttr[]", "PangoRectangle *", "char[]", "char[4]",
    "hb_tag_t[100]", "unsigned int *",
)  # fmt: skip


def warm_up() -> None:
    """Load what a first layout would load, so that it costs what every later one does.

    WeasyPrint and its patches, genreport's user-agent sheet, the print stylesheets, the cffi
    types and declarations: a PDF helper does this while the command checks the report, a
    batch worker before its first report.
    """
    engine.load()
    cjk_justify.install()
    user_agent.print_html_class()
    for locale in PRINT_STYLESHEETS:
        engine.stylesheet(print_stylesheet(locale))
    from weasyprint.text.ffi import ffi

    declare_config_create()
    for cdecl in FIRST_USE_TYPES:
        ffi.typeof(cdecl)


@dataclass(frozen=True)
class PdfJob:
    """What WeasyPrint needs to lay one report out, as plain data: it may cross to a helper process.

    pdf/prepare.prepare() makes it without WeasyPrint (font roles, HTML, the font cache, grid
    offsets); lay_out() is the WeasyPrint part, in this process or a helper's.
    """

    html: str
    stylesheet: Path  # the locale's print stylesheet
    font_css: str  # @font-face rules for the cached fonts, and the roles' overrides
    font_rules: str  # fontconfig XML of the isolated configuration
    extra_css: tuple[str, ...]  # gridfit's offsets for the fonts in use; a test's override
    metadata: tuple[tuple[str, object], ...]
    composition: Composition | None = None  # zh-CN: the composer's lines, emitted into `html`
    # zh-CN: each role's cut faces, for the body pages set without WeasyPrint (pdf/direct/); None: WeasyPrint sets all
    direct_faces: DirectFonts | None = None


class InProcessLayout:
    """lay_out() in this process, behind the submit()/result() of pdf/helper.PdfHelper."""

    def submit(self, job: PdfJob) -> None:
        self._job = job

    def result(self) -> tuple[bytes, int]:
        return lay_out(self._job)


def _once(job: PdfJob, render: Callable[[str], Any]) -> tuple[Any, Agreement | None]:
    """render(job.html): one layout. Where the composer's lines were not the ones laid out (its
    model of WeasyPrint missed something), a second layout sets those paragraphs without its
    decisions, as WeasyPrint alone would: a wrong model never pins a line that does not fit."""
    rendered = render(job.html)
    composition = job.composition
    if composition is None:
        return rendered, None
    agreement = compare(composition.lines, (page._page_box for page in rendered.pages))
    if not agreement.differing:
        return rendered, agreement
    LOGGER.debug("composer: %d of %d paragraphs laid out otherwise: %s", len(agreement.differing),
                 agreement.composed, sorted(agreement.differing))  # fmt: skip
    rendered = render(composition.html(undecided=agreement.differing))
    return rendered, Agreement(agreement.composed, agreement.differing, fallback=True)


def _direct(job: PdfJob, render: Callable[..., Any], font_config: Any) -> tuple[Any, Agreement] | None:
    """The body pages placed by pdf/direct/ in front of the pages WeasyPrint lays out for the rest
    (the 附件 and 版记, or an empty document); None when the body has anything it does not set."""
    if job.composition is None or job.direct_faces is None:
        return None
    from genreport.pdf.direct.join import placed_document

    document = placed_document(job.html, job.composition, job.direct_faces, render, font_config)
    if document is None:
        return None
    return document, Agreement(len(job.composition.decisions), frozenset())  # the composer's lines, by construction


def lay_out(job: PdfJob) -> tuple[bytes, int]:
    """WeasyPrint lays `job` out and writes the PDF: (bytes, pages). Raises RenderError."""
    data, pages, _ = lay_out_measured(job)
    return data, pages


def lay_out_measured(job: PdfJob) -> tuple[bytes, int, Agreement | None]:
    """lay_out(), and how far the layout agreed with the composer (bench/ prints it)."""
    weasyprint = engine.load()
    cjk_justify.install()
    from genreport.fonts.cache import cache_dir
    from genreport.pdf.fetcher import RestrictedFetcher

    fetcher = RestrictedFetcher([styles_dir(), cache_dir()])
    base = styles_dir().as_uri() + "/"
    with engine.collect_warnings() as log:
        try:
            font_config, font_sheet = font_context(job.font_css, job.font_rules)
            sheets = [engine.stylesheet(job.stylesheet), font_sheet]
            sheets += [
                weasyprint.CSS(string=text, base_url=base, url_fetcher=fetcher, font_config=font_config)
                for text in job.extra_css
            ]

            def render(html: str, *extra: str) -> Any:
                more = [weasyprint.CSS(string=text, base_url=base, url_fetcher=fetcher) for text in extra]
                return user_agent.print_html_class()(string=html, base_url=base, url_fetcher=fetcher).render(
                    stylesheets=sheets + more, font_config=font_config, **RENDER_OPTIONS
                )

            placed = _direct(job, render, font_config)
            rendered, agreement = placed if placed is not None else _once(job, render)
            for name, value in job.metadata:
                setattr(rendered.metadata, name, value)
            data: bytes = rendered.write_pdf(**{**RENDER_OPTIONS, "custom_metadata": True})  # GenreportSealed
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
    # ".notdef glyph rendered" warnings are left out: build.glyph_findings reports those characters with
    # their place in the data file.)
    engine.raise_font_problems(log)
    return data, len(rendered.pages), agreement
