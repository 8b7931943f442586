"""Where the time goes: each stage of `extractor/pipeline.py`'s `STAGES`, timed per page.

usage: python bench/stages.py PDF_OR_FOLDER... [--passes N] [--reader pdfplumber|pdfium]
                                               [--profile STAGE]

Every file runs through the stages one by one in this process (OCR off: its cost is
Tesseract's, not ours); per stage the median pass is reported in CPU ms/page (process
time: what other load on a shared machine changes least) and as a share of the whole. `--profile STAGE` prints cProfile's top functions of that stage.
Compare shares and ratios of one run, not absolute times (see ../shared/PERFORMANCE.md).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

from pipeline import pdf_files  # bench/pipeline.py: files and folders -> PDFs

from dagsorden.extractor.pipeline import STAGES, Job
from dagsorden.extractor.settings import ExtractSettings


def time_stages(files: list[Path], settings: ExtractSettings,
                profiler: tuple[str, cProfile.Profile] | None = None) -> tuple[dict[str, float], int]:
    """Seconds per stage over all files, and the pages read."""
    spent = {stage.name: 0.0 for stage in STAGES}
    pages = 0
    for path in files:
        job = Job(path, settings)
        value: object = path
        for stage in STAGES:
            profiling = profiler is not None and profiler[0] == stage.name
            if profiling:
                profiler[1].enable()
            start = time.process_time()
            value = stage.run(value, job)
            spent[stage.name] += time.process_time() - start
            if profiling:
                profiler[1].disable()
            if stage.name == "read":
                pages += len(value.pages)  # type: ignore[attr-defined]
    return spent, pages


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--reader", default=None, help="ExtractSettings.reader, where offered")
    parser.add_argument("--profile", metavar="STAGE", default=None)
    args = parser.parse_args(argv)
    files = pdf_files(args.paths)
    overrides = {"reader": args.reader} if args.reader else {}
    settings = ExtractSettings(ocr="never", **overrides)
    runs: dict[str, list[float]] = {stage.name: [] for stage in STAGES}
    pages = 0
    for _ in range(args.passes):
        spent, pages = time_stages(files, settings)
        for name, seconds in spent.items():
            runs[name].append(seconds)
    medians = {name: statistics.median(values) for name, values in runs.items()}
    total = sum(medians.values())
    print(f"{len(files)} files, {pages} pages, {args.passes} passes (median), OCR off")
    print("| stage | CPU ms/page | share |")
    print("|---|--:|--:|")
    for name, seconds in medians.items():
        print(f"| {name} | {1000 * seconds / pages:.1f} | {100 * seconds / total:.0f} % |")
    print(f"| all | {1000 * total / pages:.1f} | {pages / total:.1f} pages/s |")
    if args.profile:
        profile = cProfile.Profile()
        time_stages(files, settings, (args.profile, profile))
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
