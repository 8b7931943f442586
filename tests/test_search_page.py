"""The search page /-/søg (alias /-/search): one result per item, best field first, highlighted
snippets, weighted bm25 ranking, facets, paging, sorting, query syntax, friendly errors, and the
same search as JSON, CSV and Atom."""
from __future__ import annotations

import csv
import io
import re
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from datasette.app import Datasette

from siteclient import get, get_json, visible_text

SEARCH = "/-/s%C3%B8g"
BUDGET_ITEMS = {"das-social-2023-08-21-3", "das-social-2023-08-21-3-referat"}


@pytest.fixture
def site(classic_site: Datasette) -> Datasette:
    return classic_site


def search(site: Datasette, **params: str) -> dict:
    return get_json(site, f"{SEARCH}.json", **params)


def result_keys(found: dict) -> list[str]:
    return [r["item_id"] or r["url"] for r in found["results"]]


def test_home_page_search_box_leads_to_the_search_page(site: Datasette) -> None:
    html = get(site, "/").text
    form = re.search(r'<form[^>]*role="search"[^>]*>', html).group(0)
    assert 'action="/-/søg"' in form and 'method="get"' in form
    assert re.search(r'<label[^>]*for="q"', html) and 'name="q"' in html


def test_one_result_per_item_with_title_hits_first(site: Datasette) -> None:
    found = search(site, q="takster")
    keys = result_keys(found)
    assert len(keys) == len(set(keys)) == found["total"] > 2
    hits = [r["hit"] for r in found["results"]]
    titles = hits.count("title")
    assert titles >= 3 and hits[:titles] == ["title"] * titles  # "Budget og takster ..." before text hits
    assert BUDGET_ITEMS <= set(keys[:titles])


def test_snippets_highlight_the_printed_words_without_cutting_them(site: Datasette,
                                                                   classic_archive: Path) -> None:
    found = search(site, q="taksterne")  # an inflection: every form of "takst" is found and marked
    marked = [re.findall(r"<mark>(.*?)</mark>", r["snippet_html"]) for r in found["results"]]
    assert all(marked), found["results"]
    assert {word.lower() for words in marked for word in words} >= {"takster"}
    assert all(w.lower().startswith("takst") for words in marked for w in words)
    texts = " ".join(" ".join(filter(None, row)) for row in sqlite3.connect(classic_archive).execute(
        "select title, decision, recommendation, attachment, section, page_text from search_texts"))
    printed = set(re.findall(r"\w+", texts))
    for result in found["results"]:
        words = re.findall(r"\w+", result["snippet"])
        assert words[0] in printed and words[-1] in printed, result["snippet"]  # whole words only
        assert "<mark>" not in result["snippet"]


def test_snippet_markup_is_escaped(site: Datasette) -> None:
    html = get(site, f"{SEARCH}?q=takster").text
    assert "<mark>takster</mark>" in html or "<mark>Takster</mark>" in html
    assert "&lt;mark&gt;" not in html


def test_facets_count_results_and_their_links_filter(site: Datasette) -> None:
    found = search(site, q="kommune")
    assert set(found["facets"]) == {"year", "committee", "municipality", "kind", "outcome"}
    years = found["facets"]["year"]
    assert sum(f["count"] for f in years) == found["total"]
    assert all(f["count"] > 0 for name in found["facets"] for f in found["facets"][name])
    chosen = max(years, key=lambda f: f["count"])
    filtered = get(site, chosen["url"].replace("/-/søg", f"{SEARCH}.json")).json()
    assert filtered["total"] == chosen["count"]
    assert {r["date"][:4] for r in filtered["results"]} == {str(chosen["value"])}
    assert parse_qs(urlparse(chosen["url"]).query)["q"] == ["kommune"]
    selected = [f for f in filtered["facets"]["year"] if f["selected"]]
    assert len(selected) == 1 and "year=" not in selected[0]["url"]  # the link takes the filter off again


def test_kind_and_outcome_facets(site: Datasette) -> None:
    found = search(site, q="godkendt OR godkender")
    kinds = {f["value"] for f in found["facets"]["kind"]}
    assert {"decision", "recommendation"} <= kinds
    decisions = search(site, q="godkendt OR godkender", kind="decision")
    assert decisions["total"] and all(r["hit"] == "decision" for r in decisions["results"])
    approved = search(site, q="godkendt OR godkender", outcome="approved")
    assert approved["total"] and all(r["outcome"] == "approved" for r in approved["results"])


def test_paging_and_result_count(site: Datasette) -> None:
    first = search(site, q="kommune")
    second = search(site, q="kommune", page="2")
    assert first["total"] > first["per_page"] == len(first["results"])
    assert first["pages"] == -(-first["total"] // first["per_page"])
    assert not set(result_keys(first)) & set(result_keys(second))
    html = get(site, f"{SEARCH}?q=kommune").text
    assert f"{first['total']} resultater" in visible_text(html)
    assert re.search(r'<a[^>]*rel="next"[^>]*href="[^"]*page=2', html) or \
        re.search(r'<a[^>]*href="[^"]*page=2[^"]*"[^>]*rel="next"', html)


def test_sort_by_date(site: Datasette) -> None:
    dates = [r["date"] or "" for r in search(site, q="kommune", sort="date", per_page="100")["results"]]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1


def test_phrases_or_and_excluded_words(site: Datasette) -> None:
    both = search(site, q="objektiv finansiering")["total"]
    phrase = search(site, q='"objektiv finansiering"')
    assert 0 < phrase["total"] <= both
    assert all(re.search(r"<mark>objektiv(?:</mark>\s+<mark>|\s+)finansiering</mark>", r["snippet_html"], re.I)
               for r in phrase["results"])
    either = set(result_keys(search(site, q="Kvisten OR Sødisbakke", per_page="100")))
    assert either == set(result_keys(search(site, q="Kvisten", per_page="100"))) | set(
        result_keys(search(site, q="Sødisbakke", per_page="100")))
    without = set(result_keys(search(site, q="takster -Socialtilsyn", per_page="100")))
    assert without and not without & BUDGET_ITEMS
    assert without < set(result_keys(search(site, q="takster", per_page="100")))


@pytest.mark.parametrize("typed", ["1.320.124", "2023-052085"])
def test_numbers_and_case_numbers_are_found_as_typed(site: Datasette, typed: str) -> None:
    assert BUDGET_ITEMS <= set(result_keys(search(site, q=typed, per_page="100")))


def test_a_different_number_is_not_found(site: Datasette) -> None:
    assert search(site, q="1.320.125")["total"] == 0


@pytest.mark.parametrize("typed", ['"takster', 'takster"', "-", '"', "OR", "AND takster", "NOT", "*", "(", ")",
                                   "NEAR(", ":", "^", "takst*", "'", "\\", '"" ""', "-takster", "- -",
                                   "takster -", "x" * 500])
def test_any_query_gets_a_page_never_an_error(site: Datasette, typed: str) -> None:
    response = get(site, f"{SEARCH}?" + urlencode({"q": typed}))
    assert response.status_code == 200
    assert "syntax error" not in response.text.lower() and "fts5" not in response.text.lower()
    found = search(site, q=typed)
    assert found["results"] or found["message"]


def test_unbalanced_quote_searches_to_the_end(site: Datasette) -> None:
    assert result_keys(search(site, q='"takster')) == result_keys(search(site, q="takster"))


def test_only_excluded_words_explains_what_to_do(site: Datasette) -> None:
    found = search(site, q="-takster")
    assert found["total"] == 0 and "ord" in found["message"]


def test_text_outside_items_is_one_result_per_page(site: Datasette) -> None:
    found = search(site, q="Virtuelt møde")
    pages = [r for r in found["results"] if r["item_id"] is None]
    assert pages and all("#page=" in r["url"] for r in pages)
    assert len({r["url"] for r in pages}) == len(pages)


def test_english_alias_and_language(site: Datasette) -> None:
    english = get(site, "/-/search.json?q=takster").json()
    assert result_keys(english) == result_keys(search(site, q="takster"))
    assert "results" in visible_text(get(site, "/-/search?q=takster&lang=en").text)


def test_search_as_csv(site: Datasette) -> None:
    response = get(site, f"{SEARCH}.csv?q=takster")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["item_id"] or r["url"] for r in rows] == result_keys(search(site, q="takster"))
    assert BUDGET_ITEMS <= {r["item_id"] for r in rows} and "takster" in rows[0]["snippet"].lower()


def test_search_as_an_atom_feed(site: Datasette) -> None:
    response = get(site, f"{SEARCH}.atom?q=takster")
    assert response.status_code == 200 and "atom+xml" in response.headers["content-type"]
    feed = response.text
    assert feed.startswith("<?xml") and 'xmlns="http://www.w3.org/2005/Atom"' in feed
    assert feed.count("<entry>") == search(site, q="takster")["total"]
    assert "Budget og takster for Socialtilsyn Nord" in feed
    assert "http://localhost/-/item/das-social-2023-08-21-3" in feed


def test_old_search_addresses_lead_to_the_new_page(site: Datasette, classic_archive: Path) -> None:
    for old, new in ((f"/{classic_archive.stem}/search?q=takster", "/-/s%C3%B8g?q=takster"),
                     (f"/{classic_archive.stem}/search.atom?q=takster", "/-/s%C3%B8g.atom?q=takster")):
        response = get(site, old)
        assert response.status_code in (301, 302) and response.headers["location"] == new


def test_empty_search_shows_help_not_results(site: Datasette) -> None:
    html = get(site, SEARCH).text
    assert 'name="q"' in html and 'class="results"' not in html
    assert '"objektiv finansiering"' in visible_text(html)  # the help shows the syntax
    assert search(site, q="")["results"] == []
