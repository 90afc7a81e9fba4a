"""GB/T 9704-2012's page in numbers: what the layout is built to (gridfit) and checked against (pdfmeasure).

A module of constants only, so that a PDF build imports none of the measuring code.
"""

MM = 72 / 25.4  # points per millimetre
EM_TOP = 0.88  # ideographic em box top above the baseline, in em
A4 = (210.0, 297.0)
TOP, LEFT, WIDTH, HEIGHT = 37.0, 28.0, 156.0, 225.0  # §5.2.1: the text block (版心), glyph-referenced
LINES, CHARS = 22, 28  # §5.2.2
BODY_PT, TITLE_PT, FOLIO_PT = 16.0, 22.0, 14.0
PITCH = HEIGHT * MM / LINES  # 28.99 pt
CELL = WIDTH * MM / CHARS  # 15.79 pt
