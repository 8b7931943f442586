"""A page as an image, with pypdfium2 (already installed with pdfplumber): for OCR and previews.

Why here: reading a PDF, for text or pixels, happens in extractor/read/ only, so a change of
PDF library touches one folder.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pypdfium2

if TYPE_CHECKING:
    from PIL.Image import Image

# A page of 14,400 pt (legal in PDF) at 200 dpi would be 1.6 billion pixels: cap the image.
DEFAULT_MAX_PIXELS = 12_000_000


class PageOutOfRange(IndexError):
    """The PDF has no such page."""


class RenderedPage(NamedTuple):
    image: Image
    scale: float  # pixels per point actually used (lower than asked for a huge page)


def render_page(source: Path | bytes, page_number: int, scale: float, *, password: str | None = None,
                grayscale: bool = False, max_pixels: int = DEFAULT_MAX_PIXELS) -> RenderedPage:
    """Page `page_number` (1-based) of a file or of a PDF's bytes as a PIL image at `scale`
    pixels per point, scaled down where the page would exceed `max_pixels`.

    A file is handed to PDFium as an open handle, not a name: PDFium takes names as UTF-8,
    and old file shares hold names that are not."""
    data = source if isinstance(source, bytes) else open(source, "rb")
    pdf = pypdfium2.PdfDocument(data, password=password, autoclose=not isinstance(source, bytes))
    try:
        if not 1 <= page_number <= len(pdf):
            raise PageOutOfRange(f"page {page_number} of {len(pdf)}")
        page = pdf[page_number - 1]
        try:
            width, height = page.get_size()
            area = max(width * height, 1.0)
            scale = min(scale, (max_pixels / area) ** 0.5)
            return RenderedPage(page.render(scale=scale, grayscale=grayscale).to_pil(), scale)
        finally:
            page.close()
    finally:
        pdf.close()
