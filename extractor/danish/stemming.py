"""Danish stemming for search: "takst", "takster" and "taksten" all index as "takst".

Snowball's Danish stemmer (snowballstemmer, pure Python) feeds the FTS index; numbers and
case numbers are kept whole, so "1.320.124" and "2023-052085" are found as typed.
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

# A token: a number or case number with its inner dots/dashes/commas, or a word.
TOKEN = re.compile(r"\d+(?:[.,\-/]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
NUMBERISH = re.compile(r"^\d+(?:[.,\-/]\d+)*$")
FTS_SPECIAL = re.compile(r'["*^():]')


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("danish")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def number_token(token: str) -> str:
    """"1.320.124" -> "1x320x124": one FTS token (unicode61 splits at "." and "_"),
    so the number is found as typed and never matches its parts alone."""
    return re.sub(r"[.,\-/]", "x", token)


def stem_text(text: str | None) -> str:
    """The text as the index sees it: stemmed words and whole numbers."""
    if not text:
        return ""
    stemmer = _stemmer()
    return " ".join(number_token(t) if NUMBERISH.match(t) else stemmer.stemWord(t) for t in tokens(text))


def fts_query(query: str | None) -> str:
    """A user's search words -> an FTS5 query over the stemmed index (all words must match)."""
    stemmed = stem_text(FTS_SPECIAL.sub(" ", query or "")).split()
    return " ".join(f'"{term}"' for term in stemmed) or '""'
