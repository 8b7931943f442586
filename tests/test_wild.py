"""Extraction on the wild corpus: 98 documents of other municipalities' agenda systems, typeset
in six looks (corpus/wild), scored against gold written by annotators who write no rules.

The dev part is what the rules were written against; the sealed part (corpus/wild
SEALED_MUNICIPALITIES) is scored, never read while writing rules. Both are held to the bars
of issue 12. Where the sealed part is below a bar, `SEALED_FLOORS` keeps today's level so
that it can only get better, and says so: those bars are not met yet.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dagsorden.corpus.wild import score_wild, wild_documents
from dagsorden.extractor.pipeline import extract_document

pytestmark = pytest.mark.slow

# Issue 12's bars, for both parts.
TARGETS = {
    "items": 0.95,
    "recommendations": 0.90,
    "decisions": 0.90,
    "attachments": 0.90,
    "meeting.date": 0.95,
    "meeting.committee": 0.95,
    "participants": 0.85,
    "items.case_number": 0.90,
    "entities.ORG": 0.80,
    "entities.LOC": 0.80,
}
# Sealed fields below their target today (all looks together): the level they must not fall
# under. Not met: attachments (lists the rules do not yet tie to their items), ORG and LOC
# (names outside the gazetteers). Decisions meet their bar since decisions printed in bold
# are read as text.
SEALED_FLOORS = {
    "attachments": 0.40,
    "entities.ORG": 0.75,
    "entities.LOC": 0.75,
}


@pytest.fixture(scope="module")
def wild_scores(wild_dir: Path) -> dict[str, dict[str, float]]:
    """F1 per part and field over every look: each document extracted once per look."""
    looks = sorted(p for p in wild_dir.iterdir() if p.is_dir() and any(p.glob("*.pdf")))
    scores: dict[str, dict[str, float]] = {}
    counted: dict[str, dict[str, list[float]]] = {}
    for look in looks:
        predictions = {doc.stem: json.loads(extract_document(look / f"{doc.stem}.pdf", ocr="never")
                                            .model_dump_json(exclude={"pages"}))
                       for doc in wild_documents()}
        for part, fields in score_wild(predictions).items():
            for field, f1 in fields.items():
                counted.setdefault(part, {}).setdefault(field, []).append(f1)
    for part, fields in counted.items():
        scores[part] = {field: sum(values) / len(values) for field, values in fields.items()}
    return scores


@pytest.mark.parametrize("field", sorted(TARGETS))
def test_dev_part_meets_the_bars(wild_scores: dict[str, dict[str, float]], field: str) -> None:
    assert wild_scores["dev"][field] >= TARGETS[field], (field, round(wild_scores["dev"][field], 3))


@pytest.mark.parametrize("field", sorted(TARGETS))
def test_sealed_part_meets_the_bars_or_holds_its_level(wild_scores: dict[str, dict[str, float]],
                                                       field: str) -> None:
    bar = SEALED_FLOORS.get(field, TARGETS[field])
    assert wild_scores["sealed"][field] >= bar, (field, round(wild_scores["sealed"][field], 3))
