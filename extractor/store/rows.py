"""Extraction -> table rows: one function per table, each a plain mapping of model fields to
columns (the schema is store/schema.py). Nothing here reads the archive or derives a fact:
the ids are given, and every fact arrives from extraction with its item and page.
"""
from __future__ import annotations

import json
from typing import Any

from dagsorden.models import BBox, Extraction, Item

Row = dict[str, Any]


def bbox_json(bbox: BBox | None) -> str | None:
    return json.dumps(list(bbox)) if bbox else None


def year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def document_row(extraction: Extraction, mid: str | None, path: str | None, when: str,
                 path_bytes: bytes | None = None) -> Row:
    doc = extraction.document
    return {
        "sha256": doc.sha256, "filename": doc.filename, "path": path, "path_bytes": path_bytes,
        "pages": doc.pages,
        "kind": doc.kind, "producer": doc.producer, "ocr_pages": json.dumps(doc.ocr_pages),
        "needs_ocr_pages": json.dumps(doc.needs_ocr_pages),
        "title": doc.title, "meeting_id": mid, "imported_at": when,
    }


def meeting_row(mid: str, extraction: Extraction) -> Row:
    m = extraction.meeting
    title = ", ".join(part for part in (m.committee, m.date) if part) or mid
    return {"id": mid, "title": title, "committee": m.committee, "date": m.date,
            "start_time": m.start_time, "end_time": m.end_time, "location": m.location,
            "year": year_of(m.date)}


def item_row(extraction: Extraction, item: Item, iid: str, mid: str | None) -> Row:
    date = extraction.meeting.date
    return {
        "id": iid, "document_sha256": extraction.document.sha256, "meeting_id": mid,
        "date": date, "number": item.number, "title": item.title,
        "case_number": item.case_number, "closed": int(item.closed), "section": item.section,
        "page_start": item.page_start, "page_end": item.page_end, "decision": item.decision,
        "sections_json": json.dumps(item.sections, ensure_ascii=False),
        "sort_key": f"{date or '0000-00-00'} {mid or extraction.document.sha256[:12]} "
                    f"{item.number:04d} {iid}",
    }


def item_part_rows(extraction: Extraction, ids: list[str]) -> dict[str, list[Row]]:
    """Rows of the tables that list parts of an item: sections, recommendations, attachments
    and the case history."""
    items = list(zip(extraction.items, ids))
    return {
        "item_sections": [{"item_id": iid, "position": pos, "heading": heading, "text": text}
                          for item, iid in items for pos, (heading, text) in enumerate(item.sections.items(), 1)],
        "recommendations": [{"item_id": iid, "position": pos, "text": text,
                             "page": item.recommendation_pages[pos - 1] if pos <= len(item.recommendation_pages)
                             else None}
                            for item, iid in items for pos, text in enumerate(item.recommendations, 1)],
        "attachments": [{"item_id": iid, "position": pos, "title": a.title, "page": a.page}
                        for item, iid in items for pos, a in enumerate(item.attachments, 1)],
        "item_history": [{"item_id": iid, "position": pos, "date": h.date, "committee": h.committee,
                          "number": h.number, "text": h.text}
                         for item, iid in items for pos, h in enumerate(item.history, 1)],
    }


def decision_rows(extraction: Extraction, mid: str | None, ids: list[str]) -> dict[str, list[Row]]:
    """One row per item with a decision (minutes), and one per dissent in it."""
    meeting, sha = extraction.meeting, extraction.document.sha256
    decided = [(item, iid) for item, iid in zip(extraction.items, ids) if item.decision]
    return {
        "decisions": [
            {"item_id": iid, "document_sha256": sha, "meeting_id": mid,
             "committee": meeting.committee, "date": meeting.date, "year": year_of(meeting.date),
             "number": item.number, "title": item.title, "case_number": item.case_number,
             "recommendations": "\n".join(item.recommendations) or None, "text": item.decision,
             "outcome": item.outcome, "outcome_stated": None if item.outcome_stated is None
             else int(item.outcome_stated), "departs": int(item.departs), "dissents": len(item.dissents),
             "page": item.decision_page, "not_taking_part": item.not_taking_part}
            for item, iid in decided],
        "dissents": [
            {"item_id": iid, "position": pos, "document_sha256": sha, "meeting_id": mid, "who": d.who,
             "kind": d.kind, "points": json.dumps(d.points), "text": d.text, "page": item.decision_page}
            for item, iid in decided for pos, d in enumerate(item.dissents, 1)],
    }


def participant_rows(extraction: Extraction, mid: str | None, by_number: dict[int | None, str]) -> list[Row]:
    groups = (("present", extraction.participants), ("absent", extraction.absent),
              ("guest", extraction.guests))
    return [
        {"document_sha256": extraction.document.sha256, "attendance": attendance,
         "position": pos, "meeting_id": mid, "name": p.name, "organization": p.organization,
         "role": p.role, "item": p.item, "item_id": by_number.get(p.item), "page": p.page}
        for attendance, people in groups for pos, p in enumerate(people, 1)
    ]


def fact_rows(extraction: Extraction, by_number: dict[int | None, str]) -> dict[str, list[Row]]:
    """Appendices, amounts, tariffs, tables and their cells: rows tied to an item and a page."""
    sha = extraction.document.sha256

    def base(pos: int, item: int | None) -> Row:
        return {"document_sha256": sha, "position": pos, "item": item, "item_id": by_number.get(item)}

    return {
        "appendices": [
            {**base(pos, a.item), "title": a.title, "page_start": a.page_start, "page_end": a.page_end}
            for pos, a in enumerate(extraction.appendices, 1)],
        "amounts": [
            {**base(pos, a.item), "page": a.page, "bbox": bbox_json(a.bbox), "value_dkk": a.value_dkk,
             "text": a.text, "approx": int(a.approx), "context": a.context, "sign": a.sign,
             "unit": a.unit, "year": a.year, "table_position": None if a.table is None else a.table + 1}
            for pos, a in enumerate(extraction.amounts, 1)],
        "tariffs": [
            {**base(pos, t.item), "page": t.page, "bbox": bbox_json(t.bbox), "label": t.label,
             "year": t.year, "value_dkk": t.value_dkk, "unit": t.unit, "offer": t.offer,
             "column_header": t.column, "context": t.context}
            for pos, t in enumerate(extraction.tariffs, 1)],
        "tables": [
            {**base(pos, t.item), "page": t.page, "bbox": bbox_json(t.bbox),
             "rows": json.dumps(t.rows, ensure_ascii=False), "n_rows": len(t.rows),
             "n_cols": max((len(r) for r in t.rows), default=0), "header_rows": t.header_rows,
             "page_end": t.page_end, "strategy": t.strategy}
            for pos, t in enumerate(extraction.tables, 1)],
        "table_cells": [
            {"document_sha256": sha, "table_position": pos, "row": c.row, "col": c.col, "text": c.text,
             "value": c.value, "page": c.page, "bbox": bbox_json(c.bbox)}
            for pos, t in enumerate(extraction.tables, 1) for c in t.cells],
    }


def mention_rows(extraction: Extraction, entity_ids: list[str], names: dict[str, str], mid: str | None,
                 by_number: dict[int | None, str]) -> list[Row]:
    """One row per entity mention, with the archive entity it names (`entity_ids`, in order)."""
    year = year_of(extraction.meeting.date)
    return [
        {"document_sha256": extraction.document.sha256, "position": pos, "entity_id": eid,
         "text": e.text, "name": names[eid], "label": e.label, "kind": e.kind,
         "organization": e.organization, "role": e.role, "sentence": e.sentence,
         "meeting_id": mid, "year": year, "item": e.item, "item_id": by_number.get(e.item),
         "page": e.page, "bbox": bbox_json(e.bbox)}
        for pos, (e, eid) in enumerate(zip(extraction.entities, entity_ids), 1)
    ]


def page_rows(extraction: Extraction) -> list[Row]:
    sha = extraction.document.sha256
    return [{"document_sha256": sha, "number": p.number, "text": p.text, "header": p.header,
             "footer": p.footer, "has_text_layer": int(p.has_text_layer)}
            for p in extraction.pages]
