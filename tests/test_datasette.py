"""datasette/: the metadata documents the whole schema, and the real Datasette serves the archive."""
from __future__ import annotations

from pathlib import Path

import pytest

from dagsorden.extractor.archive.search_index import refresh_search_index
from dagsorden.extractor.store.write import store_extraction
from dagsorden.extractor.site.metadata import load_metadata
from dagsorden.extractor.store.schema import archive_tables, open_archive
from test_store import make_extraction
from dagsorden.extractor.site.instance import SETTINGS
from siteclient import get, make_site

DATASETTE_DIR = Path(__file__).resolve().parent.parent / "datasette"
METADATA = DATASETTE_DIR / "metadata.yaml"
DB_NAME = "mit_arkiv"  # deliberately not "dagsorden": the metadata must follow the file name


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ds") / f"{DB_NAME}.db"
    db = open_archive(path)
    store_extraction(db, make_extraction("agenda"))
    store_extraction(db, make_extraction("minutes", kind="minutes"))
    store_extraction(db, make_extraction("later", date="2023-09-18"))
    refresh_search_index(db)  # as `ingest` does at the end of a batch
    db.close()
    return path


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    db = open_archive(tmp_path_factory.mktemp("schema") / "schema.db")
    tables = {name: list(db.table(name).columns_dict) for name in archive_tables(db)}
    db.close()
    return tables




def test_metadata_describes_every_table_and_column(schema):
    tables = load_metadata(METADATA)["databases"]["dagsorden"]["tables"]
    missing = [f"{t}.{c}" for t, columns in schema.items() for c in columns
               if not (tables.get(t, {}).get("columns") or {}).get(c)]
    missing += [t for t in schema if not tables.get(t, {}).get("description")]
    assert missing == []


def test_metadata_has_no_stale_tables_or_columns(schema):
    tables = load_metadata(METADATA)["databases"]["dagsorden"]["tables"]
    stale = [f"{t}.{c}" for t, meta in tables.items() for c in (meta.get("columns") or {})
             if c not in schema.get(t, [])]
    assert stale == []


def test_metadata_rekeyed_to_database_name():
    metadata = load_metadata(METADATA, "arkiv_2024")
    assert list(metadata["databases"]) == ["arkiv_2024"]
    assert metadata["title"]


def test_datasette_search_finds_item(db_path):
    response = get(make_site(db_path), f"/{DB_NAME}/items.json?_search=botilbud&_shape=objects")
    assert response.status_code == 200
    rows = response.json()["rows"]
    assert {r["id"] for r in rows} == {
        "das-social-2023-08-21-2", "das-social-2023-08-21-2-referat", "das-social-2023-09-18-2",
    }


def test_search_page_finds_items_of_any_archive_name(db_path):
    response = get(make_site(db_path), "/-/search.json?q=Rammeaftalen&sort=date")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["date"] for r in results] == ["2023-09-18", "2023-08-21", "2023-08-21"]
    assert all(r["hit"] == "title" and r["title"].endswith("Rammeaftalen 2018") for r in results)
    old = get(make_site(db_path), f"/{DB_NAME}/search.json?q=Rammeaftalen")  # the canned query's address
    assert old.status_code == 302 and old.headers["location"] == "/-/s%C3%B8g.json?q=Rammeaftalen"


def test_datasette_canned_items_by_meeting(db_path):
    ds = make_site(db_path)
    response = get(ds, f"/{DB_NAME}/items_by_meeting.json?meeting=das-social-2023-09-18&_shape=objects")
    assert response.status_code == 200
    assert [r["number"] for r in response.json()["rows"]] == [1, 2, 3]


def test_datasette_facets_and_default_sort(db_path):
    ds = make_site(db_path)
    items = get(ds, f"/{DB_NAME}/items.json").json()
    assert {"section", "closed"} <= set(items["facet_results"])
    # the site's own page size (the settings `serve` and `publish` share), plus one to see if there is more
    assert items["query"]["sql"].endswith(f"order by sort_key limit {SETTINGS['default_page_size'] + 1}")
    people = get(ds, f"/{DB_NAME}/participants.json").json()
    assert {"attendance", "organization"} <= set(people["facet_results"])
    meetings = get(ds, f"/{DB_NAME}/meetings.json?_shape=objects").json()
    assert [m["date"] for m in meetings["rows"]] == ["2023-09-18", "2023-08-21"]


def test_datasette_table_page_shows_description(db_path):
    response = get(make_site(db_path), f"/{DB_NAME}/items")
    assert response.status_code == 200
    assert "Stable id, meeting id" in response.text
