"""Styled lines -> document segments: front matter, agenda items, bound appendices.

Rules come from structure, not from the words of one document: item starts are this
document's own numbered headings (segment/item_starts.py); what stands just before a
heading (an agenda group, Åben/Lukket, the item's case number) belongs to that item; pages
bound in after an item are appendices (segment/appendices.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from dagsorden.extractor.danish.case_numbers import find_case_number
from dagsorden.extractor.danish.headings import (
    AGENDA_GROUP,
    CLOSED_MARK,
    CLOSED_TITLE,
    FILE_NAME,
    ITEM_KEYWORD,
    ITEM_RANGE,
    OPEN_MARK,
)
from dagsorden.extractor.segment.back_matter import split_back_matter
from dagsorden.extractor.segment.appendices import appendix_pages, appendix_segments, opened_by_attachment, text_floor
from dagsorden.extractor.segment.item_minutes import minutes_by_reference
from dagsorden.extractor.segment.item_starts import ItemStart, find_item_starts, parse_numbers
from dagsorden.extractor.segment.lines import join_lines, strip_bullet
from dagsorden.models import PdfText, Segment, SegmentedDocument, StyledLine

PREAMBLE_LINES = 4  # lines before an item heading that may hold its group, Åben/Lukket, case number
MAX_PREAMBLE_WORDS = 6


def flat(text: str) -> str:
    return " ".join(text.split())


def is_mark(line: StyledLine) -> bool:
    text = flat(line.text)
    return bool(OPEN_MARK.match(text) or CLOSED_MARK.match(text))


def preamble(lines: list[StyledLine], start: ItemStart, previous_end: int) -> list[int]:
    """Indexes of the lines just before a heading that belong to its item: the agenda group,
    an Åben/Lukket mark, a case number line ("85.02.02-G01-3-20" / "86. Title")."""
    found: list[int] = []
    files: list[int] = []  # attached files listed between the item's contents bullet and its heading
    for i in range(start.index - 1, max(previous_end, start.index - PREAMBLE_LINES) - 1, -1):
        text = flat(lines[i].text)
        short = len(text.split()) <= MAX_PREAMBLE_WORDS
        if lines[i].page != lines[start.index].page and not is_case_line(text):
            break  # an "Åben" at the foot of the page before is a cell of the last item's attachment row
        if FILE_NAME.match(text):
            files.append(i)
        elif lists_item(text, start.numbers):
            found.extend([*files, i])
            files = []
        elif short and (AGENDA_GROUP.match(text) or ITEM_RANGE.match(text) or is_mark(lines[i]) or is_case_line(text)):
            found.append(i)
        else:
            break
    return sorted(found)


def repeated_page_tops(lines: list[StyledLine]) -> set[str]:
    """Texts that open two or more pages: a web page's print header ("Udskriv <body>", the
    meeting's date, "Vis dagsorden") printed over each item, wherever it stands on the page."""
    tops: dict[str, set[int]] = {}
    seen: dict[int, int] = {}
    for line in lines:
        seen[line.page] = seen.get(line.page, 0) + 1
        if seen[line.page] <= PREAMBLE_LINES:
            tops.setdefault(flat(line.text), set()).add(line.page)
    return {text for text, pages in tops.items() if len(pages) >= 2}


def page_head(lines: list[StyledLine], start: ItemStart, previous_end: int, repeated: set[str]) -> list[int]:
    """The repeated page-top lines above an item that starts its own page: its page's header,
    neither the previous item's text nor its own."""
    found: list[int] = []
    for i in range(start.index - 1, max(previous_end, start.index - PREAMBLE_LINES) - 1, -1):
        if lines[i].page != lines[start.index].page or flat(lines[i].text) not in repeated:
            return []
        found.insert(0, i)
        if i == 0 or lines[i - 1].page != lines[i].page:
            return found
    return []


# "5 Salg af areal" / "5.   Lukket - Køb af ejendom ...... 418" in the front matter's contents
CONTENTS_ENTRY = re.compile(r"^(?P<number>\d{1,3})\.?\s+(?P<title>[^\W\d_].*?)(?:\s*\.{3,}.*|\s+\d{1,3})?$")
CLOSED_GROUP = re.compile(r"^lukkede?\b|^lukket\b", re.IGNORECASE)  # "Lukkede dagsordenspunkter", "LUKKEDE SAGER"


def contents_entries(front: list[StyledLine]) -> Iterator[tuple[int, str, bool]]:
    """The contents' entries: number, title, and whether they stand under a closed group's
    heading ("Lukkede dagsordenspunkter")."""
    closed_group = False
    for line in front:
        text = flat(line.text)
        entry = CONTENTS_ENTRY.match(text)
        if not entry:
            closed_group = bool(CLOSED_GROUP.match(text)) or (closed_group and not text)
            continue
        yield int(entry.group("number")), entry.group("title").strip(), closed_group


def closed_in_contents(front: list[StyledLine], numbers: set[int]) -> list[Segment]:
    """Closed points that public minutes print only in the contents ("Lukkede dagsordenspunkter"
    over "5 Salg af areal", or "5. Lukket - Køb af ejendom"): items with a title and no text,
    numbered after the last point printed in full."""
    found: list[Segment] = []
    for number, title, grouped in contents_entries(front):
        if numbers and number > max(numbers) and number not in {s.item for s in found} \
                and (grouped or CLOSED_TITLE.search(title)):
            found.append(Segment(kind="item", lines=[], item=number, numbers=[number], title=title, closed=True))
    return found


def closed_by_contents(segments: list[Segment], front: list[StyledLine]) -> list[Segment]:
    """An item printed in full whose number the contents list under "Lukkede dagsordenspunkter"
    is closed (its decision may still be public)."""
    closed = {number for number, _, grouped in contents_entries(front) if grouped}
    return [s.model_copy(update={"closed": True}) if s.kind == "item" and s.item in closed else s
            for s in segments]


def lists_item(text: str, numbers: list[int]) -> bool:
    """"• Pkt. 16 Title": the item listed once more just before its heading (a web page's
    contents bullet)."""
    match = ITEM_KEYWORD.match(strip_bullet(text))
    return bool(match) and parse_numbers(match.group("numbers")) == numbers


def is_case_line(text: str) -> bool:
    """A line that is a case number, perhaps with its label ("Sagsnr.: 12/27845")."""
    case = find_case_number(text)
    return bool(case) and len(text.replace(case, " ").split()) <= 2


def group_and_closed(lines: list[StyledLine]) -> tuple[str | None, bool | None]:
    """Agenda group ("Sager til behandling") and Åben/Lukket among preamble or running lines."""
    group: str | None = None
    closed: bool | None = None
    for line in lines:
        text = flat(line.text)
        if AGENDA_GROUP.match(text):
            group = text.rstrip(":").strip()
        elif CLOSED_MARK.match(text):
            closed = True
        elif OPEN_MARK.match(text):
            closed = False
    return group, closed


def repeats_heading(line: StyledLine, numbers: list[int], title: str | None) -> bool:
    """"Punkt 7: Title" again inside item 7 (a continuation header), not text; "Punkt 7:
    Godkendt." under the body's meeting is the decision, no heading."""
    match = ITEM_KEYWORD.match(line.text.strip())
    if not match or parse_numbers(match.group("numbers")) != numbers:
        return False
    again, own = flat(match.group("title")).casefold(), flat(title or "").casefold()
    return not again or own.startswith(again[:20]) or again.startswith(own[:20])


CASE_IN_TITLE = re.compile(r"\s*\((?P<case>[^()]{4,30})\)\s*$")


def split_title(title: str) -> tuple[str | None, str | None]:
    """A title and the case number printed at its end in parentheses ("... Nord (2018-0287311)")."""
    match = CASE_IN_TITLE.search(title)
    if match and find_case_number(match.group("case")) == match.group("case").strip():
        return title[:match.start()].strip() or None, match.group("case").strip()
    return title or None, None


def lines_to_segments(pdf: PdfText) -> SegmentedDocument:
    """Front matter, items and bound appendices; the kind is decided after (segment/kind.py)."""
    lines = pdf.body_lines()
    starts = find_item_starts(lines)
    preambles = [preamble(lines, s, starts[k - 1].index + 1 if k else 0) for k, s in enumerate(starts)]
    repeated = repeated_page_tops(lines)
    heads = [page_head(lines, s, starts[k - 1].index + 1, repeated) if k else [] for k, s in enumerate(starts)]
    firsts = [min([s.index, *p, *h, *s.consumed]) for s, p, h in zip(starts, preambles, heads)]
    bound = appendix_pages(pdf, {lines[s.index].page for s in starts})
    floor = text_floor(pdf)  # once per document, not per item
    segments: list[Segment] = []
    first = firsts[0] if starts else len(lines)
    if first:
        segments.append(Segment(kind="front" if starts else "body", lines=lines[:first]))
    group: str | None = None
    for pos, start in enumerate(starts):
        end = firsts[pos + 1] if pos + 1 < len(starts) else len(lines)
        opened = opened_by_attachment(pdf, lines[firsts[pos]:end], bound, floor)
        bound_here = bound | set(opened)
        head = [lines[i] for i in preambles[pos] if not is_case_line(flat(lines[i].text))]
        running = pdf.pages[lines[start.index].page - 1].running
        new_group, closed = group_and_closed(head)
        running_group, running_closed = group_and_closed(running)
        group = new_group or running_group or group
        closed = start.closed if start.closed is not None else closed if closed is not None else running_closed
        title, title_case = split_title(join_lines([t.text for t in start.title_lines]))
        own = [line for i, line in enumerate(lines[firsts[pos]:end], firsts[pos])
               if line.page not in bound_here and i not in start.consumed and not is_mark(line) and i not in heads[pos]
               and not (i in preambles[pos] and (AGENDA_GROUP.match(flat(line.text)) or lists_item(line.text, start.numbers)))
               and not repeats_heading(line, start.numbers, title)]
        segments.append(Segment(
            kind="item", lines=own, item=start.numbers[0],
            numbers=start.numbers, title=title, section=group,
            closed=bool(closed) or bool(title and CLOSED_TITLE.search(title)),
            heading_lines=[lines[i] for i in sorted(start.consumed)], evidence=start.evidence,
            case_number=title_case,
        ))
        segments.extend(appendix_segments(lines[start.index:end], bound_here, start.numbers[0], opened))
    segments, signatures = split_back_matter(minutes_by_reference(segments))
    front = segments[0].lines if segments and segments[0].kind == "front" else []
    segments = closed_by_contents(segments, front) + closed_in_contents(front, {n for s in starts for n in s.numbers})
    return SegmentedDocument(pdf=pdf, segments=segments, signatures=signatures)
