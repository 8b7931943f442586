"""extractor/store/write.py: Extraction -> SQLite, idempotent, one transaction per document."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils

from dagsorden.extractor.batch.ingest import FileResult, ingest, iter_pdf_paths
from dagsorden.extractor.settings import ExtractSettings
from dagsorden.extractor.store.write import record_failure, store_extraction
from dagsorden.extractor.store.schema import TABLES, archive_tables, open_archive, schema_lock
from dagsorden.models import (
    Amount, Appendix, Attachment, DocumentInfo, Entity, Extraction, Item, Meeting, PageInfo,
    Person, Table, Tariff,
)

COUNTED_TABLES = [spec.name for spec in TABLES]


def make_extraction(seed: str = "a", *, date: str = "2023-08-21", kind: str = "agenda") -> Extraction:
    """A small but complete document, built by hand (no PDF, no pipeline)."""
    sha = hashlib.sha256(seed.encode()).hexdigest()
    return Extraction(
        document=DocumentInfo(sha256=sha, filename=f"{seed}.pdf", pages=3, kind=kind,
                              producer="Word", title="Dagsorden"),
        meeting=Meeting(committee="DAS Social", date=date, start_time="13:00",
                        end_time="16:00", location="Regionshuset"),
        participants=[Person(name="Leif Serup", organization="Hjørring Kommune"),
                      Person(name="Henrik Aarup-Kristensen", organization="Brønderslev Kommune",
                             role="formand")],
        absent=[Person(name="Lone Becker", organization="Thisted Kommune")],
        guests=[Person(name="Anne Gæst", organization="KKR", item=2)],
        items=[
            Item(number=1, title="Godkendelse af dagsorden", section="Sager til behandling",
                 page_start=1, page_end=1, sections={"Indstilling": "Dagsordenen godkendes."},
                 recommendations=["Dagsordenen godkendes"]),
            Item(number=2, title="Rammeaftalen 2018", case_number="2023-052085",
                 page_start=2, page_end=3,
                 sections={"Resume": "Status på takstudviklingen.",
                           "Baggrund": "Specialundervisning og botilbud i Nordjylland."},
                 recommendations=["DAS beslutter hvilke temaer der prioriteres"],
                 recommendation_pages=[2],
                 decision="Godkendt.",
                 attachments=[Attachment(title="Bilag 1: Oplæg", page=3)]),
            Item(number=3, title="Personsag", closed=True, page_start=3, page_end=3),
        ],
        appendices=[Appendix(title="Bilag 1: Oplæg", page_start=3, page_end=3, item=2)],
        amounts=[Amount(value_dkk=1_500_000.0, text="1,5 mio. kr.", approx=True, item=2, page=2,
                        bbox=(10.0, 20.0, 50.0, 30.0))],
        tariffs=[Tariff(label="Takstgruppe 1", year=2024, value_dkk=43852.0, unit="pr. døgn",
                        item=2, page=2)],
        entities=[Entity(text="Region Nordjylland", label="ORG", item=2, page=2),
                  Entity(text="Forside", label="MISC", item=None, page=1)],
        tables=[Table(page=2, item=2, rows=[["Takstgruppe 1", "42.884", "43.852"]])],
        pages=[PageInfo(number=1, text="Dagsorden DAS Social"),
               PageInfo(number=2, text="Det indstilles, at DAS beslutter hvilke temaer der "
                                       "prioriteres"),
               PageInfo(number=3, text="Bilag 1", has_text_layer=False)],
    )


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    return {name: db.table(name).count for name in COUNTED_TABLES}


@pytest.fixture
def db(tmp_path: Path):
    database = open_archive(tmp_path / "archive.db")
    yield database
    database.close()


def test_store_same_document_twice_changes_nothing(db):
    first = store_extraction(db, make_extraction())
    before = counts(db)
    second = store_extraction(db, make_extraction())
    assert (first.status, second.status) == ("imported", "skipped")
    assert counts(db) == before
    assert before["items"] == 3 and before["participants"] == 4 and before["pages"] == 3


def test_store_two_documents_both_present(db):
    store_extraction(db, make_extraction("a"))
    store_extraction(db, make_extraction("b", date="2023-09-18"))
    assert db.table("documents").count == 2
    assert db.table("meetings").count == 2
    assert db.table("items").count == 6


def test_store_agenda_and_minutes_share_meeting_not_item_ids(db):
    store_extraction(db, make_extraction("agenda"))
    store_extraction(db, make_extraction("minutes", kind="minutes"))
    assert [r["id"] for r in db.query("SELECT id FROM meetings")] == ["das-social-2023-08-21"]
    ids = {r["id"] for r in db.query("SELECT id FROM items")}
    assert {"das-social-2023-08-21-2", "das-social-2023-08-21-2-referat"} <= ids
    assert len(ids) == 6


def test_store_stable_ids_and_links(db):
    store_extraction(db, make_extraction())
    item = db.table("items").get("das-social-2023-08-21-2")
    assert item["case_number"] == "2023-052085" and item["decision"] == "Godkendt."
    guest = next(db.query("SELECT * FROM participants WHERE attendance = 'guest'"))
    assert guest["item_id"] == "das-social-2023-08-21-2"
    rec = next(db.query("SELECT * FROM recommendations WHERE item_id = ?", [item["id"]]))
    assert rec["page"] == 2
    assert next(db.query("SELECT item_id FROM mentions WHERE item IS NULL"))["item_id"] is None


def test_store_new_version_of_a_file_takes_over_meeting_fields_and_item_ids(db):
    path = "/arkiv/dagsorden.pdf"
    store_extraction(db, make_extraction("v1"), path=path)
    revised = make_extraction("v2")
    revised = revised.model_copy(update={"meeting": revised.meeting.model_copy(update={
        "location": "Aalborg Rådhus", "start_time": None})})
    store_extraction(db, revised, path=path)
    meeting = db.table("meetings").get("das-social-2023-08-21")
    assert (meeting["location"], meeting["start_time"]) == ("Aalborg Rådhus", "13:00")
    assert db.table("items").get("das-social-2023-08-21-2")["document_sha256"] == revised.document.sha256
    # a second agenda of the same meeting from another file is not a version: ids stay put
    store_extraction(db, make_extraction("tillaeg"), path="/arkiv/tillaeg.pdf")
    assert db.table("items").get("das-social-2023-08-21-2")["document_sha256"] == revised.document.sha256
    assert db.table("meetings").get("das-social-2023-08-21")["location"] == "Aalborg Rådhus"


def test_store_fts_finds_item_by_word_in_section_text(db):
    store_extraction(db, make_extraction())
    rows = list(db.query(
        """SELECT items.id FROM item_sections_fts
           JOIN item_sections ON item_sections.rowid = item_sections_fts.rowid
           JOIN items ON items.id = item_sections.item_id
           WHERE item_sections_fts MATCH 'botilbud'"""
    ))
    assert [r["id"] for r in rows] == ["das-social-2023-08-21-2"]
    assert [r["id"] for r in db["items"].search("botilbud", columns=["id"])] == [
        "das-social-2023-08-21-2"
    ]


def test_store_foreign_keys_hold(db):
    store_extraction(db, make_extraction("a"))
    store_extraction(db, make_extraction("b", kind="minutes"))
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_store_failure_keeps_other_documents(db):
    store_extraction(db, make_extraction("a"))
    before = counts(db)
    record_failure(db, path="/archive/broken.pdf", stage="open", code="E105", reason="truncated")
    after = counts(db)
    assert after.pop("failures") == 1
    before.pop("failures")
    assert after == before


def test_store_success_clears_failure_of_same_path(db):
    record_failure(db, path="/archive/a.pdf", stage="extract", code="E200", reason="bug")
    store_extraction(db, make_extraction("a"), path="/archive/a.pdf")
    assert db.table("failures").count == 0


def test_store_document_is_all_or_nothing(db):
    """A write failing half-way (here: a trigger refusing attachments) leaves no trace."""
    store_extraction(db, make_extraction("a"))
    db.execute("CREATE TRIGGER refuse BEFORE INSERT ON attachments "
               "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    before = counts(db)
    with pytest.raises(sqlite3.IntegrityError):
        store_extraction(db, make_extraction("b", date="2023-09-18"))
    assert counts(db) == before


def test_open_archive_is_repeatable_and_wal(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    db = open_archive(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert set(COUNTED_TABLES) <= set(archive_tables(db))
    db.close()


def test_a_second_import_waits_while_another_brings_the_schema_up_to_date(tmp_path):
    """Two imports opening a new archive at once: the second checks the schema only after the
    first is done (CI once saw 'database schema has changed' when both created it together)."""
    db_path = tmp_path / "a.db"
    opener = ("import sys; from pathlib import Path; from dagsorden.extractor.store.schema import open_archive; "
              "print('ready', flush=True); db = open_archive(Path(sys.argv[1])); "
              "print(sorted(db.table_names())[:1], flush=True)")
    with schema_lock(db_path):
        process = subprocess.Popen([sys.executable, "-c", opener, str(db_path)], stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(1.0)  # long enough to create every table, were it not waiting
        waiting = process.poll() is None
        tables_meanwhile = sqlite_utils.Database(db_path).table_names() if db_path.exists() else []
    out, _ = process.communicate(timeout=60)
    assert waiting and tables_meanwhile == []
    assert process.returncode == 0 and out.strip() != "[]"
    assert {spec.name for spec in TABLES} <= set(sqlite_utils.Database(db_path).table_names())


def test_ingest_skips_known_file_without_extracting(tmp_path):
    pdf = tmp_path / "in" / "a.PDF"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4 fake")
    calls: list[Path] = []

    def fake_extract(path: Path, settings: ExtractSettings) -> Extraction:
        calls.append(path)
        return make_extraction("whatever")

    seen: list[FileResult] = []
    first = ingest([tmp_path / "in"], tmp_path / "db.db", seen.append, extract=fake_extract)
    second = ingest([pdf], tmp_path / "db.db", extract=fake_extract)
    assert (first.imported, first.pages, second.skipped) == (1, 3, 1)
    assert len(calls) == 1 and [r.status for r in seen] == ["imported"]
    db = open_archive(tmp_path / "db.db")
    assert db.table("documents").get(hashlib.sha256(b"%PDF-1.4 fake").hexdigest())
    db.close()


def test_ingest_bug_is_recorded_and_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        (folder / name).write_bytes(name.encode())

    def extract(path: Path, settings: ExtractSettings) -> Extraction:
        if path.name == "b.pdf":
            raise ValueError("boom\nsecond line")
        return make_extraction(path.name)

    report = ingest([folder], tmp_path / "db.db", extract=extract)
    assert (report.imported, report.failed) == (2, 1)
    failed = report.files[1]
    assert (failed.code, failed.stage, failed.reason) == ("E200", "extract", "ValueError: boom")


def test_iter_pdf_paths_recursive_sorted_unique(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    for name in ("b/deep/x.Pdf", "a.pdf", "b/notes.txt", "b/y.pdf"):
        (tmp_path / name).write_bytes(b"")
    found = iter_pdf_paths([tmp_path, tmp_path / "a.pdf"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.pdf", "b/deep/x.Pdf", "b/y.pdf"]


def test_open_archive_migrates_old_schema_without_losing_rows(tmp_path):
    """An archive from before a column existed gets the column; its rows stay."""
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["documents"].insert({"sha256": "abc", "filename": "old.pdf"}, pk="sha256")
    old.close()
    db = open_archive(path)
    assert "imported_at" in db["documents"].columns_dict
    assert db["documents"].get("abc")["filename"] == "old.pdf"
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 1
    db.close()


def test_an_archive_of_schema_4_gains_not_taking_part_and_keeps_its_decisions(tmp_path):
    """Decisions stored before `not_taking_part` existed stay; the column is added, empty."""
    path = tmp_path / "v4.db"
    old = sqlite_utils.Database(path)
    old["decisions"].insert({"item_id": "ks-2019-1-referat", "text": "Godkendt.", "outcome": "approved"},
                            pk="item_id")
    old.conn.execute("PRAGMA user_version = 4")
    old.close()
    db = open_archive(path)
    assert "not_taking_part" in db["decisions"].columns_dict
    assert db["decisions"].get("ks-2019-1-referat")["text"] == "Godkendt."
    assert db["decisions"].get("ks-2019-1-referat")["not_taking_part"] is None
    assert db.execute("PRAGMA user_version").fetchone()[0] == 5
    db.close()


def test_archive_entities_do_not_depend_on_the_order_documents_were_stored(corpus_extractions, tmp_path):
    """Workers finish in any order: "FU Social" in one document and "FU social" in another must
    give the archive the same entity name either way (the commonest spelling)."""
    from dagsorden.extractor.archive.steps import refresh_archive

    extractions = [e for (look, _), e in sorted(corpus_extractions.items()) if look == "classic"]
    tables = []
    for name, order in (("forward", extractions), ("backward", extractions[::-1])):
        archive = open_archive(tmp_path / f"{name}.db")
        for extraction in order:
            store_extraction(archive, extraction, path=f"/arkiv/{extraction.document.filename}")
        refresh_archive(archive)
        tables.append(sorted(archive.conn.execute("select id, name, label, kind from entities").fetchall()))
    assert tables[0] == tables[1]
    spellings = {}
    for extraction in extractions:
        for entity in extraction.entities:
            spellings.setdefault(" ".join((entity.canonical or entity.text).split()).casefold(), set()).add(
                " ".join((entity.canonical or entity.text).split()))
    assert any(len(names) > 1 for names in spellings.values())  # the corpus does spell some names two ways
