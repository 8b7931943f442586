"""Where Danish sentences end: one rule for every stage that cuts a sentence out of text
(the sentence around an amount or a name, the sentences of a decision).

A sentence ends at ".", "!" or "?" before white space and a capital letter, a digit-free
opening parenthesis or a quote; at a bullet that opens a list entry; and at a line break
where the text keeps them (decisions). A full stop that ends an abbreviation ("ca.",
"bl.a.", "pkt."; abbreviations.py) ends no sentence, and neither does one before a digit
("d. 18. januar", "pkt. 2").
"""
from __future__ import annotations

import re

from dagsorden.extractor.danish.abbreviations import ABBREVIATIONS

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"”“(])|\s(?=[•\u2022\uf0b7▪◦]\s)")
LINE_BREAK = re.compile(r"\n+")


def _is_abbreviation(text: str, end: int) -> bool:
    """True if the full stop before text[end] closes an abbreviation."""
    word = text[:end].rsplit(None, 1)[-1].lower() if text[:end].strip() else ""
    return word.endswith(".") and word in ABBREVIATIONS


def sentence_breaks(text: str, *, lines: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the white space between sentences, in order; with `lines`, every
    line break is one too."""
    breaks = [(m.start(), m.end()) for m in SENTENCE_BREAK.finditer(text)
              if not _is_abbreviation(text, m.start())]
    if lines:
        breaks = sorted(set(breaks) | {(m.start(), m.end()) for m in LINE_BREAK.finditer(text)})
    return breaks


def sentence_spans(text: str, *, lines: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every non-empty sentence of `text`."""
    spans: list[tuple[int, int]] = []
    left = 0
    for start, end in [*sentence_breaks(text, lines=lines), (len(text), len(text))]:
        if start < left:
            continue
        if text[left:start].strip():
            spans.append((left, start))
        left = end
    return spans


def split_sentences(text: str, *, lines: bool = False) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text, lines=lines)]


def first_sentence(text: str) -> str:
    """The text's first sentence (the whole text when it has none)."""
    spans = sentence_spans(text)
    return text[spans[0][0]:spans[0][1]].strip() if spans else text


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence(s) holding text[start:end]."""
    left, right = 0, len(text)
    for brk_start, brk_end in sentence_breaks(text):
        if brk_end <= start:
            left = brk_end
        elif brk_start >= end - 1:
            right = brk_start
            break
    return left, right
