"""A page's glyphs and ruling lines, straight from pdfplumber's parsed layout.

Why: pdfplumber's `page.chars` and `page.edges` run `Page.process_object` on every
object of the page, which copies about twenty attributes per glyph through `resolve_all`
(colours, graphic state, matrix, marked content). On the real-world PDFs that was 57 % of
reading (cProfile: 42 of 74 s of the parse; pdfminer's interpreter the rest), and reading
needs six attributes of a glyph. Here the same `LTChar` objects of `page.layout`
(pdfplumber's own device and interpreter) become lean records with the same coordinates,
and only drawn lines and rectangles go through `process_object`, for the table finder.
Words, lines and tables come out identical (tests/test_pdf_layer.py compares them).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from unicodedata import normalize

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTItem
from pdfplumber.page import fix_fontname_bytes
from pdfplumber.utils import filter_edges, obj_to_edges

Char = dict[str, Any]
# pdfplumber's default: shorter edges never make a table cell (TableSettings).
EDGE_MIN_LENGTH = 1


def iter_layout(items: list[LTItem]) -> Iterator[LTItem]:
    """Every object of a layout, children of figures included (as pdfplumber walks it)."""
    for item in items:
        if isinstance(item, LTContainer):
            yield from iter_layout(item._objs)
        else:
            yield item


def layout_chars(page: Any) -> list[Char]:
    """The page's glyphs with the keys of `page.chars` that reading uses: text, fontname,
    size, upright and the box (x0, x1, top, bottom, doctop, width, height)."""
    mb_x0, mb_top = page.mediabox[:2]
    height, doctop = page.height, page.initial_doctop
    unicode_norm = page.pdf.unicode_norm
    chars: list[Char] = []
    for item in iter_layout(page.layout._objs):
        if not isinstance(item, LTChar):
            continue
        text = item.get_text()
        fontname = item.fontname
        top = (height - item.y1) + mb_top
        chars.append({
            "text": normalize(unicode_norm, text) if unicode_norm is not None else text,
            "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
            "size": item.size,
            "upright": item.upright,
            "x0": item.x0 + mb_x0 if mb_x0 != 0 else item.x0,
            "x1": item.x1 + mb_x0 if mb_x0 != 0 else item.x1,
            "top": top,
            "bottom": (height - item.y0) + mb_top,
            "doctop": doctop + top,
            "width": item.width,
            "height": item.height,
        })
    return chars


def ruling_edges(page: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Vertical and horizontal edges of drawn lines, rectangles and curves, as the table
    finder's "lines" strategy takes them from `page.edges` (same order, same filter);
    none on a page that draws no line or rectangle."""
    drawn = [page.process_object(item) for item in iter_layout(page.layout._objs)
             if isinstance(item, LTCurve)]
    by_kind = {kind: [obj for obj in drawn if obj["object_type"] == kind]
               for kind in ("line", "rect", "curve")}
    if not (by_kind["line"] or by_kind["rect"]):  # curves alone never made a table here
        return [], []
    edges = [edge for kind in ("line", "rect", "curve") for obj in by_kind[kind]
             for edge in obj_to_edges(obj)]
    return (filter_edges(edges, "v", min_length=EDGE_MIN_LENGTH),
            filter_edges(edges, "h", min_length=EDGE_MIN_LENGTH))
