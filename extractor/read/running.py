"""Recognise running headers and footers so they stay out of item text.

A line is running when it sits in the top or bottom band of the page and either
looks like a page number ("Side 3 af 4", "4/11", "3") or repeats, with its digits
masked, at about the same height on many pages ("Mødet den 21.08.2023 DAS Social").
"""
from __future__ import annotations

from dataclasses import replace
import re
from collections import defaultdict

from dagsorden.extractor.danish.headings import ITEM_CASE, ITEM_KEYWORD, ITEM_NR, ITEM_NUMBER_ALONE, ITEM_NUMBERED
from dagsorden.models import PageText, PdfText, StyledLine

ITEM_HEADINGS = (ITEM_KEYWORD, ITEM_NUMBERED, ITEM_CASE, ITEM_NR)

BAND = 0.09  # fraction of the page height counted as header or footer band
MIN_REPEAT_SHARE = 0.25  # of pages, for a repeated line to count as running
# (low, because bound appendices without the agenda's header can be most of the pages)
MIN_PAGES_FOR_REPEATS = 2
MIN_REPEATS = 2  # a line at the same spot on two pages of a short document is furniture too
POSITION_TOLERANCE = 4.0  # points

PAGE_NUMBER = re.compile(
    r"^(?:side\s+\d{1,4}(?:\s+(?:af|of)\s+\d{1,4})?|\d{1,4}\s*(?:/|af|of)\s*\d{1,4}|page\s+\d+(?:\s+of\s+\d+)?)$",
    re.IGNORECASE)
BARE_NUMBER = re.compile(r"^-?\s*(\d{1,4})\s*-?\.?$")
MAX_NUMBER_OFFSET = 3  # printed numbering may skip a cover or a few front pages
PAGE_NUMBER_TAIL = re.compile(r"\b(?:side|page)\s+\d{1,4}\s+(?:af|of)\s+\d{1,4}\s*$", re.IGNORECASE)


def masked(text: str) -> str:
    """Digits masked, so "Side 3 af 4" and "Side 4 af 4" are the same running line."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def in_band(line: StyledLine, page: PageText) -> str | None:
    if line.bottom <= page.height * BAND:
        return "header"
    if line.top >= page.height * (1 - BAND):
        return "footer"
    return None


def looks_like_page_number(text: str, page_number: int) -> bool:
    """"Side 3 af 4", "4/11", or a bare number close to the physical page number.

    A bare number must match the page, or table cells near the margin would vanish.
    """
    text = text.strip()
    if PAGE_NUMBER.match(text) or PAGE_NUMBER_TAIL.search(text):
        return True
    bare = BARE_NUMBER.match(text)
    return bool(bare) and 0 <= page_number - int(bare.group(1)) <= MAX_NUMBER_OFFSET


def mark_running(pdf: PdfText) -> PdfText:
    """The document with its running header and footer lines marked (role header/footer)."""
    return replace(pdf, pages=mark_running_lines(pdf.pages))


# A web page's print: its address and the time it was printed, alone in the top or bottom band.
PRINT_STAMP = re.compile(r"^(?:https?://\S+|www\.\S+|\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4},?\s+\d{1,2}[.:]\d{2}(?::\d{2})?)$",
                         re.IGNORECASE)


def numbers_heading(texts: list[str]) -> bool:
    """Lines at one spot whose numbers change from page to page and that read as item
    headings ("Punkt 3.", "Punkt 4." on every item's first page): headings, not furniture."""
    return len(set(texts)) * 2 > len(texts) and all(
        any(pattern.match(text.strip()) for pattern in ITEM_HEADINGS) for text in texts)


def alone_on_baseline(line: StyledLine, page: PageText, furniture: set[tuple[str, str]]) -> bool:
    """Whether nothing but furniture is printed on the line's baseline: a bare number with text
    beside it is a heading's number ("1" | "Budget ..."), not a page's; beside the running
    footer ("Furesø Kommune" ... "8") it is the page's."""
    return not any(other is not line and abs(other.top - line.top) <= 2.5
                   and (in_band(other, page), masked(other.text)) not in furniture for other in page.lines)


def mark_running_lines(pages: list[PageText]) -> list[PageText]:
    text_pages = [p for p in pages if p.lines]
    repeats: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    for page in text_pages:
        for line in page.lines:
            band = in_band(line, page)
            if band:
                repeats[(band, masked(line.text))].append((line.top, line.text))
    threshold = max(MIN_REPEATS, MIN_REPEAT_SHARE * len(text_pages))
    running_keys = {
        key for key, seen in repeats.items()
        if len(text_pages) >= MIN_PAGES_FOR_REPEATS and len(seen) >= threshold
        and spread([top for top, _ in seen]) <= POSITION_TOLERANCE
        and not numbers_heading([text for _, text in seen])
        and not key[1].endswith(":")  # "Byrådet den 29.03.2017:" atop each item's page: a label for what follows
    }
    marked: list[PageText] = []
    for page in pages:
        lines = []
        for line in page.lines:
            band = in_band(line, page)
            furniture = band and ((band, masked(line.text)) in running_keys
                                  or looks_like_page_number(line.text, page.number)
                                  or PRINT_STAMP.match(line.text.strip()))
            if furniture and not _item_number(line, page, running_keys):
                line = replace(line, role=band)
            lines.append(line)
        marked.append(replace(page, lines=lines))
    return marked


def _item_number(line: StyledLine, page: PageText, furniture: set[tuple[str, str]]) -> bool:
    """A bare number with its title printed beside it on the same baseline: a heading's
    number, not furniture. Asked only of lines in a band: the baseline check scans the page."""
    return bool(ITEM_NUMBER_ALONE.match(line.text.strip())) and not alone_on_baseline(line, page, furniture)


def spread(tops: list[float]) -> float:
    """How far the most common position's neighbours scatter: robust to a few outliers."""
    tops = sorted(tops)
    middle = tops[len(tops) // 2]
    near = [t for t in tops if abs(t - middle) <= POSITION_TOLERANCE]
    # more than half near the middle (of two, both: two lines at different spots are no furniture)
    return 0.0 if len(near) * 2 > len(tops) else max(tops) - min(tops)
