"""Issue 15: extraction on a Dask cluster gives the archive local workers give.

A real `dask scheduler` and `dask worker` processes on 127.0.0.1 (or a LocalCluster for
`--cluster local:N`), real corpus PDFs, a real `dagsorden ingest` subprocess, real SQLite."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")
psutil = pytest.importorskip("psutil")

from dagsorden.extractor.batch.cluster import ClusterSpec  # noqa: E402
from dagsorden.extractor.batch.ingest import IngestOptions, ingest as ingest_library  # noqa: E402
from dagsorden.extractor.settings import ExtractSettings  # noqa: E402
from dagsorden.extractor.store.schema import TABLES  # noqa: E402
from dying_extract import extract_or_kill_worker  # noqa: E402
from test_bad_input import EXPECTED_CODES, bad_files, documents, failures, memory_bomb_folder  # noqa: E402
from test_ingest import ROOT, _stored, assert_consistent, classic_copies, ingest, ingest_cmd  # noqa: E402

# Columns that record when or in which order something was stored, not what was extracted:
# timestamps, and the search index's row ids (documents are indexed in the order they finish).
NOT_CONTENT = {"imported_at", "time", "corrected_at", "search_results.id", "search_texts.id"}


def archive_rows(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows (sorted, without timestamps): what a user can query."""
    with sqlite3.connect(db) as conn:
        out = {}
        for spec in TABLES:
            columns = [c for c in spec.columns if c not in NOT_CONTENT and f"{spec.name}.{c}" not in NOT_CONTENT]
            rows = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{spec.name}]").fetchall()
            out[spec.name] = sorted(rows, key=repr)
        return out


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[tuple[str, list[subprocess.Popen]]]:
    """`dask scheduler` and two `dask worker` (one thread each, with a nanny) on 127.0.0.1."""
    dask = str(Path(sys.executable).parent / "dask")
    scheduler_file = tmp_path / "scheduler.json"
    logs = open(tmp_path / "dask.log", "w")
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0",
                                  "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                                 stdout=logs, stderr=logs)
    workers: list[subprocess.Popen] = []
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        workers = [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1",
                                     "--no-dashboard", "--memory-limit", "0"], stdout=logs, stderr=logs)
                   for _ in range(2)]
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            process.terminate()
        for process in [*workers, scheduler]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        logs.close()


@pytest.mark.slow
def test_cluster_worker_killed_mid_import_gives_the_local_archive(dask_cluster, corpus_dir, tmp_path):
    """The classic look: seven documents of distinct meetings, so the archive does not
    depend on the order documents finish in (copies of one meeting would take over each
    other's item ids in finishing order)."""
    address, workers = dask_cluster
    archive = corpus_dir / "classic"
    total = len(list(archive.glob("*.pdf")))
    db = tmp_path / "cluster.db"
    process = subprocess.Popen(ingest_cmd(archive, "--db", db, "--cluster", address, "--json"), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None and not (db.exists() and _stored(db) >= 1):
        time.sleep(0.05)
    stored_at_kill = _stored(db)
    # the process that runs tasks is the nanny's child (its sandbox dies with it)
    victim = psutil.Process(workers[0].pid).children()[0]
    victim.send_signal(signal.SIGKILL)
    stdout, stderr = process.communicate(timeout=900)
    assert 1 <= stored_at_kill <= total - 2, "the kill must land mid-import, both workers busy"
    assert process.returncode == 0, stderr
    report = json.loads(stdout)
    assert report["imported"] == total and report["failed"] == 0 and report["cluster"] == address
    assert report["workers"] == 2 and report["pages_per_second"] > 0
    assert_consistent(db)

    local = tmp_path / "local.db"
    assert ingest(archive, "--db", local, "--workers", "2").returncode == 0
    assert archive_rows(db) == archive_rows(local)

    again = subprocess.run(ingest_cmd(archive, "--db", db, "--cluster", address, "--json"), cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert json.loads(again.stdout)["skipped"] == total  # known sha256: nothing is sent


@pytest.mark.slow
def test_cluster_local_bad_input_gets_the_same_failures(tmp_path):
    bad_archive = bad_files(tmp_path / "arkiv")
    db = tmp_path / "a.db"
    result = subprocess.run(ingest_cmd(bad_archive, "--db", db, "--cluster", "local:2", "--shared-path",
                                       "--timeout", "8", "--json"),
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert {name: row["code"] for name, row in failures(db).items()} == EXPECTED_CODES
    assert documents(db) == ["good.pdf"]
    assert json.loads(result.stdout)["failed"] == len(EXPECTED_CODES)


@pytest.mark.slow
def test_cluster_memory_limit_stops_one_document(tmp_path):
    db = tmp_path / "a.db"
    result = subprocess.run(ingest_cmd(memory_bomb_folder(tmp_path), "--db", db, "--cluster", "local:1",
                                       "--max-memory", "400", "--timeout", "120"),
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert failures(db)["bomb.pdf"]["code"] == "E302"
    assert documents(db) == ["good.pdf"]


@pytest.mark.slow
def test_cluster_document_that_kills_its_dask_worker_is_e303(corpus_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    sources = sorted((corpus_dir / "classic").glob("*.pdf"), key=lambda p: p.stat().st_size)[:2]
    for source in sources:
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "killer.pdf").write_bytes(sources[0].read_bytes() + b"\n%% killer\n")
    options = IngestOptions(cluster=ClusterSpec(local_workers=2), settings=ExtractSettings(ocr="never"))
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        report = ingest_library([folder], tmp_path / "a.db", extract=extract_or_kill_worker, options=options)
    results = {Path(r.path).name: (r.status, r.code) for r in report.files}
    assert results == {"killer.pdf": ("failed", "E303"), **{s.name: ("imported", None) for s in sources}}
    assert "died" in failures(tmp_path / "a.db")["killer.pdf"]["reason"]


@pytest.mark.parametrize("args, message", [
    (["--cluster", "scheduler:8786"], "scheduler address"),
    (["--cluster", "local:0"], "number of local workers"),
    (["--shared-path"], "only applies with --cluster"),
    (["--cluster", "local:1", "--workers", "2"], "just one of --workers or --cluster"),
])
def test_cluster_options_refused_before_any_work(args, message, tmp_path):
    result = ingest(tmp_path, "--db", tmp_path / "a.db", *args)
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / "a.db").exists()


@pytest.mark.slow
def test_cluster_unreachable_scheduler_is_one_error_line(corpus_dir, tmp_path):
    archive = classic_copies(corpus_dir, tmp_path / "arkiv")
    result = ingest(archive, "--db", tmp_path / "a.db", "--cluster", "tcp://127.0.0.1:9")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: [E304] cannot reach the Dask scheduler")
