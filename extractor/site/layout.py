"""What every page of the site shares: language, site title, navigation, the style sheet, and
one way to render a page or a clear 404.

Why not Datasette's base.html: it has no `lang` on <html>, no skip link or main landmark, and
English navigation; the reading pages use dagsorden_base.html instead and leave Datasette's own
table pages as they are (linked as "All data").
"""
from __future__ import annotations

from pathlib import Path
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

from datasette.utils.asgi import Response

from dagsorden.extractor.site.i18n import Language

STATIC_DIR = Path(__file__).resolve().parent / "static"
Handler = Callable[[Any, Any, dict[str, Any]], Awaitable[Response]]
STYLESHEET = "/-/static-dagsorden/site.css"

# (message key, path, the page's name in `current`)
NAVIGATION = (("nav.search", "/-/søg", "search"), ("nav.meetings", "/-/møder", "meetings"),
              ("nav.decisions", "/-/beslutninger", "decisions"), ("nav.tariffs", "/-/takster", "tariffs"),
              ("nav.about", "/-/om", "about"))


def archive(datasette: Any) -> Any:
    """The first attached archive (the one `dagsorden serve` was given)."""
    names = [name for name in datasette.databases if name != "_internal"]
    return datasette.get_database(names[0])


async def rows(db: Any, sql: str, params: list[Any] | dict[str, Any]) -> list[dict[str, Any]]:
    """Rows as dicts. The archive always has the whole schema: `serve` migrates it first and
    `publish` copies a migrated archive."""
    return [dict(row) for row in (await db.execute(sql, params)).rows]


def site_words(datasette: Any, language: Language) -> dict[str, str]:
    """The site's title and description from metadata (English from plugins.dagsorden.en)."""
    english = (datasette.plugin_config("dagsorden") or {}).get("en") or {}
    title = (english.get("title") if language.english else None) or datasette.metadata("title") or "Dagsorden"
    description = (english.get("description") if language.english else None) or datasette.metadata("description")
    return {"title": title, "description": description or ""}


def other_language_url(request: Any, language: Language) -> str:
    """The same address in the other language."""
    args = [(k, v) for k in request.args.keys() for v in request.args.getlist(k) if k != "lang"]
    if not language.english:
        args.append(("lang", "en"))
    return request.path + ("?" + urlencode(args) if args else "")


async def render(datasette: Any, request: Any, template: str, context: dict[str, Any], *,
                 current: str | None = None, status: int = 200) -> Response:
    language = Language.of(request.args)
    db = archive(datasette)
    html = await datasette.render_template(template, {
        "lang": language, "t": language, "link": language.link, "site": site_words(datasette, language),
        "database": db.name, "navigation": NAVIGATION, "current": current, "stylesheet": STYLESHEET,
        "other_language": other_language_url(request, language), **context,
    }, request=request)
    return Response.html(html, status=status)


def about_one_row(url_var: str, sql: str) -> Callable[[Handler], Any]:
    """A page about one row of the archive: the row the address names (`sql` with one
    parameter, the URL's `url_var`) is handed to the page, or the reader gets a clear 404."""
    def wrap(handler: Handler) -> Any:
        async def page(datasette: Any, request: Any) -> Response:
            key = request.url_vars[url_var]
            found = await rows(archive(datasette), sql, [key])
            if not found:
                return await not_found(datasette, request, key)
            return await handler(datasette, request, found[0])

        page.__doc__ = handler.__doc__
        return page
    return wrap


async def not_found(datasette: Any, request: Any, what: str) -> Response:
    """A 404 in the site's own layout, naming what was not found."""
    return await render(datasette, request, "dagsorden_not_found.html", {"what": what}, status=404)


async def stylesheet(request: Any) -> Response:
    """The site's one style sheet (no inline styles, no scripts: a Content-Security-Policy can forbid both)."""
    return Response((STATIC_DIR / "site.css").read_bytes(), content_type="text/css; charset=utf-8",
                    headers={"cache-control": "max-age=3600"})
