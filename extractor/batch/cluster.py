"""Extraction on a Dask cluster: the same documents, limits and failures as local workers.

Why Dask's distributed scheduler and not a home-made one: it already places tasks on
workers, restarts dead workers (the nanny), reschedules the tasks of a worker that died,
and marks a task that kills `allowed-failures` + 1 workers as failed (`KilledWorker`).
What it lacks is a time limit per task and a memory limit per document, so each Dask
worker thread runs its documents in a sandbox: one long-lived child process of our own
`WorkerPool` (started as a fresh interpreter, since a Dask worker is a daemonic, threaded
process that may not fork). A runaway document then costs an E301/E302 in its sandbox,
exactly as with local workers, and the Dask worker lives on.

Only extraction runs on the cluster. Results stream back as they complete (`as_completed`)
and this process stores each one in its own transaction, as with local workers. At most
`WINDOW_PER_THREAD` documents per worker thread are in flight, so neither this process nor
the scheduler holds a ten-year archive's bytes at once.
"""
from __future__ import annotations

import importlib.metadata
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from uuid import uuid4

from dagsorden.extractor.batch.workers import Failure, Limits, WorkerPool, failure_of
from dagsorden.extractor.errors import ClusterError, DocumentLoadError, WorkerDied, one_line

T = TypeVar("T")

LOCAL_PREFIX = "local:"
# Documents in flight per worker thread: one running, one waiting, so no thread idles
# while a result travels back.
WINDOW_PER_THREAD = 2
# Seconds to reach the scheduler before giving up with E304.
CONNECT_TIMEOUT_S = 10
# A LocalCluster's workers stop this long after losing their scheduler (a killed import).
LOCAL_DEATH_TIMEOUT_S = 10

__all__ = ["ClusterSpec", "parse_cluster", "run_on_cluster"]


@dataclass(frozen=True)
class ClusterSpec:
    """Where extraction runs: an existing scheduler's address, or N local worker processes."""

    address: str | None = None
    local_workers: int = 0

    def describe(self) -> str:
        return self.address or f"{LOCAL_PREFIX}{self.local_workers}"


def parse_cluster(value: str) -> ClusterSpec:
    """`tcp://host:8786` (any scheme Dask knows) or `local:N`; ValueError says which forms exist."""
    if value.startswith(LOCAL_PREFIX):
        count = value[len(LOCAL_PREFIX):]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"{value!r}: give the number of local workers, e.g. local:2")
        return ClusterSpec(local_workers=int(count))
    if "://" not in value or not value.split("://", 1)[1]:
        raise ValueError(f"{value!r}: give a scheduler address such as tcp://scheduler:8786, or local:N")
    return ClusterSpec(address=value)


def run_on_cluster(work: Callable[[Path], T], paths: list[Path], cluster: ClusterSpec, *,
                   limits: Limits, shared_path: bool = False,
                   on_workers: Callable[[int], None] | None = None) -> Iterator[tuple[Path, T | Failure]]:
    """Yield (path, result or Failure) as the cluster finishes them, in any order.

    Files go to the workers as bytes, or, with `shared_path`, as this machine's absolute
    path (the workers must see the same files there). Raises ClusterError (E304) when the
    cluster cannot be reached or its workers cannot run dagsorden.
    """
    if not paths:
        return
    distributed = _import_distributed()
    batch = uuid4().hex  # a new batch gets fresh sandboxes (settings and limits may differ)
    with _client(distributed, cluster) as client:
        check_workers(client, paths[0] if shared_path else None)
        if on_workers:
            on_workers(_threads(client))
        queue = list(reversed(paths))  # pop() from the end keeps the caller's order
        running: dict[Any, Path] = {}
        done = distributed.as_completed()

        def top_up() -> Iterator[tuple[Path, Failure]]:
            window = WINDOW_PER_THREAD * max(1, _threads(client))
            while queue and len(running) < window:
                path = queue.pop()
                try:
                    source: bytes | str = str(path.resolve()) if shared_path else path.read_bytes()
                except OSError as error:  # gone or unreadable since it was hashed
                    yield path, Failure("open", DocumentLoadError.code, one_line(error))
                    continue
                future = client.submit(extract_on_worker, path.name, source, work, limits, batch,
                                       key=f"dagsorden-extract-{uuid4().hex}", pure=False)
                running[future] = path
                done.add(future)

        yield from top_up()
        for future in done:
            path = running.pop(future)
            outcome = _outcome(future, path)
            future.release()
            yield from top_up()
            yield path, outcome
        if cluster.address:  # a LocalCluster's workers stop with it
            _close_sandboxes(client)


def extract_on_worker(name: str, source: bytes | str, work: Callable[[Path], T], limits: Limits,
                      batch: str) -> T | Failure:
    """The task on a Dask worker: the document in this thread's sandbox, under the limits.

    Bytes are written to a private folder under the file's own name, so the extraction
    (file name, OCR of its pages) is the same as from the original path.
    """
    sandbox = _sandbox(work, limits, batch)
    if isinstance(source, str):
        return sandbox.run_one(Path(source))
    with tempfile.TemporaryDirectory(prefix="dagsorden-") as folder:
        path = Path(folder) / name
        path.write_bytes(source)
        return sandbox.run_one(path)


def check_workers(client: Any, probe: Path | None) -> None:
    """Before anything is sent: every worker runs this dagsorden version and, with
    --shared-path, sees the first file at its path with the same size."""
    version = _version()
    size = probe.stat().st_size if probe else None
    try:
        answers = client.run(worker_report, str(probe.resolve()) if probe else None)
    except Exception as error:  # e.g. ModuleNotFoundError: dagsorden is not on the worker
        raise ClusterError(f"a Dask worker cannot run dagsorden ({one_line(error)}); install "
                           "dagsorden[cluster] of the same version on every worker") from error
    if not answers:
        raise ClusterError("the Dask cluster has no workers; start some with `dask worker ADDRESS`")
    for worker, (their_version, their_size) in sorted(answers.items()):
        if their_version != version:
            raise ClusterError(f"worker {worker} runs dagsorden {their_version}, this is {version}; "
                               "install the same version everywhere (extractions would differ)")
        if probe is not None and their_size != size:
            raise ClusterError(f"worker {worker} does not see {probe} (size {their_size}, here {size}); "
                               "drop --shared-path to send the files as bytes")


def worker_report(probe: str | None) -> tuple[str, int | None]:
    """On a worker: its dagsorden version, and the size of the probe file where it sees one."""
    try:
        size = os.stat(probe).st_size if probe else None
    except OSError:
        size = None
    return _version(), size


# -- the sandboxes of a Dask worker process: one per thread that runs our tasks -----------

_SANDBOXES: dict[int, tuple[str, WorkerPool[Any]]] = {}
_SANDBOXES_LOCK = threading.Lock()


def _sandbox(work: Callable[[Path], T], limits: Limits, batch: str) -> WorkerPool[T]:
    thread = threading.get_ident()
    with _SANDBOXES_LOCK:
        kept = _SANDBOXES.get(thread)
        if kept and kept[0] == batch:
            return kept[1]
        pool: WorkerPool[T] = WorkerPool(work, 1, limits, start="exec")
        _SANDBOXES[thread] = (batch, pool)
    if kept:
        kept[1].close()
    return pool


def close_sandboxes() -> int:
    """On a worker, after a batch: stop its idle sandbox processes (they hold the pipeline)."""
    with _SANDBOXES_LOCK:
        pools = [pool for _, pool in _SANDBOXES.values()]
        _SANDBOXES.clear()
    for pool in pools:
        pool.close()
    return len(pools)


# -- the client side ---------------------------------------------------------------------


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise ClusterError("--cluster needs Dask: pip install 'dagsorden[cluster]'") from error
    return distributed


class _client:
    """A Client of the given scheduler, or of a LocalCluster made for this batch and
    closed with it. A LocalCluster's workers are processes with one thread each."""

    def __init__(self, distributed: Any, cluster: ClusterSpec) -> None:
        self.distributed, self.spec = distributed, cluster
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> Any:
        try:
            if self.spec.address:
                self.client = self.distributed.Client(self.spec.address, timeout=CONNECT_TIMEOUT_S)
            else:
                import dask

                # No statistical profiler (it samples every worker thread every 10 ms, for a
                # dashboard a local import does not start): idle cost 1.57 -> 1.21 CPU s per 20 s.
                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    self.cluster = self.distributed.LocalCluster(
                        n_workers=self.spec.local_workers, threads_per_worker=1, processes=True,
                        dashboard_address=None, death_timeout=LOCAL_DEATH_TIMEOUT_S,
                        silence_logs=40,  # logging.ERROR: worker chatter stays off the progress bar
                    )
                self.client = self.distributed.Client(self.cluster)
        except (OSError, TimeoutError) as error:
            self.__exit__()
            raise ClusterError(f"cannot reach the Dask scheduler at {self.spec.describe()}: "
                               f"{one_line(error)}") from error
        return self.client

    def __exit__(self, *exc_info: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _threads(client: Any) -> int:
    return sum(client.nthreads().values())


def _outcome(future: Any, path: Path) -> Any:
    """A finished future -> the extraction or Failure it carries; a worker that died with
    the document too often -> E303; a cancelled one means the cluster is gone -> E304."""
    if future.status == "finished":
        return future.result()
    if future.cancelled():
        raise ClusterError(f"the Dask cluster cancelled the work on {path.name} (scheduler lost?); "
                           "what was stored is kept: run the same command again to finish")
    error = future.exception()
    if type(error).__name__ == "KilledWorker":
        return Failure("extract", WorkerDied.code,
                       f"every Dask worker that ran this file died ({getattr(error, 'allowed_failures', '?')} "
                       "retries); likely a crash in the PDF library or memory exhausted on the worker")
    return failure_of(error)


def _close_sandboxes(client: Any) -> None:
    try:
        client.run(close_sandboxes)
    except Exception:  # best effort: the cluster may be gone already
        pass


def _version() -> str:
    try:
        return importlib.metadata.version("dagsorden")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
