"""Danish stemming for search: "takst", "takster" and "taksten" all index as "takst".

The search index stores each text twice: as printed (shown, and cut into snippets by FTS5) and
stemmed (what FTS5 indexes). FTS5 finds a snippet's words by their position, counting the
tokens of the printed text with its own tokenizer (unicode61), so the stemmed text must hold
exactly one stem for each of those tokens, in order. `tokens` therefore splits text where
unicode61 does: it asks SQLite once per character outside ASCII whether that character is part
of a word, instead of guessing from Python's Unicode tables (which differ from SQLite's).
Numbers keep their parts as separate tokens ("1.320.124" is 1, 320, 124); a search for the
number matches those parts as a phrase, so it is found as typed and "1.320.125" is not.
"""
from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# The tokenizer of every FTS5 index the search uses (SQLite's default).
FTS_TOKENIZER = "unicode61"
ASCII_WORD_CHARS = "A-Za-z0-9"


class _WordChars:
    """Which characters unicode61 counts as part of a word, learnt from SQLite as they are met."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}
        self._pattern = re.compile(f"[{ASCII_WORD_CHARS}]+")

    def pattern_for(self, text: str) -> re.Pattern[str]:
        unknown = {c for c in set(text) if c >= "\x80"} - self._known.keys()
        if unknown:
            with self._lock:
                self._learn(unknown - self._known.keys())
        return self._pattern

    def _learn(self, characters: set[str]) -> None:
        if not characters:
            return
        conn = sqlite3.connect(":memory:")
        try:
            conn.execute(f"create virtual table probe using fts5(x, tokenize='{FTS_TOKENIZER}')")
            conn.execute("create virtual table probe_tokens using fts5vocab(probe, instance)")
            ordered = sorted(characters)
            # "a<c>a" is one token when <c> is a word character, two when it separates words.
            conn.executemany("insert into probe(rowid, x) values (?, ?)",
                             [(n, f"a{c}a") for n, c in enumerate(ordered, 1)])
            counts = dict(conn.execute("select doc, count(*) from probe_tokens group by doc"))
        finally:
            conn.close()
        for n, character in enumerate(ordered, 1):
            self._known[character] = counts.get(n) == 1
        extra = "".join(re.escape(c) for c, word in sorted(self._known.items()) if word)
        self._pattern = re.compile(f"[{ASCII_WORD_CHARS}{extra}]+")


_WORD_CHARS = _WordChars()


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("danish")


def tokens(text: str) -> list[str]:
    """The words of a text as FTS5's unicode61 tokenizer cuts them, as printed."""
    return _WORD_CHARS.pattern_for(text).findall(text)


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """One token's stem (numbers as they are); never empty, never more than one token."""
    lowered = token.lower()
    if any(c.isdigit() for c in lowered):
        stemmed = lowered
    else:
        stemmed = _stemmer().stemWord(lowered)
    pieces = tokens(stemmed)
    if len(pieces) != 1 or all(unicodedata.combining(c) for c in pieces[0]):
        return token  # a stem FTS5 would split, or drop as accents only: the token as printed
    return pieces[0]


def stem_text(text: str | None) -> str:
    """The text as the index sees it: one stem per printed token, in order."""
    if not text:
        return ""
    return " ".join(stem(token) for token in tokens(text))
