"""Which municipality held each meeting, for the search page's municipality facet.

Why after import: the extraction knows the committee, not the authority, and one archive may
hold many municipalities' documents. The authority is printed in the running header or footer
("Nordby Kommune - Social- og Sundhedsudvalget - Referat") or the letterhead of the first page,
and bulk imports are often filed by municipality ("ballerup/2014/...", "bornholm_kommunalbestyrelsen_...").
A meeting none of these name (an inter-municipal steering group such as DAS) keeps none.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import sqlite_utils

GAZETTEER = Path(__file__).resolve().parents[1] / "danish" / "gazetteers" / "municipalities.tsv"
# "<Name> Kommune" as printed in a header or letterhead, also for a municipality the gazetteer
# lacks (the corpus's "Nordby Kommune"); one or two capitalised words before it.
PRINTED = re.compile(r"\b((?:[A-ZÆØÅ][\wæøå-]+ ){0,1}[A-ZÆØÅ][\wæøå-]+)s? (Kommune|Regionskommune)\b")
LETTERHEAD_LINES = 6
TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def fold(text: str) -> str:
    """"Lyngby-Taarbæk" and "lyngby-taarbaek" (a file name) agree."""
    plain = unicodedata.normalize("NFKD", text.lower().translate(TRANSLITERATION))
    return "".join(c for c in plain if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def known_municipalities() -> dict[str, str]:
    """Folded place name ("koebenhavn", "bornholm") -> official name ("Københavns Kommune")."""
    names: dict[str, str] = {}
    with GAZETTEER.open(encoding="utf-8") as rows:
        for row in csv.reader((line for line in rows if line.strip() and not line.startswith("#")),
                              delimiter="\t"):
            official = row[0].strip()
            place = official.rsplit(" ", 1)[0]
            names[fold(place)] = official
            if place.endswith("s"):  # the genitive is part of some official names
                names[fold(place[:-1])] = official
    return names


def printed_municipality(text: str) -> str | None:
    """The municipality a header or letterhead names ("Nordby Kommune"), official where known."""
    for match in PRINTED.finditer(text):
        place, head = match.group(1), match.group(2)
        words = place.split()
        for start in range(len(words)):  # "Referat Nordby Kommune": the place is the last word(s)
            candidate = " ".join(words[start:])
            official = known_municipalities().get(fold(candidate))
            if official:
                return official
        return f"{words[-1]} {head}"
    return None


def filed_municipality(path: str | None) -> str | None:
    """The municipality a file's folders or name start with ("bornholm_kommunalbestyrelsen_...")."""
    if not path:
        return None
    known = known_municipalities()
    for part in reversed(Path(path).parts):
        for word in re.split(r"[_.\s]+", fold(part)):
            if word in known:
                return known[word]
    return None


def meeting_municipality(headers: list[str], letterheads: list[str], paths: list[str]) -> str | None:
    for text in (*headers, *letterheads):
        found = printed_municipality(text)
        if found:
            return found
    return next(filter(None, map(filed_municipality, paths)), None)


def assign_municipalities(db: sqlite_utils.Database) -> int:
    """Set `meetings.municipality` from the meeting's current documents where it is not known
    yet (once found it stays); returns the meetings that got one."""
    changed = 0
    meetings = db.execute("select id from meetings where municipality is null").fetchall()
    with db.conn:
        for (meeting_id,) in meetings:
            documents = db.execute("select sha256, path from documents where meeting_id = ? "
                                   "and superseded_by is null", [meeting_id]).fetchall()
            shas = [sha for sha, _ in documents]
            marks = ",".join("?" * len(shas))
            headers = [row[0] for row in db.execute(
                f"select distinct coalesce(header, '') || ' ' || coalesce(footer, '') from pages "
                f"where document_sha256 in ({marks}) and number <= 3", shas)] if shas else []
            letterheads = ["\n".join((row[0] or "").splitlines()[:LETTERHEAD_LINES]) for row in db.execute(
                f"select text from pages where document_sha256 in ({marks}) and number = 1", shas)] if shas else []
            found = meeting_municipality(headers, letterheads, [path for _, path in documents])
            if found:
                db.conn.execute("update meetings set municipality = ? where id = ?", [found, meeting_id])
                changed += 1
    return changed
