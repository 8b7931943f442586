"""Issue 6: every kind of bad input gets its failure row, a stderr line and exit code 1,
and the batch goes on. Real files, a real `dagsorden ingest` subprocess."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pdfmaker import good_pdf, runaway_pdf, zero_page_pdf

pytestmark = pytest.mark.slow  # each test runs `dagsorden ingest` in subprocesses with limits

ROOT = Path(__file__).resolve().parent.parent


def encrypted_pdf(path: Path, password: str) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), encrypt=password)
    canvas.drawString(72, 700, "Lukket punkt")
    canvas.save()
    return path


def ingest(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "cli.py", "ingest", *map(str, args), "--silent"],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def failures(db: Path) -> dict[str, dict[str, str]]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {Path(r["path"]).name: dict(r) for r in conn.execute("SELECT * FROM failures")}


def documents(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT filename FROM documents"))


@pytest.fixture
def bad_archive(tmp_path: Path) -> Path:
    return bad_files(tmp_path / "arkiv")


def bad_files(folder: Path) -> Path:
    """One file of every kind of bad input, and one good PDF."""
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.pdf").write_text("Referat fra mødet\n" * 20, encoding="utf-8")
    good = good_pdf(folder / "good.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 2])
    at = good.index(b"xref")
    (folder / "broken_xref.pdf").write_bytes(
        good[:at].replace(b" obj", b" jbo") + b"xref\n0 1\ngarbage\ntrailer\n<<>>\nstartxref\n%d\n%%%%EOF\n" % at)
    encrypted_pdf(folder / "locked.pdf", "hemmelig")
    (folder / "zero_pages.pdf").write_bytes(zero_page_pdf())
    (folder / "runaway.pdf").write_bytes(runaway_pdf(300_000))
    return folder


EXPECTED_CODES = {
    "empty.pdf": "E103", "notes.pdf": "E102", "truncated.pdf": "E105",
    "broken_xref.pdf": "E105", "locked.pdf": "E104", "zero_pages.pdf": "E106",
    "runaway.pdf": "E301",
}


def test_bad_input_every_kind_recorded_and_batch_goes_on(tmp_path, bad_archive):
    db = tmp_path / "a.db"
    result = ingest(bad_archive, "--db", db, "--workers", "2", "--timeout", "8", "--json")
    assert result.returncode == 1
    rows = failures(db)
    assert {name: row["code"] for name, row in rows.items()} == EXPECTED_CODES
    for name, row in rows.items():
        assert row["sha256"] and len(row["sha256"]) == 64 and row["stage"] and row["time"]
        assert row["reason"] and "\n" not in row["reason"]
    failed_lines = [line for line in result.stderr.splitlines() if line.startswith("FAILED ")]
    assert sorted(Path(line.split(":")[0][7:]).name for line in failed_lines) == sorted(EXPECTED_CODES)
    assert documents(db) == ["good.pdf"]
    assert json.loads(result.stdout)["failed"] == len(EXPECTED_CODES)


def test_bad_input_broken_but_recoverable_xref_is_imported(tmp_path):
    """pdfminer rebuilds a wrong startxref from the objects: the document is not lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    data = good_pdf(tmp_path / "good.pdf").read_bytes()
    at = data.rindex(b"startxref")
    (folder / "bad_startxref.pdf").write_bytes(data[:at] + b"startxref\n999999\n%%EOF\n")
    result = ingest(folder, "--db", tmp_path / "a.db", "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert documents(tmp_path / "a.db") == ["bad_startxref.pdf"]


def test_bad_input_encrypted_imports_with_password(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    encrypted_pdf(folder / "locked.pdf", "hemmelig")
    db = tmp_path / "a.db"
    refused = ingest(folder, "--db", db)
    assert refused.returncode == 1 and "[E104]" in refused.stderr and "--password" in refused.stderr
    opened = ingest(folder, "--db", db, "--password", "hemmelig")
    assert opened.returncode == 0, opened.stderr
    assert documents(db) == ["locked.pdf"] and failures(db) == {}


def memory_bomb_folder(tmp_path: Path) -> Path:
    """A PDF that needs more than 400 MB to parse, beside a good one."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.pdf").write_bytes(runaway_pdf(600_000))
    good_pdf(folder / "good.pdf")
    return folder


def test_bad_input_memory_limit_stops_one_document(tmp_path):
    db = tmp_path / "a.db"
    result = ingest(memory_bomb_folder(tmp_path), "--db", db, "--workers", "1", "--max-memory", "400",
                    "--timeout", "120")
    assert result.returncode == 1
    assert failures(db)["bomb.pdf"]["code"] == "E302"
    assert documents(db) == ["good.pdf"]


def test_bad_input_known_failure_not_retried_until_asked(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "slow.pdf").write_bytes(runaway_pdf(20_000))
    db = tmp_path / "a.db"
    first = ingest(folder, "--db", db, "--timeout", "0.2")
    assert first.returncode == 1 and failures(db)["slow.pdf"]["code"] == "E301"
    again = ingest(folder, "--db", db, "--timeout", "0.2")
    assert again.returncode == 1 and "recorded earlier" in again.stderr
    retried = ingest("--retry-failed", "--db", db, "--timeout", "120")
    assert retried.returncode == 0, retried.stderr
    assert documents(db) == ["slow.pdf"] and failures(db) == {}


def test_bad_input_retry_failed_without_paths_or_flag_is_usage_error(tmp_path):
    assert ingest("--db", tmp_path / "a.db").returncode == 2
