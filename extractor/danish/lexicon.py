"""Which words are common Danish words: the word forms of spaCy's Danish lemma table.

Why: a capitalised word that is no common word is a name. A village ("Harridslev",
"Frørup"), a company ("Rambøll") or a surname is in no dictionary, while a document's own
nouns ("Skitseprojekt", "Præsentation", "Borgmester") are, whatever case a title sets them in.
The table ships with spacy-lookups-data (Explosion's data package for spaCy, 550,000 Danish
forms), read here as plain data, so nothing is downloaded at run time.
"""
from __future__ import annotations

import gzip
import json
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEMMA_TABLE = "da_lemma_lookup.json.gz"
MIN_COMPOUND_PART = 4  # letters: "mini|rundkørsel", not "glo|strup"
MIN_COMPOUND_HEAD = 5  # letters: "tilbuds|liste", not "hunde|sted" or "hader|slev"
# Common nouns that end place names ("Karls|lunde", "Ny|minde"): no title's compound then.
PLACE_NAME_HEADS = frozenset({"lunde", "bjerg", "bjerge", "strand", "minde", "holme", "vænge", "mølle", "gaard",
                              "huse", "høje", "bakke", "bakker", "skove", "sted"})


class SortedWords:
    """A set of words kept as one sorted string: half a million forms in 15 MB, where a Python
    set of them holds 130 MB in every process that extracts (each worker of a cluster)."""

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted(words)
        self._text = "\n".join(ordered) + "\n"
        self._starts = array("I", [0])
        for word in ordered:
            self._starts.append(self._starts[-1] + len(word) + 1)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> str:
        return self._text[self._starts[i]:self._starts[i + 1] - 1]

    def __contains__(self, word: object) -> bool:
        i = bisect_left(self, word)  # type: ignore[call-overload]
        return i < len(self) and self[i] == word


@dataclass(frozen=True)
class Lexicon:
    forms: SortedWords  # every lower-case word form
    plain: SortedWords  # forms that are their own lemma or an indefinite plural ("tegninger")

    def __bool__(self) -> bool:
        return bool(self.forms)

    def __contains__(self, word: object) -> bool:
        return word in self.forms

    def is_plain_noun(self, word: str) -> bool:
        """"Skitseprojekt", "Tegninger", "Tilbuds|liste": a dictionary word as a list or title
        opens with it, not inflected as a name's adjective ("Danske", "Rådgivende"), definite
        head ("Tegnestuen", "Foreningen") or genitive ("Vesterhavs", "Kongens")."""
        lower = word.lower()
        if lower in self.forms:
            return lower in self.plain
        return any(lower[i:] in self.plain and lower[i:] not in PLACE_NAME_HEADS
                   and (lower[:i] in self.forms or lower[:i - 1] in self.forms)
                   for i in range(MIN_COMPOUND_PART, len(lower) - MIN_COMPOUND_HEAD + 1))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The Danish lemma table's lower-case forms (empty without spacy-lookups-data)."""
    try:
        table = resources.files("spacy_lookups_data") / "data" / LEMMA_TABLE
        with table.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
            lemmas: dict[str, str] = json.load(text)
    except (ModuleNotFoundError, FileNotFoundError):
        return Lexicon(SortedWords(()), SortedWords(()))
    forms = [form for form in lemmas if form[:1].islower()]
    plain = [form for form in forms
             if lemmas[form] == form or (form.endswith("er") and not form.endswith("erne")
                                         and lemmas[form] != form and form.startswith(lemmas[form][:-1]))]
    return Lexicon(SortedWords(forms), SortedWords(plain))
