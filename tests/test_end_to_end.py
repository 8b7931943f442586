"""End to end: corpus PDFs -> `dagsorden ingest` -> SQLite -> Datasette full-text search."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dagsorden.cli import cli
from siteclient import get, make_site

LOOK = "classic"


@pytest.fixture(scope="module")
def archive(classic_archive: Path) -> Path:
    """The classic look imported with `dagsorden ingest` (conftest.py)."""
    return classic_archive


def counts(db_path: Path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return {table: conn.execute(f"select count(*) from [{table}]").fetchone()[0]
                for table in ("documents", "meetings", "items", "recommendations", "attachments", "pages")}


def test_ingest_stores_every_corpus_document(archive: Path, corpus_dir: Path) -> None:
    stored = counts(archive)
    assert stored["documents"] == len(list((corpus_dir / LOOK).glob("*.pdf")))
    assert stored["meetings"] == 4  # 000, 001, 002, 004: the minutes of 000 and 002 share their agenda's meeting
    assert stored["items"] >= 41


def test_reimport_changes_nothing(archive_copy: Path, corpus_dir: Path) -> None:
    before = counts(archive_copy)
    result = CliRunner().invoke(cli, ["ingest", str(corpus_dir / LOOK), "--db", str(archive_copy), "--silent",
                                      "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["imported"] == 0 and report["skipped"] == before["documents"]
    assert counts(archive_copy) == before


def test_datasette_finds_item_by_full_text_search(archive: Path) -> None:
    ds = make_site(archive)
    response = get(ds, f"/{archive.stem}/items.json?_search=Socialtilsyn&_shape=objects")
    assert response.status_code == 200
    titles = [row["title"] for row in response.json()["rows"]]
    assert "Budget og takster for Socialtilsyn Nord" in titles


def test_item_links_to_its_meeting_and_pages(archive: Path) -> None:
    with sqlite3.connect(archive) as conn:
        row = conn.execute(
            "select m.date, i.page_start, i.case_number from items i join meetings m on m.id = i.meeting_id "
            "where i.title = 'Budget og takster for Socialtilsyn Nord'").fetchone()
        date, page_start, case_number = row
        page_text = conn.execute(
            "select p.text from pages p join items i on i.document_sha256 = p.document_sha256 "
            "where i.title = 'Budget og takster for Socialtilsyn Nord' and p.number = ?", (page_start,)).fetchone()[0]
    assert (date, case_number) == ("2023-08-21", "2023-052085")
    assert "Budget og takster for Socialtilsyn Nord" in " ".join(page_text.split())
