"""The site as `dagsorden serve` runs it, in this process, through Datasette's own test client."""
from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from datasette.app import Datasette

from dagsorden.extractor.site.instance import Instance

ROOT = Path(__file__).resolve().parent.parent


def make_site(db_path: Path, **settings: Any) -> Datasette:
    return Instance.of(db_path, settings=settings).app()


def get(ds: Datasette, path: str) -> Any:
    """One request, no server and no mocks."""
    return asyncio.run(ds.client.get(path))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(db_path: Path) -> Iterator[str]:
    """`dagsorden serve` as a real server on a free loopback port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "serve", "--db", str(db_path),
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
