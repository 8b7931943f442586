"""Real PDFs from other municipalities (../shared/realworld): every one imports, facts point at pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from dagsorden.extractor.pipeline import extract_document

SCANNED = "41a2fb_1537646.pdf"
LONG = "00e961_1543229.pdf"  # the 108-page report


def realworld_pdfs() -> list:
    folder = Path(__file__).resolve().parent.parent.parent / "shared" / "realworld"
    names = sorted(p.name for p in folder.glob("*.pdf")) if folder.is_dir() else []
    return [pytest.param(name, marks=pytest.mark.slow) if name == LONG else name for name in names]


@pytest.mark.parametrize("name", realworld_pdfs())
def test_realworld_pdf_extracts_with_pages_and_text(realworld: Path, name: str) -> None:
    extraction = extract_document(realworld / name, ocr="never")  # OCR: tests/test_ocr.py
    assert extraction.document.pages == len(extraction.pages) > 0
    assert extraction.document.kind in ("appendix", "other")
    if name != SCANNED:
        assert any(page.text.strip() for page in extraction.pages)
    for item in extraction.items:
        assert 1 <= item.page_start <= item.page_end <= extraction.document.pages


def test_scanned_pdf_is_reported_as_needing_ocr(realworld: Path) -> None:
    extraction = extract_document(realworld / SCANNED, ocr="never")  # OCR'ed: tests/test_ocr.py
    assert extraction.document.ocr_pages == list(range(1, extraction.document.pages + 1))
    assert extraction.document.needs_ocr_pages == extraction.document.ocr_pages
    assert extraction.document.kind == "other"


def test_footer_page_numbers_stay_out_of_text(realworld: Path) -> None:
    extraction = extract_document(realworld / "e01bbe_1546743.pdf")
    footers = [page.footer for page in extraction.pages if page.footer]
    assert len(footers) >= extraction.document.pages // 2
    for page in extraction.pages:
        last_lines = page.text.strip().splitlines()[-1:]
        assert not any(line.strip() == str(page.number) for line in last_lines)
