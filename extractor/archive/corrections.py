"""Human corrections that survive re-extraction.

A correction is keyed to the stable item id (committee, date, number), stored in its own
table, and applied again after every import, so a re-extracted item keeps the fix and
Datasette can mark the value as corrected by hand.
"""
from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from dagsorden.extractor.errors import CorrectionError

CORRECTABLE = ("title", "case_number", "decision", "section", "closed")
TABLE = "corrections"


def add_correction(db: sqlite_utils.Database, item_id: str, field: str, value: str) -> None:
    if field not in CORRECTABLE:
        raise CorrectionError(f"cannot correct {field!r}; correctable fields: {', '.join(CORRECTABLE)}")
    if "items" not in db.table_names() or not db.execute("select 1 from items where id = ?", [item_id]).fetchone():
        raise CorrectionError(f"no item with id {item_id!r}; see the items table for ids")
    with db.conn:
        db.conn.execute(f"insert or replace into {TABLE} (item_id, field, value, corrected_at) values (?, ?, ?, ?)",
                        (item_id, field, value, datetime.now(timezone.utc).replace(microsecond=0).isoformat()))
    apply_corrections(db)


def apply_corrections(db: sqlite_utils.Database) -> int:
    """Write every stored correction onto its item; returns how many were applied."""
    if TABLE not in db.table_names():
        return 0
    applied = 0
    with db.conn:
        for item_id, field, value in db.execute(f"select item_id, field, value from {TABLE}").fetchall():
            if field in CORRECTABLE:
                stored = int(value in ("1", "true", "ja")) if field == "closed" else value
                applied += db.conn.execute(f"update items set [{field}] = ? where id = ?", (stored, item_id)).rowcount
    return applied
