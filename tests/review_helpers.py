"""A reviewer's hand on a .docx, made with lxml the way Word writes it: tracked insertions and
deletions (w:ins / w:del), a moved paragraph (w:moveFrom / w:moveTo with their paragraph marks),
a formatting change (w:rPrChange), and comments (批注) through python-docx's comments part.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

DATE = "2024-01-10T09:30:00Z"


def _el(tag: str, **attrs: str) -> etree._Element:
    element = etree.Element(qn(tag))
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


class Reviewer:
    """Opens a .docx, lets a test change it as a reviewer would, saves it."""

    def __init__(self, path: Path) -> None:
        self.document = docx.Document(str(path))
        self.body = self.document.element.body
        self.next_id = 900

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def paragraph(self, contains: str) -> etree._Element:
        for p in self.body.iter(qn("w:p")):
            if contains in Paragraph(p, self.document).text:
                return p
        raise AssertionError(f"no paragraph holds {contains!r}")

    def _split(self, paragraph: etree._Element, old: str) -> tuple[etree._Element, etree._Element, etree._Element]:
        """The run holding `old` cut in three: before, `old`, after (each keeping the run's properties)."""
        for r in paragraph.iter(qn("w:r")):
            t = r.find(qn("w:t"))
            if t is not None and t.text and old in t.text:
                before, after = t.text.split(old, 1)
                runs = []
                for piece in (before, old, after):
                    new = copy.deepcopy(r)
                    text = new.find(qn("w:t"))
                    text.text = piece
                    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    runs.append(new)
                parent = r.getparent()
                index = parent.index(r)
                parent.remove(r)
                for offset, new in enumerate(runs):
                    parent.insert(index + offset, new)
                return runs[0], runs[1], runs[2]
        raise AssertionError(f"no run holds {old!r}")

    def replace(self, contains: str, old: str, new: str, author: str = "王科长") -> None:
        """A tracked replacement: `old` deleted, `new` inserted in its place."""
        paragraph = self.paragraph(contains)
        _, middle, _ = self._split(paragraph, old)
        deleted = _el("w:del", id=self._id(), author=author, date=DATE)
        middle.addprevious(deleted)
        deleted.append(middle)
        middle.find(qn("w:t")).tag = qn("w:delText")
        inserted = _el("w:ins", id=self._id(), author=author, date=DATE)
        run = copy.deepcopy(middle)
        run.find(qn("w:delText")).tag = qn("w:t")
        run.find(qn("w:t")).text = new
        inserted.append(run)
        deleted.addnext(inserted)

    def insert(self, contains: str, after: str, new: str, author: str = "王科长") -> None:
        paragraph = self.paragraph(contains)
        _, middle, _ = self._split(paragraph, after)
        inserted = _el("w:ins", id=self._id(), author=author, date=DATE)
        run = copy.deepcopy(middle)
        run.find(qn("w:t")).text = new
        inserted.append(run)
        middle.addnext(inserted)

    def delete(self, contains: str, old: str, author: str = "李主任") -> None:
        paragraph = self.paragraph(contains)
        _, middle, _ = self._split(paragraph, old)
        deleted = _el("w:del", id=self._id(), author=author, date=DATE)
        middle.addprevious(deleted)
        deleted.append(middle)
        middle.find(qn("w:t")).tag = qn("w:delText")

    def move_before(self, moved: str, target: str, author: str = "李主任") -> None:
        """The paragraph holding `moved` cut and pasted before the one holding `target`, tracked as a move."""
        source = self.paragraph(moved)
        copy_ = copy.deepcopy(source)
        name = f"move{self._id()}"
        for paragraph, wrapper, start, end in (
            (source, "w:moveFrom", "w:moveFromRangeStart", "w:moveFromRangeEnd"),
            (copy_, "w:moveTo", "w:moveToRangeStart", "w:moveToRangeEnd"),
        ):
            mark_id = self._id()
            content = [c for c in paragraph if c.tag != qn("w:pPr")]
            wrap = _el(wrapper, id=self._id(), author=author, date=DATE)
            for child in content:
                wrap.append(child)
            paragraph.append(_el(start, id=mark_id, author=author, date=DATE, name=name))
            paragraph.append(wrap)
            paragraph.append(_el(end, id=mark_id))
            props = paragraph.find(qn("w:pPr"))
            if props is None:
                props = _el("w:pPr")
                paragraph.insert(0, props)
            mark = props.find(qn("w:rPr"))
            if mark is None:
                mark = _el("w:rPr")
                props.append(mark)
            mark.append(_el(wrapper, id=self._id(), author=author, date=DATE))
        self.paragraph(target).addprevious(copy_)

    def _mark(self, paragraph: etree._Element, tag: str, author: str) -> None:
        props = paragraph.find(qn("w:pPr"))
        if props is None:
            props = _el("w:pPr")
            paragraph.insert(0, props)
        mark = props.find(qn("w:rPr"))
        if mark is None:
            mark = _el("w:rPr")
            props.append(mark)
        mark.append(_el(tag, id=self._id(), author=author, date=DATE))

    def delete_paragraph(self, contains: str, author: str = "李主任") -> None:
        """A whole paragraph deleted with tracking: its runs in w:del, its paragraph mark deleted too."""
        paragraph = self.paragraph(contains)
        deleted = _el("w:del", id=self._id(), author=author, date=DATE)
        for run in [c for c in paragraph if c.tag == qn("w:r")]:
            for text in run.iter(qn("w:t")):
                text.tag = qn("w:delText")
            deleted.append(run)
        paragraph.append(deleted)
        self._mark(paragraph, "w:del", author)

    def join_with_next(self, contains: str, author: str = "李主任") -> None:
        """The mark ending the paragraph holding `contains` deleted with tracking: two paragraphs become one."""
        self._mark(self.paragraph(contains), "w:del", author)

    def insert_paragraph_after(self, contains: str, text: str, author: str = "王科长") -> None:
        """A new paragraph typed with tracking after the one holding `contains` (same style)."""
        paragraph = self.paragraph(contains)
        new = copy.deepcopy(paragraph)
        for child in [c for c in new if c.tag != qn("w:pPr")]:
            new.remove(child)
        inserted = _el("w:ins", id=self._id(), author=author, date=DATE)
        run = etree.SubElement(inserted, qn("w:r"))
        etree.SubElement(run, qn("w:t")).text = text
        new.append(inserted)
        self._mark(new, "w:ins", author)
        paragraph.addnext(new)

    def bold(self, contains: str, words: str, author: str = "王科长") -> None:
        """A tracked formatting change: `words` made bold (w:rPrChange records the old properties)."""
        paragraph = self.paragraph(contains)
        _, middle, _ = self._split(paragraph, words)
        props = middle.find(qn("w:rPr"))
        if props is None:
            props = _el("w:rPr")
            middle.insert(0, props)
        old = copy.deepcopy(props)
        props.append(_el("w:b"))
        change = _el("w:rPrChange", id=self._id(), author=author, date=DATE)
        change.append(old)
        props.append(change)

    def comment(self, contains: str, words: str, text: str, author: str = "王科长") -> None:
        """A comment (批注) anchored to `words` of the paragraph holding `contains`."""
        paragraph = self.paragraph(contains)
        _, middle, _ = self._split(paragraph, words)
        comment = self.document.add_comment(
            Run(middle, Paragraph(paragraph, self.document)), text=text, author=author, initials=""
        )
        comment._comment_elm.set(qn("w:date"), DATE)

    def save(self, path: Path) -> Path:
        buffer = io.BytesIO()
        self.document.save(buffer)
        path.write_bytes(buffer.getvalue())
        return path


_ACCEPT_ALL = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AcceptAll(source As String, target As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  frame = doc.getCurrentController().getFrame()
  helper.executeDispatch(frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;Text (encoded)&quot;
  store(1).Name = &quot;FilterOptions&quot;
  store(1).Value = &quot;UTF8,LF&quot;
  doc.storeToURL(ConvertToURL(target), store())
  doc.close(True)
End Sub
</script:module>
"""


def _soffice() -> str:
    import shutil

    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice (soffice) is not installed: make setup-test"
    return found


def libreoffice_profile(folder: Path) -> Path:
    """A fresh LibreOffice profile holding one Basic macro: accept all tracked changes, save as text."""
    import subprocess

    profile = folder / "lo-profile"
    subprocess.run([_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"],
                   capture_output=True, timeout=120, check=False)  # fmt: skip
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.parent.is_dir(), "LibreOffice made no profile"
    module.write_text(_ACCEPT_ALL, encoding="utf-8")
    return profile


def libreoffice_accepted_text(profile: Path, source: Path, target: Path) -> str:
    """The text LibreOffice shows once every tracked change is accepted (Edit > Track Changes > Accept All)."""
    import subprocess

    macro = f'macro:///Standard.Module1.AcceptAll("{source}","{target}")'
    subprocess.run([_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", macro],
                   capture_output=True, timeout=180, check=False)  # fmt: skip
    assert target.is_file(), "LibreOffice wrote no text"
    return target.read_text(encoding="utf-8-sig")


def libreoffice_resave(profile: Path, source: Path, out_dir: Path) -> Path:
    """The .docx opened and saved again by LibreOffice (its own WordprocessingML, revisions and comments kept)."""
    import subprocess

    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(source)],
                   capture_output=True, timeout=180, check=True)  # fmt: skip
    target = out_dir / source.name
    assert target.is_file(), "LibreOffice saved no .docx"
    return target
