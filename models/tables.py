"""Tables as the table stage sees them: cells that keep their own lines (with word boxes),
so amounts found in a cell get a bounding box as exact as those in running text."""
from __future__ import annotations

from typing import Literal

from dagsorden.models.base import StrictModel
from dagsorden.models.geometry import BBox
from dagsorden.models.layout import StyledLine



class GridCell(StrictModel):
    row: int
    col: int
    page: int
    bbox: BBox
    lines: list[StyledLine] = []  # the cell's words, one StyledLine per printed line

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines).strip()


class Grid(StrictModel):
    """One table, possibly stitched from parts on consecutive pages."""

    page: int
    page_end: int
    bbox: BBox  # of the first part
    strategy: Literal["lines", "text"]
    n_rows: int
    n_cols: int
    header_rows: int = 0
    cells: list[GridCell] = []
    item: int | None = None

    def row(self, index: int) -> list[GridCell]:
        return sorted((c for c in self.cells if c.row == index), key=lambda c: c.col)

    def cell(self, row: int, col: int) -> GridCell | None:
        return next((c for c in self.cells if c.row == row and c.col == col), None)

    def column_header(self, col: int) -> str:
        """The texts of the header rows in one column, top to bottom."""
        parts = [c.text for c in self.cells if c.col == col and c.row < self.header_rows and c.text]
        return " ".join(parts)

    def row_context(self, index: int) -> str:
        """A row as one line, "cell | cell | ...": the context of a fact found in it."""
        return " | ".join(text for text in self.row_texts(index) if text)

    def row_texts(self, index: int) -> list[str]:
        cells = {c.col: c.text for c in self.row(index)}
        return [cells.get(col, "") for col in range(self.n_cols)]
