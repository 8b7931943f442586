"""The issue's bar, measured with the scorer on every look the corpus builder makes."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.evaluate import evaluate

THRESHOLDS = {
    "items": 0.95,
    "meeting.date": 1.0,
    "meeting.committee": 0.9,
    "recommendations": 0.85,
    "attachments": 0.80,
    "participants": 0.85,
    "items.case_number": 0.9,
}


@pytest.fixture(scope="module")
def scores(corpus_dir: Path) -> dict[str, dict[str, float]]:
    return evaluate(corpus_dir)


def test_builder_makes_several_looks(scores: dict[str, dict[str, float]]) -> None:
    assert len(scores) >= 2


@pytest.mark.parametrize("field,threshold", sorted(THRESHOLDS.items()))
def test_field_meets_bar_on_every_look(scores: dict[str, dict[str, float]], field: str, threshold: float) -> None:
    below = {look: fields.get(field, 0.0) for look, fields in scores.items() if fields.get(field, 0.0) < threshold}
    assert not below, f"{field} F1 below {threshold}: {below}"
