"""cli.py: exit codes, stderr lines and JSON output of every command (CliRunner, real files)."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dagsorden.cli import cli
from dagsorden.extractor.site.instance import DATASETTE_DIR, Instance
from dagsorden.extractor.store.write import store_extraction
from dagsorden.extractor.store.schema import open_archive
from test_store import make_extraction

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["extract", "ingest", "serve", "failures", "correct", "publish"]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    """A folder with a junk .pdf and an empty .pdf, one of them in a subfolder."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "junk.pdf").write_bytes(b"this is not a pdf at all\n" * 10)
    (folder / "sub" / "empty.PDF").write_bytes(b"")
    return folder


@pytest.fixture
def real_pdf(tmp_path: Path) -> Path:
    """A small, real agenda PDF drawn with reportlab."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "dagsorden.pdf"
    c = canvas.Canvas(str(path))
    lines = ["Dagsorden", "Møde: Den Administrative Styregruppe", "Tid: 2. marts 2017, kl. 13.00-16.00",
             "1. Godkendelse af dagsorden", "Indstilling", "Det indstilles, at dagsordenen godkendes."]
    for n, line in enumerate(lines):
        c.drawString(72, 760 - 20 * n, line)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_cli_help_has_example(command, flag):
    result = run(command, flag)
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"dagsorden {command}" in result.output


def test_cli_runs_as_script():
    result = subprocess.run([sys.executable, "cli.py", "--help"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0
    assert all(command in result.stdout for command in COMMANDS)


def test_cli_extract_junk_is_one_line_error(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"\x00\x01 not a pdf")
    result = run("extract", str(junk))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {junk}: [E10")
    assert "Traceback" not in result.stderr


def test_cli_extract_missing_file_is_usage_error(tmp_path):
    result = run("extract", str(tmp_path / "nope.pdf"))
    assert result.exit_code == 2


def test_cli_ingest_bad_files_are_recorded_and_batch_goes_on(tmp_path, bad_folder):
    known = bad_folder / "known.pdf"  # already in the archive: skipped, after the failures
    known.write_bytes(b"known content")
    db_path = tmp_path / "archive.db"
    db = open_archive(db_path)
    extraction = make_extraction("known")
    extraction.document.sha256 = hashlib.sha256(b"known content").hexdigest()
    store_extraction(db, extraction)
    db.close()

    result = run("ingest", str(bad_folder), "--db", str(db_path), "--json")

    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["failed"], report["skipped"], report["imported"]) == (2, 1, 0)
    failed_lines = [l for l in result.stderr.splitlines() if l.startswith("FAILED ")]
    assert len(failed_lines) == 2
    assert all(": [E" in line for line in failed_lines)
    assert "failed 2" in result.stderr.splitlines()[-1]
    db = open_archive(db_path)
    rows = list(db.query("SELECT filename, stage, code, reason FROM failures ORDER BY filename"))
    assert [r["filename"] for r in rows] == ["empty.PDF", "junk.pdf"]
    assert all(r["code"].startswith("E") and r["reason"] and "\n" not in r["reason"] for r in rows)
    assert db.table("documents").count == 1  # nothing already stored is lost
    db.close()


def test_cli_ingest_pdf_failures_have_load_error_codes(tmp_path, bad_folder):
    """Needs the pipeline: junk and empty files are DocumentLoadErrors (E10x), not bugs."""
    db_path = tmp_path / "archive.db"
    run("ingest", str(bad_folder), "--db", str(db_path), "--silent")
    db = open_archive(db_path)
    codes = {r["filename"]: r["code"] for r in db.query("SELECT filename, code FROM failures")}
    db.close()
    assert codes["junk.pdf"].startswith("E10") and codes["empty.PDF"].startswith("E10")


def test_cli_failures_lists_recorded_failures(tmp_path, bad_folder):
    db_path = tmp_path / "archive.db"
    run("ingest", str(bad_folder), "--db", str(db_path), "--silent")
    text = run("failures", "--db", str(db_path))
    assert text.exit_code == 0
    assert len(text.stdout.splitlines()) == 2 and "junk.pdf: [E" in text.stdout
    rows = json.loads(run("failures", "--db", str(db_path), "--json").stdout)
    assert sorted(Path(r["path"]).name for r in rows) == ["empty.PDF", "junk.pdf"]


def test_cli_ingest_and_extract_real_pdf(tmp_path, real_pdf):
    """Needs the pipeline: a real PDF is imported once, then skipped."""
    db_path = tmp_path / "archive.db"
    first = run("ingest", str(real_pdf), "--db", str(db_path), "--json")
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["imported"] == 1
    second = run("ingest", str(real_pdf), "--db", str(db_path), "--json")
    assert json.loads(second.stdout)["skipped"] == 1

    extracted = run("extract", str(real_pdf))
    assert extracted.exit_code == 0, extracted.stderr
    data = json.loads(extracted.stdout)
    assert data["document"]["sha256"] == hashlib.sha256(real_pdf.read_bytes()).hexdigest()
    assert "pages" not in data
    assert "pages" in json.loads(run("extract", str(real_pdf), "--pages").stdout)


def test_cli_serve_command_uses_project_folder_and_safe_settings(tmp_path):
    """`serve` runs the same instance `publish` prepares: project metadata, plugins,
    templates and the SQL time limit."""
    instance = Instance.of(tmp_path / "arkiv.db")
    args = instance.command("serve", tmp_path / "metadata.json", "--port", "8123")
    assert args[:3] == ["datasette", "serve", str(tmp_path / "arkiv.db")]
    assert args[args.index("--metadata") + 1] == str(tmp_path / "metadata.json")
    assert args[args.index("--plugins-dir") + 1] == str(DATASETTE_DIR / "plugins")
    assert args[args.index("--template-dir") + 1] == str(DATASETTE_DIR / "templates")
    assert "sql_time_limit_ms" in args and args[-2:] == ["--port", "8123"]
    assert "arkiv" in instance.metadata["databases"]


def test_cli_serve_missing_db_is_usage_error(tmp_path):
    assert run("serve", "--db", str(tmp_path / "missing.db")).exit_code == 2


def test_cli_ingest_unopenable_db_is_one_line_error(tmp_path, bad_folder):
    result = run("ingest", str(bad_folder), "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert "Traceback" not in result.stderr


def test_cli_password_opens_encrypted_pdf(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    locked = tmp_path / "locked.pdf"
    canvas = Canvas(str(locked), encrypt="hemmelig")
    canvas.drawString(72, 700, "Lukket punkt")
    canvas.save()
    refused = run("extract", str(locked))
    assert refused.exit_code == 1 and "[E104]" in refused.stderr and "--password" in refused.stderr
    opened = run("extract", str(locked), "--password", "hemmelig", "--pages")
    assert opened.exit_code == 0
    assert "Lukket punkt" in json.loads(opened.stdout)["pages"][0]["text"]
    db = tmp_path / "a.db"
    assert run("ingest", str(locked), "--db", str(db), "--silent", "--password", "hemmelig").exit_code == 0


def test_cli_correct_and_publish(tmp_path):
    db_path = tmp_path / "arkiv.db"
    db = open_archive(db_path)
    store_extraction(db, make_extraction("agenda"))
    item_id = db.execute("select id from items order by number limit 1").fetchone()[0]
    db.close()
    unknown = run("correct", "no-such-item", "title", "X", "--db", str(db_path))
    assert unknown.exit_code == 1 and "no item with id" in unknown.stderr
    bad_field = run("correct", item_id, "page_start", "3", "--db", str(db_path))
    assert bad_field.exit_code == 2
    assert run("correct", item_id, "title", "Rettet titel", "--db", str(db_path)).exit_code == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select title from items where id = ?", [item_id]).fetchone()[0] == "Rettet titel"
    published = run("publish", "--db", str(db_path), "--out", str(tmp_path / "site"))
    assert published.exit_code == 0
    assert "datasette serve -i" in published.stdout and "datasette package" in published.stdout
    assert (tmp_path / "site" / "arkiv.db").is_file() and (tmp_path / "site" / "settings.json").is_file()
