"""An item's lines -> its sections: (heading, lines) pairs in order.

A section heading is a known heading word (any style) or a short heading-styled line; the
text up to the next heading is that section's text. Text before the first heading is
kept under "Tekst".
"""
from __future__ import annotations

from dagsorden.extractor.danish.headings import (
    BULLET,
    DECISION_HEADING,
    KNOWN_SECTION,
    RECOMMENDATION_HEADING,
)
from dagsorden.extractor.segment.style import is_heading_styled
from dagsorden.models import StyledLine

MAX_HEADING_WORDS = 9
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
