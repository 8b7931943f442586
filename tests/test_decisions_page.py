"""Decisions for journalists: /-/beslutninger (search, outcome facet, "departs from the
recommendation" filter) and one citable page per decision."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette

from siteclient import get, get_json, visible_text

DECISIONS = "/-/beslutninger"
BUDGET_DECISION = "das-social-2023-08-21-3-referat"


@pytest.fixture
def site(classic_site: Datasette) -> Datasette:
    return classic_site


def decisions(site: Datasette, **params: str) -> dict:
    return get_json(site, f"{DECISIONS}.json", **params)


def stored(classic_archive: Path, sql: str) -> list[tuple]:
    return sqlite3.connect(classic_archive).execute(sql).fetchall()


def test_every_current_decision_is_listed_newest_first(site: Datasette, classic_archive: Path) -> None:
    found = decisions(site, per_page="100")
    expected = {row[0] for row in stored(classic_archive, "select item_id from item_outcomes")}
    assert {r["item_id"] for r in found["results"]} == expected
    dates = [r["date"] for r in found["results"]]
    assert dates == sorted(dates, reverse=True)


def test_outcome_facet_and_departure_filter(site: Datasette, classic_archive: Path) -> None:
    found = decisions(site)
    outcomes = {f["value"]: f["count"] for f in found["facets"]["outcome"]}
    assert outcomes == dict(stored(classic_archive, "select outcome, count(*) from item_outcomes group by outcome"))
    departing = decisions(site, departs="1", per_page="100")
    assert {r["item_id"] for r in departing["results"]} == {
        row[0] for row in stored(classic_archive, "select item_id from item_outcomes where departs = 1")}
    rejected = decisions(site, outcome="rejected")
    assert rejected["total"] == outcomes["rejected"] and all(r["outcome"] == "rejected" for r in rejected["results"])
    labels = visible_text(get(site, DECISIONS).text)
    assert "Ikke godkendt" in labels and "Afviger fra indstillingen" in labels


def test_searching_decisions_finds_words_in_their_text(site: Datasette) -> None:
    found = decisions(site, q="forbehold")  # "Aalborg Kommune tog forbehold for stigningen i taksterne"
    ids = [r["item_id"] for r in found["results"]]
    assert BUDGET_DECISION in ids and all(r["outcome"] for r in found["results"])
    assert any("<mark>forbehold</mark>" in r["snippet_html"] for r in found["results"])


def test_decision_page_shows_recommendation_beside_decision_and_dissent(site: Datasette) -> None:
    html = get(site, f"/-/beslutning/{BUDGET_DECISION}").text
    text = visible_text(html)
    assert "Drøfter Socialtilsynets budget 2023" in text  # what the agenda recommended
    assert "DAS Social anbefaler KKR at godkende budget 2024" in text  # what was decided
    assert "Aalborg Kommune" in text and "forbehold" in text  # the dissent
    assert 'href="/-/item/das-social-2023-08-21-3"' in html  # the agenda item
    assert re.search(r'href="/-/pdf/[0-9a-f]{64}#page=6"', html)


def test_who_took_no_part_is_kept_apart_from_the_decision(site: Datasette, classic_archive: Path) -> None:
    """The minutes close item 11 with "Region Nordjylland deltog ikke i sagens behandling.": that is
    attendance, so the archive stores it beside the decision, and the decision page shows it labelled."""
    item_id = "das-social-2023-08-21-11-referat"
    [(text, not_taking_part)] = stored(classic_archive,
                                       f"select text, not_taking_part from decisions where item_id = '{item_id}'")
    assert not_taking_part == "Region Nordjylland deltog ikke i sagens behandling."
    assert text and "deltog ikke" not in text
    page = visible_text(get(site, f"/-/beslutning/{item_id}").text)
    assert "Deltog ikke: Region Nordjylland deltog ikke i sagens behandling." in page
    assert "Deltog ikke:" not in visible_text(get(site, f"/-/beslutning/{BUDGET_DECISION}").text)


def test_unknown_decision_is_a_clear_404(site: Datasette) -> None:
    response = get(site, "/-/beslutning/no-such-item")
    assert response.status_code == 404 and "no-such-item" in response.text
