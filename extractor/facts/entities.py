"""Segments (+ the people and committee already read) -> entity mentions (`Entity`).

Why per segment: a segment is a run of text that belongs to one item (or the front
matter), so every mention gets its item, page, bounding box and sentence from the line
it stands on. The spaCy pipeline (extractor/facts/nlp.py) finds names in each segment; this
stage then uses what only the whole document knows: a name introduced once
("Specialbørnehaven Birken", "Den Nationale Energikrisestab (NEKST)", the committee, the
attendance list) names the same entity wherever it recurs, and spelling variants of one
person ("René"/"Rene") are one entity when their organisation agrees.

`text` is the name as printed with a genitive ending dropped ("Aalborg Kommunes" ->
"Aalborg Kommune", "KL's" -> "KL"); `canonical` is the entity's one name.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.da.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from dagsorden.extractor.danish.names import fold_name
from dagsorden.extractor.facts.nlp import Alias, get_nlp, span_canonical, span_kind
from dagsorden.extractor.danish.headings import BULLET
from dagsorden.extractor.facts.textrun import HYPHEN_END, SUSPENDED_HYPHEN_NEXT, ended_early, right_edge, span_bbox
from dagsorden.models import Entity, Person, SegmentedDocument, StyledLine

__all__ = ["segments_to_entities", "SegmentText", "segment_text", "fold_name"]

BBox = tuple[float, float, float, float]
GENITIVE_APOSTROPHE = re.compile(r"['’]s$")
MAX_SENTENCE_CHARS = 300
MAX_CHUNK_CHARS = 100_000  # well under spaCy's default max_length of 1,000,000
# Offers named next to each other are found in this many passes ("A og B", then "B og C").
CONJUNCT_ROUNDS = 2
PIPE_BATCH = 8  # chunks of up to MAX_CHUNK_CHARS that spaCy holds as Docs at once
OFFER_KINDS = {"offer", "institution"}
CONJUNCT_WORD = r"[A-ZÆØÅ][a-zæøå]{3,}"
# Acronyms and committee names shorter than this are not searched for as bare words.
MIN_ALIAS_CHARS = 3


@dataclass
class SegmentText:
    """A segment's lines joined into one text, with where each line starts in it."""

    text: str
    lines: list[StyledLine]
    starts: list[int]
    item: int | None

    def line_at(self, offset: int) -> StyledLine:
        return self.lines[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def locate(self, start: int, end: int) -> tuple[int | None, BBox | None]:
        """Page and bounding box of text[start:end] (the part on its first page)."""
        if not self.lines:
            return None, None
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        last = max(0, bisect.bisect_right(self.starts, max(start, end - 1)) - 1)
        page = self.lines[first].page
        boxes = []
        for i in range(first, last + 1):
            line = self.lines[i]
            if line.page != page:
                break
            lo = max(0, start - self.starts[i])
            hi = min(len(line.text), end - self.starts[i])
            boxes.append(span_bbox(line, lo, hi))
        x0, top, x1, bottom = zip(*boxes)
        return page, (min(x0), min(top), max(x1), max(bottom))


def segment_text(lines: list[StyledLine], item: int | None) -> SegmentText:
    """Join lines as a reader does: wrapped lines with a space (names run on over them),
    deliberate breaks (a short line, a bullet, a new page) with a newline, and an
    end-of-line hyphen before a lower-case word undone."""
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
    return SegmentText("".join(parts), lines, starts, item)


def surface_text(span_text: str, canonical: str) -> str:
    """The name as printed, one line, with a genitive ending dropped."""
    text = " ".join(span_text.split())
    if GENITIVE_APOSTROPHE.search(text):
        return text[:-2]
    last, head = text.rsplit(" ", 1)[-1], canonical.rsplit(" ", 1)[-1]
    if last.endswith("s") and last[:-1].casefold() == head.casefold() and last.casefold() != head.casefold():
        return text[:-1]
    return text


@dataclass(frozen=True)
class Mention:
    """A name found in a chunk's text: what an `Entity` needs of a spaCy span."""

    start: int
    end: int
    text: str
    label: str
    kind: str
    canonical: str

    @classmethod
    def of(cls, span: Span) -> Mention:
        return cls(span.start_char, span.end_char, span.text, span.label_, span_kind(span),
                   span_canonical(span))


@dataclass
class ParsedChunk:
    """A chunk of text with what the pipeline marked in it: entity and sentence ranges.

    Why not keep the spaCy Doc: propagation needs every chunk of the document at once, and
    a Doc costs ~200 bytes a token (~66 KB a page), so a long document's Docs would make
    memory grow with page count. Docs are dropped as soon as they are read.
    """

    segment: SegmentText
    entity_ranges: list[tuple[int, int]]  # char ranges of the pipeline's entities
    sentence_starts: list[int]  # sentence char ranges, in order; empty without a sentencizer
    sentence_ends: list[int]

    @classmethod
    def of(cls, segment: SegmentText, spacy_doc: Doc, mentions: list[Mention]) -> ParsedChunk:
        try:
            sentences = [(sent.start_char, sent.end_char) for sent in spacy_doc.sents]
        except ValueError:  # a pipeline without sentence boundaries
            sentences = []
        return cls(segment, [(m.start, m.end) for m in mentions],
                   [lo for lo, _ in sentences], [hi for _, hi in sentences])

    def sentence(self, start: int, end: int) -> str | None:
        """The sentence(s) around text[start:end], at most MAX_SENTENCE_CHARS (a list without
        full stops is one long "sentence"; the part around the mention is what a reader needs)."""
        if not self.sentence_starts:
            return None
        first = max(0, bisect.bisect_right(self.sentence_starts, start) - 1)
        last = max(first, bisect.bisect_right(self.sentence_starts, max(start, end - 1)) - 1)
        lo, hi = self.sentence_starts[first], self.sentence_ends[last]
        text = self.segment.text[lo:hi]
        if len(text) > MAX_SENTENCE_CHARS:
            middle = (start + end) // 2 - lo
            cut = max(0, min(middle - MAX_SENTENCE_CHARS // 2, len(text) - MAX_SENTENCE_CHARS))
            text = "…" + text[cut:cut + MAX_SENTENCE_CHARS] + "…"
        return " ".join(text.split())


def is_cell(mention: Mention, segment: SegmentText) -> bool:
    """A bare place name alone on its line is a table cell or a row label ("Rebild | 7.265"),
    where it stands for the municipality's figures rather than naming a place in the text."""
    if mention.kind != "place":
        return False
    rest = segment.line_at(mention.start).text.replace(mention.text, "", 1)
    return not re.search(r"[^\W\d_]", rest)


def mention_to_entity(mention: Mention, chunk: ParsedChunk) -> Entity:
    kind, canonical = mention.kind, mention.canonical
    page, bbox = chunk.segment.locate(mention.start, mention.end)
    text = canonical if kind == "party" and len(mention.text) == 1 else surface_text(mention.text, canonical)
    return Entity(text=text, label=mention.label, item=chunk.segment.item, page=page, kind=kind,
                  canonical=surface_text(canonical, canonical) if kind != "party" else canonical,
                  bbox=bbox, sentence=chunk.sentence(mention.start, mention.end))


def segments_to_entities(
    doc: SegmentedDocument,
    people: Iterable[Person] = (),
    committee: str | None = None,
    nlp: Language | None = None,
) -> list[Entity]:
    """Every entity mention in the document's body text, in reading order."""
    nlp = nlp or get_nlp()
    segments = [segment_text(lines, s.item) for s in doc.segments for lines in page_chunks(s.lines)]
    chunks: list[ParsedChunk] = []
    entities: list[Entity] = []
    aliases: list[Alias] = []
    # A small batch: spaCy holds a whole batch of Docs at once.
    for segment, spacy_doc in zip(segments, nlp.pipe((s.text for s in segments), batch_size=PIPE_BATCH)):
        mentions = [Mention.of(span) for span in spacy_doc.ents]
        chunk = ParsedChunk.of(segment, spacy_doc, mentions)
        entities.extend(mention_to_entity(m, chunk) for m in mentions if not is_cell(m, segment))
        aliases.extend(spacy_doc._.entity_aliases or [])
        chunks.append(chunk)
    people = list(people)
    aliases.extend(document_aliases(people, committee))
    entities.extend(propagate(aliases, chunks))
    for _ in range(CONJUNCT_ROUNDS):
        entities.extend(propagate(conjunct_aliases(entities, chunks), chunks))
    entities.extend(unlocated(people, committee, entities))
    return link_people(entities, people)


def page_chunks(lines: list[StyledLine], max_chars: int = MAX_CHUNK_CHARS) -> list[list[StyledLine]]:
    """A long segment (a 300-page report has no items) cut at page breaks, so no text
    reaches spaCy's max_length and memory stays bounded per chunk."""
    chunks: list[list[StyledLine]] = []
    size = 0
    for line in lines:
        if not chunks or (size > max_chars and line.page != chunks[-1][-1].page):
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line.text) + 1
    return chunks


def document_aliases(people: list[Person], committee: str | None) -> list[Alias]:
    """Names the document declares outside running text: attendees and its committee."""
    aliases = [Alias(p.name, "PER", "person", p.name) for p in people]
    if committee:
        aliases.append(Alias(committee, "ORG", "committee", committee))
        first = committee.split()[0]
        if first.isupper() and len(first) >= MIN_ALIAS_CHARS:
            aliases.append(Alias(first, "ORG", "committee", first))  # "DAS" of "DAS Social"
        initials = "".join(w[0] for w in committee.split() if w[:1].isupper())
        if len(committee.split()) > 1 and len(initials) >= MIN_ALIAS_CHARS and initials == initials.upper():
            aliases.append(Alias(initials, "ORG", "committee", committee))  # "DAS"
    return aliases


def propagate(aliases: list[Alias], chunks: list[ParsedChunk]) -> list[Entity]:
    """Mentions of learned names where the pipeline found nothing (bare "Østerskoven")."""
    found: list[Entity] = []
    seen: set[str] = set()
    for alias in aliases:
        if alias.text in seen or len(alias.text) < MIN_ALIAS_CHARS:
            continue
        seen.add(alias.text)
        words = r"\s+".join(map(re.escape, alias.text.split()))
        pattern = re.compile(rf"(?<![\w'’-]){words}(?:s|['’]s)?(?![\w'’-])")
        for chunk in chunks:
            taken = list(chunk.entity_ranges)
            for m in pattern.finditer(chunk.segment.text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                mention = Mention(m.start(), m.end(), m.group(), alias.label, alias.kind, alias.canonical)
                found.append(mention_to_entity(mention, chunk))
    return found


def conjunct_aliases(entities: list[Entity], chunks: list[ParsedChunk]) -> list[Alias]:
    """"Voksenbøgen og Behandlingscentret Hammer Bakker": a single capitalised word joined by
    "og" or a comma to a named offer is an offer too (Danish capitalises only names)."""
    offers = {e.text for e in entities if e.label == "ORG" and e.kind in OFFER_KINDS}
    known = {e.text for e in entities}
    found: dict[str, Alias] = {}
    for name in offers:
        quoted = re.escape(name)
        pattern = re.compile(rf"(?:(?<![\w-])(?P<a>{CONJUNCT_WORD})(?:\s*,|\s+og)\s+{quoted}"
                             rf"|{quoted}(?:\s*,|\s+og)\s+(?P<b>{CONJUNCT_WORD})(?![\w-]|\s+[A-ZÆØÅ]))")
        for chunk in chunks:
            for m in pattern.finditer(chunk.segment.text):
                word = m.group("a") or m.group("b")
                if word in known or word.lower() in STOP_WORDS:
                    continue
                found.setdefault(word, Alias(word, "ORG", "offer", word))
    return list(found.values())


def unlocated(people: list[Person], committee: str | None, entities: list[Entity]) -> list[Entity]:
    """Attendees and the committee when their name is not in the body text (it stands in a
    running header, a header table or is broken over lines): the document still names them."""
    named = {fold_name(e.text) for e in entities}
    found = [Entity(text=p.name, label="PER", item=p.item, page=p.page, kind="person",
                    canonical=p.name, organization=p.organization, role=p.role)
             for p in people if fold_name(p.name) not in named]
    if committee and fold_name(committee) not in named:
        found.append(Entity(text=committee, label="ORG", kind="committee", canonical=committee))
    return found


def link_people(entities: list[Entity], people: list[Person]) -> list[Entity]:
    """Give each person mention its organisation, role and one canonical name.

    The attendance list says who is who; a name printed next to an organisation
    ("Line Hessellund, Socialtilsyn Nord") says it too, and wins. A name that differs
    from an attendee's only in accents ("Rene"/"René") is that attendee when the
    organisations agree (or none is printed); otherwise it is somebody else.
    """
    exact = {" ".join(p.name.split()): p for p in people}
    folded = {fold_name(p.name): p for p in people}
    seen: dict[tuple[str, str | None], str] = {}  # (folded name, organisation) -> canonical
    out: list[Entity] = []
    for i, e in enumerate(entities):
        if e.label != "PER":
            out.append(e)
            continue
        printed = e.organization or next_organization(entities, i)
        known = exact.get(e.text) or folded.get(fold_name(e.text))
        if known is not None and printed is not None and known.organization not in (None, printed):
            known = None
        org = printed or (known.organization if known else None)
        key = (fold_name(e.text), org)
        canonical = known.name if known else seen.get(key) or seen.get((key[0], None)) or e.text
        seen.setdefault(key, canonical)
        out.append(e.model_copy(update={"organization": org, "canonical": canonical,
                                        "role": known.role if known and known.role else e.role}))
    return out


def next_organization(entities: list[Entity], i: int) -> str | None:
    """The organisation printed right after a person: "Name, Org", "Name (Org)", "Name fra Org"."""
    person = entities[i]
    if i + 1 >= len(entities):
        return None
    nxt = entities[i + 1]
    if nxt.label != "ORG" or nxt.page != person.page or not person.sentence or nxt.sentence != person.sentence:
        return None
    between = re.search(re.escape(person.text) + r"(.{0,8}?)" + re.escape(nxt.text[:4]), person.sentence)
    if between and re.fullmatch(r"\s*(?:,|\(|fra|,\s*begge fra)?\s*", between.group(1)):
        return nxt.canonical
    return None
