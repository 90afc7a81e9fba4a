"""Issue 25 item 3: one broken input per verify-layout check id, and no id left unbroken.

Each case is a small change to a real document: a rule appended to the print stylesheet
(PdfSettings.extra_css, so the real sheet is never edited), a line of the data file, or the PDF's
bytes. verify-layout must give the case's id the status the case names, FAIL unless the check can
say nothing else (an id that only reports an element missing, n/a, or unmeasurable, not verified).
A check switched off (always ok) or a tolerance widened past the case fails its row, and
test_no_check_id_goes_unbroken fails when an id has no row (black's tests/data/cases, WeasyPrint's
one-rule layout tests).

The documents: `joint` (sealed joint signature, an attachment with table and chart, a 版记 after a
blank page; four body pages, rendered in about half a second), `zuoyun` (unsealed, a 附注),
`letterhead` (zuoyun with a 版头), `en` (the English report against a4.css). Rendering them takes about a second each: the module is in the slow lane.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from pdf_helpers import EXAMPLES
from render_helpers import document

from genreport.pdf.prepare import PdfSettings, render_pdf
from genreport.verify.layout import verify
from genreport.verify.results import CHECK_IDS, FAIL, NA, NOT_VERIFIED, Status

# The documents: (example, a data edit (text to replace, replacement) or None, a draft build).
SOURCES = {
    "joint": ("joint-2023.zh-CN.yaml", None, False),
    "joint-draft": ("joint-2023.zh-CN.yaml", None, True),
    "zuoyun": ("zuoyun-2023.zh-CN.yaml", None, False),
    "en": ("zuoyun-2023.en.yaml", None, False),
    "letterhead": ("zuoyun-2023.zh-CN.yaml", ("document_number: 左政发〔2024〕2号\n", "document_number: 左政发〔2024〕2号\nletterhead:\n  signers: [王某某]\n"), False),
    "number-with-di": ("joint-2023.zh-CN.yaml", ("云冈发〔2024〕5号", "云冈发〔2024〕第5号"), False),
}  # fmt: skip


def _unsubset(pdf: bytes) -> bytes:
    """Every font's subset prefix (ABCDEF+) taken off: the PDF then claims whole fonts."""
    return _edit_font_names(pdf, lambda old: re.sub(r"^/[A-Z]{6}\+", "/", old))


def _renamed(pattern: str, name: str) -> Callable[[bytes], bytes]:
    """A PDF edit: every font whose name matches `pattern` renamed `name` (subset prefix kept), as
    if another tool had set that text in another font. The product's own @font-face rules let no
    stylesheet reach a font outside its roles, so this is the only way to show one to the checks."""

    def edit(pdf: bytes) -> bytes:
        return _edit_font_names(
            pdf, lambda old: re.sub(r"^(/(?:[A-Z]{6}\+)?).*$", rf"\g<1>{name}", old) if re.search(pattern, old) else old
        )

    return edit


def _edit_font_names(pdf: bytes, rename: Callable[[str], str]) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])]
            descriptors = [d["/FontDescriptor"].get_object() for d in [font, *descendants] if "/FontDescriptor" in d]
            for holder, key in [
                (font, "/BaseFont"),
                *[(d, "/BaseFont") for d in descendants],
                *[(d, "/FontName") for d in descriptors],
            ]:
                old = str(holder.get(key, ""))
                if old and rename(old) != old:
                    holder[NameObject(key)] = NameObject(rename(old))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass(frozen=True)
class Case:
    source: str
    css: str = ""
    status: Status = FAIL
    edit: Callable[[bytes], bytes] | None = None  # a change to the PDF's bytes after the build


HIDE_DATE = ".sign-date { visibility: hidden; } .sign-date::after { visibility: visible; content: '2024年02月23日'; }"
# One row per check id at least (name, id, the break, the status the id must then report); the
# rows named "… by 1 mm" sit between a tolerance and the next wider one, so widening it fails them.
CASES: list[tuple[str, str, Case]] = [
    # §5: page and grid
    ("page-size", "page-size", Case("joint", "@page { size: 211mm 297mm; }")),
    ("left-margin", "left-margin", Case("joint", "@page { margin-left: 35mm; }")),
    ("top-margin", "top-margin", Case("joint", "@page { margin-top: 45mm; }")),
    ("text-width", "text-width", Case("joint", "@page { margin-right: 20mm; }")),
    ("lines-per-page", "lines-per-page", Case("joint", "@page { margin-bottom: 60mm; }")),
    ("chars-per-line", "chars-per-line", Case("joint", "body { letter-spacing: 0; }")),
    ("char-pitch", "char-pitch", Case("joint", "body { letter-spacing: 0; }")),
    ("line-pitch", "line-pitch", Case("joint", "body, .part-heading, .subsection-heading { line-height: 30pt; }")),
    ("lines-on-grid", "lines-on-grid", Case("joint", ".part-heading { margin-top: 6pt; }")),
    ("justified", "justified", Case("joint", "body { text-align: left; }")),
    ("hanzi-pitch", "hanzi-pitch", Case("joint", ".point { letter-spacing: 4pt; }")),
    ("line-start-punctuation", "line-start-punctuation", Case("zuoyun", ".annotation::before { content: '。'; }")),
    ("body-size", "body-size", Case("joint", "body { font-size: 15pt; }")),
    ("body-colour", "body-colour", Case("joint", "body { color: #555; }")),
    ("body-font", "body-font", Case("joint", "body, .point, .part-intro p, .preamble p { font-family: var(--font-kai); }")),
    ("first-page-body", "first-page-body", Case("joint", ".recipient { break-after: page; }")),
    ("grid", "grid", Case("joint", "body { display: none; }", NOT_VERIFIED)),
    ("stranded-heading", "stranded-heading", Case("joint", "#part-measures-4 > .subsection-heading { break-after: page; }")),
    # fonts
    ("fonts-embedded", "fonts-embedded", Case("joint", edit=_unsubset)),
    ("cjk-punctuation-font", "cjk-punctuation-font", Case("joint", edit=_renamed("Fandol-?Fang", "DejaVu-Serif"))),
    ("role-fonts-installed", "role-fonts-installed", Case("joint", ":root { --fangsong-official: 'Noto Serif CJK SC'; }")),
    ("chart-font", "chart-font", Case("joint", edit=_renamed("Noto-Sans-CJK", "FandolFang-Regular"))),
    ("heading-1-font", "heading-1-font", Case("joint", ".part-heading { font-weight: bold; }")),
    ("heading-2-font", "heading-2-font", Case("joint", ".subsection-heading { font-family: var(--font-fangsong); }")),
    ("heading-3-font", "heading-3-font", Case("joint", ".point .num::before { content: '1.'; } .point { font-family: var(--font-hei); }")),
    # §7.2: 版头
    ("letterhead", "letterhead", Case("zuoyun", status=NA)),
    ("letterhead-mark", "letterhead-mark", Case("letterhead", ".issuer-mark { margin-left: 20mm; }")),
    ("letterhead-number", "letterhead-number", Case("letterhead", ".doc-number .signers { display: none; }")),
    ("letterhead-rule", "letterhead-rule", Case("letterhead", ".red-rule { width: 120mm; }")),
    ("document-number", "document-number", Case("number-with-di")),
    # §7.3: title, recipient, attachments, signature
    ("title-size", "title-size", Case("joint", ".doc-title { font-size: 20pt; }")),
    ("title-font", "title-font", Case("joint", ".doc-title { font-family: var(--font-hei); }")),
    ("title-lines", "title-lines", Case("joint", ".title-line { display: inline; } .doc-title { padding-right: 60mm; }")),
    ("recipient", "recipient", Case("joint", ".recipient { margin-left: 10mm; }")),
    ("recipient in by 1 mm", "recipient", Case("joint", ".recipient { margin-left: 1mm; }")),
    ("title off centre by 1 mm", "title-size", Case("joint", ".doc-title { padding-left: 2mm; }")),
    ("attachment label indented", "attachment-label", Case("joint", ".attachment-label { text-indent: 31.56pt; }")),
    ("attachment label in by 1 mm", "attachment-label", Case("joint", ".attachment-label { margin-left: 1mm; }")),
    ("sealed issuer off centre by 1 mm", "signature-sealed", Case("joint", ".signer { padding-right: 2mm; }")),
    ("attachments-note", "attachments-note", Case("joint", ".attachments-note { margin-left: 0; padding-left: 0; text-indent: 0; }")),
    ("attachments-listed", "attachments-listed", Case("joint", ".attachments-note { display: none; }")),
    ("attachment-label", "attachment-label", Case("joint", ".attachment-label { font-family: var(--font-fangsong); }")),
    ("signature", "signature", Case("joint", ".sign-date { display: none; }", NOT_VERIFIED)),
    ("signature-issuer", "signature-issuer", Case("joint", ".signer { display: none; }")),
    ("signature-sealed", "signature-sealed", Case("joint", ".signature.sealed { margin-right: 31.56pt; }")),
    ("signature-unsealed", "signature-unsealed", Case("zuoyun", ".signature { margin-right: 0; padding-right: 0; }")),
    ("signature-page", "signature-page", Case("joint", ".signature { break-before: page; }")),
    ("date-form", "date-form", Case("joint", HIDE_DATE)),
    ("annotation", "annotation", Case("joint", ".annotation { text-indent: 0; }")),
    # §7.4, §7.5: 版记, page numbers, the draft mark
    ("imprint-foot", "imprint-foot", Case("joint", ".imprint { display: none; }", NA)),
    # joint's chart now takes a page of its own, so its 版记 already falls even without the blank
    # page: put it on a right-hand (odd) page instead
    ("imprint-even-page", "imprint-even-page", Case("joint", ".imprint { break-before: right; }")),
    ("outside-text-block", "outside-text-block", Case("zuoyun", ".preamble p { margin-left: -20mm; }")),
    ("a4-outside-text-block", "a4-outside-text-block", Case("en", ".preamble p { margin-left: -30mm; }")),
    ("imprint-rules", "imprint-rules", Case("joint", ".imprint .copies-to { border-top-width: 0.25mm; }")),
    ("imprint-copies", "imprint-copies", Case("joint", ".imprint .copies-to { padding-left: 0; text-indent: 0; }")),
    ("imprint-printer", "imprint-printer", Case("joint", ".imprint .printed { padding-left: 0; padding-right: 0; }")),
    ("page-numbers", "page-numbers", Case("joint", "@page imprint { @bottom-left { content: counter(page); } }")),
    ("page numbers centred", "page-numbers", Case("joint", '@page { @bottom-center { content: "— " counter(page) " —"; font-family: var(--font-song); font-size: 14pt;'
     " vertical-align: top; padding-top: 6.3mm; } } @page :right { @bottom-right { content: none; } } @page :left { @bottom-left { content: none; } }")),
    ("page number dash 3 mm below", "page-numbers", Case("joint", "@page :right { @bottom-right { padding-top: 2mm; } } @page :left { @bottom-left { padding-top: 2mm; } }")),
    ("draft-mark", "draft-mark", Case("joint-draft", "@page :left { @top-right { content: none; } } @page :right { @top-left { content: '征求意见稿'; } }")),
    # the English report, against a4.css
    ("layout-kind", "layout-kind", Case("en", status=NA)),
    ("en-margins", "en-margins", Case("en", "@page { margin-left: 35mm; }")),
    ("en-page-numbers", "en-page-numbers", Case("en", "@page { @bottom-center { content: none; } }")),
    ("en-fonts", "en-fonts", Case("en", edit=_renamed("Noto-Serif", "Comic-Neue"))),
]  # fmt: skip


def _document(name: str, tmp: Path):
    example, change, draft = SOURCES[name]
    path = EXAMPLES / example
    if change is not None:
        text = path.read_text(encoding="utf-8")
        assert change[0] in text, change[0]
        path = tmp / f"{name}.{example.split('.', 1)[1]}"
        path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    return document(path, draft=draft)


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """The Documents by name, made when a case first asks for one."""
    tmp = tmp_path_factory.mktemp("sources")
    made: dict[str, object] = {}

    def get(name: str):
        if name not in made:
            made[name] = _document(name, tmp)
        return made[name]

    return get


def _statuses(case: Case, documents, path: Path) -> dict[str, list[Status]]:
    pdf = render_pdf(documents(case.source), PdfSettings(extra_css=case.css))
    path.write_bytes(case.edit(pdf) if case.edit else pdf)
    found: dict[str, list[Status]] = {}
    for result in verify(path).results:
        found.setdefault(result.id, []).append(result.status)
    return found


@pytest.mark.parametrize(("check_id", "case"), [(i, c) for _, i, c in CASES], ids=[n for n, _, _ in CASES])
def test_each_check_id_catches_its_broken_input(check_id, case, documents, tmp_path):
    found = _statuses(case, documents, tmp_path / "broken.pdf")
    assert case.status in found.get(check_id, []), f"{check_id}: {found.get(check_id)} (want {case.status})"


@pytest.mark.parametrize("source", ["joint", "joint-draft", "zuoyun", "letterhead", "en"])
def test_the_unbroken_documents_pass_what_the_cases_break(source, documents, tmp_path):
    """The other half of each row: on the document as built, its ids are ok (or n/a where the
    document lacks the element), so a case's FAIL comes from its break."""
    found = _statuses(Case(source), documents, tmp_path / "clean.pdf")
    ids = {i for _, i, case in CASES if case.source == source and case.status == FAIL}
    assert {i: s for i, s in found.items() if i in ids and FAIL in s} == {}
    # measured, unless the check only speaks when something is wrong (no issuer above the date)
    # or the document lacks the element (no 1. or （1） line)
    assert {i for i in ids if i not in found} <= {"heading-3-font", "signature-issuer"}


def test_no_check_id_goes_unbroken():
    """Every id verify-layout can give is broken on purpose by a row above."""
    broken = {i for _, i, _ in CASES}
    assert sorted(set(CHECK_IDS.values()) - broken) == []
    assert sorted(broken - set(CHECK_IDS.values())) == []
