"""A page's glyphs and drawn lines, straight from pdfplumber's parsed layout, in one pass
that lets each of pdfminer's objects go once read.

Why not `page.chars` / `page.edges`: they run `Page.process_object` on every object of the
page, which copies about twenty attributes per glyph through `resolve_all` (colours,
graphic state, matrix, marked content): 57 % of reading on the real-world PDFs (cProfile:
42 of 74 s of the parse), while reading needs a few attributes of a glyph. And pdfplumber
then holds a dict of ~25 keys for every glyph beside pdfminer's own objects, ~2.3 KB a
glyph; a 51 KB PDF can draw a million glyphs on one page. Here the same `LTChar` objects of
`page.layout` (pdfplumber's own device and interpreter) become lean records with the same
coordinates, only drawn lines, rectangles and curves go through `process_object` (for the
table finder), and the layout is emptied as it is read. Glyphs and tables come out equal to
pdfplumber's own (tests/test_read_objects.py).
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


class LeanChars:
    """Turns pdfminer glyphs into the keys of `page.chars` that reading uses: text, fontname,
    size, upright and the box (x0, x1, top, bottom, doctop, width, height)."""

    def __init__(self, page: Any) -> None:
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.height, self.doctop = page.height, page.initial_doctop
        self.unicode_norm = page.pdf.unicode_norm

    def __call__(self, item: LTChar) -> Char:
        text = item.get_text()
        fontname = item.fontname
        top = (self.height - item.y1) + self.mb_top
        return {
            "text": normalize(self.unicode_norm, text) if self.unicode_norm is not None else text,
            "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
            "size": item.size,
            "upright": item.upright,
            "x0": item.x0 + self.mb_x0 if self.mb_x0 != 0 else item.x0,
            "x1": item.x1 + self.mb_x0 if self.mb_x0 != 0 else item.x1,
            "top": top,
            "bottom": (self.height - item.y0) + self.mb_top,
            "doctop": self.doctop + top,
            "width": item.width,
            "height": item.height,
        }


def page_objects(page: Any) -> tuple[list[Char], list[dict[str, Any]]]:
    """The page's glyphs (lean) and drawings (lines, rects, curves as pdfplumber makes them),
    in layout order. The page's layout is empty afterwards: close the page next."""
    lean = LeanChars(page)
    chars: list[Char] = []
    drawn: list[dict[str, Any]] = []
    remaining = page.layout._objs
    remaining.reverse()
    while remaining:  # each of pdfminer's objects is let go once read: the peak is ours alone
        for item in iter_layout([remaining.pop()]):
            if isinstance(item, LTChar):
                chars.append(lean(item))
            elif isinstance(item, LTCurve):
                drawn.append(page.process_object(item))
    return chars, drawn


def ruling_edges(drawn: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Vertical and horizontal edges of drawn lines, rectangles and curves, as the table
    finder's "lines" strategy takes them from `page.edges` (same order, same filter);
    none on a page that draws no line or rectangle."""
    by_kind = {kind: [obj for obj in drawn if obj["object_type"] == kind] for kind in ("line", "rect", "curve")}
    if not (by_kind["line"] or by_kind["rect"]):  # curves alone never made a table here
        return [], []
    edges = [edge for kind in ("line", "rect", "curve") for obj in by_kind[kind] for edge in obj_to_edges(obj)]
    return (filter_edges(edges, "v", min_length=EDGE_MIN_LENGTH),
            filter_edges(edges, "h", min_length=EDGE_MIN_LENGTH))
