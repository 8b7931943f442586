"""Issue 14: the published site against hostile queries, ids, boxes and file names, and old
versions whose file changed. The real Datasette app through its test client, real archives."""
from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote, unquote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dagsorden.extractor.archive.search_index import SQL_FUNCTION_MAX_CHARS, register_functions
from dagsorden.extractor.batch.ingest import ingest
from dagsorden.extractor.pipeline import extract_document
from dagsorden.extractor.site.instance import PDF_ROOT_ENV, Instance
from dagsorden.extractor.store.schema import open_archive
from dagsorden.extractor.store.write import store_extraction
from pdfmaker import good_pdf
from siteclient import get, make_site

HOSTILE = '"><img src=x onerror=document.title=1><script>alert(1)</script>'
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


@pytest.fixture(scope="module")
def site(classic_archive: Path):
    return make_site(classic_archive)


@pytest.fixture(scope="module")
def a_sha(site, classic_archive: Path) -> str:
    return get(site, f"/{classic_archive.stem}/documents.json?_shape=array&_col=sha256").json()[0]["sha256"]


def sql_page(site, db: Path, sql: str) -> str:
    response = get(site, f"/{db.stem}?" + urlencode({"sql": sql}))
    assert response.status_code == 200, response.text
    return response.text


def test_page_preview_cells_link_only_real_preview_urls(site, classic_archive: Path, a_sha: str) -> None:
    html = sql_page(site, classic_archive, f"select '/-/preview/{HOSTILE}' as page_preview, "
                                           f"'{HOSTILE.replace(chr(39), '')}' as item_id")
    assert "<img src=x" not in html and "<script>alert" not in html
    good = sql_page(site, classic_archive, f"select '/-/preview/{a_sha}/2.png?bbox=72,100.5,300,120' as page_preview")
    assert f'<a href="/-/preview/{a_sha}/2.png?bbox=72,100.5,300,120">vis side</a>' in good


@pytest.mark.parametrize("path", ["/", "/{db}", "/{db}/items", "/-/item/das-social-2023-08-21-3", "/-/pdf/{sha}",
                                  "/-/preview/{sha}/1.png", "/-/nope", "/{db}/items?_sort=nope"])
def test_every_response_carries_security_headers(site, classic_archive: Path, a_sha: str, path: str) -> None:
    response = get(site, path.format(db=classic_archive.stem, sha=a_sha))
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] in ("DENY", "SAMEORIGIN")
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors" in policy and "'unsafe-inline'" not in policy.split("script-src")[-1].split(";")[0]


@pytest.mark.parametrize("path", ["/{db}/items", "/{db}?sql=select+1", "/{db}/search?q=takster", "/"])
def test_datasettes_own_inline_scripts_are_allowed_by_hash(site, classic_archive: Path, path: str) -> None:
    """The policy must not break Datasette's pages: each inline script they ship is listed."""
    response = get(site, path.format(db=classic_archive.stem))
    policy = response.headers["content-security-policy"]
    for script in INLINE_SCRIPT.findall(response.text):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy, script[:80]


def test_client_errors_are_400_not_500(site, classic_archive: Path, a_sha: str) -> None:
    db = classic_archive.stem
    for path in (f"/{db}/items?_sort=nope", f"/{db}/items?_sort_desc=nope", f"/{db}/items.json?_sort=nope",
                 f"/{db}/items?_through=x"):
        assert get(site, path).status_code == 400, path
    reversed_box = get(site, f"/-/preview/{a_sha}/1.png?bbox=300,120,72,100")
    assert reversed_box.status_code == 200 and reversed_box.content.startswith(b"\x89PNG")
    assert reversed_box.content == get(site, f"/-/preview/{a_sha}/1.png?bbox=72,100,300,120").content


def test_tariff_words_are_literal_and_bounded(site) -> None:
    assert "/-/takster/" in get(site, "/-/takster?q=Takstgruppe").text  # series whose label holds the words
    for words in ("%", "_", "%_%"):  # LIKE wildcards are matched as the characters they are
        for path in ("/-/takster?" + urlencode({"q": words}), "/-/tariff?" + urlencode({"label": words})):
            response = get(site, path, follow=True)
            assert response.status_code == 200 and 'href="/-/takster/' not in response.text, path


def test_stemming_functions_cap_their_input_in_datasette(site, classic_archive: Path) -> None:
    big = "select length(da_stem(replace(hex(zeroblob(2000000)), '00', 'takster '))) as n"
    response = get(site, f"/{classic_archive.stem}.json?" + urlencode({"sql": big, "_shape": "array"}))
    assert response.status_code == 200
    assert response.json()[0]["n"] < SQL_FUNCTION_MAX_CHARS  # 2 M words in, a capped part stemmed
    conn = sqlite3.connect(":memory:")
    register_functions(conn, max_chars=None)  # the indexer stems whole texts
    text = "takster " * 5000 + "slutord"
    assert conn.execute("select da_stem(?)", [text]).fetchone()[0].endswith("slutord")


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return good_pdf(tmp_path_factory.mktemp("small") / "good.pdf")


def test_a_committee_name_of_any_length_gives_reachable_pages(tmp_path: Path, small_pdf: Path) -> None:
    extraction = extract_document(small_pdf)
    committee = "Udvalget for social- og sundhedsområdet i Region Nordjylland og kommunerne " * 4
    meeting = extraction.meeting.model_copy(update={"committee": committee, "date": "2024-01-15"})
    db_path = tmp_path / "long.db"
    db = open_archive(db_path)
    stored = store_extraction(db, extraction.model_copy(update={"meeting": meeting}), path=str(small_pdf))
    item_ids = [row[0] for row in db.execute("select id from items")]
    db.close()
    site = make_site(db_path)
    assert get(site, f"/-/meeting/{stored.meeting_id}").status_code == 200
    assert item_ids and all(get(site, f"/-/item/{iid}").status_code == 200 for iid in item_ids)


HOSTILE_NAMES = ['svar "endelig"\r\nX-Evil: 1.pdf', "møde æøå – referat.pdf", "a\\b;c=d.pdf"]


def test_pdf_download_names_survive_quotes_newlines_and_danish_letters(tmp_path: Path, small_pdf: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, name in enumerate(HOSTILE_NAMES):
        (folder / name).write_bytes(small_pdf.read_bytes() + b"%% %d\n" % n)
    db = tmp_path / "a.db"
    assert ingest([folder], db).imported == len(HOSTILE_NAMES)
    site = make_site(db)
    with sqlite3.connect(db) as conn:
        shas = {os.fsdecode(bytes(exact)).rsplit("/", 1)[-1]: sha
                for sha, exact in conn.execute("select sha256, path_bytes from documents")}
    for name in HOSTILE_NAMES:
        response = get(site, f"/-/pdf/{shas[name]}")
        header = response.headers["content-disposition"]
        assert response.status_code == 200 and "x-evil" not in response.headers
        assert "\r" not in header and "\n" not in header
        quoted = re.search(r'filename="([^"]*)"', header).group(1)
        assert all(32 <= ord(c) < 127 for c in quoted) and "\\" not in quoted
        assert unquote(header.split("filename*=UTF-8''")[1]) == name.replace("\r", "").replace("\n", "")


@pytest.mark.slow
def test_an_old_version_never_serves_the_new_files_bytes(tmp_path: Path, corpus_dir: Path) -> None:
    agenda = tmp_path / "in" / "dagsorden.pdf"
    agenda.parent.mkdir()
    shutil.copy2(corpus_dir / "classic" / "003_f63fb17c9f3e8caf.pdf", agenda)
    db = tmp_path / "versions.db"
    ingest([agenda], db)
    old = hashlib.sha256(agenda.read_bytes()).hexdigest()
    shutil.copy2(corpus_dir / "modern" / "003_f63fb17c9f3e8caf.pdf", agenda)  # changed in place
    new_bytes = agenda.read_bytes()
    new = hashlib.sha256(new_bytes).hexdigest()
    site = make_site(db)
    unchanged = get(site, f"/-/pdf/{old}")  # not re-imported yet: the file no longer holds `old`
    assert unchanged.status_code == 410
    ingest([agenda], db)
    gone = get(site, f"/-/pdf/{old}")
    assert gone.status_code == 410 and f'href="/-/pdf/{new}"' in gone.text
    assert gone.content != new_bytes and not gone.content.startswith(b"%PDF")
    # never drawn while the old bytes were there, so not in the preview cache either
    assert get(site, f"/-/preview/{old}/1.png?bbox=71.5,99.5,301.5,121.5").status_code == 410
    current = get(site, f"/-/pdf/{new}")
    assert current.status_code == 200 and current.content == new_bytes


def test_published_archive_names_no_server_path(classic_archive: Path, tmp_path: Path, a_sha: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    published = Instance.of(classic_archive).publish(tmp_path / "site")
    with sqlite3.connect(published.databases[0]) as conn:
        paths = [row[0] for row in conn.execute("select path from documents union all select path from failures")]
    assert paths and not any(p.startswith("/") or str(classic_archive.parent.parent) in p for p in paths)
    assert get(published.app(), f"/-/pdf/{a_sha}").status_code == 410  # no root: not served
    monkeypatch.setenv(PDF_ROOT_ENV, published.environment[PDF_ROOT_ENV])
    served = get(published.app(), f"/-/pdf/{a_sha}")
    assert served.status_code == 200 and served.content.startswith(b"%PDF")
    assert PDF_ROOT_ENV in str(get(published.app(), "/-/metadata.json").json())
    assert published.environment[PDF_ROOT_ENV] not in get(published.app(), "/-/metadata.json").text


# -- random input to every route ----------------------------------------------------------

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
hostile = st.one_of(words, st.just(HOSTILE), words.map(lambda w: w + HOSTILE))
numbers = st.one_of(st.integers(-10, 10**6).map(str), st.floats(allow_nan=True).map(str), words)
bboxes = st.one_of(st.lists(numbers, max_size=5).map(",".join), hostile)


@st.composite
def requests(draw: st.DrawFn) -> str:
    """A path of every route the site has, with random ids, pages, boxes and query strings."""
    db = "arkiv"
    table = draw(st.sampled_from(["items", "documents", "meetings", "tariffs", "amounts", "search_index",
                                  "coverage", "failures"]))
    text = draw(hostile)
    sha = draw(st.one_of(st.just("0" * 64), st.text("0123456789abcdef", min_size=64, max_size=64), words))
    param = draw(st.sampled_from(["_sort", "_sort_desc", "_facet", "_size", "_next", "_search", "_where",
                                  "_col", "_nocol", "_through", "_shape", "_labels", "_facet_array",
                                  "_facet_date", "_timelimit", "_ttl", "_nl", "id__gt", "title__contains",
                                  "_search_title", "_fts_table", "q", "label", "bbox", "sql"]))
    query = urlencode({param: text})
    return draw(st.sampled_from([
        f"/{db}/{table}?{query}", f"/{db}/{table}.json?{query}", f"/{db}/{table}/{quote(text, safe='')}",
        f"/{db}/search?{urlencode({'q': text})}", f"/{db}/search.atom?{urlencode({'q': text})}",
        f"/{db}/tariff_history?{urlencode({'label': text})}", f"/{db}?{urlencode({'sql': text})}",
        f"/-/item/{quote(text, safe='')}", f"/-/meeting/{quote(text, safe='')}",
        f"/-/tariff?{urlencode({'label': text})}", f"/-/pdf/{quote(sha, safe='')}",
        f"/-/preview/{quote(sha, safe='')}/{quote(draw(numbers), safe='')}.png?{urlencode({'bbox': draw(bboxes)})}",
        f"/{quote(text, safe='')}", f"/-/om?{query}", f"/?{query}",
    ]))


@pytest.fixture(scope="module")
def fuzz_site(classic_archive: Path, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("fuzz") / "arkiv.db"
    shutil.copy2(classic_archive, db)
    return make_site(db)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=requests())
def test_random_requests_never_500_and_never_echo_markup(fuzz_site, path: str) -> None:
    response = get(fuzz_site, path)
    assert response.status_code < 500, (path, response.text[:300])
    if response.headers.get("content-type", "").startswith("text/html"):
        assert "<img src=x" not in response.text and "<script>alert" not in response.text, path
