"""The site as `dagsorden serve` runs it, in this process, through Datasette's own test client."""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import tempfile
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from datasette.app import Datasette

from dagsorden.extractor.site.instance import Instance

ROOT = Path(__file__).resolve().parent.parent


def make_site(db_path: Path, **settings: Any) -> Datasette:
    return Instance.of(db_path, settings=settings).app()


def get(ds: Datasette, path: str, *, follow: bool = False) -> Any:
    """One request, no server and no mocks; `follow` follows redirects as a browser would."""
    return asyncio.run(ds.client.get(path, follow_redirects=follow))


def get_json(ds: Datasette, path: str, **params: str) -> Any:
    """A page's JSON form (`path` ends in .json), asserting it answered 200."""
    response = get(ds, f"{path}?{urlencode(params)}" if params else path)
    assert response.status_code == 200, response.text
    return response.json()


def visible_text(page: str) -> str:
    """What a reader sees of a page: the body without tags, scripts and styles, spaces folded."""
    body = page.split("<body", 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(db_path: Path) -> Iterator[str]:
    """`dagsorden serve` as a real server on a free loopback port; yields its base URL. The server
    gets a temp folder of its own, so its preview cache starts empty: a cache shared with earlier
    runs answered a 'slow' render at once and a test of the render's timing failed by chance."""
    port = free_port()
    own_temp = tempfile.TemporaryDirectory(prefix="dagsorden-served-")
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "serve", "--db", str(db_path),
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "TMPDIR": own_temp.name})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        else:
            raise RuntimeError("dagsorden serve did not start")
        if process.poll() is not None:
            raise RuntimeError("dagsorden serve ended: " + process.stderr.read().decode()[-2000:])
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        own_temp.cleanup()
