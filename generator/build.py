"""`build`: check a data file, render each requested format, write the outputs atomically.

The pipeline: check_file -> (refuse on errors unless draft) -> Document -> every writer renders
to bytes in memory -> only then the set is written through atomic.write_files (temp files in the same folder,
fsync, rename). The PDF's preparation (pdf/prepare.py) returns, beside the job it lays out, the fonts
it resolved, the characters they lack and the note on substitute fonts; this module turns the
characters into findings (missing-glyph, fallback-glyph): nothing of the check goes into pdf/. A failure anywhere before the writes leaves earlier outputs untouched; a temp file
is removed when its own write fails. A writer is `Callable[[Document], bytes]`: a new format
is one more entry in WRITERS (pdf also takes PdfSettings: the user's fonts, --strict-fonts).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from genreport.atomic import write_files
from genreport.checks import CheckResult, check_file
from genreport.errors import Finding, GenreportError, Severity, Text
from genreport.render.document import Document

if TYPE_CHECKING:
    from genreport.pdf.glyphs import Coverage, Gap
    from genreport.pdf.layout import PdfJob
    from genreport.pdf.settings import PdfSettings

Writer = Callable[[Document], bytes]


class PdfLayout(Protocol):
    """Lays a PdfJob out: pdf.layout.InProcessLayout, or pdf.helper.PdfHelper's process."""

    def submit(self, job: PdfJob) -> None: ...

    def result(self) -> tuple[bytes, int]: ...


def _html(doc: Document) -> bytes:
    from genreport.render.html import render_html

    return render_html(doc).encode("utf-8")


def _markdown(doc: Document) -> bytes:
    from genreport.render.md import render_markdown

    return render_markdown(doc).encode("utf-8")


def _pdf(doc: Document, settings: PdfSettings | None = None) -> bytes:
    from genreport.pdf.prepare import render_pdf  # WeasyPrint loads only when a PDF is asked for

    return render_pdf(doc, settings)


def _docx(doc: Document) -> bytes:
    from genreport.docx import render_docx

    return render_docx(doc)


WRITERS: dict[str, Writer] = {"html": _html, "md": _markdown, "pdf": _pdf, "docx": _docx}
DEFAULT_FORMATS = ("html", "md", "pdf")  # docx on request (-f docx): see README, "Word output"
DATA_SUFFIXES = (".yaml", ".yml")


def data_stem(source: Path) -> str:
    """What a data file's outputs and their default folder are named after: zuoyun-2023.zh-CN.yaml ->
    zuoyun-2023.zh-CN. Leading and trailing dots go (`...yaml` names no folder `..`); nothing left: report."""
    name = source.name
    for suffix in DATA_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.strip(". ") or "report"


def output_name(source: Path, locale: str, fmt: str) -> str:
    """zuoyun-2023.zh-CN.yaml -> zuoyun-2023.zh-CN.pdf; moushi-2024.yaml -> moushi-2024.zh-CN.pdf.

    Files named after their report can be sent on as they are; the locale tells the zh-CN and en
    versions of one report apart, and is not repeated when the data file's name already ends in it.
    """
    stem = data_stem(source)
    if not stem.endswith(f".{locale}"):
        stem = f"{stem}.{locale}"
    return f"{stem}.{fmt}"


def default_out_dir(source: Path) -> Path:
    """build/<data file name without .yaml>: one folder per report, for one build or a batch's root."""
    return Path("build") / data_stem(source)


def default_formats() -> list[str]:
    """The formats a plain `build` writes: the publishable set; docx is asked for (-f docx)."""
    return list(DEFAULT_FORMATS)


@dataclass
class BuildResult:
    check: CheckResult
    written: list[Path] = field(default_factory=list)
    pages: int | None = None  # the PDF's, when one was built
    font_note: Text | None = None  # the PDF's roles that use substitute fonts, and how to give the official ones

    @property
    def refused(self) -> bool:
        return not self.written


def unknown_formats(formats: Sequence[str]) -> list[str]:
    return [f for f in formats if f not in WRITERS]


def build_file(
    path: Path,
    out_dir: Path,
    formats: Sequence[str] | None = None,
    *,
    draft: bool = False,
    previous: Path | None = None,
    pdf: PdfSettings | None = None,
    layout: PdfLayout | None = None,
    review: bool = False,
) -> BuildResult:
    """Check `path`; unless refused, write `out_dir/<output_name>` for each format (zuoyun-2023.zh-CN.pdf).

    `layout` lays the PDF out (default: in this process); the CLI passes a helper process
    (pdf/helper.py) that does it while the other formats render here.

    `review` adds every finding to the .docx as a Word comment (docx/review.py); the review copy is
    built despite errors, marked as a draft, since its errors are what the reviewers are to see.

    Refused (nothing written, `written` empty) when the file has errors and this is not a draft,
    or when even a draft cannot be made (the file does not validate against the model).
    Raises GenreportError for an unknown format, a failed render or a failed write.
    """
    formats = list(formats) if formats else default_formats()
    unknown = unknown_formats(formats)
    if unknown:
        raise GenreportError(f"unknown format {', '.join(unknown)}; available: {', '.join(WRITERS)}")
    result = check_file(path, previous)
    draft = draft or (review and bool(result.errors))
    if result.report is None or result.kind is None or (result.errors and not draft):
        return BuildResult(result)
    doc = Document(result.report, result.kind, draft=draft)
    rendered: dict[str, bytes] = {}
    pages = None
    font_note = None
    if "pdf" in formats:
        from genreport.pdf.prepare import InProcessLayout, prepare

        layout = layout or InProcessLayout()
        prepared = prepare(doc, pdf)  # FontError first, under --strict-fonts with a substitute
        layout.submit(prepared.job)
        result.findings += glyph_findings(result, prepared.coverage)  # while a helper lays out
        font_note = prepared.font_note  # made from the one FontSetup of this build
    for fmt in dict.fromkeys(formats):
        if fmt != "pdf":
            rendered[fmt] = WRITERS[fmt](doc)
    if review and "docx" in rendered:
        from genreport.docx.review import add_review_comments

        rendered["docx"] = add_review_comments(rendered["docx"], doc, result.findings)
    if "pdf" in formats:
        rendered["pdf"], pages = layout.result()  # type: ignore[union-attr]
    outputs = {out_dir / output_name(path, doc.locale, fmt): rendered[fmt] for fmt in dict.fromkeys(formats)}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GenreportError(
            Text(f"无法创建输出目录 {out_dir}：{exc.strerror}", f"cannot create {out_dir}: {exc.strerror}")
        ) from None
    written = write_files(outputs, source=path)  # the set at once; never the data file, never outside out_dir
    return BuildResult(result, written, pages, font_note)


def glyph_findings(result: CheckResult, coverage: Coverage) -> list[Finding]:
    """A PDF build's warnings about its fonts, each at its place in the data file: one per field and
    character no font of its role has (missing-glyph), then one per field and fallback font that
    draws some of its characters in another style (fallback-glyph)."""
    missing = [_missing_glyph(result, gap, char) for gap in coverage.missing for char in gap.chars]
    return missing + [_fallback_glyph(result, gap) for gap in coverage.fallback]


def _missing_glyph(result: CheckResult, gap: Gap, char: str) -> Finding:
    name = unicodedata.name(char, "")
    return Finding(
        Severity.WARNING,
        "missing-glyph",
        Text(
            f"字符“{char}”（U+{ord(char):04X} {name}）在{gap.role.label('zh')}的字体（{'、'.join(gap.fonts) or '（未找到任何字体）'}）中都没有："
            "PDF 中会换用别的字体或显示为方框",
            f"character “{char}” (U+{ord(char):04X} {name}) is in none of the {gap.role.label('en')} fonts"
            f" ({', '.join(gap.fonts) or '(no font found)'}): the PDF would draw it in another font or as a box",
        ),
        Text(
            "换用规范字，或用 --font-dir 提供含该字的字体文件",
            "use a standard character, or give a font file that has it with --font-dir",
        ),
        result.loaded.locate_text(gap.path, char),
        gap.path,
    )


def _fallback_glyph(result: CheckResult, gap: Gap) -> Finding:
    chars, primary, fallback = gap.chars, gap.family or "", gap.drawn_by
    quoted = "".join(f"“{c}”" for c in chars)
    codes = ", ".join(f"U+{ord(c):04X}" for c in chars)
    many = len(chars) > 1
    plural = "s" if many else ""
    return Finding(
        Severity.WARNING,
        "fallback-glyph",
        Text(
            f"字符{quoted}（{codes}）不在{gap.role.label('zh')}的字体 {primary} 中，PDF 中改用 {fallback} 排印："
            "字形风格与前后文字不同（行距不变）",
            f"character{plural} {quoted} ({codes}) {'are' if many else 'is'} not in the {gap.role.label('en')}"
            f" font {primary}: the PDF draws {'them' if many else 'it'} in {fallback}, in a different style from the"
            " text around (on the same grid)",
        ),
        Text(
            "如有含这些字的正式字体，用 --font-dir 指定其所在文件夹；否则请核对这些字",
            "give an official font that has them with --font-dir, or check the characters",
        ),
        result.loaded.locate_text(gap.path, chars[0]),
        gap.path,
    )


def render_draft_html(path: Path, previous: Path | None = None) -> tuple[str | None, CheckResult]:
    """The report.html `build --draft` would write for `path`, in memory, and the check it ran.

    The HTML is None when not even a draft can be made (the file does not load or validate);
    the findings then say why. Raises GenreportError as build_file does (unreadable file,
    failed render). `genreport preview` calls this on every save.
    """
    from genreport.render.html import render_html

    result = check_file(path, previous)
    if result.report is None or result.kind is None:
        return None, result
    return render_html(Document(result.report, result.kind, draft=True)), result
