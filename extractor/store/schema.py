"""The archive's tables, declared once, and `open_archive`, which creates or migrates them.

Why declarative: the schema is data (`TABLES`), so the migration step, the Datasette
metadata test and the docs all read the same list. Migration is additive only (new
tables, new columns, new indexes, new FTS indexes): nothing stored is ever dropped.
"""
from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # not POSIX: concurrent imports rely on open_db's retries alone
    fcntl = None  # type: ignore[assignment]

import sqlite_utils

from dagsorden.extractor.danish.stemming import FTS_TOKENIZER

# Bump when TABLES changes; stored in PRAGMA user_version so a tool can see which
# schema an archive file was last opened with.
SCHEMA_VERSION = 5

Row = dict[str, Any]

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
    # An FTS index whose columns show one column each and index another: (FTS column, column
    # it is fed from). The search texts show the printed text and index its stems, so FTS5's
    # snippet() cuts the printed text (extractor/danish/stemming.py keeps the two aligned).
    fts_fed_from: tuple[tuple[str, str], ...] = ()


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

# The searched fields of an item, in the order of their weight in ranking (title first).
SEARCH_FIELDS = ("title", "decision", "recommendation", "attachment", "section", "page_text")

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "meetings",
        {
            "id": "TEXT", "title": "TEXT", "committee": "TEXT", "date": "TEXT",
            "start_time": "TEXT", "end_time": "TEXT", "location": "TEXT", "year": "INTEGER",
            # The municipality that held the meeting, found after import (extractor/archive/municipalities.py).
            "municipality": "TEXT",
        },
        pk="id",
        indexes=(("date",), ("committee",), ("year",), ("municipality",)),
    ),
    TableSpec(
        "documents",
        {
            "sha256": "TEXT", "filename": "TEXT", "path": "TEXT", "pages": "INTEGER",
            "kind": "TEXT", "producer": "TEXT", "ocr_pages": "TEXT", "title": "TEXT",
            "meeting_id": "TEXT", "imported_at": "TEXT",
            # OCR and versions (issue 6): pages still without text; the same path's
            # older content this document replaces, and the newer one replacing it.
            "needs_ocr_pages": "TEXT", "supersedes": "TEXT", "superseded_by": "TEXT",
            # The exact file name as bytes (issue 14): `path` is its printable form.
            "path_bytes": "BLOB",
        },
        pk="sha256",
        foreign_keys=(("meeting_id", "meetings", "id"),),
        indexes=(("meeting_id",), ("kind",), ("path",), ("superseded_by",)),
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
        # "Sagsforløb": earlier treatments of the item's case, as the item lists them.
        "item_history",
        {"item_id": "TEXT", "position": "INTEGER", "date": "TEXT", "committee": "TEXT",
         "number": "INTEGER", "text": "TEXT"},
        pk=("item_id", "position"),
        foreign_keys=(("item_id", "items", "id"),),
        indexes=(("date",),),
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
        _fact_columns(value_dkk="REAL", text="TEXT", approx="INTEGER", context="TEXT",
                      sign="INTEGER", unit="TEXT", year="INTEGER", table_position="INTEGER"),
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS,
        indexes=_FACT_INDEXES + (("value_dkk",), ("unit",), ("year",)),
    ),
    TableSpec(
        "tariffs",
        _fact_columns(label="TEXT", year="INTEGER", value_dkk="REAL", unit="TEXT", offer="TEXT",
                      column_header="TEXT", context="TEXT"),
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS,
        indexes=_FACT_INDEXES + (("year",), ("label",), ("unit",)),
    ),
    # Named entities (issue 4): one row per distinct entity across all documents, and
    # one per mention of it (where, as printed, in which sentence).
    TableSpec(
        "entities",
        {"id": "TEXT", "name": "TEXT", "label": "TEXT", "kind": "TEXT", "organization": "TEXT",
         "folded": "TEXT"},
        pk="id",
        indexes=(("label", "name"), ("kind",), ("folded",)),
    ),
    TableSpec(
        "mentions",
        _fact_columns(entity_id="TEXT", text="TEXT", name="TEXT", label="TEXT", kind="TEXT",
                      organization="TEXT", role="TEXT", sentence="TEXT", meeting_id="TEXT",
                      year="INTEGER"),
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS + (("entity_id", "entities", "id"), ("meeting_id", "meetings", "id")),
        indexes=_FACT_INDEXES + (("entity_id",), ("label", "kind"), ("name",), ("meeting_id",)),
        fts=("text", "sentence"),
    ),
    TableSpec(
        "tables",
        _fact_columns(rows="TEXT", n_rows="INTEGER", n_cols="INTEGER", header_rows="INTEGER",
                      page_end="INTEGER", strategy="TEXT"),
        pk=("document_sha256", "position"),
        foreign_keys=_FACT_FKS,
        indexes=_FACT_INDEXES,
    ),
    # Issue 3: every cell of every table, its text read as a Danish number where it is one.
    TableSpec(
        "table_cells",
        {"document_sha256": "TEXT", "table_position": "INTEGER", "row": "INTEGER", "col": "INTEGER",
         "text": "TEXT", "value": "REAL", "page": "INTEGER", "bbox": "TEXT"},
        pk=("document_sha256", "table_position", "row", "col"),
        foreign_keys=(("document_sha256", "documents", "sha256"),),
        indexes=(("document_sha256", "table_position"), ("value",)),
    ),
    # Minutes (issue 5): a decision per minutes item, who dissented, and cases over the years.
    TableSpec(
        "decisions",
        {
            "item_id": "TEXT", "document_sha256": "TEXT", "meeting_id": "TEXT",
            "committee": "TEXT", "date": "TEXT", "year": "INTEGER", "number": "INTEGER",
            "title": "TEXT", "case_number": "TEXT", "recommendations": "TEXT", "text": "TEXT",
            "outcome": "TEXT", "outcome_stated": "INTEGER", "departs": "INTEGER",
            "dissents": "INTEGER", "page": "INTEGER", "not_taking_part": "TEXT",
        },
        pk="item_id",
        foreign_keys=(("item_id", "items", "id"), ("document_sha256", "documents", "sha256"),
                      ("meeting_id", "meetings", "id")),
        indexes=(("meeting_id", "number"), ("outcome",), ("year",), ("committee",),
                 ("case_number",)),
        fts=("title", "text"),
    ),
    TableSpec(
        "dissents",
        {
            "item_id": "TEXT", "position": "INTEGER", "document_sha256": "TEXT",
            "meeting_id": "TEXT", "who": "TEXT", "kind": "TEXT", "points": "TEXT",
            "text": "TEXT", "page": "INTEGER",
        },
        pk=("item_id", "position"),
        foreign_keys=(("item_id", "items", "id"), ("document_sha256", "documents", "sha256")),
        indexes=(("who",), ("kind",), ("meeting_id",)),
    ),
    TableSpec(
        "cases",
        {
            "id": "TEXT", "kind": "TEXT", "case_number": "TEXT", "title": "TEXT",
            "first_date": "TEXT", "last_date": "TEXT", "treatments": "INTEGER",
            "committees": "TEXT",
        },
        pk="id",
        indexes=(("case_number",), ("kind",), ("last_date",)),
        fts=("title", "case_number"),
    ),
    TableSpec(
        "case_treatments",
        {
            "case_id": "TEXT", "position": "INTEGER", "date": "TEXT", "committee": "TEXT",
            "meeting_id": "TEXT", "number": "INTEGER", "item_id": "TEXT", "title": "TEXT",
            "decision": "TEXT", "outcome": "TEXT", "source": "TEXT",
        },
        pk=("case_id", "position"),
        foreign_keys=(("case_id", "cases", "id"),),
        indexes=(("item_id",), ("meeting_id",), ("date",)),
    ),
    TableSpec(
        "failures",
        {
            "path": "TEXT", "sha256": "TEXT", "filename": "TEXT", "stage": "TEXT",
            "code": "TEXT", "reason": "TEXT", "time": "TEXT", "path_bytes": "BLOB",
        },
        pk="path",
        indexes=(("sha256",), ("code",)),
    ),
    # The search (issue 13; extractor/archive/search_index.py): one row per result a reader
    # gets, an item or a page outside items, with what the search page filters and counts by
    # (narrow, so a search reads it fast) ...
    TableSpec(
        "search_results",
        {
            "id": "INTEGER", "item_id": "TEXT", "document_sha256": "TEXT", "page": "INTEGER",
            "meeting_id": "TEXT", "date": "TEXT", "year": "INTEGER", "committee": "TEXT",
            "municipality": "TEXT", "outcome": "TEXT", "departs": "INTEGER", "facets": "INTEGER",
            "index_version": "INTEGER",
        },
        pk="id",
        indexes=(("item_id",), ("document_sha256",), ("date",), ("outcome", "date"), ("facets", "outcome")),
    ),
    # ... the values of each combination of facets (search_results.facets) ...
    TableSpec(
        "search_facets",
        {"facets": "INTEGER", "year": "INTEGER", "committee": "TEXT", "municipality": "TEXT",
         "outcome": "TEXT", "departs": "INTEGER"},
        pk="facets",
    ),
    # ... and its texts by field, printed and stemmed; the full-text index reads the stems.
    TableSpec(
        "search_texts",
        {
            "id": "INTEGER", **{f"{field}{suffix}": "TEXT" for suffix in ("", "_stems")
                                for field in SEARCH_FIELDS},
        },
        pk="id",
        foreign_keys=(("id", "search_results", "id"),),
        fts_fed_from=tuple((field, f"{field}_stems") for field in SEARCH_FIELDS),
    ),
    # Tariff series (issue 13): the tariffs of every document grouped into one series per
    # normalised label and table column variant, rebuilt after every import
    # (extractor/archive/tariff_series.py).
    TableSpec(
        "tariff_series",
        {
            "id": "TEXT", "label": "TEXT", "variant": "TEXT", "unit": "TEXT", "first_year": "INTEGER",
            "last_year": "INTEGER", "years": "INTEGER", "first_value": "REAL", "latest_value": "REAL",
            "change_pct": "REAL", "n_values": "INTEGER", "flagged": "INTEGER",
        },
        pk="id",
        indexes=(("label",), ("last_year",)),
    ),
    TableSpec(
        "tariff_values",
        {
            "series_id": "TEXT", "position": "INTEGER", "year": "INTEGER", "year_stated": "INTEGER",
            "value_dkk": "REAL", "plausible": "INTEGER", "flag": "TEXT", "flag_limit": "REAL", "label": "TEXT",
            "column_header": "TEXT", "unit": "TEXT", "meeting_id": "TEXT", "date": "TEXT",
            "committee": "TEXT", "document_sha256": "TEXT", "kind": "TEXT", "item_id": "TEXT",
            "page": "INTEGER", "bbox": "TEXT", "tariff_position": "INTEGER",
        },
        pk=("series_id", "position"),
        foreign_keys=(("series_id", "tariff_series", "id"), ("document_sha256", "documents", "sha256")),
        indexes=(("document_sha256",), ("year",)),
    ),
    TableSpec(
        # Human corrections keyed to stable item ids, applied again after every import.
        "corrections",
        {"item_id": "TEXT", "field": "TEXT", "value": "TEXT", "corrected_at": "TEXT"},
        pk=("item_id", "field"),
    ),
)

TABLES_BY_NAME = {spec.name: spec for spec in TABLES}

# Views: derived, never stored, so they are replaced when their SQL changes.
VIEWS: dict[str, str] = {
    # What each document yielded, so gaps (scans not OCR'ed, no items) are seen in Datasette.
    "coverage": """
SELECT d.sha256 AS document_sha256, d.filename, d.path, d.kind, d.pages,
  (SELECT count(*) FROM pages p WHERE p.document_sha256 = d.sha256 AND trim(p.text) != '')
    AS pages_with_text,
  json_array_length(coalesce(d.ocr_pages, '[]'))
    - json_array_length(coalesce(d.needs_ocr_pages, '[]')) AS pages_ocr,
  json_array_length(coalesce(d.needs_ocr_pages, '[]')) AS pages_needing_ocr,
  (SELECT count(*) FROM items i WHERE i.document_sha256 = d.sha256) AS items,
  (SELECT count(*) FROM [tables] t WHERE t.document_sha256 = d.sha256) AS tables,
  (SELECT count(*) FROM failures f WHERE f.path = d.path) AS failures,
  d.superseded_by IS NULL AS current
FROM documents d""",
    # A minutes decision beside what the agenda of the same meeting recommended (issue 5);
    # newest versions only, so a changed file does not double its rows.
    "item_outcomes": """
SELECT dec.item_id, dec.meeting_id, dec.date, dec.committee, dec.number, dec.title,
  dec.case_number, agenda.id AS agenda_item_id,
  coalesce((SELECT group_concat(r.text, char(10)) FROM recommendations r WHERE r.item_id = agenda.id),
           dec.recommendations) AS recommendations,
  dec.text AS decision, dec.outcome, dec.outcome_stated, dec.departs, dec.dissents, dec.page
FROM decisions dec
  LEFT JOIN items agenda ON agenda.meeting_id = dec.meeting_id AND agenda.number = dec.number
    AND agenda.document_sha256 IN (SELECT sha256 FROM documents WHERE kind = 'agenda'
                                   AND superseded_by IS NULL)
WHERE dec.document_sha256 IN (SELECT sha256 FROM documents WHERE superseded_by IS NULL)""",
}


def open_archive(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) an archive file and bring its schema up to date.

    WAL lets Datasette read while `ingest` writes; the busy timeout makes a second writer
    wait instead of failing; foreign keys are enforced so a bad write fails loudly.
    """
    db = sqlite_utils.Database(Path(path))
    try:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.enable_wal()
        db.conn.execute("PRAGMA foreign_keys = ON")
        with schema_lock(Path(path)):
            migrate(db)
    except BaseException:
        db.close()  # a caller that retries opens a new connection
        raise
    return db


@contextmanager
def schema_lock(path: Path) -> Iterator[None]:
    """One process at a time checks and changes an archive's schema.

    Why: migrate's steps are check-then-create, one statement each (sqlite-utils commits
    between them), so two imports opening a new archive at once could drop and re-create an
    FTS index under each other. An SQLite transaction cannot span them; a lock file keyed by
    the archive's real path serialises the processes of this machine (SQLite itself is for
    one machine's processes).
    """
    if fcntl is None:
        yield
        return
    key = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    try:
        handle = open(Path(tempfile.gettempdir()) / f"dagsorden-schema-{key}.lock", "a")
    except OSError:  # another user's lock file: fall back to open_db's retries
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrate(db: sqlite_utils.Database) -> None:
    """Create missing tables, columns, indexes and FTS indexes; never drop anything."""
    _retire_fact_entities(db)
    _retire_search_index(db)
    for spec in TABLES:
        _ensure_table(db, spec)
    for spec in TABLES:
        _ensure_indexes(db, spec)
        _ensure_fts(db, spec)
    _ensure_views(db)
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.conn.commit()


def _retire_fact_entities(db: sqlite_utils.Database) -> None:
    """Archives from before issue 4 had `entities` as per-document facts (always empty, as
    nothing filled it). Such a table is replaced; one holding rows is kept as `entities_v1`."""
    table = db.table("entities")
    if not table.exists() or "document_sha256" not in table.columns_dict:
        return
    if table.count == 0:
        table.drop()
    else:
        db.conn.execute("ALTER TABLE entities RENAME TO entities_v1")


def _retire_search_index(db: sqlite_utils.Database) -> None:
    """Archives from before issue 13 searched a per-field `search_index`. It is derived data
    (every text is in the archive's own tables), so it is dropped, with its full-text index (its
    triggers go with the table), and the next refresh fills search_results and search_texts instead."""
    if not db.table("search_index").exists():
        return
    db.conn.execute("DROP TABLE IF EXISTS search_index_fts")
    db.conn.execute("DROP TABLE search_index")


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


def _ensure_views(db: sqlite_utils.Database) -> None:
    for name, sql in VIEWS.items():
        create = f"CREATE VIEW [{name}] AS {sql.strip()}"
        row = db.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?",
                              [name]).fetchone()
        if row and row[0] == create:
            continue
        db.conn.execute(f"DROP VIEW IF EXISTS [{name}]")
        db.conn.execute(create)


def _ensure_indexes(db: sqlite_utils.Database, spec: TableSpec) -> None:
    table = db.table(spec.name)
    for columns in spec.indexes:
        table.create_index(list(columns), if_not_exists=True)


def _ensure_fts(db: sqlite_utils.Database, spec: TableSpec) -> None:
    """FTS5 kept in step by triggers, so every write path (ours or a user's SQL) is indexed."""
    if spec.fts_fed_from:
        _ensure_fed_fts(db, spec)
    if not spec.fts:
        return
    table = db.table(spec.name)
    if table.detect_fts() is None:
        table.enable_fts(list(spec.fts), fts_version="FTS5", create_triggers=True)


def _ensure_fed_fts(db: sqlite_utils.Database, spec: TableSpec) -> None:
    """An external-content FTS5 index whose columns read the shown columns of the table but are
    fed the other columns by triggers. Never run FTS5's 'rebuild' on it: that would index the
    shown text. An index of another shape is derived data: it is replaced and filled again."""
    assert spec.fts_fed_from and isinstance(spec.pk, str)
    shown = ", ".join(f"[{s}]" for s, _ in spec.fts_fed_from)
    name, fts, pk = spec.name, f"{spec.name}_fts", spec.pk
    triggers = {f"{name}_ai", f"{name}_ad", f"{name}_au"}  # the names sqlite-utils gives them
    create = (f"CREATE VIRTUAL TABLE [{fts}] USING FTS5 ({shown}, content=[{name}], "
              f"content_rowid=[{pk}], tokenize='{FTS_TOKENIZER}')")
    found = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [fts]).fetchone()
    have = {row[0] for row in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [name])}
    if found and found[0] == create and triggers <= have:
        return
    for trigger in triggers:
        db.conn.execute(f"DROP TRIGGER IF EXISTS [{trigger}]")
    db.conn.execute(f"DROP TABLE IF EXISTS [{fts}]")
    db.conn.execute(create)
    fed = [f for _, f in spec.fts_fed_from]
    insert = (f"INSERT INTO [{fts}] (rowid, {shown}) VALUES (new.[{pk}], "
              + ", ".join(f"new.[{f}]" for f in fed) + ");")
    delete = (f"INSERT INTO [{fts}] ([{fts}], rowid, {shown}) VALUES ('delete', old.[{pk}], "
              + ", ".join(f"old.[{f}]" for f in fed) + ");")
    db.conn.execute(f"CREATE TRIGGER [{name}_ai] AFTER INSERT ON [{name}] BEGIN {insert} END")
    db.conn.execute(f"CREATE TRIGGER [{name}_ad] AFTER DELETE ON [{name}] BEGIN {delete} END")
    # Only a change of a fed column reaches the index.
    db.conn.execute(f"CREATE TRIGGER [{name}_au] AFTER UPDATE OF {', '.join(f'[{f}]' for f in fed)} "
                    f"ON [{name}] BEGIN {delete} {insert} END")
    db.conn.execute(f"INSERT INTO [{fts}] (rowid, {shown}) SELECT [{pk}], {', '.join(f'[{f}]' for f in fed)} "
                    f"FROM [{name}]")


def insert_rows(db: sqlite_utils.Database, table: str, rows: Iterable[Row], *,
                verb: str = "INSERT", on_conflict: str = "") -> None:
    """Insert rows whose keys are columns of `table` (checked against TABLES), as plain
    statements on the connection, so they join the caller's transaction.

    Why not `table.insert_all`: sqlite-utils 3.x commits inside it, which would split a
    document over several transactions.
    """
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


def is_fts_table(name: str, table_names: list[str] | set[str]) -> bool:
    """True for an FTS index table or its shadow tables (`items_fts`, `items_fts_data`, ...)."""
    return any(name == f"{t}_fts" or name.startswith(f"{t}_fts_") for t in table_names)


def archive_tables(db: sqlite_utils.Database) -> list[str]:
    """The archive's own tables, without FTS indexes and their shadow tables."""
    names = db.table_names()
    return [n for n in names if not is_fts_table(n, names)]
