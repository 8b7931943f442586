"""Item segment -> Item: case number, sections (segment/sections.py), recommendations with
their pages, attachments, and the case history of a "Sagsforløb" section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace


from dagsorden.extractor.danish.headings import (
    ATTACHMENT_GROUP,
    ATTACHMENT_HEADING,
    ATTACHMENT_LINE,
    ATTENDANCE_LINE,
    FILE_NAME,
    MEETING_LABEL,
    NONE_LISTED,
    WEB_LINK_TEXT,
)
from dagsorden.extractor.danish.case_numbers import find_case_number as case_number_in
from dagsorden.extractor.facts.decision_text import decision_of, file_list_at, is_capitals_heading
from dagsorden.extractor.facts.history import history_of
from dagsorden.extractor.facts.recommendations import POINT_LABEL, lead_in_text, recommendations_of
from dagsorden.extractor.facts.people import absent_in
from dagsorden.extractor.segment.sections import Sections, heading_text, split_sections
from dagsorden.extractor.segment.style import body_font_size
from dagsorden.extractor.segment.lines import (
    DANGLING_END, URL, lines_to_entries, lines_to_paragraphs, right_edge, same_row, strip_bullet, typical_gap,
)
from dagsorden.models import Attachment, Item, Segment, StyledLine

COLUMN_TOLERANCE = 2.0  # points: cells of one table column start this close
CASE_LINE_WINDOW = 6  # a case number belongs to the item head, not to amounts in the text
MAX_CASE_LINE_WORDS = 10
# Cells of an attachment table that are no title: a running or document number, Åben/Lukket.
TABLE_FILLER = re.compile(r"^(?:\d{1,3}\.?|[\d/.\-]{4,20}|åben|åbent|lukket|offentlig|ikke offentlig)$", re.IGNORECASE)
_HEADER_CELL = (r"(?:(?:bilags?|dokument|dok\.?|fil)\s*(?:nr\.?|nummer|titel|navn|beskrivelse|type|dato)?|nr\.?|titel|"
                r"navn|beskrivelse|dato|sider|type|størrelse|emne|åben/lukket|offentlig(?:hed)?|status|funktioner|punkt)")
TABLE_HEADER = re.compile(rf"^{_HEADER_CELL}$", re.IGNORECASE)
TABLE_HEADER_ROW = re.compile(rf"^{_HEADER_CELL}(?:\s+{_HEADER_CELL})*$", re.IGNORECASE)  # "Nr. Titel Åben/Lukket"
# a column's cell read into a title: open/closed, or a document number ("145233/17", "2017-009817")
# (not a year range "2017-2019" that ends a title)
CELL_WORD = re.compile(r"^(?i:åben|åbent|lukket)$|^(?!\d{4}-\d{2,4}$)\(?\d[\d.]*(?:[/-]\d+)+\)?$")
HAS_LETTER = re.compile(r"[^\W\d_]")  # "450-2018-61127" alone: a document number, no title
# "Lukket Regnskab 2008 ...": the open/closed cell read into the title (a name follows it)
OPEN_CLOSED_CELL = re.compile(r"^(?i:åben|åbent|lukket)\s+(?=[A-ZÆØÅ0-9])")
# "Titel Dokumentnr. Åben/Lukket Lokalplan ...": a header row read into the first entry
HEADER_ROW_BEFORE = re.compile(rf"^(?:{_HEADER_CELL}\s+){{2,}}(?=[^\s\d])", re.IGNORECASE)  # not "Bilag nr. 1: ..."


def find_case_number(lines: list[StyledLine]) -> tuple[str | None, StyledLine | None]:
    """The case number printed in the item's head (its first lines, on a line of its own or a
    short line of labels: "Sagsnr. 16/1203  Initialer: kfb  Åben sag"), and that line. A
    short item's attachment list is no head: "Budgetnotat (306-2016-51123)" names a document."""
    head = lines[:CASE_LINE_WINDOW]
    listing = next((i for i, line in enumerate(head) if ATTACHMENT_HEADING.match(heading_text(line.text))), None)
    head = head[:listing]
    for line in head:
        # "J.nr.: 13.00.00-A00-2-11" | "Sagsid.: 11/9871": the cells of one row read as one line
        row = sorted((other for other in head if same_row(other, line)), key=lambda other: other.x0)
        text = " ".join(cell.text for cell in row)
        case = case_number_in(text) if len(text.split()) <= MAX_CASE_LINE_WORDS else None
        if case:
            return case, next((cell for cell in row if case in cell.text), line)
    return None, None


def table_rows(lines: list[StyledLine]) -> tuple[list[StyledLine], set[int]]:
    """An attachment list set as a table (a document number, the title, "Åben"): one line per
    row holding the title cell(s); header rows ("Bilagsnr. | Titel") and the number and
    open/closed columns left out. Lines that are no table pass unchanged. Also returns the
    ids of the lines made of a row's cells: each of them is an entry of its own."""
    rows: list[list[StyledLine]] = []
    lines = with_status_cells(lines)
    for i, line in enumerate(lines):
        if rows and same_row(rows[-1][0], line):
            rows[-1].append(line)
        elif rows and continues_cell(rows[-1], line, alone=not any(same_row(line, other) for other in lines[i + 1:i + 4])):
            rows[-1].append(line)  # "nordlige del af kommunen 2020-2030": the title cell wraps
        else:
            rows.append([line])
    out: list[StyledLine] = []
    row_lines: set[int] = set()
    for row in rows:
        if len(row) == 1:
            out.append(row[0])
            continue
        columns: list[list[StyledLine]] = []  # a cell's lines, top down, one list per column
        for cell in sorted(row, key=lambda c: c.x0):
            if columns and same_column(columns[-1][0], cell):
                columns[-1].append(cell)
            else:
                columns.append([cell])
        cells = [replace(parts[0], text=" ".join(p.text.strip() for p in sorted(parts, key=lambda p: p.top)),
                         x1=max(p.x1 for p in parts)) for parts in columns]
        cells = [c for c in cells if not TABLE_FILLER.match(c.text.strip())]
        if cells and not all(is_header_cell(c.text) for c in cells):
            out.append(replace(cells[0], text=" ".join(c.text.strip() for c in cells), x1=cells[-1].x1))
            row_lines.add(id(out[-1]))
    return out, row_lines


def with_status_cells(lines: list[StyledLine]) -> list[StyledLine]:
    """"... bemærkninger til de      Åben", "... formidling i    145233/17    Åben": a title cell
    that fills its column runs into the "Åben" / "Lukket" and document number columns on one
    line. Set apart from the title by more than a word space can stretch (a font size), such a
    word is its column's cell, cut off the title (so the title cell may wrap onto the next line)."""
    out: list[StyledLine] = []
    for line in lines:
        cells: list[StyledLine] = []
        while len(words := line.words) > 1 and CELL_WORD.match(words[-1].text) \
                and words[-1].x0 - words[-2].x1 > line.size:
            line, cell = line.split_last_word()
            cells.insert(0, cell)
        out.extend([line, *cells])
    return out


def is_header_cell(text: str) -> bool:
    """"Titel", "Dok.nr.", also wrapped in a narrow column ("Åben/Lukke" over "t")."""
    return bool(TABLE_HEADER.match(text.strip()) or TABLE_HEADER.match("".join(text.split())))


def continues_cell(row: list[StyledLine], line: StyledLine, alone: bool = True) -> bool:
    """A line set close under a table row (no row's padding between), starting where one of
    its cells starts but not in its first column: that cell's text wrapped. In the first column
    only a line `alone` on its row (no next row's cells beside it) may be a wrap."""
    if len(row) < 2 or line.page != row[0].page:
        return False
    first, *others = sorted(row, key=lambda cell: cell.x0)
    if not 0 <= line.top - max(cell.bottom for cell in row) <= 0.45 * line.size:
        return False
    if same_column(first, line):
        # the first column wraps into lower case or a number ("... pladser" / "2020-2021"), or after
        # a comma or a word that goes on ("... Vej og Park," / "Natur og Miljø")
        above = max((cell for cell in row if same_column(cell, first)), key=lambda cell: cell.top).text.strip()
        opening = line.text.strip()[:1]
        return opening.islower() or (alone and (opening.isdigit() or above.endswith(",")
                                                or DANGLING_END.search(above) is not None))
    return any(same_column(cell, line) for cell in others)


def same_column(a: StyledLine, b: StyledLine) -> bool:
    """Two lines that start at one table column's left edge."""
    return abs(a.x0 - b.x0) <= COLUMN_TOLERANCE


def attachments_from(sections: Sections, edge: float, gap: float) -> list[Attachment]:
    """The entries under a "Bilag" heading (numbered "1." labels dropped, "Ingen" is none),
    and "Bilag N: ..." lines and attached file names anywhere in the item."""
    found: list[Attachment] = []
    listing = False  # under a "Bilag" heading whose table header cells were read as headings
    for heading, lines in sections:
        # under "Bilag", a table's header cells may be read as headings, a wrapped one too ("Åben/Lukke" / "t")
        listing = bool(ATTACHMENT_HEADING.match(heading) or (listing and (
            TABLE_HEADER_ROW.match(heading) or re.fullmatch(r"[a-zæøå]{1,3}", heading.strip()))))
        if listing and not lines:
            continue  # "BILAG:" over "Bilag | Åben/Lukket": the entries follow the header
        if listing:
            rows, row_lines = table_rows(lines)
            entries = [(entry_title(text), line) for text, line in
                       lines_to_entries(rows, edge, gap, opens_attachment_entry, opened=row_lines,
                                        wraps=wraps_in_cell)]
            for text, line in labels_joined(without_list_numbers(entries)):
                if lead_in_text(text) is not None or ATTENDANCE_LINE.match(text) or MEETING_LABEL.match(text) \
                        or is_capitals_heading(line):
                    break  # "Direktionen indstiller ...", "Afbud: ...", "LUKKEDE SAGER": the list is over
                # "450-2018-61127" over its file name: a document number, no title of its own
                if HAS_LETTER.search(text) and not URL.match(text) and not NONE_LISTED.match(text) \
                        and not TABLE_HEADER.match(text) and not ATTACHMENT_GROUP.match(text):
                    found.append(Attachment(title=text, page=line.page))
        else:
            for i, line in enumerate(lines):
                text = " ".join(line.text.split())
                if ATTACHMENT_LINE.match(text) or FILE_NAME.match(text):
                    found.append(Attachment(title=text, page=line.page))
                elif files := file_list_at(lines, i):
                    found.extend(Attachment(title=name, page=line.page) for name in listed_files(files[0].group("files")))
    return found


def wraps_in_cell(previous: str, text: str) -> bool:
    """"... bemærkninger til de enkelte" / "politikområder", "... Vej og Park," / "Natur og
    Miljø": an attachment's title goes on in lower case or after a comma, though its line ended
    short of the page's edge (a table's title column is narrower than the page). A file name
    in lower case is an entry of its own."""
    return (text[:1].islower() and not FILE_NAME.match(text)) or previous.endswith(",")


def opens_attachment_entry(previous: str, text: str) -> bool:
    """A group heading ("Åbne bilag"), or a capital after an entry that closed on its document
    number ("... januar 2017 (Dok.nr. 2017-009817)" / "Kystdirektoratets udtalelse ..."), or
    any line after a bare document number ("450-2018-61127" over its file name)."""
    return bool(ATTACHMENT_GROUP.match(text)) or (DOCUMENT_NUMBER.search(previous) is not None and text[:1].isupper()) \
        or not HAS_LETTER.search(previous)


FILE_SIZE = re.compile(r"\s*\(\s*\d[\d,.]*\s*[KMG]B\s*\)", re.IGNORECASE)


def listed_files(text: str) -> list[str]:
    """"Takster 2020.pdf (312 KB) og Kort.pdf (1,4 MB)" -> the file names, sizes left out."""
    parts = re.split(r",\s*|\s+og\s+", FILE_SIZE.sub("", text).strip(" ."))
    return [part.strip() for part in parts if FILE_NAME.match(part.strip())]


def entry_title(text: str) -> str:
    """An attachment entry without its point label, a table header row and an Åben/Lukket cell
    read into it."""
    text = POINT_LABEL.sub("", text, count=1).strip()
    return OPEN_CLOSED_CELL.sub("", HEADER_ROW_BEFORE.sub("", text, count=1), count=1)


def labels_joined(entries: list[tuple[str, StyledLine]]) -> list[tuple[str, StyledLine]]:
    """"Bilag Skema A - 24 boliger:" over "Situationsplan": an entry that ends in a colon is
    the label of the next one (the list names the item, then the file)."""
    joined: list[tuple[str, StyledLine]] = []
    for text, line in entries:
        if joined and joined[-1][0].endswith(":") and not ATTACHMENT_GROUP.match(joined[-1][0]):
            joined[-1] = (f"{joined[-1][0]} {text}", joined[-1][1])
        else:
            joined.append((text, line))
    return joined


BARE_LIST_NUMBER = re.compile(r"^(?P<number>\d{1,2})\s+(?=\S)")


def without_list_numbers(entries: list[tuple[str, StyledLine]]) -> list[tuple[str, StyledLine]]:
    """"1   Bilag 1 - Projektbeskrivelse", "2   (Lukket bilag)": entries numbered 1, 2, 3 ... in
    a column of their own carry the list's numbers, not their titles'."""
    numbers = [BARE_LIST_NUMBER.match(text) for text, _ in entries]
    if not entries or not all(numbers) or [int(m.group("number")) for m in numbers if m] != \
            list(range(1, len(entries) + 1)):
        return entries
    return [(BARE_LIST_NUMBER.sub("", text, count=1), line) for text, line in entries]


DOCUMENT_NUMBER = re.compile(r"\s*\([^()]*\d[^()]*\)\s*$")  # "Budget 2015 (154030/14)"


def with_listed(own: list[Attachment], listed: list[Attachment]) -> list[Attachment]:
    """The item's own attachments, then those a meeting-level list adds: an entry the item
    prints already (the list adds its document number) is not a second attachment."""
    def key(attachment: Attachment) -> str:
        return " ".join(DOCUMENT_NUMBER.sub("", attachment.title).casefold().split())
    printed = {key(a) for a in own}
    return own + [a for a in listed if key(a) not in printed]


@dataclass(frozen=True)
class ItemBody:
    """An item's lines without its case line, split into sections, with the measures its lists
    are read by: what extraction reads and `dagsorden explain` shows."""

    case_number: str | None
    body_size: float
    sections: Sections
    edge: float  # the text column's right edge: shorter lines end an entry
    gap: float  # the line spacing inside a paragraph: more opens a new entry

    @classmethod
    def of(cls, segment: Segment) -> ItemBody:
        # a web page's link texts, and a list bullet left alone on its line, are no text
        lines = [line for line in segment.lines
                 if not WEB_LINK_TEXT.match(strip_bullet(line.text.strip())) and line.text.strip(" •·▪◦*-–")]
        case_number, case_line = find_case_number(lines)
        if case_line is not None:
            lines.remove(case_line)
        body_size = body_font_size(lines)
        return cls(segment.case_number or case_number, body_size, split_sections(lines, body_size),
                   right_edge(lines), typical_gap(lines))


def segment_to_item(segment: Segment, number: int | None = None, *, minutes: bool = False,
                    agenda: bool = False, meeting_date: str | None = None, column_edge: float = 0.0) -> Item:
    """`column_edge`: the right edge of the document's text column, so that in a short item a
    line is seen to end early (an attachment list's lines are entries of their own)."""
    number = number if number is not None else (segment.item or 0)
    body = ItemBody.of(segment)
    sections, edge, gap = body.sections, body.edge, body.gap
    list_edge = max(edge, column_edge)
    texts: dict[str, str] = {}
    for heading, section_lines in sections:
        key = heading if heading not in texts else f"{heading} ({sum(k.startswith(heading) for k in texts) + 1})"
        texts[key] = lines_to_paragraphs(section_lines)
    recommendations = recommendations_of(sections, edge, gap)
    decision = decision_of(sections, meeting_date, minutes, agenda)
    return Item(
        number=number,
        title=segment.title or "",
        case_number=body.case_number,
        closed=segment.closed,
        section=segment.section,
        page_start=segment.page_start,
        page_end=segment.page_end,
        sections=texts,
        recommendations=[text for text, _ in recommendations],
        recommendation_pages=[line.page for _, line in recommendations],
        decision=decision.text,
        not_taking_part=decision.not_taking_part,
        attachments=with_listed(attachments_from(sections, list_edge, gap),
                                attachments_from([("Bilag", segment.listed_attachments)], list_edge, gap)),
        history=history_of(texts),
        decision_page=decision.page,
        absent=[p.model_copy(update={"item": number}) for p in absent_in(decision.attendance or [])],
    )
