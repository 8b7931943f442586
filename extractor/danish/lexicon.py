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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b
from importlib import resources

import numpy as np

LEMMA_TABLE = "da_lemma_lookup.json.gz"
MIN_COMPOUND_PART = 4  # letters: "mini|rundkørsel", not "glo|strup"
MIN_COMPOUND_HEAD = 5  # letters: "tilbuds|liste", not "hunde|sted" or "hader|slev"
# Common nouns that end place names ("Karls|lunde", "Ny|minde"): no title's compound then.
PLACE_NAME_HEADS = frozenset({"lunde", "bjerg", "bjerge", "strand", "minde", "holme", "vænge", "mølle", "gaard",
                              "huse", "høje", "bakke", "bakker", "skove", "sted"})


class HashedWords:
    """A set of words kept as their sorted 64-bit digests: half a million forms in 4 MB, where
    a Python set of them holds 130 MB in every process that extracts (each worker of a
    cluster), and reading them never holds a Python object per word (a worker's peak is what
    --max-memory limits). A digest, not hash(): the set must mean the same after pickling."""

    def __init__(self, digests: array | None = None) -> None:
        self._digests = array("Q")
        if digests:
            self._digests.frombytes(np.unique(np.frombuffer(digests, dtype=np.uint64)).tobytes())

    def __len__(self) -> int:
        return len(self._digests)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        digest = word_digest(word)
        i = bisect_left(self._digests, digest)
        return i < len(self._digests) and self._digests[i] == digest


def word_digest(word: str) -> int:
    return int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class Lexicon:
    forms: HashedWords  # every lower-case word form
    plain: HashedWords  # forms that are their own lemma or an indefinite plural ("tegninger")

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
            forms, plain = _common_forms(text)
    except (ModuleNotFoundError, FileNotFoundError):
        return Lexicon(HashedWords(), HashedWords())
    return Lexicon(HashedWords(forms), HashedWords(plain))


def _common_forms(lines: Iterable[str]) -> tuple[array, array]:
    """The digests of the lower-case forms and of the plain ones, read some thousand lines at
    a time: the table as one dict would raise a worker's peak address space by 150 MB."""
    forms = array("Q")
    plain = array("Q")
    for lemmas in _table_parts(lines):
        for form, lemma in lemmas.items():
            if not form[:1].islower():
                continue
            digest = word_digest(form)
            forms.append(digest)
            if lemma == form or (form.endswith("er") and not form.endswith("erne")
                                 and form.startswith(lemma[:-1])):
                plain.append(digest)
    return forms, plain


def _table_parts(lines: Iterable[str], size: int = 20_000) -> Iterator[dict[str, str]]:
    """The table ({"form": "lemma", ...}, one entry a line) as dicts of `size` entries."""
    part: list[str] = []
    for line in lines:
        entry = line.strip().rstrip(",")
        if entry.startswith('"'):
            part.append(entry)
        if len(part) == size:
            yield json.loads("{" + ",".join(part) + "}")
            part.clear()
    if part:
        yield json.loads("{" + ",".join(part) + "}")
