"""Decisions for journalists: /-/beslutninger (every decision, newest first, or the ones that
mention words; facets by outcome, departure from the recommendation, year, committee and
municipality) and /-/beslutning/<item id>, one citable page per decision."""
from __future__ import annotations

from typing import Any

from datasette.utils.asgi import Response

from dagsorden.extractor.site.i18n import Language
from dagsorden.extractor.site.layout import about_one_row, archive, render, rows
from dagsorden.extractor.site.pages import cite_text
from dagsorden.extractor.site.search import DECISIONS
from dagsorden.extractor.site.search_pages import Page, respond

DECISIONS_PATH = "/-/beslutninger"
DECISIONS_ROUTE = r"^/-/(?:beslutninger|decisions)(?P<format>\.json|\.csv|\.atom)?$"
DECISIONS_PAGE = Page(DECISIONS_PATH, DECISIONS, "decisions", "/-/beslutning/")


async def decisions_page(datasette: Any, request: Any) -> Response:
    return await respond(datasette, request, DECISIONS_PAGE, "dagsorden_decisions.html", "decisions.title")


@about_one_row("item_id", "select o.*, d.document_sha256, d.outcome_stated, d.not_taking_part, i.page_start, doc.kind as document_kind, "
                          "a.document_sha256 as agenda_sha256, a.page_start as agenda_page, m.municipality "
                          "from item_outcomes o join decisions d on d.item_id = o.item_id "
                          "join items i on i.id = o.item_id join documents doc on doc.sha256 = d.document_sha256 "
                          "left join items a on a.id = o.agenda_item_id left join meetings m on m.id = o.meeting_id "
                          "where o.item_id = ?")
async def decision_page(datasette: Any, request: Any, decision: dict[str, Any]) -> Response:
    """The decision beside the agenda's recommendation, with its outcome, dissents and pages."""
    db = archive(datasette)
    item_id = decision["item_id"]
    language = Language.of(request.args)
    dissents = await rows(db, "select who, kind, text from dissents where item_id = ? order by position", [item_id])
    page = decision.get("page") or decision.get("page_start")
    return await render(datasette, request, "dagsorden_decision.html", {
        "decision": decision, "dissents": dissents, "page": page,
        "cite": cite_text(language, decision, decision, page),
        "cite_url": datasette.absolute_url(request, request.path),
    }, current="decisions")
