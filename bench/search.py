"""Search latency on a synthetic archive of 100,000 items (or --items N): p50/p95 of the
search query, and the archive's size on disk.

usage: python bench/search.py [--items N] [--queries N] [--db PATH]

The archive is built from the corpus's real item texts, shuffled into new items, so
term frequencies look like real agendas. The query is the one Datasette runs for the
search box (stemmed FTS5 match over the search index, ranked, first page).
"""
from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dagsorden.extractor.archive.search_index import SEARCH_TABLE, register_functions  # noqa: E402
from dagsorden.extractor.store.schema import open_archive  # noqa: E402
from dagsorden.extractor.danish.stemming import stem_text  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
QUERY = (f"select s.kind, s.item_id, s.page, s.title, snippet({SEARCH_TABLE}_fts, 0, '[', ']', '…', 12) "
         f"from {SEARCH_TABLE}_fts join {SEARCH_TABLE} s on s.rowid = {SEARCH_TABLE}_fts.rowid "
         f"where {SEARCH_TABLE}_fts match da_query(?) order by rank limit 50")
WORDS = ["takster", "Socialtilsyn", "budget", "botilbud", "1.320.124", "2023-052085", "Region Nordjylland",
         "beslutning", "udviklingshandicap", "Kvisten", "objektiv finansiering", "psykiatri"]


def build(db_path: Path, items: int) -> None:
    sentences = [s.strip() for p in SEEDS.glob("*.txt") for s in p.read_text(encoding="utf-8").split(".")
                 if len(s.split()) > 4]
    stemmed = {sentence: stem_text(sentence) for sentence in sentences}  # once per sentence:
    # stem_text works token by token, so joining stemmed sentences gives the joined text's stems
    rng = random.Random(42)
    db = open_archive(db_path)
    rows = []
    for n in range(items):
        chosen = [rng.choice(sentences) for _ in range(rng.randint(3, 12))]
        rows.append({"kind": "section", "document_sha256": f"{n // 20:064x}", "item_id": f"item-{n}",
                     "page": rng.randint(1, 60), "title": rng.choice(sentences)[:80],
                     "text": ". ".join(chosen), "stemmed": " ".join(stemmed[s] for s in chosen)})
        if len(rows) == 5000:
            db[SEARCH_TABLE].insert_all(rows)
            rows = []
    db[SEARCH_TABLE].insert_all(rows)
    db.execute(f"insert into {SEARCH_TABLE}_fts({SEARCH_TABLE}_fts) values('optimize')")


def main(argv: list[str]) -> int:
    items = int(argv[argv.index("--items") + 1]) if "--items" in argv else 100_000
    queries = int(argv[argv.index("--queries") + 1]) if "--queries" in argv else 200
    db_path = Path(argv[argv.index("--db") + 1]) if "--db" in argv else Path(tempfile.mkdtemp()) / "search.db"
    if not db_path.exists():
        start = time.perf_counter()
        build(db_path, items)
        print(f"built {items} items in {time.perf_counter() - start:.1f} s ({db_path})")
    conn = sqlite3.connect(db_path)
    register_functions(conn)
    rows = conn.execute(f"select count(*) from {SEARCH_TABLE}").fetchone()[0]
    size_mb = db_path.stat().st_size / 1e6
    print(f"archive: {rows} search rows, {size_mb:.0f} MB on disk ({1000 * size_mb / max(rows, 1):.1f} KB per item)")
    timings = []
    for n in range(queries):
        start = time.perf_counter()
        conn.execute(QUERY, [WORDS[n % len(WORDS)]]).fetchall()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * len(timings)) - 1]
    print(f"{queries} queries over {items} items: p50 {statistics.median(timings):.1f} ms, "
          f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms (target p95 < 100 ms: {p95 / 100:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
