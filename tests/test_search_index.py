"""The search index underneath the search page: stems aligned token for token with the printed
text (so FTS5's snippet() marks the printed words), the query syntax, and what is indexed."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dagsorden.extractor.archive.search_index import refresh_search_index
from dagsorden.extractor.archive.search_query import QueryError, Term, parse_query
from dagsorden.extractor.danish.stemming import FTS_TOKENIZER, stem_text
from dagsorden.extractor.store.schema import open_archive
from dagsorden.extractor.store.write import store_extraction
from test_store import make_extraction

# Letters, Danish letters, digits, the punctuation of agendas, a Symbol-font bullet (private
# use), a combining accent, a non-breaking space and other scripts.
ALPHABET = st.sampled_from(list("abcxyzABCæøåÆØÅéü0189 .,-–:;()/\"'§%•\n\t") +
                           ["\uf0b7", "\u0301", "\u00a0", "ß", "ı", "Σ", "中", "ǅ", "\u2028"])


def fts_token_count(text: str) -> int:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"create virtual table t using fts5(x, tokenize='{FTS_TOKENIZER}')")
    conn.execute("create virtual table v using fts5vocab(t, instance)")
    conn.execute("insert into t(rowid, x) values (1, ?)", [text])
    return conn.execute("select count(*) from v").fetchone()[0]


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_every_printed_token_has_exactly_one_stem(text: str) -> None:
    assert fts_token_count(stem_text(text)) == fts_token_count(text)


@pytest.mark.parametrize("printed", ["kr. 1.320.124", "Sundheds- og Ældreudvalget", "\uf0b7 Takstgruppe 2 (8–24)",
                                     "café", "cafe\u0301 takster"])
def test_agenda_text_keeps_its_token_count(printed: str) -> None:
    assert fts_token_count(stem_text(printed)) == fts_token_count(printed)


def test_snippets_mark_the_printed_inflection(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    store_extraction(db, make_extraction("agenda"))
    refresh_search_index(db)
    snippet = db.execute("select snippet(search_texts_fts, 4, '[', ']', '…', 8) from search_texts_fts "
                         "where search_texts_fts match ?", [parse_query("takstudvikling").match()]).fetchone()[0]
    assert "[takstudviklingen]" in snippet  # printed "takstudviklingen", searched "takstudvikling"


@pytest.mark.parametrize("typed, groups, excluded", [
    ("takster botilbud", [["takst"], ["botilbud"]], []),
    ('"objektiv finansiering"', [["objektiv finansiering"]], []),
    ('"objektiv finansiering', [["objektiv finansiering"]], []),  # an unbalanced quote runs to the end
    ("Kvisten OR Sødisbakke takster", [["kvist", "sødisbak"], ["takst"]], []),
    ("takster -Socialtilsyn NOT Nord", [["takst"]], ["socialtilsyn", "nord"]),
    ("1.320.124", [["1 320 124"]], []),  # a number's parts as a phrase: found as typed
    ("- OR AND * ( ) takster", [["takst"]], []),
])
def test_query_syntax(typed: str, groups: list[list[str]], excluded: list[str]) -> None:
    query = parse_query(typed)
    assert query is not None
    assert [[" ".join(t.stems) for t in group] for group in query.groups] == groups
    assert [" ".join(t.stems) for t in query.excluded] == excluded
    assert query.groups[0][0] == Term(tuple(groups[0][0].split()))


@pytest.mark.parametrize("typed", ["", "  ", '""', "-", "OR", "*"])
def test_nothing_to_search_for(typed: str) -> None:
    assert parse_query(typed) is None


def test_only_left_out_words_is_an_error_the_page_explains() -> None:
    with pytest.raises(QueryError) as error:
        parse_query("-takster -budget")
    assert error.value.reason == "only_excluded"


def test_only_current_versions_are_searched(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    store_extraction(db, make_extraction("agenda"))
    refresh_search_index(db)
    old = db.execute("select sha256 from documents").fetchone()[0]
    assert db.execute("select count(*) from search_results where document_sha256 = ?", [old]).fetchone()[0] > 0
    with db.conn:  # what a new version of the file does to the old one (extractor/store/write.py)
        db.conn.execute("update documents set superseded_by = 'x' where sha256 = ?", [old])
    refresh_search_index(db)
    assert db.execute("select count(*) from search_results where document_sha256 = ?", [old]).fetchone()[0] == 0
    assert db.execute("select count(*) from search_texts_fts where search_texts_fts match 'rammeaftal'"
                      ).fetchone()[0] == 0


def test_an_archive_with_the_old_per_field_index_is_searched_after_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_archive(path)
    store_extraction(db, make_extraction("agenda"))
    db.table("search_index").create({"id": int, "kind": str, "document_sha256": str, "item_id": str, "page": int,
                                     "title": str, "text": str, "stemmed": str}, pk="id")
    db.table("search_index").enable_fts(["stemmed"], fts_version="FTS5", create_triggers=True)
    db["search_index"].insert({"kind": "item", "text": "Rammeaftalen 2018", "stemmed": "rammeaftal 2018"})
    db.close()
    db = open_archive(path)  # what `serve` and `publish` do first, then the site's steps
    refresh_search_index(db)
    names = set(db.table_names())
    assert not {"search_index", "search_index_fts"} & names
    found = db.execute("select r.item_id from search_texts_fts f join search_results r on r.id = f.rowid "
                       "where search_texts_fts match ?", [parse_query("Rammeaftalen").match()]).fetchall()
    assert {row[0] for row in found} == {"das-social-2023-08-21-2"}
