"""Lines and tables -> amounts: every sum of money, with its item, page, box and sentence.

Why runs of lines: a sum often wraps ("1,5 mio." / "kr."), so lines of one paragraph are
joined with single spaces and every character offset maps back to its line; the box is
then cut from the words of the line the sum starts on (`span_bbox`).
Why tables apart: a cell's sentence is its row, and a bare number is money only when its
column header or row label names the currency and scale ("i kr.", "(1.000 kr.)").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dagsorden.extractor.danish import money
from dagsorden.extractor.danish.abbreviations import ABBREVIATIONS
from dagsorden.extractor.facts.tables import in_boxes, is_data_cell, table_boxes
from dagsorden.extractor.facts.textrun import span_bbox
from dagsorden.models import Amount, StyledLine
from dagsorden.models.tables import Grid

ItemOf = Callable[[StyledLine], "int | None"]
# Column headers that hold counts or shares, never money, whatever the table says.
NOT_MONEY_HEADER = re.compile(r"%|\bpct\b|procent|\bantal\b|pladsantal|\bandel\b|årsværk|\bstk\b",
                              re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÆØÅ\"”“(])|\s(?=[•\u2022\uf0b7▪◦]\s)")


@dataclass
class Run:
    """Lines of one paragraph joined by single spaces, with each line's start offset."""

    lines: list[StyledLine]
    starts: list[int]
    text: str

    @classmethod
    def of(cls, lines: list[StyledLine]) -> "Run":
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line.text) + 1
        return cls(lines, starts, " ".join(line.text for line in lines))

    def locate(self, start: int, end: int) -> tuple[StyledLine, tuple[float, float, float, float]]:
        """The line a span starts on, and the box of the part of the span on that line."""
        index = max(i for i, s in enumerate(self.starts) if s <= start)
        line, base = self.lines[index], self.starts[index]
        return line, tight_bbox(line, start - base, min(end, base + len(line.text)) - base)


def tight_bbox(line: StyledLine, start: int, end: int) -> tuple[float, float, float, float]:
    """The box of characters start:end of a line, cut inside a word where the span starts or
    ends within it ("(3.080 kr.)," -> the box of "3.080 kr."), assuming even glyph widths there."""
    words = line.words
    box = span_bbox(line, start, end, words)
    if not words or box == line.bbox and len(words) > 1:
        return box
    x0s, x1s, offset = [], [], 0
    for word in words:
        word_end = offset + len(word.text)
        if word_end > start and offset < end:
            width = (word.x1 - word.x0) / max(len(word.text), 1)
            x0s.append(word.x0 + width * max(0, start - offset))
            x1s.append(word.x1 - width * max(0, word_end - end))
        offset = word_end + 1
    return (round(min(x0s), 2), line.top, round(max(x1s), 2), line.bottom) if x0s else box


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


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end]: from the last sentence end before it to the next."""
    left = 0
    for match in SENTENCE_END.finditer(text):
        word = text[:match.start() + 1].rsplit(" ", 1)[-1].lower()
        if word.endswith(".") and word in ABBREVIATIONS:
            continue
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end - 1:
            return left, match.start() + 1
    return left, len(text)


def amounts_in_run(run: Run, item_of: ItemOf, context: str | None = None,
                   table: int | None = None) -> list[Amount]:
    """Every sum of money in a run, as Amounts with box, sentence, basis, year and sign."""
    found: list[Amount] = []
    for hit in money.find_money(run.text):
        line, box = run.locate(hit.start, hit.end)
        before, after = run.text[:hit.start], run.text[hit.end:]
        left, right = sentence_bounds(run.text, hit.start, hit.end)
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


def row_context(grid: Grid, row: int) -> str:
    return " | ".join(text for text in grid.row_texts(row) if text)


def cell_scale(header: str, label: str) -> float | None:
    """The currency scale of a bare number, from its column header or else its row label."""
    if NOT_MONEY_HEADER.search(header):
        return None
    for text in (header, label):
        scale = money.header_scale(text)
        if scale is not None:
            return scale
    return None


def amounts_in_grid(grid: Grid, index: int) -> list[Amount]:
    """Sums in a table: written out in a cell ("166.000 kr."), or bare numbers in a column
    whose header (or row label) names the currency and scale."""
    found: list[Amount] = []
    headers = {col: grid.column_header(col) for col in range(grid.n_cols)}
    labels = {c.row: c.text for c in grid.cells if c.col == 0}
    contexts: dict[int, str] = {}
    for cell in grid.cells:
        if cell.row < grid.header_rows or not cell.lines:
            continue
        if cell.row not in contexts:
            contexts[cell.row] = row_context(grid, cell.row)
        context = contexts[cell.row]
        written = amounts_in_run(Run.of(cell.lines), lambda _: grid.item, context, index)
        if written:
            found.extend(written)
            continue
        if cell.col == 0 or not is_data_cell(cell.text) or cell.text.endswith("%"):
            continue
        label = labels.get(cell.row, "")
        scale, value = cell_scale(headers[cell.col], label), money.parse_number(cell.text)
        if scale is None or value is None:
            continue
        years = money.years_in(headers[cell.col])
        line = cell.lines[0]
        found.append(Amount(
            value_dkk=value * scale, text=cell.text, item=grid.item, page=cell.page,
            bbox=span_bbox(line, 0, len(line.text)), context=context, sign=-1 if value < 0 else 1,
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
        found.extend(amounts_in_run(Run.of(lines_), item_of))
    for index, grid in enumerate(grids):
        found.extend(amounts_in_grid(grid, index))
    return sorted(found, key=lambda a: (a.page or 0, a.bbox[1] if a.bbox else 0.0,
                                        a.bbox[0] if a.bbox else 0.0))
