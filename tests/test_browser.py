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
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(classic_archive: Path) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "serve", "--db", str(classic_archive),
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("dagsorden serve did not start: " + process.stderr.read().decode()[-2000:])
    yield base
    process.terminate()
    process.wait(timeout=10)


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
