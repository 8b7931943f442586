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
from dataclasses import dataclass, field, replace

from dagsorden.extractor.danish.headings import AGENDA_GROUP, CLOSED_MARK, DECISION_HEADING, OPEN_MARK
from dagsorden.extractor.read.running import masked
from dagsorden.models import PdfText, Segment, SegmentedDocument, StyledLine

# Capitalised: "punkt 3" inside a wrapped sentence ("deltager under punkt 3") is no heading.
PUNKT = re.compile(
    r"^(?:Punkt|PUNKT|Pkt\.)\s+(?P<numbers>\d{1,3}(?:\s*(?:\+|,|og|&|-|–)\s*\d{1,3})*)\s*[.:]?(?:\s+(?P<title>.*))?$")
NUMBERED = re.compile(r"^(?P<number>\d{1,3})\.\s+(?P<title>\S.*)$")
TOC_TAIL = re.compile(r"(?:\(side\s*\d+\)|\.{3,}\s*\d+|\s\d{1,3})\s*$", re.IGNORECASE)
MAX_NUMBER_JUMP = 15  # public agendas omit closed items, so numbers may skip
TOC_RUN_LINES = 2  # numbered lines this close (in lines) form a table of contents
TOC_MIN_RUN = 3
HEADING_SIZE_DELTA = 0.8
PREAMBLE_LINES = 4  # lines before an item heading that may hold its group and Åben/Lukket


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
    """"1 + 2" -> [1, 2]; a range "7-9" -> [7, 8, 9]."""
    numbers: list[int] = []
    for first, last in re.findall(r"(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?", text):
        low, high = int(first), int(last or first)
        numbers.extend(range(low, high + 1) if 0 <= high - low <= MAX_NUMBER_JUMP else [low])
    return numbers


def find_candidates(lines: list[StyledLine], body_size: float) -> tuple[list[ItemStart], list[ItemStart]]:
    """"Punkt N" anchors and heading-styled "N. Title" lines, before sequence checks."""
    explicit: list[ItemStart] = []
    numbered: list[ItemStart] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        match = PUNKT.match(text)
        if match and len(text) < 200 and not (match.group("title") or "X")[0].islower() \
                and not ends_decision_heading(lines, index):
            start = ItemStart(index, parse_numbers(match.group("numbers")), consumed={index})
            if match.group("title"):
                start.title_lines = [replace(line, text=match.group("title"))]
            explicit.append(start)
            continue
        match = NUMBERED.match(text)
        if match and is_heading_styled(line, body_size) and not TOC_TAIL.search(text):
            wrapped = title_after(lines, index, len(lines), first=line)
            numbered.append(ItemStart(index, [int(match.group("number"))],
                                      [replace(line, text=match.group("title")),
                                       *(lines[i] for i in wrapped)], False,
                                      consumed={index, *wrapped}))
    return same_family(explicit, lines), drop_tables_of_contents(numbered)


def ends_decision_heading(lines: list[StyledLine], index: int) -> bool:
    """eDoc prints "Punkt N" at the right of "<Udvalg>s beslutning den DD.MM.YYYY": on that
    baseline it names the item the decision belongs to, it does not start one."""
    if index == 0:
        return False
    before, line = lines[index - 1], lines[index]
    return before.page == line.page and abs(before.top - line.top) <= 2.5 \
        and bool(DECISION_HEADING.match(before.text.strip()))


def same_family(starts: list[ItemStart], lines: list[StyledLine]) -> list[ItemStart]:
    """"Punkt" lines in another font than most of them belong to a bound appendix."""
    families = Counter(font_family(lines[s.index].font) for s in starts)
    if not families:
        return starts
    usual = families.most_common(1)[0][0]
    return [s for s in starts if font_family(lines[s.index].font) == usual]


def drop_tables_of_contents(candidates: list[ItemStart]) -> list[ItemStart]:
    """Numbered lines in a tight run of three or more (a TOC or programme) are not item starts."""
    runs: list[list[ItemStart]] = []
    for cand in candidates:
        if runs and cand.index - runs[-1][-1].index <= TOC_RUN_LINES:
            runs[-1].append(cand)
        else:
            runs.append([cand])
    return [cand for run in runs if len(run) < TOC_MIN_RUN for cand in run]


def in_sequence(starts: list[ItemStart]) -> list[ItemStart]:
    """The longest chain of starts whose numbers rise in small steps.

    A stray "3." inside an item, or a "Punkt 3" in the front matter, is not item 3:
    it breaks the chain that the real item headings form.
    """
    if not starts:
        return []
    best: list[int] = [1] * len(starts)
    before: list[int | None] = [None] * len(starts)
    for i, start in enumerate(starts):
        for j in range(i):
            gap = start.numbers[0] - max(starts[j].numbers)
            if 0 < gap <= MAX_NUMBER_JUMP and best[j] + 1 > best[i]:
                best[i], before[i] = best[j] + 1, j
    end: int | None = max(range(len(starts)), key=lambda i: (best[i], -i))
    chain: list[ItemStart] = []
    while end is not None:
        chain.append(starts[end])
        end = before[end]
    return chain[::-1]


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
            # the first sub-item starts at the "Punkt 1 + 2" line itself, so nothing is orphaned
            for k, sub in enumerate(subs):
                index = start.index if k == 0 else sub.index
                result.append(ItemStart(index, sub.numbers, sub.title_lines, True,
                                        sub.consumed | ({start.index} if k == 0 else set())))
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


def title_after(lines: list[StyledLine], index: int, limit: int,
                first: StyledLine | None = None) -> list[int]:
    """Indexes of the heading lines right after "Punkt N." (or continuing `first`):
    same style, wrapped over a few lines."""
    title: list[int] = []
    for i in range(index + 1, min(limit, index + 6)):
        line = lines[i]
        if first is None and (OPEN_MARK.match(line.text) or CLOSED_MARK.match(line.text)):
            continue
        if not title and first is None:
            title.append(i)
            continue
        head = first if first is not None else lines[title[0]]
        last = lines[title[-1]] if title else head
        if NUMBERED.match(line.text.strip()) or PUNKT.match(line.text.strip()):
            break
        same_style = line.bold == head.bold and abs(line.size - head.size) < 0.3
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
    for line in lines[max(previous_end, start - PREAMBLE_LINES):start]:
        text = line.text.strip()
        if AGENDA_GROUP.match(text):
            group = text.rstrip(":").strip()
        elif CLOSED_MARK.match(text):
            closed = True
        elif OPEN_MARK.match(text):
            closed = False
    return group, closed


def running_marks(pdf: PdfText, page_number: int) -> tuple[str | None, bool | None]:
    """Group and Åben/Lukket printed in the running header of the item's first page."""
    return group_before(pdf.pages[page_number - 1].running, len(pdf.pages[page_number - 1].running), 0)


def lines_to_segments(pdf: PdfText) -> SegmentedDocument:
    """Front matter, items and bound appendices; the kind is decided after (segment/kind.py)."""
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
        header_group, header_closed = running_marks(pdf, lines[start.index].page)
        group = new_group or header_group or group
        closed = closed if closed is not None else header_closed
        own = [line for i, line in enumerate(lines[start.index:end], start.index)
               if line.page not in bound and i not in start.consumed
               and not (i >= end - PREAMBLE_LINES and AGENDA_GROUP.match(line.text.strip()))
               and not repeats_heading(line, start.numbers)]
        title = " ".join(t.text.strip() for t in start.title_lines) or None
        item_lines = [line for line in own if not (OPEN_MARK.match(line.text) or CLOSED_MARK.match(line.text))]
        segments.append(Segment(kind="item", lines=item_lines or lines[start.index:start.index + 1], item=start.numbers[0],
                                numbers=start.numbers, title=title, section=group,
                                closed=bool(closed) or bool(title and CLOSED_MARK.match(title))))
        segments.extend(appendix_segments(lines[start.index:end], bound, start.numbers[0]))
    return SegmentedDocument(pdf=pdf, segments=segments)


def repeats_heading(line: StyledLine, numbers: list[int]) -> bool:
    """"Punkt 7: Title" again inside item 7 (a continuation header), not text."""
    match = PUNKT.match(line.text.strip())
    return bool(match) and parse_numbers(match.group("numbers")) == numbers


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


APPENDIX_LABEL = re.compile(r"^bilag\s+\d+\b", re.IGNORECASE)


def opens_document(first_line: StyledLine, before: list[StyledLine]) -> bool:
    """A new appendix begins on a page that opens with "Bilag N", or in another font family
    (and larger) than the last page."""
    if APPENDIX_LABEL.match(first_line.text.strip()):
        return True
    previous = [line for line in before if line.page == before[-1].page]
    return page_family([first_line]) != page_family(previous) and first_line.size > body_font_size(previous)


def appendix_segment(lines: list[StyledLine], item: int) -> Segment:
    first_page = [line for line in lines if line.page == lines[0].page][:6]
    biggest = max(first_page, key=lambda line: (line.size, line.bold))
    return Segment(kind="appendix", lines=lines, item=item, title=biggest.text.strip())
