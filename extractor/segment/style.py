"""What a line's style says: the document's body size, heading style, font families.

Why a module of its own: every segmentation step (item headings, sections, appendices)
compares a line's style with the document's own body text rather than with fixed sizes,
so a 9 pt agenda and a 12 pt one are read alike.
"""
from __future__ import annotations

import re
from collections import Counter

from dagsorden.extractor.segment.lines import ended_early
from dagsorden.models import StyledLine

HEADING_SIZE_DELTA = 0.8  # points above the body size that make a line a heading


def font_family(font: str) -> str:
    name = font.split("+")[-1].lower()
    name = re.split(r"[-,]", name)[0]
    return re.sub(r"(mt|ps|psmt|bold|italic|oblique|regular|roman)+$", "", name) or name


def body_font_size(lines: list[StyledLine]) -> float:
    """The size most of the text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def is_heading_styled(line: StyledLine, body_size: float) -> bool:
    return line.bold or line.size >= body_size + HEADING_SIZE_DELTA


def page_family(lines: list[StyledLine]) -> str | None:
    """The font family most of these lines' text is set in."""
    families: Counter[str] = Counter()
    for line in lines:
        families[font_family(line.font)] += len(line.text)
    return families.most_common(1)[0][0] if families else None


def same_style(a: StyledLine, b: StyledLine) -> bool:
    return a.bold == b.bold and abs(a.size - b.size) < 0.3


def runs_on(last: StyledLine, line: StyledLine, head: StyledLine, body_size: float, edge: float) -> bool:
    """`line` wraps on from `last`, by style and width: it is set like the first line `head`,
    and either that line is set apart as a heading or the line above ran to the right edge
    (how a reader tells a wrap from a line break)."""
    return same_style(line, head) and (is_heading_styled(head, body_size)
                                       or not ended_early(last, line.text.strip(), edge))
