"""Bound appendices: pages after an item that belong to a document bound in, not to the item.

A page after an item start that is set in another font family than the item pages, or
lacks the agenda's running header, is a bound appendix; a page opening with "Bilag N", or
in a larger size of another family, starts a new one. Where the attachment is set like the
agenda, a page that opens with an attachment the item lists, or follows the page the item's
attachment list ends early on, is one. Their headings are never taken for items or sections.
"""
from __future__ import annotations

import re
from collections import Counter

from dagsorden.extractor.danish.headings import (
    ATTACHMENT_HEADING,
    BACK_MATTER_HEADING,
    DECISION_HEADING,
    RECOMMENDATION_HEADING,
)
from dagsorden.extractor.read.running import masked
from dagsorden.extractor.segment.lines import strip_bullet
from dagsorden.extractor.segment.style import body_font_size, page_family
from dagsorden.models import PdfText, Segment, StyledLine

APPENDIX_LABEL = re.compile(r"^bilag\s+\d+\b", re.IGNORECASE)
HEADER_SHARE = 0.8  # of item start pages, for a running line to be the agenda's own header
TITLE_LINES = 3  # lines a bound attachment's title may wrap over
MIN_TITLE_PREFIX = 12  # characters of a title's first line that must match
EARLY_BREAK_LINES = 8  # free lines at a page's foot that show a page break made on purpose


def appendix_pages(pdf: PdfText, start_pages: set[int]) -> set[int]:
    """Pages that belong to bound appendices: unlike the item start pages."""
    return set(appendix_evidence(pdf, start_pages))


def appendix_evidence(pdf: PdfText, start_pages: set[int]) -> dict[int, str]:
    """Page -> why it belongs to a bound appendix (for `dagsorden explain`)."""
    if not start_pages:
        return {}
    agenda_families = Counter(page_family(p.body) for p in pdf.pages if p.number in start_pages)
    agenda_family = agenda_families.most_common(1)[0][0]
    agenda_running = Counter(masked(line.text) for p in pdf.pages if p.number in start_pages
                             for line in p.running)
    header_keys = {key for key, n in agenda_running.items() if n >= HEADER_SHARE * len(start_pages)}
    first_start = min(start_pages)
    pages: dict[int, str] = {}
    for page in pdf.pages:
        if page.number <= first_start or page.number in start_pages or not page.body:
            continue
        family = page_family(page.body)
        no_header = bool(header_keys) and not header_keys & {masked(line.text) for line in page.running}
        if family != agenda_family:
            pages[page.number] = f"set in {family}, the item pages in {agenda_family}"
        elif no_header:
            pages[page.number] = "without the running header of the item pages"
    return pages


def listed_attachments(lines: list[StyledLine]) -> dict[str, int]:
    """The attachment titles an item lists under its "Bilag" heading, folded for comparison,
    with the page each is listed on."""
    listed: dict[str, int] = {}
    under = False
    for line in lines:
        text = " ".join(line.text.split())
        if ATTACHMENT_HEADING.match(text):
            under = True
        elif under:
            listed.setdefault(fold(strip_bullet(text)), line.page)
    return listed


def fold(text: str) -> str:
    return " ".join(text.split()).casefold().strip(" .:")


def opened_by_attachment(pdf: PdfText, item_lines: list[StyledLine], bound: set[int], floor: float) -> dict[int, str]:
    """Pages of an item that open with the title of one of its attachments, or with "Bilag N",
    or that follow a page the item's attachment list ends early on (above `floor`, the
    document's `text_floor`), and the pages after them: the attachment bound in, though set
    like the agenda (same font, same header). Page -> why."""
    listed = listed_attachments(item_lines)
    last_on_page = {line.page: line for line in item_lines}
    found: dict[int, str] = {}
    opened: str | None = None
    for page in sorted({line.page for line in item_lines} - bound)[1:]:
        if opened is None:
            body = pdf.pages[page - 1].body
            first = body[0].text.strip() if body else ""
            if not first or has_item_sections(body[1:]) or BACK_MATTER_HEADING.match(first):
                continue  # the item's own page; the members' signatures
            before = last_on_page.get(page - 1)
            list_ends_before = lists_on(before, listed)
            if title_listed_before(body, listed, page) or (APPENDIX_LABEL.match(first) and not list_ends_before):
                opened = first
                found[page] = f"opens with {first!r}, an attachment of the item"
            elif list_ends_before and broken_early(before, floor, pdf.pages[page - 2].height):
                opened = first
                found[page] = f"opens with {first!r} after the item's attachment list ended its page early"
        else:
            found[page] = f"after the attachment {opened!r}, bound in"
    return found


def title_listed_before(body: list[StyledLine], listed: dict[str, int], page: int) -> bool:
    """The page opens with an attachment listed on an earlier page: its title, also where the
    title wraps ("RAPPORT VEDR. UDBUD OG" / "EFTERSPØRGSEL ..." for "Rapport vedr. udbud og
    efterspørgsel ...") or runs on ("Bilag 2. Statistik ... 2018-2021"), or its number ("Bilag 8
    Udgifter ..." after "Bilag 8: oversigt ..."): a list names each attachment once."""
    first = fold(strip_bullet(body[0].text))
    opening = fold(" ".join(strip_bullet(line.text) for line in body[:TITLE_LINES]))
    number = APPENDIX_LABEL.match(first)
    return any(on < page and (first == title or (len(title) >= MIN_TITLE_PREFIX and first.startswith(title))
                              or (len(first) >= MIN_TITLE_PREFIX and title.startswith(first) and opening.startswith(title))
                              or (number is not None and label_number(title) == label_number(first)))
               for title, on in listed.items())


def label_number(text: str) -> str | None:
    """"2" of "bilag 2. statistik ...", None where no "Bilag N" opens the text."""
    found = APPENDIX_LABEL.match(text)
    return found.group(0).split()[-1] if found else None


def text_floor(pdf: PdfText) -> float:
    """How far down the pages' body text usually reaches: the bottom margin of the document."""
    bottoms = sorted(page.body[-1].bottom for page in pdf.pages if page.body)
    return bottoms[len(bottoms) * 3 // 4] if bottoms else 0.0


def broken_early(last: StyledLine, floor: float, height: float) -> bool:
    """The page ends well above the text's usual bottom: the next page was begun on purpose."""
    return floor > 0 and floor - last.bottom > EARLY_BREAK_LINES * max(last.size, 6) and last.bottom < height


def lists_on(last: StyledLine | None, listed: dict[str, int]) -> bool:
    """The page before ends in the item's list of attachments: "Bilag 2: ..." at the top of
    the next page continues that list."""
    if last is None:
        return False
    text = " ".join(last.text.split())
    return bool(ATTACHMENT_HEADING.match(text)) or fold(strip_bullet(text)) in listed


def has_item_sections(lines: list[StyledLine]) -> bool:
    """A recommendation or decision heading further down: the item's own page."""
    return any(RECOMMENDATION_HEADING.match(line.text.strip()) or DECISION_HEADING.match(line.text.strip())
               for line in lines)


def appendix_segments(lines: list[StyledLine], bound: set[int], item: int,
                      evidence: dict[int, str] | None = None) -> list[Segment]:
    """Consecutive bound pages after an item, split where a new appendix visibly begins;
    `evidence`: why a page set like the agenda was found bound in (for `dagsorden explain`)."""
    segments: list[Segment] = []
    current: list[StyledLine] = []
    last_page = None
    for line in lines:
        if line.page not in bound:
            continue
        starts_new = last_page is not None and line.page != last_page and line.page != last_page + 1
        if current and (starts_new or (line.page != last_page and opens_document(line, current))):
            segments.append(appendix_segment(current, item, evidence))
            current = []
        current.append(line)
        last_page = line.page
    if current:
        segments.append(appendix_segment(current, item, evidence))
    return segments


def opens_document(first_line: StyledLine, before: list[StyledLine]) -> bool:
    """A new appendix begins on a page that opens with "Bilag N", or in another font family
    (and larger) than the last page."""
    if APPENDIX_LABEL.match(first_line.text.strip()):
        return True
    previous = [line for line in before if line.page == before[-1].page]
    return page_family([first_line]) != page_family(previous) and first_line.size > body_font_size(previous)


def appendix_segment(lines: list[StyledLine], item: int, evidence: dict[int, str] | None = None) -> Segment:
    first_page = [line for line in lines if line.page == lines[0].page][:6]
    biggest = max(first_page, key=lambda line: (line.size, line.bold))
    return Segment(kind="appendix", lines=lines, item=item, title=biggest.text.strip(),
                   evidence=(evidence or {}).get(lines[0].page))
