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
from functools import lru_cache

from spacy.lang.da.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from dagsorden.extractor.danish.lexicon import lexicon
from dagsorden.extractor.danish.names import DOCUMENT_OR_WORKS_NOUN, fold_name
from dagsorden.extractor.facts.nlp import PLACE_ADJECTIVES, Alias, get_nlp, load_gazetteers, span_canonical, span_kind
from dagsorden.models import Entity, Person, SegmentedDocument, StyledLine

from dagsorden.extractor.facts.textrun import TextRun

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
# Kinds of name found by a naming rule (a kind word, a legal form, a street ending) that a
# common noun in front may have been read into; gazetteer names are taken as listed.
RULE_NAMED_KINDS = {"street", "company", "venue", "offer", "institution", "association", "place"}
INFLECTION_CHARS = 4  # "anlægsregnskab" -> "anlægsregnskabet", "cykelsti" -> "cykelstierne"
FILE_EXTENSION = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|msg)$", re.IGNORECASE)
OPENS_LINE = re.compile(r"(?:^|\n)[\W\d_]*$|[.!?:]\s+$")


@dataclass(frozen=True)
class SegmentText:
    """The text of a segment (or a page chunk of one) as read, and the item it belongs to."""

    run: TextRun
    item: int | None

    @property
    def text(self) -> str:
        return self.run.text


def segment_text(lines: list[StyledLine], item: int | None) -> SegmentText:
    return SegmentText(TextRun.as_read(lines), item)


def surface_text(span_text: str, canonical: str) -> str:
    """The name as printed, one line, with a genitive ending dropped."""
    text = " ".join(span_text.split())
    if text.endswith(".") and not canonical.endswith("."):
        text = text[:-1]  # "Horsens Havn A/S.": the tokenizer keeps a sentence's full stop on "A/S"
    if GENITIVE_APOSTROPHE.search(text):
        return text[:-2]
    if text.endswith(("'", "\u2019")) and not canonical.endswith(("'", "\u2019")):
        return text[:-1]  # "Gladsaxe Rådhus' foyer": the genitive of a name ending in s
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

    @classmethod
    def extra(cls, doc: Doc, extra: tuple[int, int, str, str]) -> Mention:
        """The second label of a span ("Nexø Hallen" is an institution and a place)."""
        start, end, label, ident = extra
        kind, _, canonical = ident.partition(":")
        return cls(start, end, doc.text[start:end], label, kind, canonical)

    def trimmed(self, cut_start: int, cut_end: int) -> Mention:
        text = self.text[cut_start:len(self.text) - cut_end]
        canonical = " ".join(text.split()) if self.canonical == " ".join(self.text.split()) else self.canonical
        return Mention(self.start + cut_start, self.end - cut_end, text, self.label, self.kind, canonical)


class LowerCaseWords:
    """The words a document prints in lower case: a capitalised word that opens a line or a
    sentence is capitalised by position alone, and the document's own lower-case use of it
    says it is a common noun ("Cykelsti Snoghøj Landevej" in a table row, "Præsentation
    Nordbus Trafik A/S" as an attachment title), not the first word of a name, unless the
    document also prints the whole name inside a sentence ("..., KL og Danske Regioner")."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.text = "\n".join(texts)
        self.words = sorted(set(re.findall(r"(?<![\w-])[a-zæøå]{3,}", self.text)))

    def named_inside_a_sentence(self, name: str) -> bool:
        words = r"\s+".join(map(re.escape, name.split()))
        return re.search(rf"[a-zæøå0-9,][ \t]+{words}(?![\w-])", self.text) is not None

    def has(self, word: str) -> bool:
        stem = word.lower()
        i = bisect.bisect_left(self.words, stem)
        return i < len(self.words) and self.words[i].startswith(stem) and (
            len(self.words[i]) - len(stem) <= INFLECTION_CHARS)


def trim_mention(mention: Mention, text: str, lower_case: LowerCaseWords) -> Mention:
    """A rule-found name without a file extension ("Stensballe Vandværk.pdf") and without a
    common noun that opens its line or sentence in front of it (one the document prints in
    lower case, or a plan's, report's or work's noun)."""
    if mention.label not in ("ORG", "LOC") or mention.kind not in RULE_NAMED_KINDS:
        return mention
    if extension := FILE_EXTENSION.search(mention.text):
        mention = mention.trimmed(0, len(extension.group()))
    if not OPENS_LINE.search(text[:mention.start]) or lower_case.named_inside_a_sentence(mention.text):
        return mention
    while True:  # "Lukket Skitseprojekt Eskilstrup Multihus": each opening common noun
        first, *rest = mention.text.split(maxsplit=1)
        if not (rest and first[:1].isupper() and not first.isupper() and first.isalpha()
                and (lower_case.has(first) or DOCUMENT_OR_WORKS_NOUN.search(first))):
            return mention
        rest = re.match(r"(?:\d+\s+)*(.+)", rest[0], re.S).group(1)  # "Regnskab 2018 Outrup Varmeværk"
        if not rest[:1].isupper():
            return mention
        mention = mention.trimmed(len(mention.text) - len(rest), 0)


@dataclass
class ParsedChunk:
    """A chunk of text with the entity ranges the pipeline marked in it.

    Why not keep the spaCy Doc: propagation needs every chunk of the document at once, and
    a Doc costs ~200 bytes a token (~66 KB a page), so a long document's Docs would make
    memory grow with page count. Docs are dropped as soon as they are read.
    """

    segment: SegmentText
    entity_ranges: list[tuple[int, int]]  # char ranges of the pipeline's entities

    def sentence(self, start: int, end: int) -> str:
        return self.segment.run.sentence(start, end)


def is_common_noun_place(mention: Mention, lower_case: LowerCaseWords) -> bool:
    """"til Lokalplan 12", "fra Social": a word after a preposition of place that the document
    also prints in lower case is a common noun written with a capital, not a place."""
    return mention.kind == "locative" and " " not in mention.text and lower_case.has(mention.text)


def is_cell(mention: Mention, segment: SegmentText) -> bool:
    """A bare place name alone on its line is a table cell or a row label ("Rebild | 7.265"),
    where it stands for the municipality's figures rather than naming a place in the text."""
    if mention.kind != "place":
        return False
    rest = segment.run.line_at(mention.start).text.replace(mention.text, "", 1)
    return not re.search(r"[^\W\d_]", rest)


def mention_to_entity(mention: Mention, chunk: ParsedChunk) -> Entity:
    kind, canonical = mention.kind, mention.canonical
    page, bbox = chunk.segment.run.locate(mention.start, mention.end)
    text = canonical if kind == "party" and len(mention.text) == 1 else surface_text(mention.text, canonical)
    return Entity(text=text, label=mention.label, item=chunk.segment.item, page=page, kind=kind,
                  canonical=surface_text(canonical, canonical) if kind != "party" else canonical,
                  bbox=bbox, sentence=chunk.sentence(mention.start, mention.end))


def segments_to_entities(
    doc: SegmentedDocument,
    people: Iterable[Person] = (),
    committee: str | None = None,
    nlp: Language | None = None,
    venue: str | None = None,
) -> list[Entity]:
    """Every entity mention in the document's body text, in reading order."""
    nlp = nlp or get_nlp()
    segments = [segment_text(lines, item) for lines, item in body_runs(doc) for lines in page_chunks(lines)]
    chunks: list[ParsedChunk] = []
    entities: list[Entity] = []
    aliases: list[Alias] = []
    lower_case = LowerCaseWords(s.text for s in segments)
    # A small batch: spaCy holds a whole batch of Docs at once.
    for segment, spacy_doc in zip(segments, nlp.pipe((s.text for s in segments), batch_size=PIPE_BATCH)):
        mentions = [Mention.of(span) for span in spacy_doc.ents]
        mentions += [Mention.extra(spacy_doc, extra) for extra in spacy_doc._.entity_extras or []]
        mentions = [trim_mention(m, segment.text, lower_case) for m in mentions
                    if not is_common_noun_place(m, lower_case)]
        chunk = ParsedChunk(segment, [(m.start, m.end) for m in mentions])
        entities.extend(mention_to_entity(m, chunk) for m in mentions if not is_cell(m, segment))
        aliases.extend(spacy_doc._.entity_aliases or [])
        chunks.append(chunk)
    people = list(people)
    aliases.extend(document_aliases(people, committee))
    entities.extend(propagate(aliases, chunks))
    for _ in range(CONJUNCT_ROUNDS):
        entities.extend(propagate(conjunct_aliases(entities, chunks), chunks))
    entities.extend(unlocated(people, committee, entities))
    entities.extend(publisher(doc, entities))
    entities.extend(venue_places(venue, entities))
    entities = in_printed_case(drop_organisation_genitives(drop_named_elsewhere(entities)))
    return link_people(drop_person_genitives(entities, people), people)


def drop_named_elsewhere(entities: list[Entity]) -> list[Entity]:
    """A place read from its preposition alone ("på Østerskoven") or from the landscape word
    of a one-word name ("Østerskoven" as a wood) that the document names as an organisation
    elsewhere ("Neurocenter Østerskoven") is that organisation, not a place. A name of two
    words ("Skallerup Klit") stays the place an institution there is named after."""
    orgs = [e.text for e in entities if e.label == "ORG"]
    return [e for e in entities
            if not (e.kind == "locative" or (e.kind == "nature" and " " not in e.text))
            or not any(org == e.text or org.endswith(" " + e.text) for org in orgs)]


def body_runs(doc: SegmentedDocument) -> list[tuple[list[StyledLine], int | None]]:
    """The segments' lines, and the body lines no segment holds, each run with its item.

    Why: a name printed on a line that segmentation left out (a layout it did not foresee)
    is still printed in the document. Such a line belongs to the item of the segment line
    before it."""
    held = {id(line) for s in doc.segments for line in s.lines}
    item_of = {id(line): s.item for s in doc.segments for line in s.lines}
    runs: list[tuple[list[StyledLine], int | None]] = [(s.lines, s.item) for s in doc.segments]
    loose: list[StyledLine] = []
    item: int | None = None
    for page in doc.pdf.pages:
        for line in page.body:
            if id(line) in held:
                if loose:
                    runs.append((loose, item))
                    loose = []
                item = item_of[id(line)]
            else:
                loose.append(line)
    if loose:
        runs.append((loose, item))
    order = {id(line): i for i, line in enumerate(line for page in doc.pdf.pages for line in page.body)}
    # in reading order, so mentions come out in the order they are printed
    return sorted((run for run in runs if run[0]), key=lambda run: order.get(id(run[0][0]), len(order)))


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
    places = frozenset(load_gazetteers().places)
    # "Faaborg Havn og Marina", "Silkeborg Busterminal og Regionshospitalet Silkeborg": an
    # institution named by its town is no pattern for a bare word beside it
    offers = {e.text for e in entities if e.label == "ORG" and e.kind in OFFER_KINDS
              and e.text.split()[0] not in places}
    known = {e.text for e in entities}
    found: dict[str, Alias] = {}
    for name in offers:
        quoted = re.escape(name)
        pattern = re.compile(rf"(?:(?<![\w-])(?P<a>{CONJUNCT_WORD})(?:\s*,|\s+og)\s+{quoted}"
                             rf"|{quoted}(?:\s*,|\s+og)\s+(?P<b>{CONJUNCT_WORD})(?![\w-]|\s+[A-ZÆØÅ]))")
        for chunk in chunks:
            for m in pattern.finditer(chunk.segment.text):
                word = m.group("a") or m.group("b")
                if word in known or word.lower() in STOP_WORDS or (m.group("a") and capitalised_before(chunk.segment.text, m.start("a"))):
                    continue
                found.setdefault(word, Alias(word, "ORG", "offer", word))
    return list(found.values())


def capitalised_before(text: str, start: int) -> bool:
    """The word before `start` on its line is capitalised: the word at `start` ends a longer
    name ("Silkeborg Busterminal")."""
    before = re.search(r"(\S+)[ \t]+$", text[:start])
    return bool(before) and before.group(1)[0].isupper() and not before.group(1).endswith((".", ":"))


def unlocated(people: list[Person], committee: str | None, entities: list[Entity]) -> list[Entity]:
    """Attendees and the committee when their name is not in the body text (it stands in a
    running header, a header table or is broken over lines): the document still names them.

    An attendee whose name only adds words in front of a person found in the text
    ("Kommunalbestyrelsen Reza Mahmoudi": the organisation of the line before, read into
    the name) is that person, already found."""
    named = {fold_name(e.text) for e in entities}
    persons = [fold_name(e.text) for e in entities if e.label == "PER"]
    found = [Entity(text=p.name, label="PER", item=p.item, page=p.page, kind="person",
                    canonical=p.name, organization=p.organization, role=p.role)
             for p in people if fold_name(p.name) not in named and name_like(p.name)
             and not any(fold_name(p.name).endswith(" " + n) for n in persons)]
    if committee and fold_name(committee) not in named:
        found.append(Entity(text=committee, label="ORG", kind="committee", canonical=committee))
    return found


MUNICIPALITY_LINE = re.compile(r"\b(?P<name>[^\W\d_][\w-]*\s+(?:kommune|regionskommune))\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def municipalities_by_name() -> dict[str, str]:
    """Each municipality's official name by its folded spelling ("tårnby kommune")."""
    return {pattern["id"].partition(":")[2].casefold(): pattern["id"].partition(":")[2]
            for pattern in load_gazetteers().patterns if pattern["id"].startswith("municipality:")}


def publisher(doc: SegmentedDocument, entities: list[Entity]) -> list[Entity]:
    """The municipality a page header or footer ("Norddjurs Kommune / Side 2") or a masthead in
    capitals ("TÅRNBY KOMMUNE") names: the document's publisher, a name the body text may never
    print. Only a municipality the gazetteer knows, spelt as it is officially."""
    known = municipalities_by_name()
    named = {fold_name(e.text) for e in entities}
    found: list[Entity] = []
    for page in doc.pdf.pages:
        lines = page.running + [line for line in page.body[:8] if line.text.isupper()]
        for line in lines:
            for m in MUNICIPALITY_LINE.finditer(line.text):
                name = known.get(" ".join(m.group("name").split()).casefold())
                if name and fold_name(name) not in named:
                    named.add(fold_name(name))
                    found.append(Entity(text=name, label="ORG", page=page.number, kind="municipality",
                                        canonical=name))
    return found


# The parts of a meeting's venue ("Det Hvide Værelse, Rådhuset", "Mødesalen - Filsø, Bytoften").
VENUE_PARTS = re.compile(r"\s*(?:,|/|\s[-–]\s)\s*")
VENUE_ARTICLES = {"Det", "Den", "De"}


def venue_places(venue: str | None, entities: list[Entity]) -> list[Entity]:
    """The meeting's venue, as its label gives it ("Sted: Valdemarsværelset, Ringsted Rådhus"),
    names places: each part that is a name ("Det Hvide Værelse", "Hvidovreværelset") and not a
    room number ("Mødelokale 4", "Udvalgsværelse D"), an address or the common noun of any town
    hall or library ("Rådhuset", "Biblioteket")."""
    if not venue:
        return []
    places = {fold_name(e.text) for e in entities if e.label == "LOC"}
    found = []
    for part in VENUE_PARTS.split(" ".join(venue.split())):
        part = part.strip(" .;:")
        words = part.split()
        if not words or fold_name(part) in places or not venue_name(words):
            continue
        places.add(fold_name(part))
        found.append(Entity(text=part, label="LOC", kind="venue", canonical=part))
    return found


def venue_name(words: list[str]) -> bool:
    """Capitalised words (an article may open them and an adjective follow it: "Det gamle
    Rådhus"), no digits, no one-letter block or room letter, no room noun, not one dictionary word."""
    opened = words[0] in VENUE_ARTICLES and len(words) > 1
    rest = words[1:] if opened else words
    if any(re.search(r"\d", w) or len(w) < 2 or "lokale" in w.lower() for w in words):
        return False
    if not all(w[:1].isupper() or (opened and w.lower() in PLACE_ADJECTIVES) for w in rest):
        return False
    return len(words) > 1 or not common_noun(words[0])


def common_noun(word: str) -> bool:
    """A dictionary word, also in a definite form the lemma table lacks ("Salen")."""
    lower, words = word.lower(), lexicon()
    return (lower in words or (lower.endswith(("en", "et")) and lower[:-2] in words)
            or (lower.endswith(("n", "t")) and lower[:-1] in words))


NAME_PARTICLES = {"von", "van", "de", "la", "du", "af", "al", "el", "bin", "ibn"}


def name_like(name: str) -> bool:
    """"Birthe Malling", "Hans Chr. Mariegaard", "Lone": capitalised words (and particles)
    only; an attendee "name" with digits, lower-case words or punctuation is a misread line."""
    words = name.split()
    return 1 <= len(words) <= 6 and all(
        (w[:1].isupper() and not re.search(r"[\d:;()/]", w)) or w in NAME_PARTICLES for w in words)


def respelt(entity: Entity, text: str, canonical: str | None) -> Entity:
    """The mention under another spelling; its canonical name follows where it was the spelling."""
    return entity.model_copy(update={
        "text": text, "canonical": canonical if entity.canonical == entity.text else entity.canonical})


def in_printed_case(entities: list[Entity]) -> list[Entity]:
    """"BYRÅDET" in a heading or a running header is the "Byrådet" the running text prints:
    one name, spelt as the text spells it, so a search or a facet finds it once. A name the
    document prints only in capitals ("HUNDESTED BIBLIOTEK") stays as printed."""
    spelt: dict[tuple[str, str], Entity] = {}
    for e in entities:
        if not e.text.isupper():
            spelt.setdefault((e.label, e.text.casefold()), e)
    out = []
    for e in entities:
        mixed = spelt.get((e.label, e.text.casefold())) if e.text.isupper() else None
        if mixed is not None:
            e = respelt(e, mixed.text, mixed.canonical)
        out.append(e)
    return out


# A definite noun in the genitive ("Økonomiudvalgets", "Socialdemokraternes", "Skolens"):
# no name ends so but in the genitive.
DEFINITE_GENITIVE = re.compile(r"[^\W\d_]{2,}(?:et|en|erne|ene)s$", re.IGNORECASE)
MIN_DEFINITE_HEAD = 5  # letters of the definite noun a compound ends in: "skolen", not "assen"


def is_definite_genitive(word: str) -> bool:
    """"Økonomiudvalgets", "Lindevangskolens": a definite dictionary noun (or a compound ending
    in one) with a genitive s; "Assens" ends so, but "assen" is no Danish noun."""
    if not DEFINITE_GENITIVE.search(word):
        return False
    base, common = word[:-1].lower(), lexicon()
    return any(base[i:] in common for i in range(len(base) - MIN_DEFINITE_HEAD + 1))


def drop_organisation_genitives(entities: list[Entity]) -> list[Entity]:
    """"Økonomiudvalgets beslutning", "Vestbos afdeling": an organisation is named without
    its genitive s, where its last word is a definite noun or the document names it without."""
    known = {e.text.casefold() for e in entities if e.label == "ORG"}
    out = []
    for e in entities:
        if (e.label == "ORG" and e.text[-1:] in "sS" and len(e.text) > MIN_ALIAS_CHARS
                and (is_definite_genitive(e.text.split()[-1]) or e.text[:-1].casefold() in known)):
            e = respelt(e, e.text[:-1], e.text[:-1])
        out.append(e)
    return out


def drop_person_genitives(entities: list[Entity], people: list[Person]) -> list[Entity]:
    """"Kristina Mikkelsens oplæg", "Jan Bothmanns plads": a person's name with a genitive s
    is that person's name, where the document names the person without it. A name that
    merely ends in s ("Hans Jens") stays as printed: only a known base is taken."""
    known = {fold_name(p.name) for p in people} | {fold_name(e.text) for e in entities if e.label == "PER"}
    out = []
    for e in entities:
        if e.label == "PER" and e.text.endswith("s") and fold_name(e.text[:-1]) in known:
            e = respelt(e, e.text[:-1], e.text[:-1])
        out.append(e)
    return out


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
