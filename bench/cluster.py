"""Issue 15: a 10,000-page archive with local workers and on a Dask LocalCluster.

usage: python bench/cluster.py [--pages N] [--workers N] [--corpus DIR] [--realworld DIR]
                               [--shared-path]

Builds a synthetic archive of at least N pages (default 10,000) from the corpus's looks and
the real-world PDFs, each copy made distinct by a trailing comment (a new sha256, the same
pages), then imports it twice into fresh archives with `dagsorden ingest --ocr never`:
`--workers W` and `--cluster local:W`. Prints wall and CPU time (of all processes), pages/s
and the Dask overhead (cluster / local - 1; CPU is what other load on the machine changes
least). Takes a long time: run it when nothing else runs.
Ratios of one run matter more than absolute times (see ../shared/PERFORMANCE.md).
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

import pypdfium2

ROOT = Path(__file__).resolve().parent.parent


def distinct_copies(sources: list[Path], out: Path, min_pages: int) -> tuple[int, int]:
    """Copies of the sources, round after round, until `min_pages`; (files, pages)."""
    counts = {path: len(pypdfium2.PdfDocument(str(path))) for path in sources}
    out.mkdir(parents=True)
    files = pages = 0
    while pages < min_pages:
        for source in sources:
            target = out / f"{files:05d}_{source.parent.name}_{source.name}"
            target.write_bytes(source.read_bytes() + b"\n%% copy %d\n" % files)
            files, pages = files + 1, pages + counts[source]
    return files, pages


def timed_ingest(archive: Path, db: Path, *extra: str) -> tuple[float, float, dict]:
    """Wall and CPU seconds of one `dagsorden ingest` (with interpreter start; CPU of every
    process it started: workers, Dask scheduler and nannies, sandboxes) and its report."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "cli.py", "ingest", str(archive), "--db", str(db), "--silent",
                          "--json", "--ocr", "never", *extra], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=ROOT / "build" / "test-corpus")
    parser.add_argument("--realworld", type=Path, default=ROOT.parent / "shared" / "realworld")
    parser.add_argument("--shared-path", action="store_true", help="also time --cluster with --shared-path")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        from dagsorden.corpus.build import build_corpus

        build_corpus(args.corpus)
    sources = sorted(args.corpus.rglob("*.pdf"))
    if args.realworld.is_dir():
        sources += sorted(args.realworld.glob("*.pdf"))
    with tempfile.TemporaryDirectory(prefix="dagsorden-cluster-") as tmp:
        archive = Path(tmp) / "arkiv"
        files, pages = distinct_copies(sources, archive, args.pages)
        size_mb = sum(p.stat().st_size for p in archive.iterdir()) / 1e6
        print(f"{files} files, {pages} pages, {size_mb:.0f} MB; {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.1f}; OCR off")
        runs = {f"--workers {args.workers}": ("--workers", str(args.workers)),
                f"--cluster local:{args.workers}": ("--cluster", f"local:{args.workers}")}
        if args.shared_path:
            runs[f"--cluster local:{args.workers} --shared-path"] = (
                "--cluster", f"local:{args.workers}", "--shared-path")
        walls: dict[str, tuple[float, float]] = {}
        print("| run | wall s | wall min | CPU s | CPU ms/page | pages/s (report) | imported | failed |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        for n, (name, extra) in enumerate(runs.items()):
            wall, cpu, report = timed_ingest(archive, Path(tmp) / f"run{n}.db", *extra)
            walls[name] = (wall, cpu)
            print(f"| {name} | {wall:.0f} | {wall / 60:.1f} | {cpu:.0f} | {1000 * cpu / pages:.0f} | "
                  f"{report['pages_per_second']:.1f} | {report['imported']} | {report['failed']} |", flush=True)
        local_wall, local_cpu = walls[f"--workers {args.workers}"]
        for name, (wall, cpu) in walls.items():
            if name.startswith("--cluster"):
                print(f"Dask overhead of {name} against local workers: wall {100 * (wall / local_wall - 1):+.1f} %, "
                      f"CPU {100 * (cpu / local_cpu - 1):+.1f} %")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
