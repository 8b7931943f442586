"""Shared fixtures: the corpus built once per checkout (cached under build/), real PDFs made in tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "realworld"
CORPUS_CACHE = ROOT / "build" / "test-corpus"
GOLD = ROOT / "corpus" / "gold"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """Every look of the bundled corpus, rendered once; the builder skips up-to-date PDFs."""
    from dagsorden.corpus.build import build_corpus

    build_corpus(CORPUS_CACHE)
    return CORPUS_CACHE


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


@pytest.fixture
def realworld() -> Path:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld is not present")
    return REALWORLD

