"""Front matter and running headers -> Meeting and attendance.

The meeting block is a set of labelled fields ("Tid", "Sted", "Deltagere", "Afbud",
"Gæster"; also capitalised "UDVALG", "MØDE", "STED"), laid out as label and value side by
side, stacked, or "Label: value" on one line. Where a field has no label, the meeting is
named in a sentence ("Referat til mødet i Udvalget for Kultur og Fritid den 1. september
2020 kl. 15:30 i Mødelokale 8"), a title line ("Socialudvalget - 25-05-2020"), a running
header ("Mødet den 21.08.2023 DAS Social"), or the dated decision headings
("Beslutning i Social- og Seniorudvalget den 13-11-2017").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from dagsorden.extractor.danish.committees import committee_names, lower_case_body
from dagsorden.extractor.danish.dates import find_date, find_times
from dagsorden.extractor.danish.headings import (
    ABSENT_LABEL,
    AGENDA_WORD,
    CLOSED_MARK,
    COMMITTEE_LABEL,
    DECISION_HEADING,
    END_TIME_LABEL,
    GUEST_LABEL,
    LIST_ENTRY,
    MINUTES_WORD,
    NUMBERED_ENTRY,
    OPEN_MARK,
    PLACE_LABEL,
    PRESENT_LABEL,
    STAFF_LABEL,
    TIME_LABEL,
)
from dagsorden.extractor.facts.people import (
    GUEST_SENTENCE,
    absent_in,
    parse_guest_sentences,
    parse_people,
    parse_people_lines,
    parse_person_line,
    unique_people,
)
from dagsorden.extractor.segment.lines import join_lines, right_edge, right_of, strip_bullet
from dagsorden.extractor.segment.style import body_font_size, runs_on
from dagsorden.models import Meeting, Person, SegmentedDocument, StrictModel, StyledLine

LABELS = {
    "committee": COMMITTEE_LABEL, "time": TIME_LABEL, "end": END_TIME_LABEL, "place": PLACE_LABEL,
    "present": PRESENT_LABEL, "absent": ABSENT_LABEL, "guests": GUEST_LABEL, "staff": STAFF_LABEL,
}
OTHER_LABEL = re.compile(r"^(?:øvrige oplysninger|øvrige bemærkninger|bemærkninger|mødeleder|referent|tilforordnede|dagsorden|indhold|"
                         r"dagsorden udsendt|referat udsendt|punkter|sagsbehandler|sags nr|sagsnr)\s*:?\s*$",
                         re.IGNORECASE)
FRONT_WINDOW = 80  # lines of front matter searched for the meeting block
FRONT_LINES = 30  # lines of it where the date line and an absence sentence are read
TITLE_LINES = 8  # lines at the top where the meeting is named in a title or sentence
MENU_WORDS = 2  # a site menu's entries are a word or two
MAX_LABEL_WORDS = 3
MAX_PLACE_WORDS = 14
ATTENDANCE_FIELDS = ("present", "absent", "guests", "staff")
SENTENCE_LOWER_WORDS = 4  # lower-case words that make a line under a names list prose
LIST_GAP_SIZES = 4.0  # a blank line or two between groups of an attendance list
MEETING_PHRASE = re.compile(r"\b(?:mødet|møde)\s+(?:den|d\.)\s*", re.IGNORECASE)
PAGE_PHRASE = re.compile(r"\b(?:side|page)\s+\d+\s+(?:af|of)\s+\d+\b|\bkl\.?\s*[\d.:]+(?:\s*-\s*[\d.:]+)?",
                         re.IGNORECASE)
# "... kl. 15:30 i Mødelokale 8 - Mariager Rådhus": the place follows the time.
PLACE_AFTER_TIME = re.compile(r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?,?\s+(?:i|på)\s+"
                              r"(?P<place>[A-ZÆØÅ0-9].+)$", re.IGNORECASE)
# "... d. 5. marts 2019 på Ærø Rådhus.": the place follows the date where no time is printed.
PLACE_AFTER_DATE = re.compile(r"^,?\s+(?:i|på)\s+(?P<place>[A-ZÆØÅ].+?)\.?$")
# "28-04-2016 kl. 17:00 Kommunalbestyrelsens mødesal": a header row of date, time and venue.
PLACE_RIGHT_AFTER_TIME = re.compile(r"^,?\s+kl\.?\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?,?\s+"
                                    r"(?P<place>[A-ZÆØÅ][^\d]+?)\.?$")
# "Mødet afholdes i Byrådssalen, Pandrup Rådhus, kl. 16.00": the place before the time.
PLACE_BEFORE_TIME = re.compile(r"\b(?:mødet|møde)\s+(?:afholdes|holdes|finder sted)\s+(?:i|på)\s+"
                               r"(?P<place>[A-ZÆØÅ].+?),?\s+kl\.?\s*\d", re.IGNORECASE)
# "Mødelokale F7 kl. 15.00": the time printed after the place is no part of it.
TIME_AFTER_PLACE = re.compile(r",?\s+kl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?\s*$", re.IGNORECASE)
# "Kl. 13:30" alone under the date line: the time of the meeting, and the venue follows.
TIME_LINE = re.compile(r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?$", re.IGNORECASE)
TIME_IN_PARENTHESES = re.compile(r"\s*\([^)]*\d{1,2}[.:]\d{2}[^)]*\)\s*$")
SEPARATORS = " -–·•|:,"
ABSENCE_SENTENCE = re.compile(r"^(?:der var |der er )?(?P<said>afbud fra\s.+\.)$", re.IGNORECASE)
PARTY_CELL = re.compile(r"^[A-ZÆØÅ]{1,2}$")
LOGIN_ID = re.compile(r"\s*\((?-i:[a-zæøå]{2,8})\)")  # "(bokj)": the member's user name in the system


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
    """(field name, value on the same line) when the line starts with a label: the label
    alone, "Label: value", or "Label value" for the one-word labels."""
    text = " ".join(text.split())
    labels = [*LABELS.items(), ("other", OTHER_LABEL)]
    head, colon, rest = text.partition(":")
    for name, pattern in labels:
        if pattern.match(text):
            return name, ""
    for name, pattern in labels:  # "Tidspunkt og sted: ..." is a place, though "Tidspunkt" is a time
        if colon and len(head.split()) <= MAX_LABEL_WORDS and pattern.match(head):
            return name, rest.strip()
    words = text.split()
    for name, pattern in labels:
        if len(words) > 1 and pattern.match(words[0]) and not words[0][:1].islower() \
                and name not in ("place", "committee"):
            return name, " ".join(words[1:])
    for size in range(2, MAX_LABEL_WORDS + 1):  # "Fra forvaltningen Bjarne Poulsgaard, ...": a label column set close
        for name, pattern in labels:
            if len(words) > size and name in ATTENDANCE_FIELDS and pattern.match(" ".join(words[:size])) \
                    and not words[0][:1].islower() and words[size][:1].isupper():
                return name, " ".join(words[size:])
    return None


def side_by_side_fields(lines: list[StyledLine]) -> tuple[list[Field], set[int]]:
    """Labels printed side by side on one row ("Medlemmer:" ... "Fraværende:"), each over its
    own column of values; and the positions of the lines they took."""
    fields: list[Field] = []
    taken: set[int] = set()
    found = [match_label(line.text) for line in lines]
    bare = [f[0] if f and not f[1] else None for f in found]  # a label with nothing beside it
    for i, line in enumerate(lines):
        cells = [j for j in range(i, min(i + 6, len(lines))) if lines[j].page == line.page
                 and abs(lines[j].top - line.top) < 2]
        row = [j for j in cells if bare[j]]
        # "Titel | Udvalg | Funktioner" in bold over "Byrådet | Byrådet | ...": a table's header row
        header = len(cells) >= 2 and bool(row) and all(
            lines[j].bold and len(lines[j].text.split()) <= MAX_LABEL_WORDS for j in cells)
        if i in taken or cells[0] != i or not (len(row) >= 2 or header):
            continue
        by_x = sorted(cells if header else row, key=lambda j: lines[j].x0)
        labels = [lines[j] for j in by_x]
        columns = [Field(bare[j] or "", lines[j]) for j in by_x]
        edges = [label.x0 - 2 for label in labels[1:]] + [float("inf")]
        bottom = line.bottom
        for j in range(row[-1] + 1, len(lines)):
            below = lines[j]
            if below.page != line.page or below.top - bottom > 2.5 * max(below.size, 6) or found[j]:
                break
            column = next((k for k, edge in enumerate(edges) if labels[k].x0 - 2 <= below.x0 < edge), None)
            if column is None:
                break
            columns[column].values.append(below)
            taken.add(j)
            bottom = max(bottom, below.bottom)
        fields.extend(column for column in columns if column.name)
        taken.update(by_x)
    return fields, taken


def read_fields(lines: list[StyledLine]) -> list[Field]:
    """Labelled fields, with values in the value column and close below."""
    fields, taken = side_by_side_fields(lines)
    current: Field | None = None
    value_x0: float | None = None
    i = 0
    while i < len(lines):
        if i in taken:
            i += 1
            continue
        line = lines[i]
        merged = merge_wrapped_label(lines, i)
        if merged:
            line, i = merged, i + 1
        if status_beside(current, line):
            last = current.values[-1]  # "Signe Hartvig Lund" | "deltog": the attendance in its own column
            current.values[-1] = replace(last, text=f"{last.text.rstrip()}   {line.text.strip()}", x1=line.x1)
            i += 1
            continue
        if party_beside(current, line):
            last = current.values[-1]  # "Bodil Kjærgaard (bokj)" | "B": the party in its own column
            current.values[-1] = replace(last, text=f"{LOGIN_ID.sub('', last.text)} ({line.text.strip()})", x1=line.x1)
            i += 1
            continue
        found = match_label(line.text)
        if found:
            name, inline = found
            current = Field(name, line)
            value_x0 = None
            if inline:
                current.values.append(replace(line, text=inline))
            fields.append(current)
        elif current is not None and belongs_to(current, line, value_x0):
            if value_x0 is None:
                value_x0 = line.x0
            current.values.append(line)
        else:
            current = None
        i += 1
    return fields


def status_beside(current: Field | None, line: StyledLine) -> bool:
    """A member's attendance ("deltog", "var fraværende") in a column of its own, on the row of
    the member just read."""
    if current is None or current.name != "present" or not current.values:
        return False
    return STATUS_AFTER_NAME.fullmatch(" " + line.text.strip()) is not None and right_of(current.values[-1], line)


def party_beside(current: Field | None, line: StyledLine) -> bool:
    """A party letter in a column of its own, on the row of the member just read."""
    if current is None or current.name not in ATTENDANCE_FIELDS or not current.values:
        return False
    return bool(PARTY_CELL.match(line.text.strip())) and right_of(current.values[-1], line)


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
    if match_label(second.text) and not (found[0] == "staff" and PRESENT_LABEL.match(second.text)):
        return None
    return replace(first, text=joined, bottom=second.bottom)


def belongs_to(current: Field, line: StyledLine, value_x0: float | None) -> bool:
    """A value of the field: beside the label, or close below it in the value column; in an
    attendance list a member separated from the one above by a blank line still belongs."""
    last = current.values[-1] if current.values else current.label
    if line.page != last.page:
        return False
    if current.name in ATTENDANCE_FIELDS and NUMBERED_ENTRY.match(line.text.strip()):
        return False  # the contents under the members list
    if current.name in ATTENDANCE_FIELDS and current.values and ends_a_running_list(last.text) \
            and is_sentence_line(line.text):
        return False  # "A, B, C" then "I stedet for X deltog Y. ...": the list has ended
    same_row = abs(line.top - current.label.top) < 2 and line.x0 > current.label.x1
    gap = line.top - last.bottom
    below = 0 <= gap < max(line.size, 6) * 1.2
    listed = current.name in ATTENDANCE_FIELDS and 0 <= gap < max(line.size, 6) * LIST_GAP_SIZES \
        and parse_person_line(line.text) is not None
    in_column = value_x0 is None or abs(line.x0 - value_x0) < 20 or line.x0 > value_x0
    # members in two columns: the name beside the one just read, on its row
    beside_last = current.name in ATTENDANCE_FIELDS and bool(current.values) and right_of(last, line) \
        and parse_person_line(line.text) is not None
    return same_row or beside_last or ((below or listed) and in_column and line.x0 >= current.label.x0 - 2)


def ends_a_running_list(text: str) -> bool:
    """"A, B, C": a comma list whose line does not go on ("A, B," or "A og")."""
    text = text.rstrip()
    return "," in text and not text.endswith((",", " og", " samt"))


def is_sentence_line(text: str) -> bool:
    """Running prose, not names: a full stop ending a sentence, many lower-case words, no
    organisation in brackets ("Lund Therkildsen (KKR), ... (begge sekretariat for ...") and
    no person read from it."""
    text = text.strip()
    return (bool(re.search(r"\.(?:\s+[A-ZÆØÅ]|$)", text)) and "(" not in text
            and len(re.findall(r"(?<!\S)[a-zæøå]+\b", text)) >= SENTENCE_LOWER_WORDS
            and parse_person_line(text) is None)


def clean_name(text: str) -> str:
    return text.strip(SEPARATORS)


def committee_from_running(doc: SegmentedDocument) -> str | None:
    """"Mødet den 21.08.2023 DAS Social", "Økonomiudvalget - 02.11.2016": a running header
    that dates the meeting names its body too; else a header that names a body at all."""
    for page in doc.pdf.pages[:3]:
        for line in page.running:
            found = find_date(line.text)
            if not found:
                continue
            named = committee_names(line.text)
            if named:
                return named[0]
            if MEETING_PHRASE.search(line.text):
                rest = line.text.replace(found[1].group(0), " ")
                rest = PAGE_PHRASE.sub(" ", MEETING_PHRASE.sub(" ", rest))
                rest = clean_name(" ".join(rest.replace(",", " ").split()))
                if rest and len(rest.split()) <= 8:
                    return rest
    # "Tønder Kommune – Økonomiudvalget" over every page, the date in the footer
    named = [name for page in doc.pdf.pages[:3] for line in page.running for name in committee_names(line.text)]
    return named[0] if named else None


def date_from_running(doc: SegmentedDocument) -> str | None:
    for page in doc.pdf.pages:
        for line in page.running:
            found = find_date(line.text)
            if found and (MEETING_PHRASE.search(line.text) or committee_names(line.text)):
                return found[0]
    return None


def cover_lines(doc: SegmentedDocument) -> list[StyledLine]:
    """The front matter; where an item opens the document, the lines above its heading on
    the first page (a title and a meeting block can stand there)."""
    front = doc.of_kind("front") or doc.of_kind("body")
    if not front:
        return []
    body_size = body_font_size([line for page in doc.pdf.pages[:2] for line in page.body])
    return unwrap_headings(front[0].lines[:FRONT_WINDOW], body_size)


def unwrap_headings(lines: list[StyledLine], body_size: float) -> list[StyledLine]:
    """A heading or sentence that wraps ("Referat til mødet i ... den 15." / "marts 2021 kl.
    17:00 i ..."): one line, so the sentence naming the meeting reads whole. A next line in
    the same style that opens in lower case continues a heading, or a line that ran to the
    right edge; a capital opens a title line of its own ("Referat" over "Økonomiudvalget")."""
    edge = right_edge(lines)
    out: list[StyledLine] = []
    for line in lines:
        previous = out[-1] if out else None
        text = line.text.strip()
        if previous and previous.page == line.page and text[:1].islower() \
                and 0 <= line.top - previous.bottom < 0.6 * line.size \
                and runs_on(previous, line, previous, body_size, edge):
            out[-1] = replace(previous, text=join_lines([previous.text, text]), x1=max(previous.x1, line.x1),
                              bottom=line.bottom, word_text="", word_edges=b"")
        else:
            out.append(line)
    return out


def title_lines(lines: list[StyledLine]) -> list[StyledLine]:
    """The first lines of the cover, before any contents list."""
    found: list[StyledLine] = []
    for line in lines:
        text = line.text.strip()
        dated = (found_date := find_date(text)) is not None and found_date[1].start() == 0
        breadcrumb = text.endswith(" /")  # "• Dagsordener og referater /", "• Økonomiudvalget /"
        if is_menu_entry(text) and not breadcrumb:
            continue
        if (LIST_ENTRY.match(text) and not dated and not breadcrumb) or len(found) >= TITLE_LINES:
            break
        found.append(line)
    return found


def is_menu_entry(text: str) -> bool:
    """"• Borger", "• Politik": a web site's menu above the page's heading, no contents list."""
    entry = strip_bullet(text)
    return entry != text.strip() and 1 <= len(entry.split()) <= MENU_WORDS and not re.search(r"\d", entry)


def committee_from_title(lines: list[StyledLine]) -> str | None:
    """A body named in the title lines ("Referat af møde i Ældre- og Sundhedsudvalget",
    "Socialudvalget - 25-05-2020", "Kommunalbestyrelsen"); a definite name wins."""
    top = title_lines(lines)
    names = [name for line in top for name in committee_names(line.text)]
    definite = [n for n in names if n.endswith(("et", "en", "udvalg", "Lokaludvalg"))]
    lower = [name for line in top if (name := lower_case_body(line.text))]
    return (definite or names or lower or [None])[0]


def date_from_decisions(doc: SegmentedDocument) -> str | None:
    """"Beslutning i Byrådet 11. december 2018:" closing each item: where no cover or header
    dates the meeting, the date most items' last decision heading names is this meeting's."""
    dates: list[str] = []
    for segment in doc.of_kind("item"):
        headings = [line.text for line in segment.lines if DECISION_HEADING.match(line.text.strip())]
        found = find_date(headings[-1]) if headings else None  # the last is this meeting's
        if found:
            dates.append(found[0])
    return Counter(dates).most_common(1)[0][0] if dates else None


def committee_from_decisions(doc: SegmentedDocument, date: str | None) -> str | None:
    """"Beslutning i Social- og Seniorudvalget den 13-11-2017": the body of the decision
    headings dated this meeting (where no title names it)."""
    for segment in doc.of_kind("item"):
        for line in segment.lines:
            text = line.text.strip()
            if DECISION_HEADING.match(text) and (not date or (find_date(text) or ("",))[0] == date):
                names = committee_names(text) or [name for name in [lower_case_body(text)] if name]
                if names:
                    return names[0]
    return None


# What the title says before the body: "Referat fra ...", "Referat af mødet i ...", "MØDE I ...".
MEETING_OF = re.compile(r"^(?:(?:fra|af)\s+(?:(?:det|et)\s+)?(?:møde(?:t)?\s+i\s+)?|møde(?:t)?\s+i\s+)", re.IGNORECASE)


def committee_from_cover(lines: list[StyledLine]) -> str | None:
    """The largest line on the first page that is not a date, a kind word or a label."""
    first_page = [line for line in lines if line.page == (lines[0].page if lines else 1)]
    body_size = body_font_size(first_page)
    for line in sorted(first_page, key=lambda l: -l.size):
        text = line.text.strip()
        if line.size <= body_size or find_date(text) or match_label(text):
            continue
        text = clean_name(AGENDA_WORD.sub("", MINUTES_WORD.sub("", text)))
        text = clean_name(MEETING_OF.sub("", text))  # "Referat fra ...", "MØDE I ..."
        if OPEN_MARK.match(text) or CLOSED_MARK.match(text):
            continue  # "Åben Referat": the minutes are public, "Åben" names no body
        if text.isupper() and (names := committee_names(text.title())):
            return names[0]  # "MØDE I SAMMENLÆGNINGSUDVALGET FOR": the body's name, not the heading
        if 1 <= len(text.split()) <= 8:
            return text
    return None


def location_from_cover(lines: list[StyledLine]) -> str | None:
    """The place printed after the time ("kl. 19.00 i Byrådssalen", also wrapped onto the next
    line), or the line right after the meeting's date line (agenda-system covers and web
    pages print the venue there)."""
    top = title_lines(lines)
    for i, line in enumerate(top):
        joined = join_lines([line.text, *(l.text for l in top[i + 1:i + 2])])
        match = PLACE_AFTER_TIME.search(line.text) or PLACE_AFTER_TIME.search(joined) \
            or PLACE_BEFORE_TIME.search(line.text)
        if match:
            return clean_name(match.group("place"))
    for line in top:
        dated = find_date(line.text)
        rest = line.text[dated[1].end():] if dated else ""
        match = PLACE_AFTER_DATE.match(rest) or PLACE_RIGHT_AFTER_TIME.match(rest)
        place = match.group("place") if match else ""
        # a body is no place, but its room is ("Kommunalbestyrelsens mødesal")
        if match and (not committee_names(place) or re.search(r"s\s+[a-zæøå]+$", place)) \
                and not MINUTES_WORD.search(place) and not AGENDA_WORD.search(place):
            return clean_name(match.group("place"))
    for i, line in enumerate(lines[:12]):
        dated = find_date(line.text) and (MEETING_PHRASE.search(line.text) or find_times(line.text)[0])
        if find_date(line.text) and i + 2 < len(lines) and TIME_LINE.match(lines[i + 1].text.strip()):
            dated, i = True, i + 1  # "Tirsdag den 04-05-2010" / "Kl. 13:30" / "Udvalgsværelse 3"
        if dated and i + 1 < len(lines):
            nxt = lines[i + 1]
            text = nxt.text.strip()
            if nxt.page == line.page and not find_date(text) and not match_label(text) \
                    and len(text.split()) <= MAX_PLACE_WORDS and not re.match(r"^\d", text) \
                    and not text.endswith(".") and not LIST_ENTRY.match(text) \
                    and not OPEN_MARK.match(text) and not CLOSED_MARK.match(text) and not committee_names(text) \
                    and not MINUTES_WORD.fullmatch(text) and not AGENDA_WORD.fullmatch(text):
                return TIME_AFTER_PLACE.sub("", text) or text
    return None


def place_of(value: str | None) -> str | None:
    """A place field's value without a time printed with it: "Mødelokale 3 (15.30-18.00)",
    "Mødelokale F7 kl. 15.00"."""
    if not value:
        return None
    return clean_name(TIME_AFTER_PLACE.sub("", TIME_IN_PARENTHESES.sub("", value))) or None


def place_field(fields: list[Field]) -> str | None:
    """The place field's value; a bare room number keeps its label ("Mødelokale   188")."""
    field = next((f for f in fields if f.name == "place" and f.text), None)
    if field is None:
        return None
    value = field.text.strip()
    if re.fullmatch(r"\d{1,4}[A-Za-z]?", value):
        label = " ".join(field.label.text.split())
        label = label[:-len(value)] if label.endswith(value) else label
        return f"{label.strip().rstrip(':').strip()} {value}"
    return field.text


def time_under_date(lines: list[StyledLine], dated_line: str) -> tuple[str | None, str | None]:
    """The time printed on one of the two lines under the date line: "Kl. 13:30" alone,
    "Mødet afholdes i ..., kl. 16.00", "Mødelokale F7 kl. 15.00"."""
    at = next(i for i, line in enumerate(lines) if line.text == dated_line)
    for line in lines[at + 1:at + 3]:
        if TIME_LINE.match(line.text.strip()) or PLACE_BEFORE_TIME.search(line.text) or TIME_AFTER_PLACE.search(line.text):
            return find_times(line.text, is_time=True)
    return None, None


def extract_meeting(doc: SegmentedDocument) -> Attendance:
    lines = cover_lines(doc)
    fields = read_fields(lines)

    def field_text(name: str) -> str | None:
        texts = [f.text for f in fields if f.name == name and f.text]
        return texts[0] if texts else None

    time_text = field_text("time")
    dated_line = next((line.text for line in lines[:FRONT_LINES] if find_date(line.text)), None)
    date_source = time_text if time_text and find_date(time_text) else dated_line
    found = find_date(date_source) if date_source else None
    date = found[0] if found else date_from_running(doc) or date_from_decisions(doc)
    start, end = (None, None)
    time_fields = [(f.text, True) for f in fields if f.name == "time" and f.text]
    for source, is_time in (*time_fields, (field_text("place"), False), (dated_line, False)):
        if source and start is None:
            start, end = find_times(source, is_time=is_time)
    end = end or (find_times(field_text("end") or "", is_time=True)[0])
    committee = field_text("committee")
    committee = (clean_name(committee) if committee else None) or committee_from_title(lines) \
        or committee_from_running(doc) or committee_from_decisions(doc, date) or committee_from_cover(lines)
    if start is None and dated_line:
        start, end = time_under_date(lines, dated_line)
    meeting = Meeting(committee=committee, date=date, start_time=start, end_time=end,
                      location=place_of(place_field(fields)) or location_from_cover(lines))
    people = {name: unique_people([p for f in fields if f.name == name for p in field_people(f)])
              for name in ATTENDANCE_FIELDS}
    for field in fields:  # "Signe Hartvig Lund   deltog" / "Erik Haslund   var fraværende"
        if field.name == "present" and (marked := members_by_status(field)) is not None:
            people["present"] = unique_people(marked[0])
            people["absent"] = unique_people(people["absent"] + marked[1])
    # "Øvrige deltagere", "Fra forvaltningen": officials present with the members, by their role
    people["present"] = unique_people(people["present"] + people.pop("staff"))
    if not people["absent"]:  # "Der var afbud fra Karsten Lyngbo (V) og Hanne Ørum (A)." under the title
        people["absent"] = absent_in([replace(line, text=match.group("said")) for line in lines[:FRONT_LINES]
                                      if (match := ABSENCE_SENTENCE.match(line.text.strip()))])
    if not people["present"] and doc.signatures:  # no members list: those who signed were there
        signed = parse_people_lines([line.text for line in doc.signatures]) or []
        people["present"] = [p.model_copy(update={"page": doc.signatures[0].page}) for p in signed]
    return Attendance(meeting=meeting, present=people["present"], absent=people["absent"],
                      guests=people["guests"])


# A members list with each member's attendance in a column of its own.
STATUS_AFTER_NAME = re.compile(r"\s+(?P<status>deltog|deltager|til stede|mødt|fremmødt|(?:var\s+)?fraværende|"
                               r"(?:meldt\s+)?afbud)\s*\.?$", re.IGNORECASE)


def members_by_status(members: Field) -> tuple[list[Person], list[Person]] | None:
    """(present, absent) of a list whose lines say each one's attendance ("Name   deltog",
    "Name   var fraværende"), or None when most lines do not."""
    marks = [STATUS_AFTER_NAME.search(v.text.strip()) for v in members.values]
    if len(marks) < 2 or 3 * sum(map(bool, marks)) < 2 * len(marks):
        return None
    present: list[Person] = []
    absent: list[Person] = []
    for value, mark in zip(members.values, marks):
        person = parse_person_line(value.text.strip()[:mark.start()]) if mark else None
        if person is not None:
            away = re.search(r"fravær|afbud", mark.group("status"), re.IGNORECASE)
            (absent if away else present).append(person.model_copy(update={"page": members.label.page}))
    return present, absent


def field_people(attendance: Field) -> list[Person]:
    """A list of names (one a line, or running "A, B og C"), or sentences such as "A og B
    begge fra X deltager under punkt 3"."""
    text = attendance.text
    page = attendance.label.page
    if GUEST_SENTENCE.search(text):
        before, _, _ = text.partition(GUEST_SENTENCE.search(text).group(0))
        return parse_people(before) + parse_guest_sentences(text, None, page)
    running = parse_people(text)
    wrapped = any(v.text.rstrip().endswith(",") for v in attendance.values[:-1])
    listed = None if wrapped else parse_people_lines([v.text for v in attendance.values])
    people = listed if listed is not None and len(listed) >= len(running) else running
    return [p.model_copy(update={"page": page}) for p in people]
