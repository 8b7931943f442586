"""What the PDF layer hands on: pages of styled lines, with geometry.

Coordinates follow pdfplumber: points, origin top-left, x0/top/x1/bottom.

These are slotted dataclasses, not pydantic models: a dense page has hundreds of words and a
whole document is held for segmentation, so per-object overhead decides whether memory grows
with page count (pydantic: ~750 bytes a word; here 16). They are built only by our own code
from pdfplumber's and Tesseract's output, so there is nothing to validate; the facts made
from them are pydantic models (models/extraction.py).
"""
from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Sequence

from dagsorden.models.geometry import BBox

LineRole = Literal["body", "header", "footer"]
# Word edges are packed as doubles: 8 bytes each, and the rounded values come back exactly.
EDGE_FORMAT = "d"


class Word(NamedTuple):
    """A word's horizontal extent, so a fact found inside a line gets its own bounding box."""

    text: str
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class StyledLine:
    """One visual line of text with the style that carries structure (size, weight, font).

    `text` may be edited by later stages (a heading's number cut off); the words keep what was
    read, as `word_text` (the words joined by single spaces) and packed `word_edges`.
    """

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
    word_text: str = ""
    word_edges: bytes = b""  # x0, x1 of each word, packed EDGE_FORMAT

    @classmethod
    def from_words(cls, words: Sequence[Word], *, page: int, x0: float, top: float, x1: float,
                   bottom: float, font: str = "", size: float = 0.0, bold: bool = False,
                   role: LineRole = "body") -> StyledLine:
        """A line whose text is its words joined by single spaces, with their boxes kept."""
        text = " ".join(w.text for w in words)
        return cls(page=page, text=text, x0=x0, top=top, x1=x1, bottom=bottom,
                   font=sys.intern(font), size=size, bold=bold, role=role, word_text=text,
                   word_edges=array(EDGE_FORMAT, [e for w in words for e in (w.x0, w.x1)]).tobytes())

    @property
    def words(self) -> list[Word]:
        """The words as read, unpacked on demand (only fact boxes need them)."""
        if not self.word_edges:
            return []
        texts = self.word_text.split(" ")
        edges = memoryview(self.word_edges).cast(EDGE_FORMAT).tolist()
        if len(edges) != 2 * len(texts):
            return []
        return list(map(Word, texts, edges[0::2], edges[1::2]))

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    def split_last_word(self) -> tuple[StyledLine, StyledLine]:
        """The line without its last word, and that word as a line of its own: a table cell
        read into the cell before it."""
        words = self.words
        head, last = words[:-1], words[-1]
        return (StyledLine.from_words(head, page=self.page, x0=self.x0, top=self.top, x1=head[-1].x1,
                                      bottom=self.bottom, font=self.font, size=self.size, bold=self.bold,
                                      role=self.role),
                StyledLine.from_words([last], page=self.page, x0=last.x0, top=self.top, x1=last.x1,
                                      bottom=self.bottom, font=self.font, size=self.size, bold=self.bold,
                                      role=self.role))


@dataclass(frozen=True, slots=True)
class PageTable:
    """A ruled table as pdfplumber's table finder sees it: only geometry (cell boxes per row,
    None where a merged cell spans). Cell texts come from the page's own deduplicated words
    (extractor/facts/tables.py), so fake-bold glyphs never double inside a cell."""

    bbox: BBox
    rows: list[list[BBox | None]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PageText:
    number: int  # 1-based
    width: float
    height: float
    lines: list[StyledLine] = field(default_factory=list)
    has_text_layer: bool = True
    tables: list[PageTable] = field(default_factory=list)  # ruled tables (pdfplumber's finder)
    ocr: bool = False  # lines read by OCR (extractor/read/ocr.py), not from the text layer

    @property
    def body(self) -> list[StyledLine]:
        return [line for line in self.lines if line.role == "body"]

    @property
    def running(self) -> list[StyledLine]:
        """Header and footer lines: kept out of item text, used as metadata evidence."""
        return [line for line in self.lines if line.role != "body"]


@dataclass(frozen=True, slots=True)
class PdfText:
    """A whole PDF read into styled lines; the input of segmentation."""

    sha256: str
    filename: str
    producer: str | None = None
    pages: list[PageText] = field(default_factory=list)

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.pages if not p.has_text_layer]

    @property
    def needs_ocr_pages(self) -> list[int]:
        """Pages without a text layer that were not OCR'ed (no Tesseract, or --ocr never)."""
        return [p.number for p in self.pages if not p.has_text_layer and not p.ocr]

    def body_lines(self) -> list[StyledLine]:
        return [line for page in self.pages for line in page.body]
