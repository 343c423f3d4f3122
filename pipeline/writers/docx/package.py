"""The package around the document: core properties, no template leftovers, and a zip
with fixed entry times and order, so that the bytes are reproducible."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


CORE_PROPERTY_LIMIT = 255  # characters Word (and python-docx) allow in a core property


def fitted(value: str) -> str:
    """A core property's value within Word's limit: a longer title is cut at a word and ends
    with an ellipsis (the page prints it whole)."""
    if len(value) <= CORE_PROPERTY_LIMIT:
        return value
    cut = value[:CORE_PROPERTY_LIMIT - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "\u2026"


def set_core_properties(doc: DocxDocument, meta: dict[str, str], stamp: dt.datetime, author: str, draft: str) -> None:
    """Core properties from the tree, the author (the organization) and a draft's status in the
    version's language; every date is the document's timestamp (reproducible.py)."""
    props = doc.core_properties
    props.title = fitted(meta.get("title", ""))
    props.subject = fitted(meta.get("subject", ""))
    props.language = meta.get("language", "en")
    props.keywords = fitted(meta.get("symbol", ""))
    props.author = props.last_modified_by = fitted(author)
    props.comments = ""
    props.content_status = draft if meta.get("draft") == "yes" else ""
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1


def drop_template_leftovers(doc: DocxDocument) -> None:
    """Drop the template's thumbnail (an empty page) and its stale stylesWithEffects copy."""
    for rels, reltype in ((doc.part.package.rels, RT.THUMBNAIL), (doc.part.rels, STYLES_WITH_EFFECTS)):
        for r_id, rel in list(rels.items()):
            if rel.reltype == reltype:
                del rels[r_id]


def normalized_zip(raw: bytes, when: dt.datetime) -> bytes:
    """The same package with fixed entry times, attributes and order ([Content_Types] first)."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second - when.second % 2)
    source = zipfile.ZipFile(io.BytesIO(raw))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            target.writestr(info, source.read(name), compresslevel=9)
    return out.getvalue()
