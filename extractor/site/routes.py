"""The reading pages' addresses (issue 13): Danish paths, with English aliases where a reader
might type them. Ids in paths are the archive's stable ids, so every address can be cited."""
from __future__ import annotations

from typing import Any

from dagsorden.extractor.site.decisions import DECISIONS_ROUTE, decision_page, decisions_page
from dagsorden.extractor.site.layout import stylesheet
from dagsorden.extractor.site.pages import home_page, meetings_page
from dagsorden.extractor.site.search_pages import SEARCH_ROUTE, old_search_route, search_page
from dagsorden.extractor.site.tariffs import SERIES_ROUTE, series_page, tariffs_page


def reading_routes(datasette: Any) -> list[tuple[str, Any]]:
    """Datasette matches routes on the percent-encoded path: "/-/møder" is /-/m%C3%B8der."""
    return [
        (r"^/$", home_page),
        (SEARCH_ROUTE, search_page),
        (DECISIONS_ROUTE, decisions_page),
        (r"^/-/(?:beslutning|decision)/(?P<item_id>[a-z0-9\-]{1,200})$", decision_page),
        (r"^/-/(?:m%[cC]3%[bB]8der|meetings)$", meetings_page),
        (r"^/-/(?:takster|tariffs)$", tariffs_page),
        (SERIES_ROUTE, series_page),
        (r"^/-/static-dagsorden/site\.css$", stylesheet),
        old_search_route(datasette),
    ]
