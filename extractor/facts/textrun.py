"""Lines -> one text whose every offset maps back to its line, page, box and sentence.

Why one module: every fact stage (amounts, tariffs, entities, tables) finds its facts by
searching joined text ("1,5 mio." / "kr." wraps over two lines, so does a name), and must
then say where on the page the fact stands. A `TextRun` is that joined text with the start
offset of each line, built one of two ways:
- `TextRun.of(lines)`: lines joined by single spaces (a paragraph, a table cell);
- `TextRun.as_read(lines)`: joined as a reader reads them: wrapped lines with a space,
  deliberate breaks (a short line, a bullet, a new page) with a newline, and an end-of-line
  hyphen before a lower-case word undone.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from dagsorden.extractor.danish.headings import BULLET
from dagsorden.extractor.danish.sentences import sentence_around
from dagsorden.extractor.segment.lines import HYPHEN_END, SUSPENDED_HYPHEN_NEXT, ended_early, right_edge
from dagsorden.models import BBox, StyledLine
from dagsorden.models.geometry import union

MAX_SENTENCE_CHARS = 300


@dataclass(frozen=True)
class TextRun:
    text: str
    lines: list[StyledLine]
    starts: list[int]  # offset of each line's first character in `text`

    @classmethod
    def of(cls, lines: list[StyledLine]) -> TextRun:
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line.text) + 1
        return cls(" ".join(line.text for line in lines), lines, starts)

    @classmethod
    def as_read(cls, lines: list[StyledLine]) -> TextRun:
        parts: list[str] = []
        starts: list[int] = []
        offset = 0
        edge = right_edge(lines)
        for i, line in enumerate(lines):
            text = line.text
            starts.append(offset)
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            next_word = nxt.text.split(" ", 1)[0] if nxt is not None else ""
            if HYPHEN_END.search(text) and next_word[:1].islower() and next_word not in SUSPENDED_HYPHEN_NEXT:
                parts.append(text[:-1])
                offset += len(text) - 1
                continue
            wrapped = (nxt is not None and nxt.page == line.page and not BULLET.match(nxt.text)
                       and nxt.top > line.bottom - 1
                       and (nxt.x0 <= line.x0 + 1 or BULLET.match(line.text) is not None)
                       and not ended_early(line, nxt.text, edge))
            parts.append(text + (" " if wrapped else "\n"))
            offset += len(text) + 1
        return cls("".join(parts), lines, starts)

    def line_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def line_at(self, offset: int) -> StyledLine:
        return self.lines[self.line_index(offset)]

    def span_boxes(self, start: int, end: int) -> list[tuple[StyledLine, BBox]]:
        """The part of text[start:end] on each line it covers, with that part's box."""
        parts: list[tuple[StyledLine, BBox]] = []
        first, last = self.line_index(start), self.line_index(max(start, end - 1))
        for i in range(first, last + 1):
            line, base = self.lines[i], self.starts[i]
            lo, hi = max(0, start - base), min(len(line.text), end - base)
            if hi > lo:
                parts.append((line, tight_bbox(line, lo, hi)))
        return parts or [(self.lines[first], self.lines[first].bbox)]

    def locate(self, start: int, end: int) -> tuple[int | None, BBox | None]:
        """Page and box of text[start:end]: the part on its first page."""
        if not self.lines:
            return None, None
        parts = self.span_boxes(start, end)
        page = parts[0][0].page
        return page, union(box for line, box in parts if line.page == page)

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        return sentence_around(self.text, start, end)

    def sentence(self, start: int, end: int, max_chars: int = MAX_SENTENCE_CHARS) -> str:
        """The sentence around text[start:end] on one line, cut to `max_chars` around the span
        (a list without full stops is one long "sentence"; the part near the span is what a
        reader needs)."""
        lo, hi = self.sentence_bounds(start, end)
        text = self.text[lo:hi]
        if len(text) > max_chars:
            middle = (start + end) // 2 - lo
            cut = max(0, min(middle - max_chars // 2, len(text) - max_chars))
            text = "…" + text[cut:cut + max_chars] + "…"
        return " ".join(text.split())


def tight_bbox(line: StyledLine, start: int, end: int) -> BBox:
    """The box of characters start:end of a line's text, from the boxes of the words they
    touch, cut inside a word where the span starts or ends within it ("(3.080 kr.)," -> the
    box of "3.080 kr."), assuming even glyph widths inside a word."""
    words = line.words
    if not words:
        return line.bbox
    x0s, x1s, offset = [], [], 0
    for word in words:
        word_end = offset + len(word.text)
        if word_end > start and offset < end:
            width = (word.x1 - word.x0) / max(len(word.text), 1)
            x0s.append(word.x0 + width * max(0, start - offset))
            x1s.append(word.x1 - width * max(0, word_end - end))
        offset = word_end + 1
    if not x0s:
        return line.bbox
    return (round(min(x0s), 2), line.top, round(max(x1s), 2), line.bottom)
