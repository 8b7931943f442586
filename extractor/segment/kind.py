"""What kind of document this is: agenda, minutes, strategy, appendix or other.

A label drawn from the evidence, never a gate: the fact stages read items and meeting
fields of any document that has them. Evidence, in order: items found (agenda or minutes);
the words of the cover and the running headers, never of item titles ("Godkendelse af
referat" is an item of an agenda); decision headings in the items.
"""
from __future__ import annotations

from dagsorden.extractor.danish.dates import find_date
from dagsorden.extractor.danish.headings import (
    AGENDA_WORD,
    DECISION_HEADING,
    KNOWN_SECTION,
    LIST_ENTRY,
    MINUTES_WORD,
    STRATEGY_WORD,
)
from dagsorden.extractor.segment.lines import strip_bullet
from dagsorden.models import PdfText, Segment
from dagsorden.models.extraction import DocumentKind

COVER_LINES = 25
RUNNING_PAGES = 3


def cover_words(pdf: PdfText, segments: list[Segment]) -> str:
    """The text of the cover (the front matter's first lines, or the first page when there
    is none) and of the running headers of the first pages."""
    front = [s for s in segments if s.kind in ("front", "body")]
    if front:  # a contents list names items ("2. Godkendelse af referat"): not the document
        cover = [line for line in front[0].lines[:COVER_LINES] if not LIST_ENTRY.match(line.text.strip())]
    else:
        first = next((p for p in pdf.pages if p.body), None)
        heading = {id(line) for s in segments for line in s.heading_lines}
        cover = [line for line in (first.body[:COVER_LINES] if first else []) if id(line) not in heading][:3]
    running = [line for p in pdf.pages[:RUNNING_PAGES] for line in p.running]
    return " ".join(line.text for line in [*cover, *running])


def decided_here(segment: Segment) -> bool:
    """An undated "Beslutning" heading with text under it: what this meeting decided (an
    agenda leaves the heading empty; an earlier body's decision is dated)."""
    lines = [strip_bullet(line.text) for line in segment.lines]
    return any(DECISION_HEADING.match(text) and not find_date(text) and i + 1 < len(lines)
               and not KNOWN_SECTION.match(lines[i + 1]) and not DECISION_HEADING.match(lines[i + 1])
               for i, text in enumerate(lines))


def classify(pdf: PdfText, segments: list[Segment]) -> DocumentKind:
    items = [s for s in segments if s.kind == "item"]
    words = cover_words(pdf, segments)
    if items:
        decided = sum(1 for s in items if any(DECISION_HEADING.match(strip_bullet(line.text)) for line in s.lines))
        minutes, agenda = MINUTES_WORD.search(words), AGENDA_WORD.search(words)
        if minutes and not agenda:
            return "minutes"
        if agenda and not minutes:
            # "Dagsorden" over the items of a web page that prints each item's decision
            filled = sum(map(decided_here, items))
            return "minutes" if filled * 2 > len(items) else "agenda"
        # neither, or both ("Dagsordener og referater", a web site's heading): the items tell
        return "minutes" if decided * 2 >= len(items) and decided else "agenda"
    if STRATEGY_WORD.search(words):
        return "strategy"
    if AGENDA_WORD.search(words) or MINUTES_WORD.search(words):
        return "other"
    return "appendix" if any(p.lines for p in pdf.pages) else "other"
