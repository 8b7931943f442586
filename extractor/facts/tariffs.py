"""Amounts and tables -> tariffs: the price of a unit of service, as a time series.

From text: a sum in the clause of a word naming a price ("døgntaksten er 4.107 kr. pr.
anvendt plads"), stated per unit of service or in parentheses after the price's name
("75 pct. af døgntaksten for ubenyttede pladser (3.080 kr.)"). Sums per year or month
("1,5 mio. kr. om året") are totals, and changes ("takststigning på 119 kr.") are not prices.
From tables: rows labelled with a price word ("Takstgruppe 2 (8-24 pladser)",
"timepris"), or every row of a table whose value columns are headed by a price word;
one tariff per row and value column (a year, "Gammel"/"Ny", or a named price).
"""
from __future__ import annotations

import re

from dagsorden.extractor.danish import money
from dagsorden.extractor.danish.tariffs import (LABEL_FILLER, OFFER_HEADER, OLD_NEW, TARIFF_WORD, UNIT_HEADER,
                                      names_tariff, unit_of)
from dagsorden.extractor.facts.tables import is_data_cell
from dagsorden.models import Amount, Tariff
from dagsorden.models.tables import Grid

# A sum "om året" is a yearly total ("1,5 mio. kr. om året"), not the price of a unit.
TOTAL_BASES = {"om året"}
# How far (characters) before a sum a price word may stand in its clause.
MAX_LABEL_CHARS = 90
CLAUSE_BREAK = re.compile(r"[;:]\s|,\s|\s[–-]\s")
PERCENT_OF = re.compile(r"(\d+(?:,\d+)?\s*(?:pct\.|%|procent)\s+af\s+)$", re.IGNORECASE)


def tariff_from_amount(amount: Amount) -> Tariff | None:
    """A tariff stated in running text, or None when the sum is not a unit price."""
    context = amount.context or ""
    at = context.find(amount.text)
    if at < 0 or amount.table is not None:
        return None
    clause = CLAUSE_BREAK.split(context[max(0, at - MAX_LABEL_CHARS):at])[-1]
    if money.find_money(clause):  # another sum stands between the price's name and this one
        clause = clause[money.find_money(clause)[-1].end:]
    words = [m for m in TARIFF_WORD.finditer(clause) if names_tariff(m.group(0))]
    if not words:
        return None
    start = words[-1].start()
    in_parentheses = clause.rstrip().endswith("(")
    per_unit = amount.unit is not None and amount.unit not in TOTAL_BASES
    if not (per_unit or in_parentheses) or re.search(r"stigning|fald|ændring|forskel", clause[start:], re.I):
        return None
    share = PERCENT_OF.search(clause[:start])
    name = LABEL_FILLER.sub("", clause[start:]).strip(" ,")
    label = (share.group(1) if share else "") + name
    if amount.unit and amount.unit not in label:
        label = f"{label} {amount.unit}"
    return Tariff(label=label.strip(), year=amount.year, value_dkk=amount.value_dkk,
                  unit=amount.unit if per_unit else unit_of(name), item=amount.item,
                  page=amount.page, bbox=amount.bbox, context=context)


def value_columns(grid: Grid) -> dict[int, str]:
    """Columns that can hold prices: headed (a year, "Ny", a price), not counts or shares."""
    columns = {}
    for col in range(1, grid.n_cols):
        header = grid.column_header(col)
        if not header or money.NOT_MONEY_HEADER.search(header) or UNIT_HEADER.search(header) \
                or OFFER_HEADER.search(header):
            continue
        columns[col] = header
    return columns


def label_column_text(grid: Grid, row: int, columns: dict[int, str], unit_col: int | None) -> str:
    """The row's label: its text cells left of the first value column (not the unit), joined."""
    first_value = min(columns, default=grid.n_cols)
    texts = [c.text for c in grid.row(row)
             if c.col < first_value and c.col != unit_col and c.text and not is_data_cell(c.text)]
    return " – ".join(texts)


def row_unit(unit_cell: str | None, label: str, header: str) -> str | None:
    """A table tariff's unit: its unit cell ("Døgn"), a "pr. ..." in its label, or the unit
    its price word implies ("timepris" -> "pr. time")."""
    if unit_cell:
        return f"pr. {unit_cell.lower()}"
    at = label.lower().find("pr.")
    if at >= 0:
        return money.basis_after(" " + label[at:])
    return unit_of(f"{label} {header}")


def tariffs_in_grid(grid: Grid) -> list[Tariff]:
    """One tariff per priced row and value column of a table."""
    columns = value_columns(grid)
    priced_columns = {col for col, header in columns.items() if names_tariff(header)}
    unit_col = next((c for c in range(grid.n_cols) if UNIT_HEADER.search(grid.column_header(c))), None)
    offer_col = next((c for c in range(grid.n_cols) if OFFER_HEADER.search(grid.column_header(c))), None)
    # A table with a unit column ("Takstenhed") or price-named value columns prices every row.
    priced_table = bool(priced_columns) or unit_col is not None
    found: list[Tariff] = []
    for row in range(grid.header_rows, grid.n_rows):
        label = label_column_text(grid, row, columns, unit_col)
        if not label or not (names_tariff(label) or priced_table):
            continue
        scale = money.header_scale(label) or 1.0
        clean_label = re.sub(r"\s*\bi\s+(?:t\.\s*)?kr\.?$|\s*\((?:i\s+)?(?:1\.000\s+)?kr\.?\)$", "",
                             label, flags=re.I).strip()
        unit_cell = grid.cell(row, unit_col) if unit_col is not None else None
        offer_cell = grid.cell(row, offer_col) if offer_col is not None else None
        for col, header in columns.items():
            if priced_columns and not names_tariff(label) and col not in priced_columns and unit_col is None:
                continue
            cell = grid.cell(row, col)
            if cell is None or not cell.lines or not is_data_cell(cell.text) or cell.text.endswith("%"):
                continue
            value = money.parse_number(cell.text)
            if value is None:
                continue
            years = money.years_in(header)
            named = header and not years and not OLD_NEW.match(header)
            line = cell.lines[0]
            unit_text = unit_cell.text if unit_cell is not None and unit_cell.text else None
            found.append(Tariff(
                label=f"{clean_label} – {header}" if named else clean_label,
                year=years[0] if years else None,
                value_dkk=value * (money.header_scale(header) or scale),
                unit=row_unit(unit_text, clean_label, header),
                offer=offer_cell.text if offer_cell is not None and offer_cell.text else None,
                column=header or None, item=grid.item, page=cell.page,
                bbox=line.bbox, context=grid.row_context(row),
            ))
    return found


def find_tariffs(amounts: list[Amount], grids: list[Grid]) -> list[Tariff]:
    """Tariffs from running text and from tables, in page order."""
    found = [t for t in (tariff_from_amount(a) for a in amounts) if t is not None]
    for grid in grids:
        found.extend(tariffs_in_grid(grid))
    return sorted(found, key=lambda t: (t.page or 0, t.bbox[1] if t.bbox else 0.0,
                                        t.bbox[0] if t.bbox else 0.0))
