"""The zh-CN body pages set without a browser engine: the composer's lines placed on the GB/T 9704 grid.

Once the composer (pdf/compose/) has decided every line, the body of a zh-CN report is
arithmetic: 22 lines of 28 cells, headings and the title on grid lines, the signature block,
the 附注 and the page numbers where the standard puts them. This package places them
(blocks.py reads the print HTML, pages.py breaks it into pages, glyphs.py measures and
shapes) and writer.py draws those pages into the PDF that WeasyPrint writes, beside the pages
WeasyPrint lays out itself (the 附件 with their tables and chart, the 版记): one document, one
outline, one page-number sequence, one structure tree.

A report with anything the placing does not know (a table or list in the body, emphasis, a
letterhead, a draft) is laid out by WeasyPrint as a whole: plan() returns None and says why.
"""
