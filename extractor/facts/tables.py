"""Pages -> tables: ruled tables (cell boxes from pdfplumber, found in extractor/read/pdf.py) and
unruled ones found from text alignment, filled with the page's own words, stitched across
page breaks when their columns line up.

Why fill cells from our words rather than pdfplumber's `extract()`: our words are already
deduplicated (fake bold) and carry boxes, so an amount in a cell gets its own bbox.
Why stitch: a table broken by a page break is one table to a reader; pdfplumber returns two.
"""
from __future__ import annotations

from dagsorden.extractor.danish.money import YEAR, parse_number
from dagsorden.models import ItemOf, PageTable, PageText, StyledLine, Table, TableCell, Word
from dagsorden.models.tables import Grid, GridCell

# Column edges of two parts of one table may differ this much (points) and still line up.
STITCH_TOLERANCE = 4.0
# Unruled tables: cells in one column start within this many points of each other.
ALIGN_TOLERANCE = 6.0
MIN_TEXT_TABLE_ROWS = 3
# Rows of an unruled table are at most this many line heights apart.
ROW_GAP_LINES = 2.2
# A column of a real table is mostly cells this short (characters).
SHORT_CELL_CHARS = 30
SHORT_CELL_SHARE = 0.6
# Columns where this share of cells continue the cell above read as prose.
PROSE_SHARE = 0.4


def _inside(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def words_in(box: tuple[float, float, float, float], lines: list[StyledLine]) -> list[StyledLine]:
    """The page's words whose centre lies in a box, as one StyledLine per printed line."""
    found: list[StyledLine] = []
    for line in lines:
        middle = (line.top + line.bottom) / 2
        if not box[1] - 1 <= middle <= box[3] + 1:
            continue
        words = line.words or [Word(line.text, line.x0, line.x1)]
        inside = [w for w in words if _inside((w.x0 + w.x1) / 2, middle, box)]
        if not inside:
            continue
        if len(inside) == len(words):
            found.append(line)
        else:
            found.append(StyledLine.from_words(
                inside, page=line.page, x0=inside[0].x0, top=line.top, x1=inside[-1].x1,
                bottom=line.bottom, font=line.font, size=line.size, bold=line.bold, role=line.role))
    return found


def is_data_cell(text: str) -> bool:
    """A number that is data, not a header: "42.884", "2,3" (a year alone is a header)."""
    value = parse_number(text.rstrip("%").strip())
    return value is not None and not (YEAR.fullmatch(text.strip()) and "." not in text)


def count_header_rows(rows: list[list[GridCell]]) -> int:
    """Leading rows that are all bold, or hold no data number while a later row does."""
    def has_data(row: list[GridCell]) -> bool:
        return any(is_data_cell(c.text) for c in row if c.col > 0)

    def all_bold(row: list[GridCell]) -> bool:
        lines = [line for c in row for line in c.lines]
        return bool(lines) and all(line.bold for line in lines)

    data_rows = [i for i, row in enumerate(rows) if has_data(row)]
    count = 0
    for index, row in enumerate(rows[:-1]):
        if all_bold(row) or (data_rows and index < data_rows[0]):
            count += 1
        else:
            break
    return count


def page_table_to_grid(page: PageText, table: PageTable) -> Grid:
    """A ruled table: cell boxes from the finder, texts from the page's words."""
    top, bottom = table.bbox[1] - 2, table.bbox[3] + 2
    body = [line for line in page.body if top <= (line.top + line.bottom) / 2 <= bottom]
    # Column edges: every distinct cell x0 in the table, so merged cells map to their first column.
    edges: list[float] = []
    for x0 in sorted({round(cell[0], 1) for row in table.rows for cell in row if cell}):
        if not edges or x0 - edges[-1] > STITCH_TOLERANCE:
            edges.append(x0)
    cells: list[GridCell] = []
    rows: list[list[GridCell]] = []
    for r, row in enumerate(table.rows):
        row_cells: list[GridCell] = []
        for box in row:
            if box is None:
                continue
            col = min(range(len(edges)), key=lambda i: abs(edges[i] - box[0]))
            cell = GridCell(row=r, col=col, page=page.number, bbox=box, lines=words_in(box, body))
            row_cells.append(cell)
        cells.extend(row_cells)
        rows.append(row_cells)
    return Grid(page=page.number, page_end=page.number, bbox=table.bbox, strategy="lines",
                n_rows=len(table.rows), n_cols=len(edges), header_rows=count_header_rows(rows),
                cells=cells)


def _baseline_rows(lines: list[StyledLine]) -> list[list[StyledLine]]:
    rows: list[list[StyledLine]] = []
    for line in sorted(lines, key=lambda l: (l.top, l.x0)):
        if rows and abs(rows[-1][0].top - line.top) <= 2.5:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda l: l.x0) for row in rows]


def _aligned(row: list[StyledLine], columns: list[float]) -> bool:
    return all(any(abs(line.x0 - x) <= ALIGN_TOLERANCE for x in columns) for line in row)


def text_tables(page: PageText, taken: list[tuple[float, float, float, float]]) -> list[Grid]:
    """Unruled tables: runs of at least three baseline rows split into the same columns.

    Our lines are already split where a wide gap separates words (extractor/read/pdf.py), so a
    row of an aligned table is several lines on one baseline. A single line that starts
    at a column other than the first continues the cell above it (a wrapped cell).
    """
    free = [l for l in page.body if not any(_inside(l.x0 + 1, (l.top + l.bottom) / 2, b) for b in taken)]
    grids: list[Grid] = []
    run: list[list[StyledLine]] = []
    columns: list[float] = []

    def close() -> None:
        multi = [row for row in run if len(row) >= 2]
        if len(multi) >= MIN_TEXT_TABLE_ROWS and len(columns) >= 2:
            grid = _text_grid(page, run, columns)
            if has_short_column(grid) and not reads_as_prose(grid):
                grids.append(grid)

    for row in _baseline_rows(free):
        previous = run[-1] if run else None
        near = previous is not None and row[0].top - previous[-1].bottom <= ROW_GAP_LINES * max(row[0].size, 6)
        if len(row) >= 2 and near and _aligned(row, columns):
            run.append(row)
        elif len(row) >= 2 and near and len(row) == len(columns) and len(run) == 1:
            columns = [line.x0 for line in row]  # the first row was a header with other edges
            run.append(row)
        elif len(row) == 1 and near and run and _aligned(row, columns[1:]):
            run.append(row)  # a wrapped cell
        else:
            close()
            run, columns = ([row], [line.x0 for line in row]) if len(row) >= 2 else ([], [])
    close()
    return grids


def has_short_column(grid: Grid) -> bool:
    """True when some column holds mostly short cells (labels, numbers, times).

    Text set in two columns (a newsletter page) aligns like a table, but both of its
    columns are full of long wrapped lines; a table has at least one column of short cells.
    """
    for col in range(grid.n_cols):
        texts = [c.text for c in grid.cells if c.col == col and c.text]
        if texts and sum(len(t) <= SHORT_CELL_CHARS for t in texts) >= SHORT_CELL_SHARE * len(texts):
            return True
    return False


def reads_as_prose(grid: Grid) -> bool:
    """True when two or more columns read on from row to row like wrapped sentences
    (a cell ending in a hyphen or starting in lower case): text set in columns, not a table."""
    running = 0
    for col in range(grid.n_cols):
        texts = [c.text for c in sorted((c for c in grid.cells if c.col == col and c.text), key=lambda c: c.row)]
        carried = sum(1 for a, b in zip(texts, texts[1:]) if a.endswith("-") or b[:1].islower())
        if len(texts) > 1 and carried >= PROSE_SHARE * (len(texts) - 1):
            running += 1
    return running >= 2


def _text_grid(page: PageText, run: list[list[StyledLine]], columns: list[float]) -> Grid:
    cells: dict[tuple[int, int], list[StyledLine]] = {}
    r = -1
    for row in run:
        wrapped = len(row) == 1 and r >= 0 and abs(row[0].x0 - columns[0]) > ALIGN_TOLERANCE
        if not wrapped:
            r += 1
        for line in row:
            col = min(range(len(columns)), key=lambda i: abs(columns[i] - line.x0))
            cells.setdefault((r, col), []).append(line)
    grid_cells = []
    for (row, col), lines in sorted(cells.items()):
        box = (min(l.x0 for l in lines), min(l.top for l in lines),
               max(l.x1 for l in lines), max(l.bottom for l in lines))
        grid_cells.append(GridCell(row=row, col=col, page=page.number, bbox=box, lines=lines))
    every = [l for row in run for l in row]
    bbox = (min(l.x0 for l in every), min(l.top for l in every),
            max(l.x1 for l in every), max(l.bottom for l in every))
    rows = [[c for c in grid_cells if c.row == i] for i in range(r + 1)]
    return Grid(page=page.number, page_end=page.number, bbox=bbox, strategy="text",
                n_rows=r + 1, n_cols=len(columns), header_rows=count_header_rows(rows),
                cells=grid_cells)


def column_edges(grid: Grid, page: int) -> list[float]:
    return sorted({round(min(c.bbox[0] for c in grid.cells if c.col == col and c.page == page), 1)
                   for col in range(grid.n_cols)
                   if any(c.col == col and c.page == page for c in grid.cells)})


def _ends_page(grid: Grid, page: PageText) -> bool:
    last_bottom = max(c.bbox[3] for c in grid.cells if c.page == page.number)
    return not any(line.top > last_bottom + 1 for line in page.body)


def _opens_page(grid: Grid, page: PageText) -> bool:
    first_top = min(c.bbox[1] for c in grid.cells)
    return not any(line.bottom < first_top - 1 for line in page.body)


def stitch(first: Grid, second: Grid) -> Grid:
    """Append the rows of a table's continuation, dropping a repeated header."""
    head = [first.row_texts(i) for i in range(first.header_rows)]
    repeat = 0
    while repeat < min(len(head), second.n_rows - 1) and second.row_texts(repeat) == head[repeat]:
        repeat += 1
    offset = first.n_rows - repeat
    moved = [c.model_copy(update={"row": c.row + offset}) for c in second.cells if c.row >= repeat]
    return first.model_copy(update={
        "cells": first.cells + moved, "n_rows": first.n_rows + second.n_rows - repeat,
        "page_end": second.page_end})


def stitch_across_pages(grids: list[Grid], pages: dict[int, PageText]) -> list[Grid]:
    """Join a table that ends a page with one that opens the next when the columns line up."""
    out: list[Grid] = []
    for grid in grids:
        if out:
            prev = out[-1]
            before, after = pages.get(prev.page_end), pages.get(grid.page)
            if (before is not None and after is not None and grid.page == prev.page_end + 1
                    and grid.n_cols == prev.n_cols and grid.strategy == prev.strategy
                    and _ends_page(prev, before) and _opens_page(grid, after)):
                a, b = column_edges(prev, prev.page_end), column_edges(grid, grid.page)
                if len(a) == len(b) and all(abs(x - y) <= STITCH_TOLERANCE for x, y in zip(a, b)):
                    out[-1] = stitch(prev, grid)
                    continue
        out.append(grid)
    return out


def find_grids(pages: list[PageText], item_of: ItemOf) -> list[Grid]:
    """Every table of a document, in reading order, stitched, with the item it belongs to."""
    grids: list[Grid] = []
    for page in pages:
        ruled = [page_table_to_grid(page, t) for t in page.tables]
        ruled = [g for g in ruled if g.n_cols >= 2 and any(c.text for c in g.cells)]  # 1 column: a box
        found = ruled + text_tables(page, [t.bbox for t in page.tables])
        grids.extend(sorted(found, key=lambda g: g.bbox[1]))
    grids = stitch_across_pages(grids, {p.number: p for p in pages})
    out = []
    for grid in grids:
        items = [item_of(line) for cell in grid.cells for line in cell.lines]
        known = [i for i in items if i is not None]
        out.append(grid.model_copy(update={"item": max(set(known), key=known.count) if known else None}))
    return out


def grid_to_table(grid: Grid) -> Table:
    """The contract's table: rows of cell texts, and every cell with its number and box."""
    return Table(
        page=grid.page, item=grid.item, bbox=grid.bbox,
        rows=[grid.row_texts(r) for r in range(grid.n_rows)],
        header_rows=grid.header_rows, n_rows=grid.n_rows, n_cols=grid.n_cols,
        page_end=grid.page_end if grid.page_end != grid.page else None, strategy=grid.strategy,
        cells=[TableCell(row=c.row, col=c.col, text=c.text, value=parse_number(c.text),
                         page=c.page, bbox=c.bbox) for c in grid.cells],
    )


def table_boxes(grids: list[Grid]) -> dict[int, list[tuple[float, float, float, float]]]:
    """The area each table covers on each page, so prose readers can skip table lines."""
    boxes: dict[int, list[tuple[float, float, float, float]]] = {}
    for grid in grids:
        for page in {c.page for c in grid.cells}:
            part = [c.bbox for c in grid.cells if c.page == page]
            boxes.setdefault(page, []).append((min(b[0] for b in part), min(b[1] for b in part),
                                               max(b[2] for b in part), max(b[3] for b in part)))
    return boxes


def in_boxes(line: StyledLine, boxes: dict[int, list[tuple[float, float, float, float]]]) -> bool:
    middle = (line.top + line.bottom) / 2
    return any(_inside((line.x0 + line.x1) / 2, middle, box) for box in boxes.get(line.page, []))
