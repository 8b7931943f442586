"""Item segment -> item sections -> Item (recommendations, attachments, case number).

A section heading is a known heading word (any style) or a short heading-styled
line; the text up to the next heading is that section's text.
"""
from __future__ import annotations

from dataclasses import replace
import re

from dagsorden.extractor.danish.headings import (
    ATTACHMENT_HEADING,
    BULLET,
    DECISION_HEADING,
    KNOWN_SECTION,
    RECOMMENDATION_HEADING,
    RECOMMENDATION_LEAD,
)
from dagsorden.extractor.segment.segments import body_font_size, is_heading_styled
from dagsorden.extractor.facts.textrun import URL, lines_to_entries, lines_to_paragraphs, right_edge, typical_gap
from dagsorden.models import Attachment, Item, Segment, StyledLine

CASE_NUMBER = re.compile(
    r"(?:sags?\s*nr\.?:?|sagsnummer:?|j\.\s*nr\.?:?)?\s*"
    r"(?P<case>\b(?:[A-ZÆØÅ]{2,5}-)?(?:19|20)\d{2}-\d{3,7}\b|\b\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}\b)",
    re.IGNORECASE)
CASE_LINE_WINDOW = 6  # a case number belongs to the item head, not to amounts in the text
MAX_HEADING_WORDS = 9
LEAD_SUBJECT_WORDS = 3  # "Det indstilles, at DAS" + bullets: "DAS" is a subject, not a point
UNTITLED = "Tekst"

Sections = list[tuple[str, list[StyledLine]]]


def is_section_heading(line: StyledLine, body_size: float) -> bool:
    text = line.text.strip()
    if KNOWN_SECTION.match(text) or RECOMMENDATION_HEADING.match(text) or DECISION_HEADING.match(text):
        return True
    return (is_heading_styled(line, body_size) and len(text.split()) <= MAX_HEADING_WORDS
            and not BULLET.match(text) and not text.endswith((".", ",")) and not text[:1].isdigit())


def split_sections(lines: list[StyledLine], body_size: float) -> Sections:
    sections: Sections = []
    for line in lines:
        if is_section_heading(line, body_size):
            sections.append((line.text.strip().rstrip(":").strip(), []))
        elif sections:
            sections[-1][1].append(line)
        else:
            sections.append((UNTITLED, [line]))
    return sections


def find_case_number(lines: list[StyledLine]) -> tuple[str | None, StyledLine | None]:
    for line in lines[:CASE_LINE_WINDOW]:
        match = CASE_NUMBER.search(line.text)
        if match and len(line.text.split()) <= 4:
            return match.group("case"), line
    return None, None


def recommendation_lines(sections: Sections) -> list[StyledLine]:
    """Lines of the Indstilling section, or from a "Det indstilles, at" anywhere on."""
    for heading, lines in sections:
        # an empty "Indstilling" is followed by its lead as a heading ("Forvaltningen indstiller, at")
        if lines and (RECOMMENDATION_HEADING.match(heading) or RECOMMENDATION_HEADING.match(heading + ":")):
            return lines
    every = [line for _, lines in sections for line in lines]
    for index, line in enumerate(every):
        if RECOMMENDATION_LEAD.match(line.text.strip()):
            end = index + 1
            while end < len(every) and not re.match(r"^\s*$", every[end].text):
                end += 1
            return every[index:end]
    return []


def recommendations_from(lines: list[StyledLine], edge: float, gap: float) -> list[tuple[str, StyledLine]]:
    lead_at = next((i for i, line in enumerate(lines) if RECOMMENDATION_LEAD.match(line.text.strip())), None)
    if lead_at is None:
        return lines_to_entries(lines, edge, gap)
    match = RECOMMENDATION_LEAD.match(lines[lead_at].text.strip())
    rest = match.group("rest").strip() if match else ""
    after = lines[lead_at + 1:]
    entries = lines_to_entries(after, edge, gap)
    if rest:
        lead_line = replace(lines[lead_at], text=rest)
        if entries and len(rest.split()) <= LEAD_SUBJECT_WORDS:
            return entries
        return lines_to_entries([lead_line, *after], edge, gap)
    return entries


def attachments_from(sections: Sections, edge: float, gap: float) -> list[Attachment]:
    found: list[Attachment] = []
    for heading, lines in sections:
        if ATTACHMENT_HEADING.match(heading):
            for text, line in lines_to_entries(lines, edge, gap):
                if not URL.match(text):
                    found.append(Attachment(title=text, page=line.page))
    return found


def segment_to_item(segment: Segment, number: int | None = None) -> Item:
    lines = list(segment.lines)
    case_number, case_line = find_case_number(lines)
    if case_line is not None:
        lines.remove(case_line)
    sections = split_sections(lines, body_font_size(lines))
    edge = right_edge(lines)  # the text column's right edge: shorter lines end an entry
    gap = typical_gap(lines)  # the line spacing inside a paragraph: more opens a new entry
    texts: dict[str, str] = {}
    for heading, section_lines in sections:
        key = heading if heading not in texts else f"{heading} ({sum(k.startswith(heading) for k in texts) + 1})"
        texts[key] = lines_to_paragraphs(section_lines)
    decision = next((texts[h] for h, _ in sections if DECISION_HEADING.match(h) and texts.get(h)), None)
    decision_page = next((ls[0].page for h, ls in sections if DECISION_HEADING.match(h) and ls), None)
    pages = [line.page for line in segment.lines]
    return Item(
        number=number if number is not None else (segment.item or 0),
        title=segment.title or "",
        case_number=case_number,
        closed=segment.closed,
        section=segment.section,
        page_start=min(pages) if pages else None,
        page_end=max(pages) if pages else None,
        sections=texts,
        recommendations=[text for text, _ in recommendations_from(recommendation_lines(sections), edge, gap)],
        decision=decision,
        attachments=attachments_from(sections, edge, gap),
        decision_page=decision_page if decision else None,
    )
