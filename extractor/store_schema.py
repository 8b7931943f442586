"""The archive's tables, declared once, and `open_archive`, which creates or migrates them.

Why declarative: the schema is data (`TABLES`), so the migration step, the Datasette
metadata test and the docs all read the same list. Migration is additive only (new
tables, new columns, new indexes, new FTS indexes): nothing stored is ever dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

# Bump when TABLES changes; stored in PRAGMA user_version so a tool can see which
# schema an archive file was last opened with.
SCHEMA_VERSION = 1

# How long a writer waits for another writer (e.g. `serve` reading while `ingest` writes).
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class TableSpec:
    """One table: its columns (name -> SQLite type), key, foreign keys, indexes and FTS columns."""

    name: str
    columns: dict[str, str]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, other column)
    indexes: tuple[tuple[str, ...], ...] = ()
    fts: tuple[str, ...] = ()
    not_null: frozenset[str] = field(default_factory=frozenset)


def _fact_columns(**extra: str) -> dict[str, str]:
    """Columns every per-document fact table shares: where the fact sits (item, page, bbox)."""
    return {
        "document_sha256": "TEXT",
        "position": "INTEGER",
        **extra,
        "item": "INTEGER",
        "item_id": "TEXT",
        "page": "INTEGER",
        "bbox": "TEXT",
    }


_FACT_FKS = (("document_sha256", "documents", "sha256"), ("item_id", "items", "id"))
_FACT_INDEXES = (("document_sha256",), ("item_id",))

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "meetings",
        {
            "id": "TEXT", "title": "TEXT", "committee": "TEXT", "date": "TEXT",
            "start_time": "TEXT", "end_time": "TEXT", "location": "TEXT", "year": "INTEGER",
        },
        pk="id",
        indexes=(("date",), ("committee",), ("year",)),
    ),
    TableSpec(
        "documents",
        {
            "sha256": "TEXT", "filename": "TEXT", "path": "TEXT", "pages": "INTEGER",
            "kind": "TEXT", "producer": "TEXT", "ocr_pages": "TEXT", "title": "TEXT",
            "meeting_id": "TEXT", "imported_at": "TEXT",
        },
        pk="sha256",
        foreign_keys=(("meeting_id", "meetings", "id"),),
        indexes=(("meeting_id",), ("kind",), ("path",)),
    ),
    TableSpec(
        "items",
        {
            "id": "TEXT", "document_sha256": "TEXT", "meeting_id": "TEXT", "date": "TEXT",
            "number": "INTEGER", "title": "TEXT", "case_number": "TEXT", "closed": "INTEGER",
            "section": "TEXT", "page_start": "INTEGER", "page_end": "INTEGER",
            "decision": "TEXT", "sections_json": "TEXT", "sort_key": "TEXT",
        },
        pk="id",
        foreign_keys=(("document_sha256", "documents", "sha256"), ("meeting_id", "meetings", "id")),
        indexes=(("document_sha256",), ("meeting_id", "number"), ("case_number",), ("sort_key",),
                 ("date",)),
        fts=("title", "case_number", "decision", "sections_json"),
    ),
    TableSpec(
        "item_sections",
        {"item_id": "TEXT", "position": "INTEGER", "heading": "TEXT", "text": "TEXT"},
        pk=("item_id", "position"),
        foreign_keys=(("item_id", "items", "id"),),
        indexes=(("heading",),),
        fts=("heading", "text"),
    ),
    TableSpec(
        "recommendations",
        {"item_id": "TEXT", "position": "INTEGER", "text": "TEXT", "page": "INTEGER"},
        pk=("item_id", "position"),
        foreign_keys=(("item_id", "items", "id"),),
        fts=("text",),
    ),
    TableSpec(
        "attachments",
        {"item_id": "TEXT", "position": "INTEGER", "title": "TEXT", "page": "INTEGER"},
        pk=("item_id", "position"),
        foreign_keys=(("item_id", "items", "id"),),
        fts=("title",),
    ),
    TableSpec(
        "appendices",
        {
            "document_sha256": "TEXT", "position": "INTEGER", "item": "INTEGER",
            "item_id": "TEXT", "title": "TEXT", "page_start": "INTEGER", "page_end": "INTEGER",
        },
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS,
        indexes=_FACT_INDEXES,
    ),
    TableSpec(
        "participants",
        {
            "document_sha256": "TEXT", "attendance": "TEXT", "position": "INTEGER",
            "meeting_id": "TEXT", "name": "TEXT", "organization": "TEXT", "role": "TEXT",
            "item": "INTEGER", "item_id": "TEXT", "page": "INTEGER",
        },
        pk=("document_sha256", "attendance", "position"),
        foreign_keys=_FACT_FKS + (("meeting_id", "meetings", "id"),),
        indexes=_FACT_INDEXES + (("meeting_id",), ("name",), ("organization",)),
    ),
    TableSpec(
        "pages",
        {
            "document_sha256": "TEXT", "number": "INTEGER", "text": "TEXT", "header": "TEXT",
            "footer": "TEXT", "has_text_layer": "INTEGER",
        },
        pk=("document_sha256", "number"),
        foreign_keys=(("document_sha256", "documents", "sha256"),),
        fts=("text",),
    ),
    TableSpec(
        "amounts",
        _fact_columns(value_dkk="REAL", text="TEXT", approx="INTEGER", context="TEXT"),
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS,
        indexes=_FACT_INDEXES + (("value_dkk",),),
    ),
    TableSpec(
        "tariffs",
        _fact_columns(label="TEXT", year="INTEGER", value_dkk="REAL", unit="TEXT"),
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS,
        indexes=_FACT_INDEXES + (("year",),),
    ),
    TableSpec(
        "entities",
        _fact_columns(text="TEXT", label="TEXT"),
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS,
        indexes=_FACT_INDEXES + (("label", "text"),),
    ),
    TableSpec(
        "tables",
        _fact_columns(rows="TEXT", n_rows="INTEGER", n_cols="INTEGER"),
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS,
        indexes=_FACT_INDEXES,
    ),
    TableSpec(
        "failures",
        {
            "path": "TEXT", "sha256": "TEXT", "filename": "TEXT", "stage": "TEXT",
            "code": "TEXT", "reason": "TEXT", "time": "TEXT",
        },
        pk="path",
        indexes=(("sha256",), ("code",)),
    ),
)

TABLES_BY_NAME = {spec.name: spec for spec in TABLES}


def open_archive(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) an archive file and bring its schema up to date.

    WAL lets Datasette read while `ingest` writes; the busy timeout makes a second writer
    wait instead of failing; foreign keys are enforced so a bad write fails loudly.
    """
    db = sqlite_utils.Database(Path(path))
    db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.enable_wal()
    db.conn.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db


def migrate(db: sqlite_utils.Database) -> None:
    """Create missing tables, columns, indexes and FTS indexes; never drop anything."""
    for spec in TABLES:
        _ensure_table(db, spec)
    for spec in TABLES:
        _ensure_indexes(db, spec)
        _ensure_fts(db, spec)
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.conn.commit()


def _ensure_table(db: sqlite_utils.Database, spec: TableSpec) -> None:
    table = db.table(spec.name)
    if not table.exists():
        table.create(
            dict(spec.columns),
            pk=spec.pk,
            foreign_keys=list(spec.foreign_keys),
            not_null=set(spec.not_null) or None,
        )
        return
    existing = set(table.columns_dict)
    for column, type_ in spec.columns.items():
        if column not in existing:
            table.add_column(column, type_)


def _ensure_indexes(db: sqlite_utils.Database, spec: TableSpec) -> None:
    table = db.table(spec.name)
    for columns in spec.indexes:
        table.create_index(list(columns), if_not_exists=True)


def _ensure_fts(db: sqlite_utils.Database, spec: TableSpec) -> None:
    """FTS5 kept in step by triggers, so every write path (ours or a user's SQL) is indexed."""
    if not spec.fts:
        return
    table = db.table(spec.name)
    if table.detect_fts() is None:
        table.enable_fts(list(spec.fts), fts_version="FTS5", create_triggers=True)


def is_fts_table(name: str, table_names: list[str] | set[str]) -> bool:
    """True for an FTS index table or its shadow tables (`items_fts`, `items_fts_data`, ...)."""
    return any(name == f"{t}_fts" or name.startswith(f"{t}_fts_") for t in table_names)


def archive_tables(db: sqlite_utils.Database) -> list[str]:
    """The archive's own tables, without FTS indexes and their shadow tables."""
    names = db.table_names()
    return [n for n in names if not is_fts_table(n, names)]
