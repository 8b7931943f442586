"""Issue 14: hostile files on an old file share. Names that are not UTF-8, FIFOs, devices,
folders and symlinks named *.pdf, control characters in the text layer and decompression
bombs: each is imported or recorded with its own code, and the batch goes on.

Real files, real PDFs, a real archive; `dagsorden ingest` as a subprocess where the process
boundary matters (a hang, a memory limit)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dagsorden.extractor.batch.ingest import failed_paths, ingest
from dagsorden.extractor.read.pdf import read_pdf
from pdfmaker import good_pdf, object_stream_bomb, text_pdf
from siteclient import get, make_site

ROOT = Path(__file__).resolve().parent.parent
LATIN1_NAME = b"referat_m\xf8de.pdf"  # "møde" as an old Windows share wrote it


def run_ingest(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "cli.py", "ingest", *map(str, args), "--silent"],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def rows(db: Path, sql: str) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql)]


def bytes_path(folder: Path, name: bytes) -> Path:
    return Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return good_pdf(tmp_path_factory.mktemp("good") / "good.pdf").read_bytes()


def test_latin1_file_name_is_imported_with_its_exact_bytes(tmp_path: Path, good_bytes: bytes) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    bytes_path(folder, LATIN1_NAME).write_bytes(good_bytes)
    bytes_path(folder, b"tom_\xe6\xf8\xe5.pdf").write_bytes(b"")  # fails (E103), also not UTF-8
    db = tmp_path / "a.db"
    result = run_ingest(folder, "--db", db, "--json")
    assert result.returncode == 1, result.stderr  # the empty file failed; the batch went on
    report = json.loads(result.stdout)
    assert (report["imported"], report["failed"]) == (1, 1)
    [document] = rows(db, "select filename, path, path_bytes from documents")
    assert document["filename"] == "referat_m\\xf8de.pdf"  # one readable, unambiguous line
    assert document["path_bytes"] == os.path.join(os.fsencode(folder), LATIN1_NAME)
    [failure] = rows(db, "select code, path_bytes, reason from failures")
    assert failure["code"] == "E103" and failure["path_bytes"].endswith(b"tom_\xe6\xf8\xe5.pdf")
    assert "tom_\\xe6\\xf8\\xe5.pdf" in failure["reason"]
    assert failed_paths(db) == [bytes_path(folder, b"tom_\xe6\xf8\xe5.pdf")]  # --retry-failed finds it
    again = run_ingest(folder, "--db", db, "--json")
    assert json.loads(again.stdout)["skipped"] == 1


def test_pdf_of_a_latin1_name_is_served(tmp_path: Path, good_bytes: bytes) -> None:
    bytes_path(tmp_path, LATIN1_NAME).write_bytes(good_bytes)
    db = tmp_path / "a.db"
    assert ingest([tmp_path], db).imported == 1
    [document] = rows(db, "select sha256 from documents")
    response = get(make_site(db), f"/-/pdf/{document['sha256']}")
    assert response.status_code == 200 and response.content == good_bytes
    # the download name reads the Latin-1 byte as the share meant it
    assert "filename*=UTF-8''referat_m%C3%B8de.pdf" in response.headers["content-disposition"]


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\0" not in b),
                      min_size=1, max_size=3, unique=True))
def test_any_byte_name_is_imported_or_recorded(tmp_path_factory: pytest.TempPathFactory, good_bytes: bytes,
                                               names: list[bytes]) -> None:
    folder = tmp_path_factory.mktemp("names")
    expected = {}
    for n, name in enumerate(names):
        path = bytes_path(folder, name + b".pdf")
        path.write_bytes(good_bytes + b"%% copy %d\n" % n)  # distinct content, so each is imported
        expected[os.fsencode(path)] = path
    db = folder / "archive.db.sqlite"  # not named *.pdf
    report = ingest([folder], db)
    assert (report.imported, report.failed) == (len(names), 0), report.files
    json.loads(report.model_dump_json())  # the --json report can be written
    stored = rows(db, "select path, path_bytes, filename from documents")
    assert {row["path_bytes"] for row in stored} == set(expected)
    assert all(row["path"].isprintable() and row["filename"].isprintable() for row in stored)  # one line each
    assert ingest([folder], db).skipped == len(names)


@pytest.fixture
def odd_folder(tmp_path: Path, good_bytes: bytes) -> Path:
    """A share holding one good PDF and every kind of entry that is named *.pdf but is no PDF file."""
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(good_bytes)
    os.mkfifo(folder / "pipe.pdf")
    (folder / "folder.pdf").mkdir()
    (folder / "dangling.pdf").symlink_to(tmp_path / "missing.pdf")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.pdf").write_bytes(good_bytes + b"%% elsewhere\n")
    (folder / "link.pdf").symlink_to(elsewhere / "secret.pdf")
    (folder / "passwd.pdf").symlink_to("/etc/passwd")
    (folder / "notes.pdf").write_text("root:x:0:0:hemmelig:/root:/bin/bash\n")
    return folder


def test_every_entry_named_pdf_is_a_document_or_a_failure(odd_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = run_ingest(odd_folder, "--db", db, "--workers", "1")
    assert result.returncode == 1, result.stderr
    codes = {Path(row["path"]).name: row["code"] for row in rows(db, "select path, code from failures")}
    assert codes == {"pipe.pdf": "E107", "folder.pdf": "E107", "dangling.pdf": "E108",
                     "link.pdf": "E108", "passwd.pdf": "E108", "notes.pdf": "E102"}
    assert [row["filename"] for row in rows(db, "select filename from documents")] == ["good.pdf"]
    assert len(codes) + 1 == len(list(odd_folder.iterdir()))  # documents + failures = files
    for failure in rows(db, "select * from failures"):
        assert failure["path"].startswith(str(odd_folder)), failure  # the path as given, not the target
        assert "root:" not in failure["reason"] and "hemmelig" not in failure["reason"]


def test_symlinks_are_followed_only_when_asked(odd_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    run_ingest(odd_folder, "--db", db, "--workers", "1", "--follow-symlinks")
    codes = {Path(row["path"]).name: row["code"] for row in rows(db, "select path, code from failures")}
    assert codes == {"pipe.pdf": "E107", "folder.pdf": "E107", "dangling.pdf": "E101",
                     "passwd.pdf": "E102", "notes.pdf": "E102"}
    assert sorted(row["filename"] for row in rows(db, "select filename from documents")) == ["good.pdf", "link.pdf"]
    assert all("root:" not in row["reason"] for row in rows(db, "select reason from failures"))


def test_a_fifo_given_by_name_does_not_hang_the_import(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    result = run_ingest(tmp_path / "pipe.pdf", "--db", tmp_path / "a.db", timeout=60)
    assert result.returncode == 1 and "[E107]" in result.stderr


def test_control_characters_are_dropped_by_the_reader(tmp_path: Path) -> None:
    pdf = tmp_path / "ctrl.pdf"
    pdf.write_bytes(text_pdf([b"Takst\\000\\001\\033 2024 for ophold", b"Punkt 1. Budget\\037"], identity_map=True))
    texts = [line.text for page in read_pdf(pdf).pages for line in page.lines]
    assert texts == ["Takst 2024 for ophold", "Punkt 1. Budget"]


def test_a_document_with_control_characters_keeps_its_feed_working(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ctrl.pdf").write_bytes(text_pdf([b"Budget og\\001 takster 2024\\000 slut"], identity_map=True))
    db = tmp_path / "a.db"
    assert ingest([folder], db).imported == 1
    response = get(make_site(db), "/-/s%C3%B8g.atom?q=takster")  # the search as a feed
    assert response.status_code == 200 and "Budget og takster 2024 slut" in response.text


@pytest.mark.slow
def test_a_decompression_bomb_is_over_the_memory_limit_not_broken(tmp_path: Path) -> None:
    """The catalog inflates to 600 MB: joining zlib's output fails a single allocation well
    below the limit's peak, which was reported as a broken PDF (E105)."""
    (tmp_path / "bomb.pdf").write_bytes(object_stream_bomb(600))
    result = run_ingest(tmp_path / "bomb.pdf", "--db", tmp_path / "a.db", "--workers", "1",
                        "--max-memory", "1400", timeout=300)
    assert result.returncode == 1 and "[E302]" in result.stderr, result.stderr
