"""One search index over items, sections, decisions, recommendations, attachments and pages.

Why a separate table: FTS5 cannot call a Python stemmer as its tokenizer from the sqlite3
module, so each searchable text is stored once more, stemmed (extractor/danish/stemming.py),
and indexed. Datasette stems the query with the same function (datasette/plugins).
Refreshing is incremental: only documents not yet indexed are added.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

from dagsorden.extractor.danish.stemming import fts_query, stem_text

SEARCH_TABLE = "search_index"

# (kind, SQL giving document_sha256, item_id, page, title, text) for each searchable unit.
# Each select names its columns: document_sha256, item_id, page, title, text.
SOURCES: tuple[tuple[str, str], ...] = (
    ("item", "select i.document_sha256, i.id as item_id, i.page_start as page, i.title, "
             "coalesce(i.title, '') || ' ' || coalesce(i.case_number, '') as text from items i"),
    ("section", "select i.document_sha256, i.id as item_id, i.page_start as page, "
                "i.title || ' – ' || s.heading as title, s.text from item_sections s join items i on i.id = s.item_id"),
    ("recommendation", "select i.document_sha256, i.id as item_id, coalesce(r.page, i.page_start) as page, "
                       "i.title, r.text from recommendations r join items i on i.id = r.item_id"),
    ("attachment", "select i.document_sha256, i.id as item_id, coalesce(a.page, i.page_start) as page, "
                   "i.title, a.title as text from attachments a join items i on i.id = a.item_id"),
    ("decision", "select i.document_sha256, i.id as item_id, i.page_start as page, i.title, i.decision as text "
                 "from items i where i.decision is not null and i.decision != ''"),
    ("page", "select p.document_sha256, null as item_id, p.number as page, "
             "d.filename || ' side ' || p.number as title, p.text from pages p "
             "join documents d on d.sha256 = p.document_sha256"),
)
SOURCE_TABLES = ("items", "item_sections", "recommendations", "attachments", "pages", "documents")


# On a published archive anyone can call these on any text, and SQLite's time limit cannot
# stop a Python function mid-call (20 MB took 8.7 s against a 1 s limit): Datasette's
# connections cut their input to this many characters (a dense page is ~5,000): under
# 0.1 s of stemming.
SQL_FUNCTION_MAX_CHARS = 20_000


def register_functions(conn: sqlite3.Connection, max_chars: int | None = SQL_FUNCTION_MAX_CHARS) -> None:
    """`da_stem(text)` and `da_query(words)` for SQL, in the archive and in Datasette; the
    indexer (max_chars=None) stems whole texts."""
    def capped(function: Callable[[str | None], str]) -> Callable[[object], str]:
        def call(text: object) -> str:
            if text is not None and not isinstance(text, str):
                text = str(text)
            return function(text[:max_chars] if text and max_chars else text)
        return call

    conn.create_function("da_stem", 1, capped(stem_text), deterministic=True)
    conn.create_function("da_query", 1, capped(fts_query), deterministic=True)


def refresh_search_index(db: sqlite_utils.Database) -> int:
    """Index every document that is not in the search table yet; returns rows added.

    The table itself is part of the archive schema (extractor/store/schema.py)."""
    register_functions(db.conn, max_chars=None)
    if not set(SOURCE_TABLES) | {SEARCH_TABLE} <= set(db.table_names()):
        return 0
    added = 0
    with db.conn:
        for kind, select in SOURCES:
            cursor = db.conn.execute(
                f"insert into {SEARCH_TABLE} (kind, document_sha256, item_id, page, title, text, stemmed) "
                f"select ?, src.document_sha256, src.item_id, src.page, src.title, src.text, da_stem(src.text) "
                f"from ({select}) as src where src.text is not null and src.text != '' "
                f"and src.document_sha256 not in "
                f"(select distinct document_sha256 from {SEARCH_TABLE} where kind = ?)",
                (kind, kind),
            )
            added += cursor.rowcount
    return added
