"""What kind of document this is: agenda, minutes, strategy, appendix or other.

Evidence in order: agenda items found (agenda or minutes), the words on the first
page and in running headers (Referat, Dagsorden), decision headings in items.
"""
from __future__ import annotations

from dagsorden.extractor.danish.headings import (
    AGENDA_WORD,
    DECISION_HEADING,
    MINUTES_WORD,
    PRESENT_LABEL,
    RECOMMENDATION_HEADING,
    STRATEGY_WORD,
    TIME_LABEL,
)
import re

from dagsorden.models import PdfText, Segment
from dagsorden.models.extraction import DocumentKind

MIN_ITEMS = 2
CASE_SECTIONS = re.compile(r"^(?:resum[eé]|sammendrag|sagsfremstilling|sagsbeskrivelse|baggrund)\s*:?$", re.IGNORECASE)
AGENDA_SHARE = 1 / 3  # of items with case-text sections, for numbered headings to be agenda items


def first_page_words(pdf: PdfText) -> str:
    first = next((p for p in pdf.pages if p.lines), None)
    running = " ".join(line.text for p in pdf.pages[:3] for line in p.running)
    return " ".join(line.text for line in (first.lines[:25] if first else [])) + " " + running


def classify(pdf: PdfText, segments: list[Segment]) -> DocumentKind:
    items = [s for s in segments if s.kind == "item"]
    words = first_page_words(pdf)
    if len(items) >= MIN_ITEMS and looks_like_meeting(pdf, items, words):
        decisions = sum(1 for s in items for line in s.lines if DECISION_HEADING.match(line.text.strip()))
        if MINUTES_WORD.search(words) or decisions >= max(1, len(items) // 2):
            return "minutes"
        return "agenda"
    if STRATEGY_WORD.search(words):
        return "strategy"
    if AGENDA_WORD.search(words) or MINUTES_WORD.search(words):
        return "other"
    return "appendix" if any(p.lines for p in pdf.pages) else "other"


def looks_like_meeting(pdf: PdfText, items: list[Segment], words: str) -> bool:
    """Numbered headings make a report look like an agenda; ask for meeting evidence too."""
    if AGENDA_WORD.search(words) or MINUTES_WORD.search(words):
        return True
    first = next((p for p in pdf.pages if p.lines), None)
    if first and any(TIME_LABEL.match(line.text) or PRESENT_LABEL.match(line.text) for line in first.lines):
        return True
    with_sections = sum(
        1 for s in items
        if any(CASE_SECTIONS.match(line.text.strip()) or RECOMMENDATION_HEADING.match(line.text.strip())
               or DECISION_HEADING.match(line.text.strip()) for line in s.lines)
    )
    return with_sections >= max(1, AGENDA_SHARE * len(items))
