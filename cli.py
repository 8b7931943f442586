"""The `dagsorden` command: a thin shell over extractor/ (parse options, call, map errors).

Exit codes: 0 ok, 1 something failed (an error, or any file of a batch), 2 usage error.
Progress and errors go to stderr, so stdout carries only the JSON asked for.
"""
from __future__ import annotations

import json
import os
import shlex
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from dagsorden.extractor.archive.corrections import CORRECTABLE, add_correction
from dagsorden.extractor.archive.steps import refresh_site_tables
from dagsorden.extractor.errors import ClusterError, CorrectionError, DagsordenError, ExtractionFailed, one_line, printable
from dagsorden.extractor.batch.cluster import ClusterSpec, parse_cluster
from dagsorden.extractor.batch.ingest import FileResult, IngestOptions, IngestProgress, failed_paths, iter_pdf_paths
from dagsorden.extractor.batch.ingest import ingest as ingest_paths
from dagsorden.extractor.read.ocr import tesseract_available
from dagsorden.extractor.settings import OCR_MODES, ExtractSettings
from dagsorden.extractor.site.instance import DEFAULT_HOST, DEFAULT_PORT, Instance, python_command
from dagsorden.extractor.store.schema import open_archive
from dagsorden.extractor.batch.workers import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, Limits, default_workers

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

db_option = click.option(
    "--db", "db_path", required=True, type=click.Path(dir_okay=False),
    help="SQLite archive file (created if missing)",
)
existing_db_option = click.option(
    "--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False),
    help="SQLite archive file (must exist)",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Output JSON on stdout")
password_option = click.option("--password", default=None, help="Password of encrypted PDFs (E104)")
nlp_model_option = click.option(
    "--nlp-model", default=None, metavar="NAME_OR_PATH",
    help="Installed spaCy pipeline (e.g. da_core_news_md) or folder whose entity guesses complete "
         "the rules; default: rules and gazetteers only. Nothing is downloaded.",
)


def check_nlp_model(nlp_model: str | None) -> None:
    """Load the pipeline once up front, so a wrong name is one usage error, not a failed batch."""
    if nlp_model is None:
        return
    from dagsorden.extractor.facts.nlp import get_nlp

    try:
        get_nlp(nlp_model)
    except (OSError, ValueError, ImportError) as error:
        raise click.BadParameter(one_line(error), param_hint="--nlp-model")


@click.group(context_settings=CONTEXT_SETTINGS)
def cli() -> None:
    """Turn Danish municipal meeting PDFs into a searchable SQLite archive."""


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--pretty", is_flag=True, help="Indent the JSON")
@click.option("--pages", "with_pages", is_flag=True, help="Include the text of every page")
@password_option
@nlp_model_option
def extract(file: str, pretty: bool, with_pages: bool, password: str | None,
            nlp_model: str | None) -> None:
    """Extract one PDF and print the result as JSON.

    \b
    Example:
        dagsorden extract dagsorden-2023-08-21.pdf --pretty
    """
    from dagsorden.extractor.pipeline import extract_document

    check_nlp_model(nlp_model)
    try:
        extraction = extract_document(Path(file), ExtractSettings(password=password, nlp_model=nlp_model))
    except DagsordenError as error:
        raise click.ClickException(f"{file}: {one_line(error)}")
    except Exception as error:  # a bug: one line, not a traceback, and the code that says so
        reason = one_line(f"{type(error).__name__}: {error}")
        raise click.ClickException(f"{file}: [{ExtractionFailed.code}] {reason}")
    data = extraction.model_dump(mode="json", exclude=None if with_pages else {"pages"})
    click.echo(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None))


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--page", "page", type=click.IntRange(min=1), default=None, help="Only this page (1-based)")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Folder for page images with each line boxed in its role's colour")
@password_option
@json_option
def explain(file: str, page: int | None, out_dir: str | None, password: str | None, as_json: bool) -> None:
    """Show why each line was read as it was: its role and the evidence.

    Lists every line with its role (running, front, item heading, title, section
    heading, recommendation, attachment, body, bound appendix) and why; with --out
    also writes page images with each line boxed in its role's colour.

    \b
    Example:
        dagsorden explain referat.pdf --page 3 --out explain/
    """
    from dagsorden.extractor.explain import draw_pages, explain as explain_document, listing

    try:
        doc, roles = explain_document(Path(file), ExtractSettings(password=password, ocr="never"))
    except DagsordenError as error:
        raise click.ClickException(f"{file}: {one_line(error)}")
    if page is not None and page > len(doc.pdf.pages):
        raise click.BadParameter(f"{file} has {len(doc.pdf.pages)} pages", param_hint="--page")
    if as_json:
        click.echo(json.dumps([vars(r) | {"bbox": list(r.bbox)} for r in roles if page is None or r.page == page],
                              ensure_ascii=False, indent=2))
    else:
        click.echo(f"{file}: {doc.kind}, {len(doc.of_kind('item'))} items, {len(doc.pdf.pages)} pages")
        click.echo(listing(roles, page))
    if out_dir:
        written = draw_pages(Path(file), roles, Path(out_dir), page, password)
        click.echo(f"Wrote {len(written)} page images to {out_dir}", err=True)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@db_option
@click.option("--silent", is_flag=True, help="Do not show a progress bar")
@password_option
@click.option("--workers", type=click.IntRange(min=0), default=default_workers,
              show_default="one per CPU", help="Worker processes extracting PDFs (0: in this process, no limits)")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S,
              show_default=True, help="Seconds one document may take, a worker's start not counted (E301 after that; 0: no limit)")
@click.option("--max-memory", "memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB,
              show_default=True, help="MB of memory one worker may use (E302 after that; 0: no limit)")
@click.option("--ocr", type=click.Choice(OCR_MODES), default="auto", show_default=True,
              help="OCR pages without a text layer with Tesseract: auto (where installed), never, always (every page)")
@click.option("--retry-failed", is_flag=True, help="Also retry every file in the failures table (known failures are otherwise reported, not retried)")
@click.option("--follow-symlinks", is_flag=True,
              help="Read the files symbolic links point to (otherwise each link is recorded as E108)")
@click.option("--cluster", "cluster", default=None, metavar="ADDRESS", callback=lambda _ctx, _param, value: cluster_spec(value),
              help="Extract on a Dask cluster: a scheduler address (tcp://scheduler:8786) or local:N "
                   "(N local worker processes); needs dagsorden[cluster]")
@click.option("--shared-path", is_flag=True,
              help="With --cluster: workers open the files at these paths (a file system they all "
                   "mount at the same place) instead of receiving their bytes")
@nlp_model_option
@json_option
def ingest(paths: tuple[str, ...], db_path: str, silent: bool, password: str | None, workers: int,
           timeout_s: float, memory_mb: int, ocr: str, retry_failed: bool, follow_symlinks: bool, cluster: ClusterSpec | None,
           shared_path: bool, nlp_model: str | None, as_json: bool) -> None:
    """Import PDFs (files, or folders searched recursively) into the archive.

    Files already in the archive (same content) are skipped without being opened.
    PDFs are extracted in worker processes, each document within --timeout and
    --max-memory, and written by this process one transaction per document, so an
    import stopped at any moment can simply be run again. A file that fails is
    recorded in the failures table and the batch goes on; the exit code is 1 if
    any file failed. Only regular files are read: a FIFO, device or folder named *.pdf
    is recorded as E107, a symbolic link as E108 unless --follow-symlinks. A file at a
    known path with new content is a new version: its items take over the item ids
    (links, corrections); the old version stays queryable. With --cluster the extraction
    runs on a Dask cluster (same limits, same rows); this process still plans and writes.

    \b
    Example:
        dagsorden ingest archive/2023 archive/2024 --db dagsorden.db --workers 2
        dagsorden ingest --retry-failed --db dagsorden.db
        dagsorden ingest /mnt/arkiv --db arkiv.db --cluster tcp://scheduler:8786 --shared-path
    """
    if not paths and not retry_failed:
        raise click.UsageError("give files or folders to import, or --retry-failed")
    explicit_workers = click.get_current_context().get_parameter_source("workers") \
        is not click.core.ParameterSource.DEFAULT
    if cluster and explicit_workers:
        raise click.UsageError("use just one of --workers or --cluster")
    if shared_path and not cluster:
        raise click.UsageError("--shared-path only applies with --cluster")
    if ocr == "always" and not tesseract_available():
        raise click.UsageError("--ocr always needs Tesseract with Danish data "
                               "(apt-get install tesseract-ocr tesseract-ocr-dan)")
    check_nlp_model(nlp_model)
    with archive_errors(db_path):
        files = iter_pdf_paths(list(paths) + (failed_paths(db_path) if retry_failed else []))
    options = IngestOptions(
        workers=workers, retry_failed=retry_failed, follow_symlinks=follow_symlinks, cluster=cluster,
        shared_path=shared_path,
        settings=ExtractSettings(ocr=ocr, nlp_model=nlp_model, password=password),
        limits=Limits(timeout_s=timeout_s or None, memory_mb=memory_mb or None),
    )
    progress = IngestProgress(len(files))
    with progressbar(silent, length=len(files), label=progress.label()) as bar:

        def on_progress(result: FileResult) -> None:
            progress.add(result)
            if result.status == "failed":
                click.echo(f"FAILED {result.path}: [{result.code}] {result.reason}", err=True)
            bar.label = progress.label()
            bar.update(1)

        try:
            with archive_errors(db_path):
                report = ingest_paths(files, db_path, on_progress=on_progress, options=options)
        except ClusterError as error:
            raise click.ClickException(f"{one_line(error)}; imported {progress.done - progress.failed} "
                                       f"of {len(files)} files, what was stored is kept")
        except KeyboardInterrupt:
            click.echo(f"\nInterrupted after {progress.done} of {len(files)} files; what was "
                       "stored is kept. Run the same command again to finish.", err=True)
            sys.exit(1)
    click.echo(
        f"Imported {report.imported}, skipped {report.skipped}, failed {report.failed} "
        f"({report.pages} pages) into {db_path}",
        err=True,
    )
    if as_json:
        click.echo(report.model_dump_json(indent=2))
    if report.failed:
        sys.exit(1)


def bring_up_to_date(db_path: str) -> None:
    """An archive written by an older version: its schema, search index and tariff series."""
    db = open_archive(db_path)
    try:
        refresh_site_tables(db)
    finally:
        db.close()


@cli.command(context_settings=CONTEXT_SETTINGS)
@existing_db_option
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@click.option("--host", default=DEFAULT_HOST, show_default=True)
def serve(db_path: str, port: int, host: str) -> None:
    """Browse and search the archive with Datasette.

    Uses the project's datasette/ folder (metadata, templates, plugins).

    \b
    Example:
        dagsorden serve --db dagsorden.db --port 8001
    """
    with archive_errors(db_path):
        bring_up_to_date(db_path)
    instance = Instance.of(db_path)
    with tempfile.TemporaryDirectory(prefix="dagsorden-") as tmp:
        metadata = instance.write_metadata(Path(tmp) / "metadata.json")
        args = instance.command("serve", metadata, "--port", str(port), "--host", host)
        click.echo(f"Serving {db_path} on http://{host}:{port}/", err=True)
        returncode = run_child(python_command(args))
    sys.exit(returncode)


@cli.command(context_settings=CONTEXT_SETTINGS)
@existing_db_option
@json_option
def failures(db_path: str, as_json: bool) -> None:
    """List the files that could not be imported, and why.

    \b
    Example:
        dagsorden failures --db dagsorden.db --json
    """
    with archive_errors(db_path):
        db = open_archive(db_path)
        try:
            rows = list(db.query("SELECT path, sha256, filename, stage, code, reason, time "
                                 "FROM failures ORDER BY time, path"))
        finally:
            db.close()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['time']}  {row['path']}: [{row['code']}] {row['stage']}: {row['reason']}")


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("item_id")
@click.argument("field", type=click.Choice(CORRECTABLE))
@click.argument("value")
@existing_db_option
def correct(item_id: str, field: str, value: str, db_path: str) -> None:
    """Correct one field of an item by hand; the correction survives every later import.

    ITEM_ID is the item's stable id (committee, date and number, as in its URL).

    \b
    Example:
        dagsorden correct das-social-2023-08-21-3 title "Budget og takster 2024" --db dagsorden.db
    """
    with archive_errors(db_path):
        db = open_archive(db_path)
        try:
            add_correction(db, item_id, field, value)
        except CorrectionError as error:
            raise click.ClickException(str(error))
        finally:
            db.close()
    click.echo(f"Corrected {field} of {item_id}", err=True)


@cli.command(context_settings=CONTEXT_SETTINGS)
@existing_db_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="build/site", show_default=True,
              help="Folder for the deployable instance")
@click.option("--run", is_flag=True, help="Serve the prepared instance now (read-only)")
def publish(db_path: str, out_dir: str, run: bool) -> None:
    """Prepare a read-only, deployable Datasette instance of the archive.

    Copies the database (served immutable), metadata, plugins, templates and safe
    settings (SQL time limit) into one folder, and prints the commands that serve it
    or package it as a Docker image with `datasette package`. File paths in the copy
    are relative to the folder holding the PDFs, which the instance is told through
    DAGSORDEN_PDF_ROOT at serve time; no absolute server path is published.

    \b
    Example:
        dagsorden publish --db dagsorden.db --out build/site
    """
    with archive_errors(db_path):
        bring_up_to_date(db_path)
        published = Instance.of(db_path).publish(Path(out_dir))
    metadata = Path(out_dir) / "metadata.json"
    command = published.command("serve", metadata)
    environment = [f"{name}={shlex.quote(printable(value))}" for name, value in published.environment.items()]
    click.echo(" ".join(environment + command))
    click.echo(" ".join(published.command("package", metadata, "--tag", "dagsorden", "--install", "dagsorden")))
    if run:
        sys.exit(run_child(python_command(command), env={**os.environ, **published.environment}))


def cluster_spec(value: str | None) -> ClusterSpec | None:
    """--cluster's value checked before any work: an address or local:N."""
    if value is None:
        return None
    try:
        return parse_cluster(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--cluster")


@contextmanager
def archive_errors(db_path: str) -> Iterator[None]:
    """An archive that cannot be opened or written stops the command with one line, not a traceback."""
    try:
        yield
    except sqlite3.Error as error:
        raise click.ClickException(f"{db_path}: {error}")


def run_child(args: list[str], env: dict[str, str] | None = None) -> int:
    """Run Datasette until it ends, passing on SIGTERM/Ctrl-C so it never outlives us."""
    child = subprocess.Popen(args, env=env)
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: child.send_signal(signum))
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                child.send_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGTERM, previous)


# -- progress bars ------------------------------------------------------------------------


class NullProgressBar:
    """Stands in for click's progress bar under --silent, so commands never branch on it."""

    label = ""

    def __init__(self, length: int | None = None) -> None:
        self.length = length

    def __enter__(self) -> NullProgressBar:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        return None

    def update(self, n_steps: int) -> None:
        return None


def progressbar(silent: bool, length: int, label: str) -> Any:
    """click's progress bar on stderr, or a NullProgressBar under --silent."""
    if silent:
        return NullProgressBar(length)
    return click.progressbar(length=length, label=label, file=sys.stderr)


if __name__ == "__main__":
    cli()
