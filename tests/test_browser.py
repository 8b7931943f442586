"""A real browser on the real server: a reader searches with the keyboard, narrows by a facet,
opens an item and a page preview, follows a tariff series; axe-core finds no serious or critical
accessibility violation on any page type. The screenshots in docs/screenshots/ come from here.

Runs `dagsorden serve` as a subprocess and drives Debian's Chromium (installed by .ci/run)
through Playwright for Python (`executable_path`, never a browser download); axe-core is the
copy bundled by the axe-playwright-python package. Skipped where either is missing.
"""
from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from siteclient import served

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As the machine's notes advise for a closed network: no background connections, no sandbox as root.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SERIOUS = ("serious", "critical")

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra: pip install -e .[test]")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is a test extra")

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")]


@pytest.fixture(scope="module")
def server(classic_archive: Path) -> Iterator[str]:
    with served(classic_archive) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 850}, locale="da-DK")
    yield context.new_page()
    context.close()


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now, one line each."""
    response = axe_api.Axe().run(page).response
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in response["violations"] if v["impact"] in SERIOUS]


def screenshot(page: Any, name: str) -> None:
    """A small PNG for the README (64 colours are plenty for text on white)."""
    from PIL import Image

    image = Image.open(io.BytesIO(page.screenshot(full_page=False))).convert("RGB")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=64).save(SCREENSHOTS / f"{name}.png", optimize=True)


def test_keyboard_search_facet_item_and_preview(server: str, page: Any) -> None:
    page.goto(server + "/")
    for _ in range(20):  # from the top of the page to the search box with Tab alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    else:
        pytest.fail("the search box cannot be reached with the Tab key")
    page.keyboard.type("takster")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/-/s%C3%B8g?q=takster" in page.url
    results = page.locator("ol.results > li")
    assert results.count() > 2 and "Budget og takster for Socialtilsyn Nord" in page.locator("ol.results").inner_text()
    assert page.locator("ol.results mark").count() > 0  # the words are highlighted
    assert serious_violations(page) == []
    screenshot(page, "search")

    total = int(page.locator(".summary strong").inner_text().split()[0])
    with page.expect_navigation():
        page.locator("aside.facets a", has_text="2023").first.click()
    assert "year=2023" in page.url
    filtered = int(page.locator(".summary strong").inner_text().split()[0])
    assert 0 < filtered < total
    assert all("2023" in meta for meta in page.locator("ol.results .meta").all_inner_texts())

    with page.expect_navigation():
        page.locator("ol.results h2 a", has_text="Budget og takster").first.click()
    assert "/-/item/das-social-2023-08-21-3" in page.url
    assert page.locator("img.page-preview").evaluate("img => img.complete && img.naturalWidth > 0")
    assert serious_violations(page) == []
    screenshot(page, "item")
    with page.expect_response(lambda response: "/-/preview/" in response.url) as preview:
        page.locator("a.preview-link").first.click()
    assert preview.value.status == 200 and preview.value.headers["content-type"] == "image/png"


def test_follow_a_tariff_series_to_its_page_preview(server: str, page: Any) -> None:
    page.goto(server + "/-/takster")
    assert serious_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("link", name="Takstgruppe 2 (8-24 pladser)").click()
    assert "/-/takster/takstgruppe-2-8-24-pladser" in page.url
    assert page.locator("svg.tariff-chart polyline").count() == 1
    assert serious_violations(page) == []
    screenshot(page, "tariff")
    with page.expect_response(lambda response: "/-/preview/" in response.url) as preview:
        page.locator("table.tariff-values a.preview-link").first.click()
    assert preview.value.headers["content-type"] == "image/png"


@pytest.mark.parametrize("path", [
    "/", "/?lang=en", "/-/s%C3%B8g", "/-/s%C3%B8g?q=kommune&sort=date&page=2", "/-/search?q=takster&lang=en",
    "/-/beslutninger", "/-/beslutninger?departs=1", "/-/beslutning/das-social-2023-08-21-3-referat",
    "/-/m%C3%B8der", "/-/meeting/das-social-2023-08-21", "/-/item/das-social-2023-08-21-3-referat",
    "/-/takster", "/-/takster/takstgruppe-2-8-24-pladser", "/-/om", "/-/item/no-such-item",
])
def test_no_serious_accessibility_violation(server: str, page: Any, path: str) -> None:
    page.goto(server + path)
    assert page.locator("html").get_attribute("lang") in ("da", "en")
    assert serious_violations(page) == []


# -- a hostile archive: markup in PDF text, file names, queries and paths ---------------------

PAYLOAD = '"><img src=x onerror="document.body.dataset.pwned=1">'  # no single quote: it goes into SQL


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from dagsorden.extractor.batch.ingest import ingest
    from pdfmaker import Text, make_pdf

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "in").mkdir()
    make_pdf(folder / "in" / "a'\"><img src=x onerror=alert(1)>.pdf",
             [[Text(f"Dagsorden {PAYLOAD}", size=16), Text(f"Punkt 1. Takst {PAYLOAD} 2024"),
               Text(f"Indstilling: {PAYLOAD} godkendes")], [Text("Punkt 2. Eventuelt")]])
    db = folder / "hostile.db"
    assert ingest([folder / "in"], db).imported == 1
    with served(db) as base:
        yield base, db


def test_no_page_runs_script_from_a_hostile_archive(hostile_server: tuple[str, Path], page: Any) -> None:
    import sqlite3

    base, db = hostile_server
    with sqlite3.connect(db) as conn:
        items = [row[0] for row in conn.execute("select id from items")]
        meetings = [row[0] for row in conn.execute("select id from meetings")]
    assert items, "the hostile agenda has items"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    paths = [f"/-/item/{item}" for item in items] + [f"/-/meeting/{m}" for m in meetings] + [
        f"/-/s%C3%B8g?{urlencode({'q': 'takst'})}", f"/-/s%C3%B8g?{urlencode({'q': PAYLOAD})}",
        f"/-/tariff?{urlencode({'label': PAYLOAD})}", "/-/takster", "/-/beslutninger", "/-/m%C3%B8der", "/-/om",
        f"/{db.stem}/items", f"/{db.stem}/documents", f"/{db.stem}/pages",
        f"/{db.stem}?{urlencode({'sql': f'select {chr(39)}/-/preview/{PAYLOAD}{chr(39)} as page_preview'})}",
        f"/{db.stem}?{urlencode({'sql': f'select {chr(39)}{PAYLOAD}{chr(39)} as item_id'})}",
        f"/{quote(PAYLOAD, safe='')}",
    ]
    for path in paths:
        page.goto(base + path)
        page.wait_for_timeout(100)
        assert page.evaluate("document.body.dataset.pwned") is None, path
    assert dialogs == []
    page.goto(f"{base}/-/item/{items[0]}")
    assert "Takst" in page.inner_text("body") and "<img src=x" in page.inner_text("body")  # shown as text
