"""Item segments -> the same, with what is printed after the items taken out of the last
one: a meeting-level attachment list, whose entries go to the items they are listed under,
and a signature page, whose names are the members present.

Some agenda systems print no attachments inside the items but one list for the whole
meeting, at the end or after the contents: a heading ("Bilagsoversigt", "Samlet
bilagsliste", "Bilag til Byrådet 25. marts 2021") followed by the items' headings printed
again, each with its attachments under it:

    Bilagsoversigt
    2. Budgetopfølgning I 2019
    1. Budgetopfølgning - drift og anlæg (19/688-12)
    2. Notat om vintertjenesten (19/688-13)

A line opens an item's group when it repeats that item's number and the start of its
title; the list ends at a back-matter heading ("Underskriftsside"). Under an item's group a
line that repeats that item's number and title start again, but not the whole heading, is an
entry named after the item ("1. Budgetopfølgning pr. 31. august 2014 - drift og anlæg"). The
list is cut out of the item it was printed after, and so is a signature page after the last item.
"""
from __future__ import annotations

import re

from dagsorden.extractor.danish.headings import ATTACHMENT_HEADING, BACK_MATTER_HEADING
from dagsorden.models import Segment, StyledLine

# "2. Title", "Punkt 2: Title", "Pkt. 2 - Title", "Sag nr. 2 Title", "2 Title".
REPEATED_HEADING = re.compile(
    r"^(?:(?:punkt|pkt\.?|sag nr\.?|nr\.?)\s*)?(?P<number>\d{1,4})\s*[.:)]?\s*[-–]?\s*(?P<rest>.*)$", re.IGNORECASE)
TITLE_PREFIX_CHARS = 25  # the list may shorten a long title: its start must agree
MIN_TITLE_CHARS = 4
MIN_WHOLE_TITLE_CHARS = 12  # a title repeated without its number must say enough to be that title
LOOKAHEAD_LINES = 3  # the first repeated heading follows the list heading this closely


def simple(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def repeats_item(text: str, titles: dict[int, str]) -> int | None:
    """The item number a list line repeats the heading of (its number and the start of its
    title, or its whole title without the number), or None."""
    match = REPEATED_HEADING.match(" ".join(text.split()))
    if not match or int(match.group("number")) not in titles:
        folded = simple(text)
        if len(folded) < MIN_WHOLE_TITLE_CHARS:
            return None
        same = [n for n, title in titles.items() if simple(title) == folded]
        return same[0] if len(same) == 1 else None
    rest, title = simple(match.group("rest")), simple(titles[int(match.group("number"))])
    if not rest or not title:
        return None
    n = min(len(rest), len(title), TITLE_PREFIX_CHARS)
    return int(match.group("number")) if n >= MIN_TITLE_CHARS and rest[:n] == title[:n] else None


def list_start(lines: list[StyledLine], titles: dict[int, str]) -> int | None:
    """Where a meeting-level attachment list starts among these lines: its heading."""
    for i, line in enumerate(lines):
        if ATTACHMENT_HEADING.match(" ".join(line.text.split())):
            following = lines[i + 1:i + 1 + LOOKAHEAD_LINES]
            if any(repeats_item(f.text, titles) is not None for f in following):
                return i
    return None


def grouped_entries(lines: list[StyledLine], titles: dict[int, str]) -> tuple[dict[int, list[StyledLine]], int]:
    """The list's lines per item number, and how many lines the list holds (from its heading)."""
    groups: dict[int, list[StyledLine]] = {}
    current: int | None = None
    heading = ""  # the repeated heading, folded
    end = len(lines)
    for i, line in enumerate(lines[1:], 1):
        text = " ".join(line.text.split())
        number = repeats_item(text, titles)
        if number is not None and number == current and simple(text) != heading:
            number = None  # "1. Budgetopfølgning pr. 31. august 2014 - drift ..." under item 1's heading: its entry
        if number is not None:
            current, heading = number, simple(text)
            groups.setdefault(number, [])
            continue
        if BACK_MATTER_HEADING.match(text):
            end = i
            break
        if current is None:
            continue
        folded = simple(text)
        if not groups[current] and folded and folded in simple(titles[current]) and folded not in heading:
            continue  # the repeated heading's title wraps onto this line
        groups[current].append(line)
    return groups, end


def split_back_matter(segments: list[Segment]) -> tuple[list[Segment], list[StyledLine]]:
    """Cut a meeting-level attachment list out of the item it follows (or read it in the front
    matter) and give each item the lines of its entries; cut the signature page out of the
    last item and return its lines (the heading left out)."""
    items = [s for s in segments if s.kind == "item" and s.item is not None]
    titles = {s.item: s.title or "" for s in items if s.item is not None}
    if not items:
        return segments, []
    last = items[-1]
    signatures: list[StyledLine] = []
    back = next((i for i, line in enumerate(last.lines) if BACK_MATTER_HEADING.match(" ".join(line.text.split()))), None)
    if back is not None:
        last.lines, signatures = last.lines[:back], last.lines[back + 1:]
    for segment in [s for s in segments if s.kind == "front"] + [last]:
        start = list_start(segment.lines, titles)
        if start is None:
            continue
        groups, length = grouped_entries(segment.lines[start:], titles)
        if segment.kind == "item":
            segment.lines = segment.lines[:start] + segment.lines[start + length:]
        for item in items:
            if item.item in groups and groups[item.item]:
                item.listed_attachments = item.listed_attachments + groups[item.item]
        break
    return segments, signatures
