"""An item's lines -> its sections: (heading, lines) pairs in order.

A section heading is a known heading word (any style) or a short heading-styled line; the
text up to the next heading is that section's text. Text before the first heading is
kept under "Tekst".
"""
from __future__ import annotations

from dataclasses import replace

from dagsorden.extractor.danish.headings import (
    AGENDA_GROUP,
    ATTACHMENT_HEADING,
    BODY_DATELINE,
    BULLET,
    DECISION_HEADING,
    KNOWN_SECTION,
    POINT_ANSWER,
    RECOMMENDATION_HEADING,
)
from dagsorden.extractor.segment.lines import right_edge, right_of, strip_bullet
from dagsorden.extractor.segment.style import HEADING_SIZE_DELTA, is_heading_styled, runs_on
from dagsorden.models import StyledLine

MAX_HEADING_WORDS = 9
UNTITLED = "Tekst"

Sections = list[tuple[str, list[StyledLine]]]


def heading_evidence(line: StyledLine, body_size: float) -> str | None:
    """Why a line heads a section ("a known section word", "a short heading-styled line"), or None."""
    text = " ".join(line.text.split())
    if is_section_word(text):
        return "a section word of Danish case texts"
    if BULLET.match(text) and is_section_word(heading_text(text)):
        return "a section word as a list entry (a web page's unfolded sections)"
    if (is_heading_styled(line, body_size) and len(text.split()) <= MAX_HEADING_WORDS
            and not BULLET.match(text) and not text.endswith((".", ",")) and not text[:1].isdigit()):
        return "a short line in heading style"
    return None


def is_section_word(text: str) -> bool:
    # "Bilag til Kommunalbestyrelsen 28. juni 2017", "Bilagsoversigt": an attachment list's
    # heading in the body font too (not a sentence: "Bilag til sagen eftersendes.")
    return bool(KNOWN_SECTION.match(text) or RECOMMENDATION_HEADING.match(text) or DECISION_HEADING.match(text)
                or (ATTACHMENT_HEADING.match(text) and not text.endswith(".")))


def heading_text(text: str) -> str:
    """The heading as a name: whitespace joined, a list bullet and a colon dropped."""
    return strip_bullet(" ".join(text.split())).rstrip(":").strip()


def is_section_heading(line: StyledLine, body_size: float) -> bool:
    return heading_evidence(line, body_size) is not None


def inline_heading(line: StyledLine) -> tuple[str, StyledLine] | None:
    """"Beslutning: Godkendt." — a section word with its text on the same line."""
    label, colon, rest = line.text.partition(":")
    label = " ".join(label.split())
    if colon and rest.strip() and len(label.split()) <= MAX_HEADING_WORDS \
            and (KNOWN_SECTION.match(label) or DECISION_HEADING.match(label)):
        return label, replace(line, text=rest.strip())
    return None


def beside_heading(line: StyledLine, heading: StyledLine | None) -> bool:
    """"Bilag | Funktioner": a web table's header cell to the right of a section heading, on
    its row, names a column of the page (links, actions), not a section of the case."""
    return heading is not None and right_of(heading, line) and not is_section_word(" ".join(line.text.split()))


def addressee_of_recommendation(sections: Sections, line: StyledLine) -> bool:
    """"Indstilling" over "Byplanudvalget den 11. januar 2016": the body and meeting the
    recommendation is put to, its first line, not a verdict's heading."""
    return bool(sections) and not sections[-1][1] and RECOMMENDATION_HEADING.match(sections[-1][0]) is not None \
        and BODY_DATELINE.match(" ".join(line.text.split())) is not None


def bold_text_under(sections: Sections, line: StyledLine, body_size: float) -> bool:
    """"Beslutning" over "**Godkendt**" or "**Formanden:**": minutes that print the decision
    (or the recommendation, or the attachments' links) in bold, or a decision's parts under
    bold labels, set those lines like headings. Right under a decision or recommendation
    heading (or, in a decision's text, a label ending in a colon), and anywhere under an
    attachment heading, a line bold in the text's size that is no section word nor a body's
    dated heading is text of that section."""
    text = " ".join(line.text.split())
    if not sections or is_section_word(text) or BODY_DATELINE.match(text) or BULLET.match(text) \
            or AGENDA_GROUP.match(text) or line.size >= body_size + HEADING_SIZE_DELTA:
        return False
    heading, above = sections[-1]
    if RECOMMENDATION_HEADING.match(heading):  # "Indstilling" over "**Direktionen indstiller, at ...**"
        return not above
    if ATTACHMENT_HEADING.match(heading):  # "Bilag" over "**Budgetforslag 2018**": links set in bold
        return True
    return DECISION_HEADING.match(heading) is not None and (not above or text.endswith(":"))


def answers_a_point(sections: Sections, line: StyledLine) -> bool:
    """"Beslutning" over "Ad 1: Anbefales." / "Ad 2: Taget til efterretning.": the decision
    answers the recommendation's points one by one; each "Ad N" is a line of it, not another
    decision."""
    return bool(sections) and DECISION_HEADING.match(sections[-1][0]) is not None \
        and not POINT_ANSWER.match(sections[-1][0]) and POINT_ANSWER.match(line.text.strip()) is not None


def wraps_bold_text(sections: Sections, line: StyledLine, body_size: float, edge: float) -> bool:
    """The last line of a bold paragraph, short because it is the last: the text above it is
    set in its style and ran to the right edge."""
    if not sections or not sections[-1][1] or is_section_word(" ".join(line.text.split())):
        return False
    above = sections[-1][1][-1]
    return is_heading_styled(above, body_size) and runs_on(above, line, above, body_size, edge)


def split_sections(lines: list[StyledLine], body_size: float) -> Sections:
    sections: Sections = []
    heading: StyledLine | None = None
    previous: StyledLine | None = None
    edge = right_edge(lines)
    for line in lines:
        inline = inline_heading(line)
        is_heading = is_section_heading(line, body_size)
        if is_heading and beside_heading(line, heading):
            continue
        if is_heading and previous is not None and right_of(previous, line):
            is_heading = False  # "2 | Tidsplan": a table row's cell, not the case's "Tidsplan"
        previous = line
        if is_heading and (addressee_of_recommendation(sections, line) or bold_text_under(sections, line, body_size)
                           or wraps_bold_text(sections, line, body_size, edge)):
            is_heading = False
        if (is_heading or inline is not None) and answers_a_point(sections, line):
            is_heading, inline = False, None
        if is_heading:
            heading = line
            sections.append((heading_text(line.text), []))
        elif inline is not None:
            sections.append((inline[0], [inline[1]]))
        elif sections:
            sections[-1][1].append(line)
        else:
            sections.append((UNTITLED, [line]))
    return sections
