"""A real browser on the real server: search, open an item page, see the highlighted preview and the PDF link.

Runs `dagsorden serve` as a subprocess and drives headless Chromium (Debian's package,
installed by .ci/run); skipped where Chromium is not installed.
"""
from __future__ import annotations

import shutil
import subprocess
import urllib.request
from pathlib import Path

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


def test_search_then_item_page_with_preview_and_pdf_link(server: str, tmp_path: Path) -> None:
    search = chromium(tmp_path, "--dump-dom", f"{server}/dagsorden/search?q=takster")
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
