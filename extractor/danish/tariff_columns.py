"""How a tariff's table column and unit are read when tariffs become series over the years.

Source: DOMAIN.md "Money and tariffs" (tariff tables list values per year, "År 2024", or old and
new rates, "Gammel", "Ny"); municipal tariff tables print VAT variants ("ekskl. moms",
"inkl. moms") and put budgets or accounts beside the rates. The limits are generous upper
bounds of a price per unit in Danish specialised social services, where the dearest places
cost some tens of thousands of kroner a day: a figure above them is a total (a budget), not a
price per unit. Units not listed (per place, per offer) carry no limit, as they can be yearly.
"""
from __future__ import annotations

import re

# Column words that make a value a variant of the year's rate (the canonical name is shown).
VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:gammel|gamle|nuværende|før)", re.IGNORECASE), "gammel"),
    (re.compile(r"\b(?:ny|nye|fremtidig|efter)\b", re.IGNORECASE), "ny"),
    (re.compile(r"\b(?:ekskl|ex|eksl|uden)\.?\s*moms", re.IGNORECASE), "ekskl. moms"),
    (re.compile(r"\b(?:inkl|incl|med)\.?\s*moms", re.IGNORECASE), "inkl. moms"),
    (re.compile(r"\bbudget", re.IGNORECASE), "budget"),
    (re.compile(r"\bregnskab", re.IGNORECASE), "regnskab"),
    (re.compile(r"\bforeløbig", re.IGNORECASE), "foreløbig"),
    (re.compile(r"\bendelig", re.IGNORECASE), "endelig"),
    (re.compile(r"\bkorrigeret", re.IGNORECASE), "korrigeret"),
)

# (what the unit says, the most a price per that unit can be)
UNIT_LIMITS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"døgn|\bdag\b|\bdagen\b", re.IGNORECASE), 100_000.0),
    (re.compile(r"\btime", re.IGNORECASE), 10_000.0),
    (re.compile(r"\buge", re.IGNORECASE), 700_000.0),
    (re.compile(r"\bmåned", re.IGNORECASE), 3_000_000.0),
)

# A year printed in a label or column ("Takst 2024"): not part of what the tariff is.
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def column_variant(column: str | None) -> str:
    """"2023 gammel" -> "gammel", "Ny takst ekskl. moms" -> "ny, ekskl. moms", "År 2024" -> ""."""
    if not column:
        return ""
    return ", ".join(name for pattern, name in VARIANTS if pattern.search(column))


def implausible_unit(value: float, unit: str | None) -> tuple[str, float | None] | None:
    """Why a value cannot be a price per its unit: ("not_positive", None) or ("over_limit",
    the limit of its unit); None for a plausible price."""
    if value <= 0:
        return "not_positive", None
    for pattern, limit in UNIT_LIMITS:
        if unit and pattern.search(unit) and value > limit:
            return "over_limit", limit
    return None
