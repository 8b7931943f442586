"""The archive's items -> cases and their timelines (run over the database after an import).

Why over the database and not per document: a case runs over years and bodies (an
agenda in one committee, minutes in another, the council the month after), so its
treatments are only known once many documents are stored. Two rules group items:
- a case number ("2023-016352", "EMN-2025-003383", "Sagsnr. 2012-28504") is one case;
  the earlier treatments its items list ("Sagsforløb", read at extraction into
  `item_history`) add treatments the archive holds no document for;
- items without a case number whose titles match closely once years and numbers are
  taken out ("Takster 2013 for plejeboliger" / "Takster 2014 for plejeboliger") and that
  recur in different years are a series (the yearly tariff approval, budget, report).
The tables are rebuilt whole in one transaction, so running it twice changes nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import sqlite_utils
from pydantic import BaseModel

from dagsorden.extractor.danish.decisions import STANDING_ITEM
from dagsorden.extractor.store.ids import slugify
from dagsorden.extractor.store.schema import insert_rows

SERIES_SIMILARITY = 0.9  # of normalised titles; "Takster 2013 ..." and "Takster 2014 ..." are 1.0
MIN_SERIES_YEARS = 2
YEARS_AND_NUMBERS = re.compile(r"\b\d+(?:[./-]\d+)*\b")

Row = dict[str, Any]


class CaseReport(BaseModel):
    """What `group_cases` built."""

    cases: int = 0
    series: int = 0
    treatments: int = 0


@dataclass
class Treatment:
    """One treatment of a case: an item at a meeting, or an entry of an item's "Sagsforløb"."""

    date: str | None
    committee: str | None
    number: int | None
    meeting_id: str | None = None
    item_id: str | None = None
    title: str | None = None
    decision: str | None = None
    outcome: str | None = None
    source: str = "agenda"


@dataclass
class Case:
    id: str
    kind: str  # "case_number" or "series"
    case_number: str | None
    treatments: list[Treatment] = field(default_factory=list)


def group_cases(db: sqlite_utils.Database) -> CaseReport:
    """Rebuild `cases` and `case_treatments` from the items, decisions and case histories stored."""
    items = stored_items(db)
    cases = cases_by_number(items, stored_history(db)) + series_of_titles(items)
    rows, treatment_rows = case_rows(cases)
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute("DELETE FROM case_treatments")
        db.conn.execute("DELETE FROM cases")
        insert_rows(db, "cases", rows)
        insert_rows(db, "case_treatments", treatment_rows)
    return CaseReport(cases=sum(c.kind == "case_number" for c in cases),
                      series=sum(c.kind == "series" for c in cases), treatments=len(treatment_rows))


def stored_items(db: sqlite_utils.Database) -> list[Row]:
    sql = """
        SELECT i.id, i.meeting_id, i.number, i.title, i.case_number, d.kind,
               coalesce(i.date, m.date) AS date, m.committee, dec.text AS decision, dec.outcome
        FROM items i
          JOIN documents d ON d.sha256 = i.document_sha256
          LEFT JOIN meetings m ON m.id = i.meeting_id
          LEFT JOIN decisions dec ON dec.item_id = i.id
        WHERE d.kind IN ('agenda', 'minutes')
        ORDER BY i.id"""
    cursor = db.conn.execute(sql)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def stored_history(db: sqlite_utils.Database) -> dict[str, list[Treatment]]:
    """Item id -> the earlier treatments its "Sagsforløb" lists."""
    found: dict[str, list[Treatment]] = {}
    for item_id, date, committee, number in db.conn.execute(
            "SELECT item_id, date, committee, number FROM item_history ORDER BY item_id, position"):
        found.setdefault(item_id, []).append(Treatment(date=date, committee=committee, number=number,
                                                       source="sagsforløb"))
    return found


def case_key(case_number: str) -> str:
    return re.sub(r"\s+", "", case_number).upper()


def item_treatments(rows: list[Row]) -> list[Treatment]:
    """One treatment per meeting and item number: the minutes (with the decision) win."""
    by_meeting: dict[tuple[str, int], Treatment] = {}
    for row in sorted(rows, key=lambda r: r["kind"] != "minutes"):
        key = (row["meeting_id"] or row["id"], row["number"])
        if key in by_meeting:
            continue
        by_meeting[key] = Treatment(
            date=row["date"], committee=row["committee"], number=row["number"],
            meeting_id=row["meeting_id"], item_id=row["id"], title=row["title"],
            decision=row["decision"], outcome=row["outcome"], source=row["kind"])
    return list(by_meeting.values())


def cases_by_number(items: list[Row], history: dict[str, list[Treatment]]) -> list[Case]:
    groups: dict[str, list[Row]] = {}
    for row in items:
        if row["case_number"]:
            groups.setdefault(case_key(row["case_number"]), []).append(row)
    cases: list[Case] = []
    for key, rows in sorted(groups.items()):
        treatments = item_treatments(rows)
        known = {(t.date, t.number) for t in treatments} | {(t.date, None) for t in treatments}
        for row in rows:
            for earlier in history.get(row["id"], []):
                if (earlier.date, earlier.number) not in known:
                    known |= {(earlier.date, earlier.number), (earlier.date, None)}
                    treatments.append(earlier)
        cases.append(Case(id=f"sag-{slugify(key)}", kind="case_number",
                          case_number=rows[0]["case_number"], treatments=treatments))
    return cases


def title_key(title: str) -> str:
    """A title without years, numbers and punctuation: what stays the same year after year."""
    text = YEARS_AND_NUMBERS.sub(" ", title.lower())
    return re.sub(r"[^\wæøå]+", " ", text).strip()


def series_of_titles(items: list[Row]) -> list[Case]:
    """Items without a case number, grouped by closely matching titles over several years."""
    clusters: list[tuple[str, list[Row]]] = []
    for row in items:
        title = (row["title"] or "").strip()
        if row["case_number"] or not title or STANDING_ITEM.match(title) or not row["date"]:
            continue
        key = title_key(title)
        if not key:
            continue
        for cluster_key, members in clusters:
            if SequenceMatcher(None, key, cluster_key, autojunk=False).ratio() >= SERIES_SIMILARITY:
                members.append(row)
                break
        else:
            clusters.append((key, [row]))
    cases: list[Case] = []
    for key, rows in clusters:
        if len({row["date"][:4] for row in rows}) >= MIN_SERIES_YEARS:
            cases.append(Case(id=f"serie-{slugify(key)}", kind="series", case_number=None,
                              treatments=item_treatments(rows)))
    return cases


def case_rows(cases: list[Case]) -> tuple[list[Row], list[Row]]:
    rows: list[Row] = []
    treatment_rows: list[Row] = []
    for case in cases:
        timeline = sorted(case.treatments, key=lambda t: (t.date or "9999", t.number or 0))
        titled = [t.title for t in timeline if t.title]
        dates = [t.date for t in timeline if t.date]
        committees = sorted({t.committee for t in timeline if t.committee})
        rows.append({"id": case.id, "kind": case.kind, "case_number": case.case_number,
                     "title": titled[-1] if titled else None,
                     "first_date": min(dates) if dates else None,
                     "last_date": max(dates) if dates else None,
                     "treatments": len(timeline), "committees": "; ".join(committees) or None})
        treatment_rows.extend(
            {"case_id": case.id, "position": pos, "date": t.date, "committee": t.committee,
             "meeting_id": t.meeting_id, "number": t.number, "item_id": t.item_id,
             "title": t.title, "decision": t.decision, "outcome": t.outcome, "source": t.source}
            for pos, t in enumerate(timeline, 1))
    return rows, treatment_rows

