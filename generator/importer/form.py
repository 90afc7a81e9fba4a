"""A filled-in form of `init -f docx` read back by its own styles: no guess.

Each paragraph's style says what it is (docx/form.py FORM_STYLES): a part heading (its bookmark, or
its place among the part headings, names the part), a subheading, a point (its bold opening words
are the lead), text, the preamble, an attachment's title; notes are the form's own instructions
and are left out. The two captioned tables are the title-block fields and the indicators. Tracked
changes are resolved first, as for any Word file.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from typing import Any

from lxml import etree

from genreport.data.kinds import KindSpec
from genreport.importer.blocks import Notes, Where
from genreport.importer.meta import parse_date
from genreport.importer.recognise import Imported
from genreport.importer.revisions import resolve

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FORM_MARK = "genreport-form:1"
META = {
    "发文机关": "issuer", "Issuing body": "issuer", "报告年度": "year", "Year reported on": "year",
    "主送机关": "recipient", "Recipient": "recipient",
    "发文字号": "document_number", "Document number": "document_number",
    "成文日期": "signed_on", "Date signed": "signed_on", "标题": "title", "Title": "title",
}  # fmt: skip


def _text(element: etree._Element) -> str:
    out = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br"):
        out.append(node.text or "" if node.tag == f"{W}t" else (" " if node.tag == f"{W}tab" else "\n"))
    return "".join(out).strip()


def _style(paragraph: etree._Element, ids: dict[str, str]) -> str:
    node = paragraph.find(f"{W}pPr/{W}pStyle")
    found = node.get(f"{W}val") or "" if node is not None else ""
    return ids.get(found, found)


def _form_ids(styles: etree._Element | None) -> dict[str, str]:
    """Style id -> the form's id, by the style's name: LibreOffice renames the ids (Style8), keeps the names."""
    from genreport.docx.form import FORM_STYLES

    names = {name: style_id for style_id, (zh, en, *_) in FORM_STYLES.items() for name in (zh, en)}
    out: dict[str, str] = {}
    for style in styles.iter(f"{W}style") if styles is not None else ():
        name = style.find(f"{W}name")
        if name is not None and name.get(f"{W}val") in names:
            out[style.get(f"{W}styleId") or ""] = names[name.get(f"{W}val") or ""]
    return out


def _caption(table: etree._Element, rows: list[list[str]]) -> str:
    """The form's table: by its caption, or (LibreOffice drops captions) by the form's own first cells."""
    node = table.find(f"{W}tblPr/{W}tblCaption")
    if node is not None and node.get(f"{W}val"):
        return node.get(f"{W}val") or ""
    first = rows[0][0] if rows and rows[0] else ""
    if any(first.startswith(label) for label in META if META[label] == "issuer"):
        return "genreport:meta"
    if first.startswith(("标识", "Key")) and len(rows[0]) == 5:
        return "genreport:indicators"
    return ""


def _bold(run: etree._Element) -> bool:
    node = run.find(f"{W}rPr/{W}b")
    return node is not None and node.get(f"{W}val") not in ("0", "false")


def form_data(raw: bytes) -> str | None:
    """The form's carried fields (JSON, from its hidden last paragraph) when `raw` is a genreport form, else None."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    if FORM_MARK.encode() not in xml:
        return None
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        return None
    for paragraph in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        if text.startswith(FORM_MARK):
            return text[len(FORM_MARK) :].strip()
    return None


def _number(text: str) -> Any:
    text = text.strip().replace(",", "")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text or None


def read_form(raw: bytes, hidden: str, kind: KindSpec) -> Imported:
    import docx

    try:
        carried = json.loads(hidden) if hidden else {}
    except ValueError:
        carried = {}
    carried = carried if isinstance(carried, dict) else {}
    document = docx.Document(io.BytesIO(raw))
    body = document.element.body
    resolve(body, {}, "accept")
    ids = _form_ids(document.styles.element)
    locale = str(carried.get("locale") or "zh-CN")
    zh = locale == "zh-CN"
    notes = Notes()
    data: dict[str, Any] = {"kind": kind.name, "locale": locale}
    preamble: list[str] = []
    sections: dict[str, dict[str, Any]] = {}
    attachments: list[dict[str, Any]] = []
    keys = [spec.key for spec in kind.sections]
    current: dict[str, Any] | None = None  # the part or subsection being filled
    part: dict[str, Any] | None = None
    parts_seen = 0
    indicators: list[dict[str, Any]] = []
    count = 0
    for element in body.iterchildren():
        count += 1
        where = Where("paragraph", count)
        if element.tag == f"{W}tbl":
            rows = [[_text(cell) for cell in row.iter(f"{W}tc")] for row in element.iter(f"{W}tr")]
            caption = _caption(element, rows)
            if caption == "genreport:meta":
                for label, value, *_ in (row + ["", ""] for row in rows):
                    field = next((META[k] for k in META if label.startswith(k)), None)
                    if field and value:
                        data[field] = value
                notes.add("recognised", "表单：标题栏各项", "form: the title-block fields", where)
            elif caption == "genreport:indicators":
                for row in rows[1:]:
                    key, label, unit, previous, value = (row + [""] * 5)[:5]
                    if not label and not value:
                        continue
                    if (
                        not key
                    ):  # a row the clerk added: a key by its place (the data file wants one; rename it at will)
                        key = f"indicator_{len(indicators) + 1}"
                        zh_note = f"新增指标“{label}”的标识定为 {key}（可改为有意义的英文标识）"
                        en_note = f"new indicator “{label}”: key set to {key} (rename it to something meaningful)"
                        notes.add("normalised", zh_note, en_note, where)
                    item: dict[str, Any] = {"key": key}
                    item["label"] = label or ("【待填】指标名称" if zh else "TODO: indicator")
                    item["value"] = _number(value) if value else ("【待填】" if zh else "TODO")
                    item["previous"] = _number(previous) if previous else None
                    if unit:
                        item["unit"] = unit
                    indicators.append(item)
                notes.add(
                    "recognised", f"表单：主要指标 {len(indicators)} 项", f"form: {len(indicators)} indicators", where
                )
            continue
        if element.tag != f"{W}p":
            continue
        style, text = _style(element, ids), _text(element)
        if style == "GRFormPart":
            bookmark = element.find(f"{W}bookmarkStart")
            name_ = (bookmark.get(f"{W}name") or "") if bookmark is not None else ""
            part_key = name_[len("gr_part_") :] if name_.startswith("gr_part_") and name_[8:] in keys else None
            if part_key is None and parts_seen < len(keys):
                part_key = keys[parts_seen]
            parts_seen += 1
            if part_key is None:
                continue
            part = current = sections.setdefault(part_key, {})
            spec = kind.section(part_key)
            default = spec.heading(locale) if spec else ""  # type: ignore[arg-type]
            heading = re.sub(r"^\s*([一二三四五六七八九十]+、|\d+\.\s*)", "", text)
            if heading and heading != default:
                part["heading"] = heading
            notes.add("recognised", f"表单：部分“{heading}”", f"form: part “{heading}”", where)
            continue
        if not text or style in ("GRFormNote", "GRFormTitle"):
            continue
        if style == "GRFormPreamble" or (part is None and style == "GRFormText"):
            preamble.append(text)
        elif style == "GRFormAttachment":
            attachments.append({"title": text, "body": ""})
            current = None
        elif style == "GRFormSub" and part is not None:
            current = {"heading": re.sub(r"^\s*（[一二三四五六七八九十]+）", "", text)}
            part.setdefault("subsections", []).append(current)
        elif style == "GRFormPoint" and current is not None:
            runs = [r for r in element.iter(f"{W}r") if r.find(f"{W}t") is not None]
            lead = ""
            for run in runs:
                if not _bold(run):
                    break
                lead += _text(run)
            rest = text[len(lead) :].strip() if lead and text.startswith(lead) else text
            point = {"lead": lead.strip(), "text": rest} if lead.strip() and rest else {"text": text}
            current.setdefault("points", []).append(point)
        elif attachments and part is None or (attachments and current is None):
            attachments[-1]["body"] = "\n\n".join(filter(None, [attachments[-1]["body"], text]))
        elif current is not None:
            if text in ("无", "None.", "none", "None") and current is part and not current.get("subsections"):
                current["none"] = True
            else:
                current["intro"] = "\n\n".join(filter(None, [current.get("intro"), text]))
        else:
            notes.add(
                "left-out",
                f"表单之外的段落未采用：“{text[:30]}”",
                f"a paragraph outside the form's places left out: “{text[:30]}”",
                where,
            )
    data.update(_fields(data, carried))
    if preamble:
        data["preamble"] = "\n\n".join(preamble)
    data["sections"] = {key: sections[key] for key in keys if key in sections and (set(sections[key]) - {"heading"})}
    if attachments:
        data["attachments"] = attachments
    if indicators:
        data["indicators"] = indicators
    missing = [spec.key for spec in kind.sections if spec.required and spec.key not in data["sections"]]
    notes.add("recognised", "genreport 填写表：按样式读取，0 处推测", "a genreport form, read by its styles: 0 guesses")
    return Imported(data, notes, missing)


def _fields(data: dict[str, Any], carried: dict[str, Any]) -> dict[str, Any]:
    """The title-block fields typed in the form, over the ones the form carried hidden."""
    out: dict[str, Any] = {}
    for key in ("sealed", "public_release", "disclosure", "distribution", "letterhead"):
        if key in carried:
            out[key] = carried[key]
    names = [n.strip() for n in re.split(r"[、;；]", str(data.get("issuer") or "")) if n.strip()]
    extra: dict[str, Any] = carried["issuer_extra"] if isinstance(carried.get("issuer_extra"), dict) else {}
    issuers = [{"name": name, **(extra if len(names) == 1 else {})} for name in names] or [
        {"name": "【待填】发文机关全称"}
    ]
    out["issuer"] = issuers[0] if len(issuers) == 1 else issuers
    try:
        out["year"] = int(str(data.get("year") or "").strip())
    except ValueError:
        out["year"] = str(data.get("year") or "")
    if data.get("recipient"):
        recipients = [r.strip() for r in re.split(r"[、;；]", str(data["recipient"])) if r.strip()]
        out["recipient"] = recipients[0] if len(recipients) == 1 else recipients
    if data.get("document_number"):
        out["document_number"] = str(data["document_number"]).strip()
    signed = str(data.get("signed_on") or "").strip()
    if signed:
        date = parse_date(signed) or _iso(signed)
        out["signed_on"] = date if date is not None else signed
    out["title"] = str(data["title"]).strip() if data.get("title") else None
    return out


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
