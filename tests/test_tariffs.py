"""Tariffs: prices of a unit of service from text and tariff tables, one row per label,
year and column, stored and queried as a history across meetings in Datasette."""
from __future__ import annotations

from pathlib import Path


from dagsorden.extractor.pipeline import extract_document
from dagsorden.extractor.store.write import store_extraction
from dagsorden.extractor.store.schema import open_archive
from pdfmaker import Text, make_pdf
from test_tables import make_table_pdf
from siteclient import get, make_site

METADATA = Path(__file__).resolve().parent.parent / "datasette" / "metadata.yaml"


def test_tariffs_from_text(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "t.pdf", [[
        Text("Prisen er justeret, så døgntaksten er 4.107 kr. pr. anvendt plads, svarende til ca. 1,5"),
        Text("mio. kr. om året. Dertil betaler kommunerne 75 pct. af døgntaksten for ubenyttede pladser"),
        Text("(3.080 kr.). Det medfører en takststigning på 119 kr. pr. døgn. Tilskuddet er 15.000 kr."),
    ]])
    tariffs = extract_document(pdf).tariffs
    assert [(t.label, t.value_dkk, t.unit) for t in tariffs] == [
        ("døgntaksten pr. anvendt plads", 4107.0, "pr. anvendt plads"),
        ("75 pct. af døgntaksten for ubenyttede pladser", 3080.0, "pr. døgn"),
    ]
    assert all(t.page == 1 and t.bbox and t.context for t in tariffs)


def tariff_table_pdf(path: Path, old: str, new: str) -> Path:
    rows = [["Tilbud", "Takstenhed", "Gammel", "Ny"],
            ["Kvisten", "Døgn", old, new],
            ["Takstgruppe 2 (8-24 pladser)", "Tilbud", "51.461", "52.622"]]
    return make_table_pdf(path, [[("text", "Takster for tilbuddene:"),
                                  ("table", (rows, [200, 90, 80, 80], True))]])


def test_tariffs_from_a_table_one_per_row_and_column(tmp_path: Path) -> None:
    tariffs = extract_document(tariff_table_pdf(tmp_path / "t.pdf", "4.308", "4.114")).tariffs
    assert [(t.label, t.column, t.value_dkk, t.unit, t.offer) for t in tariffs] == [
        ("Kvisten", "Gammel", 4308.0, "pr. døgn", "Kvisten"),
        ("Kvisten", "Ny", 4114.0, "pr. døgn", "Kvisten"),
        ("Takstgruppe 2 (8-24 pladser)", "Gammel", 51461.0, "pr. tilbud", "Takstgruppe 2 (8-24 pladser)"),
        ("Takstgruppe 2 (8-24 pladser)", "Ny", 52622.0, "pr. tilbud", "Takstgruppe 2 (8-24 pladser)"),
    ]


def test_tariff_years_from_column_headers(corpus_extractions: dict) -> None:
    tariffs = corpus_extractions[("classic", "002_25e43dcc1d34d20d")].tariffs
    group = {(t.year, t.value_dkk) for t in tariffs if t.label == "Takstgruppe 2 (8-24 pladser)"}
    assert group == {(2023, 51461.0), (2024, 52622.0)}  # "År 2023 (i 2024 priser)": 2024 is a price level
    assert not any(t.column and "pct" in t.column for t in tariffs)


def test_tariff_history_across_meetings_in_datasette(tmp_path: Path) -> None:
    db_path = tmp_path / "arkiv.db"
    db = open_archive(db_path)
    for date, old, new in (("2023-08-21", "4.308", "4.114"), ("2024-08-19", "4.114", "4.400")):
        pdf = tariff_table_pdf(tmp_path / f"{date}.pdf", old, new)
        extraction = extract_document(pdf)
        extraction = extraction.model_copy(update={"meeting": extraction.meeting.model_copy(
            update={"committee": "DAS", "date": date})})
        store_extraction(db, extraction)
    db.close()
    ds = make_site(db_path)
    history = get(ds, "/arkiv/tariff_history.json?label=Kvisten&_shape=objects").json()["rows"]
    assert [(r["date"], r["column_header"], r["value_dkk"]) for r in history] == [
        ("2023-08-21", "Gammel", 4308.0), ("2023-08-21", "Ny", 4114.0),
        ("2024-08-19", "Gammel", 4114.0), ("2024-08-19", "Ny", 4400.0)]
    largest = get(ds, "/arkiv/largest_amounts_per_item.json?_shape=objects")
    assert largest.status_code == 200
    facets = get(ds, "/arkiv/tariffs.json?_facet=unit&_facet=year").json()
    assert "unit" in facets["facet_results"]
