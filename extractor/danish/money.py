"""Danish numbers and sums of money: "1.320.124", "2,3", "1,5 mio. kr.", "kr. 834.784", "350 t.kr.".

Why one small module: every stage that reads money (prose amounts, table cells, tariffs)
must agree on what a Danish number is, and the negative cases (years, dates, "§ 108",
percentages, phone and case numbers) are decided here once, with exhaustive tests.

Sources: DOMAIN.md "Money and tariffs"; Retskrivningsordbogen (mio., mia., t.kr., kr.);
the DAS seeds. Left out on purpose: "k" / "m" suffixes (English), "øre" (never used in
these documents for sums), and bare numbers outside a currency-labelled table column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# "." groups thousands, "," is the decimal mark. A leading minus (ASCII, en dash or the
# minus sign) makes the number negative. Bare digit runs of more than 7 digits are not
# amounts as printed in Danish (they are phone, CPR or case numbers).
MINUS = "-\u2212\u2013"
NUMBER = (
    rf"(?<![\w.,/§])(?P<sign>[{MINUS}])?"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,7}(?:,\d+)?)"
    r"(?![\w%‰/]|[.,]\d|-\d)"
)

# Scale words after a number (longest first). Value: multiplier to kroner.
SCALES: dict[str, float] = {
    "milliarder": 1e9, "milliard": 1e9, "mia.": 1e9, "mia": 1e9, "mrd.": 1e9, "mrd": 1e9,
    "millioner": 1e6, "million": 1e6, "mio.": 1e6, "mio": 1e6,
    "tusinde": 1e3, "tusind": 1e3, "t.": 1e3,
}
# Currency words. "t.kr." / "tkr." carry their own scale (thousands of kroner).
CURRENCIES: dict[str, float] = {
    "t.kr.": 1e3, "t.kr": 1e3, "tkr.": 1e3, "tkr": 1e3, "t. kr.": 1e3,
    "kroner": 1.0, "kr.": 1.0, "kr": 1.0, "dkk": 1.0,
}
# Words in front of an amount that make it approximate.
APPROX_WORDS = ("ca.", "ca", "cirka", "omkring", "knap", "godt", "omtrent", "op mod", "~")
# Words near an amount that make it a loss or a reduction (read as context, not as a sign
# printed on the number): a deficit, a saving, an overspend, a reduction.
NEGATIVE_WORDS = ("underskud", "besparelse", "merforbrug", "reduktion", "mindreindtægt",
                  "nedskrivning", "fald", "tab")
# A basis written after an amount: "pr. døgn", "om året". Time bases are normalised.
TIME_BASES: dict[str, str] = {
    "om året": "om året", "årligt": "om året", "pr. år": "om året", "om måneden": "pr. måned",
    "månedligt": "pr. måned", "pr. måned": "pr. måned", "pr. md.": "pr. måned",
    "om ugen": "pr. uge", "ugentligt": "pr. uge", "om dagen": "pr. døgn", "dagligt": "pr. døgn",
}
# Words that end a "pr. ..." basis: function words and verbs that start the next clause.
BASIS_STOP = {"i", "til", "og", "for", "fra", "som", "der", "svarende", "ved", "med", "på",
              "af", "eller", "samt", "mens", "hvor", "hvilket", "hvis", "er", "var", "bliver",
              "inkl.", "ekskl.", "jf.", "om", "kr.", "mio.", "mia."}
MAX_BASIS_WORDS = 3
# A table header or row label naming the currency and scale: "i kr.", "(1.000 kr.)", "t.kr.".
SCALE_LABEL = re.compile(
    r"(?:\(\s*|\bi\s+)(?P<num>1\.000(?:\.000)?|1000)\s*kr\.?\s*\)?"
    r"|\b(?P<word>mio\.|mia\.|t\.)\s*kr\b|\btkr\b|\bkr\b|\bkroner\b|\bdkk\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A bare four-digit number after one of these words is a year, not a sum, even when "kr."
# follows: "Regnskab 2022 kr. 250.990", "i 2024 Mia. kr." (sums of 1.000 and more are grouped).
YEAR_BEFORE = ("i", "for", "fra", "til", "år", "året", "regnskab", "budget", "budgettet", "primo",
               "medio", "ultimo", "januar", "februar", "marts", "april", "maj", "juni", "juli",
               "august", "september", "oktober", "november", "december", "siden", "efter", "før")
# After an amount, the year it refers to: "i 2024", "for 2024", "(2022 pl)", "i 2024-priser".
YEAR_AFTER = re.compile(r"^\s*(?:\(|i\s+|for\s+|fra\s+|in\s+)(?P<year>19[5-9]\d|20\d\d)\b(?!-\d|\.\d)",
                        re.IGNORECASE)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_SCALE = rf"(?P<scale>{_alternation(list(SCALES))})(?![\wæøå])"
_CURRENCY = rf"(?P<cur>{_alternation(list(CURRENCIES))})(?![\wæøå])"
# number [scale] currency  |  currency number [scale]
POSTFIX = re.compile(rf"{NUMBER}(?:\s*{_SCALE})?\s*{_CURRENCY}", re.IGNORECASE)
PREFIX = re.compile(
    rf"(?P<cur>{_alternation(list(CURRENCIES))})\s*{NUMBER}(?:\s*{_SCALE}(?!\s*kr))?",
    re.IGNORECASE,
)
# The first end of a range, before a joiner and the second amount: "0,7 til " / "2-".
RANGE_START = re.compile(rf"{NUMBER}\s*(?P<join>til|og|[-–])\s*$", re.IGNORECASE)
BARE_NUMBER = re.compile(rf"^\s*{NUMBER}\s*$")


@dataclass(frozen=True)
class Money:
    """One sum of money found in a text: where it is, what it says, what it is worth."""

    start: int
    end: int
    text: str
    value_dkk: float


def parse_number(text: str) -> float | None:
    """A Danish number ("1.320.124", "2,3", "-42.000") as a float; None for anything else.

    Years, dates, percentages, phone and case numbers are not numbers here: the text
    must be one number and nothing more.
    """
    match = BARE_NUMBER.match(text.replace("\u00a0", " "))
    if not match:
        return None
    value = float(match["num"].replace(".", "").replace(",", "."))
    return -value if match["sign"] else value


def format_number(value: float, decimals: int = 0) -> str:
    """The Danish way of printing a number: 1320124.5 -> "1.320.124,5" (inverse of parse_number)."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):.{decimals}f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{groups},{fraction}" if fraction else f"{sign}{groups}"


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


def is_scale_label(text: str, start: int, end: int) -> bool:
    """True for "(1.000 kr.)" / "i 1.000 kr." in a header: a unit, not a sum."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    number = re.sub(r"\D", "", text[start:end])
    return number in ("1000", "1000000") and (before.endswith("(") or before.lower().endswith(" i")
                                               or before.lower() == "i") \
        and (after.startswith(")") or not after)


def _number(match: re.Match[str]) -> float:
    value = float(match["num"].replace(".", "").replace(",", "."))
    return -value if match["sign"] else value


def _multiplier(match: re.Match[str]) -> float:
    scale = SCALES[_key(match["scale"])] if match["scale"] else 1.0
    return scale * CURRENCIES[_key(match["cur"])]


def _range_start(between: str, high: re.Match[str]) -> re.Match[str] | None:
    """The low end of a range written before an amount ("0,7 til 1 mio. kr."), if any.

    A low end larger than the high end, or "og" without "mellem", is not a range
    ("i 2024 og 103 mio. kr." names a year, not a sum).
    """
    first = RANGE_START.search(between)
    if first is None:
        return None
    if first["join"].lower() == "og" and not re.search(r"mellem\s+\S+\s+og\s*$", between, re.I):
        return None
    if abs(_number(first)) > abs(_number(high)):
        return None
    return first


def is_year(text: str, match: re.Match[str]) -> bool:
    """True when a sum's number is a year: named by the word before it ("Regnskab 2022 kr.
    250.990"), or an ungrouped four-digit year after "kr." ("siden kr. 2007")."""
    number = match["num"]
    if match["sign"] or not YEAR.fullmatch(number):
        return False
    if match.re is PREFIX and not match["scale"]:
        return True  # "kr. 2007": a sum of 2.007 kr. is printed grouped
    words = text[:match.start("num")].lower().split()
    return bool(words) and words[-1] in YEAR_BEFORE


def find_money(text: str) -> list[Money]:
    """Every sum of money in a text, in order; a range gives two sums.

    "0,7 til 1 mio. kr." gives 700000 (text: the whole range, as printed) and 1000000.
    """
    found: list[Money] = []
    taken_until = 0
    matches = sorted(list(POSTFIX.finditer(text)) + list(PREFIX.finditer(text)),
                     key=lambda m: (m.start(), -m.end()))
    for match in matches:
        if match.start() < taken_until or is_scale_label(text, match.start(), match.end()) \
                or is_year(text, match):
            continue
        multiplier = _multiplier(match)
        first = _range_start(text[taken_until:match.start()], match) if match.re is POSTFIX else None
        if first is not None:
            start = taken_until + first.start()
            found.append(Money(start, match.end(), text[start:match.end()], _number(first) * multiplier))
        found.append(Money(match.start(), match.end(), text[match.start():match.end()],
                           _number(match) * multiplier))
        taken_until = match.end()
    return found


def is_approx(before: str) -> bool:
    """True when the words just before an amount say it is approximate ("ca.", "knap", ...)."""
    tail = before.lower().split()[-3:]
    joined = " ".join(tail)
    return any(t in APPROX_WORDS for t in tail) or "op mod" in joined or joined.endswith("~")


def sign_from_context(before: str) -> int:
    """-1 when the clause before an amount names a deficit, saving or overspend, else 1.

    `before` is the sentence up to the amount (the caller cuts the sentence; "ca." must
    not end the clause)."""
    clause = re.split(r"[;!?]\s|,\s+(?:og|men|mens)\s", before.lower())[-1]
    words = re.findall(r"[a-zæøå]+", clause)[-8:]
    return -1 if any(w.startswith(NEGATIVE_WORDS) for w in words) else 1


def basis_after(after: str) -> str | None:
    """The unit or basis written right after an amount: "pr. anvendt plads", "om året"."""
    text = after.lstrip().lower()
    for phrase, basis in TIME_BASES.items():
        if re.match(rf"{re.escape(phrase)}(?![\wæøå])", text):
            return basis
    match = re.match(r"(?:pr\.|per)\s+", text)
    if not match:
        return None
    words: list[str] = []
    for word in text[match.end():].split()[:MAX_BASIS_WORDS]:
        clean = word.rstrip(",.;:)")
        if not clean or clean in BASIS_STOP or not re.fullmatch(r"[a-zæøå\-]+", clean):
            break
        words.append(clean)
        if clean != word:
            break
    return "pr. " + " ".join(words) if words else None


def year_after(after: str) -> int | None:
    """The year an amount refers to when it follows it: "35 mio. kr. i 2024" -> 2024."""
    match = YEAR_AFTER.match(after)
    return int(match["year"]) if match else None


def header_scale(text: str) -> float | None:
    """The multiplier a table header or row label names ("i kr." 1, "(1.000 kr.)" 1000,
    "mio. kr." 1e6, "t.kr." 1000); None when it names no currency."""
    match = SCALE_LABEL.search(text)
    if not match:
        return None
    if match["num"]:
        return float(match["num"].replace(".", ""))
    if match["word"]:
        return {"mio.": 1e6, "mia.": 1e9, "t.": 1e3}[match["word"].lower()]
    if match.group(0).lower() == "tkr":
        return 1e3
    return 1.0


def years_in(text: str) -> list[int]:
    """Years named in a text, leaving out a price level in parentheses ("(i 2024 priser)")."""
    plain = re.sub(r"\([^)]*\)", " ", text)
    return [int(y) for y in YEAR.findall(plain)]

# Column headers that hold counts or shares, never money, whatever the table says.
NOT_MONEY_HEADER = re.compile(r"%|\bpct\b|procent|\bantal\b|pladsantal|\bandel\b|årsværk|\bstk\b",
                              re.IGNORECASE)
