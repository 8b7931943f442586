"""What a searcher types -> an FTS5 query over the stemmed search index.

The syntax is the one people know from web search: words (all must match, in any Danish
inflection), "a phrase" in quotes, OR between alternatives, -word or NOT word to leave out
results that mention it. Nothing typed can produce an FTS5 syntax error: every word becomes a
quoted phrase of stems, and stray quotes, dashes, brackets and operators are dropped (an
unbalanced quote runs to the end of the query).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dagsorden.extractor.danish.stemming import stem, tokens

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
# A quoted phrase (its closing quote optional), or a run of anything but spaces and quotes.
LEXEME = re.compile(r'(?P<minus>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


class QueryError(ValueError):
    """A query that cannot be run as typed; `reason` names which, for the page to explain."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Term:
    """Stems that must stand together (one word, a number's parts, or a quoted phrase)."""

    stems: tuple[str, ...]

    def fts(self) -> str:
        return '"' + " ".join(self.stems) + '"'


@dataclass(frozen=True)
class SearchQuery:
    """All `groups` must match (a group matches when one of its terms does); no result may
    mention an `excluded` term."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def match(self) -> str:
        """The FTS5 expression that finds rows holding the wanted words."""
        return " AND ".join("(" + " OR ".join(t.fts() for t in group) + ")" for group in self.groups)

    def exclusion(self) -> str | None:
        """The FTS5 expression for rows that mention a left-out word, if any."""
        return " OR ".join(t.fts() for t in self.excluded) or None


def _term(text: str) -> Term | None:
    stems = tuple(stem(token) for token in tokens(text))
    return Term(stems) if stems else None


def parse_query(text: str | None) -> SearchQuery | None:
    """None for an empty query; QueryError("only_excluded") when every word is left out."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = exclude_next = False
    for lexeme in LEXEME.finditer((text or "")[:MAX_QUERY_CHARS]):
        word, phrase = lexeme.group("word"), lexeme.group("phrase")
        if word in ("OR", "AND", "NOT") and not lexeme.group("minus"):
            join_next, exclude_next = word == "OR" and bool(groups), word == "NOT"
            continue
        term = _term(phrase if phrase is not None else word)
        if term is None or len(groups) + len(excluded) >= MAX_TERMS:
            continue
        if lexeme.group("minus") or exclude_next:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = exclude_next = False
    if not groups:
        if excluded:
            raise QueryError("only_excluded")
        return None
    return SearchQuery(tuple(tuple(group) for group in groups), tuple(excluded))


def fts_query(text: str | None) -> str:
    """The FTS5 expression for a query (rows, not items, are left out for -words); an
    expression matching nothing when there is nothing to search for. For SQL: `da_query`."""
    try:
        query = parse_query(text)
    except QueryError:
        query = None
    if query is None:
        return '""'
    excluded = query.exclusion()
    return f"({query.match()}) NOT ({excluded})" if excluded else query.match()
