"""A real browser on the real server: search, open an item page, see the highlighted preview and the PDF link.

Runs `dagsorden serve` as a subprocess and drives headless Chromium (Debian's package,
installed by .ci/run); skipped where Chromium is not installed.
"""
from __future__ import annotations

import shutil
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from siteclient import served


ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1200,1600"]

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")]


@pytest.fixture(scope="module")
def server(classic_archive: Path):
    with served(classic_archive) as base:
        yield base


def chromium(tmp_path: Path, *args: str) -> str:
    result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                            capture_output=True, text=True, timeout=90)
    return result.stdout


def test_search_then_item_page_with_preview_and_pdf_link(server: str, classic_archive: Path, tmp_path: Path) -> None:
    search = chromium(tmp_path, "--dump-dom", f"{server}/{classic_archive.stem}/search?q=takster")
    assert "Budget og takster for Socialtilsyn Nord" in search
    page = chromium(tmp_path, "--dump-dom", f"{server}/-/item/das-social-2023-08-21-3")
    assert 'class="page-preview"' in page and "/-/preview/" in page
    assert 'class="pdf-link"' in page and "#page=6" in page
    screenshot = ROOT / "build" / "screenshots" / "item-page.png"
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    chromium(tmp_path, f"--screenshot={screenshot}", f"{server}/-/item/das-social-2023-08-21-3")
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    preview_path = page.split("/-/preview/")[1].split('"')[0].replace("&amp;", "&")
    preview = urllib.request.urlopen(f"{server}/-/preview/{preview_path}")
    assert preview.headers["content-type"] == "image/png"


# -- a hostile archive: markup in PDF text, file names, queries and paths ---------------------

PAYLOAD = '"><img src=x onerror="document.body.dataset.pwned=1">'  # no single quote: it goes into SQL
RAN = 'data-pwned="1"'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory):
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


def test_no_page_runs_script_from_a_hostile_archive(hostile_server, tmp_path: Path) -> None:
    import sqlite3

    base, db = hostile_server
    with sqlite3.connect(db) as conn:
        items = [row[0] for row in conn.execute("select id from items")]
        meetings = [row[0] for row in conn.execute("select id from meetings")]
        sha = conn.execute("select sha256 from documents").fetchone()[0]
    pages = [f"/-/item/{item}" for item in items] + [f"/-/meeting/{m}" for m in meetings] + [
        f"/{db.stem}/search?q=takst", f"/-/tariff?{urlencode({'label': PAYLOAD})}", "/-/om",
        f"/{db.stem}/items", f"/{db.stem}/documents", f"/{db.stem}/pages",
        f"/{db.stem}?{urlencode({'sql': f'select {chr(39)}/-/preview/{PAYLOAD}{chr(39)} as page_preview'})}",
        f"/{db.stem}?{urlencode({'sql': f'select {chr(39)}{PAYLOAD}{chr(39)} as item_id'})}",
        f"/{quote(PAYLOAD, safe='')}", f"/-/pdf/{sha}",
    ]
    assert items, "the hostile agenda has items"
    for page in pages:
        dom = chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", base + page)
        assert dom and RAN not in dom, page
    control = chromium(tmp_path, "--dump-dom", f"{base}/-/item/{items[0]}")
    assert "Takst" in control and "&lt;img src=x" in control  # the text is there, as text
    sql = f"select '/-/preview/{PAYLOAD}' as page_preview"
    assert "&lt;img src=x" in chromium(tmp_path, "--dump-dom", f"{base}/{db.stem}?{urlencode({'sql': sql})}")
