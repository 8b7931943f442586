"""The spaCy pipeline that finds named entities in Danish meeting text, built offline.

Why rules and gazetteers: the names that matter in municipal documents (98 municipalities,
5 regions, national bodies, parties, offers, the people on attendance lists) are public
lists or follow fixed Danish naming patterns, so `spacy.blank("da")` plus an entity ruler
fed from extractor/danish/gazetteers/ and the rules below gets them without a model
download. A statistical Danish pipeline (da_core_news_md, DaCy, or any path) can be given
with `--nlp-model`: its guesses fill the gaps, the rules take precedence.

The pipeline is one `nlp` object (`build_nlp`), saved with `nlp.to_disk` and loaded with
`spacy.load` as long as this module is imported (it registers the factory). Every span
this module makes carries an id "kind:canonical name" (`span_kind`, `span_canonical`), so
a statistical model's spans (no id) are told apart from ours.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dagsorden.extractor.facts.people import TITLE_SUFFIX

__all__ = [
    "GAZETTEER_DIR", "RULES_FACTORY", "GAZETTEER_PIPE", "Gazetteers", "load_gazetteers",
    "gazetteer_patterns", "build_nlp", "get_nlp", "span_kind", "span_canonical", "Alias",
]

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "danish" / "gazetteers"
RULES_FACTORY = "dagsorden_entity_rules_v1"
GAZETTEER_PIPE = "dagsorden_gazetteer"
# The pipe that assigns sentence starts when the loaded model has no parser or senter.
SENTENCIZER_PIPE = "sentencizer"

# Letters of Danish words, for word boundaries (\b treats "Ø" right, but hyphens and
# apostrophes also glue words together here).
L = "A-Za-zÆØÅæøåÉéÈèÜüÖöÄäÁáÍí"
UPPER = "A-ZÆØÅÉÜÖÄ"
NOT_IN_WORD = rf"(?![{L}0-9'’-])"
NOT_AFTER_WORD = rf"(?<![{L}0-9'’-])"
CAP_WORD = rf"[{UPPER}][{L}]+(?:-[{UPPER}][{L}]+)?{NOT_IN_WORD}"
# A word of a person's name: "Aarup-Kristensen", "Chr.", "von".
NAME_WORD = rf"(?:{CAP_WORD}|[{UPPER}][a-zæøå]{{0,3}}\.|[Vv]on{NOT_IN_WORD}|van{NOT_IN_WORD}|de{NOT_IN_WORD})"
NAME_RUN = re.compile(rf"{NOT_AFTER_WORD}{NAME_WORD}(?:[ \t]+{NAME_WORD})*")
MAX_NAME_WORDS = 5
PARTY_AFTER = re.compile(rf"^\s*\((?P<letter>[{UPPER}])\)")
# Words that end a name run: structure words and the heads of place and organisation names.
NAME_STOP = {"punkt", "bilag", "kommune", "kommunes", "region", "regions", "vej", "gade", "allé",
             "plads", "torv", "boulevard", "kl", "afbud", "deltagere", "gæster", "sted", "tid"}
STREET = re.compile(
    rf"{NOT_AFTER_WORD}(?:(?:{CAP_WORD}[ \t]+){{1,2}}(?:Vej|Gade|Allé|Plads|Torv|Boulevard|Stræde)"
    rf"|[{UPPER}][{L}]+(?:vej|gade|allé|vænge|vænget|stræde|plads|torv|boulevard)){NOT_IN_WORD}")
# A postcode opens a line or follows a comma: "9220 Aalborg Ø", "Vej 30, 9220 Aalborg".
POSTCODE_TOWN = re.compile(
    rf"(?:^|,[ \t]*|[ \t]{{2,}})[1-9]\d{{3}}[ \t]+(?P<town>{CAP_WORD}(?:[ \t]+(?:Ø|V|C|N|S|K|SV|SØ|NV|NØ)(?![{L}]))?)",
    re.MULTILINE)
ACRONYM = re.compile(
    rf"{NOT_AFTER_WORD}(?P<acr>[{UPPER}]{{2,7}}|[{UPPER}]+[a-zæøå]+[{UPPER}][{L}]*|[{UPPER}]{{2,}}[a-zæøå]+)"
    rf"(?P<gen>['’]s)?{NOT_IN_WORD}")
ROMAN = re.compile(r"^[IVXLC]+$")
# "- Fremdrift, Aalborg Kommune": a list entry naming an offer and its operator.
# "Den Administrative Styregruppe", "det Faglige Råd": an article, capitalised definite
# adjectives (ending -e) and a capitalised noun make the name of a body.
ARTICLE_NAME = re.compile(
    rf"{NOT_AFTER_WORD}[Dd]e[nt][ \t]+(?:[{UPPER}][a-zæøå]+e[ \t]+){{1,2}}{CAP_WORD}")
OFFER_ENTRY = re.compile(
    rf"^[ \t]*(?:[-–•·\uf0b7*][ \t]+)?(?P<name>[{UPPER}][^,\n():]{{1,40}}?)(?:[ \t]*\([^)\n]*\))?,[ \t]+"
    rf"(?P<owner>{CAP_WORD}[ \t]+(?:Kommune|Regionskommune)|Region[ \t]+{CAP_WORD})[ \t]*:?[ \t]*$",
    re.MULTILINE)


@dataclass(frozen=True)
class Alias:
    """A name learned in one place of a document that also names the entity elsewhere in it."""

    text: str
    label: str
    kind: str
    canonical: str


@dataclass(frozen=True)
class Gazetteers:
    """The data files of extractor/danish/gazetteers/, read once."""

    patterns: tuple[dict, ...]
    first_names: frozenset[str]
    org_heads: tuple[tuple[str, tuple[str, ...], str, bool], ...]  # head, endings, kind, lowercase ok
    institution_words: tuple[tuple[str, str, str], ...]  # word, where the name is, label
    sectors: frozenset[str]
    non_org_acronyms: frozenset[str]
    parties: dict[str, str] = field(default_factory=dict)  # letter -> party name
    stop_names: frozenset[str] = frozenset()  # lower-case place/organisation words
    generic_words: tuple[str, ...] = ()  # word endings of common nouns that look like names


def read_rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file; lines starting with # are comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def genitive(name: str) -> str:
    """Danish genitive of a name: "Aalborg Kommunes", "KL's"; nothing added after s/x/z."""
    if name[-1:].lower() in "sxz":
        return name
    if name.isupper():
        return name + "'s"
    return name + "s"


def name_variants(name: str) -> list[str]:
    """The forms a gazetteer name is printed in: itself and its genitive (plus "’s"), each
    also broken over two lines ("Kolding\nKommune": a line break is a token of its own)."""
    forms = [name, genitive(name)]
    if name.isupper():
        forms.append(name + "’s")
    broken = [f"{form[:m.start()]}\n{form[m.end():]}" for form in forms for m in re.finditer(" ", form)]
    return list(dict.fromkeys(forms + broken))


def municipality_forms(name: str) -> list[str]:
    """"Vesthimmerlands Kommune" is also printed "Vesthimmerland Kommune" and the other way round."""
    base, _, head = name.rpartition(" ")
    forms = [name]
    forms.append(f"{base[:-1]} {head}" if base.endswith("s") else f"{base}s {head}")
    return forms


@lru_cache(maxsize=4)
def load_gazetteers(directory: Path = GAZETTEER_DIR) -> Gazetteers:
    patterns: list[dict] = []
    stop_names: set[str] = set()

    def add(label: str, kind: str, canonical: str, forms: Iterable[str]) -> None:
        for form in forms:
            for variant in name_variants(form):
                patterns.append({"label": label, "pattern": variant, "id": f"{kind}:{canonical}"})

    for name, _region in read_rows(directory / "municipalities.tsv"):
        add("ORG", "municipality", name, municipality_forms(name))
        place = name.rsplit(" ", 1)[0]
        add("LOC", "place", place, [place])
        stop_names.add(place.lower())
    for name, area in read_rows(directory / "regions.tsv"):
        add("ORG", "region", name, [name])
        add("LOC", "area", area, [area])
    for row in read_rows(directory / "bodies.tsv"):
        name, kind, aliases = row[0], row[1], (row[2].split("|") if len(row) > 2 else [])
        add("ORG", kind, name, [name, *aliases])
    parties: dict[str, str] = {}
    for row in read_rows(directory / "parties.tsv"):
        letter, name, aliases = row[0], row[1], (row[2].split("|") if len(row) > 2 else [])
        parties[letter] = name
        add("ORG", "party", name, [name, *aliases])
    for name, kind in read_rows(directory / "places.tsv"):
        add("LOC", kind, name, [name])
    heads = tuple(
        (head, tuple(endings.split("|")), kind, lowercase == "yes")
        for head, endings, kind, lowercase in read_rows(directory / "org_heads.tsv")
    )
    words = tuple((row[0], row[1], row[2]) for row in read_rows(directory / "institution_words.tsv"))

    def word_list(name: str) -> frozenset[str]:
        return frozenset(row[0] for row in read_rows(directory / name))

    return Gazetteers(
        patterns=tuple(patterns), first_names=word_list("first_names.txt"), org_heads=heads,
        institution_words=words, sectors=word_list("sectors.txt"),
        non_org_acronyms=word_list("non_org_acronyms.txt"), parties=parties,
        stop_names=frozenset(stop_names),
        generic_words=tuple(sorted(word_list("generic_org_words.txt"))),
    )


def gazetteer_patterns(gazetteers: Gazetteers | None = None) -> list[dict]:
    """Entity-ruler phrase patterns ({"label", "pattern", "id"}) from the data files."""
    return list((gazetteers or load_gazetteers()).patterns)


def span_kind(span: Span) -> str:
    """"municipality", "person", "offer", ...; "model" for a statistical model's guess."""
    kind, sep, _ = (span.id_ or span.ent_id_).partition(":")
    return kind if sep else "model"


def span_canonical(span: Span) -> str:
    _, sep, canonical = (span.id_ or span.ent_id_).partition(":")
    return canonical if sep else " ".join(span.text.split())


# -- the rules component ------------------------------------------------------------------

if not Doc.has_extension("entity_aliases"):
    Doc.set_extension("entity_aliases", default=None)


@Language.factory(RULES_FACTORY, assigns=["doc.ents"], default_config={})
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules(load_gazetteers(), nlp.Defaults.stop_words)


class EntityRules:
    """Persons, institutions, acronyms, streets and towns found by Danish naming rules.

    Runs after the gazetteer ruler: gazetteer spans win over rule spans where they
    overlap unless a rule span is longer ("Forretningsudvalget for Den Administrative
    Styregruppe"), and both win over a statistical model's spans.
    """

    def __init__(self, gazetteers: Gazetteers, stop_words: Iterable[str]) -> None:
        self.g = gazetteers
        self.stop_words = frozenset(stop_words)
        self.heads = self._head_regex()
        self.after, self.for_, self.before = self._institution_regexes()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        aliases: list[Alias] = []
        found: list[Span] = []
        for start, end, label, ident in self._candidates(text, aliases):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and len(span):
                found.append(Span(doc, span.start, span.end, label=label, span_id=ident))
        ours = [e for e in doc.ents if e.ent_id_]
        model = [e for e in doc.ents if not e.ent_id_]
        # Longest first; among equals, the gazetteer's (listed first) wins.
        chosen = filter_spans(ours + found)
        taken = {i for span in chosen for i in range(span.start, span.end)}
        chosen += [e for e in model if not taken & set(range(e.start, e.end))]
        doc.ents = self._with_sectors(doc, sorted(chosen, key=lambda s: s.start))
        doc._.entity_aliases = aliases
        return doc

    # candidates are (start, end, label, id) over doc.text
    def _candidates(self, text: str, aliases: list[Alias]) -> Iterator[tuple[int, int, str, str]]:
        yield from self._persons(text)
        yield from self._head_orgs(text)
        yield from self._institutions(text, aliases)
        yield from self._acronyms(text, aliases)
        for m in ARTICLE_NAME.finditer(text):
            name = " ".join(m.group(0).split())
            yield m.start(), m.end(), "ORG", f"body:{name[0].upper() + name[1:]}"
        for m in STREET.finditer(text):
            yield m.start(), m.end(), "LOC", f"street:{m.group(0)}"
        for m in POSTCODE_TOWN.finditer(text):
            yield m.start("town"), m.end("town"), "LOC", f"town:{m.group('town')}"
        for m in OFFER_ENTRY.finditer(text):
            name = " ".join(m.group("name").split())
            if not self._person_like(name.split()) and (
                    name.split()[0].lower() not in self.stop_words or len(name.split()) > 1):
                aliases.append(Alias(name, "ORG", "offer", name))
                yield m.start("name"), m.start("name") + len(m.group("name").rstrip()), "ORG", f"offer:{name}"

    def _persons(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """Runs of capitalised name words that start with a known first name, follow a job
        title ("Kontorchef Else Lund Frydensberg") or carry a party letter ("(A)")."""
        for run in NAME_RUN.finditer(text):
            words = list(re.finditer(r"\S+", run.group(0)))
            start = next((i for i, w in enumerate(words) if w.group(0) in self.g.first_names), None)
            before = text[max(0, run.start() - 40):run.start()].split()
            titled = bool(before) and bool(TITLE_SUFFIX.search(before[-1].strip(",")))
            party = PARTY_AFTER.match(text[run.end():])
            if start is None:
                if not (titled or party):
                    continue
                start = 0
            elif start > 0 and TITLE_SUFFIX.search(words[start - 1].group(0)):
                pass  # "Tilsynschef Line Hessellund": the title is not part of the name
            words = words[start:start + MAX_NAME_WORDS]
            while words and (words[-1].group(0).rstrip(".").lower() in NAME_STOP | self.g.stop_names
                             or words[-1].group(0).lower() in self.stop_words):
                words.pop()
            while words and words[0].group(0).lower() in self.stop_words:
                words.pop(0)
            if len(words) < 2:
                continue
            begin, end = run.start() + words[0].start(), run.start() + words[-1].end()
            name = " ".join(w.group(0) for w in words)
            yield begin, end, "PER", f"person:{name}"
            if party and party.group("letter") in self.g.parties:
                letter = run.end() + party.start("letter")
                yield letter, letter + 1, "ORG", f"party:{self.g.parties[party.group('letter')]}"

    def _person_like(self, words: list[str]) -> bool:
        """"Afdelingsleder Mikael Karup Haugaard", "Line Hessellund": a title or a first name."""
        return bool(words) and (bool(TITLE_SUFFIX.search(words[0])) or (
            words[0] in self.g.first_names and len(words) > 1 and words[1][:1].isupper()))

    def _head_regex(self) -> re.Pattern[str]:
        alternatives = []
        for head, endings, _kind, _lower in self.g.org_heads:
            alternatives.append(head + "(?:" + "|".join(re.escape(e) for e in endings) + ")")
        return re.compile(
            rf"{NOT_AFTER_WORD}(?P<pre>(?:[{L}]+-,?\s+)*[{L}]+-\s+(?:og|eller)\s+)?"
            rf"(?P<word>[{L}-]*?(?:{'|'.join(alternatives)}))(?P<gen>s)?{NOT_IN_WORD}",
            re.IGNORECASE)

    def _head_orgs(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """"Rammeaftalesekretariatet", "Social- og Indenrigsministeriet", "jobcenterchefkredsen"."""
        for m in self.heads.finditer(text):
            word = m.group("word")
            if word.lower().endswith(self.g.generic_words):
                continue
            head = next(h for h in self.g.org_heads
                        if re.search(rf"{h[0]}(?:{'|'.join(map(re.escape, h[1]))})$", word, re.IGNORECASE))
            start = m.start("pre") if m.group("pre") else m.start("word")
            capital = text[start].isupper()
            compound = len(word) > len(head[0]) + max(map(len, head[1])) + 2
            if not (capital or (head[3] and compound)):
                continue
            if not compound and (not capital or self._sentence_start(text, start)):
                continue
            name = " ".join(text[start:m.end("word")].split())
            yield start, m.end("word"), "ORG", f"{head[2]}:{name[0].upper() + name[1:]}"

    @staticmethod
    def _sentence_start(text: str, start: int) -> bool:
        before = text[:start].rstrip(" \t")
        return not before or before[-1] in ".!?:\n•-–"

    def _institution_regexes(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        def words(mode: str) -> str:
            return "|".join(re.escape(w) for w, where, _ in self.g.institution_words if where == mode)

        name = rf"{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}}"
        after = re.compile(rf"{NOT_AFTER_WORD}(?P<w>(?i:{words('after')}))[ \t]+(?P<name>{name})")
        for_ = re.compile(
            rf"{NOT_AFTER_WORD}(?P<w>{words('for')})\s+for\s+(?P<name>[{L}-]+(?:[ \t]+[{L}-]+){{0,4}})")
        # "Brønderslev Psykiatriske Sygehus": the name, capitalised adjectives, the kind.
        before = re.compile(rf"(?P<name>{CAP_WORD}(?:\s+[{UPPER}][a-zæøå]+e)*)\s+(?P<w>{words('before')}){NOT_IN_WORD}")
        return after, for_, before

    def _label_of(self, word: str) -> str:
        return next((label for w, _, label in self.g.institution_words if w.lower() == word.lower()), "ORG")

    def _institutions(self, text: str, aliases: list[Alias]) -> Iterator[tuple[int, int, str, str]]:
        """"Neurocenter Østerskoven" (and "Østerskoven" alone later), "botilbuddet Lyngdal",
        "Institut for Syn og Hørelse", "Frederikshavn Krisecenter", "Vinkelvejens børnehave"."""
        for m in self.after.finditer(text):
            label = self._label_of(m.group("w"))
            name = self._trim_name(m.group("name"))
            if not name:
                continue
            kind = "venue" if label == "LOC" else "offer"
            if m.group("w")[0].isupper():
                full = " ".join(text[m.start():m.start("name") + len(name)].split())
                yield m.start(), m.start("name") + len(name), label, f"{kind}:{full}"
                aliases.append(Alias(name, label, kind, full))
            else:
                yield m.start("name"), m.start("name") + len(name), label, f"{kind}:{name}"
                aliases.append(Alias(name, label, kind, name))
        for m in self.for_.finditer(text):
            rest = self._for_name(m.group("name").split())
            if not rest:
                continue
            end = m.start("name") + list(re.finditer(r"\S+", m.group("name")))[len(rest) - 1].end()
            full = " ".join(text[m.start():end].split())
            yield m.start(), end, self._label_of(m.group("w")), f"institution:{full}"
        for m in self.before.finditer(text):
            w, name = m.group("w"), m.group("name")
            if w[0].islower() and not name.endswith("s"):
                continue
            full = " ".join(m.group(0).split())
            yield m.start(), m.end(), "ORG", f"offer:{full}"

    def _for_name(self, words: list[str]) -> list[str]:
        """The name after "for": capitalised words joined by "og"/"i" ("Syn og Hørelse"),
        or a lower-case phrase of at most two words ("offentlig-privat innovation")."""
        article = len(words) > 1 and words[0] in ("Den", "Det") and words[1][:1].isupper()
        if not words or (words[0].lower() in self.stop_words and not article):
            return []
        name = [words[0]]
        rest = words[1:]
        if words[0][0].islower():
            if rest and rest[0][0].islower() and rest[0].lower() not in self.stop_words:
                name.append(rest[0])
            return name
        while rest:
            if rest[0][0].isupper():
                name.append(rest.pop(0))
            elif rest[0] in ("og", "i") and len(rest) > 1 and rest[1][0].isupper():
                name += [rest.pop(0), rest.pop(0)]
            else:
                break
        return name

    def _trim_name(self, name: str) -> str:
        words = name.split()
        while words and (words[-1].lower() in self.stop_words or words[-1].lower() in NAME_STOP):
            words.pop()
        return " ".join(words) if words and words[0].lower() not in self.stop_words else ""

    def _acronyms(self, text: str, aliases: list[Alias]) -> Iterator[tuple[int, int, str, str]]:
        """Upper-case names ("UCN", "ISHD", "PwC") that are not laws, diagnoses or shouting."""
        for m in ACRONYM.finditer(text):
            acr = m.group("acr")
            upper = sum(c.isupper() for c in acr)
            if (acr.lower() in self.stop_words or acr in self.g.non_org_acronyms or ROMAN.match(acr)
                    or len(set(acr)) == 1 or (acr.isupper() and len(acr) < 3)):
                continue
            if upper < 2 or self._in_capitals(text, m.start(), m.end()):
                continue
            defined = re.search(rf"(?P<long>(?:{CAP_WORD}|[a-zæøå]+)(?:[ \t]+(?:{CAP_WORD}|[a-zæøå-]+)){{0,5}})"
                                rf"[ \t]*\($", text[max(0, m.start() - 80):m.start()])
            if acr.isupper() and not (defined and text[m.end():m.end() + 1] == ")"):
                continue  # an unknown all-caps word: a law, a scheme or a diagnosis as often
            if acr.isupper():
                aliases.append(Alias(acr, "ORG", "acronym", acr))
            yield m.start(), m.start() + len(acr), "ORG", f"acronym:{acr}"

    @staticmethod
    def _in_capitals(text: str, start: int, end: int) -> bool:
        """True inside a run of upper-case words (a heading set in capitals), not an acronym."""
        before = re.search(rf"([{L}]+)\W*$", text[max(0, start - 30):start])
        after = re.match(rf"\W*([{L}]+)", text[end:end + 30])
        return any(m and m.group(1).isupper() and len(m.group(1)) > 1 for m in (before, after))

    def _with_sectors(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"FU social", "DAS Social": a committee's short name plus the policy area it covers."""
        out: list[Span] = []
        for i, span in enumerate(spans):
            nxt = doc[span.end] if span.end < len(doc) else None
            free = i + 1 == len(spans) or spans[i + 1].start > span.end
            if (span.label_ == "ORG" and span.text.isupper() and nxt is not None and free
                    and nxt.text.lower() in self.g.sectors):
                name = f"{span.text} {nxt.text}"
                span = Span(doc, span.start, span.end + 1, label="ORG", span_id=f"committee:{name}")
            out.append(span)
        return out


# -- building ------------------------------------------------------------------------------


def build_nlp(model: str | Path | None = None) -> Language:
    """`spacy.blank("da")` (or the given installed pipeline / path) + our gazetteer and rules.

    A model saved from this function already holds both pipes and is returned as loaded.
    Nothing is downloaded: an unknown name fails with spaCy's own error (E050).
    """
    nlp = spacy.blank("da") if model is None else spacy.load(model)
    if RULES_FACTORY in nlp.pipe_names:
        return nlp
    if not any(name in nlp.pipe_names for name in ("parser", "senter", SENTENCIZER_PIPE)):
        nlp.add_pipe("sentencizer", name=SENTENCIZER_PIPE, first=True)
    ruler_config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=GAZETTEER_PIPE, config=ruler_config, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns())
    nlp.add_pipe(RULES_FACTORY, after=GAZETTEER_PIPE)
    return nlp


@lru_cache(maxsize=2)
def get_nlp(model: str | None = None) -> Language:
    """One pipeline per process and model (building it reads every gazetteer)."""
    return build_nlp(model)
