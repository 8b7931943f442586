"""Stable, readable ids: meetings from committee and date, items from meeting and number.

Why readable: ids are the site's URLs (`/-/item/das-social-2023-08-21-3`), cited by users and
keyed to by hand corrections, so they must come out the same on every re-import.
"""
from __future__ import annotations

import re
import unicodedata

import sqlite_utils

from dagsorden.models import Extraction

# Item id suffix per document kind, so an agenda and its minutes (same meeting, same
# numbers) get different, predictable ids: "das-2023-08-21-4" and "das-2023-08-21-4-referat".
KIND_SUFFIX = {"agenda": "", "minutes": "-referat", "strategy": "-strategi",
               "appendix": "-bilag", "other": "-andet"}

# Danish letters spelled out in ids, as the Danish URL convention does.
SLUG_REPLACEMENTS = {"æ": "ae", "ø": "oe", "å": "aa"}
# A committee's part of a meeting id: long enough to tell committees apart, short enough that every
# item id (meeting, number, kind, version suffixes: ~60 more) stays within the site's
# 200-character URLs. A longer name is cut at a word.
MAX_SLUG_CHARS = 80


def slugify(text: str, max_chars: int | None = None) -> str:
    text = text.lower()
    for letter, spelled in SLUG_REPLACEMENTS.items():
        text = text.replace(letter, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if max_chars and len(slug) > max_chars:
        cut = slug[: max_chars + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[1:] else slug[:max_chars]
    return slug.strip("-")


def meeting_id(extraction: Extraction) -> str | None:
    """A stable, readable id from committee + date ("den-administrative-styregruppe-2017-03-02").

    Without a date the meeting cannot be matched to other documents, so the id falls
    back to the document's hash; without any meeting field there is no meeting at all.
    """
    meeting = extraction.meeting
    if not any(meeting.model_dump().values()):
        return None
    committee = slugify(meeting.committee or "", MAX_SLUG_CHARS) or "moede"
    return f"{committee}-{meeting.date or extraction.document.sha256[:12]}"


def item_ids(db: sqlite_utils.Database, extraction: Extraction, mid: str | None) -> list[str]:
    """One id per item, in item order: "<meeting>-<number>[-<kind>]".

    Without a meeting the document hash stands in. An id already used by another
    document (a second agenda for the same meeting) or repeated within this one gets
    the document hash / a counter appended, so ids never collide. An older version of
    the same file has given its ids up before this runs (store/write.py).
    """
    doc = extraction.document
    prefix = mid or doc.sha256[:12]
    suffix = KIND_SUFFIX.get(doc.kind, f"-{doc.kind}")
    ids: list[str] = []
    for item in extraction.items:
        base = f"{prefix}-{item.number}{suffix}"
        if item_id_taken(db, base):
            base = f"{base}-{doc.sha256[:8]}"
        candidate, n = base, 1
        while candidate in ids:
            n += 1
            candidate = f"{base}-{n}"
        ids.append(candidate)
    return ids


def item_id_taken(db: sqlite_utils.Database, iid: str) -> bool:
    return db.conn.execute("SELECT 1 FROM items WHERE id = ?", [iid]).fetchone() is not None


def ids_by_number(extraction: Extraction, ids: list[str]) -> dict[int | None, str]:
    """Item number -> item id; the first item wins if a number repeats."""
    mapping: dict[int | None, str] = {}
    for item, iid in zip(extraction.items, ids):
        mapping.setdefault(item.number, iid)
    return mapping
