"""Front matter and running headers -> Meeting and attendance.

The meeting block is a set of labelled fields ("Tid", "Sted", "Deltagere", "Afbud",
"Gæster"), laid out either as label and value side by side or stacked. Running
headers ("Mødet den 21.08.2023 DAS Social") back up committee and date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dagsorden.extractor.danish.dates import find_date, find_times
from dagsorden.extractor.danish.headings import (
    ABSENT_LABEL,
    AGENDA_WORD,
    COMMITTEE_LABEL,
    GUEST_LABEL,
    MINUTES_WORD,
    PLACE_LABEL,
    PRESENT_LABEL,
    TIME_LABEL,
)
from dagsorden.extractor.facts.people import GUEST_SENTENCE, parse_guest_sentences, parse_people, unique_people
from dagsorden.extractor.segment.style import body_font_size
from dagsorden.extractor.segment.lines import join_lines
from dagsorden.models import Meeting, Person, SegmentedDocument, StrictModel, StyledLine

LABELS = {
    "committee": COMMITTEE_LABEL, "time": TIME_LABEL, "place": PLACE_LABEL,
    "present": PRESENT_LABEL, "absent": ABSENT_LABEL, "guests": GUEST_LABEL,
}
OTHER_LABEL = re.compile(r"^(?:øvrige oplysninger|bemærkninger|mødeleder|referent|dagsorden|indhold)\s*:?\s*$",
                         re.IGNORECASE)
FRONT_WINDOW = 80  # lines of front matter searched for the meeting block
MEETING_PHRASE = re.compile(r"\b(?:mødet|møde)\s+(?:den|d\.)\s*", re.IGNORECASE)
PAGE_PHRASE = re.compile(r"\b(?:side|page)\s+\d+\s+(?:af|of)\s+\d+\b|\bkl\.?\s*[\d.:]+(?:\s*-\s*[\d.:]+)?",
                         re.IGNORECASE)


class Attendance(StrictModel):
    """The meeting block of a document: the meeting and who was there."""

    meeting: Meeting
    present: list[Person] = []
    absent: list[Person] = []
    guests: list[Person] = []


@dataclass
class Field:
    name: str
    label: StyledLine
    values: list[StyledLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines([v.text for v in self.values])


def match_label(text: str) -> tuple[str, str] | None:
    """(field name, value on the same line) when the line starts with a label."""
    text = text.strip()
    for name, pattern in [*LABELS.items(), ("other", OTHER_LABEL)]:
        if pattern.match(text):
            return name, ""
        words = text.split()
        for n in (2, 1):
            if len(words) > n and pattern.match(" ".join(words[:n])):
                return name, " ".join(words[n:])
    return None


def read_fields(lines: list[StyledLine]) -> list[Field]:
    """Labelled fields, with values in the value column and close below."""
    fields: list[Field] = []
    current: Field | None = None
    value_x0: float | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        merged = merge_wrapped_label(lines, i)
        if merged:
            line, i = merged, i + 1
        found = match_label(line.text)
        if found:
            name, inline = found
            current = Field(name, line)
            value_x0 = None
            if inline:
                value = replace(line, text=inline)
                current.values.append(value)
            fields.append(current)
        elif current is not None and belongs_to(current, line, value_x0):
            if value_x0 is None:
                value_x0 = line.x0
            current.values.append(line)
        else:
            current = None
        i += 1
    return fields


def merge_wrapped_label(lines: list[StyledLine], i: int) -> StyledLine | None:
    """"Øvrige" over "deltagere" at the same x0 is one label."""
    if i + 1 >= len(lines):
        return None
    first, second = lines[i], lines[i + 1]
    if abs(first.x0 - second.x0) > 2 or second.top - first.bottom > first.size or len(first.text.split()) > 1:
        return None
    joined = f"{first.text.strip()} {second.text.strip()}"
    found = match_label(joined)
    if not found or found[1]:
        return None
    # "Øvrige" + "deltagere" is one label, though "deltagere" alone is a label too
    if match_label(second.text) and not (found[0] == "guests" and PRESENT_LABEL.match(second.text)):
        return None
    return replace(first, text=joined, bottom=second.bottom)


def belongs_to(current: Field, line: StyledLine, value_x0: float | None) -> bool:
    last = current.values[-1] if current.values else current.label
    if line.page != last.page:
        return False
    same_row = abs(line.top - current.label.top) < 2 and line.x0 > current.label.x1
    below = 0 <= line.top - last.bottom < max(line.size, 6) * 1.2
    in_column = value_x0 is None or abs(line.x0 - value_x0) < 20 or line.x0 > value_x0
    return same_row or (below and in_column and line.x0 >= current.label.x0 - 2)


def committee_from_running(doc: SegmentedDocument) -> str | None:
    for page in doc.pdf.pages:
        for line in page.running:
            found = find_date(line.text)
            if found and MEETING_PHRASE.search(line.text):
                rest = line.text.replace(found[1].group(0), " ")
                rest = PAGE_PHRASE.sub(" ", MEETING_PHRASE.sub(" ", rest))
                rest = " ".join(rest.replace(",", " ").split())
                if rest and len(rest.split()) <= 8:
                    return rest
    return None


def date_from_running(doc: SegmentedDocument) -> str | None:
    for page in doc.pdf.pages:
        for line in page.running:
            found = find_date(line.text)
            if found and MEETING_PHRASE.search(line.text):
                return found[0]
    return None


def cover_lines(doc: SegmentedDocument) -> list[StyledLine]:
    front = doc.of_kind("front") or doc.of_kind("body")
    return front[0].lines[:FRONT_WINDOW] if front else []


def committee_from_cover(lines: list[StyledLine]) -> str | None:
    """The largest line on the first page that is not a date, a kind word or a label."""
    first_page = [line for line in lines if line.page == (lines[0].page if lines else 1)]
    body_size = body_font_size(first_page)
    for line in sorted(first_page, key=lambda l: -l.size):
        text = line.text.strip()
        if line.size <= body_size or find_date(text) or match_label(text):
            continue
        text = AGENDA_WORD.sub("", MINUTES_WORD.sub("", text)).strip(" -–:")
        if 1 <= len(text.split()) <= 8:
            return text
    return None


def location_from_cover(lines: list[StyledLine]) -> str | None:
    """On agenda-system covers the place is the short line right after the date line."""
    for i, line in enumerate(lines[:12]):
        if find_date(line.text) and MEETING_PHRASE.search(line.text) and i + 1 < len(lines):
            nxt = lines[i + 1]
            if nxt.page == line.page and not find_date(nxt.text) and not match_label(nxt.text) \
                    and len(nxt.text.split()) <= 8 and not re.match(r"^\d", nxt.text):
                return nxt.text.strip()
    return None


def extract_meeting(doc: SegmentedDocument) -> Attendance:
    lines = cover_lines(doc)
    fields = read_fields(lines)

    def field_text(name: str) -> str | None:
        texts = [f.text for f in fields if f.name == name and f.text]
        return texts[0] if texts else None

    time_text = field_text("time")
    date_source = time_text or next((l.text for l in lines[:30] if find_date(l.text)), None)
    found = find_date(date_source) if date_source else None
    start, end = find_times(date_source) if date_source else (None, None)
    meeting = Meeting(
        committee=field_text("committee") or committee_from_running(doc) or committee_from_cover(lines),
        date=found[0] if found else date_from_running(doc),
        start_time=start,
        end_time=end,
        location=field_text("place") or location_from_cover(lines),
    )
    people = {name: unique_people([p for f in fields if f.name == name for p in field_people(f)])
              for name in ("present", "absent", "guests")}
    return Attendance(meeting=meeting, present=people["present"], absent=people["absent"],
                      guests=people["guests"])


def field_people(attendance: Field) -> list[Person]:
    """A list of names, or sentences such as "A og B begge fra X deltager under punkt 3"."""
    text = attendance.text
    page = attendance.label.page
    if GUEST_SENTENCE.search(text):
        before, _, _ = text.partition(GUEST_SENTENCE.search(text).group(0))
        return parse_people(before) + parse_guest_sentences(text, None, page)
    return [p.model_copy(update={"page": page}) for p in parse_people(text)]
