"""Extraction in worker processes, with a time and memory limit per document.

Why processes and not threads: pdfminer and PDFium are not thread-safe, and only a
process can be killed when one pathological PDF runs away (a parse that never ends, a
page that eats all memory). Why our own small pool and not ProcessPoolExecutor: the
executor cannot kill one hung task; here a worker over its time limit is killed and
replaced, and the document gets an E301 failure while the batch goes on.

Workers are forked from a parent that has already imported the pipeline, so starting
or replacing one costs milliseconds, not a second of imports; each then loads what every
document needs (the language pipeline, `work.warm_up`) and says it is Ready before it is given a
document, so no document's time limit pays for a worker's start. A worker is recycled
after `max_tasks` documents so that memory the allocator never hands back cannot pile up.
Where forking is not possible (a Dask worker is a daemonic, threaded process), workers
start as fresh interpreters instead (`start="exec"`; extractor/batch/cluster.py).
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar

from dagsorden.extractor.errors import (
    DagsordenError,
    DocumentTimeout,
    DocumentTooLarge,
    ExtractionFailed,
    WorkerDied,
    one_line,
)

# Defaults for `dagsorden ingest`; a 500-page agenda takes about a minute on one core.
DEFAULT_TIMEOUT_S = 300.0
DEFAULT_MEMORY_MB = 3000
DEFAULT_MAX_TASKS = 50

T = TypeVar("T")

# Exit codes of a worker that ran out of memory: SIGABRT (CPython's fatal error), SIGSEGV,
# SIGBUS (a failed allocation in C), SIGKILL (the kernel's OOM killer).
# How long a new worker may take to start and load the pipeline before it is given work anyway
# (its first document then reports whatever went wrong).
STARTUP_TIMEOUT_S = 300.0
MEMORY_DEATHS = {-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS, -signal.SIGKILL}


@dataclass(frozen=True)
class Limits:
    """Per-document limits, applied in each worker."""

    timeout_s: float | None = DEFAULT_TIMEOUT_S
    memory_mb: int | None = DEFAULT_MEMORY_MB
    max_tasks: int = DEFAULT_MAX_TASKS


@dataclass(frozen=True)
class Failure:
    """A document that could not be extracted: what `ingest` writes to the failures table."""

    stage: str
    code: str
    reason: str


def failure_of(error: BaseException) -> Failure:
    """Any exception from a stage -> a one-line, coded failure (bugs are E200)."""
    if isinstance(error, DagsordenError):
        return Failure(error.stage, error.code, one_line(error.args[0] if error.args else error))
    if isinstance(error, MemoryError):
        return Failure("extract", DocumentTooLarge.code,
                       "ran out of memory (over the per-document limit); "
                       "raise --max-memory or import this file alone")
    return Failure("extract", ExtractionFailed.code, one_line(f"{type(error).__name__}: {error}"))


MAX_CHAINED_ERRORS = 16
OUT_OF_MEMORY = failure_of(MemoryError())  # built ahead: when it is needed, memory is short


def run_task(work: Callable[[Path], T], path: Path, memory_mb: int | None = None) -> T | Failure:
    """Run one document, turning every exception into a Failure (in-process or in a worker).

    Under a memory limit, C code often reports the failed allocation as some other error
    (SystemError "returned NULL"); an error with peak memory near the limit counts as E302.
    """
    try:
        return work(path)
    except (Exception, MemoryError) as error:  # a bug in one file must not stop a ten-year import
        release_frames(error)  # what the failed document holds must go before anything else is built
        if memory_mb and peak_memory_mb() >= 0.9 * memory_mb:
            return OUT_OF_MEMORY
        return failure_of(error)


def release_frames(error: BaseException) -> None:
    """Clear the locals of every frame in the error's tracebacks (its causes' too): a failed
    document's pages and glyphs stay alive through them, and under the memory limit even
    the failure could not be built while they do."""
    for _ in range(MAX_CHAINED_ERRORS):  # no set of the seen: it would need memory
        if error is None:
            return
        if error.__traceback__ is not None:
            traceback.clear_frames(error.__traceback__)
        error = error.__cause__ or error.__context__


def peak_memory_mb() -> float:
    """Peak address space of this process (what RLIMIT_AS limits), 0 where unknown."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmPeak:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Ready:
    """A new worker's first word: it has started and loaded what every document needs."""


def _warm_up(work: Callable[[Path], Any]) -> None:
    """Load what the work needs for any document (the language pipeline) before the first
    one, so that no document's --timeout pays for the worker's start."""
    warm_up = getattr(work, "warm_up", None)
    if callable(warm_up):
        try:
            warm_up()
        except (Exception, MemoryError):  # the first document will meet it and report it
            pass


def _worker_main(conn: Connection, work: Callable[[Path], Any], memory_mb: int | None) -> None:
    """Loop in the worker: say it is ready, then receive a path, send back an Extraction or a Failure."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _warm_up(work)
    try:
        conn.send(Ready())
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        result: Any = OUT_OF_MEMORY
        try:
            result = run_task(work, path, memory_mb)
        except MemoryError:  # even the failure could not be built; its frames go with this block
            pass
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):  # the parent is gone (killed): nothing to report to
            return


def exec_worker_main(fd: int) -> None:
    """Entry of a worker started as a fresh interpreter: the work and limit come first."""
    conn = Connection(fd)
    work, memory_mb = conn.recv()
    _worker_main(conn, work, memory_mb)


# What a fresh-interpreter worker runs; the module is imported (not run as __main__) so the
# classes it sends back (Failure, Extraction) unpickle as the same classes in the parent.
EXEC_WORKER = "import sys; from dagsorden.extractor.batch.workers import exec_worker_main; " \
              "exec_worker_main(int(sys.argv[1]))"


class ChildProcess(Protocol):
    """What the pool needs of a worker process, forked or started fresh."""

    @property
    def exitcode(self) -> int | None: ...

    def is_alive(self) -> bool: ...

    def kill(self) -> None: ...

    def join(self, timeout: float | None = None) -> None: ...


@dataclass
class ExecProcess:
    """A worker started with subprocess, shaped like a multiprocessing.Process."""

    popen: subprocess.Popen[bytes]

    @property
    def exitcode(self) -> int | None:
        return self.popen.poll()  # negative signal numbers, as multiprocessing reports them

    def is_alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        self.popen.kill()

    def join(self, timeout: float | None = None) -> None:
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            pass


def _die_with_parent() -> None:
    """Linux: get SIGKILL when the parent dies, so a killed import leaves no stray workers."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(0)


@dataclass
class _Worker:
    process: ChildProcess
    conn: Connection
    task: Path | None = None
    started: float = 0.0
    done: int = 0


@dataclass
class WorkerPool(Generic[T]):
    """N worker processes running `work(path)`; yields (path, result or Failure) as they finish."""

    work: Callable[[Path], T]
    workers: int
    limits: Limits = field(default_factory=Limits)
    # "fork": children of this process, warm and cheap; "exec": fresh interpreters, for a
    # parent that may not fork (daemonic or threaded, such as a Dask worker).
    start: Literal["fork", "exec"] = "fork"

    def __post_init__(self) -> None:
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._pool: list[_Worker] = []

    def run(self, paths: Iterable[Path]) -> Iterator[tuple[Path, T | Failure]]:
        queue = list(paths)
        queue.reverse()  # pop() from the end keeps the caller's order
        try:
            self._pool = [self._start(wait=False) for _ in range(min(self.workers, len(queue)))]
            for worker in self._pool:  # they load the pipeline side by side
                self._await_ready(worker)
            while queue or any(w.task is not None for w in self._pool):
                for worker in self._pool:
                    if worker.task is None and queue:
                        self._assign(worker, queue.pop())
                yield from self._collect()
        finally:
            self.close()

    def run_one(self, path: Path) -> T | Failure:
        """One document in this pool's first worker, which stays up for the next call
        (a pool kept by a long-lived process, such as a Dask worker's thread)."""
        if not self._pool:
            self._pool = [self._start()]
        self._assign(self._pool[0], path)
        while True:
            for _, result in self._collect():
                return result

    def close(self) -> None:
        """Stop every worker now (also on Ctrl-C): unfinished documents are simply not stored."""
        for worker in self._pool:
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()
            worker.conn.close()
        self._pool = []

    def _start(self, wait: bool = True) -> _Worker:
        """A new worker; with `wait`, once it has said it is ready."""
        if self.start == "exec":
            worker = self._start_exec()
        else:
            parent, child = self._context.Pipe()
            process = self._context.Process(
                target=_worker_main, args=(child, self.work, self.limits.memory_mb), daemon=True,
            )
            process.start()
            child.close()
            worker = _Worker(process, parent)
        if wait:
            self._await_ready(worker)
        return worker

    @staticmethod
    def _await_ready(worker: _Worker) -> None:
        """Wait for a new worker's Ready: its start is no document's time (--timeout)."""
        try:
            if worker.conn.poll(STARTUP_TIMEOUT_S):
                worker.conn.recv()
        except (EOFError, OSError):
            pass  # it died starting: its first document reports the death

    def _start_exec(self) -> _Worker:
        """A fresh interpreter that sees the modules this process sees (its sys.path)."""
        ours, theirs = socket.socketpair()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        popen = subprocess.Popen([sys.executable, "-c", EXEC_WORKER, str(theirs.fileno())],
                                 pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env=env)
        theirs.close()
        conn = Connection(ours.detach())
        conn.send((self.work, self.limits.memory_mb))
        return _Worker(ExecProcess(popen), conn)

    def _assign(self, worker: _Worker, path: Path) -> None:
        worker.task, worker.started = path, time.monotonic()
        worker.conn.send(path)

    def _collect(self) -> Iterator[tuple[Path, T | Failure]]:
        """Wait for the next answer, death or timeout; replace workers that are gone."""
        busy = [w for w in self._pool if w.task is not None]
        ready = wait([w.conn for w in busy], timeout=self._next_deadline(busy))
        now = time.monotonic()
        for index, worker in enumerate(self._pool):
            if worker.task is None:
                continue
            path = worker.task
            if worker.conn in ready:
                try:
                    result: T | Failure = worker.conn.recv()
                except (EOFError, OSError):
                    result = self._death(worker)
                    self._pool[index] = self._replace(worker)
                else:
                    if isinstance(result, Ready):  # the late word of a worker slow to start
                        continue
                    worker.task, worker.done = None, worker.done + 1
                    spent = isinstance(result, Failure) and result.code == DocumentTooLarge.code
                    if spent or worker.done >= self.limits.max_tasks:
                        self._pool[index] = self._replace(worker)
                yield path, result
            elif self.limits.timeout_s and now - worker.started > self.limits.timeout_s:
                self._pool[index] = self._replace(worker)
                yield path, Failure("extract", DocumentTimeout.code,
                                    f"extraction took longer than {self.limits.timeout_s:g} s "
                                    "and was stopped; raise --timeout to give it more time")

    def _next_deadline(self, busy: list[_Worker]) -> float | None:
        if not self.limits.timeout_s or not busy:
            return None
        oldest = min(w.started for w in busy)
        return max(0.0, oldest + self.limits.timeout_s - time.monotonic()) + 0.01

    def _death(self, worker: _Worker) -> Failure:
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        if self.limits.memory_mb and code in MEMORY_DEATHS:
            # CPython aborts ("Fatal Python error") when an allocation fails at a bad moment
            return Failure("extract", DocumentTooLarge.code,
                           f"the worker died ({how}), most likely over the memory limit of "
                           f"{self.limits.memory_mb} MB; raise --max-memory or import this file alone")
        return Failure("extract", WorkerDied.code,
                       f"the worker process died while reading this file ({how}); "
                       "likely a crash in the PDF library or the system running out of memory")

    def _replace(self, worker: _Worker) -> _Worker:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        return self._start()


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
