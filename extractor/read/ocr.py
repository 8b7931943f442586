"""OCR of pages without a text layer (scans), with the Tesseract command-line program.

Why the CLI and not pytesseract: one subprocess per page needs no extra Python package,
a hung Tesseract is stopped by a timeout, and where Tesseract (or its Danish language
data) is not installed the pages are reported as needing OCR instead of failing.
Pages are rendered with pypdfium2, which pdfplumber already depends on.
"""
from __future__ import annotations

from dataclasses import replace
import functools
import os
import shutil
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

from dagsorden.extractor.read.render import render_page
from dagsorden.extractor.settings import OcrMode
from dagsorden.models import PageText, PdfText, StyledLine, Word

LANGUAGE = "dan"
# 200 dpi reads 10 pt print well and takes ~2.5 s/page; 300 dpi doubles the time for little gain.
DPI = 200
PAGE_TIMEOUT_S = 120
# --psm 1: automatic page segmentation with orientation detection (scans lie upside down).
TESSERACT_ARGS = ("--psm", "1")
OCR_FONT = "OCR"


@functools.lru_cache(maxsize=1)
def tesseract_available() -> bool:
    """True if `tesseract` is on PATH and has the Danish language data."""
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in (out.stdout + out.stderr).split()


def apply_ocr(pdf: PdfText, path: Path, mode: OcrMode = "auto",
              password: str | None = None) -> PdfText:
    """OCR the pages that need it (all pages with "always"); mark them `ocr`.

    Pages left without text (mode "never", or no Tesseract) stay `has_text_layer=False`
    and `ocr=False`: `PdfText.needs_ocr_pages` lists them.
    """
    if mode == "never" or not tesseract_available():
        return pdf
    wanted = [p for p in pdf.pages if mode == "always" or not p.has_text_layer]
    if not wanted:
        return pdf
    recognised = {page.number: ocr_page(path, page, password) for page in wanted}
    pages = [recognised.get(page.number, page) for page in pdf.pages]
    return replace(pdf, pages=pages)


def ocr_page(path: Path, page: PageText, password: str | None = None) -> PageText:
    """Render one page and read it with Tesseract; lines get page coordinates in points."""
    rendered = render_page(path, page.number, DPI / 72, password=password, grayscale=True)
    with tempfile.TemporaryDirectory(prefix="dagsorden-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        rendered.image.save(png)
        tsv = run_tesseract(png)
    lines = tsv_to_lines(tsv, page.number, scale=1 / rendered.scale)
    return replace(page, lines=lines, ocr=True)


def run_tesseract(image: Path) -> str:
    """Tesseract's TSV output (one row per word, with its box)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # we parallelise over files, not inside a page
    result = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", LANGUAGE, *TESSERACT_ARGS, "tsv"],
        capture_output=True, text=True, timeout=PAGE_TIMEOUT_S, env=env, check=True,
    )
    return result.stdout


def tsv_to_lines(tsv: str, page_number: int, scale: float) -> list[StyledLine]:
    """Group Tesseract's words by (block, paragraph, line) into styled lines, top to bottom."""
    rows = [row.split("\t") for row in tsv.splitlines()[1:]]
    grouped: dict[tuple[str, str, str], list[list[str]]] = defaultdict(list)
    for row in rows:
        if len(row) == 12 and row[0] == "5" and row[11].strip():
            grouped[(row[2], row[3], row[4])].append(row)
    lines: list[StyledLine] = []
    for words in grouped.values():
        boxes = [(int(w[6]) * scale, int(w[7]) * scale, (int(w[6]) + int(w[8])) * scale,
                  (int(w[7]) + int(w[9])) * scale) for w in words]
        height = max(b[3] - b[1] for b in boxes)
        lines.append(StyledLine.from_words(
            [Word(w[11].strip(), round(b[0], 2), round(b[2], 2)) for w, b in zip(words, boxes)],
            page=page_number,
            x0=round(min(b[0] for b in boxes), 2), top=round(min(b[1] for b in boxes), 2),
            x1=round(max(b[2] for b in boxes), 2), bottom=round(max(b[3] for b in boxes), 2),
            font=OCR_FONT, size=round(height, 1), bold=False,
        ))
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines
