"""extractor/batch/workers.py: a worker's start (loading the language pipeline) is no document's time."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from dagsorden.extractor.batch.workers import Failure, Limits, WorkerPool

WARM_UP_S = 2.0
TIME_LIMIT_S = 1.0


_warm = False  # per process, as the language pipeline is built once per worker


class SlowToStart:
    """Work that loads something slow once per process (as the pipeline does) and is quick per
    document; loaded at the first document where the worker did not warm up before."""

    def warm_up(self) -> None:
        global _warm
        if not _warm:
            time.sleep(WARM_UP_S)
            _warm = True

    def __call__(self, path: Path) -> str:
        self.warm_up()
        return path.name


class SlowDocument(SlowToStart):
    def __call__(self, path: Path) -> str:
        self.warm_up()
        time.sleep(30)
        return path.name


@pytest.mark.parametrize("start", ["fork", "exec"])
def test_a_workers_start_is_not_counted_in_a_documents_time_limit(tmp_path: Path, start: str) -> None:
    paths = [tmp_path / f"{n}.pdf" for n in range(3)]
    pool = WorkerPool(SlowToStart(), 2, Limits(timeout_s=TIME_LIMIT_S), start=start)
    results = dict(pool.run(paths))
    assert results == {path: path.name for path in paths}


def test_a_document_over_its_time_limit_still_stops_after_a_slow_start(tmp_path: Path) -> None:
    pool = WorkerPool(SlowDocument(), 1, Limits(timeout_s=TIME_LIMIT_S))
    ((_, result),) = list(pool.run([tmp_path / "slow.pdf"]))
    assert isinstance(result, Failure) and result.code == "E301"
