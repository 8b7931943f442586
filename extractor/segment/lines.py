"""Lines -> running text and list entries, using the geometry of the lines (facts/textrun.py
maps offsets in such text back to lines and boxes).

Why geometry: bullets are often lost glyphs (private-use characters) and wrapped
lines must be joined, so a line that ends well before the right edge ends an entry,
and a line ending in a hyphen before a lower-case word joins that word.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

from dagsorden.extractor.danish.abbreviations import ABBREVIATIONS
from dagsorden.extractor.danish.headings import BULLET
from dagsorden.models import StyledLine

# A line whose right edge is this far (points) from the block's right edge ended on purpose.
SHORT_LINE_SLACK = 40.0
# Words after a suspended hyphen that keep the hyphen: "børne- og ungepsykiatrien".
SUSPENDED_HYPHEN_NEXT = {"og", "eller", "samt", "til", "som", "&"}
CLAUSE_END = re.compile(r"[.:;!?]\s*$")  # a line that ends a clause or sentence
PARAGRAPH_GAP = 0.4  # extra space (in font sizes) above a line that opens a new paragraph
HANGING_INDENT = 6.0  # points: a wrapped line set this far in under its entry's label
URL = re.compile(r"^(?:https?://|www\.)\S", re.IGNORECASE)
# A line opening like a labelled list entry starts a new entry even without a bullet.
ENTRY_LABEL = re.compile(r"^(?:bilag\s+(?:nr\.?\s*)?\d+|at\s+\d+\))", re.IGNORECASE)
# "1. at ...", "2) ...", "a) At ...": a numbered entry, when the numbers count up (so that a
# wrapped "30. juni 2025," is not taken for entry 30).
NUMBER_LABEL = re.compile(r"^\(?(?P<label>\d{1,2}|[a-hA-H])[.)]\s")
# "... for Økonomiudvalgets område med" / "Bemærkninger fra ...": a line ending in a
# preposition or conjunction goes on, whatever case the next line opens in.
DANGLING_END = re.compile(r"(?:^|\s)(?:og|eller|samt|med|fra|for|til|i|på|af|om|ved|under|over|mellem|efter|"
                          r"hos|mod|uden|inden|the|and|of|-|–)\s*$", re.IGNORECASE)


def label_rank(text: str) -> int | None:
    """1 for "1." or "a)", 2 for "2." or "b)": the rank of a numbered entry's label."""
    match = NUMBER_LABEL.match(text)
    if not match:
        return None
    label = match.group("label")
    return int(label) if label.isdigit() else ord(label.lower()) - ord("a") + 1
HYPHEN_END = re.compile(r"(?<=[a-zæøåA-ZÆØÅ])-$")


def join_two(left: str, right: str) -> str:
    """Join a wrapped line to the next, undoing end-of-line hyphenation."""
    if HYPHEN_END.search(left):
        first = right.split(" ", 1)[0]
        if first and first[0].islower() and first.lower() not in SUSPENDED_HYPHEN_NEXT:
            return left[:-1] + right
        return left + " " + right
    if not left:
        return right
    return left + " " + right


def join_lines(texts: list[str]) -> str:
    joined = ""
    for text in texts:
        joined = join_two(joined, text.strip()) if joined else text.strip()
    return joined


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def right_of(left: StyledLine, line: StyledLine) -> bool:
    """`line` printed to the right of `left` on its row: the next cell of a table row."""
    return line.page == left.page and abs(line.top - left.top) < 2 and line.x0 > left.x1


ROW_TOLERANCE = 2.5  # points: lines whose tops differ this little stand on one row


def same_row(a: StyledLine, b: StyledLine) -> bool:
    """Two lines printed side by side on one baseline (cells of a row, a number and its title)."""
    return a.page == b.page and abs(a.top - b.top) <= ROW_TOLERANCE


def right_edge(lines: list[StyledLine]) -> float:
    return max((line.x1 for line in lines), default=0.0)


def ended_early(previous: StyledLine, next_text: str, edge: float) -> bool:
    """True when the next line's first word would have fitted on the previous line.

    That is how a reader sees a deliberate line break in ragged or justified text.
    """
    chars = max(len(previous.text), 1)
    char_width = (previous.x1 - previous.x0) / chars
    first_word = next_text.split(" ", 1)[0]
    room = edge - previous.x1
    return room > (len(first_word) + 1) * char_width + SHORT_LINE_SLACK / 4


def typical_gap(lines: list[StyledLine]) -> float:
    """The most common white space between wrapped lines of one paragraph.

    Measured where a line that runs to the right edge goes on in lower case or a number (surely
    one paragraph): in a short item of one-line paragraphs the common gap is the paragraph gap,
    and a list whose entries wrap would read as one entry."""
    pairs = [(a, b) for a, b in zip(lines, lines[1:])
             if a.page == b.page and 0 <= b.top - a.bottom < 3 * max(a.size, 6)]
    edge = right_edge(lines)
    wrapped = sorted(round(b.top - a.bottom, 1) for a, b in pairs
                     if a.x1 >= edge - SHORT_LINE_SLACK and abs(a.size - b.size) < 0.5
                     and (b.text.strip()[:1].islower() or b.text.strip()[:1].isdigit()))
    if wrapped:
        return wrapped[len(wrapped) // 2]
    # else the closest two lines of one style at one left edge: a wrap if the text has one
    # (a heading's space below it is no line gap)
    body = [round(b.top - a.bottom, 1) for a, b in pairs
            if a.bold == b.bold and abs(a.size - b.size) < 0.5 and abs(a.x0 - b.x0) < 2]
    if body:
        return min(body)
    gaps = sorted(round(b.top - a.bottom, 1) for a, b in pairs)
    return gaps[len(gaps) // 3] if gaps else 3.0


def is_labelled(text: str) -> bool:
    """An entry opened by a number, a bullet or a label ("1.", "•", "Bilag 1 -")."""
    text = text.strip()
    return label_rank(text) is not None or BULLET.match(text) is not None or ENTRY_LABEL.match(text) is not None


def lines_to_entries(lines: list[StyledLine], edge: float | None = None, gap: float | None = None,
                     opens: Callable[[str, str], bool] | None = None,
                     opened: Collection[int] = (),
                     wraps: Callable[[str, str], bool] | None = None) -> list[tuple[str, StyledLine]]:
    """Split lines into list entries (bullets, numbered points or plain lines).

    A new entry starts at a bullet, or after a line that ended short of the right
    edge or with a sentence end, or where `opens(previous text, text)` says so (a kind of
    list's own rule), or at a line whose id is in `opened` (a table's row). A line that ended
    early goes on where `wraps(previous text, text)` says so (a table cell narrower than the
    page). Returns (text, first line) pairs so the page is kept.
    """
    edge = right_edge(lines) if edge is None else edge
    gap = typical_gap(lines) if gap is None else gap
    entries: list[tuple[list[str], StyledLine]] = []
    previous: StyledLine | None = None
    last_rank = 0
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        rank = label_rank(text)
        numbered = rank is not None and rank in (1, last_rank + 1)
        if numbered:
            last_rank = rank or 0
        # "Notat af 7. september 2015 (dok.nr." / "32210/15)": a bracket left open goes on; so
        # does a line ending in "med" or "og fra", and one set in under a labelled entry's
        # title ("Bilag 1 - Budget ..." / "          Bemærkninger ...": a hanging indent)
        open_bracket = previous is not None and previous.text.count("(") > previous.text.count(")")
        same_page = previous is not None and line.page == previous.page
        hanging = same_page and bool(entries) and line.x0 > entries[-1][1].x0 + HANGING_INDENT \
            and is_labelled(entries[-1][1].text)
        goes_on = hanging or (same_page and (DANGLING_END.search(previous.text) is not None
                                             or (wraps is not None and wraps(previous.text.strip(), text))))
        # "... 2,1 mio. kr., jf." / "Vurderingsrapport ...": an abbreviation ends no clause
        abbreviated = previous is not None and previous.text.split()[-1].lower() in ABBREVIATIONS
        starts_new = (
            previous is None
            or numbered
            or BULLET.match(text) is not None
            or ENTRY_LABEL.match(text) is not None
            or (ended_early(previous, text, edge) and not open_bracket and not goes_on)
            or URL.match(text) is not None
            or (line.page == previous.page and line.top - previous.bottom > gap + PARAGRAPH_GAP * line.size)
            or (CLAUSE_END.search(previous.text) is not None and not text[0].islower() and not open_bracket
                and not hanging and not abbreviated)
            or line.page != previous.page and line.x0 < previous.x0 - 5
            or (opens is not None and opens(previous.text.strip(), text))
            or id(line) in opened
        )
        if starts_new or not entries:
            entries.append(([strip_bullet(text)], line))
        else:
            entries[-1][0].append(text)
        previous = line
    return [(join_lines(parts), first) for parts, first in entries if join_lines(parts)]


def lines_to_paragraphs(lines: list[StyledLine]) -> str:
    """Running text with paragraphs separated by blank lines (wide vertical gaps)."""
    paragraphs: list[list[str]] = []
    previous: StyledLine | None = None
    for line in lines:
        gap = (line.top - previous.bottom) if previous and previous.page == line.page else 0.0
        if previous is None or gap > max(line.size, 6.0) * 0.9 or BULLET.match(line.text):
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
        previous = line
    return "\n\n".join(join_lines(p) for p in paragraphs)


def paragraph_after(lines: list[StyledLine], i: int) -> list[StyledLine]:
    """The lines that continue line i's paragraph (set close under it on its page)."""
    following: list[StyledLine] = []
    for line in lines[i + 1:]:
        previous = following[-1] if following else lines[i]
        if line.page != previous.page or line.top - previous.bottom > 0.6 * max(line.size, 6.0):
            break
        following.append(line)
    return following
