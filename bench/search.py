"""Search latency on a synthetic archive of 100,000 items: p50/p95 of the search page's query.

usage: python bench/search.py [--items N] [--queries N] [--db PATH] [--pages]

The archive is built through the real schema from the corpus's real sentences, shuffled into
meetings, documents (agendas and minutes), items with sections, recommendations, attachments,
decisions and pages, so term frequencies look like real agendas; the search index is filled by
the real `refresh_search_index`. For the comparison, the per-field index the search box read
before issue 13 (one row per item title, section, recommendation, ... and page) is built beside
it. Timed, per query word, wall clock and this process's CPU time (the machine may be shared):
- canned: the canned `search` query the search box ran before (no facets, ordered by date);
- search: the search page's queries (one result per item, weighted bm25, snippets, the count
  and five facets: year, committee, municipality, kind, outcome);
- decisions: /-/beslutninger listing every decision with its five facets, no words;
- with --pages: the whole /-/søg HTML page through Datasette's test client.
"""
from __future__ import annotations

import asyncio
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from dagsorden.extractor.archive.search_index import refresh_search_index, register_functions
from dagsorden.extractor.site.search import DECISIONS, SearchRequest, run_search
from dagsorden.extractor.store.schema import insert_rows, open_archive

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
TARGET_MS = 50.0
WORDS = ["takster", "Socialtilsyn", "budget", "botilbud", "1.320.124", "2023-052085", "Region Nordjylland",
         "beslutning", "udviklingshandicap", "Kvisten", "objektiv finansiering", "psykiatri"]
COMMITTEES = ["DAS Social", "Byrådet", "Økonomiudvalget", "Social- og Sundhedsudvalget", "Handicaprådet",
              "Børne- og Ungeudvalget", "Kultur- og Fritidsudvalget", "Teknisk Udvalg"]
MUNICIPALITIES = ["Aalborg Kommune", "Hjørring Kommune", "Thisted Kommune", "Rebild Kommune", "Morsø Kommune",
                  "Læsø Kommune", "Brønderslev Kommune", "Jammerbugt Kommune", None]
OUTCOMES = [("approved", 0, "Godkendt."), ("noted", 0, "Taget til efterretning."),
            ("approved_with_changes", 1, "Godkendt med den ændring, at sagen genoptages."),
            ("postponed", 1, "Sagen blev udsat til næste møde."), ("rejected", 1, "Ikke godkendt."),
            ("recommended", 0, "Anbefales over for Byrådet.")]
ITEMS_PER_DOCUMENT = 20
# Before issue 13: the per-field index (extractor/archive/search_index.py then) ...
OLD_SOURCES = (
    ("item", "select document_sha256, id, page_start, title, title || ' ' || coalesce(case_number, '') from items"),
    ("section", "select i.document_sha256, i.id, i.page_start, i.title || ' – ' || s.heading, s.text "
                "from item_sections s join items i on i.id = s.item_id"),
    ("recommendation", "select i.document_sha256, i.id, i.page_start, i.title, r.text from recommendations r "
                       "join items i on i.id = r.item_id"),
    ("attachment", "select i.document_sha256, i.id, i.page_start, i.title, a.title from attachments a "
                   "join items i on i.id = a.item_id"),
    ("decision", "select document_sha256, id, page_start, title, decision from items where decision is not null"),
    ("page", "select p.document_sha256, null, p.number, d.filename || ' side ' || p.number, p.text from pages p "
             "join documents d on d.sha256 = p.document_sha256"),
)
# ... and the canned `search` query the home page's search box ran on it (datasette/metadata.yaml).
CANNED = """select s.kind, m.date, m.committee, s.title, substr(s.text, 1, 300) as text, s.page, s.item_id,
  s.document_sha256 from old_search_index_fts join old_search_index s on s.rowid = old_search_index_fts.rowid
  join documents d on d.sha256 = s.document_sha256 left join meetings m on m.id = d.meeting_id
where old_search_index_fts match da_query(?)
order by m.date desc, case s.kind when 'item' then 0 when 'decision' then 1 when 'recommendation' then 2
  when 'attachment' then 3 when 'section' then 4 else 5 end, rank limit 200"""


def build(db_path: Path, items: int) -> None:
    sentences = [s.strip() for p in SEEDS.glob("*.txt") for s in p.read_text(encoding="utf-8").split(".")
                 if len(s.split()) > 4]
    rng = random.Random(42)

    def text(low: int, high: int) -> str:
        return ". ".join(rng.choice(sentences) for _ in range(rng.randint(low, high))) + "."

    db = open_archive(db_path)
    tables: dict[str, list[dict]] = {}
    for doc in range(items // ITEMS_PER_DOCUMENT):
        minutes = doc % 3 == 2
        meeting_number = 2 * (doc // 3) + min(doc % 3, 1)  # every other agenda has its minutes too
        year = 2014 + meeting_number % 11
        date = f"{year}-{1 + meeting_number % 12:02d}-{1 + meeting_number % 28:02d}"
        committee = COMMITTEES[meeting_number % len(COMMITTEES)]
        meeting_id = f"m{meeting_number}-{date}"
        sha = f"{doc:064x}"
        if not minutes:
            tables.setdefault("meetings", []).append({
                "id": meeting_id, "committee": committee, "date": date, "year": year, "title": f"{committee}, {date}",
                "municipality": MUNICIPALITIES[meeting_number % len(MUNICIPALITIES)]})
        tables.setdefault("documents", []).append({"sha256": sha, "filename": f"{doc}.pdf", "meeting_id": meeting_id,
                                                   "kind": "minutes" if minutes else "agenda",
                                                   "pages": ITEMS_PER_DOCUMENT + 1})
        tables.setdefault("pages", []).append({"document_sha256": sha, "number": 1, "text": text(2, 5)})
        for number in range(1, ITEMS_PER_DOCUMENT + 1):
            item_id = f"{meeting_id}-{number}{'-referat' if minutes else ''}"
            outcome, departs, decision = rng.choice(OUTCOMES)
            tables.setdefault("items", []).append({
                "id": item_id, "document_sha256": sha, "meeting_id": meeting_id, "date": date, "number": number,
                "title": rng.choice(sentences)[:80], "page_start": number + 1, "page_end": number + 1,
                "decision": decision if minutes else None})
            sections = [text(2, 6), text(3, 8)]
            tables.setdefault("item_sections", []).extend(
                {"item_id": item_id, "position": n, "heading": heading, "text": body}
                for n, (heading, body) in enumerate(zip(("Resume", "Sagsfremstilling"), sections), 1))
            tables.setdefault("recommendations", []).append({"item_id": item_id, "position": 1, "text": text(1, 1)})
            if rng.random() < 0.5:
                tables.setdefault("attachments", []).append({"item_id": item_id, "position": 1,
                                                             "title": rng.choice(sentences)[:60]})
            if minutes:
                tables.setdefault("decisions", []).append({
                    "item_id": item_id, "document_sha256": sha, "meeting_id": meeting_id, "committee": committee,
                    "date": date, "year": year, "number": number, "text": decision, "outcome": outcome,
                    "departs": departs})
            tables.setdefault("pages", []).append({"document_sha256": sha, "number": number + 1,
                                                   "text": " ".join(sections)})
    with db.conn:
        for name in ("meetings", "documents", "items", "item_sections", "recommendations", "attachments",
                     "decisions", "pages"):
            insert_rows(db, name, tables.get(name, []))
    refresh_search_index(db)
    db.execute("insert into search_texts_fts(search_texts_fts) values('optimize')")
    build_old_index(db.conn)
    db.conn.commit()


def build_old_index(conn: sqlite3.Connection) -> None:
    """The per-field index of before issue 13, for the canned query's timing."""
    register_functions(conn)
    conn.execute("create table old_search_index (id integer primary key, kind text, document_sha256 text, "
                 "item_id text, page integer, title text, text text, stemmed text)")
    for kind, select in OLD_SOURCES:
        conn.execute(f"insert into old_search_index (kind, document_sha256, item_id, page, title, text, stemmed) "
                     f"with src(document_sha256, item_id, page, title, text) as ({select}) "
                     f"select ?, *, da_stem(text) from src where text is not null and text != ''", [kind])
    conn.execute("create virtual table old_search_index_fts using fts5(stemmed, content=old_search_index, "
                 "content_rowid=id)")
    conn.execute("insert into old_search_index_fts(old_search_index_fts) values('rebuild')")


def timed(run: Callable[[str], object], queries: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each query, sorted."""
    wall, cpu = [], []
    for n in range(queries):
        start, start_cpu = time.perf_counter(), time.process_time()
        run(WORDS[n % len(WORDS)])
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return sorted(wall), sorted(cpu)


def p95(timings: list[float]) -> float:
    return timings[max(int(0.95 * len(timings)) - 1, 0)]


def report(name: str, timings: tuple[list[float], list[float]]) -> float:
    wall, cpu = timings
    print(f"{name:>10}: wall p50 {statistics.median(wall):7.1f} ms, p95 {p95(wall):7.1f} ms, max {wall[-1]:7.1f} ms"
          f" | cpu p50 {statistics.median(cpu):7.1f} ms, p95 {p95(cpu):7.1f} ms"
          f"  (wall p95 / {TARGET_MS:.0f} ms target: {p95(wall) / TARGET_MS:.2f}x)")
    return p95(wall)


def main(argv: list[str]) -> int:
    items = int(argv[argv.index("--items") + 1]) if "--items" in argv else 100_000
    queries = int(argv[argv.index("--queries") + 1]) if "--queries" in argv else 120
    db_path = Path(argv[argv.index("--db") + 1]) if "--db" in argv else Path(tempfile.mkdtemp()) / "search.db"
    if not db_path.exists():
        start = time.perf_counter()
        build(db_path, items)
        print(f"built {items} items in {time.perf_counter() - start:.1f} s ({db_path})")
    conn = sqlite3.connect(db_path)
    register_functions(conn)
    results = conn.execute("select count(*) from search_results").fetchone()[0]
    size_mb = db_path.stat().st_size / 1e6
    print(f"archive: {results} search results, {size_mb:.0f} MB on disk "
          f"({1000 * size_mb / max(results, 1):.1f} KB per result, the old index included)")
    old_rows = conn.execute("select count(*) from old_search_index").fetchone()[0]
    print(f"{queries} queries over {items} items ({results} results indexed; the per-field index before: "
          f"{old_rows} rows), words: {', '.join(WORDS)}; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")
    canned = report("canned", timed(lambda w: conn.execute(CANNED, [w]).fetchall(), queries))
    search = report("search", timed(lambda w: run_search(conn, SearchRequest(text=w)), queries))
    report("decisions", timed(lambda w: run_search(conn, SearchRequest(), DECISIONS), queries))
    print(f"search p95 / canned p95: {search / canned:.2f}")
    if "--pages" in argv:
        from dagsorden.extractor.site.instance import Instance

        site = Instance.of(db_path).app()
        report("page", timed(lambda w: asyncio.run(site.client.get("/-/s%C3%B8g?" + urlencode({"q": w}))), queries))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
