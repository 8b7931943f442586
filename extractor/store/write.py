"""Extraction -> SQLite: one document, one transaction, keyed by the file's sha256.

Why raw INSERTs inside `with db.conn:` rather than `table.insert_all`: sqlite-utils 3.x
commits inside `insert_all`, which would split a document over several transactions.
Plain statements on the connection keep "all of a document or nothing" on every
sqlite-utils version we allow (>=3.36).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any, Literal

import sqlite_utils
from pydantic import BaseModel

from dagsorden.extractor.facts.decisions import departs_from_recommendation
from dagsorden.extractor.store.entities import entity_rows
from dagsorden.extractor.store.schema import TABLES_BY_NAME, open_archive
from dagsorden.models import Extraction, Item, Person

__all__ = [
    "StoreResult", "open_archive", "store_extraction", "record_failure", "clear_failure",
    "is_known", "meeting_id", "item_ids",
]

Row = dict[str, Any]

# Tables whose rows belong to an item through `item_id`; corrections stay with the stable id.
ITEM_ID_TABLES = tuple(name for name, spec in TABLES_BY_NAME.items()
                       if "item_id" in spec.columns and name != "corrections")

# Item id suffix per document kind, so an agenda and its minutes (same meeting, same
# numbers) get different, predictable ids: "das-2023-08-21-4" and "das-2023-08-21-4-referat".
KIND_SUFFIX = {"agenda": "", "minutes": "-referat", "strategy": "-strategi",
               "appendix": "-bilag", "other": "-andet"}

# Danish letters spelled out in ids, as the Danish URL convention does.
SLUG_REPLACEMENTS = {"æ": "ae", "ø": "oe", "å": "aa"}


class StoreResult(BaseModel):
    """What `store_extraction` did with one document."""

    status: Literal["imported", "skipped"]
    sha256: str
    meeting_id: str | None = None
    items: int = 0
    pages: int = 0


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def slugify(text: str) -> str:
    text = text.lower()
    for letter, spelled in SLUG_REPLACEMENTS.items():
        text = text.replace(letter, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def meeting_id(extraction: Extraction) -> str | None:
    """A stable, readable id from committee + date ("den-administrative-styregruppe-2017-03-02").

    Without a date the meeting cannot be matched to other documents, so the id falls
    back to the document's hash; without any meeting field there is no meeting at all.
    """
    meeting = extraction.meeting
    if not any(meeting.model_dump().values()):
        return None
    committee = slugify(meeting.committee or "") or "moede"
    return f"{committee}-{meeting.date or extraction.document.sha256[:12]}"


def is_known(db: sqlite_utils.Database, sha256: str) -> bool:
    """True if a document with this content is already stored (the idempotency check)."""
    row = db.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return row is not None


def store_extraction(
    db: sqlite_utils.Database,
    extraction: Extraction,
    *,
    path: str | None = None,
    imported_at: str | None = None,
) -> StoreResult:
    """Write one document and everything found in it, or nothing at all.

    A document already stored (same sha256) is left untouched: status "skipped".
    A successful import clears an earlier failure row for the same path or content.
    """
    sha = extraction.document.sha256
    if db.conn.in_transaction:  # `with db.conn` would commit or roll back the caller's work
        raise RuntimeError("store_extraction needs a connection with no open transaction")
    with db.conn:
        # IMMEDIATE takes the write lock before the "already known?" check, so two
        # concurrent imports of the same file cannot both decide to write it.
        db.conn.execute("BEGIN IMMEDIATE")
        if is_known(db, sha):
            _clear_failure(db, path, sha)
            return StoreResult(status="skipped", sha256=sha)
        older = _current_versions(db, path, sha)
        mid = meeting_id(extraction)
        if mid:
            _upsert_meeting(db, mid, extraction, newest_wins=bool(older))
        _insert(db, "documents", [_document_row(extraction, mid, path, imported_at or now_iso())])
        _retire_item_ids(db, older)
        ids = item_ids(db, extraction, mid)
        _write_items(db, extraction, mid, ids)
        _write_decisions(db, extraction, mid, ids)
        _write_people(db, extraction, mid, ids)
        _write_facts(db, extraction, ids)
        _insert(db, "pages", _page_rows(extraction))
        _link_versions(db, sha, older)
        _clear_failure(db, path, sha)
    return StoreResult(status="imported", sha256=sha, meeting_id=mid,
                       items=len(extraction.items), pages=extraction.document.pages)


def record_failure(
    db: sqlite_utils.Database,
    *,
    path: str,
    stage: str,
    code: str,
    reason: str,
    sha256: str | None = None,
    filename: str | None = None,
    time: str | None = None,
) -> None:
    """Remember why a file could not be imported; touches no other table."""
    row = {"path": path, "sha256": sha256, "filename": filename, "stage": stage,
           "code": code, "reason": reason, "time": time or now_iso()}
    with db.conn:
        _insert(db, "failures", [row], verb="INSERT OR REPLACE")


def clear_failure(db: sqlite_utils.Database, path: str | None, sha256: str | None) -> None:
    """Forget failures of a path (or content) that is now in the archive."""
    with db.conn:
        _clear_failure(db, path, sha256)


def item_ids(db: sqlite_utils.Database, extraction: Extraction, mid: str | None) -> list[str]:
    """One id per item, in item order: "<meeting>-<number>[-<kind>]".

    Without a meeting the document hash stands in. An id already used by another
    document (a second agenda for the same meeting) or repeated within this one gets
    the document hash / a counter appended, so ids never collide. An older version of
    the same file has given its ids up before this runs (`_retire_item_ids`).
    """
    doc = extraction.document
    prefix = mid or doc.sha256[:12]
    suffix = KIND_SUFFIX.get(doc.kind, f"-{doc.kind}")
    ids: list[str] = []
    for item in extraction.items:
        base = f"{prefix}-{item.number}{suffix}"
        if _item_id_taken(db, base):
            base = f"{base}-{doc.sha256[:8]}"
        candidate, n = base, 1
        while candidate in ids:
            n += 1
            candidate = f"{base}-{n}"
        ids.append(candidate)
    return ids


# -- rows -------------------------------------------------------------------------------


def _document_row(extraction: Extraction, mid: str | None, path: str | None, when: str) -> Row:
    doc = extraction.document
    return {
        "sha256": doc.sha256, "filename": doc.filename, "path": path, "pages": doc.pages,
        "kind": doc.kind, "producer": doc.producer, "ocr_pages": json.dumps(doc.ocr_pages),
        "needs_ocr_pages": json.dumps(doc.needs_ocr_pages),
        "title": doc.title, "meeting_id": mid, "imported_at": when,
    }


def _meeting_row(mid: str, extraction: Extraction) -> Row:
    m = extraction.meeting
    title = ", ".join(part for part in (m.committee, m.date) if part) or mid
    year = int(m.date[:4]) if m.date and m.date[:4].isdigit() else None
    return {"id": mid, "title": title, "committee": m.committee, "date": m.date,
            "start_time": m.start_time, "end_time": m.end_time, "location": m.location,
            "year": year}


def _item_row(extraction: Extraction, item: Item, iid: str, mid: str | None) -> Row:
    date = extraction.meeting.date
    return {
        "id": iid, "document_sha256": extraction.document.sha256, "meeting_id": mid,
        "date": date, "number": item.number, "title": item.title,
        "case_number": item.case_number, "closed": int(item.closed), "section": item.section,
        "page_start": item.page_start, "page_end": item.page_end, "decision": item.decision,
        "sections_json": json.dumps(item.sections, ensure_ascii=False),
        "sort_key": f"{date or '0000-00-00'} {mid or extraction.document.sha256[:12]} "
                    f"{item.number:04d} {iid}",
    }


def _page_rows(extraction: Extraction) -> list[Row]:
    sha = extraction.document.sha256
    return [{"document_sha256": sha, "number": p.number, "text": p.text, "header": p.header,
             "footer": p.footer, "has_text_layer": int(p.has_text_layer)}
            for p in extraction.pages]


def _find_page(text: str, extraction: Extraction, item: Item) -> int | None:
    """The page a recommendation is printed on: the first page of the item holding its start."""
    needle = _squash(text)[:60]
    if not needle:
        return None
    for page in extraction.pages:
        in_item = (item.page_start or 0) <= page.number <= (item.page_end or page.number)
        if in_item and needle in _squash(page.text):
            return page.number
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


# -- writes -----------------------------------------------------------------------------


def _write_items(db: sqlite_utils.Database, extraction: Extraction, mid: str | None,
                 ids: list[str]) -> None:
    items = list(zip(extraction.items, ids))
    _insert(db, "items", [_item_row(extraction, item, iid, mid) for item, iid in items])
    _insert(db, "item_sections", [
        {"item_id": iid, "position": pos, "heading": heading, "text": text}
        for item, iid in items for pos, (heading, text) in enumerate(item.sections.items(), 1)
    ])
    _insert(db, "recommendations", [
        {"item_id": iid, "position": pos, "text": text, "page": _find_page(text, extraction, item)}
        for item, iid in items for pos, text in enumerate(item.recommendations, 1)
    ])
    _insert(db, "attachments", [
        {"item_id": iid, "position": pos, "title": a.title, "page": a.page}
        for item, iid in items for pos, a in enumerate(item.attachments, 1)
    ])


def _write_decisions(db: sqlite_utils.Database, extraction: Extraction, mid: str | None,
                     ids: list[str]) -> None:
    """One row per item with a decision (minutes), and one per dissent in it."""
    meeting = extraction.meeting
    year = int(meeting.date[:4]) if meeting.date and meeting.date[:4].isdigit() else None
    decided = [(item, iid) for item, iid in zip(extraction.items, ids) if item.decision]
    _insert(db, "decisions", [
        {"item_id": iid, "document_sha256": extraction.document.sha256, "meeting_id": mid,
         "committee": meeting.committee, "date": meeting.date, "year": year,
         "number": item.number, "title": item.title, "case_number": item.case_number,
         "recommendations": "\n".join(item.recommendations) or None, "text": item.decision,
         "outcome": item.outcome, "outcome_stated": _flag(item.outcome_stated),
         "departs": int(departs_from_recommendation(item)), "dissents": len(item.dissents),
         "page": item.decision_page}
        for item, iid in decided
    ])
    _insert(db, "dissents", [
        {"item_id": iid, "position": pos, "document_sha256": extraction.document.sha256,
         "meeting_id": mid, "who": d.who, "kind": d.kind,
         "points": json.dumps(d.points), "text": d.text, "page": item.decision_page}
        for item, iid in decided for pos, d in enumerate(item.dissents, 1)
    ])


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _write_people(db: sqlite_utils.Database, extraction: Extraction, mid: str | None,
                  ids: list[str]) -> None:
    by_number = _ids_by_number(extraction, ids)
    groups: Sequence[tuple[str, list[Person]]] = (
        ("present", extraction.participants), ("absent", extraction.absent),
        ("guest", extraction.guests),
    )
    _insert(db, "participants", [
        {"document_sha256": extraction.document.sha256, "attendance": attendance,
         "position": pos, "meeting_id": mid, "name": p.name, "organization": p.organization,
         "role": p.role, "item": p.item, "item_id": by_number.get(p.item), "page": p.page}
        for attendance, people in groups for pos, p in enumerate(people, 1)
    ])


def _write_facts(db: sqlite_utils.Database, extraction: Extraction, ids: list[str]) -> None:
    """Appendices, amounts, tariffs, entities and tables: rows tied to an item and a page."""
    by_number = _ids_by_number(extraction, ids)
    sha = extraction.document.sha256

    def base(pos: int, item: int | None) -> Row:
        return {"document_sha256": sha, "position": pos, "item": item,
                "item_id": by_number.get(item)}

    _insert(db, "appendices", [
        {**base(pos, a.item), "title": a.title, "page_start": a.page_start, "page_end": a.page_end}
        for pos, a in enumerate(extraction.appendices, 1)
    ])
    _insert(db, "amounts", [
        {**base(pos, a.item), "page": a.page, "bbox": _bbox(a.bbox), "value_dkk": a.value_dkk,
         "text": a.text, "approx": int(a.approx), "context": a.context, "sign": a.sign,
         "unit": a.unit, "year": a.year, "table_position": None if a.table is None else a.table + 1}
        for pos, a in enumerate(extraction.amounts, 1)
    ])
    _insert(db, "tariffs", [
        {**base(pos, t.item), "page": t.page, "bbox": _bbox(t.bbox), "label": t.label,
         "year": t.year, "value_dkk": t.value_dkk, "unit": t.unit, "offer": t.offer,
         "column_header": t.column, "context": t.context}
        for pos, t in enumerate(extraction.tariffs, 1)
    ])
    entities, mentions = entity_rows(db, extraction, by_number, meeting_id(extraction))
    _insert(db, "entities", entities, verb="INSERT OR IGNORE")
    _insert(db, "mentions", mentions)
    _insert(db, "tables", [
        {**base(pos, t.item), "page": t.page, "bbox": _bbox(t.bbox),
         "rows": json.dumps(t.rows, ensure_ascii=False), "n_rows": len(t.rows),
         "n_cols": max((len(r) for r in t.rows), default=0), "header_rows": t.header_rows,
         "page_end": t.page_end, "strategy": t.strategy}
        for pos, t in enumerate(extraction.tables, 1)
    ])
    _insert(db, "table_cells", [
        {"document_sha256": sha, "table_position": pos, "row": c.row, "col": c.col, "text": c.text,
         "value": c.value, "page": c.page, "bbox": _bbox(c.bbox)}
        for pos, t in enumerate(extraction.tables, 1) for c in t.cells
    ])


def _ids_by_number(extraction: Extraction, ids: list[str]) -> dict[int | None, str]:
    """Item number -> item id; the first item wins if a number repeats."""
    mapping: dict[int | None, str] = {}
    for item, iid in zip(extraction.items, ids):
        mapping.setdefault(item.number, iid)
    return mapping


def _bbox(bbox: tuple[float, float, float, float] | None) -> str | None:
    return json.dumps(list(bbox)) if bbox else None


def _upsert_meeting(db: sqlite_utils.Database, mid: str, extraction: Extraction, *,
                    newest_wins: bool = False) -> None:
    """Insert the meeting, or fill in fields an earlier document of it left empty; a new
    version of a file overrides what its older version said (a moved meeting, a new place)."""
    row = _meeting_row(mid, extraction)
    first, second = ("excluded", "meetings") if newest_wins else ("meetings", "excluded")
    updates = ", ".join(f"[{c}] = COALESCE({first}.[{c}], {second}.[{c}])" for c in row if c != "id")
    _insert(db, "meetings", [row], on_conflict=f"ON CONFLICT(id) DO UPDATE SET {updates}")


def _current_versions(db: sqlite_utils.Database, path: str | None, sha: str) -> list[str]:
    """Current documents stored from the same path with other content: this one replaces them."""
    if not path:
        return []
    rows = db.conn.execute(
        "SELECT sha256 FROM documents WHERE path = ? AND sha256 != ? AND superseded_by IS NULL "
        "ORDER BY imported_at, rowid", [path, sha]).fetchall()
    return [sha256 for (sha256,) in rows]


def _retire_item_ids(db: sqlite_utils.Database, older: Sequence[str]) -> None:
    """Hand the stable item ids ("<meeting>-<number>") over to the new version.

    Why rename the old rows rather than give the new version new ids: a link someone saved,
    and a hand correction keyed to the id, should reach the newest version of the item. The
    old version keeps its rows under "<id>-<sha[:8]>", still queryable.
    Corrections stay keyed to the stable id, so they are re-applied to the new version.
    """
    if not older:
        return
    db.conn.execute("PRAGMA defer_foreign_keys = ON")  # parent and children renamed in turn
    for old in older:
        suffix = f"-{old[:8]}"
        renamed = ("SELECT id FROM items WHERE document_sha256 = :old "
                   "AND substr(id, -length(:suffix)) != :suffix")
        for table in ITEM_ID_TABLES:
            db.conn.execute(f"UPDATE [{table}] SET item_id = item_id || :suffix "
                            f"WHERE item_id IN ({renamed})", {"old": old, "suffix": suffix})
        db.conn.execute(f"UPDATE items SET id = id || :suffix WHERE id IN ({renamed})",
                        {"old": old, "suffix": suffix})


def _link_versions(db: sqlite_utils.Database, sha: str, older: Sequence[str]) -> None:
    """The new version `supersedes` the last current one; every older one gets `superseded_by`."""
    if not older:
        return
    db.conn.execute("UPDATE documents SET supersedes = ? WHERE sha256 = ?", [older[-1], sha])
    db.conn.executemany("UPDATE documents SET superseded_by = ? WHERE sha256 = ?",
                        [[sha, old] for old in older])


def _item_id_taken(db: sqlite_utils.Database, iid: str) -> bool:
    return db.conn.execute("SELECT 1 FROM items WHERE id = ?", [iid]).fetchone() is not None


def _clear_failure(db: sqlite_utils.Database, path: str | None, sha256: str | None) -> None:
    db.conn.execute("DELETE FROM failures WHERE path = ? OR sha256 = ?", [path, sha256])


def _insert(db: sqlite_utils.Database, table: str, rows: Iterable[Row], *,
            verb: str = "INSERT", on_conflict: str = "") -> None:
    """Insert rows whose keys are columns of `table` (checked against the declared schema)."""
    rows = list(rows)
    if not rows:
        return
    columns = list(rows[0])
    unknown = set(columns) - set(TABLES_BY_NAME[table].columns)
    if unknown:
        raise ValueError(f"{table}: unknown columns {sorted(unknown)}")
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f"{verb} INTO [{table}] ({names}) VALUES ({marks}) {on_conflict}"
    db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])
