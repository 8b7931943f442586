"""Page previews for Datasette: a page rendered to PNG with a fact's bounding box highlighted.

Why a pool, limits and a cache: rendering is C work that holds the CPU (and PDFium is not
thread-safe), so inside the event loop it stalled every other request, and a huge or
complex page could take seconds and gigabytes. Renders therefore run in a few low-priority
worker processes with a memory and a CPU limit per render; when too many wait, a request is
told to come back (503) instead of joining an endless queue. A preview is rendered once and
kept on disk by (sha256, page, box). It is drawn only from bytes whose sha256 is the
document's (documents.py), so an old version's box never lands on a new file's page.
"""
from __future__ import annotations

import asyncio
import ctypes
import io
import multiprocessing
import os
import resource
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from dagsorden.extractor.read.render import PageOutOfRange, render_page
from dagsorden.extractor.site.documents import StaleDocument, read_verified
from dagsorden.models import BBox

__all__ = ["PageOutOfRange", "PreviewUnavailable", "PreviewService", "StaleDocument", "parse_bbox",
           "render_preview", "previews"]

PREVIEW_SCALE = 1.5  # 108 dpi: readable, small
# An A4 page at PREVIEW_SCALE is 1.1 Mpx; a page of 14,400 pt (legal in PDF) is scaled down
# to this. render.py's own cap (12 Mpx, for OCR) took 0.8 s and 180 MB for such a page.
PREVIEW_MAX_PIXELS = 4_000_000
PREVIEW_COLOURS = 64
HIGHLIGHT = (255, 200, 0, 90)
OUTLINE = (220, 120, 0, 255)
MAX_COORDINATE = 20_000.0  # points; PDF pages are at most 14,400 pt

RENDER_WORKERS = 2  # niced below the server, so its requests go first even on two cores
MAX_WAITING = 64  # renders running or queued; more are refused with 503
RENDER_WAIT_S = 20.0  # a request waits this long, then gets 503 (the render goes on, and is cached)
RENDER_CPU_S = 5  # CPU seconds one render may use (an A4 page takes ~0.2); then SIGXCPU stops it
WORKER_MEMORY_MB = 1024
CACHE_MAX_BYTES = 512 * 1024 * 1024
DEFAULT_CACHE_DIR = Path(tempfile.gettempdir()) / "dagsorden-previews"
PR_SET_PDEATHSIG = 1  # Linux prctl option


class PreviewUnavailable(Exception):
    """No preview now: too many waiting (retry) or a page beyond the limits."""

    def __init__(self, message: str, status: int = 503) -> None:
        super().__init__(message)
        self.status = status


def parse_bbox(text: str | None) -> BBox | None:
    """"x0,top,x1,bottom" (or a JSON list) -> a box with x0 <= x1 and top <= bottom;
    anything else -> None (the page is shown without a highlight)."""
    if not text or len(text) > 200:
        return None
    parts = text.strip("[]() ").split(",")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        return None
    if len(values) != 4 or not all(0 <= v <= MAX_COORDINATE for v in values):
        return None
    x0, top, x1, bottom = values
    return (min(x0, x1), min(top, bottom), max(x0, x1), max(top, bottom))


def cache_name(sha: str, page: int, bbox: BBox | None) -> str:
    """A preview's file in the cache: one folder per document, one file per page and box."""
    box = "page" if bbox is None else "_".join(f"{v:.1f}" for v in bbox)
    return f"{sha[:2]}/{sha}/{page}-{box}.png"


def render_preview(path: Path | None, sha: str, page: int, bbox: BBox | None,
                   cpu_s: int = RENDER_CPU_S, busy_prefix: str | None = None) -> bytes:
    """The preview PNG, from the document's verified bytes (runs in a render worker). While
    it draws, a file `busy_prefix` + the worker's pid says which page it is on: when the CPU
    limit stops a worker, that file is how the server knows which page was to blame."""
    data = read_verified(path, sha)
    marker = Path(busy_prefix + str(os.getpid())) if busy_prefix else None
    if marker:
        marker.write_text(f"{sha} {page}")
    try:
        return _draw(data, page, bbox, cpu_s)
    finally:
        if marker:
            marker.unlink(missing_ok=True)


def _draw(data: bytes, page: int, bbox: BBox | None, cpu_s: int) -> bytes:
    with _cpu_limit(cpu_s):
        rendered = render_page(data, page, PREVIEW_SCALE, max_pixels=PREVIEW_MAX_PIXELS)
        image = rendered.image.convert("RGB")
        if bbox:
            overlay = ImageDraw.Draw(image, "RGBA")
            x0, top, x1, bottom = (v * rendered.scale for v in bbox)
            overlay.rectangle((x0 - 2, top - 2, x1 + 2, bottom + 2), fill=HIGHLIGHT, outline=OUTLINE, width=2)
        # 64 colours (FASTOCTREE) keep text, charts and the highlight readable; the file is a
        # quarter the size (4x the previews in the cache) and the whole render ~15 % cheaper
        image = image.quantize(PREVIEW_COLOURS, method=Image.Quantize.FASTOCTREE)
        out = io.BytesIO()
        image.save(out, format="PNG", compress_level=3)  # a third of level 6's time, ~10% larger
    return out.getvalue()


class _cpu_limit:
    """RLIMIT_CPU for the next `seconds` of CPU: past it the kernel stops the worker, the one
    way to end a render stuck in C. Lifted again afterwards (the worker serves many renders)."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        used = int(usage.ru_utime + usage.ru_stime) + 1
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        resource.setrlimit(resource.RLIMIT_CPU, (used + self.seconds, hard))

    def __exit__(self, *exc_info: object) -> None:
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))


def _start_worker(memory_mb: int, server_pid: int) -> None:
    """A render worker: dies with the server (even one killed with SIGKILL), lower priority
    than the server, bounded memory, no core files."""
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown has to do
        pass
    if os.getppid() != server_pid:  # the server died before prctl took effect
        os._exit(0)
    os.nice(10)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@dataclass
class PreviewCache:
    """PNG files under `folder`, at most `max_bytes` in all (the oldest go first)."""

    folder: Path
    max_bytes: int = CACHE_MAX_BYTES
    _size: int | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, name: str) -> bytes | None:
        try:
            return (self.folder / name).read_bytes()
        except OSError:
            return None

    def put(self, name: str, data: bytes) -> None:
        """Written whole or not at all (a temporary file, then a rename); a folder that
        cannot be written only means no cache."""
        target = self.folder / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as handle:
                handle.write(data)
            os.replace(handle.name, target)
        except OSError:
            return
        with self._lock:
            self._size = (self._size if self._size is not None else self._measure()) + len(data)
            if self._size > self.max_bytes:
                self._evict()

    def _measure(self) -> int:
        return sum(p.stat().st_size for p in self.folder.glob("*/*/*.png"))

    def _evict(self) -> None:
        files = sorted(self.folder.glob("*/*/*.png"), key=lambda p: p.stat().st_mtime)
        size = sum(p.stat().st_size for p in files)
        for path in files:
            if size <= self.max_bytes * 0.8:
                break
            size -= path.stat().st_size
            path.unlink(missing_ok=True)
        self._size = size


@dataclass
class PreviewService:
    """Renders previews in a bounded pool of worker processes; one render per distinct preview
    at a time, however many ask for it."""

    workers: int = RENDER_WORKERS
    max_waiting: int = MAX_WAITING
    wait_s: float = RENDER_WAIT_S
    memory_mb: int = WORKER_MEMORY_MB
    cpu_s: int = RENDER_CPU_S
    _executor: ProcessPoolExecutor | None = None
    _running: dict[tuple[str, str], Future[bytes]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _caches: dict[Path, PreviewCache] = field(default_factory=dict)
    # Pages that were being drawn when the CPU limit stopped their worker: refused at once.
    _too_heavy: set[tuple[str, int]] = field(default_factory=set)
    _busy_prefix: str = field(default_factory=lambda: str(Path(tempfile.gettempdir(),
                                                               f"dagsorden-rendering-{os.getpid()}-")))

    async def png(self, path: Path | None, sha: str, page: int, bbox: BBox | None,
                  cache_dir: Path | None = DEFAULT_CACHE_DIR) -> bytes:
        """The preview's PNG: from the cache, or rendered in a worker while the event loop
        goes on serving. Raises PageOutOfRange, StaleDocument or PreviewUnavailable."""
        name = cache_name(sha, page, bbox)
        cache = self._cache(cache_dir)
        if cache and (cached := await asyncio.to_thread(cache.get, name)) is not None:
            return cached
        for attempt in (1, 2):  # a worker stopped for another page's sake: try once more
            if (sha, page) in self._too_heavy:
                raise PreviewUnavailable("this page is beyond the server's limits for previews; "
                                         "open the PDF instead", status=422)
            future = self._submit((str(cache_dir), name), cache, render_preview, path, sha, page, bbox,
                                  self.cpu_s)
            try:
                return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.wait_s)
            except asyncio.TimeoutError:
                raise PreviewUnavailable("the preview is still being drawn; try again in a moment") from None
            except (BrokenProcessPool, MemoryError) as error:
                if attempt == 2 or isinstance(error, MemoryError):
                    raise PreviewUnavailable("this page is beyond the server's limits for previews "
                                             f"({type(error).__name__}); open the PDF instead", status=422) from None
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self._executor is not None:
            self._drop_pool(self._executor)

    def _cache(self, folder: Path | None) -> PreviewCache | None:
        if folder is None:
            return None
        return self._caches.setdefault(folder, PreviewCache(folder))

    def _submit(self, key: tuple[str, str], cache: PreviewCache | None,
                work: Callable[..., bytes], *args: object) -> Future[bytes]:
        with self._lock:
            if key in self._running:
                return self._running[key]
            if len(self._running) >= self.max_waiting:
                raise PreviewUnavailable("too many previews are being drawn; try again in a moment")
            pool = self._pool()
            future = pool.submit(work, *args, busy_prefix=self._busy_prefix)
            self._running[key] = future
        future.add_done_callback(lambda done: self._finished(key, cache, pool, done))
        return future

    def _finished(self, key: tuple[str, str], cache: PreviewCache | None, pool: ProcessPoolExecutor,
                  future: Future[bytes]) -> None:
        with self._lock:
            self._running.pop(key, None)
        if future.cancelled():
            return
        error = future.exception()
        if isinstance(error, BrokenProcessPool):  # a worker was stopped (CPU or memory limit)
            self._drop_pool(pool)
        elif error is None and cache is not None:
            cache.put(key[1], future.result())

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn: a clean process, not a fork of the threaded server, and its own child (a
            # forkserver's workers outlived the server); they start once, then serve many renders
            self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_start_worker, initargs=(self.memory_mb, os.getpid()))
        return self._executor

    def _drop_pool(self, pool: ProcessPoolExecutor) -> None:
        """Retire a pool (a broken one cannot take work); the next render starts a new one.
        A page whose render had run longer than the CPU limit when the pool broke is the one
        that broke it: it is not drawn again."""
        with self._lock:
            if self._executor is pool:
                self._executor = None
                self._blame_long_renders()
        pool.shutdown(wait=False, cancel_futures=True)

    def _blame_long_renders(self) -> None:
        folder, prefix = os.path.split(self._busy_prefix)
        for marker in Path(folder).glob(prefix + "*"):
            try:
                sha, page = marker.read_text().split()
                if time.time() - marker.stat().st_mtime >= self.cpu_s:
                    self._too_heavy.add((sha, int(page)))
                marker.unlink()
            except (OSError, ValueError):
                continue


previews = PreviewService()
