"""The published site: Danish search, item and meeting pages, PDF and previews, corrections, safety."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlencode

import pytest
import sqlite_utils

from dagsorden.extractor.archive.corrections import CorrectionError, add_correction, apply_corrections
from dagsorden.extractor.danish.stemming import stem_text
from dagsorden.extractor.batch.ingest import ingest
from dagsorden.extractor.site.instance import SETTINGS, Instance
from siteclient import get, make_site

ROOT = Path(__file__).resolve().parent.parent
DATASETTE_DIR = ROOT / "datasette"
BUDGET_ITEM = "das-social-2023-08-21-3"


@pytest.fixture(scope="module")
def site_db(classic_archive: Path) -> Path:
    return classic_archive


@pytest.mark.parametrize("word", ["takst", "takster", "taksten", "taksterne"])
def test_danish_stemming_makes_inflections_one_term(word: str) -> None:
    assert stem_text(word) == "takst"


def test_item_page_shows_facts_with_pdf_page_links(site_db: Path) -> None:
    response = get(make_site(site_db), f"/-/item/{BUDGET_ITEM}")
    assert response.status_code == 200
    html = response.text
    assert "Budget og takster for Socialtilsyn Nord" in html and "2023-052085" in html
    assert "Drøfter Socialtilsynets budget 2023" in html
    assert "#page=6" in html and "/-/preview/" in html


def test_meeting_page_lists_items_and_participants(site_db: Path) -> None:
    html = get(make_site(site_db), "/-/meeting/das-social-2023-08-21").text
    assert "Virtuelt møde" in html and "Søren Aalund" in html
    agenda_items = set(re.findall(r'href="/-/item/(das-social-2023-08-21-\d+)"', html))
    assert agenda_items == {f"das-social-2023-08-21-{n}" for n in range(1, 18)}


def test_pdf_and_preview_are_served_for_archived_documents_only(site_db: Path) -> None:
    ds = make_site(site_db)
    sha = get(ds, f"/{site_db.stem}/documents.json?_shape=array&_col=sha256").json()[0]["sha256"]
    pdf = get(ds, f"/-/pdf/{sha}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    preview = get(ds, f"/-/preview/{sha}/1.png?bbox=72,100,300,120")
    assert preview.status_code == 200 and preview.content.startswith(b"\x89PNG")
    assert get(ds, f"/-/preview/{sha}/999.png").status_code == 404
    assert get(ds, "/-/pdf/" + "0" * 64).status_code == 404
    for attack in ("/-/pdf/../../etc/passwd", "/-/pdf/%2e%2e%2fetc%2fpasswd", "/-/preview/etc/passwd/1.png"):
        response = get(ds, attack)
        assert response.status_code in (302, 404) and "root:" not in response.text, attack


def test_writing_sql_and_slow_sql_are_refused(site_db: Path) -> None:
    ds = make_site(site_db, sql_time_limit_ms=50)
    write = get(ds, f"/{site_db.stem}.json?" + urlencode({"sql": "delete from items"}))
    assert write.status_code == 400 and "must be a SELECT" in write.json()["error"]
    slow = ("with recursive n(x) as (select 1 union all select x + 1 from n where x < 100000000) "
            "select count(*) from n")
    response = get(ds, f"/{site_db.stem}.json?" + urlencode({"sql": slow}))
    assert response.status_code == 400 and "too long" in response.json()["error"].lower()
    rows = sqlite_utils.Database(site_db).execute("select count(*) from items").fetchone()[0]
    assert rows >= 41


def test_correction_survives_reimport_and_is_marked(site_db: Path, tmp_path: Path, corpus_dir: Path) -> None:
    db_path = tmp_path / "corrected.db"
    shutil.copy2(site_db, db_path)
    db = sqlite_utils.Database(db_path)
    add_correction(db, BUDGET_ITEM, "title", "Budget og takster 2024 for Socialtilsyn Nord")
    with pytest.raises(CorrectionError):
        add_correction(db, BUDGET_ITEM, "page_start", "3")
    with db.conn:  # what a re-extraction does: the item is written again from the PDF
        db.conn.execute("update items set title = 'Budget og takster for Socialtilsyn Nord' where id = ?",
                        [BUDGET_ITEM])
    assert apply_corrections(db) == 1
    assert db.execute("select title from items where id = ?", [BUDGET_ITEM]).fetchone()[0].startswith(
        "Budget og takster 2024")
    html = get(make_site(db_path), f"/-/item/{BUDGET_ITEM}").text
    assert "Rettet i hånden" in html and "Corrected by hand" in get(make_site(db_path), f"/-/item/{BUDGET_ITEM}?lang=en").text


def test_publish_prepares_a_read_only_instance(site_db: Path, tmp_path: Path) -> None:
    published = Instance.of(site_db).publish(tmp_path / "site")
    assert (tmp_path / "site" / site_db.name).is_file()
    assert json.loads((tmp_path / "site" / "settings.json").read_text())["sql_time_limit_ms"] == SETTINGS[
        "sql_time_limit_ms"]
    command = published.command("serve", tmp_path / "site" / "metadata.json")
    assert command[command.index("-i") + 1] == str(tmp_path / "site" / site_db.name)
    assert command[command.index("--plugins-dir") + 1] == str(tmp_path / "site" / "plugins")
    assert command[command.index("--setting") + 1:command.index("--setting") + 3] == ["sql_time_limit_ms", "1000"]
    ds = published.app()
    assert get(ds, f"/-/item/{BUDGET_ITEM}").status_code == 200
    assert get(ds, "/-/settings.json").json()["sql_time_limit_ms"] == SETTINGS["sql_time_limit_ms"]


def test_tariff_page_charts_a_tariff_over_the_years(site_db: Path) -> None:
    site = make_site(site_db)
    listing = get(site, "/-/tariff?label=Takstgruppe 2", follow=True).text  # the old address still leads there
    series = re.search(r'href="(/-/takster/takstgruppe-2[^"]*)"', listing).group(1)
    html = get(site, series).text
    assert '<svg class="tariff-chart"' in html
    with sqlite_utils.Database(site_db).conn as conn:
        years = {row[0] for row in conn.execute("select year from tariffs where label like '%Takstgruppe 2%' "
                                                "and year is not null")}
    assert len(years) >= 2
    for year in years:
        assert f">{year}</text>" in html
    assert "#page=" in html and "/-/preview/" in html


def test_canned_query_cells_link_to_items_and_previews(site_db: Path) -> None:
    html = get(make_site(site_db), f"/{site_db.stem}/tariff_history?label=Takstgruppe").text
    assert 'href="/-/item/das-social-2023-08-21-3"' in html
    assert ">vis side</a>" in html


def test_a_changed_file_hands_its_item_urls_and_corrections_to_the_new_version(
        corpus_dir: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "in" / "dagsorden-2023-08-21.pdf"
    agenda.parent.mkdir()
    db_path = tmp_path / "versions.db"
    stable = "das-social-2023-08-21-3"
    shutil.copy2(corpus_dir / "classic" / "002_25e43dcc1d34d20d.pdf", agenda)
    assert ingest([agenda], db_path).failed == 0
    db = sqlite_utils.Database(db_path)
    old_sha = db.execute("select document_sha256 from items where id = ?", [stable]).fetchone()[0]
    add_correction(db, stable, "title", "Rettet titel")
    shutil.copy2(corpus_dir / "modern" / "002_25e43dcc1d34d20d.pdf", agenda)  # the file changed
    assert ingest([agenda], db_path).failed == 0

    new_sha = db.execute("select sha256 from documents where superseded_by is null").fetchone()[0]
    assert new_sha != old_sha
    assert db.execute("select document_sha256, title from items where id = ?", [stable]).fetchone() == (
        new_sha, "Rettet titel")  # the stable id and its correction follow the newest version
    old_item = f"{stable}-{old_sha[:8]}"
    assert db.execute("select document_sha256 from items where id = ?", [old_item]).fetchone() == (old_sha,)
    assert db.execute("select count(*) from recommendations where item_id = ?", [old_item]).fetchone()[0] > 0
    assert db.execute("select count(*) from items where id like ? || '%' and document_sha256 = ?",
                      [stable, new_sha]).fetchone()[0] == 1
    db.conn.execute("PRAGMA foreign_keys = ON")
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    minutes = tmp_path / "in" / "referat-2023-08-21.pdf"
    shutil.copy2(corpus_dir / "classic" / "002_referat_25e43dcc1d34d20d.pdf", minutes)
    assert ingest([minutes], db_path).failed == 0
    outcomes = db.execute("select number, agenda_item_id from item_outcomes where meeting_id = ?",
                          ["das-social-2023-08-21"]).fetchall()
    assert len(outcomes) == len({number for number, _ in outcomes}) > 0  # one row per item, not per version
    assert dict(outcomes)[3] == stable

    site = make_site(db_path)
    html = get(site, "/-/meeting/das-social-2023-08-21").text
    assert html.count(f"/-/item/{stable}\"") == 1 and old_item not in html
    assert "ældre version" in html
    old_page = get(site, f"/-/item/{old_item}").text
    assert "Ældre version af dokumentet" in old_page and f'href="/-/item/{stable}"' in old_page
    assert "Ældre version" not in get(site, f"/-/item/{stable}").text


def test_about_page_shows_coverage_of_every_document(site_db: Path) -> None:
    html = get(make_site(site_db), "/-/om").text
    with sqlite_utils.Database(site_db).conn as conn:
        filenames = [row[0] for row in conn.execute("select filename from documents")]
    assert "Sådan er teksten udtrukket" in html
    assert "How this was extracted" in get(make_site(site_db), "/-/om?lang=en").text
    for filename in filenames:
        assert filename in html
    assert 'href="/-/om"' in get(make_site(site_db), "/").text
