"""Tariffs as series over the years: one series per normalised label and table-column variant.

Why a derived table: a tariff is printed again in every year's agenda (and in the minutes),
with its label spelt a little differently ("8-24" and "8–24", an extra space, the year in the
label), in a column that may be the year's old or new rate, or a budget beside the rates. The
site, researchers and journalists need the series, not the printings: it is rebuilt whole after
every import from the current version of every document, and every value keeps its page.
A value whose size cannot be a price per its unit (a budget "pr. døgn") is kept but flagged,
and left out of the series' figures and chart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from dagsorden.extractor.danish.tariff_columns import YEAR, column_variant, implausible_unit
from dagsorden.extractor.danish.tariffs import unit_of
from dagsorden.extractor.store.ids import slugify
from dagsorden.extractor.store.schema import insert_rows

DASHES = re.compile(r"[\u2010-\u2015\u2212]")
SOURCE = """
select t.position as tariff_position, t.label, t.year, t.value_dkk, t.unit, t.column_header, t.item_id,
  t.page, t.bbox, t.document_sha256, d.kind, m.id as meeting_id, m.date, m.year as meeting_year, m.committee
from tariffs t join documents d on d.sha256 = t.document_sha256
  left join meetings m on m.id = d.meeting_id
where d.superseded_by is null and t.value_dkk is not null
order by m.date, d.kind, t.document_sha256, t.position"""


def label_key(label: str) -> str:
    """"Takstgruppe 2 (8–24  pladser)" and "Takstgruppe 2 (8-24 pladser)" -> one key."""
    return slugify(YEAR.sub(" ", DASHES.sub("-", label))) or "takst"


def series_id(label: str, variant: str) -> str:
    return label_key(label) + (f"--{slugify(variant)}" if variant else "")


@dataclass
class Series:
    id: str
    variant: str
    values: list[dict[str, Any]]

    def row(self) -> dict[str, Any]:
        """The series' figures from its plausible values; per year the newest meeting's value."""
        by_year: dict[int, float] = {}
        for value in self.values:
            if value["plausible"] and value["year"] is not None:
                by_year[value["year"]] = value["value_dkk"]  # values come oldest meeting first
        years = sorted(by_year)
        first, latest = (by_year[years[0]], by_year[years[-1]]) if years else (None, None)
        newest = self.values[-1]
        units = [v["unit"] for v in self.values if v["unit"]]
        return {
            "id": self.id, "label": newest["label"], "variant": self.variant,
            "unit": max(set(units), key=units.count) if units else None,
            "first_year": years[0] if years else None, "last_year": years[-1] if years else None,
            "years": len(years), "first_value": first, "latest_value": latest,
            "change_pct": round((latest - first) / first * 100, 1) if first and len(years) > 1 else None,
            "n_values": len(self.values), "flagged": sum(1 for v in self.values if not v["plausible"]),
        }


def tariff_value(row: dict[str, Any]) -> dict[str, Any]:
    """A stored tariff as a point of its series: the year (stated, else the meeting's) and
    whether its size fits its unit."""
    unit = row["unit"] or unit_of(row["label"])
    flag = implausible_unit(row["value_dkk"], unit)
    stated = row["year"] is not None
    return {
        "year": row["year"] if stated else row["meeting_year"], "year_stated": int(stated),
        "value_dkk": row["value_dkk"], "plausible": int(flag is None),
        "flag": flag[0] if flag else None, "flag_limit": flag[1] if flag else None,
        "label": row["label"], "column_header": row["column_header"], "unit": unit,
        "meeting_id": row["meeting_id"], "date": row["date"], "committee": row["committee"],
        "document_sha256": row["document_sha256"], "kind": row["kind"], "item_id": row["item_id"],
        "page": row["page"], "bbox": row["bbox"], "tariff_position": row["tariff_position"],
    }


def group_tariffs(rows: list[dict[str, Any]]) -> list[Series]:
    grouped: dict[str, Series] = {}
    for row in rows:
        variant = column_variant(row["column_header"])
        key = series_id(row["label"], variant)
        grouped.setdefault(key, Series(key, variant, [])).values.append(tariff_value(row))
    return sorted(grouped.values(), key=lambda s: s.id)


def build_tariff_series(db: sqlite_utils.Database) -> int:
    """Rebuild `tariff_series` and `tariff_values` from the tariffs; returns the series count."""
    cursor = db.conn.execute(SOURCE)
    names = [c[0] for c in cursor.description]
    series = group_tariffs([dict(zip(names, row)) for row in cursor.fetchall()])
    with db.conn:
        db.conn.execute("delete from tariff_values")
        db.conn.execute("delete from tariff_series")
        insert_rows(db, "tariff_series", [s.row() for s in series])
        insert_rows(db, "tariff_values", [
            {"series_id": s.id, "position": n, **value} for s in series for n, value in enumerate(s.values, 1)])
    return len(series)

