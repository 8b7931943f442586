"""The search index: one row per result a reader gets (an agenda item with everything printed
under it, or a page outside items), its text by field, and what the search page counts by.

Why this shape: a reader wants one result per item with the best-matching field first, so an
item's title, decision, recommendations, attachments, sections and pages are one full-text row
with one column per field, and FTS5's bm25 weighs the columns (title highest); ranking and
counting then touch each matching item once (`python bench/search.py`). Why stems: FTS5
cannot call a Python stemmer as its tokenizer from the sqlite3 module, so each field is stored
printed (for snippets) and stemmed (indexed; extractor/danish/stemming.py). The facet columns
(year, committee, municipality, outcome) sit in a narrow table of their own, with `facets`, one
number per combination of them (its values in search_facets), so counting by all of them is a
single grouping of numbers.

Only the current version of each file is searched. Refreshing is incremental: documents not yet
indexed are added, replaced versions are removed, and facet columns are brought in step with the
archive (a municipality found later, a decision's outcome).
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import sqlite_utils

from dagsorden.extractor.archive.search_query import fts_query
from dagsorden.extractor.danish.stemming import stem_text
from dagsorden.extractor.store.schema import SEARCH_FIELDS, insert_rows

RESULTS, TEXTS = "search_results", "search_texts"
FTS = f"{TEXTS}_fts"
INDEX_VERSION = 1
FACET_COLUMNS = ("year", "committee", "municipality", "outcome", "departs")
SOURCE_TABLES = ("items", "item_sections", "recommendations", "attachments", "pages", "documents",
                 "meetings", "decisions", "appendices", RESULTS, TEXTS, "search_facets")
# What every result of a document is filtered and counted by (outcome: per item, below).
DOCUMENT_FACETS = """select d.sha256, d.meeting_id, m.date, m.year, m.committee, m.municipality
from documents d left join meetings m on m.id = d.meeting_id"""


def facet_key(*values: Any) -> int:
    """One number per combination of facet values (64 bits: collisions are not a concern)."""
    digest = hashlib.blake2b(repr(values).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


# On a published archive anyone can call these on any text, and SQLite's time limit cannot
# stop a Python function mid-call (20 MB took 8.7 s against a 1 s limit): Datasette's
# connections cut their input to this many characters (a dense page is ~5,000): under
# 0.1 s of stemming.
SQL_FUNCTION_MAX_CHARS = 20_000


def register_functions(conn: sqlite3.Connection, max_chars: int | None = SQL_FUNCTION_MAX_CHARS) -> None:
    """`da_stem(text)`, `da_query(words)` and `facet_key(...)` for SQL, in the archive and in
    Datasette; the indexer (max_chars=None) stems whole texts."""
    def capped(function: Callable[[str | None], str]) -> Callable[[object], str]:
        def call(text: object) -> str:
            if text is not None and not isinstance(text, str):
                text = str(text)
            return function(text[:max_chars] if text and max_chars else text)
        return call

    conn.create_function("da_stem", 1, capped(stem_text), deterministic=True)
    conn.create_function("da_query", 1, capped(fts_query), deterministic=True)
    conn.create_function("facet_key", len(FACET_COLUMNS), facet_key, deterministic=True)


def refresh_search_index(db: sqlite_utils.Database) -> int:
    """Index the current documents not indexed yet, drop replaced versions, bring the facet
    columns in step; returns the results added. The tables are part of the archive schema
    (extractor/store/schema.py)."""
    register_functions(db.conn, max_chars=None)
    if not set(SOURCE_TABLES) <= set(db.table_names()):
        return 0
    added = 0
    with db.conn:
        _drop(db.conn, "select document_sha256 from search_results r where index_version is not ? "
                       "or document_sha256 not in (select sha256 from documents where superseded_by is null)",
              [INDEX_VERSION])
        new = [row[0] for row in db.conn.execute(
            "select sha256 from documents where superseded_by is null and sha256 not in "
            "(select distinct document_sha256 from search_results)")]
        next_id = (db.conn.execute("select max(id) from search_results").fetchone()[0] or 0) + 1
        for sha in new:
            results, texts = document_results(db.conn, sha, next_id)
            insert_rows(db, RESULTS, results)
            insert_rows(db, TEXTS, texts)
            next_id += len(results)
            added += len(results)
        _sync_facets(db.conn)
    return added


def _drop(conn: sqlite3.Connection, documents_sql: str, params: list[Any]) -> None:
    """Remove the results of the documents a query names (texts first: they point at results)."""
    conn.execute(f"delete from {TEXTS} where id in (select id from {RESULTS} where document_sha256 in "
                 f"({documents_sql}))", params)
    conn.execute(f"delete from {RESULTS} where document_sha256 in ({documents_sql})", params)


def _grouped(conn: sqlite3.Connection, sql: str, sha: str) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, text in conn.execute(sql, [sha]):
        if text:
            grouped[key].append(text)
    return grouped


def document_results(conn: sqlite3.Connection, sha: str, first_id: int) -> tuple[list[dict], list[dict]]:
    """The results of one document: its items (each with its pages and bound appendices) and
    its pages outside items; rows for search_results and search_texts."""
    items = conn.execute("select id, title, case_number, decision, page_start, coalesce(page_end, page_start) "
                         "from items where document_sha256 = ? order by page_start, number", [sha]).fetchall()
    fields = {
        "recommendation": _grouped(conn, "select r.item_id, r.text from recommendations r join items i "
                                         "on i.id = r.item_id where i.document_sha256 = ? order by r.position", sha),
        "attachment": _grouped(conn, "select a.item_id, a.title from attachments a join items i "
                                     "on i.id = a.item_id where i.document_sha256 = ? order by a.position", sha),
        "section": _grouped(conn, "select s.item_id, coalesce(s.heading, '') || char(10) || coalesce(s.text, '') "
                                  "from item_sections s join items i on i.id = s.item_id "
                                  "where i.document_sha256 = ? order by s.position", sha),
    }
    owner = {}  # page number -> the item printed on it, or whose bound appendix it is
    for item_id, _, _, _, start, end in items:
        owner.update({page: item_id for page in range(start or 0, (end or 0) + 1)})
    for item_id, start, end in conn.execute("select item_id, page_start, coalesce(page_end, page_start) "
                                            "from appendices where document_sha256 = ?", [sha]):
        owner.update({page: item_id for page in range(start or 0, (end or 0) + 1) if item_id})
    pages: dict[str, list[str]] = defaultdict(list)
    outside = []
    for number, text in conn.execute("select number, text from pages where document_sha256 = ? "
                                     "and text is not null and trim(text) != '' order by number", [sha]):
        if number in owner:
            pages[owner[number]].append(text)
        else:
            outside.append((number, text))
    units = [({"item_id": item_id, "page": start},
              {"title": " ".join(filter(None, (title, case_number))), "decision": decision,
               **{field: "\n".join(fields[field].get(item_id, [])) for field in fields},
               "page_text": "\n\n".join(pages.get(item_id, []))})
             for item_id, title, case_number, decision, start, _ in items]
    units += [({"item_id": None, "page": number}, {"page_text": text}) for number, text in outside]
    results, texts = [], []
    for offset, (result, fields_of_unit) in enumerate(units):
        unit_id = first_id + offset
        results.append({"id": unit_id, "document_sha256": sha, "index_version": INDEX_VERSION, **result})
        row: dict[str, Any] = {"id": unit_id}
        for field in SEARCH_FIELDS:
            printed = fields_of_unit.get(field) or None
            row[field], row[f"{field}_stems"] = printed, stem_text(printed) if printed else None
        texts.append(row)
    return results, texts


def _sync_facets(conn: sqlite3.Connection) -> None:
    """The facet columns, set where they differ from the archive: new results, a meeting's
    municipality found later, a decision's outcome; then `facets`, the number of the combination."""
    columns = ("meeting_id", "date", "year", "committee", "municipality")
    differs = " or ".join(f"r.{c} is not f.{c}" for c in columns)
    conn.execute(f"update {RESULTS} as r set {', '.join(f'{c} = f.{c}' for c in columns)}, facets = null "
                 f"from ({DOCUMENT_FACETS}) as f where f.sha256 = r.document_sha256 and ({differs})")
    conn.execute(f"update {RESULTS} as r set outcome = d.outcome, departs = d.departs, facets = null from decisions d "
                 f"where d.item_id = r.item_id and (r.outcome is not d.outcome or r.departs is not d.departs)")
    conn.execute(f"update {RESULTS} set facets = facet_key({', '.join(FACET_COLUMNS)}) where facets is null")
    conn.execute(f"delete from search_facets where facets not in (select facets from {RESULTS})")
    conn.execute(f"insert or ignore into search_facets (facets, {', '.join(FACET_COLUMNS)}) "
                 f"select facets, {', '.join(FACET_COLUMNS)} from {RESULTS} group by facets")
