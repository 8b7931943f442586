"""The reading pages: home, meetings, a meeting, an item, and how the archive was made.

Each page has a stable address built from the archive's stable ids (meeting id, item id), and
the meeting and item pages end with a line to cite them by (committee, date, item, page, URL).
"""
from __future__ import annotations

from typing import Any

from datasette.utils.asgi import Response

from dagsorden.extractor.danish.headings import ATTACHMENT_HEADING, DECISION_HEADING, RECOMMENDATION_HEADING
from dagsorden.extractor.site.i18n import Language
from dagsorden.extractor.site.layout import about_one_row, archive, render, rows

RECENT_MEETINGS = 12


def cite_text(language: Language, meeting: dict[str, Any], item: dict[str, Any] | None = None,
              page: int | None = None) -> str:
    """"DAS Social, møde 21. august 2023, punkt 3: Budget og takster (referat, side 6)"."""
    parts = [meeting.get("committee"), f"{language('meeting').lower()} {language.date(meeting.get('date'))}"
             if meeting.get("date") else None]
    text = ", ".join(p for p in parts if p) or language("meeting")
    if item is not None:
        text += f", {language('item.short', number=item.get('number'))}: {item.get('title') or ''}"
        source = [language.word("document", item.get("document_kind")).lower() if item.get("document_kind") else None,
                  f"{language('page')} {page}" if page else None]
        if any(source):
            text += " (" + ", ".join(p for p in source if p) + ")"
    return text


async def home_page(datasette: Any, request: Any) -> Response:
    db = archive(datasette)
    counts = (await rows(db, "select (select count(*) from meetings) as meetings, "
                             "(select count(*) from items) as items, (select count(*) from decisions) as decisions, "
                             "(select min(year) from meetings) as first, (select max(year) from meetings) as last",
                         []))[0]
    recent = await rows(db, "select id, committee, date, municipality from meetings order by date desc limit ?",
                        [RECENT_MEETINGS])
    return await render(datasette, request, "dagsorden_home.html", {"counts": counts, "recent": recent},
                        current="home")


async def meetings_page(datasette: Any, request: Any) -> Response:
    """Every meeting, newest first, with its documents' kinds."""
    meetings = await rows(archive(datasette),
                          "select m.id, m.committee, m.date, m.municipality, group_concat(d.kind, ' ') as kinds "
                          "from meetings m left join documents d on d.meeting_id = m.id and d.superseded_by is null "
                          "group by m.id order by m.date desc, m.committee", [])
    return await render(datasette, request, "dagsorden_meetings.html", {"meetings": meetings}, current="meetings")


@about_one_row("meeting_id", "select * from meetings where id = ?")
async def meeting_page(datasette: Any, request: Any, meeting: dict[str, Any]) -> Response:
    db = archive(datasette)
    meeting_id = meeting["id"]
    items = await rows(db, "select i.id, i.number, i.title, i.case_number, i.page_start, i.decision, "
                           "i.document_sha256, d.kind, dec.outcome, dec.departs, "
                           "(select group_concat(r.text, char(10)) from recommendations r where r.item_id = i.id) "
                           "as recommendations from items i join documents d on d.sha256 = i.document_sha256 "
                           "left join decisions dec on dec.item_id = i.id where i.meeting_id = ? "
                           "and d.superseded_by is null order by i.number, d.kind", [meeting_id])
    language = Language.of(request.args)
    return await render(datasette, request, "dagsorden_meeting.html", {
        "meeting": meeting,
        "documents": await rows(db, "select sha256, filename, kind, pages, superseded_by from documents "
                                    "where meeting_id = ? order by superseded_by is not null, kind", [meeting_id]),
        "participants": await rows(db, "select distinct name, organization, role, attendance from participants "
                                       "where meeting_id = ? order by attendance = 'guest', attendance, name",
                                   [meeting_id]),
        "items": items_side_by_side(items),
        "cite": cite_text(language, meeting), "cite_url": datasette.absolute_url(request, request.path),
    }, current="meetings")


def items_side_by_side(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per item number: the agenda's recommendation beside the minutes' decision."""
    by_number: dict[Any, dict[str, Any]] = {}
    for item in items:
        row = by_number.setdefault(item["number"], {"number": item["number"], "title": item["title"],
                                                   "case_number": item["case_number"]})
        role = "minutes" if item["kind"] == "minutes" else "agenda"
        if role in row:  # a second document of the same kind: keep the first, list the other
            row.setdefault("others", []).append(item)
            continue
        row[role] = item
        row["recommendations"] = row.get("recommendations") or item["recommendations"]
    return list(by_number.values())


def without_repeats(sections: list[dict[str, Any]], item: dict[str, Any], facts: dict[str, Any]) -> list[dict]:
    """The sections not already shown as structured facts (recommendations, attachments, decision)."""
    shown = [(RECOMMENDATION_HEADING, facts["recommendations"]), (ATTACHMENT_HEADING, facts["attachments"]),
             (DECISION_HEADING, item.get("decision"))]
    return [s for s in sections
            if not any(present and pattern.match(s["heading"] or "") for pattern, present in shown)]


@about_one_row("item_id", "select i.*, m.committee, m.date as meeting_date, m.location, m.municipality, "
                          "d.filename, d.path, d.superseded_by, d.kind as document_kind, dec.outcome "
                          "from items i left join meetings m on m.id = i.meeting_id "
                          "left join documents d on d.sha256 = i.document_sha256 "
                          "left join decisions dec on dec.item_id = i.id where i.id = ?")
async def item_page(datasette: Any, request: Any, item: dict[str, Any]) -> Response:
    db = archive(datasette)
    item_id = item["id"]
    facts = {
        "recommendations": await rows(db, "select text, page from recommendations where item_id = ? "
                                          "order by position", [item_id]),
        "attachments": await rows(db, "select title, page from attachments where item_id = ? order by position",
                                  [item_id]),
        "appendices": await rows(db, "select title, page_start, page_end from appendices where item_id = ?",
                                 [item_id]),
        "amounts": await rows(db, "select * from amounts where item_id = ? order by page", [item_id]),
        "tariffs": await rows(db, "select * from tariffs where item_id = ? order by page", [item_id]),
        "mentions": await rows(db, "select * from mentions where item_id = ? order by page", [item_id]),
        "related": await rows(db, "select i.id, i.title, i.date, i.number from items i where i.case_number = ? "
                                  "and i.id != ? order by i.date", [item.get("case_number"), item_id]),
        "corrections": await rows(db, "select field, value, corrected_at from corrections where item_id = ?",
                                  [item_id]),
        # An older version of a changed file: the same item in the current version.
        "newest": await rows(db, "select i.id, i.title from items i join documents d on d.sha256 = "
                                 "i.document_sha256 where d.path = ? and d.superseded_by is null "
                                 "and i.number = ?", [item.get("path"), item.get("number")])
        if item.get("superseded_by") else [],
    }
    sections = await rows(db, "select heading, text from item_sections where item_id = ? order by position",
                          [item_id])
    language = Language.of(request.args)
    meeting = {"committee": item.get("committee"), "date": item.get("meeting_date")}
    return await render(datasette, request, "dagsorden_item.html", {
        "item": item, "facts": facts, "sections": without_repeats(sections, item, facts),
        "cite": cite_text(language, meeting, item, item.get("page_start")),
        "cite_url": datasette.absolute_url(request, request.path),
    }, current="meetings")


async def about_page(datasette: Any, request: Any) -> Response:
    """How the archive was extracted, with the coverage of every document, so gaps are seen."""
    db = archive(datasette)
    coverage = await rows(db, "select * from coverage order by current desc, filename", [])
    failures = await rows(db, "select count(*) as n from failures", [])
    return await render(datasette, request, "dagsorden_about.html",
                        {"coverage": coverage, "failures": failures[0]["n"] if failures else 0}, current="about")
