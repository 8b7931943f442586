"""The batch: many PDFs -> one archive; extracted in worker processes, written by this one.

Why this shape: a ten-year archive holds broken, encrypted and odd files, and our own
code has bugs. Each file ends as exactly one `FileResult` (imported, skipped or
failed); failures are recorded in the `failures` table and the batch goes on.

The steps, in order: list the files (`iter_pdf_paths`), hash each one and skip what the
archive already has (`plan`: known content is never opened), extract the rest in
`extractor.batch.workers` processes (a time and memory limit per document), store each
result in its own transaction as it arrives (so a killed import loses at most the
documents in flight), then run the batch-level steps (`finish_batch`). With a Dask cluster
(`IngestOptions.cluster`, extractor/batch/cluster.py) only the extraction moves there:
planning and storing stay here, unchanged.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import sqlite_utils
from pydantic import BaseModel

from dagsorden.extractor.errors import DagsordenError, EncryptedPdf, ExtractionFailed, one_line
from dagsorden.extractor.settings import ExtractSettings
from dagsorden.extractor.store.write import clear_failure, is_known, record_failure, store_extraction
from dagsorden.extractor.store.schema import open_archive
from dagsorden.extractor.batch.cluster import ClusterSpec, run_on_cluster
from dagsorden.extractor.batch.workers import Failure, Limits, WorkerPool, failure_of, run_task
from dagsorden.extractor.read.files import display_path, hash_regular_file, path_bytes
from dagsorden.models import Extraction

# PDF -> Extraction, given the settings: the real pipeline, or a stand-in of a test.
Extract = Callable[[Path, ExtractSettings], Extraction]

# Opening a fresh archive races with a second import creating the same tables: the other's
# CREATE comes first ("already exists"), holds the lock ("locked"), or changes the schema under a
# statement of ours ("schema has changed", "no such table" between its DROP and CREATE). The
# schema steps are idempotent, so they are run again.
OPEN_ATTEMPTS = 8
SCHEMA_RACE = ("exists", "locked", "schema has changed", "no such")

__all__ = ["FileResult", "IngestReport", "IngestOptions", "IngestProgress", "ingest", "iter_pdf_paths"]


class FileResult(BaseModel):
    """What happened to one file."""

    path: str
    status: Literal["imported", "skipped", "failed"]
    sha256: str | None = None
    pages: int = 0
    stage: str | None = None
    code: str | None = None
    reason: str | None = None


class IngestReport(BaseModel):
    """Counts for the summary line, plus every file's result for `--json`."""

    imported: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    # Pages imported per second of the whole batch, over every worker (local or cluster).
    pages_per_second: float = 0.0
    # Processes (local) or worker threads (Dask cluster) that extracted; 0: in this process.
    workers: int = 0
    cluster: str | None = None
    files: list[FileResult] = []

    def add(self, result: FileResult) -> None:
        self.files.append(result)
        if result.status == "imported":
            self.imported += 1
            self.pages += result.pages
        elif result.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1


@dataclass
class IngestProgress:
    """Running counts for a progress bar: files, pages, pages per second, failures."""

    total: int
    done: int = 0
    pages: int = 0
    failed: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, result: FileResult) -> None:
        self.done += 1
        self.pages += result.pages
        self.failed += result.status == "failed"

    def label(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.pages / elapsed if elapsed > 0 else 0.0
        return (f"{self.done}/{self.total} files, {self.pages} pages, {rate:.1f} pages/s, "
                f"{self.failed} failed")


@dataclass(frozen=True)
class IngestOptions:
    """How a batch runs; `settings` reach `extract_document` in every worker."""

    # Worker processes; 0 extracts in this process (no limits: for debugging and for
    # library callers). `dagsorden ingest` defaults to `default_workers()`, one per CPU.
    workers: int = 0
    limits: Limits = field(default_factory=Limits)
    settings: ExtractSettings = field(default_factory=ExtractSettings)
    retry_failed: bool = False
    # Read what a symbolic link points to (otherwise it is recorded as E108).
    follow_symlinks: bool = False
    # Extract on a Dask cluster instead of local workers (`workers` is then unused).
    cluster: ClusterSpec | None = None
    # Cluster workers open the files at this machine's paths (a file system they all
    # mount at the same place) instead of receiving their bytes.
    shared_path: bool = False


def iter_pdf_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given plus every entry named *.pdf (any case) under given folders, whatever
    its kind (FIFO, folder, symlink: `plan` records those), so that documents + failures
    account for every such name. Links to folders are not descended. Sorted, no duplicates."""
    found: dict[str, Path] = {}
    for given in map(Path, paths):
        if given.is_dir():  # a folder named *.pdf is listed too, so listing twice changes nothing
            candidates = list(_entries_named_pdf(given)) + ([given] if _named_pdf(given.name) else [])
        elif os.path.lexists(given):
            candidates = [given]
        else:
            raise FileNotFoundError(f"No such file or folder: {display_path(given)}")
        for path in candidates:
            found.setdefault(os.path.abspath(path), path)
    return sorted(found.values(), key=lambda p: os.fsencode(p))


def _entries_named_pdf(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):  # never follows links to folders
        for name in [*dirs, *files]:
            if _named_pdf(name):
                yield Path(root, name)


def _named_pdf(name: str) -> bool:
    return name.lower().endswith(".pdf")


def default_extract(path: Path, settings: ExtractSettings) -> Extraction:
    """The real pipeline, imported late so `ingest` can be used (and tested) without it."""
    from dagsorden.extractor.pipeline import extract_document

    return extract_document(path, settings)


@dataclass(frozen=True)
class PipelineWork:
    """What a worker runs for each document: `extract(path, settings)`. Picklable, for
    fresh-interpreter and Dask workers."""

    settings: ExtractSettings
    extract: Extract | None = None  # None: the real pipeline

    def __call__(self, path: Path) -> Extraction:
        return (self.extract or default_extract)(path, self.settings)

    def warm_up(self) -> None:
        """Build the language pipeline (and its lexicon) once, before the worker's first
        document: seconds that no document's --timeout should pay."""
        if self.extract is None:
            from dagsorden.extractor.facts.nlp import get_nlp

            get_nlp(self.settings.nlp_model)


def failed_paths(db_path: Path | str) -> list[Path]:
    """Files recorded in the failures table that still exist: what --retry-failed retries."""
    db = open_db(db_path)
    try:
        rows = db.conn.execute("SELECT path, path_bytes FROM failures ORDER BY path").fetchall()
    finally:
        db.close()
    paths = [Path(os.fsdecode(exact)) if exact else Path(path) for path, exact in rows]
    return [path for path in paths if path.is_file()]


def ingest(
    paths: Iterable[Path | str],
    db_path: Path | str,
    on_progress: Callable[[FileResult], None] | None = None,
    *,
    extract: Extract | None = None,
    options: IngestOptions | None = None,
) -> IngestReport:
    """Import every PDF under `paths` into the archive at `db_path`.

    `on_progress` is called once per file, when it is done. `extract` is the
    PDF -> Extraction step (the real pipeline unless a caller passes another one); it
    is called as `extract(path, options.settings)` in a worker process.
    """
    options = options or IngestOptions()
    work = PipelineWork(options.settings, extract)
    started = time.monotonic()
    files = iter_pdf_paths(paths)
    order = {display_path(path): n for n, path in enumerate(files)}
    report = IngestReport(workers=options.workers,
                          cluster=options.cluster.describe() if options.cluster else None)

    def done(result: FileResult) -> None:
        report.add(result)
        if on_progress:
            on_progress(result)

    db = open_db(db_path)
    try:
        todo: dict[Path, str] = {}
        for path, result in plan(db, files, retry_failed=options.retry_failed,
                                 have_password=options.settings.password is not None,
                                 follow_symlinks=options.follow_symlinks):
            if isinstance(result, FileResult):
                done(result)
            else:
                todo[path] = result
        if extract is None and options.workers > 0 and options.cluster is None and todo:
            import dagsorden.extractor.pipeline  # noqa: F401  (once here, so forked workers start warm)

        def on_workers(count: int) -> None:
            report.workers = count

        for path, outcome in extract_all(work, list(todo), options, on_workers):
            done(store_outcome(db, path, todo[path], outcome))
        finish_batch(db, report)
    finally:
        db.close()
    report.files.sort(key=lambda r: order.get(r.path, len(order)))
    seconds = time.monotonic() - started
    report.seconds = round(seconds, 3)
    report.pages_per_second = round(report.pages / seconds, 2) if seconds > 0 else 0.0
    return report


def open_db(db_path: Path | str) -> sqlite_utils.Database:
    """open_archive, retried: two imports creating a new archive at once race on CREATE TABLE."""
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return open_archive(db_path)
        except sqlite3.OperationalError as error:
            if attempt == OPEN_ATTEMPTS - 1 or not any(race in str(error) for race in SCHEMA_RACE):
                raise
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


def plan(db: sqlite_utils.Database, files: list[Path], *, retry_failed: bool = False,
         have_password: bool = False, follow_symlinks: bool = False) -> Iterator[tuple[Path, FileResult | str]]:
    """Hash every regular file: known content is skipped unopened, a known failure is reported
    again (not retried unless asked), the rest is yielded with its sha256 for extraction.
    Anything else named *.pdf (FIFO, device, folder, a link not to be followed) is a failure."""
    for path in files:
        key = archive_key(path)
        try:
            sha = hash_regular_file(path, follow_symlinks=follow_symlinks)
        except DagsordenError as error:
            yield path, _fail(db, path, key, None, failure_of(error))
            continue
        except OSError as error:
            yield path, _fail(db, path, key, None, Failure("open", "E101", one_line(error)))
            continue
        if is_known(db, sha):
            clear_failure(db, key, sha)
            yield path, FileResult(path=display_path(path), status="skipped", sha256=sha)
            continue
        earlier = db.conn.execute(
            "SELECT stage, code, reason FROM failures WHERE path = ? AND sha256 = ?", [key, sha]
        ).fetchone()
        retry = retry_failed or (have_password and earlier and earlier[1] == EncryptedPdf.code)
        if earlier and not retry:
            stage, code, reason = earlier
            yield path, FileResult(path=display_path(path), status="failed", sha256=sha, stage=stage,
                                   code=code, reason=f"{reason} (recorded earlier; "
                                                     "--retry-failed tries again)")
            continue
        yield path, sha


def extract_all(work: Callable[[Path], Extraction], paths: list[Path], options: IngestOptions,
                on_workers: Callable[[int], None] | None = None,
                ) -> Iterator[tuple[Path, Extraction | Failure]]:
    """Largest files first (the long tail ends sooner): on a Dask cluster, in local
    workers or, with 0 workers, in this process."""
    paths = sorted(paths, key=lambda p: p.stat().st_size, reverse=True)
    if options.cluster is not None:
        yield from run_on_cluster(work, paths, options.cluster, limits=options.limits,
                                  shared_path=options.shared_path, on_workers=on_workers)
        return
    if options.workers <= 0:
        for path in paths:
            yield path, run_task(work, path)
        return
    yield from WorkerPool(work, options.workers, options.limits).run(paths)


def store_outcome(db: sqlite_utils.Database, path: Path, sha: str,
                  outcome: Extraction | Failure) -> FileResult:
    """One extracted document (or its failure) -> the archive, in one transaction."""
    key = archive_key(path)
    if isinstance(outcome, Failure):
        return _fail(db, path, key, sha, outcome)
    try:
        stored = store_extraction(db, _with_sha(outcome, sha), path=key, path_bytes=path_bytes(os.path.abspath(path)))
    except Exception as error:  # a bug must not stop a ten-year import
        reason = one_line(f"{type(error).__name__}: {error}")
        return _fail(db, path, key, sha, Failure("store", ExtractionFailed.code, reason))
    return FileResult(path=display_path(path), status=stored.status, sha256=sha,
                      pages=stored.pages if stored.status == "imported" else 0)


def finish_batch(db: sqlite_utils.Database, report: IngestReport) -> None:
    """Batch-level steps after every document is stored (e.g. grouping documents into cases).

    Each step must be idempotent: an import killed before this point runs it on the next run.
    """
    from dagsorden.extractor.archive.steps import refresh_archive

    refresh_archive(db)  # corrections, cases, municipalities, tariff series, search index


def archive_key(path: Path) -> str:
    """A file's key in `documents.path` and `failures.path`: absolute as given (a symlink is
    recorded as itself, never as its target) and printable, whatever the name's encoding."""
    return display_path(os.path.abspath(path))


def _with_sha(extraction: Extraction, sha: str) -> Extraction:
    """The archive is keyed by the bytes we hashed, whatever the pipeline reported."""
    if extraction.document.sha256 == sha:
        return extraction
    document = extraction.document.model_copy(update={"sha256": sha})
    return extraction.model_copy(update={"document": document})


def _fail(db: sqlite_utils.Database, path: Path, key: str, sha: str | None,
          failure: Failure) -> FileResult:
    record_failure(db, path=key, path_bytes=path_bytes(os.path.abspath(path)), sha256=sha,
                   filename=display_path(path.name), stage=failure.stage, code=failure.code, reason=failure.reason)
    return FileResult(path=display_path(path), status="failed", sha256=sha, stage=failure.stage,
                      code=failure.code, reason=failure.reason)
