"""The .docx package: python-docx's parts filled with our XML, document properties, and bytes
that are the same on every rebuild (fixed timestamps in the zip and in docProps, fixed order).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from genreport.docx.xml import clean_text
from genreport.render.document import Document

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def fixed_time(doc: Document) -> dt.datetime:
    """The document's own date: signed, else the end of the year reported on (never the clock)."""
    day = doc.report.signed_on
    if day is None or not 1949 <= day.year <= 2100:  # a draft's date may be anything (check reports it)
        day = dt.date(doc.report.year, 12, 31)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def set_properties(package_doc: object, doc: Document) -> None:
    """docProps/core.xml: title, author = the issuer(s), language, fixed dates."""
    props = package_doc.core_properties  # type: ignore[attr-defined]
    sep = "、" if doc.locale == "zh-CN" else "; "
    # clean_text: `check` refuses what XML cannot hold, but a --draft build still gets here
    props.title = clean_text(doc.title)
    props.author = clean_text(sep.join(doc.issuer_names))
    props.last_modified_by = props.author
    props.language = doc.locale
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = props.modified = fixed_time(doc).replace(tzinfo=None)
    props.last_printed = props.created


def app_properties() -> bytes:
    """docProps/app.xml: the application that wrote the file (python-docx's template says Word)."""
    return (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>genreport</Application><DocSecurity>0</DocSecurity></Properties>"
    )


def drop_thumbnail(package_doc: object) -> None:
    """python-docx's template carries a thumbnail of an empty page: not this document's."""
    package = package_doc.part.package  # type: ignore[attr-defined]
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)


def deterministic(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 and deflated at a fixed level."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
