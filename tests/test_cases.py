"""Cases over the years: agenda and minutes linked, case timelines, series, and the Datasette views.

Real PDFs (tests/pdfmaker.py) go through the real pipeline and `ingest` into a real SQLite
file; Datasette answers through its own test client.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from dagsorden.extractor.archive.cases import group_cases
from dagsorden.extractor.batch.ingest import ingest
from pdfmaker import Text, bold, make_pdf
from siteclient import get, make_site

METADATA = Path(__file__).resolve().parent.parent / "datasette" / "metadata.yaml"
COMMITTEE = "Teknik- og Miljøudvalget"


def council_document(path: Path, kind_word: str, committee: str, date: str, items: list[list[Text | None]]) -> Path:
    """A FirstAgenda-style document: cover, then one item per page."""
    cover = [bold(committee, 18), Text(kind_word, 14), Text(f"Mødet den {date} kl. 16.00"), Text("Rådhuset")]
    return make_pdf(path, [cover, *items], header=f"Mødet den {date} {committee}")


def lokalplan(number: int, decision: list[str] | None, history: list[str] | None = None) -> list[Text | None]:
    lines: list[Text | None] = [Text(f"Punkt {number}: Lokalplan 1102 for Havnefronten", size=14),
                                Text("EMN-2025-003383"), None]
    if decision is not None:
        lines += [bold("Beslutninger"), *(Text(line) for line in decision), None]
    lines += [bold("Beslutningspunkter"), Text("At 1) Lokalplan 1102 vedtages"),
              Text("At 2) Kommuneplantillæg 14 vedtages"), None,
              bold("Sagsfremstilling"), Text("Lokalplanen giver mulighed for boliger ved havnen.")]
    if history:
        lines += [None, bold("Sagsforløb"), *(Text(line) for line in history)]
    return lines


def tariffs(number: int, year: int, decision: str | None) -> list[Text | None]:
    lines: list[Text | None] = [Text(f"Punkt {number}: Takster {year} for renovation", size=14), None]
    if decision is not None:
        lines += [bold("Beslutninger"), Text(decision), None]
    return lines + [bold("Beslutningspunkter"), Text(f"At 1) Taksterne for {year} godkendes"), None,
                    bold("Sagsfremstilling"), Text("Taksterne følger de forventede udgifter.")]


def agenda_item(number: int, title: str) -> list[Text | None]:
    return [Text(f"Punkt {number}: {title}", size=14), None, bold("Beslutningspunkter"),
            Text("At 1) Dagsordenen godkendes")]


def minutes_item(number: int, title: str) -> list[Text | None]:
    return [Text(f"Punkt {number}: {title}", size=14), None, bold("Beslutninger"), Text("Godkendt.")]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("arkiv")
    council_document(folder / "tmu-2024-referat.pdf", "Referat", COMMITTEE, "13.05.2024",
                     [minutes_item(1, "Godkendelse af dagsorden"), tariffs(2, 2024, "Godkendt.")])
    council_document(folder / "tmu-2025-dagsorden.pdf", "Dagsorden", COMMITTEE, "12.05.2025",
                     [agenda_item(1, "Godkendelse af dagsorden"), lokalplan(4, None), tariffs(5, 2025, None)])
    council_document(folder / "tmu-2025-referat.pdf", "Referat", COMMITTEE, "12.05.2025",
                     [minutes_item(1, "Godkendelse af dagsorden"),
                      lokalplan(4, ["Anbefales med den ændring, at byggehøjden nedsættes til fire etager.",
                                    "Enhedslisten (Ø) kunne ikke tiltræde at 2."]),
                      tariffs(5, 2025, "Godkendt.")])
    council_document(folder / "byraad-2025-referat.pdf", "Referat", "Byrådet", "27.08.2025",
                     [minutes_item(1, "Godkendelse af dagsorden"),
                      lokalplan(2, ["Godkendt."], history=["Teknik- og Miljøudvalget 12.05.2025, punkt 4",
                                                           "Økonomiudvalget 20.08.2025, punkt 7"])])
    db_path = folder / "arkiv.db"
    report = ingest([folder], db_path)
    assert (report.imported, report.failed) == (4, 0)
    return db_path


def rows(db_path: Path, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    db = sqlite_utils.Database(db_path)
    try:
        return list(db.query(sql, params or []))
    finally:
        db.close()


def test_case_number_timeline_in_date_order_with_sagsforloeb(archive: Path) -> None:
    timeline = rows(archive, """
        SELECT t.date, t.committee, t.number, t.outcome, t.source FROM case_treatments t
        JOIN cases c ON c.id = t.case_id WHERE c.case_number = 'EMN-2025-003383' ORDER BY t.position""")
    assert timeline == [
        {"date": "2025-05-12", "committee": COMMITTEE, "number": 4, "outcome": "recommended", "source": "minutes"},
        {"date": "2025-08-20", "committee": "Økonomiudvalget", "number": 7, "outcome": None, "source": "sagsforløb"},
        {"date": "2025-08-27", "committee": "Byrådet", "number": 2, "outcome": "approved", "source": "minutes"},
    ]
    [case] = rows(archive, "SELECT * FROM cases WHERE case_number = 'EMN-2025-003383'")
    assert (case["first_date"], case["last_date"], case["treatments"]) == ("2025-05-12", "2025-08-27", 3)


def test_yearly_title_without_case_number_is_a_series(archive: Path) -> None:
    series = rows(archive, "SELECT id, title, treatments FROM cases WHERE kind = 'series'")
    assert [(s["title"], s["treatments"]) for s in series] == [("Takster 2025 for renovation", 2)]
    dates = rows(archive, "SELECT date FROM case_treatments WHERE case_id = ? ORDER BY position", [series[0]["id"]])
    assert [d["date"] for d in dates] == ["2024-05-13", "2025-05-12"]


def test_agenda_recommendations_beside_the_minutes_decision(archive: Path) -> None:
    [row] = rows(archive, "SELECT * FROM item_outcomes WHERE committee = ? AND number = 4", [COMMITTEE])
    assert row["agenda_item_id"] and row["agenda_item_id"] != row["item_id"]
    assert row["recommendations"].splitlines() == ["Lokalplan 1102 vedtages", "Kommuneplantillæg 14 vedtages"]
    assert row["decision"].startswith("Anbefales med den ændring, at byggehøjden")
    assert (row["outcome"], row["departs"], row["dissents"]) == ("recommended", 1, 1)
    [dissent] = rows(archive, "SELECT who, kind, points FROM dissents")
    assert (dissent["who"], dissent["kind"], json.loads(dissent["points"])) == ("Enhedslisten (Ø)", "disagreed", [2])


def test_grouping_again_changes_nothing(archive: Path) -> None:
    before = rows(archive, "SELECT * FROM case_treatments ORDER BY case_id, position")
    db = sqlite_utils.Database(archive)
    report = group_cases(db)
    db.close()
    assert rows(archive, "SELECT * FROM case_treatments ORDER BY case_id, position") == before
    assert report.treatments == len(before)




def test_datasette_decisions_mentioning_a_word(archive: Path) -> None:
    ds = make_site(archive)
    response = get(ds, f"/{archive.stem}/decisions_mentioning.json?word=byggeh%C3%B8jden&_shape=objects")
    assert response.status_code == 200
    found = response.json()["rows"]
    assert [(r["committee"], r["number"], r["outcome"]) for r in found] == [(COMMITTEE, 4, "recommended")]


def test_datasette_departures_and_facets(archive: Path) -> None:
    ds = make_site(archive)
    departures = get(ds, f"/{archive.stem}/departures.json?_shape=objects").json()["rows"]
    assert [(r["committee"], r["number"]) for r in departures] == [(COMMITTEE, 4)]
    table = get(ds, f"/{archive.stem}/decisions.json").json()
    facets = table["facet_results"]
    facets = facets.get("results", facets)  # 0.65 nests them under "results" in some versions
    outcomes = {f["value"]: f["count"] for f in facets["outcome"]["results"]}
    assert outcomes == {"approved": 6, "recommended": 1}  # 3 minutes: 2 + 3 + 2 decisions
    assert {"year", "committee"} <= set(facets)
