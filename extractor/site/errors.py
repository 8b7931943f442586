"""Which errors are the request's fault, and the one "error" that is no error (a feed with
no entries yet), for the site's error handler (plugin.py `handle_exception`).

Why: Datasette 0.65 and datasette-atom raise a 500 for several things a request can ask
for: a sort by a column the table lacks (`_sort=nope`), a parameter that is not the JSON or
number it should be (`_through=x`, `_timelimit=x`), a row address with too few key values
(`/db/tariffs/0`), a saved search's feed before anything matches it. A 500 says the server
is broken; these are answered 400, and the feed as an empty feed, as a feed reader expects.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from xml.sax.saxutils import escape

from datasette.views.base import DatasetteError

# Messages of errors raised while reading a request's parameters.
BAD_REQUEST_MESSAGES = ("Cannot sort table by", "invalid literal for int()", "could not convert string to float",
                        "You did not supply a value for binding parameter")


def is_bad_request(exception: Exception) -> bool:
    if isinstance(exception, json.JSONDecodeError):
        return True
    if isinstance(exception, DatasetteError):
        message = exception.message
    elif isinstance(exception, (ValueError, sqlite3.ProgrammingError)):
        message = str(exception)
    else:
        return False
    return message.startswith(BAD_REQUEST_MESSAGES)


def is_empty_feed(path: str, exception: Exception) -> bool:
    """datasette-atom 0.9 takes max() of the entries' dates, which fails when there are none."""
    return path.endswith(".atom") and isinstance(exception, ValueError) and "empty sequence" in str(exception)


def empty_feed(url: str, title: str = "Søg i arkivet / Search the archive") -> str:
    updated = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    return ("<?xml version='1.0' encoding='UTF-8'?>\n"
            f'<feed xmlns="http://www.w3.org/2005/Atom"><id>{escape(url)}</id><title>{escape(title)}</title>'
            f'<updated>{updated}</updated><link href="{escape(url, {chr(34): "&quot;"})}" rel="self"/></feed>\n')
