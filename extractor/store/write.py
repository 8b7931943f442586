"""Extraction -> SQLite: one document, one transaction, keyed by the file's sha256.

Why plain INSERTs inside `with db.conn:` (store/schema.py `insert_rows`) rather than
`table.insert_all`: sqlite-utils 3.x commits inside `insert_all`, which would split a
document over several transactions. This module decides what is written when (versions of
a file, failures); rows.py maps the models to rows and ids.py names them.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Literal

import sqlite_utils
from pydantic import BaseModel

from dagsorden.extractor.store import rows
from dagsorden.extractor.store.entities import resolve_entities
from dagsorden.extractor.store.ids import ids_by_number, item_ids, meeting_id
from dagsorden.extractor.store.schema import TABLES_BY_NAME, insert_rows
from dagsorden.models import Extraction

__all__ = ["StoreResult", "store_extraction", "record_failure", "clear_failure", "is_known"]

# Tables whose rows belong to an item through `item_id`; corrections stay with the stable id.
ITEM_ID_TABLES = tuple(name for name, spec in TABLES_BY_NAME.items()
                       if "item_id" in spec.columns and name != "corrections")


class StoreResult(BaseModel):
    """What `store_extraction` did with one document."""

    status: Literal["imported", "skipped"]
    sha256: str
    meeting_id: str | None = None
    items: int = 0
    pages: int = 0


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def is_known(db: sqlite_utils.Database, sha256: str) -> bool:
    """True if a document with this content is already stored (the idempotency check)."""
    row = db.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return row is not None


def store_extraction(
    db: sqlite_utils.Database,
    extraction: Extraction,
    *,
    path: str | None = None,
    path_bytes: bytes | None = None,
    imported_at: str | None = None,
) -> StoreResult:
    """Write one document and everything found in it, or nothing at all.

    A document already stored (same sha256) is left untouched: status "skipped".
    A successful import clears an earlier failure row for the same path or content.
    `path` is the printable path (the key of versions and failures), `path_bytes` the exact name.
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
        insert_rows(db, "documents", [rows.document_row(extraction, mid, path, imported_at or now_iso(), path_bytes)])
        _retire_item_ids(db, older)
        _write_rows(db, extraction, mid)
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
    path_bytes: bytes | None = None,
) -> None:
    """Remember why a file could not be imported; touches no other table. The reason names
    the file, never its content (the failures table is published with the archive)."""
    row = {"path": path, "path_bytes": path_bytes, "sha256": sha256, "filename": filename, "stage": stage,
           "code": code, "reason": reason, "time": time or now_iso()}
    with db.conn:
        insert_rows(db, "failures", [row], verb="INSERT OR REPLACE")


def clear_failure(db: sqlite_utils.Database, path: str | None, sha256: str | None) -> None:
    """Forget failures of a path (or content) that is now in the archive."""
    with db.conn:
        _clear_failure(db, path, sha256)


def _write_rows(db: sqlite_utils.Database, extraction: Extraction, mid: str | None) -> None:
    """Every row of one document, parents before children."""
    ids = item_ids(db, extraction, mid)
    by_number = ids_by_number(extraction, ids)
    insert_rows(db, "items", [rows.item_row(extraction, item, iid, mid) for item, iid in zip(extraction.items, ids)])
    tables = {**rows.item_part_rows(extraction, ids), **rows.decision_rows(extraction, mid, ids),
              "participants": rows.participant_rows(extraction, mid, by_number),
              **rows.fact_rows(extraction, by_number)}
    for table, table_rows in tables.items():
        insert_rows(db, table, table_rows)
    entity_ids, entities = resolve_entities(db, extraction)
    insert_rows(db, "entities", entities, verb="INSERT OR IGNORE")
    names = {row["id"]: row["name"] for row in entities}
    insert_rows(db, "mentions", rows.mention_rows(extraction, entity_ids, names, mid, by_number))
    insert_rows(db, "pages", rows.page_rows(extraction))


def _upsert_meeting(db: sqlite_utils.Database, mid: str, extraction: Extraction, *,
                    newest_wins: bool = False) -> None:
    """Insert the meeting, or fill in fields an earlier document of it left empty; a new
    version of a file overrides what its older version said (a moved meeting, a new place)."""
    row = rows.meeting_row(mid, extraction)
    first, second = ("excluded", "meetings") if newest_wins else ("meetings", "excluded")
    updates = ", ".join(f"[{c}] = COALESCE({first}.[{c}], {second}.[{c}])" for c in row if c != "id")
    insert_rows(db, "meetings", [row], on_conflict=f"ON CONFLICT(id) DO UPDATE SET {updates}")


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


def _clear_failure(db: sqlite_utils.Database, path: str | None, sha256: str | None) -> None:
    db.conn.execute("DELETE FROM failures WHERE path = ? OR sha256 = ?", [path, sha256])
