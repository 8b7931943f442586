"""Issue 14: page previews never hold up the server, stay within a pixel, CPU and queue limit,
and are drawn once (a disk cache by sha256, page and box). Real PDFs, real renders in worker
processes, and a real `dagsorden serve` where the event loop is what is tested."""
from __future__ import annotations

import asyncio
import hashlib
import io
import math
import threading
import time
import urllib.request
import uuid
import zlib
from pathlib import Path

import pytest
from PIL import Image

from dagsorden.extractor.batch.ingest import ingest
from dagsorden.extractor.site.preview import (
    PREVIEW_MAX_PIXELS,
    PREVIEW_SCALE,
    PreviewService,
    PreviewUnavailable,
)
from pdfmaker import raw_pdf, text_pdf
from siteclient import get, make_site, served


def slow_page_pdf(strokes: int) -> bytes:
    """A 1-page PDF of a few KB whose page takes seconds to draw: `strokes` full-height lines."""
    ops = zlib.compress(b"1 w " + b"".join(b"%d 0 m %d 842 l S " % (i % 595, (i * 7) % 595)
                                           for i in range(strokes)), 9)
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(ops) + ops + b"\nendstream"])


def unique_box() -> str:
    """A box no earlier run has drawn, so the preview cache cannot answer for the renderer."""
    n = uuid.uuid4().int
    return f"10,10,{100 + n % 4000 / 10:.1f},{200 + n // 4000 % 4000 / 10:.1f}"


@pytest.fixture(scope="module")
def preview_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("previews")
    (folder / "in").mkdir()
    (folder / "in" / "huge.pdf").write_bytes(text_pdf([b"Punkt 1. Takster"] * 5, media_box=(14400, 14400)))
    (folder / "in" / "a4.pdf").write_bytes(text_pdf([b"Punkt 1. Takster"]))
    (folder / "in" / "slow.pdf").write_bytes(slow_page_pdf(16_000))  # ~2.7 CPU-s: under the 5 s limit
    db = folder / "arkiv.db"
    assert ingest([folder / "in"], db).imported == 3
    return db


def sha_of(db: Path, name: str) -> str:
    return hashlib.sha256((db.parent / "in" / name).read_bytes()).hexdigest()


def image_size(png: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(png)).size


def test_a_huge_page_is_previewed_within_the_pixel_cap(preview_archive: Path) -> None:
    site = make_site(preview_archive)
    huge = get(site, f"/-/preview/{sha_of(preview_archive, 'huge.pdf')}/1.png?bbox=72,72,400,100")
    width, height = image_size(huge.content)
    assert huge.status_code == 200 and width * height <= PREVIEW_MAX_PIXELS
    a4 = get(site, f"/-/preview/{sha_of(preview_archive, 'a4.pdf')}/1.png")
    assert image_size(a4.content) == (math.ceil(595 * PREVIEW_SCALE), math.ceil(842 * PREVIEW_SCALE))


def test_the_highlight_marks_the_box_and_only_the_box(preview_archive: Path) -> None:
    """Amber where the fact's box is, white paper elsewhere: what a reader looks for."""
    site = make_site(preview_archive)
    x0, top, x1, bottom = 200, 400, 400, 440
    png = get(site, f"/-/preview/{sha_of(preview_archive, 'a4.pdf')}/1.png?bbox={x0},{top},{x1},{bottom}").content
    image = Image.open(io.BytesIO(png)).convert("RGB")
    inside = image.getpixel((int((x0 + x1) / 2 * PREVIEW_SCALE), int((top + bottom) / 2 * PREVIEW_SCALE)))
    outside = image.getpixel((int((x0 + x1) / 2 * PREVIEW_SCALE), int((bottom + 100) * PREVIEW_SCALE)))
    red, green, blue = inside
    assert red > 200 and green > 150 and blue < 200 and red - blue > 40, inside  # amber over white
    assert min(outside) > 240, outside  # the paper stays white


def test_a_preview_is_drawn_once_and_kept_by_content(preview_archive: Path, tmp_path: Path) -> None:
    """The cache is keyed by the document's sha256: once drawn, the preview stays true to that
    version even after the file at its path is gone, while the PDF itself is then 410."""
    db = tmp_path / "arkiv.db"
    (tmp_path / "in").mkdir()
    pdf = tmp_path / "in" / "a4.pdf"
    pdf.write_bytes((preview_archive.parent / "in" / "a4.pdf").read_bytes() + b"%% own copy\n")
    ingest([pdf], db)
    sha = hashlib.sha256(pdf.read_bytes()).hexdigest()
    site = make_site(db)
    address = f"/-/preview/{sha}/1.png?bbox={unique_box()}"
    first = get(site, address)
    assert first.status_code == 200
    pdf.unlink()
    again = get(site, address)
    assert again.status_code == 200 and again.content == first.content
    assert get(site, f"/-/pdf/{sha}").status_code == 410


@pytest.mark.slow
def test_a_slow_preview_does_not_hold_up_other_requests(preview_archive: Path) -> None:
    """While a page takes seconds to draw, a plain page is answered: the render is not in the
    event loop (it was, and every request waited for it)."""
    with served(preview_archive) as base:
        urllib.request.urlopen(f"{base}/-/preview/{sha_of(preview_archive, 'a4.pdf')}/1.png", timeout=60)  # pool up
        urllib.request.urlopen(f"{base}/-/om", timeout=60)  # the page's own first-time costs, not the render's
        slow_done = threading.Event()

        def slow_preview() -> None:
            address = f"{base}/-/preview/{sha_of(preview_archive, 'slow.pdf')}/1.png?bbox={unique_box()}"
            urllib.request.urlopen(address, timeout=120).read()
            slow_done.set()

        thread = threading.Thread(target=slow_preview)
        thread.start()
        time.sleep(0.5)
        answered = [urllib.request.urlopen(f"{base}/-/om", timeout=60).status for _ in range(3)]
        still_drawing = not slow_done.is_set()
        thread.join(timeout=120)
    assert answered == [200, 200, 200]
    assert still_drawing and slow_done.is_set()


@pytest.mark.slow
def test_renders_past_the_cpu_limit_or_the_queue_are_refused(preview_archive: Path, tmp_path: Path) -> None:
    slow = tmp_path / "slower.pdf"
    slow.write_bytes(slow_page_pdf(60_000))  # well over 10 s to draw
    a4 = preview_archive.parent / "in" / "a4.pdf"
    sha_slow, sha_a4 = hashlib.sha256(slow.read_bytes()).hexdigest(), sha_of(preview_archive, "a4.pdf")

    async def scenario() -> tuple[int, int, bytes, float]:
        service = PreviewService(workers=1, max_waiting=1, cpu_s=1)
        try:
            running = asyncio.ensure_future(service.png(slow, sha_slow, 1, (1, 1, 2, 2), None))
            await asyncio.sleep(0.2)
            with pytest.raises(PreviewUnavailable) as queued:  # the one place in the queue is taken
                await service.png(a4, sha_a4, 1, None, None)
            with pytest.raises(PreviewUnavailable) as stopped:  # over 1 s of CPU: the worker is stopped
                await running
            after = await service.png(a4, sha_a4, 1, None, None)
            started = time.perf_counter()
            with pytest.raises(PreviewUnavailable):
                await service.png(slow, sha_slow, 1, (5, 5, 9, 9), None)
            return queued.value.status, stopped.value.status, after, time.perf_counter() - started
        finally:
            service.close()

    queued, stopped, after, refused_at_once = asyncio.run(scenario())
    assert (queued, stopped) == (503, 422)
    assert after.startswith(b"\x89PNG")  # a new worker took over
    assert refused_at_once < 1.0  # the page that broke the limit is not drawn again
