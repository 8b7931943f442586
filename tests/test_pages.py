"""The reading pages (home, meeting, item, about): Danish first, English with ?lang=en, the same
words everywhere, no value printed twice or cut off, and a citable address on every page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dagsorden.extractor.archive.search_index import refresh_search_index
from dagsorden.extractor.site.metadata import load_metadata
from dagsorden.extractor.store.schema import open_archive
from dagsorden.extractor.store.write import store_extraction
from dagsorden.models import Meeting
from siteclient import get, make_site, visible_text
from test_store import make_extraction

METADATA = Path(__file__).resolve().parent.parent / "datasette" / "metadata.yaml"
BUDGET_AGENDA = "das-social-2023-08-21-3"
BUDGET_MINUTES = "das-social-2023-08-21-3-referat"
MEETING = "das-social-2023-08-21"


@pytest.fixture
def site(classic_site):
    return classic_site


def page_text(site, path: str) -> str:
    response = get(site, path)
    assert response.status_code == 200, path
    return visible_text(response.text)


def test_home_page_is_titled_after_the_site_not_the_file(site, classic_archive: Path) -> None:
    html = get(site, "/").text
    site_title = load_metadata(METADATA)["title"]
    assert re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip() == site_title
    assert re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip() == site_title
    assert f": {classic_archive.stem}" not in html


def test_about_page_counts_items_per_document(site, classic_archive: Path) -> None:
    html = get(site, "/-/om").text
    assert "built-in method" not in html
    # the budget agenda has 17 items: the coverage row of its file says so
    row = re.search(r"002_25e43dcc1d34d20d\.pdf.*?</tr>", html, re.S).group(0)
    assert re.findall(r"<td[^>]*>(\d+)</td>", row).count("17") == 1


@pytest.mark.parametrize("english", ["present", "guest", "absent", "agenda", "minutes", "superseded"])
def test_meeting_page_is_all_danish(site, english: str) -> None:
    text = page_text(site, f"/-/meeting/{MEETING}")
    assert not re.search(rf"\b{english}\b", text, re.I), english
    assert "Gæst" in text and "Dagsorden" in text and "Referat" in text


def test_meeting_page_in_english_on_request(site) -> None:
    text = page_text(site, f"/-/meeting/{MEETING}?lang=en")
    assert "Guest" in text and "Agenda" in text and "Minutes" in text
    assert not re.search(r"\bGæst\b", text)


def test_meeting_without_date_time_or_place_has_no_dangling_separators(tmp_path: Path) -> None:
    extraction = make_extraction("bare")
    bare = Meeting(committee="DAS Social", start_time="13:00")
    db = open_archive(tmp_path / "bare.db")
    store_extraction(db, extraction.model_copy(update={"meeting": bare}))
    refresh_search_index(db)
    meeting_id = db.execute("select id from meetings").fetchone()[0]
    db.close()
    site = make_site(tmp_path / "bare.db")
    for path in (f"/-/meeting/{meeting_id}", f"/-/item/{meeting_id}-2"):
        text = page_text(site, path)
        assert "DAS Social" in text
        assert not re.search(r"[·,]\s*(?:[·,]|$)|\bNone\b", text), (path, text[:300])
        assert not re.search(r"DAS Social\s*[·,]\s*(?:[·/]|$)", text), path


def test_item_page_shows_recommendation_attachments_and_decision_once(site) -> None:
    text = page_text(site, f"/-/item/{BUDGET_MINUTES}")
    assert text.count("Drøfter Socialtilsynets budget 2023 med henblik på anbefalinger til KKR") == 1
    assert text.count("Notat Budget 2024 - Socialtilsyn Nord") == 1
    assert text.count("DAS Social anbefaler KKR at godkende budget 2024") == 1
    assert "Sagsforløb" in text and "Resumé" in text  # the other sections stay


def test_item_page_in_english_keeps_the_documents_words(site) -> None:
    text = page_text(site, f"/-/item/{BUDGET_AGENDA}?lang=en")
    assert "Recommendation" in text and "Attachments" in text
    assert "Drøfter Socialtilsynets budget 2023" in text  # the document's text is never translated


@pytest.mark.parametrize("path", [f"/-/meeting/{MEETING}", f"/-/item/{BUDGET_MINUTES}",
                                  f"/-/beslutning/{BUDGET_MINUTES}"])
def test_pages_have_a_cite_line_with_their_stable_address(site, path: str) -> None:
    html = get(site, path).text
    cite = re.search(r'<p class="cite">(.*?)</p>', html, re.S)
    assert cite, path
    text = visible_text(cite.group(1))
    assert "DAS Social" in text and "21. august 2023" in text
    assert f"http://localhost{path}" in text
    if "item" in path or "beslutning" in path:
        assert "punkt 3" in text and "side 6" in text


@pytest.mark.parametrize("path", ["/", f"/-/meeting/{MEETING}", f"/-/item/{BUDGET_MINUTES}", "/-/om",
                                  "/-/s%C3%B8g?q=takster", "/-/takster", "/-/beslutninger",
                                  f"/-/beslutning/{BUDGET_MINUTES}"])
def test_every_page_says_its_language_and_links_to_the_other(site, path: str) -> None:
    danish = get(site, path).text
    assert '<html lang="da">' in danish
    assert "lang=en" in danish
    english = get(site, path + ("&" if "?" in path else "?") + "lang=en").text
    assert '<html lang="en">' in english
    anchors = [a for a in re.findall(r"<a\b[^>]*>", english) if "hreflang=" not in a]  # not the Danish version
    links = [re.search(r'href="([^"]+)"', a).group(1) for a in anchors if 'href="/-/' in a]
    pages = [link for link in links if not link.startswith(("/-/pdf/", "/-/preview/"))]
    assert pages and all("lang=en" in link for link in pages), [link for link in pages if "lang=en" not in link][:5]


# The English words of the site's labels that would give away a page mixing languages.
ENGLISH_LABELS = ["Search", "Meetings", "Decisions", "Tariffs", "Item", "Page", "Recommendation", "Decision",
                  "Attachments", "Guest", "Present", "Absent", "Agenda", "Minutes", "results", "Newest",
                  "Participants", "Documents", "Cite", "Year", "Committee", "Outcome", "Latest"]


@pytest.mark.parametrize("path", ["/", f"/-/meeting/{MEETING}", f"/-/item/{BUDGET_MINUTES}", "/-/om",
                                  "/-/s%C3%B8g?q=takster", "/-/takster", "/-/takster/takstgruppe-2-8-24-pladser",
                                  "/-/beslutninger", f"/-/beslutning/{BUDGET_MINUTES}", "/-/m%C3%B8der"])
def test_danish_pages_use_no_english_labels(site, path: str) -> None:
    text = page_text(site, path).replace("English", "")  # the link to the English version
    found = [word for word in ENGLISH_LABELS if re.search(rf"\b{word}\b", text)]
    assert found == [], path
