"""Styled lines -> document segments: front matter, agenda items, bound appendices.

Rules come from structure, not from the words of one document:
- an item starts at "Punkt N" (any style) or at a heading-styled "N. Title" line,
  with numbers rising through the document; runs of numbered lines close together
  are a table of contents or programme, not items;
- a bound appendix starts on a new page that is not an item start and looks unlike
  the agenda pages (another font family, or without the agenda's running header);
  its headings are never taken for items or sections.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extractor.danish.headings import AGENDA_GROUP, CLOSED_MARK, OPEN_MARK
from extractor.running import masked
from models import PdfText, Segment, SegmentedDocument, StyledLine
from models.extraction import DocumentKind

PUNKT = re.compile(
    r"^(?:punkt|pkt\.)\s+(?P<numbers>\d{1,3}(?:\s*(?:\+|,|og|&)\s*\d{1,3})*)\s*[.:]?(?:\s+(?P<title>.*))?$",
    re.IGNORECASE)
NUMBERED = re.compile(r"^(?P<number>\d{1,3})\.\s+(?P<title>\S.*)$")
TOC_TAIL = re.compile(r"(?:\(side\s*\d+\)|\.{3,}\s*\d+|\s\d{1,3})\s*$", re.IGNORECASE)
MAX_NUMBER_JUMP = 15  # public agendas omit closed items, so numbers may skip
TOC_RUN_LINES = 2  # numbered lines this close (in lines) form a table of contents
HEADING_SIZE_DELTA = 0.8


@dataclass
class ItemStart:
    index: int  # position in the body line list
    numbers: list[int]
    title_lines: list[StyledLine] = field(default_factory=list)
    explicit: bool = True  # "Punkt N" rather than a numbered heading
    consumed: set[int] = field(default_factory=set)  # line indexes that are heading, not text


def font_family(font: str) -> str:
    name = font.split("+")[-1].lower()
    name = re.split(r"[-,]", name)[0]
    return re.sub(r"(mt|ps|psmt|bold|italic|oblique|regular|roman)+$", "", name) or name


def body_font_size(lines: list[StyledLine]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def is_heading_styled(line: StyledLine, body_size: float) -> bool:
    return line.bold or line.size >= body_size + HEADING_SIZE_DELTA


def parse_numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d{1,3}", text)]


def find_candidates(lines: list[StyledLine], body_size: float) -> tuple[list[ItemStart], list[ItemStart]]:
    """"Punkt N" anchors and heading-styled "N. Title" lines, before sequence checks."""
    explicit: list[ItemStart] = []
    numbered: list[ItemStart] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        match = PUNKT.match(text)
        if match and len(text) < 200:
            start = ItemStart(index, parse_numbers(match.group("numbers")), consumed={index})
            if match.group("title"):
                start.title_lines = [line.model_copy(update={"text": match.group("title")})]
            explicit.append(start)
            continue
        match = NUMBERED.match(text)
        if match and is_heading_styled(line, body_size) and not TOC_TAIL.search(text):
            numbered.append(ItemStart(index, [int(match.group("number"))],
                                      [line.model_copy(update={"text": match.group("title")})], False,
                                      consumed={index}))
    return explicit, drop_tables_of_contents(numbered)


def drop_tables_of_contents(candidates: list[ItemStart]) -> list[ItemStart]:
    """Numbered lines in a tight run (a TOC or programme) are not item starts."""
    keep = []
    for i, cand in enumerate(candidates):
        near_prev = i > 0 and cand.index - candidates[i - 1].index <= TOC_RUN_LINES
        near_next = i + 1 < len(candidates) and candidates[i + 1].index - cand.index <= TOC_RUN_LINES
        if not (near_prev or near_next):
            keep.append(cand)
    return keep


def in_sequence(starts: list[ItemStart]) -> list[ItemStart]:
    """Keep starts whose numbers rise: a stray "3." inside an item is not item 3."""
    kept: list[ItemStart] = []
    last = 0
    for start in starts:
        first = start.numbers[0]
        if (not kept and first <= 200) or last < first <= last + MAX_NUMBER_JUMP:
            kept.append(start)
            last = max(start.numbers)
    return kept


def merge_title_lines(lines: list[StyledLine], explicit: list[ItemStart],
                      numbered: list[ItemStart]) -> list[ItemStart]:
    """Give each "Punkt N" its title: a following "N. Title" heading or the next heading lines.

    A combined "Punkt 1 + 2" is split at its "1. ..." and "2. ..." headings.
    """
    numbered_by_number: dict[int, list[ItemStart]] = {}
    for cand in numbered:
        numbered_by_number.setdefault(cand.numbers[0], []).append(cand)
    result: list[ItemStart] = []
    for pos, start in enumerate(explicit):
        limit = explicit[pos + 1].index if pos + 1 < len(explicit) else len(lines)
        subs = [c for n in start.numbers for c in numbered_by_number.get(n, [])
                if start.index < c.index < limit]
        if len(start.numbers) > 1 and subs:
            result.extend(ItemStart(c.index, c.numbers, c.title_lines, True, c.consumed) for c in subs)
            continue
        if not start.title_lines:
            following = [c for c in subs if c.index - start.index <= 4]
            if following:
                start.title_lines = following[0].title_lines
                start.consumed |= following[0].consumed
            else:
                indexes = title_after(lines, start.index, limit)
                start.title_lines = [lines[i] for i in indexes]
                start.consumed |= set(indexes)
        result.append(start)
    return result


def title_after(lines: list[StyledLine], index: int, limit: int) -> list[int]:
    """Indexes of the heading lines right after "Punkt N.": same style, wrapped over a few lines."""
    title: list[int] = []
    for i in range(index + 1, min(limit, index + 6)):
        line = lines[i]
        if OPEN_MARK.match(line.text) or CLOSED_MARK.match(line.text):
            continue
        if not title:
            title.append(i)
            continue
        first, last = lines[title[0]], lines[title[-1]]
        same_style = line.bold == first.bold and abs(line.size - first.size) < 0.3
        close = line.page == last.page and line.top - last.bottom < line.size * 0.9
        if same_style and close:
            title.append(i)
        else:
            break
    return title


def find_item_starts(lines: list[StyledLine]) -> list[ItemStart]:
    body_size = body_font_size(lines)
    explicit, numbered = find_candidates(lines, body_size)
    if explicit:
        starts = merge_title_lines(lines, in_sequence(explicit), numbered)
    else:
        starts = in_sequence(numbered)
    return sorted(starts, key=lambda s: s.index)


def page_family(lines: list[StyledLine]) -> str | None:
    families: Counter[str] = Counter()
    for line in lines:
        families[font_family(line.font)] += len(line.text)
    return families.most_common(1)[0][0] if families else None


def appendix_pages(pdf: PdfText, start_pages: set[int]) -> set[int]:
    """Pages that belong to bound appendices: unlike the item start pages."""
    if not start_pages:
        return set()
    agenda_families = Counter(page_family(p.body) for p in pdf.pages if p.number in start_pages)
    agenda_family = agenda_families.most_common(1)[0][0]
    agenda_running = Counter(masked(line.text) for p in pdf.pages if p.number in start_pages
                             for line in p.running)
    header_keys = {key for key, n in agenda_running.items() if n >= 0.8 * len(start_pages)}
    first_start = min(start_pages)
    pages: set[int] = set()
    for page in pdf.pages:
        if page.number <= first_start or page.number in start_pages or not page.body:
            continue
        other_font = page_family(page.body) != agenda_family
        no_header = bool(header_keys) and not header_keys & {masked(line.text) for line in page.running}
        if other_font or no_header:
            pages.add(page.number)
    return pages


def group_before(lines: list[StyledLine], start: int, previous_end: int) -> tuple[str | None, bool | None]:
    """Agenda group ("Sager til behandling") and Åben/Lukket just before an item heading."""
    group: str | None = None
    closed: bool | None = None
    for line in lines[max(previous_end, start - 4):start]:
        text = line.text.strip()
        if AGENDA_GROUP.match(text):
            group = text.rstrip(":").strip()
        elif CLOSED_MARK.match(text):
            closed = True
        elif OPEN_MARK.match(text):
            closed = False
    return group, closed


def running_group(pdf: PdfText, page_number: int) -> str | None:
    page = pdf.pages[page_number - 1]
    for line in page.running:
        if AGENDA_GROUP.match(line.text.strip()):
            return line.text.strip().rstrip(":")
    return None


def lines_to_segments(pdf: PdfText, kind_hint: DocumentKind | None = None) -> SegmentedDocument:
    from extractor.kind import classify  # kind needs the item starts found here

    lines = pdf.body_lines()
    starts = find_item_starts(lines)
    start_pages = {lines[s.index].page for s in starts}
    bound = appendix_pages(pdf, start_pages)
    segments: list[Segment] = []
    first = starts[0].index if starts else len(lines)
    if first:
        segments.append(Segment(kind="front" if starts else "body", lines=lines[:first]))
    group: str | None = None
    for pos, start in enumerate(starts):
        end = starts[pos + 1].index if pos + 1 < len(starts) else len(lines)
        previous_end = starts[pos - 1].index + 1 if pos else 0
        new_group, closed = group_before(lines, start.index, previous_end)
        group = new_group or running_group(pdf, lines[start.index].page) or group
        own = [line for i, line in enumerate(lines[start.index:end], start.index)
               if line.page not in bound and i not in start.consumed
               and not (i >= end - 4 and AGENDA_GROUP.match(line.text.strip()))]
        title = " ".join(t.text.strip() for t in start.title_lines) or None
        item_lines = [line for line in own if not (OPEN_MARK.match(line.text) or CLOSED_MARK.match(line.text))]
        segments.append(Segment(kind="item", lines=item_lines or lines[start.index:start.index + 1], item=start.numbers[0],
                                numbers=start.numbers, title=title, section=group,
                                closed=bool(closed) or bool(title and CLOSED_MARK.match(title))))
        segments.extend(appendix_segments(lines[start.index:end], bound, start.numbers[0]))
    kind = kind_hint or classify(pdf, segments)
    return SegmentedDocument(pdf=pdf, kind=kind, segments=segments)


def appendix_segments(lines: list[StyledLine], bound: set[int], item: int) -> list[Segment]:
    """Consecutive bound pages after an item, split where a new appendix visibly begins."""
    segments: list[Segment] = []
    current: list[StyledLine] = []
    last_page = None
    for line in lines:
        if line.page not in bound:
            continue
        starts_new = last_page is not None and line.page != last_page and line.page != last_page + 1
        if current and (starts_new or (line.page != last_page and opens_document(line, current))):
            segments.append(appendix_segment(current, item))
            current = []
        current.append(line)
        last_page = line.page
    if current:
        segments.append(appendix_segment(current, item))
    return segments


def opens_document(first_line: StyledLine, before: list[StyledLine]) -> bool:
    """A new appendix begins when a page opens in a different font family from the last page."""
    previous = [line for line in before if line.page == before[-1].page]
    return page_family([first_line]) != page_family(previous) and first_line.size > body_font_size(previous)


def appendix_segment(lines: list[StyledLine], item: int) -> Segment:
    first_page = [line for line in lines if line.page == lines[0].page][:6]
    biggest = max(first_page, key=lambda line: (line.size, line.bold))
    return Segment(kind="appendix", lines=lines, item=item, title=biggest.text.strip())
