"""What every reader hands the recogniser: the document as a list of positioned blocks.

A block is one paragraph, heading or table of the source, in reading order, with where it was
(paragraph N of a .docx or a web page, line N of a text file) so that every note in the import
report can point back at it. Readers add the few hints their format carries (a web page's
`point-lead` span, a Word heading style); the recogniser works on the text and uses hints only
to confirm.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from genreport.errors import Text

# Bytes read from any input file; a published annual report is 50-500 KB as .docx or .html.
MAX_INPUT_BYTES = 20 * 1024 * 1024
# Columns of a table read from text: a line with more tabs than this is text (a run of 320,000
# tabs would otherwise be a row of 320,000 cells, each normalised on its own).
MAX_COLUMNS = 100


@dataclass(frozen=True)
class Where:
    """A position in the source: ("paragraph", 12) or ("line", 40)."""

    unit: str
    number: int
    label: Text | None = None  # a place a clerk finds in Word: "一、（二）“深入推进”下第3段" (read_docx sets it)

    def text(self) -> Text:
        if self.label is not None:
            return self.label
        if self.unit == "line":
            return Text(f"第{self.number}行", f"line {self.number}")
        return Text(f"第{self.number}段", f"paragraph {self.number}")


@dataclass
class Block:
    text: str
    where: Where
    rows: list[list[str]] | None = None  # a table: its rows of cell texts
    align: list[str | None] | None = None  # a table: each column's alignment ("right", "center"), when the source says
    lead: str | None = None  # a point's lead, when the source marks it (genreport's own HTML)
    style: str = ""  # a hint: "title", "heading", a class name
    gap: bool = True  # False: a text line that follows the one before with no blank line between
    hidden: int = 0  # characters of hidden text the reader left out (Word's hidden runs, display:none)


@dataclass(frozen=True)
class Note:
    """One line of the import report: what happened to which part of the source."""

    category: str  # recognised | guessed | left-out | normalised | missing
    message: Text
    where: Where | None = None


@dataclass
class Notes:
    items: list[Note] = field(default_factory=list)

    def add(self, category: str, zh: str, en: str, where: Where | None = None) -> None:
        self.items.append(Note(category, Text(zh, en), where))

    def of(self, category: str) -> list[Note]:
        return [note for note in self.items if note.category == category]
