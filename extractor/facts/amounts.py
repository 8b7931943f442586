"""Lines and tables -> amounts: every sum of money, with its item, page, box and sentence.

Why runs of lines: a sum often wraps ("1,5 mio." / "kr."), so lines of one paragraph are
joined with single spaces (facts/textrun.py) and every character offset maps back to its
line; the box is then cut from the words of the line the sum starts on.
Why tables apart: a cell's sentence is its row, and a bare number is money only when its
column header or row label names the currency and scale ("i kr.", "(1.000 kr.)").
"""
from __future__ import annotations

import re

from dagsorden.extractor.danish import money
from dagsorden.extractor.facts.tables import in_boxes, is_data_cell, table_boxes
from dagsorden.extractor.facts.textrun import TextRun
from dagsorden.models import Amount, ItemOf, StyledLine
from dagsorden.models.tables import Grid

# Column headers that hold counts or shares, never money, whatever the table says.

def paragraphs(lines: list[StyledLine], item_of: ItemOf) -> list[list[StyledLine]]:
    """Body lines in runs that a sentence can span: same page, same item, no wide gap."""
    runs: list[list[StyledLine]] = []
    previous: StyledLine | None = None
    for line in lines:
        new = (previous is None or line.page != previous.page or item_of(line) != item_of(previous)
               or line.top - previous.bottom > 1.2 * max(line.size, 6.0)
               or line.top < previous.top - 1)
        if new:
            runs.append([line])
        else:
            runs[-1].append(line)
        previous = line
    return runs


def amounts_in_run(run: TextRun, item_of: ItemOf, context: str | None = None,
                   table: int | None = None) -> list[Amount]:
    """Every sum of money in a run, as Amounts with box, sentence, basis, year and sign."""
    found: list[Amount] = []
    for hit in money.find_money(run.text):
        line, box = run.span_boxes(hit.start, hit.end)[0]
        before, after = run.text[:hit.start], run.text[hit.end:]
        left, right = run.sentence_bounds(hit.start, hit.end)
        negative = hit.value_dkk < 0 or money.sign_from_context(run.text[left:hit.start]) < 0
        # The high end of a range ("ca. 0,7 til 1 mio. kr.") is as approximate as the low end.
        approx = money.is_approx(before) or bool(found and found[-1].text != hit.text
                                                 and found[-1].text.endswith(hit.text)
                                                 and found[-1].approx)
        found.append(Amount(
            value_dkk=hit.value_dkk, text=hit.text, approx=approx,
            item=item_of(line), page=line.page, bbox=box,
            context=context if context is not None else run.text[left:right].strip(),
            sign=-1 if negative else 1, unit=money.basis_after(after),
            year=money.year_after(after), table=table,
        ))
    return found


def cell_scale(header: str, label: str, caption: str = "") -> float | None:
    """The currency scale of a bare number, from its column header, its row label or else
    the table's caption ("Tabel 1. Budgetopfølgning, drift (1.000 kr.)")."""
    if money.NOT_MONEY_HEADER.search(header):
        return None
    for text in (header, label, caption):
        scale = money.header_scale(text)
        if scale is not None:
            return scale
    return None


def caption_of(grid: Grid, lines: list[StyledLine]) -> str:
    """The line printed just above a table (within two lines' height), where a caption names
    its unit: "Tabel 1. Budgetopfølgning I, drift (1.000 kr.)", "Beløb i 1.000 kr."."""
    top = grid.bbox[1]
    above = [line for line in lines if line.page == grid.page and line.bottom <= top + 1
             and top - line.bottom <= 2.5 * max(line.size, 6.0)]
    return max(above, key=lambda line: line.bottom).text if above else ""


def amounts_in_grid(grid: Grid, index: int, caption: str = "") -> list[Amount]:
    """Sums in a table: written out in a cell ("166.000 kr."), or bare numbers in a column
    whose header (or row label, or the table's caption) names the currency and scale."""
    found: list[Amount] = []
    headers = {col: grid.column_header(col) for col in range(grid.n_cols)}
    labels = {c.row: c.text for c in grid.cells if c.col == 0}
    contexts: dict[int, str] = {}
    for cell in grid.cells:
        if cell.row < grid.header_rows or not cell.lines:
            continue
        if cell.row not in contexts:
            contexts[cell.row] = grid.row_context(cell.row)
        context = contexts[cell.row]
        written = amounts_in_run(TextRun.of(cell.lines), lambda _: grid.item, context, index)
        if written:
            found.extend(written)
            continue
        if cell.col == 0 or not is_data_cell(cell.text) or cell.text.endswith("%"):
            continue
        label = labels.get(cell.row, "")
        scale, value = cell_scale(headers[cell.col], label, caption), money.parse_number(cell.text)
        if scale is None or value is None:
            continue
        years = money.years_in(headers[cell.col])
        line = cell.lines[0]
        found.append(Amount(
            value_dkk=value * scale, text=cell.text, item=grid.item, page=cell.page,
            bbox=line.bbox, context=context, sign=-1 if value < 0 else 1,
            unit=money.basis_after(" " + re.sub(r"^.*?(?=\bpr\.)", "", label)) if "pr." in label else None,
            year=years[0] if years else None, table=index,
        ))
    return found


def find_amounts(lines: list[StyledLine], grids: list[Grid], item_of: ItemOf) -> list[Amount]:
    """All sums of a document: running text outside tables, then table cells, in page order."""
    boxes = table_boxes(grids)
    prose = [line for line in lines if not in_boxes(line, boxes)]
    found: list[Amount] = []
    for lines_ in paragraphs(prose, item_of):
        found.extend(amounts_in_run(TextRun.of(lines_), item_of))
    for index, grid in enumerate(grids):
        found.extend(amounts_in_grid(grid, index, caption_of(grid, prose)))
    return sorted(found, key=lambda a: (a.page or 0, a.bbox[1] if a.bbox else 0.0,
                                        a.bbox[0] if a.bbox else 0.0))
