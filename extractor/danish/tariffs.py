"""Words that name a tariff (the price of a unit of service) and what they are priced per.

Source: DOMAIN.md "Money and tariffs"; Styringsaftalen's vocabulary (takst, døgntakst,
timepris, takstgruppe, takstenhed); the DAS seeds. Compounds that name a change or a
model of tariffs ("takststigning", "takstmodel") are not tariffs and are listed so.
"""
from __future__ import annotations

import re

# A word naming a price: "takst", "døgntaksten", "timepris", "Gennemsnitspris", "Takstgruppe 2".
TARIFF_WORD = re.compile(
    r"\b(?:[a-zæøå]*(?:takst|pris)(?:en|er|erne)?|takstgruppe|takstniveau)\b(?!-)",
    re.IGNORECASE,
)
# Compounds and phrases that name a change, an analysis or a price level, not a price.
NOT_TARIFF = re.compile(
    r"stigning|fald|ændring|reduktion|udvikling|analyse|model|struktur|beregning|bilag"
    r"|niveau(?!\s*\d)|\bpriser\b|\bpl\b|prisniveau|fremskrivning|regulering|forhøjelse|nedsættelse",
    re.IGNORECASE,
)
# The unit a tariff word implies when the text does not say "pr. ...".
UNIT_OF_WORD: dict[str, str] = {
    "døgntakst": "pr. døgn", "døgnpris": "pr. døgn", "timepris": "pr. time", "timetakst": "pr. time",
    "månedstakst": "pr. måned", "årstakst": "om året", "dagtakst": "pr. dag",
}
# Unit cells in a tariff table ("Takstenhed": "Døgn", "Time", "Tilbud").
UNIT_HEADER = re.compile(r"takstenhed|\benhed\b", re.IGNORECASE)
# Columns that name the offer or service the tariff is for.
OFFER_HEADER = re.compile(r"\btilbud\b|\bydelse\b|\bafdeling\b", re.IGNORECASE)
# Value columns for old and new tariffs instead of years.
OLD_NEW = re.compile(r"^(?:gammel|ny|nuværende|fremtidig|før|efter)\b", re.IGNORECASE)
# Words between a tariff word and its amount that carry no meaning in a label.
LABEL_FILLER = re.compile(
    r"(?:\s+(?:er|var|bliver|udgør|på|af|til|svarende|fastsat|fastsættes|forhøjes|forhøjet|nedsættes"
    r"|hæves|sænkes|justeres|ændres|reguleres|foreslås|\())+\s*$|\s*\($",
    re.IGNORECASE)


def names_tariff(text: str) -> bool:
    """True when a text names a price, not a change of prices or a price level."""
    return any(not NOT_TARIFF.search(m.group(0)) for m in TARIFF_WORD.finditer(text))


def unit_of(text: str) -> str | None:
    """The unit a tariff word implies: "døgntaksten" -> "pr. døgn"."""
    lowered = text.lower()
    for word, unit in UNIT_OF_WORD.items():
        if word in lowered:
            return unit
    return None
