"""Body lines -> where agenda items start, read from this document's own evidence.

Agenda systems number items in many ways ("Punkt 3.", "Pkt. 4", "12. Title", "1.Title",
"2  Title", "Nr.86 - Title", "Sag nr. 19", "3: Title"), in running numbers over the year,
in bold or in the body font. So no style is assumed: every line that could open an item
is a candidate, candidates that look alike (same numbering kind, weight, size and left
edge) form a family, and the family whose numbers rise through the document in small
steps, with the most evidence of being headings, is the item numbering of this document.
Around that: tight runs of numbered lines are a table of contents or programme; a number
printed twice (contents line, then heading) opens one item; a title wraps onto the lines
below as long as the line above it ran to the margin.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from dagsorden.extractor.danish.headings import (
    AGENDA_WORD,
    BODY_DATELINE,
    CASE_SECTION,
    CLOSED_MARK,
    DECISION_HEADING,
    ITEM_BARE,
    ITEM_CASE,
    ITEM_COLON,
    ITEM_GLUED,
    ITEM_KEYWORD,
    ITEM_NR,
    ITEM_NUMBER_ALONE,
    ITEM_NUMBER_OVER_TITLE,
    ITEM_LETTERED,
    ITEM_NUMBERED,
    ITEM_SERIAL,
    KNOWN_SECTION,
    MEETING_LABEL,
    MINUTES_WORD,
    OPEN_MARK,
    WEB_LINK_TEXT,
    POINT_OPENERS,
    RECOMMENDATION_HEADING,
)
from dagsorden.extractor.danish.case_numbers import find_case_number
from dagsorden.extractor.segment.lines import ended_early, same_row
from dagsorden.extractor.segment.style import body_font_size, font_family, is_heading_styled, runs_on
from dagsorden.models import StyledLine

MAX_NUMBER_JUMP = 15  # public agendas omit closed items, so numbers may skip
TOC_RUN_LINES = 2  # numbered lines this close (in lines) form a table of contents
TOC_MIN_RUN = 3
LIST_GAP_LINES = 3  # a contents entry whose title wraps is followed by the next within this
TOC_TAIL = re.compile(r"(?:\(side\s*\d+\)|\.{3,}\s*\d+|\s\d{1,3})\s*$", re.IGNORECASE)
MAX_HEADING_CHARS = 200
MAX_TITLE_LINES = 4
# Numbers that read as years: a bare "2020." opening a line is a wrapped sentence.
YEARS = range(1900, 2100)
LIST_BULLET_BEFORE_NUMBER = re.compile(r"^(?:[•·\-–]|\(cid:\d+\))\s*(?=(?:(?i:punkt|pkt\.?|sag nr\.?)\s*)?\d{1,4}\.?\s+\S)")
X0_BUCKET = 12.0  # points: heading lines of one family start at about the same x
# Kinds that name themselves items; numbers alone must prove it by style and sequence.
STRONG_KINDS = ("keyword", "nr", "case")
KIND_PATTERNS = (("keyword", ITEM_KEYWORD), ("nr", ITEM_NR), ("case", ITEM_CASE),
                 ("numbered", ITEM_NUMBERED), ("lettered", ITEM_LETTERED), ("colon", ITEM_COLON),
                 ("bare", ITEM_BARE), ("glued", ITEM_GLUED), ("serial", ITEM_SERIAL))
UNTITLED_KINDS = (*STRONG_KINDS, "serial")  # kinds whose title stands on a line of its own


@dataclass
class ItemStart:
    index: int  # position in the body line list
    numbers: list[int]
    title_lines: list[StyledLine] = field(default_factory=list)
    kind: str = "keyword"
    consumed: set[int] = field(default_factory=set)  # line indexes that are heading, not text
    evidence: str = ""  # why this line opens an item (for `dagsorden explain`)
    closed: bool | None = None  # "6 (Lukket) Salg af ejendom": marked on the heading itself
    prefix: str = ""  # "T" of "T1.": one family shares it

    @property
    def explicit(self) -> bool:
        return self.kind in STRONG_KINDS


def parse_numbers(text: str) -> list[int]:
    """"1 + 2" -> [1, 2]; a range "7-9" -> [7, 8, 9]."""
    numbers: list[int] = []
    for first, last in re.findall(r"(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?", text):
        low, high = int(first), int(last or first)
        numbers.extend(range(low, high + 1) if 0 <= high - low <= MAX_NUMBER_JUMP else [low])
    return numbers


def ends_decision_heading(lines: list[StyledLine], index: int) -> bool:
    """eDoc prints "Punkt N" at the right of "<Udvalg>s beslutning den DD.MM.YYYY": on that
    baseline it names the item the decision belongs to, it does not start one."""
    if index == 0:
        return False
    before, line = lines[index - 1], lines[index]
    return same_row(before, line) and bool(DECISION_HEADING.match(before.text.strip()))


def beside(lines: list[StyledLine], index: int) -> StyledLine | None:
    """The line printed to the right on the same baseline (a title in its own column)."""
    line = lines[index]
    if index + 1 < len(lines):
        nxt = lines[index + 1]
        if same_row(nxt, line) and nxt.x0 > line.x1:
            return nxt
    return None


def title_below(lines: list[StyledLine], index: int) -> StyledLine | None:
    """The title under a number printed alone: the next line, close below, that reads as a
    title and is no section heading."""
    if index + 1 >= len(lines):
        return None
    line, nxt = lines[index], lines[index + 1]
    text = nxt.text.strip()
    # the number the last line of its page, the title the first of the next ("• 114." / page break)
    close = (nxt.page == line.page and 0 <= nxt.top - line.bottom <= 3 * line.size) or nxt.page == line.page + 1
    if not close or not title_opens_item(text) or len(text) > MAX_HEADING_CHARS:
        return None
    if KNOWN_SECTION.match(text) or ITEM_NUMBER_OVER_TITLE.match(text) or find_case_number(text):
        return None
    return nxt


def title_opens_item(title: str) -> bool:
    """A title starts like a name of a matter: capital, digit or quote; not "at ..." (a
    numbered recommendation point) and not a lower-case continuation."""
    title = title.strip()
    return bool(title) and not POINT_OPENERS.match(title) and (title[0].isupper() or title[0] in "\"“«(" or
                                                               title[0].isdigit())


def candidate_at(lines: list[StyledLine], index: int, body_size: float) -> ItemStart | None:
    line = lines[index]
    text = line.text.strip()
    if len(text) > MAX_HEADING_CHARS or ends_decision_heading(lines, index):
        return None
    if LIST_BULLET_BEFORE_NUMBER.match(text):
        text = LIST_BULLET_BEFORE_NUMBER.sub("", text, count=1)  # "•  1 Title": a web page's list entry
    neighbour = beside(lines, index)
    if neighbour is not None and ITEM_NUMBER_ALONE.match(text):
        text = f"{text.rstrip('.:')}. {neighbour.text.strip()}"  # "1" | "Budget ..." in two columns
    elif neighbour is None and (over := ITEM_NUMBER_OVER_TITLE.match(text)) and (below := title_below(lines, index)):
        neighbour = below  # "• 156" with the title on the line below
        text = f"{over.group('number')}. {below.text.strip()}"
    for kind, pattern in KIND_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        title = (groups.get("title") or "").strip()
        numbers = parse_numbers(groups["numbers"]) if "numbers" in groups else [int(groups["number"])]
        if kind not in STRONG_KINDS and any(n in YEARS for n in numbers):
            return None  # "2020. Visionen ...": a sentence wrapped after a year, not item 2020
        repeated = re.match(rf"^{numbers[0]}\.\s*(?=[^\W\d_])", title) if len(numbers) == 1 else None
        if repeated:  # "1.  1. Godkendelse af dagsordenen", "5. 5.Plejeplan": the number printed twice
            title = title[repeated.end():]
        if kind == "case" and (not title or title.startswith("(")):
            title = ""  # "Sag nr. 19 (ØU 23/2010)": a reference; the title stands on its own line
        elif title and not title_opens_item(title):
            return None
        elif not title and kind not in UNTITLED_KINDS:
            return None
        consumed = {index} | ({index + 1} if neighbour is not None and text != line.text.strip() else set())
        title_line = neighbour if neighbour is not None and neighbour.top > line.bottom else line
        start = ItemStart(index, numbers, [replace(title_line, text=title)] if title else [], kind, consumed)
        start.prefix = groups.get("prefix") or ""
        if groups.get("mark"):
            start.closed = groups["mark"].casefold().startswith("lukket")
        styled = "heading-styled" if is_heading_styled(line, body_size) else "body-styled"
        start.evidence = f"{kind} numbering {numbers}, {styled}"
        return start
    return None


def family_key(lines: list[StyledLine], start: ItemStart) -> tuple[object, ...]:
    line = lines[start.index]
    return (start.kind, start.prefix, line.bold, round(line.size * 2) / 2, round(line.x0 / X0_BUCKET),
            font_family(line.font))


def runs_of(family: list[ItemStart], gap_lines: int) -> list[list[ItemStart]]:
    """The family's starts in runs of lines at most `gap_lines` apart (a list's lines)."""
    runs: list[list[ItemStart]] = []
    for cand in family:
        if runs and cand.index - runs[-1][-1].index <= gap_lines:
            runs[-1].append(cand)
        else:
            runs.append([cand])
    return runs


def drop_tables_of_contents(lines: list[StyledLine], family: list[ItemStart],
                            everyone: list[ItemStart]) -> list[ItemStart]:
    """Contents lists and programmes are not item starts: a numbered line followed closely by
    the next one (a list) whose number the family prints again further on (the heading), a
    line ending in a page reference ("... 12", "(side 3)") whose number is printed again,
    and a tight run of three or more numbered lines with a page reference. A run of items
    without text stays, and so does a heading repeated inside its item ("Punkt 8: Title")."""
    next_in_family: dict[int, int] = {}
    for before, after in zip(family, family[1:]):
        next_in_family[before.index] = after.index
    last_anywhere: dict[int, int] = {}
    for cand in everyone:
        last_anywhere[cand.numbers[0]] = max(cand.index, last_anywhere.get(cand.numbers[0], -1))

    def listed_before(cand: ItemStart) -> bool:
        in_a_list = next_in_family.get(cand.index, len(lines)) - cand.index <= LIST_GAP_LINES
        return in_a_list and last_anywhere[cand.numbers[0]] - cand.index > MAX_TITLE_LINES + 1

    pages = max((line.page for line in lines), default=0)

    def page_reference(cand: ItemStart) -> bool:
        """"... 12", "(side 3)" at the end, or a page number in its own column beside it; a
        number past the last page ends a title ("... på linje 301"), it refers to no page."""
        right = beside(lines, max(cand.consumed))
        tail = TOC_TAIL.search(lines[cand.index].text)
        bare = tail is not None and not re.search(r"side|\.\.\.", tail.group(0), re.IGNORECASE)
        if tail and (not bare or int(tail.group(0)) <= pages):
            return True
        return bool(right and right.text.strip().isdigit())

    kept = []
    for run in runs_of(family, TOC_RUN_LINES):
        if len(run) >= TOC_MIN_RUN and any(map(page_reference, run)):
            continue
        kept.extend(c for c in run if not listed_before(c)
                    and not (page_reference(c) and last_anywhere[c.numbers[0]] > c.index))
    return kept


def without_restarted_lists(family: list[ItemStart]) -> list[ItemStart]:
    """"1. Budgetopfølgning ...", "2. Notat ...", "3. Tilstandsrapport" set line under line
    after items 1 and 2: a numbered list that starts again at 1 (attachments, a decision's
    points) is no run of items, though its "3." would follow item 2."""
    kept: list[ItemStart] = []
    for run in runs_of(family, LIST_GAP_LINES):
        counted = 0  # the run's lines that count 1, 2, 3 ...
        while counted < len(run) and run[counted].numbers[0] == counted + 1:
            counted += 1
        if counted >= 2 and any(1 in c.numbers for c in kept):
            run = run[counted:]  # an item heading right after the list stays
        kept.extend(run)
    return kept


def in_sequence(starts: list[ItemStart], weights: list[float] | None = None) -> list[ItemStart]:
    """The longest (heaviest) chain of starts whose numbers rise in small steps.

    A stray "3." inside an item, or a "Punkt 3" in the front matter, is not item 3:
    it breaks the chain that the real item headings form.
    """
    if not starts:
        return []
    weights = weights or [1.0] * len(starts)
    best: list[float] = list(weights)
    before: list[int | None] = [None] * len(starts)
    for i, start in enumerate(starts):
        for j in range(i):
            gap = start.numbers[0] - max(starts[j].numbers)
            if 0 < gap <= MAX_NUMBER_JUMP and best[j] + weights[i] > best[i]:
                best[i], before[i] = best[j] + weights[i], j
    end: int | None = max(range(len(starts)), key=lambda i: (best[i], i))
    chain: list[ItemStart] = []
    while end is not None:
        chain.append(starts[end])
        end = before[end]
    return chain[::-1]


def printed_twice(lines: list[StyledLine], starts: list[ItemStart]) -> list[ItemStart]:
    """A number printed twice with no text between (contents line, then the heading)
    opens one item, at the second printing; the first is consumed as heading."""
    kept: list[ItemStart] = []
    for start in starts:
        if kept and kept[-1].numbers == start.numbers and start.index - kept[-1].index <= MAX_TITLE_LINES + 1:
            start.consumed |= set(range(kept[-1].index, start.index))
            kept[-1] = start
        else:
            kept.append(start)
    return kept


def family_score(lines: list[StyledLine], chain: list[ItemStart], body_size: float) -> float:
    """How strongly a chain of candidates reads as the document's item headings."""
    if not chain:
        return 0.0
    n = sum(len(s.numbers) for s in chain)  # "Punkt 7-9" opens three items
    styled = sum(is_heading_styled(lines[s.index], body_size) for s in chain) / len(chain)
    score = n * (1.0 + styled)
    if chain[0].kind in STRONG_KINDS:  # "Punkt", "Nr.", "Sag nr." say what they are
        score += 2 + 2 * n
    steps = [b.numbers[0] - max(a.numbers) for a, b in zip(chain, chain[1:])]
    score += sum(step == 1 for step in steps) * 0.5
    return score


def choose_family(lines: list[StyledLine], candidates: list[ItemStart],
                  body_size: float) -> list[ItemStart]:
    families: dict[tuple[object, ...], list[ItemStart]] = defaultdict(list)
    for cand in candidates:
        if not verdict_reference(lines, cand, candidates):
            families[family_key(lines, cand)].append(cand)
    # a start with a case text's section before the next start weighs more: "1. Foreningen
    # ...: 55.000 kr." listed in a decision is no item beside "333 Title" over "Sagsfremstilling"
    # (not a decision heading: "Punkt 6: Anbefales." over the body's meeting is a verdict line)
    indexes = sorted({c.index for c in candidates})
    sectioned = {i for i, end in zip(indexes, [*indexes[1:], len(lines)])
                 if followed_by_section(lines, i, min(SECTION_WINDOW, end - i - 1), decisions=False)}
    best: list[ItemStart] = []
    best_score = 0.0
    for members in families.values():
        members = printed_twice(lines, without_restarted_lists(drop_tables_of_contents(lines, members, candidates)))
        chain = in_sequence(members, [1.0 + OWN_SECTION_WEIGHT * (s.index in sectioned) for s in members])
        score = family_score(lines, chain, body_size) + OWN_SECTION_WEIGHT * sum(s.index in sectioned for s in chain)
        if score > best_score:
            best, best_score = chain, score
    return best


def verdict_reference(lines: list[StyledLine], cand: ItemStart, candidates: list[ItemStart]) -> bool:
    """"Punkt 1: Taget til efterretning." under a body's meeting line ("Kommunalbestyrelsens
    møde 26. april 2010"): a verdict, no heading (in one font nothing else tells them apart),
    where it reads as a sentence or repeats the number of the heading just above it."""
    if cand.index == 0 or BODY_DATELINE.match(" ".join(lines[cand.index - 1].text.split())) is None:
        return False
    title = " ".join(line.text for line in cand.title_lines).strip()
    return title.endswith(".") or any(other.numbers == cand.numbers and 0 < cand.index - other.index <= VERDICT_WINDOW
                                      for other in candidates)


VERDICT_WINDOW = 6  # lines between an item's heading and the verdict that repeats its number
OWN_SECTION_WEIGHT = 1.5
FRONT_LINES = 40  # lines at the top of a document searched for meeting words and labels
SECTION_WINDOW = 12


def followed_by_section(lines: list[StyledLine], index: int, window: int = SECTION_WINDOW,
                        decisions: bool = True) -> bool:
    """A section only case texts have ("Sagsfremstilling", "Beslutning", ...) soon after a heading
    (`decisions`: a decision heading counts too)."""
    for line in lines[index + 1:index + 1 + window]:
        text = " ".join(line.text.split())
        if CASE_SECTION.match(text) or (decisions and DECISION_HEADING.match(text)):
            return True
    return False


def records_a_meeting(lines: list[StyledLine]) -> bool:
    """The document's top names an agenda or minutes, or has a meeting block label."""
    for line in lines[:FRONT_LINES]:
        text = " ".join(line.text.split())
        if AGENDA_WORD.search(text) or MINUTES_WORD.search(text) or MEETING_LABEL.match(text):
            return True
    return False


def accepted(lines: list[StyledLine], chain: list[ItemStart], body_size: float) -> bool:
    """Numbered headings are agenda items, not a report's chapters or a numbered list, when
    they name themselves ("Punkt", "Sag nr."), when a case section follows a third of them,
    or when the document records a meeting and they repeat (or stand out by style)."""
    if not chain:
        return False
    if chain[0].explicit:
        return True
    sectioned = sum(followed_by_section(lines, s.index) for s in chain)
    if 3 * sectioned >= len(chain):
        return True
    styled = all(is_heading_styled(lines[s.index], body_size) for s in chain)
    if records_a_meeting(lines):  # one point is enough for minutes of a short meeting
        return True
    return len(chain) >= 2 and styled and sectioned >= 1


# A bullet glyph (not a dash: "Havnen" / "- ansøgning om garanti" is a title that wraps).
BULLET_GLYPH = re.compile(r"^\s*(?:\(cid:\d+\)|[•\u25cf\u25aa\u25a0·○◦\uf0b7\uf0a7\uf0d8])\s+")


def contents_entry(text: str) -> str:
    """A contents line or title line as compared: no item number, dot leaders or page number."""
    text = re.sub(r"^\s*(?:punkt\s+)?[A-Za-zÆØÅæøå]?\d{1,4}[.:)]?\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[\s.…_]*(?:side\s+)?\d{0,4}\s*$", "", text, flags=re.IGNORECASE)
    return " ".join(text.split()).casefold()


def contents_pairs(lines: list[StyledLine]) -> set[tuple[str, str]]:
    """Lines printed one under the other in the front matter (the contents): a title that wraps
    there wraps the same way at the item."""
    entries = [entry for line in lines if (entry := contents_entry(line.text))]  # no bare page numbers
    return set(zip(entries, entries[1:]))


def title_continues(lines: list[StyledLine], i: int, head: StyledLine, last: StyledLine,
                    body_size: float, edge: float, contents: set[tuple[str, str]] = frozenset()) -> bool:
    """A wrapped title: the next line in the same style, close below, under the title, and
    the line above ran to the margin (or the title is set apart from the body by style); or,
    where no style tells, the contents print the two lines one under the other."""
    line = lines[i]
    text = line.text.strip()
    if not text or line.page != last.page or line.top - last.bottom >= line.size * 0.9:
        return False
    if line.x0 < head.x0 - 3:
        return False
    if KNOWN_SECTION.match(text) or RECOMMENDATION_HEADING.match(text) or DECISION_HEADING.match(text):
        return False
    if OPEN_MARK.match(text) or CLOSED_MARK.match(text) or find_case_number(text) or ":" in text[:20]:
        return False
    if BULLET_GLYPH.match(text):
        return False  # "• Punktoplysninger": a bullet opens an entry of its own, no title wraps onto one
    return runs_on(last, line, head, body_size, edge) or (contents_entry(last.text), contents_entry(text)) in contents


def wrapped_title(lines: list[StyledLine], start: ItemStart, limit: int, body_size: float,
                  contents: set[tuple[str, str]] = frozenset()) -> None:
    """Add the lines a title wraps onto (a title on the heading line, or after "Punkt N.")."""
    if not start.title_lines:
        return
    head = start.title_lines[0]
    edge = max((line.x1 for line in lines if line.page == head.page), default=head.x1)
    last, i = head, max(start.consumed) + 1
    while i < limit and len(start.title_lines) < MAX_TITLE_LINES and \
            title_continues(lines, i, head, last, body_size, edge, contents):
        start.title_lines.append(lines[i])
        start.consumed.add(i)
        last, i = lines[i], i + 1


def title_after(lines: list[StyledLine], index: int, limit: int) -> list[int]:
    """The first heading line after "Punkt N." (an Åben/Lukket mark skipped)."""
    for i in range(index + 1, min(limit, index + 4)):
        text = lines[i].text.strip()
        if OPEN_MARK.match(text) or CLOSED_MARK.match(text) or WEB_LINK_TEXT.match(text) or not text:
            continue
        if KNOWN_SECTION.match(text) or RECOMMENDATION_HEADING.match(text) or DECISION_HEADING.match(text):
            return []
        return [i]
    return []


def title_before(lines: list[StyledLine], index: int, floor: int) -> list[int]:
    """"Title" / "Sag nr. 19": the title printed just above the case line, touching it (and
    the lines it wraps from, where the line above ran to the margin). A look with airier
    headings still sets the title nearer to its case line than to the text above it."""
    found: list[int] = []
    below = lines[index]
    edge = max((line.x1 for line in lines if line.page == below.page), default=below.x1)
    for i in range(index - 1, max(floor, index - MAX_TITLE_LINES) - 1, -1):
        above = lines[i]
        gap = below.top - above.bottom
        touching = above.page == below.page and 0 <= gap < below.size * 0.9
        if not touching and not found and above.page == below.page and 0 <= gap < below.size * 1.25:
            previous = lines[i - 1] if i - 1 >= floor else None
            touching = previous is None or previous.page != above.page or gap < above.top - previous.bottom
        if not touching or not above.text.strip():
            break
        if found and (ended_early(above, below.text, edge) or above.text.rstrip().endswith((".", ":"))):
            break
        found.insert(0, i)
        below = above
    return found


def titled(lines: list[StyledLine], starts: list[ItemStart], numbered: list[ItemStart],
           body_size: float) -> list[ItemStart]:
    """Give every start its title lines: on its own line, in a "N. Title" heading that follows
    "Punkt N", on the line before a "Sag nr." line, or on the heading lines below."""
    by_number: dict[int, list[ItemStart]] = defaultdict(list)
    for cand in numbered:
        by_number[cand.numbers[0]].append(cand)
    result: list[ItemStart] = []
    contents = contents_pairs(lines[:starts[0].index]) if starts else set()
    for pos, start in enumerate(starts):
        limit = starts[pos + 1].index if pos + 1 < len(starts) else len(lines)
        floor = starts[pos - 1].index + 1 if pos else 0
        subs = [c for n in start.numbers for c in by_number.get(n, []) if start.index < c.index < limit]
        if start.explicit and len(start.numbers) > 1 and subs:
            # "Punkt 1 + 2" with "1. ..." and "2. ..." headings: the first starts at the line itself
            for k, sub in enumerate(subs):
                index = start.index if k == 0 else sub.index
                result.append(ItemStart(index, sub.numbers, sub.title_lines, start.kind,
                                        sub.consumed | ({start.index} if k == 0 else set()), start.evidence))
            continue
        if not start.title_lines:
            following = [c for c in subs if c.index - start.index <= 4]
            if following:
                start.title_lines = following[0].title_lines
                start.consumed |= following[0].consumed
            else:
                indexes = title_after(lines, start.index, limit)
                if start.kind == "case":
                    before = title_before(lines, start.index, floor)
                    indexes = before or indexes
                start.title_lines = [lines[i] for i in indexes]
                start.consumed |= set(indexes)
        wrapped_title(lines, start, limit, body_size, contents)
        result.append(start)
    return result


def find_item_starts(lines: list[StyledLine]) -> list[ItemStart]:
    """The item starts of a document, in line order (empty where it has no items)."""
    body_size = body_font_size(lines)
    candidates = [c for i in range(len(lines)) if (c := candidate_at(lines, i, body_size)) is not None]
    chain = choose_family(lines, candidates, body_size)
    if not accepted(lines, chain, body_size):
        return []
    numbered = [c for c in candidates if c.kind == "numbered"]
    starts = titled(lines, chain, numbered if chain and chain[0].explicit else [], body_size)
    return sorted(starts, key=lambda s: s.index)
