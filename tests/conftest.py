"""Shared fixtures: the corpus built once per checkout (cached under build/), extracted once per
test run, and one archive of it; real PDFs made in tests (pdfmaker.py)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dagsorden.models import Extraction

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "realworld"
CORPUS_CACHE = ROOT / "build" / "test-corpus"
EXPORT_CACHE = ROOT / "build" / "test-corpus-export"
WILD_CACHE = ROOT / "build" / "test-wild"
GOLD = ROOT / "corpus" / "gold"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes more than a few seconds (make test-fast leaves it out)")
    config.addinivalue_line("markers", "browser: drives Chromium (make test-fast leaves it out)")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """Every look of the bundled corpus, rendered once; the builder skips up-to-date PDFs."""
    from dagsorden.corpus.build import build_corpus

    build_corpus(CORPUS_CACHE)
    return CORPUS_CACHE


def looks(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.iterdir() if p.is_dir() and any(p.glob("*.pdf")))


@pytest.fixture(scope="session")
def export_corpus_predictions() -> dict[tuple[str, str], dict]:
    """(look, stem) -> the contract JSON of the bundled corpus rendered in the export looks
    (browser print, text-only, eDoc Word): other renderings of the same agendas."""
    from dagsorden.corpus.build import render_cached, sources
    from dagsorden.corpus.looks import EXPORT_LOOKS
    from dagsorden.extractor.pipeline import extract_document

    pdfs = render_cached(EXPORT_CACHE, list(EXPORT_LOOKS), EXPORT_LOOKS, [(s, s.stat().st_mtime) for s in sources()])
    return {(pdf.parent.name, pdf.stem): json.loads(extract_document(pdf).model_dump_json(exclude={"pages"}))
            for pdf in pdfs}


@pytest.fixture(scope="session")
def corpus_extractions(corpus_dir: Path) -> dict[tuple[str, str], Extraction]:
    """(look, stem) -> the extraction of that PDF, made once for every module that needs it."""
    from dagsorden.extractor.pipeline import extract_document

    return {(look.name, pdf.stem): extract_document(pdf)
            for look in looks(corpus_dir) for pdf in sorted(look.glob("*.pdf"))}


@pytest.fixture(scope="session")
def corpus_predictions(corpus_extractions: dict[tuple[str, str], Extraction]) -> dict[tuple[str, str], dict]:
    """The extractions as the scorer reads them (the contract's JSON)."""
    return {key: json.loads(e.model_dump_json(exclude={"pages"})) for key, e in corpus_extractions.items()}


@pytest.fixture(scope="session")
def classic_archive(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The classic look imported once with `dagsorden ingest`, as `make demo` does; tests that
    write copy it first (`archive_copy`)."""
    from click.testing import CliRunner

    from dagsorden.cli import cli

    db_path = tmp_path_factory.mktemp("classic") / "arkiv.db"
    result = CliRunner().invoke(cli, ["ingest", str(corpus_dir / "classic"), "--db", str(db_path), "--silent"])
    assert result.exit_code == 0, result.output
    return db_path


@pytest.fixture(scope="session")
def classic_site(classic_archive: Path):
    """The site on the classic archive as `dagsorden serve` runs it, for tests that only read."""
    from siteclient import make_site

    return make_site(classic_archive)


@pytest.fixture
def archive_copy(classic_archive: Path, tmp_path: Path) -> Path:
    """A private copy of the classic archive, for a test that writes to it."""
    target = tmp_path / classic_archive.name
    shutil.copy2(classic_archive, target)
    return target


@pytest.fixture(scope="session")
def wild_dir() -> Path:
    """Every look of the wild corpus (corpus/wild), rendered once; up-to-date PDFs are kept."""
    from dagsorden.corpus.wild import build_wild

    build_wild(WILD_CACHE)
    return WILD_CACHE


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


@pytest.fixture
def realworld() -> Path:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld is not present")
    return REALWORLD
