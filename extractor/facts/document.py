"""Segments -> Extraction: every fact stage of one document, in the order they need each other
(the attendance lists feed the entities, the items feed the money facts' item numbers).
"""
from __future__ import annotations

from dagsorden.extractor.facts.decisions import decide
from dagsorden.extractor.facts.entities import segments_to_entities
from dagsorden.extractor.facts.items import segment_to_item
from dagsorden.extractor.facts.meeting import extract_meeting
from dagsorden.extractor.facts.money import money_facts
from dagsorden.extractor.facts.nlp import get_nlp
from dagsorden.extractor.facts.people import parse_guest_sentences, unique_people
from dagsorden.extractor.segment.sections import heading_text, is_section_word
from dagsorden.models import (
    Appendix,
    DocumentInfo,
    Extraction,
    Item,
    PageInfo,
    PdfText,
    Person,
    SegmentedDocument,
    StyledLine,
)

COLUMN_EDGE_SHARE = 0.9  # of lines that end before the column's edge


def column_edge(lines: list[StyledLine]) -> float:
    """The right edge of the document's text column: where most full lines end (a wide table
    line or a landscape appendix page does not move it)."""
    ends = sorted(line.x1 for line in lines)
    return ends[int(len(ends) * COLUMN_EDGE_SHARE)] if ends else 0.0


def segments_to_items(doc: SegmentedDocument, meeting_date: str | None = None) -> list[Item]:
    items: list[Item] = []
    minutes = doc.kind == "minutes"
    edge = column_edge(doc.pdf.body_lines())
    for segment in doc.of_kind("item"):
        for number in segment.numbers or [segment.item or 0]:
            items.append(decide(segment_to_item(segment, number, minutes=minutes, agenda=doc.kind == "agenda",
                                                meeting_date=meeting_date, column_edge=edge)))
    return items


def item_guests(doc: SegmentedDocument) -> list[Person]:
    """People who attend for one item, named in that item's text (a section heading ends the
    sentence before it: "Sagsfremstilling" is no part of the name after it)."""
    guests: list[Person] = []
    for segment in doc.of_kind("item"):
        text = " ".join(f"{line.text}." if is_section_word(heading_text(line.text)) else line.text
                        for line in segment.lines)
        guests.extend(parse_guest_sentences(text, segment.item, segment.page_start))
    return guests


def page_infos(pdf: PdfText) -> list[PageInfo]:
    return [
        PageInfo(
            number=page.number,
            text="\n".join(line.text for line in page.body),
            header="\n".join(line.text for line in page.running if line.role == "header"),
            footer="\n".join(line.text for line in page.running if line.role == "footer"),
            has_text_layer=page.has_text_layer,
        )
        for page in pdf.pages
    ]


def document_title(doc: SegmentedDocument) -> str | None:
    """The largest line of the first page with text: what a reader would call the document."""
    for page in doc.pdf.pages:
        if page.body:
            return max(page.body[:15], key=lambda line: line.size).text.strip()
    return None


def segments_to_extraction(doc: SegmentedDocument, nlp_model: str | None = None) -> Extraction:
    pdf = doc.pdf
    # The kind is a label, not a gate: whatever has items or is called an agenda or minutes
    # gets its meeting, attendance and items read.
    has_meeting = bool(doc.of_kind("item")) or doc.kind in ("agenda", "minutes")
    attendance = extract_meeting(doc) if has_meeting else None
    meeting = attendance.meeting if attendance else None
    items = segments_to_items(doc, meeting.date if meeting else None) if has_meeting else []
    present = attendance.present if attendance else []
    # a member listed as present who stood outside an item, or sent apologies, is both: a
    # participant, and absent where the minutes say so
    absent = unique_people((attendance.absent if attendance else []) + [p for i in items for p in i.absent])
    guests = unique_people(attendance.guests + item_guests(doc)) if attendance else []
    members = {person.name for person in present + absent}
    guests = [guest for guest in guests if guest.name not in members]  # "X deltog i behandlingen af punkt 4"
    info = DocumentInfo(
        sha256=pdf.sha256, filename=pdf.filename, pages=len(pdf.pages), kind=doc.kind,
        producer=pdf.producer, ocr_pages=pdf.ocr_pages, needs_ocr_pages=pdf.needs_ocr_pages,
        title=document_title(doc),
    )
    tables, amounts, tariffs = money_facts(doc)
    appendices = [
        Appendix(title=s.title or "", page_start=s.page_start or 0, page_end=s.page_end or 0, item=s.item)
        for s in doc.of_kind("appendix")
    ]
    return Extraction(
        document=info,
        **({"meeting": meeting} if meeting else {}),
        participants=present, absent=absent, guests=guests,
        items=items,
        appendices=appendices,
        tables=tables, amounts=amounts, tariffs=tariffs,
        entities=segments_to_entities(doc, present + absent + guests,
                                      meeting.committee if meeting else None, get_nlp(nlp_model),
                                      venue=meeting.location if meeting else None),
        pages=page_infos(pdf),
    )
