"""A stored document's file, for the PDF and preview routes: found through the archive, read
only when its bytes are still the ones imported.

Why the hash check: `documents.path` is where the file was, and a file changed in place is a
new version at the same path. Served unchecked, `/-/pdf/<old sha256>` would hand out the new
file's bytes, and an old version's facts and boxes would point into a different document.
So the bytes are hashed as they are read; when they no longer match, the answer is 410 Gone
with a link to the newest version.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import escape

# Following `superseded_by` this many steps is more versions than any file has had.
MAX_VERSION_STEPS = 100
UNSAFE_IN_QUOTED_NAME = re.compile(r'[^\x20-\x7e]|["\\]')


class StaleDocument(Exception):
    """The file at the document's path no longer has the document's bytes (or is gone)."""


@dataclass(frozen=True)
class StoredDocument:
    sha256: str
    path: Path | None  # None: no file recorded, or a relative path with no pdf_root to find it under
    filename: str
    newest: str | None  # the current version's sha256, where this one was superseded


async def find_document(db: Any, sha: str, pdf_root: str | None = None) -> StoredDocument | None:
    """The archive's record of a document, or None if the archive does not hold it."""
    result = await db.execute("select path, path_bytes, filename, superseded_by from documents "
                              "where sha256 = ?", [sha])
    row = result.first()
    if row is None:
        return None
    exact = row["path_bytes"]
    stored = Path(os.fsdecode(exact)) if exact else Path(row["path"]) if row["path"] else None
    if stored is not None and not stored.is_absolute():  # relative: a published archive
        stored = Path(pdf_root, stored) if pdf_root else None
    newest = await newest_version(db, row["superseded_by"]) if row["superseded_by"] else None
    name = os.fsdecode(exact).rsplit("/", 1)[-1] if exact else row["filename"] or f"{sha[:12]}.pdf"
    return StoredDocument(sha, stored, name, newest)


async def newest_version(db: Any, sha: str) -> str:
    """Follow `superseded_by` to the current version."""
    for _ in range(MAX_VERSION_STEPS):
        row = (await db.execute("select superseded_by from documents where sha256 = ?", [sha])).first()
        if row is None or not row["superseded_by"]:
            break
        sha = row["superseded_by"]
    return sha


def read_verified(path: Path | None, sha: str) -> bytes:
    """The file's bytes if they hash to `sha`; StaleDocument otherwise. Runs in a thread or
    a worker: hashing a large PDF must not hold up the event loop."""
    if path is None:
        raise StaleDocument("the file's location is not known to this instance")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise StaleDocument(f"the file is no longer at its path ({error.strerror})") from None
    if hashlib.sha256(data).hexdigest() != sha:
        raise StaleDocument("the file at its path has changed since it was imported")
    return data


def content_disposition(name: str) -> str:
    """RFC 6266: an ASCII fallback name plus the real one as UTF-8, so quotes, CR/LF and
    non-ASCII letters can neither break the header nor be lost. A name that is not UTF-8 is
    read as Windows-1252, the encoding of the old Danish shares it comes from."""
    raw = os.fsencode(name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    text = "".join(c for c in text if c.isprintable()) or "dokument.pdf"
    fallback = UNSAFE_IN_QUOTED_NAME.sub("_", text)
    return f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(text, safe='')}"


def gone_html(document: StoredDocument, reason: str, what: str) -> str:
    """The 410 page: what happened, and where the current version is."""
    text = f"<p>This version of {escape(document.filename)} is not available: {escape(reason)}.</p>"
    if document.newest:
        text += f'<p>The newest version: <a href="{what}{document.newest}">{document.newest[:12]}</a>.</p>'
    return f"<!DOCTYPE html><html><head><title>410 Gone</title></head><body>{text}</body></html>"
