"""The site's Datasette hooks: Danish search functions, PDF and page-preview routes, the
routes of the reading pages (pages.py, search_pages.py, decisions.py, tariffs.py; routes.py),
and an error handler (datasette/plugins/ hands them over).

PDFs and previews are served only for documents in the database: the request names a
sha256, the path comes from the `documents` table, never from the request.
"""
from __future__ import annotations

import asyncio
import re
import traceback
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils import add_cors_headers
from datasette.utils.asgi import Base400, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

from dagsorden.extractor.site.errors import empty_feed, is_bad_request, is_empty_feed
from dagsorden.extractor.site.documents import (
    StaleDocument,
    StoredDocument,
    content_disposition,
    find_document,
    gone_html,
    read_verified,
)
from dagsorden.extractor.site.preview import (
    DEFAULT_CACHE_DIR,
    PageOutOfRange,
    PreviewUnavailable,
    parse_bbox,
    previews,
)
from dagsorden.extractor.archive.search_index import register_functions
from dagsorden.extractor.site.layout import archive
from dagsorden.extractor.site.pages import about_page, item_page, meeting_page
from dagsorden.extractor.site.routes import reading_routes
from dagsorden.extractor.site.tariffs import old_tariff_page as tariff_page

SHA256 = r"(?P<sha>[0-9a-f]{64})"


@hookimpl
def prepare_connection(conn: Any) -> None:
    register_functions(conn)


def site_config(datasette: Any) -> dict[str, Any]:
    """The `dagsorden` plugin settings: `pdf_root` (where a published archive's relative
    paths live) and `preview_cache` (a folder; "" for none)."""
    return datasette.plugin_config("dagsorden") or {}


async def stored_document(datasette: Any, sha: str) -> StoredDocument | None:
    return await find_document(archive(datasette), sha, site_config(datasette).get("pdf_root"))


def not_found(what: str) -> Response:
    return Response.text(f"Not found: {what}", status=404)


def gone(document: StoredDocument, reason: str, route: str) -> Response:
    """410: this version's bytes are no longer to be had; the newest version is linked."""
    headers = {"link": f'<{route}{document.newest}>; rel="latest-version"'} if document.newest else {}
    return Response.html(gone_html(document, reason, route), status=410, headers=headers)


async def pdf_file(datasette: Any, request: Any) -> Response:
    """The document's PDF, only if the bytes at its path are still the ones imported."""
    document = await stored_document(datasette, request.url_vars["sha"])
    if document is None:
        return not_found("no such document in the archive")
    try:
        data = await asyncio.to_thread(read_verified, document.path, document.sha256)
    except StaleDocument as error:
        return gone(document, str(error), "/-/pdf/")
    return Response(data, content_type="application/pdf",
                    headers={"content-disposition": content_disposition(document.filename)})


async def page_preview(datasette: Any, request: Any) -> Response:
    """A page as PNG with a fact's box highlighted, drawn in a worker process (preview.py)."""
    page = int(request.url_vars["page"])
    document = await stored_document(datasette, request.url_vars["sha"])
    if document is None:
        return not_found("no such document in the archive")
    cache = site_config(datasette).get("preview_cache", str(DEFAULT_CACHE_DIR))
    try:
        png = await previews.png(document.path, document.sha256, page, parse_bbox(request.args.get("bbox")),
                                 Path(cache) if cache else None)
    except PageOutOfRange:
        return not_found(f"page {page}")
    except StaleDocument as error:
        return gone(document, str(error), "/-/pdf/")
    except PreviewUnavailable as error:
        return Response.text(str(error), status=error.status, headers={"retry-after": "2"})
    return Response(png, content_type="image/png", headers={"cache-control": "max-age=3600"})


def _replace_default_error_handler() -> None:
    """Datasette 0.65's default handler calls rich's print_exception, which raises a
    ValueError when called outside an except block, as it is for a plain 404 of an unknown
    path; with rich installed (spaCy pulls it in) every such 404 became a 500. Our handler
    below does the same job without rich, so the default is taken out of the chain."""
    import datasette.handle_exception as default_handler
    from datasette.plugins import pm

    if pm.is_registered(default_handler):
        pm.unregister(default_handler)


_replace_default_error_handler()


@hookimpl(trylast=True)
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """Errors as Datasette shows them (JSON for .json, the error template otherwise)."""

    async def inner() -> Response:
        title = None
        if is_empty_feed(request.path, exception):
            return Response(empty_feed(request.url), content_type="application/xml; charset=utf-8")
        if isinstance(exception, Base400):
            status, info, message = exception.status, {}, exception.args[0] if exception.args else ""
        elif isinstance(exception, DatasetteError):
            status, info, message, title = exception.status, exception.error_dict, exception.message, exception.title
            if exception.message_is_html:
                message = Markup(message)
            if status == 500 and is_bad_request(exception):
                status = 400
        elif is_bad_request(exception):
            status, info, message = 400, {}, f"Bad request: {exception}"
        else:
            status, info, message = 500, {}, str(exception)
            traceback.print_exception(type(exception), exception, exception.__traceback__)
        info.update({"ok": False, "error": message, "status": status, "title": title})
        headers: dict[str, str] = {}
        if datasette.cors:
            add_cors_headers(headers)
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status, headers=headers)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        html = await template.render_async(dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(),
                                                menu_links=lambda: []))
        return Response.html(html, status=status, headers=headers)

    return inner


# The only page_preview values that become links: what the canned queries build, nothing else.
PREVIEW_URL = re.compile(r"/-/preview/[0-9a-f]{64}/\d{1,5}\.png(?:\?bbox=\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?){3})?")
ITEM_ID = re.compile(r"[a-z0-9\-]{1,200}")


@hookimpl
def render_cell(value: Any, column: str) -> Any:
    """Page-preview paths from canned queries become links that open the preview, item ids
    links to the item page. Anyone can run SQL, so a value only becomes a link when it has
    exactly the shape ours have, and is escaped all the same."""
    if column == "page_preview" and isinstance(value, str) and PREVIEW_URL.fullmatch(value):
        return Markup('<a href="{}">vis side</a>').format(value)
    if column == "item_id" and isinstance(value, str) and ITEM_ID.fullmatch(value):
        return Markup('<a href="/-/item/{}">{}</a>').format(value, value)
    return None


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    return [
        (rf"^/-/pdf/{SHA256}$", pdf_file),
        (rf"^/-/preview/{SHA256}/(?P<page>\d{{1,5}})\.png$", page_preview),
        (r"^/-/item/(?P<item_id>[a-z0-9\-]{1,200})$", item_page),
        (r"^/-/meeting/(?P<meeting_id>[a-z0-9\-]{1,200})$", meeting_page),
        (r"^/-/tariff$", tariff_page),
        (r"^/-/om$", about_page),
        *reading_routes(datasette),
    ]

