"""Entity mentions of one Extraction -> rows of `entities` (one per distinct entity across the
archive) and `mentions` (one per place it is named).

Why identity is decided here: only the archive knows the entities of earlier documents.
An organisation or place is its label and canonical name. A person is the exact
normalised name; a spelling variant ("Henrik René Christensen" / "Henrik Rene
Christensen") joins an existing person only where the organisation agrees, so two
different people who share a name up to accents stay apart unless the evidence links them.
"""
from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from dagsorden.extractor.danish.names import fold_name
from dagsorden.models import Entity, Extraction

Row = dict[str, Any]
LABEL_PREFIX = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc"}


def slug(text: str) -> str:
    from dagsorden.extractor.store.write import slugify  # late: store imports this module

    return slugify(text) or "x"


def entity_name(entity: Entity) -> str:
    return " ".join((entity.canonical or entity.text).split())


def resolve_person(db: sqlite_utils.Database, name: str, organization: str | None,
                   new: dict[str, Row]) -> str:
    """The id of this person: same exact name, else same folded name and organisation."""
    folded = fold_name(name)
    for row in new.values():
        if row["label"] == "PER" and (row["name"] == name or (
                row["folded"] == folded and organization and row["organization"] == organization)):
            return row["id"]
    found = db.conn.execute(
        "SELECT id FROM entities WHERE label = 'PER' AND (name = ? OR (folded = ? AND organization = ?))"
        " ORDER BY name = ? DESC LIMIT 1", [name, folded, organization, name]).fetchone()
    if found:
        return found[0]
    base = f"per:{slug(name)}"
    candidate, n = base, 1
    while candidate in new or db.conn.execute("SELECT 1 FROM entities WHERE id = ?", [candidate]).fetchone():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def entity_rows(db: sqlite_utils.Database, extraction: Extraction, by_number: dict[int | None, str],
                mid: str | None) -> tuple[list[Row], list[Row]]:
    """Rows for `entities` (new ones only; existing ids are kept) and `mentions`."""
    date = extraction.meeting.date
    year = int(date[:4]) if date and date[:4].isdigit() else None
    new: dict[str, Row] = {}
    mentions: list[Row] = []
    for pos, e in enumerate(extraction.entities, 1):
        name = entity_name(e)
        if e.label == "PER":
            eid = resolve_person(db, name, e.organization, new)
        else:
            eid = f"{LABEL_PREFIX[e.label]}:{slug(name)}"
        if eid not in new:
            new[eid] = {"id": eid, "name": name, "label": e.label, "kind": e.kind,
                        "organization": e.organization, "folded": fold_name(name)}
        mentions.append({
            "document_sha256": extraction.document.sha256, "position": pos, "entity_id": eid,
            "text": e.text, "name": new[eid]["name"], "label": e.label, "kind": e.kind,
            "organization": e.organization, "role": e.role, "sentence": e.sentence,
            "meeting_id": mid, "year": year, "item": e.item, "item_id": by_number.get(e.item),
            "page": e.page, "bbox": _bbox(e.bbox),
        })
    return list(new.values()), mentions


def _bbox(bbox: tuple[float, float, float, float] | None) -> str | None:
    return json.dumps([round(v, 1) for v in bbox]) if bbox else None
