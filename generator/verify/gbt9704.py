"""GB/T 9704-2012's page in numbers: what the layout is built to (pdf/gridfit.py) and checked against (verify/measure.py).

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

# How far a measurement may stray before a check fails, named with the clauses they serve.
SIZE_TOL_PT = 0.3  # §5.2.3, §7.3.1, §7.3.3, §7.4, §7.5: a font size (PDF sizes carry rounding)
CENTRE_TOL_MM = 0.5  # §7.3.1, §7.3.5: a centred line's middle against what it is centred on
FLUSH_TOL_MM = 0.2  # §7.3.2, §7.3.4: a line flush with the left edge of the text block
IMPRINT_TOL_MM = 0.3  # §7.4: 抄送, 印发机关 and 印发日期 one character in from each side
EDGE_TOL_MM = 0.5  # §7.4, §7.5: a rule's width and place, the page-number dash 7 mm below, a line's far end
CELL_TOL = 0.15  # §7.3.5: a signature's place, counted in character cells
LINE_TOL_PT = 1.0  # §7.3.3, §7.3.4, §7.3.5, §7.3.6: an indent in pt, a line on the grid slot below another
RULE_TOL_MM = 0.05  # §7.4: the 版记 rules' thickness (0.35 / 0.25 mm)
