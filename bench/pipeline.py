"""Cost of the extraction pipeline per page, as a ratio to pdfplumber's plain extract_text.

usage: python bench/pipeline.py PDF_OR_FOLDER... [--passes N]

Both methods run in this process, interleaved per pass, on the same files; the median
pass is reported (see ../shared/PERFORMANCE.md for why ratios, not absolute times).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pdfplumber

from dagsorden.extractor.pipeline import extract_document  # noqa: E402


def plain_extract_text(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def pipeline(path: Path) -> int:
    return extract_document(path).document.pages


def pdf_files(args: list[str]) -> list[Path]:
    files: list[Path] = []
    for arg in args:
        path = Path(arg)
        files.extend(sorted(path.rglob("*.pdf")) if path.is_dir() else [path])
    return files


def main(argv: list[str]) -> int:
    passes = int(argv[argv.index("--passes") + 1]) if "--passes" in argv else 3
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--passes")]
    files = pdf_files(args)
    timings: dict[str, list[float]] = {"extract_text": [], "pipeline": []}
    pages = 0
    for _ in range(passes):
        for name, method in (("extract_text", plain_extract_text), ("pipeline", pipeline)):
            start = time.perf_counter()
            pages = sum(method(f) for f in files)
            timings[name].append(time.perf_counter() - start)
    base = statistics.median(timings["extract_text"])
    print(f"{len(files)} files, {pages} pages, {passes} passes (median)")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:>14}: {1000 * median / pages:7.1f} ms/page  {pages / median:6.1f} pages/s  "
              f"ratio {median / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
