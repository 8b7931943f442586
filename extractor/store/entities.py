"""Which archive entity each mention of a document names: the one decision of the store that
needs the archive itself.

Why identity is decided here: only the archive knows the entities of earlier documents.
An organisation or place is its label and canonical name. A person is the exact
normalised name; a spelling variant ("Henrik René Christensen" / "Henrik Rene
Christensen") joins an existing person only where the organisation agrees, so two
different people who share a name up to accents stay apart unless the evidence links them.
"""
from __future__ import annotations

from typing import Any

import sqlite_utils

from dagsorden.extractor.danish.names import fold_name
from dagsorden.extractor.store.ids import slugify
from dagsorden.models import Entity, Extraction

Row = dict[str, Any]
LABEL_PREFIX = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc"}


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
    base = f"per:{slugify(name) or 'x'}"
    candidate, n = base, 1
    while candidate in new or db.conn.execute("SELECT 1 FROM entities WHERE id = ?", [candidate]).fetchone():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def resolve_entities(db: sqlite_utils.Database, extraction: Extraction) -> tuple[list[str], list[Row]]:
    """The entity id of every mention, in order, and rows for the entities new to the archive."""
    new: dict[str, Row] = {}
    ids: list[str] = []
    for e in extraction.entities:
        name = entity_name(e)
        if e.label == "PER":
            eid = resolve_person(db, name, e.organization, new)
        else:
            eid = f"{LABEL_PREFIX[e.label]}:{slugify(name) or 'x'}"
        if eid not in new:
            new[eid] = {"id": eid, "name": name, "label": e.label, "kind": e.kind,
                        "organization": e.organization, "folded": fold_name(name)}
        ids.append(eid)
    return ids, list(new.values())
