"""The tariff explorer: /-/takster lists every tariff series, /-/takster/<series> shows one over
the years (a line chart from two years on, always the table of values with their pages).

The series come from extractor/archive/tariff_series.py; the old /-/tariff?label= address
leads to the list filtered by that label.
"""
from __future__ import annotations

from typing import Any

from datasette.utils.asgi import Response
from markupsafe import Markup

from dagsorden.extractor.site.chart import line_chart
from dagsorden.extractor.site.i18n import Language
from dagsorden.extractor.site.layout import about_one_row, archive, render, rows
from dagsorden.extractor.store.ids import slugify

TARIFFS_PATH = "/-/takster"
SERIES_ROUTE = r"^/-/takster/(?P<series_id>[a-z0-9\-]{1,300})$"
PER_PAGE = 100


def like_literal(text: str) -> str:
    """The words as LIKE matches them literally: "%" and "_" are not wildcards here."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def tariffs_page(datasette: Any, request: Any) -> Response:
    """Every series (or those whose label holds the words asked for), by label."""
    words = request.args.get("q", "").strip()
    page = int(request.args["page"]) if request.args.get("page", "").isdigit() else 1
    where, params = "", []
    if words:
        slug = slugify(words) or words  # "%" has no slug: it must not match every id
        where = "where label like ? escape '\\' or id like ? escape '\\'"
        params = [f"%{like_literal(words)}%", f"%{like_literal(slug)}%"]
    db = archive(datasette)
    total = (await rows(db, f"select count(*) as n from tariff_series {where}", params))[0]["n"]
    series = await rows(db, f"select * from tariff_series {where} order by id limit ? offset ?",
                        [*params, PER_PAGE, (max(page, 1) - 1) * PER_PAGE])
    language = Language.of(request.args)
    return await render(datasette, request, "dagsorden_tariffs.html", {
        "series": series, "query": words, "total": total,
        "next": language.link(TARIFFS_PATH, q=words or None, page=page + 1) if page * PER_PAGE < total else None,
        "previous": language.link(TARIFFS_PATH, q=words or None, page=page - 1) if page > 1 else None,
    }, current="tariffs")


def value_rows(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per year, value and meeting: an agenda and its minutes print the same table, so
    their printings are one row with two sources."""
    grouped: dict[tuple[Any, ...], dict[str, Any]] = {}
    for value in values:
        key = (value["year"], value["value_dkk"], value["meeting_id"] or value["document_sha256"],
               value["column_header"])
        row = grouped.setdefault(key, {**value, "sources": []})
        row["sources"].append(value)
    return sorted(grouped.values(), key=lambda r: (r["year"] is None, r["year"] or 0, r["date"] or ""))


def chart_points(series_values: list[dict[str, Any]]) -> list[tuple[int, float]]:
    """Per year the newest meeting's plausible value (budgets are revised)."""
    by_year: dict[int, tuple[str, float]] = {}
    for value in series_values:
        if value["plausible"] and value["year"] is not None:
            newest = by_year.get(value["year"])
            if newest is None or (value["date"] or "") >= newest[0]:
                by_year[value["year"]] = (value["date"] or "", value["value_dkk"])
    return sorted((year, value) for year, (_, value) in by_year.items())


@about_one_row("series_id", "select * from tariff_series where id = ?")
async def series_page(datasette: Any, request: Any, series: dict[str, Any]) -> Response:
    db = archive(datasette)
    series_id = series["id"]
    values = await rows(db, "select * from tariff_values where series_id = ? order by position", [series_id])
    label_key = series_id.split("--", 1)[0]
    siblings = await rows(db, "select id, variant from tariff_series where (id = ? or id like ?) and id != ? "
                              "order by id", [label_key, f"{label_key}--%", series_id])
    language = Language.of(request.args)
    points = chart_points(values)
    chart = None
    if len(points) >= 2:
        title = language("tariff.chart", label=series["label"] + (f" ({series['variant']})" if series["variant"] else ""),
                         first=points[0][0], last=points[-1][0])
        chart = Markup(line_chart(points, title, language.number))
    return await render(datasette, request, "dagsorden_tariff_series.html", {
        "series": series, "rows": value_rows(values), "chart": chart, "siblings": siblings,
        "years": len(points),
    }, current="tariffs")


async def old_tariff_page(datasette: Any, request: Any) -> Response:
    """/-/tariff?label=... (before the explorer) -> the list filtered by that label."""
    language = Language.of(request.args)
    return Response.redirect(language.link(TARIFFS_PATH, q=request.args.get("label", "").strip() or None))

