"""Issue 6: bulk import is idempotent, versioned, survives SIGKILL and concurrent runs.

Real corpus PDFs, real SQLite files, a real `dagsorden ingest` subprocess."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test runs `dagsorden ingest` in subprocesses

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("documents", "meetings", "items", "pages", "participants", "recommendations")


def ingest_cmd(*args: str | Path) -> list[str]:
    return [sys.executable, "cli.py", "ingest", *map(str, args), "--silent"]


def ingest(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(ingest_cmd(*args), cwd=ROOT, capture_output=True, text=True, timeout=600)


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in TABLES}


def assert_consistent(db: Path) -> None:
    """No half-written document: integrity, foreign keys, and every page of every document."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        partial = conn.execute(
            "SELECT filename FROM documents d WHERE pages != "
            "(SELECT count(*) FROM pages p WHERE p.document_sha256 = d.sha256)").fetchall()
        assert partial == []


@pytest.fixture
def archive(corpus_dir: Path, tmp_path: Path) -> Path:
    return classic_copies(corpus_dir, tmp_path / "arkiv")


def classic_copies(corpus_dir: Path, folder: Path, copies: int = 8) -> Path:
    """Distinct files: the classic look's shorter documents, copied with a byte changed."""
    folder.mkdir()
    sources = sorted((corpus_dir / "classic").glob("*.pdf"), key=lambda p: p.stat().st_size)[:4]
    for n in range(copies):
        source = sources[n % len(sources)]
        (folder / f"{n:02d}_{source.name}").write_bytes(source.read_bytes() + b"\n%% copy %d\n" % n)
    return folder


def test_ingest_rerun_skips_everything_and_changes_nothing(archive, tmp_path):
    db = tmp_path / "a.db"
    first = ingest(archive, "--db", db, "--workers", "2")
    assert first.returncode == 0, first.stderr
    before = counts(db)
    assert before["documents"] == 8
    second = ingest(archive, "--db", db, "--workers", "2", "--json")
    assert second.returncode == 0
    assert '"skipped": 8' in second.stdout and '"imported": 0' in second.stdout
    assert counts(db) == before


def test_ingest_changed_file_is_new_version(archive, tmp_path):
    db = tmp_path / "a.db"
    ingest(archive, "--db", db)
    changed = sorted(archive.glob("*.pdf"))[0]
    changed.write_bytes(changed.read_bytes() + b"\n%% revised\n")
    result = ingest(archive, "--db", db, "--json")
    assert result.returncode == 0 and '"imported": 1' in result.stdout
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT sha256, supersedes, superseded_by FROM documents WHERE path = ? "
                            "ORDER BY imported_at, superseded_by IS NULL",
                            [str(changed.resolve())]).fetchall()
        assert len(rows) == 2
        (old, _, old_next), (new, new_prev, new_next) = rows
        assert (old_next, new_prev, new_next) == (new, old, None)
        current = conn.execute("SELECT count(*) FROM coverage WHERE current").fetchone()[0]
        assert current == 8  # the old version stays queryable, marked not current


def test_ingest_killed_with_sigkill_then_resumed(archive, tmp_path):
    db = tmp_path / "a.db"
    process = subprocess.Popen(ingest_cmd(archive, "--db", db, "--workers", "2"), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and _stored(db) >= 2:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _stored(db)
    assert 2 <= stored < 8, "the kill must land mid-import"
    assert_consistent(db)
    time.sleep(0.5)
    assert _processes_mentioning(str(db)) == [], "workers must die with the import"

    resumed = ingest(archive, "--db", db, "--workers", "2", "--json")
    assert resumed.returncode == 0, resumed.stderr
    assert f'"skipped": {stored}' in resumed.stdout
    assert_consistent(db)
    clean = tmp_path / "clean.db"
    ingest(archive, "--db", clean, "--workers", "2")
    assert counts(db) == counts(clean)


def test_ingest_interrupted_with_ctrl_c_keeps_what_was_stored(corpus_dir, tmp_path):
    """Ctrl-C in a terminal: the import runs with SIGINT's default disposition, as a shell in
    the foreground gives it (a test run started in the background by a non-interactive shell
    inherits SIGINT ignored, and Python then never raises KeyboardInterrupt). Enough files
    that the interrupt lands mid-import on a busy machine too."""
    archive = classic_copies(corpus_dir, tmp_path / "arkiv", copies=48)
    db = tmp_path / "a.db"
    process = subprocess.Popen(ingest_cmd(archive, "--db", db, "--workers", "1"), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (db.exists() and _stored(db) >= 1):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "Interrupted after" in stderr and "of 48 files" in stderr and "Traceback" not in stderr
    assert 1 <= _stored(db) < 48
    assert_consistent(db)


def test_ingest_two_imports_at_once_into_one_archive(archive, tmp_path):
    db = tmp_path / "a.db"
    other = tmp_path / "other"
    shutil.copytree(archive, other)  # same content, other paths: both runs want every file
    runs = [subprocess.Popen(ingest_cmd(folder, "--db", db, "--workers", "1"), cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for folder in (archive, other)]
    results = [(run.wait(timeout=600), run.stderr.read()) for run in runs]
    assert [code for code, _ in results] == [0, 0], results
    assert counts(db)["documents"] == 8
    assert_consistent(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 0


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the archive is still being created
        return 0


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if text in (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found
