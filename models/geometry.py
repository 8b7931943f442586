"""Page geometry shared by every stage: pdfplumber's coordinates (points, origin top-left)."""
from __future__ import annotations

from collections.abc import Iterable

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


def union(boxes: Iterable[BBox]) -> BBox:
    """The smallest box holding all of `boxes` (at least one)."""
    x0, top, x1, bottom = zip(*boxes)
    return (min(x0), min(top), max(x1), max(bottom))
