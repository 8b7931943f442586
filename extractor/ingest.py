"""The batch: many PDFs -> one archive, one file at a time, never stopped by one bad file.

Why this shape: a ten-year archive holds broken, encrypted and odd files, and our own
code has bugs. Each file ends as exactly one `FileResult` (imported, skipped or
failed); failures are recorded in the `failures` table and the batch goes on.
"""
from __future__ import annotations

import functools

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

import sqlite_utils
from pydantic import BaseModel

from extractor.errors import DagsordenError, ExtractionFailed
from extractor.store import clear_failure, is_known, record_failure, store_extraction
from extractor.store_schema import open_archive
from models import Extraction

Extract = Callable[[Path], Extraction]

# Failure rows and stderr lines stay readable: one line, at most this long.
MAX_REASON_CHARS = 300
HASH_CHUNK_BYTES = 1 << 20


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


def iter_pdf_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given plus every *.pdf (any case) under given folders; sorted, no duplicates."""
    found: dict[Path, Path] = {}
    for given in map(Path, paths):
        if given.is_dir():
            candidates = [p for p in given.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"]
        elif given.exists():
            candidates = [given]
        else:
            raise FileNotFoundError(f"No such file or folder: {given}")
        for path in candidates:
            found.setdefault(path.resolve(), path)
    return sorted(found.values(), key=lambda p: str(p))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(HASH_CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


def one_line(message: object) -> str:
    """First non-empty line of a message, shortened: failure rows are read in a table."""
    text = str(message).strip()
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= MAX_REASON_CHARS else line[: MAX_REASON_CHARS - 1] + "…"


def default_extract(path: Path, password: str | None = None) -> Extraction:
    """The real pipeline, imported late so `ingest` can be used (and tested) without it."""
    from extractor.pipeline import extract_document

    return extract_document(path, password=password)


def ingest(
    paths: Iterable[Path | str],
    db_path: Path | str,
    on_progress: Callable[[FileResult], None] | None = None,
    *,
    extract: Extract | None = None,
    password: str | None = None,
) -> IngestReport:
    """Import every PDF under `paths` into the archive at `db_path`.

    `on_progress` is called once per file, after it is done. `extract` is the
    PDF -> Extraction step (the real pipeline unless a caller passes another one).
    """
    if extract is None:
        extract = functools.partial(default_extract, password=password)
    report = IngestReport()
    db = open_archive(db_path)
    try:
        for path in iter_pdf_paths(paths):
            result = ingest_file(db, path, extract)
            report.add(result)
            if on_progress:
                on_progress(result)
    finally:
        db.close()
    return report


def ingest_file(db: sqlite_utils.Database, path: Path, extract: Extract) -> FileResult:
    """Hash, skip if known, extract, store; any failure becomes a failure row."""
    key = str(path.resolve())
    sha: str | None = None
    stage = "open"
    try:
        sha = sha256_file(path)
        if is_known(db, sha):
            clear_failure(db, key, sha)
            return FileResult(path=str(path), status="skipped", sha256=sha)
        stage = "extract"
        extraction = _with_sha(extract(path), sha)
        stage = "store"
        stored = store_extraction(db, extraction, path=key)
    except DagsordenError as error:
        return _fail(db, path, key, sha, error.stage, error.code, one_line(error.args[0]))
    except Exception as error:  # a bug must not stop a ten-year import
        reason = one_line(f"{type(error).__name__}: {error}")
        return _fail(db, path, key, sha, stage, ExtractionFailed.code, reason)
    return FileResult(path=str(path), status=stored.status, sha256=sha,
                      pages=stored.pages if stored.status == "imported" else 0)


def _with_sha(extraction: Extraction, sha: str) -> Extraction:
    """The archive is keyed by the bytes we hashed, whatever the pipeline reported."""
    if extraction.document.sha256 == sha:
        return extraction
    document = extraction.document.model_copy(update={"sha256": sha})
    return extraction.model_copy(update={"document": document})


def _fail(db: sqlite_utils.Database, path: Path, key: str, sha: str | None, stage: str,
          code: str, reason: str) -> FileResult:
    record_failure(db, path=key, sha256=sha, filename=path.name, stage=stage, code=code,
                   reason=reason)
    return FileResult(path=str(path), status="failed", sha256=sha, stage=stage, code=code,
                      reason=reason)
