"""Page previews for Datasette: a page rendered to PNG with a fact's bounding box highlighted.

The page is rendered by extractor/read/render.py (pypdfium2, milliseconds a page); boxes are
in pdfplumber's coordinates (points, origin top-left), so they scale straight onto the image.
"""
from __future__ import annotations

import io
from pathlib import Path

from PIL import ImageDraw

from dagsorden.extractor.read.render import render_page
from dagsorden.models import BBox

PREVIEW_SCALE = 1.5  # 108 dpi: readable, small
HIGHLIGHT = (255, 200, 0, 90)
OUTLINE = (220, 120, 0, 255)


def parse_bbox(text: str | None) -> BBox | None:
    """"x0,top,x1,bottom" (or a JSON list) -> a box; anything else -> None."""
    if not text:
        return None
    parts = text.strip("[]() ").split(",")
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        return None
    if len(values) != 4 or not all(0 <= v < 20000 for v in values):
        return None
    return values  # type: ignore[return-value]


def render_page_png(path: Path, page_number: int, bbox: BBox | None = None) -> bytes:
    """The page as PNG bytes; raises IndexError for a page the PDF does not have."""
    rendered = render_page(path, page_number, PREVIEW_SCALE)
    image = rendered.image.convert("RGBA")
    if bbox:
        overlay = ImageDraw.Draw(image, "RGBA")
        x0, top, x1, bottom = (v * rendered.scale for v in bbox)
        overlay.rectangle((x0 - 2, top - 2, x1 + 2, bottom + 2), fill=HIGHLIGHT, outline=OUTLINE, width=2)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()
