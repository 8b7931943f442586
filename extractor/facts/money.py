"""Segments -> tables, amounts and tariffs: the money facts of one document.

Why one entry point: tables are found once and feed both amounts (currency columns) and
tariffs (price rows), and all three need the item every line belongs to.
"""
from __future__ import annotations

from dagsorden.extractor.facts.amounts import find_amounts
from dagsorden.extractor.facts.tables import find_grids, grid_to_table
from dagsorden.extractor.facts.tariffs import find_tariffs
from dagsorden.models import Amount, ItemOf, SegmentedDocument, StyledLine, Table, Tariff


def item_of_lines(doc: SegmentedDocument) -> ItemOf:
    """Line -> the item it belongs to (an appendix bound after item N belongs to N)."""
    items: dict[tuple[int, float, float], int | None] = {}
    for segment in doc.segments:
        for line in segment.lines:
            items[(line.page, line.top, line.x0)] = segment.item if segment.kind in ("item", "appendix") else None
    by_page: dict[int, int | None] = {}
    for key, item in items.items():
        by_page.setdefault(key[0], item)

    def item_of(line: StyledLine) -> int | None:
        key = (line.page, line.top, line.x0)
        return items[key] if key in items else by_page.get(line.page)

    return item_of


def money_facts(doc: SegmentedDocument) -> tuple[list[Table], list[Amount], list[Tariff]]:
    """Every table, sum of money and tariff of a document, each tied to its item and page."""
    item_of = item_of_lines(doc)
    grids = find_grids(doc.pdf.pages, item_of)
    amounts = find_amounts(doc.pdf.body_lines(), grids, item_of)
    return [grid_to_table(g) for g in grids], amounts, find_tariffs(amounts, grids)
