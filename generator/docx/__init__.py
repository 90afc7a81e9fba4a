"""Word output (`build -f docx`): the report as a .docx in the GB/T 9704 layout, for the review
round (tracked changes, comments) and the OA system, written with python-docx from the same render
Document that the HTML and PDF come from (no HTML -> docx conversion).

    write.py        render_docx: assembles the package from the modules below
    page.py         A4, the text block, the 22 x 28 document grid, odd/even footers
    styles.py       named styles with the official font names, the font table (w:altName)
    body.py         the document's elements in order, signature per §7.3.5, the 版记
    markdown.py     Markdown fields -> runs, lists, tables (after nh3, as the HTML)
    numbering.py    Word lists for Markdown lists
    package.py      properties, byte-identical zip
    xml.py          WordprocessingML elements, runs, fields; text made XML-safe
"""

from __future__ import annotations

from genreport.docx.write import render_docx

__all__ = ["render_docx"]
