"""The site as `dagsorden serve` runs it, in this process, through Datasette's own test client."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from datasette.app import Datasette

from dagsorden.extractor.site.instance import Instance


def make_site(db_path: Path, **settings: Any) -> Datasette:
    return Instance.of(db_path, settings=settings).app()


def get(ds: Datasette, path: str) -> Any:
    """One request, no server and no mocks."""
    return asyncio.run(ds.client.get(path))
