"""Bulk import figures for issue 6: cost per page, worker speed-up, re-import, memory.

usage: python bench/ingest.py [--docs N] [--corpus DIR] [--realworld DIR] [--skip-ratio]
                              [--skip-workers] [--skip-memory]

1. Pipeline cost per page as a ratio to pdfplumber's plain extract_text (bench/pipeline.py),
   on the corpus and on the real-world PDFs (OCR off: that ratio is about parsing).
2. `dagsorden ingest --workers 1` vs `--workers 2` on a synthetic archive of N documents
   (the corpus's shorter PDFs, copied with a few bytes appended so every sha256 differs).
3. Re-import of the unchanged archive vs the first import.
4. Peak RSS of extracting 100-, 250- and 500-page PDFs, each in a fresh process.
Ratios matter more than absolute times (see ../shared/PERFORMANCE.md: ±20 % noise).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

MEMORY_PAGES = (100, 250, 500)
# Peak RSS, each in a fresh process: "parse" reads every page and drops it (pdfplumber's
# own memory: flat if pages are released), "pdf" is read_pdf (keeps every page's styled
# lines, with packed word edges, for segmentation), "pipeline" the whole extraction, which
# also holds every fact found (the synthetic page has 55 amounts and 55 place names).
PEAK_RSS_SCRIPT = """
import resource, sys
from pathlib import Path
from dagsorden.extractor.read.pdf import iter_pages, open_pdf, read_pdf
from dagsorden.extractor.pipeline import extract_document
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
if sys.argv[2] == "parse":
    pdf = open_pdf(Path(sys.argv[1]))
    for page in iter_pages(pdf):
        pass
    pdf.close()
elif sys.argv[2] == "pdf":
    read_pdf(sys.argv[1])
else:
    extract_document(sys.argv[1], ocr="never")
print(base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def pipeline_ratio(folders: list[Path]) -> None:
    import statistics

    import pipeline as bench_pipeline
    from dagsorden.extractor.pipeline import extract_document

    files = bench_pipeline.pdf_files([str(f) for f in folders])
    times: dict[str, list[float]] = {"extract_text": [], "pipeline": []}
    pages = 0
    for _ in range(2):
        for name in times:
            start = time.perf_counter()
            if name == "extract_text":
                pages = sum(bench_pipeline.plain_extract_text(f) for f in files)
            else:
                pages = sum(extract_document(f, ocr="never").document.pages for f in files)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["extract_text"])
    cost = statistics.median(times["pipeline"])
    print(f"  {', '.join(f.name for f in folders)}: {len(files)} files, {pages} pages: "
          f"extract_text {1000 * base / pages:.1f} ms/page, pipeline {1000 * cost / pages:.1f} "
          f"ms/page, ratio {cost / base:.2f}x")


def make_archive(corpus: Path, out: Path, docs: int) -> int:
    sources = sorted(corpus.rglob("*.pdf"), key=lambda p: p.stat().st_size)
    sources = sources[: max(1, len(sources) // 2)]  # the shorter half: more documents per minute
    out.mkdir(parents=True)
    for n in range(docs):
        source = sources[n % len(sources)]
        (out / f"{n:04d}_{source.name}").write_bytes(source.read_bytes() + b"\n%% copy %d\n" % n)
    return docs


def timed_ingest(archive: Path, db: Path, workers: int) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (the import and its workers) and seconds inside `ingest()`
    (the report's figure: without interpreter start and imports) of one `dagsorden ingest`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "cli.py", "ingest", str(archive), "--db", str(db),
                          "--silent", "--json", "--workers", str(workers), "--ocr", "never"],
                         cwd=ROOT, check=True, stderr=subprocess.DEVNULL, capture_output=False,
                         stdout=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, json.loads(out.stdout)["seconds"]


def long_pdf(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(72, 780, f"Punkt {number}. Budgetopfølgning for område {number}")
        canvas.setFont("Helvetica", 10)
        for row in range(55):
            canvas.drawString(72, 750 - 12 * row, f"Linje {row}: udgifter 1.234.{row:03d} kr. "
                              "til botilbud og specialundervisning i Nordjylland, jf. bilag.")
        canvas.showPage()
    canvas.save()
    return path


def repeated_agenda(source: Path, path: Path, pages: int) -> Path:
    """A long document of realistic density: a real-looking agenda's pages over and over."""
    import pypdfium2

    agenda, out = pypdfium2.PdfDocument(str(source)), pypdfium2.PdfDocument.new()
    while len(out) < pages:
        wanted = min(len(agenda), pages - len(out))
        out.import_pages(agenda, list(range(wanted)))
    out.save(str(path))
    agenda.close()
    out.close()
    return path


def peak_rss_mb(path: Path, what: str) -> tuple[int, int] | None:
    """(peak RSS, RSS after imports) in MB of one mode in a fresh process; None if it failed."""
    out = subprocess.run([sys.executable, "-c", PEAK_RSS_SCRIPT, str(path), what], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode:
        print("  failed: " + out.stderr.strip().splitlines()[-1][:120])
        return None
    base, peak = map(int, out.stdout.split())
    return peak, base


def memory_figures(tmp: Path, agenda: Path | None) -> None:
    """Peak RSS per mode and page count, and its growth per page between the extremes."""
    makers = {"dense synthetic page (55 lines, each with an amount and a place name)": long_pdf}
    if agenda:
        makers[f"{agenda.name}'s pages repeated"] = lambda path, n: repeated_agenda(agenda, path, n)
    modes = ("parse", "pdf", "pipeline")
    for label, make in makers.items():
        print(f"  {label}")
        peaks: dict[str, dict[int, int]] = {mode: {} for mode in modes}
        for pages in MEMORY_PAGES:
            pdf = make(tmp / f"long{pages}.pdf", pages)
            cells = []
            for mode in modes:
                measured = peak_rss_mb(pdf, mode)
                if measured:
                    peaks[mode][pages] = measured[0]
                    cells.append(f"{measured[0]} MB (after imports {measured[1]} MB)")
            print(f"  {pages:4d} pages: " + " | ".join(cells))
        low, high = MEMORY_PAGES[0], MEMORY_PAGES[-1]
        for mode in modes:
            if {low, high} <= peaks[mode].keys():
                growth = (peaks[mode][high] - peaks[mode][low]) * 1024 / (high - low)
                print(f"    {mode}: grows {growth:.0f} KB per page from {low} to {high} pages")


def workers_and_reimport(corpus: Path, tmp: Path, docs: int) -> None:
    archive = tmp / "arkiv"
    make_archive(corpus, archive, docs)
    print(f"2. {docs} documents, {os.cpu_count()} CPUs, load average before: "
          f"{os.getloadavg()[0]:.1f} (other processes on the box skew wall times)")
    (one, one_cpu, _), (two, two_cpu, two_inside) = (timed_ingest(archive, tmp / f"w{w}.db", w)
                                                     for w in (1, 2))
    print(f"  --workers 1: {one:.1f} s wall, {one_cpu:.1f} s CPU; --workers 2: {two:.1f} s wall, "
          f"{two_cpu:.1f} s CPU; speed-up {one / two:.2f}x; load average after "
          f"{os.getloadavg()[0]:.1f}")
    again, _, again_inside = timed_ingest(archive, tmp / "w2.db", 2)
    print(f"3. re-import unchanged: {again:.2f} s with process start and imports "
          f"({two / again:.0f}x faster than the first import); inside ingest() "
          f"{again_inside:.3f} s vs {two_inside:.1f} s ({two_inside / again_inside:.0f}x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=ROOT / "build" / "test-corpus")
    parser.add_argument("--realworld", type=Path, default=ROOT.parent / "shared" / "realworld")
    parser.add_argument("--skip-ratio", action="store_true")
    parser.add_argument("--skip-workers", action="store_true", help="skip figures 2 and 3")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        from dagsorden.corpus.build import build_corpus

        build_corpus(args.corpus)
    looks = [p for p in sorted(args.corpus.iterdir()) if p.is_dir() and any(p.glob("*.pdf"))]
    if not args.skip_ratio:
        print("1. pipeline cost per page vs pdfplumber extract_text (median of 2 passes)")
        pipeline_ratio(looks)
        if args.realworld.is_dir():
            pipeline_ratio([args.realworld])
    with tempfile.TemporaryDirectory(prefix="dagsorden-bench-") as tmp:
        if not args.skip_workers:
            workers_and_reimport(args.corpus, Path(tmp), args.docs)
        if not args.skip_memory:
            print("4. peak RSS in a fresh process: parse and drop pages | read_pdf (keeps lines) "
                  "| whole pipeline")
            agendas = sorted(args.corpus.glob("classic/*.pdf"), key=lambda p: p.stat().st_size)
            memory_figures(Path(tmp), agendas[-1] if agendas else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
