"""The search behind /-/søg and /-/beslutninger: one result per item (or per page for text
outside items), ranked by bm25 with field weights, with a count and facet counts.

A search is a few statements over the index (extractor/archive/search_index.py): the page of
results (bm25 over the matching rows, one per result), the facet combinations of every match
(one grouping by `search_results.facets`, from which the count and each facet's counts are
summed), one count per field for the "found in" facet, and snippets for the page shown. Works on
a plain sqlite3 connection: the site runs it through Datasette's `execute_fn`, the benchmark
directly (`python bench/search.py`).
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dagsorden.extractor.archive.search_index import FACET_COLUMNS, FTS
from dagsorden.extractor.archive.search_query import QueryError, SearchQuery, parse_query
from dagsorden.extractor.store.schema import SEARCH_FIELDS

# bm25 weight of each field (the FTS columns, in order): a word in the title outranks the same
# word in the decision, which outranks recommendations, attachments, sections and page text.
FIELD_WEIGHTS: dict[str, float] = {"title": 10.0, "decision": 6.0, "recommendation": 4.0,
                                   "attachment": 3.0, "section": 2.0, "page_text": 1.0}
KIND_OF_FIELD = {"page_text": "page"}  # the name a reader sees of a field ("found in")
FIELD_OF_KIND = {kind: name for name, kind in KIND_OF_FIELD.items()}
BM25 = f"bm25({FTS}, {', '.join(str(FIELD_WEIGHTS[f]) for f in SEARCH_FIELDS)})"
NONE_VALUE = "_none"  # the filter value of "not stated" (a document without a meeting date)
# Relevance is ranked by _rank (title group first, then weighted bm25); the others by date.
ORDER_SQL = {"relevance": "score, f.rowid", "date": "r.date is null, r.date desc, f.rowid",
             "date_asc": "r.date is null, r.date, f.rowid"}
SORTS = tuple(ORDER_SQL)
PER_PAGE, MAX_PER_PAGE, MAX_PAGE = 20, 100, 500
SNIPPET_TOKENS = 24
MARK_START, MARK_END = "\ufdd0", "\ufdd1"  # snippet() marks (noncharacters: never in a text)


def kind_of(field_name: str) -> str:
    return KIND_OF_FIELD.get(field_name, field_name)


@dataclass(frozen=True)
class Scope:
    """What a page searches: its facets, the fields it reads, and what it lists with no words."""

    facets: tuple[str, ...]
    fields: tuple[str, ...] = SEARCH_FIELDS
    decided_only: bool = False  # only minutes items with a decision
    lists_without_words: bool = False  # no words: every result, newest first


SEARCH = Scope(facets=("year", "committee", "municipality", "kind", "outcome"))
DECISIONS = Scope(facets=("outcome", "departs", "year", "committee", "municipality"),
                  fields=("title", "decision", "recommendation"), decided_only=True, lists_without_words=True)


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE


@dataclass
class Hit:
    """One result: its row in search_results, and the fields the words were found in (best first)."""

    id: int
    score: float
    fields: list[str] = field(default_factory=list)
    snippet: str | None = None
    result: dict[str, Any] = field(default_factory=dict)  # the search_results row

    @property
    def item_id(self) -> str | None:
        return self.result.get("item_id")

    @property
    def kind(self) -> str | None:
        """Where the best match is ("title", "decision", ..., "page"), None without words."""
        return kind_of(self.fields[0]) if self.fields else None


@dataclass
class SearchResult:
    request: SearchRequest
    query: SearchQuery | None
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)
    message: str | None = None  # why nothing was searched: "no_words", "only_excluded", "no_results"
    details: dict[int, dict[str, Any]] = field(default_factory=dict)  # hit id -> hit_details()

    @property
    def pages(self) -> int:
        return -(-self.total // self.request.per_page)


def read_request(args: dict[str, str], scope: Scope) -> SearchRequest:
    """URL parameters -> a request; anything out of range falls back to the default."""
    def number(name: str, default: int, high: int) -> int:
        value = args.get(name, "")
        return min(max(int(value), 1), high) if value.isdigit() else default

    filters = {name: args[name] for name in scope.facets if args.get(name, "") != ""}
    sort = args.get("sort", "")
    return SearchRequest(text=args.get("q", "").strip(), filters=filters,
                         sort=sort if sort in SORTS else ("date" if scope.lists_without_words else "relevance"),
                         page=number("page", 1, MAX_PAGE), per_page=number("per_page", PER_PAGE, MAX_PER_PAGE))


@dataclass(frozen=True)
class Plan:
    """The parts every statement of one search shares."""

    source: str  # FROM ... WHERE ..., with `f` the full-text index (if words) and `r` search_results
    params: list[Any]
    fields: tuple[str, ...]


def _plan(query: SearchQuery | None, request: SearchRequest, scope: Scope, *, joined: bool = True,
          not_in_title: bool = False) -> Plan:
    """`joined`: whether statements read search_results columns even when no filter needs them;
    `not_in_title`: only the results whose title lacks some of the words."""
    clauses, params = [], []
    for name, value in request.filters.items():
        if name == "kind":
            continue
        if value == NONE_VALUE:
            clauses.append(f"r.{name} is null")
        elif name in ("year", "departs"):
            clauses.append(f"r.{name} = ?" if value.lstrip("-").isdigit() else "0")
            params += [int(value)] if value.lstrip("-").isdigit() else []
        else:
            clauses.append(f"r.{name} = ?")
            params.append(value)
    if scope.decided_only:
        clauses.append("r.outcome is not null")
    fields = scope.fields
    if "kind" in request.filters:
        wanted = FIELD_OF_KIND.get(request.filters["kind"], request.filters["kind"])
        fields = tuple(f for f in fields if f == wanted)
    if query is None:
        where = " and ".join(clauses) or "1"
        return Plan(f"from search_results r where {where}", params, fields)
    match = _within(fields, query.match())
    where = "".join(f" and {c}" for c in clauses)
    left_out = [e for e in (query.exclusion(), _within(("title",), query.match()) if not_in_title else None) if e]
    where += "".join(f" and f.rowid not in (select rowid from {FTS} where {FTS} match ?)" for _ in left_out)
    join = " join search_results r on r.id = f.rowid" if joined or clauses else ""
    return Plan(f"from {FTS} f{join} where {FTS} match ?{where}", [match, *params, *left_out], fields)


def _within(fields: tuple[str, ...], expression: str) -> str:
    """An FTS5 expression limited to some columns ("{title decision} : (...)")."""
    if tuple(fields) == SEARCH_FIELDS:
        return expression
    return "{" + " ".join(fields or ("title",)) + "} : (" + expression + ")"


def run_search(conn: sqlite3.Connection, request: SearchRequest, scope: Scope = SEARCH) -> SearchResult:
    """The results, count and facets of one request; never raises for what a user typed."""
    try:
        query = parse_query(request.text)
    except QueryError as error:
        return SearchResult(request, None, message=error.reason)
    result = SearchResult(request, query)
    if query is None and not scope.lists_without_words:
        result.message = "no_words" if request.text else None
        return result
    plan = _plan(query, request, scope)
    if not plan.fields:  # "found in" a field this page does not search
        result.message = "no_results"
        return result
    counted = scope.fields if "kind" in scope.facets else ("title",)  # the title count ranks
    in_fields = _count_fields(conn, query, request, scope, counted) if query is not None else Counter()
    if "kind" in scope.facets and query is not None:
        result.facets["kind"] = _ordered(+in_fields)
    result.hits = _rank(conn, query, request, scope, plan, in_fields["title"])
    _count(conn, plan, scope, result)
    _describe(conn, query, plan, result)
    if not result.hits and query is not None:
        result.message = "no_results"
    return result


def _count(conn: sqlite3.Connection, plan: Plan, scope: Scope, result: SearchResult) -> None:
    """The count and the facet counts, from one grouping of every match by the number of its
    facet combination (sorting numbers alone is what keeps this fast); the values of each
    combination come from search_facets."""
    combinations = dict(conn.execute(f"select r.facets, count(*) {plan.source} group by r.facets", plan.params))
    result.total = sum(combinations.values())
    counters: dict[str, Counter[Any]] = {name: Counter() for name in FACET_COLUMNS}
    for row in conn.execute(f"select facets, {', '.join(FACET_COLUMNS)} from search_facets"):  # a small table
        if row[0] in combinations:
            for name, value in zip(FACET_COLUMNS, row[1:]):
                counters[name][value] += combinations[row[0]]
    result.facets.update({name: _ordered(counters[name]) for name in scope.facets if name in counters})
    result.facets = {name: result.facets[name] for name in scope.facets if name in result.facets}


def _count_fields(conn: sqlite3.Connection, query: SearchQuery, request: SearchRequest, scope: Scope,
                  fields: tuple[str, ...]) -> Counter[str]:
    """How many results have the words in each of `fields` ("found in"), by kind."""
    counts: Counter[str] = Counter()
    for name in fields:
        narrowed = SearchRequest(text=request.text, filters={**request.filters, "kind": kind_of(name)})
        plan = _plan(query, narrowed, scope, joined=False)
        if plan.fields:
            counts[kind_of(name)] = conn.execute(f"select count(*) {plan.source}", plan.params).fetchone()[0]
    return counts


def _rank(conn: sqlite3.Connection, query: SearchQuery | None, request: SearchRequest, scope: Scope,
          plan: Plan, in_title: int) -> list[Hit]:
    """The page of results in order. By relevance, the results with every word in the title come
    first (bm25 saturates, so on its own a long item that names the words often in its pages can
    outrank the item about them), each group by weighted bm25; while the title group fills the
    page, bm25 is worked out for it alone, so a frequent word costs little."""
    offset, limit = (request.page - 1) * request.per_page, request.per_page
    if query is None or request.sort != "relevance":
        rowid = "f.rowid" if query is not None else "r.id"
        order = ORDER_SQL["date" if request.sort == "relevance" else request.sort].replace("f.rowid", rowid)
        return [Hit(id=row[0], score=0.0) for row in conn.execute(
            f"select {rowid} {plan.source} order by {order} limit ? offset ?", [*plan.params, limit, offset])]
    groups: list[tuple[Plan, int | None]] = [(_plan(query, request, scope, joined=False), None)]
    if "title" in plan.fields:
        titled = SearchRequest(text=request.text, filters={**request.filters, "kind": "title"})
        groups = [(_plan(query, titled, scope, joined=False), in_title),
                  (_plan(query, request, scope, joined=False, not_in_title=True), None)]
    hits: list[Hit] = []
    for group, size in groups:
        if size is not None and offset >= size:
            offset -= size
            continue
        hits += [Hit(id=row[0], score=row[1]) for row in conn.execute(
            f"select f.rowid, {BM25} as score {group.source} order by score, f.rowid limit ? offset ?",
            [*group.params, limit - len(hits), offset])]
        offset = 0
        if len(hits) >= limit:
            break
    return hits


def _ordered(counter: Counter[Any]) -> list[tuple[Any, int]]:
    return sorted(counter.items(), key=lambda pair: (-pair[1], str(pair[0])))


def _describe(conn: sqlite3.Connection, query: SearchQuery | None, plan: Plan, result: SearchResult) -> None:
    """Each hit's search_results row, the fields its words are in (weightiest first) and a
    snippet of the best one. The snippets are FTS5's snippet() of every field, cut from the
    printed text (the index holds one stem per printed token, so its marks land on the printed
    words); a field whose snippet has no mark does not hold the words."""
    if not result.hits:
        return
    ids = [hit.id for hit in result.hits]
    cursor = conn.execute(f"select * from search_results where id in ({','.join('?' * len(ids))})", ids)
    names = [c[0] for c in cursor.description]
    rows = {row[0]: dict(zip(names, row)) for row in cursor}
    snippets = ", ".join(f"snippet({FTS}, {n}, ?, ?, '…', ?)" for n in range(len(SEARCH_FIELDS)))
    for hit in result.hits:
        hit.result = rows.get(hit.id, {})
        if query is None:
            continue
        texts = conn.execute(f"select {snippets} from {FTS} where {FTS} match ? and rowid = ?",
                             [*[MARK_START, MARK_END, SNIPPET_TOKENS] * len(SEARCH_FIELDS), query.match(),
                              hit.id]).fetchone() or ()
        found = {name: text for name, text in zip(SEARCH_FIELDS, texts) if text and MARK_START in text}
        hit.fields = [name for name in SEARCH_FIELDS if name in found and name in plan.fields]
        hit.snippet = found[hit.fields[0]] if hit.fields else None
    result.details = hit_details(conn, result.hits)


ITEM_DETAILS = """
select i.id as item_id, i.number, i.title, i.meeting_id, i.page_start, i.document_sha256,
  d.kind as document_kind, d.filename, m.committee, m.date, m.municipality,
  dec.outcome, dec.outcome_stated, dec.departs, dec.text as decision, dec.page as decision_page
from items i join documents d on d.sha256 = i.document_sha256
  left join meetings m on m.id = i.meeting_id
  left join decisions dec on dec.item_id = i.id
where i.id in ({marks})"""
# The agenda's recommendations beside a decision. Queried on its own: joined to the items above,
# SQLite would work out the whole view (every decision) before picking these.
OUTCOME_DETAILS = "select item_id, recommendations, agenda_item_id from item_outcomes where item_id in ({marks})"
PAGE_DETAILS = """
select r.id, r.page as page_start, r.document_sha256, d.kind as document_kind, d.filename, d.meeting_id,
  m.committee, m.date, m.municipality
from search_results r join documents d on d.sha256 = r.document_sha256 left join meetings m on m.id = d.meeting_id
where r.id in ({marks})"""


def hit_details(conn: sqlite3.Connection, hits: list[Hit]) -> dict[int, dict[str, Any]]:
    """What a results page shows of each hit (item, meeting, document, decision), by hit id."""
    details: dict[int, dict[str, Any]] = {}
    by_item = {hit.item_id: hit.id for hit in hits if hit.item_id is not None}
    pages = [hit.id for hit in hits if hit.item_id is None]
    for sql, keys, key_of in ((ITEM_DETAILS, list(by_item), lambda d: by_item[d["item_id"]]),
                              (PAGE_DETAILS, pages, lambda d: d["id"])):
        if not keys:
            continue
        cursor = conn.execute(sql.format(marks=",".join("?" * len(keys))), keys)
        names = [c[0] for c in cursor.description]
        for row in cursor:
            found = dict(zip(names, row))
            details[key_of(found)] = found
    decided = [item for item, hit_id in by_item.items() if details.get(hit_id, {}).get("outcome")]
    if decided:
        for item_id, recommendations, agenda_item_id in conn.execute(
                OUTCOME_DETAILS.format(marks=",".join("?" * len(decided))), decided):
            details[by_item[item_id]].update(recommendations=recommendations, agenda_item_id=agenda_item_id)
    return details
