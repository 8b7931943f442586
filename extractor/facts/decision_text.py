"""An item's sections -> this meeting's decision text, and the attendance printed with it.

Minutes print decisions in many ways: under "Beslutning"; under a dated heading naming the
body ("Beslutning i Byrådet den 13-05-2015", "Handicaprådet, 23-05-2019, pkt. 1"), often
after earlier bodies' dated decisions of the same case; or with no label at all, the text
under each point being what was decided. Attendance lines printed after a decision
("Fraværende: ...", "Afbud: ...", "X deltog ikke i behandlingen af punktet") are not part of
it: they name who was absent for the item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import accumulate

from dagsorden.extractor.danish.dates import find_date
from dagsorden.extractor.danish.headings import (
    ARRIVAL_SENTENCE,
    ATTACHMENT_HEADING,
    ATTACHMENT_LINE,
    ATTENDANCE_LINE,
    ATTENDANCE_SENTENCE,
    DECISION_HEADING,
    DECISION_LABEL_LINE,
    DECISION_PART,
    FILE_DATA_LINE,
    FILES_LABEL,
    FILES_LINE,
    POINT_REFERENCE,
    RECOMMENDATION_HEADING,
    RECOMMENDATION_LEAD,
    SECTION_OR_TITLE,
    SUBSTITUTE_SENTENCE,
)
from dagsorden.extractor.danish.sentences import first_sentence, sentence_spans
from dagsorden.extractor.facts.people import parse_person_line
from dagsorden.extractor.segment.lines import ended_early, join_lines, lines_to_paragraphs, paragraph_after, right_edge
from dagsorden.extractor.segment.sections import Sections
from dagsorden.models import StyledLine

# Sections of a minutes item that are not what was decided when no decision heading exists.
NOT_DECIDED = (RECOMMENDATION_HEADING, ATTACHMENT_HEADING)
CLOSING_SENTENCE_LINES = 4  # the lines a decision's closing sentence is looked for in
MAX_NAME_LINE_WORDS = 8  # "Anne Marie Holm (V), næstformand": a member's line is short


@dataclass
class DecisionText:
    text: str | None = None
    page: int | None = None
    attendance: list[StyledLine] | None = None  # the attendance lines printed with it
    not_taking_part: str | None = None  # its closing sentence on who took no part


def is_capitals_heading(line: StyledLine) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def split_attendance(lines: list[StyledLine]) -> tuple[list[StyledLine], list[StyledLine]]:
    """The decision's own lines, and the attendance lines from the first one that opens a
    paragraph (a sentence inside the decision's paragraph stays: "Godkendt. X deltog ikke").
    Label lines printed over the decision ("Dato: ...", "Sted: ...", "Fraværende: ...") are
    not its text either: they are passed over, attendance kept."""
    head: list[StyledLine] = []
    while lines and (DECISION_LABEL_LINE.match(lines[0].text.strip()) or ATTENDANCE_LINE.match(lines[0].text.strip())):
        label, lines = lines[0], lines[1:]
        if ATTENDANCE_LINE.match(label.text.strip()):
            head.append(label)
            while lines and lines[0].top - head[-1].bottom < 0.9 * max(lines[0].size, 6.0) \
                    and lines[0].page == head[-1].page and not DECISION_LABEL_LINE.match(lines[0].text.strip()) \
                    and continues_names(head[-1], lines[0]):
                head.append(lines[0])
                lines = lines[1:]
    while opening := attendance_paragraph(lines):
        head, lines = head + lines[:opening], lines[opening:]
    own, attendance = split_trailing_attendance(lines)
    return own, head + attendance


def attendance_paragraph(lines: list[StyledLine]) -> int:
    """The lines of a first paragraph that only tells who was absent or came in a member's
    place ("Louise Ravn havde meldt afbud til mødet. Første stedfortræder, Anders Holm, deltog
    som stedfortræder."), where the decision follows in a paragraph of its own; else 0."""
    if not lines:
        return 0
    end = 1 + len(paragraph_after(lines, 0))
    if end >= len(lines):
        return 0
    text = " ".join(" ".join(line.text for line in lines[:end]).split())
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    reports = all(ATTENDANCE_SENTENCE.search(s) or SUBSTITUTE_SENTENCE.search(s) for s in sentences)
    return end if sentences and reports and any(ATTENDANCE_SENTENCE.search(s) for s in sentences) else 0


def continues_names(previous: StyledLine, line: StyledLine) -> bool:
    """The next line of an attendance list: a name a line ("Afbud:" over "Anne Holm"), or the
    wrap of a list; not "Godkendt. ..." set close under "Fraværende: A, B"."""
    text = line.text.strip()
    return previous.text.rstrip().endswith((",", " og")) or (
        ":" not in text and len(text.split()) <= MAX_NAME_LINE_WORDS and parse_person_line(text) is not None)


def split_trailing_attendance(lines: list[StyledLine]) -> tuple[list[StyledLine], list[StyledLine]]:
    edge = right_edge(lines)
    for i, line in enumerate(lines):
        text = line.text.strip()
        before = lines[i - 1] if i else None
        # a paragraph opens after a gap, on a new page, or after a line broken on purpose
        opens_paragraph = before is None or line.page != before.page or \
            line.top - before.bottom > 0.6 * max(line.size, 6.0) or \
            (before.text.rstrip().endswith((".", ":")) and ended_early(before, text, edge))
        # "Fraværende: ..."; but "deltog ikke ..." after a line that ends mid-sentence is its wrap
        wrapped = before is not None and not before.text.rstrip().endswith((".", ":")) and text[:1].islower()
        labelled = i > 0 and ((ATTENDANCE_LINE.match(text) and not wrapped) or is_capitals_heading(line))
        sentence = i > 0 and opens_paragraph and is_attendance_sentence(first_sentence(text))
        if labelled or sentence:
            return lines[:i], lines[i:]
    return lines, []


def is_attendance_sentence(sentence: str) -> bool:
    """Who took no part, or who came in a member's place or later."""
    return bool(ATTENDANCE_SENTENCE.search(sentence) or ARRIVAL_SENTENCE.search(sentence))


def split_last_sentence(lines: list[StyledLine]) -> tuple[list[StyledLine], list[StyledLine]]:
    """"Indstillingen blev godkendt. X erklærede sig inhabil og deltog ikke i behandlingen af
    punktet.": a closing sentence that says who took no part records attendance, not what
    was decided, even inside the decision's paragraph (and wrapped over its lines)."""
    tail = lines[-CLOSING_SENTENCE_LINES:]
    starts = list(accumulate((len(line.text) + 1 for line in tail[:-1]), initial=0))
    joined = " ".join(line.text for line in tail)
    spans = sentence_spans(joined)
    if not spans:
        return lines, []
    start = spans[-1][0]
    closing = " ".join(joined[start:].split())
    if not (start > 0 or len(lines) > len(tail)) or not closing.endswith(".") \
            or not is_attendance_sentence(closing):
        return lines, []
    at = max(i for i, offset in enumerate(starts) if offset <= start)
    first = tail[at]
    before = first.text[:start - starts[at]].rstrip()
    kept = lines[:len(lines) - len(tail) + at] + ([replace(first, text=before)] if before else [])
    return kept, [replace(first, text=closing)]


def file_list_at(lines: list[StyledLine], i: int) -> tuple[re.Match[str], int] | None:
    """The paragraph opening at line i when it lists attached files ("Vedlagt: Takster.pdf
    (312 KB) og Kort.pdf (1,4 MB)", wrapped over lines): its match and how many lines it holds."""
    if not FILES_LABEL.match(" ".join(lines[i].text.split())):
        return None  # the label opens the line: no paragraph to join
    following = paragraph_after(lines, i)
    match = FILES_LINE.match(join_lines([" ".join(lines[i].text.split()), *(l.text for l in following)]))
    return (match, 1 + len(following)) if match else None


def without_file_lists(lines: list[StyledLine]) -> list[StyledLine]:
    """The lines without a paragraph that lists attached files."""
    skipped: set[int] = set()
    for i in range(len(lines)):
        if i not in skipped and (files := file_list_at(lines, i)):
            skipped.update(range(i, i + files[1]))
    return [line for i, line in enumerate(lines) if i not in skipped]


def is_dateline(text: str) -> bool:
    """"Kultur- og Demokratiudvalget, 03.09.2018": the body and date printed over a decision."""
    found = find_date(text)
    return bool(found) and len(text.replace(found[1].group(0), " ").strip(" ,.:-–").split()) <= 6 \
        and not text.rstrip().endswith(".")


def dated(heading: str) -> str | None:
    found = find_date(heading)
    return found[0] if found else None


def with_decision_parts(sections: Sections) -> Sections:
    """"Beslutning" / "Godkendt." / "Protokolbemærkning" / "X ønskede ...": a part of the
    decision set as a heading of its own goes on the decision, its heading as a line."""
    merged: Sections = []
    for heading, lines in sections:
        if merged and lines and DECISION_PART.match(heading.strip()) and DECISION_HEADING.match(merged[-1][0]):
            first = lines[0]
            label = replace(first, text=heading.strip(), top=first.top - first.size * 1.4, bottom=first.top - first.size * 0.4)
            merged[-1] = (merged[-1][0], merged[-1][1] + [label, *lines])
        else:
            merged.append((heading, lines))
    return merged


def until_next_section(lines: list[StyledLine]) -> list[StyledLine]:
    """The decision's lines up to an "Orientering" section after them: in a text-only export
    no font sets that heading apart."""
    end = next((i for i, line in enumerate(lines) if i and SECTION_OR_TITLE.match(line.text.strip())), len(lines))
    return lines[:end]


def decision_of(sections: Sections, meeting_date: str | None = None, minutes: bool = False,
                agenda: bool = False) -> DecisionText:
    """This meeting's decision: the decision section dated this meeting's date, else the last
    undated one (decision sections all dated otherwise are earlier bodies'); in minutes
    without one, the item's own text; in an agenda none (what it prints are earlier bodies')."""
    if agenda:
        return DecisionText()
    sections = with_decision_parts(sections)
    decided = [(heading, lines) for heading, lines in sections if DECISION_HEADING.match(heading) and lines]
    this_meeting = [d for d in decided if meeting_date and dated(d[0]) == meeting_date]
    undated = [d for d in decided if not dated(d[0])]
    if this_meeting or undated or (decided and not meeting_date):
        heading, lines = (this_meeting or undated or decided)[-1]
        lines = lines[1:] if lines and is_dateline(lines[0].text) else lines
        if lines and POINT_REFERENCE.match(lines[0].text.strip()):
            lines = [replace(lines[0], text=POINT_REFERENCE.sub("", lines[0].text.strip()))] + lines[1:]
    elif decided:
        return DecisionText()
    elif minutes:
        lines = [line for heading, body in sections if not any(p.match(heading) for p in NOT_DECIDED)
                 for line in without_file_lists(body)
                 if not any(p.match(line.text.strip()) for p in (RECOMMENDATION_LEAD, ATTACHMENT_LINE, FILE_DATA_LINE))]
    else:
        return DecisionText()
    own, attendance = split_attendance(until_next_section(lines))
    own, closing = split_last_sentence(own)
    text = lines_to_paragraphs(own).strip() or None
    return DecisionText(text, own[0].page if text and own else None, closing + attendance,
                        closing[0].text if closing else None)
