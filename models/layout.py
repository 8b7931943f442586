"""What the PDF layer hands on: pages of styled lines, with geometry.

Coordinates follow pdfplumber: points, origin top-left, x0/top/x1/bottom.
"""
from __future__ import annotations

from typing import Literal

from models.base import StrictModel

LineRole = Literal["body", "header", "footer"]


class Word(StrictModel):
    """A word's horizontal extent, so a fact found inside a line gets its own bounding box."""

    text: str
    x0: float
    x1: float


class StyledLine(StrictModel):
    """One visual line of text with the style that carries structure (size, weight, font)."""

    page: int  # 1-based
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str = ""
    size: float = 0.0
    bold: bool = False
    role: LineRole = "body"
    words: list[Word] = []  # `text` is these words joined by single spaces

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


class PageTable(StrictModel):
    """A ruled table as pdfplumber's table finder sees it: only geometry (cell boxes per row,
    None where a merged cell spans). Cell texts come from the page's own deduplicated words
    (extractor/tables.py), so fake-bold glyphs never double inside a cell."""

    bbox: tuple[float, float, float, float]
    rows: list[list[tuple[float, float, float, float] | None]] = []


class PageText(StrictModel):
    number: int  # 1-based
    width: float
    height: float
    lines: list[StyledLine] = []
    has_text_layer: bool = True
    tables: list[PageTable] = []  # ruled tables found on the page (pdfplumber's finder)
    ocr: bool = False  # lines read by OCR (extractor/ocr.py), not from the text layer

    @property
    def body(self) -> list[StyledLine]:
        return [line for line in self.lines if line.role == "body"]

    @property
    def running(self) -> list[StyledLine]:
        """Header and footer lines: kept out of item text, used as metadata evidence."""
        return [line for line in self.lines if line.role != "body"]


class PdfText(StrictModel):
    """A whole PDF read into styled lines; the input of segmentation."""

    sha256: str
    filename: str
    producer: str | None = None
    pages: list[PageText] = []

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.pages if not p.has_text_layer]

    @property
    def needs_ocr_pages(self) -> list[int]:
        """Pages without a text layer that were not OCR'ed (no Tesseract, or --ocr never)."""
        return [p.number for p in self.pages if not p.has_text_layer and not p.ocr]

    def body_lines(self) -> list[StyledLine]:
        return [line for page in self.pages for line in page.body]
