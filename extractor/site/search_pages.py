"""The search page /-/søg (English alias /-/search) and its JSON, CSV and Atom forms; the old
canned-query addresses lead here.

The page is a plain form and links (facets, sorting, paging keep every choice in the URL), so
it works without scripts and with the keyboard alone; what it shows comes from
extractor/site/search.py.
"""
from __future__ import annotations

import csv
import io
import re
import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from datasette.utils import sqlite_timelimit, tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from dagsorden.extractor.site.i18n import Language
from dagsorden.extractor.site.layout import archive, render
from dagsorden.extractor.site.search import (
    MARK_END, MARK_START, MAX_PER_PAGE, NONE_VALUE, SEARCH, SORTS, Hit, Scope, SearchResult, kind_of,
    read_request, run_search,
)

SEARCH_PATH = "/-/søg"
SEARCH_ROUTE = r"^/-/(?:s%[cC]3%[bB]8g|search)(?P<format>\.json|\.csv|\.atom)?$"
FORMATS = (".json", ".csv", ".atom")
ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML 1.0
CSV_COLUMNS = ("item_id", "url", "title", "committee", "municipality", "date", "document", "hit", "snippet",
               "outcome", "departs", "page")


@dataclass(frozen=True)
class Page:
    """One search page: where it lives and what it searches."""

    path: str
    scope: Scope
    current: str
    result_path: str  # an item's result links to /-/item/ (search) or /-/beslutning/ (decisions)


SEARCH_PAGE = Page(SEARCH_PATH, SEARCH, "search", "/-/item/")


def snippet_html(snippet: str | None) -> Markup:
    """The snippet escaped, with FTS5's marks turned into <mark> elements."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def plain(snippet: str | None) -> str:
    return (snippet or "").replace(MARK_START, "").replace(MARK_END, "")


def args_of(request: Any) -> dict[str, str]:
    """The request's parameters (the first value of each)."""
    return {key: request.args.get(key, "") for key in request.args.keys()}


async def find(datasette: Any, request: Any, page: Page, **overrides: str) -> SearchResult:
    """Run the search of a request (within the SQL time limit) with the details of each hit."""
    search_request = read_request({**args_of(request), **overrides}, page.scope)
    limit_ms = datasette.setting("sql_time_limit_ms")

    def work(conn: sqlite3.Connection) -> SearchResult:
        with sqlite_timelimit(conn, limit_ms):
            return run_search(conn, search_request, page.scope)

    try:
        return await archive(datasette).execute_fn(work)
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        return SearchResult(search_request, None, message="too_slow")


def result_view(hit: Hit, detail: dict[str, Any], language: Language, page: Page) -> dict[str, Any]:
    """One result as the page, JSON and CSV show it."""
    sha, page_number = detail.get("document_sha256"), detail.get("page_start")
    if hit.item_id is not None:
        url = language.link(page.result_path + hit.item_id)
        title = f"{language('item')} {detail.get('number')}. {detail.get('title') or ''}".strip()
    else:
        url = f"/-/pdf/{sha}#page={page_number}"
        title = f"{detail.get('filename') or ''}, {language('page')} {page_number}"
    date = detail.get("date") or hit.result.get("date")
    return {
        "item_id": hit.item_id, "url": url, "title": title, "committee": detail.get("committee"),
        "municipality": detail.get("municipality"), "date": date, "date_text": language.date(date),
        "meeting_id": detail.get("meeting_id"), "document": language.word("document", detail.get("document_kind")),
        "hit": hit.kind, "hit_text": language.word("kind", hit.kind) if hit.kind else None,
        "also": [language.word("kind", kind_of(name)) for name in hit.fields[1:]],
        "snippet": plain(hit.snippet), "snippet_html": snippet_html(hit.snippet),
        "outcome": detail.get("outcome"), "outcome_text": language.word("outcome", detail["outcome"])
        if detail.get("outcome") else None, "departs": detail.get("departs"),
        "recommendations": detail.get("recommendations"), "decision": detail.get("decision"),
        "page": page_number, "document_sha256": sha,
        "pdf": f"/-/pdf/{sha}#page={page_number}" if sha and page_number else None,
    }


def facet_views(result: SearchResult, language: Language, page: Page, args: dict[str, str]) -> dict[str, list]:
    """Each facet's values with counts and links that add (or, when selected, remove) the filter."""
    base = {k: v for k, v in args.items() if k not in ("page", "lang") and v}
    words = {"kind": "kind", "outcome": "outcome", "departs": "departs"}
    views: dict[str, list[dict[str, Any]]] = {}
    for name in page.scope.facets:
        entries = []
        for value, count in result.facets.get(name, []):
            raw = NONE_VALUE if value is None else str(value)
            selected = base.get(name) == raw
            params = {k: v for k, v in base.items() if k != name}
            if not selected:
                params[name] = raw
            label = language("facet.none") if value is None else (
                language.word(words[name], raw) if name in words else str(value))
            entries.append({"value": value, "label": label, "count": count, "selected": selected,
                            "url": language.link(page.path, **params)})
        views[name] = entries
    return views


def page_links(result: SearchResult, language: Language, page: Page, args: dict[str, str]) -> dict[str, Any]:
    """Sorting and paging links that keep the query and filters."""
    base = {k: v for k, v in args.items() if k not in ("page", "lang") and v}
    number = result.request.page

    def to(**changes: Any) -> str:
        return language.link(page.path, **{**base, **changes})

    return {
        "sorts": [(sort, language(f"sort.{sort}"), to(sort=sort, page=None), sort == result.request.sort)
                  for sort in SORTS],
        "previous": to(page=number - 1 if number > 2 else None) if number > 1 else None,
        "next": to(page=number + 1) if number < result.pages else None,
        "formats": [(fmt[1:].upper(), language.link(page.path + fmt, **base)) for fmt in FORMATS],
    }


def payload(result: SearchResult, views: list[dict[str, Any]], facets: dict[str, list],
            language: Language) -> dict[str, Any]:
    request = result.request
    return {
        "query": request.text, "filters": request.filters, "sort": request.sort, "page": request.page,
        "per_page": request.per_page, "pages": result.pages, "total": result.total,
        "message": language(f"message.{result.message}") if result.message else None,
        "message_code": result.message,
        "results": [{k: str(v) if isinstance(v, Markup) else v for k, v in view.items()} for view in views],
        "facets": facets,
    }


def as_csv(views: list[dict[str, Any]]) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(views)
    return Response(out.getvalue(), content_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="soegning.csv"'})


def as_atom(datasette: Any, request: Any, views: list[dict[str, Any]], title: str) -> Response:
    """The search as an Atom feed, so a journalist can follow a word."""
    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = CONTROL.sub(" ", text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    self_url = datasette.absolute_url(request, request.path + ("?" + request.query_string if request.query_string else ""))
    add(feed, "id", self_url)
    add(feed, "title", title)
    dates = [v["date"] for v in views if v["date"]]
    add(feed, "updated", f"{max(dates) if dates else '1970-01-01'}T00:00:00Z")
    add(feed, "link", href=self_url, rel="self")
    for view in views:
        entry = add(feed, "entry")
        url = datasette.absolute_url(request, view["url"])
        add(entry, "id", url)
        add(entry, "title", " · ".join(filter(None, (view["committee"], view["date_text"], view["title"]))))
        add(entry, "updated", f"{view['date'] or '1970-01-01'}T00:00:00Z")
        add(entry, "link", href=url)
        add(entry, "summary", view["snippet"] or view["decision"] or "")
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, content_type="application/atom+xml; charset=utf-8")


async def respond(datasette: Any, request: Any, page: Page, template: str, title_key: str) -> Response:
    """A search page in the format its address asks for."""
    language = Language.of(request.args)
    fmt = request.url_vars.get("format") or ""
    overrides = {}
    if fmt in (".csv", ".atom") and not request.args.get("per_page"):
        overrides["per_page"] = str(MAX_PER_PAGE)
    if fmt == ".atom" and not request.args.get("sort"):
        overrides["sort"] = "date"
    result = await find(datasette, request, page, **overrides)
    views = [result_view(hit, result.details.get(hit.id, {}), language, page) for hit in result.hits]
    args = args_of(request)
    facets = facet_views(result, language, page, args)
    if fmt == ".json":
        return Response.json(payload(result, views, facets, language))
    if fmt == ".csv":
        return as_csv(views)
    if fmt == ".atom":
        words = f": {result.request.text}" if result.request.text else ""
        return as_atom(datasette, request, views, language(title_key) + words)
    return await render(datasette, request, template, {
        "result": result, "results": views, "facets": facets, "links": page_links(result, language, page, args),
        "search_path": page.path, "title_key": title_key, "query": result.request.text,
        "hidden": {k: v for k, v in (("sort", args.get("sort")),) if v},
    }, current=page.current)


async def search_page(datasette: Any, request: Any) -> Response:
    return await respond(datasette, request, SEARCH_PAGE, "dagsorden_search.html", "search.title")


def old_search_route(datasette: Any) -> tuple[str, Any]:
    """The canned query the search box used to run, /<archive>/search[.atom|.json], leads here,
    so saved links and subscribed feeds keep working."""
    name = tilde_encode(archive(datasette).name)

    async def redirect(request: Any) -> Response:
        fmt = request.url_vars.get("format") or ""
        query = urlencode([(k, request.args.get(k)) for k in ("q", "lang") if request.args.get(k)])
        return Response.redirect("/-/s%C3%B8g" + fmt + ("?" + query if query else ""))

    return rf"^/{re.escape(name)}/search(?P<format>\.json|\.csv|\.atom)?$", redirect
