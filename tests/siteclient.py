"""The site as `dagsorden serve` runs it, in this process, through Datasette's own test client."""
from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from datasette.app import Datasette

from dagsorden.extractor.site.instance import Instance


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
