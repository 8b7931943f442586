"""The site's Datasette hooks: Danish search functions, PDF and page-preview routes, the
routes of the reading pages (pages.py, search_pages.py, decisions.py, tariffs.py; routes.py),
and an error handler (datasette/plugins/ hands them over).

PDFs and previews are served only for documents in the database: the request names a
sha256, the path comes from the `documents` table, never from the request.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import traceback

from datasette import hookimpl
from datasette.utils import add_cors_headers
from datasette.utils.asgi import Base400, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

from dagsorden.extractor.site.preview import parse_bbox, render_page_png
from dagsorden.extractor.archive.search_index import register_functions
from dagsorden.extractor.site.layout import archive
from dagsorden.extractor.site.pages import about_page, item_page, meeting_page
from dagsorden.extractor.site.routes import reading_routes
from dagsorden.extractor.site.tariffs import old_tariff_page as tariff_page

SHA256 = r"(?P<sha>[0-9a-f]{64})"


@hookimpl
def prepare_connection(conn: Any) -> None:
    register_functions(conn)


async def document_path(datasette: Any, sha: str) -> Path | None:
    db = archive(datasette)
    rows = await db.execute("select path from documents where sha256 = ?", [sha])
    row = rows.first()
    if row is None or not row["path"]:
        return None
    path = Path(row["path"])
    return path if path.is_file() else None


def not_found(what: str) -> Response:
    return Response.text(f"Not found: {what}", status=404)


async def pdf_file(datasette: Any, request: Any) -> Response:
    sha = request.url_vars["sha"]
    path = await document_path(datasette, sha)
    if path is None:
        return not_found("no such document in the archive")
    return Response(path.read_bytes(), content_type="application/pdf",
                    headers={"content-disposition": f'inline; filename="{path.name}"'})


async def page_preview(datasette: Any, request: Any) -> Response:
    sha, page = request.url_vars["sha"], int(request.url_vars["page"])
    path = await document_path(datasette, sha)
    if path is None:
        return not_found("no such document in the archive")
    try:
        png = render_page_png(path, page, parse_bbox(request.args.get("bbox")))
    except IndexError:
        return not_found(f"page {page}")
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
        if isinstance(exception, Base400):
            status, info, message = exception.status, {}, exception.args[0] if exception.args else ""
        elif isinstance(exception, DatasetteError):
            status, info, message, title = exception.status, exception.error_dict, exception.message, exception.title
            if exception.message_is_html:
                message = Markup(message)
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


@hookimpl
def render_cell(value: Any, column: str) -> Any:
    """Page-preview paths from canned queries become links that open the preview."""
    if column == "page_preview" and isinstance(value, str) and value.startswith("/-/preview/"):
        return Markup(f'<a href="{value}">vis side</a>')
    if column in ("item_id",) and isinstance(value, str) and re.fullmatch(r"[a-z0-9\-]{1,200}", value):
        return Markup(f'<a href="/-/item/{value}">{value}</a>')
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

