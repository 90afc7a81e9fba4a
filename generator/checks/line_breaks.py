"""A run of text with nowhere to break a line: a word of thousands of letters, a pasted hash or
data: URI, a line of underscores standing for a blank.

A line can break at a space and beside any Chinese character; a run without either must fit on
one line or be cut by force. LibreOffice cannot open a .docx holding a 1,000,000-character word
(it gave up after 180 s), and the PDF's line breaking slows with the run's length. No real
report has a word of more than a long web address (~150 characters): past MAX_UNBROKEN, the run
is an error, so a final build never carries it (a draft still shows where it is).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.checks.registry import Context, Problem, rule
from genreport.data.texts import report_texts
from genreport.errors import Severity, Text

MAX_UNBROKEN = 200
# Break opportunities: white space, and CJK (ideographs, kana, hangul, their punctuation, full-width forms).
_BREAKABLE = "\\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_RUN = re.compile(f"[^{_BREAKABLE}]{{{MAX_UNBROKEN + 1},}}")


@rule("unbroken-run", Severity.ERROR)
def unbroken_run(ctx: Context) -> Iterator[Problem]:
    for path, text in report_texts(ctx.report):
        match = _RUN.search(text)
        if match:
            length = match.end() - match.start()
            yield Problem(
                path,
                Text(
                    f"一串 {length} 个字符中间没有空格或汉字，无法换行（上限 {MAX_UNBROKEN}）",
                    f"a run of {length} characters with no space or Chinese character to break a line at (the limit is {MAX_UNBROKEN})",
                ),
                Text(
                    "在适当位置加空格，或删去这串字符（常见于误粘贴的网址、编码或一长串下划线）",
                    "add spaces where it reads naturally, or delete the run (a pasted address, code or row of underscores)",
                ),
                needle=match.group(0)[:40],
            )
