"""The examples as .docx (built once per session) and laid out by an independent engine,
LibreOffice headless, into PDFs that verify-layout measures; and the .docx's text read back.

LibreOffice finds fonts through fontconfig. The .docx names the official fonts (仿宋_GB2312 ...),
which a Linux machine lacks; a fontconfig file (in a private XDG_CONFIG_HOME) maps each official
name to the first open substitute the print stylesheet names for its role, at the role's weight
(小标宋: Noto Serif CJK SC Bold), so LibreOffice uses the same fonts as the PDF.
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from genreport.build import build_file
from genreport.docx.styles import FANGSONG, HEI, KAI, SONG, XIAOBIAOSONG
from genreport.fonts.aliases import aliases_xml

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
ALL_EXAMPLES = sorted(p.name.removesuffix(".yaml") for p in EXAMPLES.glob("*.yaml"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ROLE_OF_FONT = {FANGSONG: "fangsong", XIAOBIAOSONG: "xiaobiaosong", HEI: "hei", KAI: "kai", SONG: "song"}

_OUT = Path(tempfile.mkdtemp(prefix="genreport-test-docx-"))
atexit.register(shutil.rmtree, _OUT, ignore_errors=True)


@functools.cache
def example_docx(stem: str) -> Path:
    """examples/<stem>.yaml built as `genreport build -f docx` would (a draft for draft-*), once per session."""
    result = build_file(EXAMPLES / f"{stem}.yaml", _OUT / stem, ["docx"], draft=stem.startswith("draft"))
    assert result.written, [f.message.en for f in result.check.findings]
    return result.written[0]


def fontconfig_aliases() -> str:
    """fontconfig rules: each official font name the .docx uses -> its role's first open substitute
    (the project's own rules, which `make setup` installs: genreport.fonts.aliases)."""
    return aliases_xml()


def libreoffice_pdfs(docx_files: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert every .docx with one soffice run (a fresh profile, the font aliases above)."""
    assert SOFFICE is not None
    config = out_dir / "xdg-config"
    (config / "fontconfig").mkdir(parents=True, exist_ok=True)
    (config / "fontconfig" / "fonts.conf").write_text(fontconfig_aliases(), encoding="utf-8")
    profile = out_dir / "lo-profile"
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    # blank pages LibreOffice inserts (a section that starts on an even page) are printed: kept in the PDF
    pdf = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", pdf,
         "--outdir", str(out_dir), *map(str, docx_files)],
        env=env, capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    pdfs = {d: out_dir / f"{d.stem}.pdf" for d in docx_files}
    missing = [str(d) for d, p in pdfs.items() if not p.is_file()]
    assert not missing, f"LibreOffice made no PDF of {missing}"
    return pdfs


def docx_paragraph_texts(path: Path, headers: list[str] | None = None) -> list[str]:
    """Every paragraph's text in body order (table cells row by row), read back with python-docx.
    `headers` collects each table's repeated header rows (Word repeats them on every page)."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out: list[str] = []

    def walk(parent: object, element: object) -> None:
        for child in element.iterchildren():  # type: ignore[attr-defined]
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append(Paragraph(child, parent).text)  # type: ignore[arg-type]
            elif tag == "tbl":
                for row in Table(child, parent).rows:  # type: ignore[arg-type]
                    if (
                        headers is not None
                        and row._tr.trPr is not None
                        and row._tr.trPr.find(qn("w:tblHeader")) is not None
                    ):
                        headers.append("".join(squash(cell.text) for cell in row.cells))
                    for cell in row.cells:
                        walk(cell, cell._tc)

    walk(document, document.element.body)
    return out


def squash(text: str) -> str:
    """Text without whitespace (line breaks, justification spaces, tabs) for comparison."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path, top_mm: float, bottom_mm: float) -> str:
    """The text between two heights of every page (the body, without headers and footers), in
    content order (pdftotext -raw), whitespace removed."""
    pt = 72 / 25.4
    crop = ["-x", "0", "-y", str(round(top_mm * pt)), "-W", "600", "-H", str(round((bottom_mm - top_mm) * pt))]
    done = subprocess.run(
        ["pdftotext", "-raw", *crop, str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    )
    return squash(done.stdout)
