"""Danish dates and times: "2. marts 2017, kl. 13.00-16.00", "21.08.2023", "d. 27-08-2025"."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s*({_MONTH_NAMES})\.?\s+(\d{{4}})\b", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})\b")
TIME_RANGE = re.compile(
    r"\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*(?:-|–|til)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?",
    re.IGNORECASE)


def _valid(day: int, month: int, year: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first valid date in the text, as YYYY-MM-DD, with its match."""
    candidates = []
    for match in WRITTEN_DATE.finditer(text):
        iso = _valid(int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3)))
        if iso:
            candidates.append((match.start(), iso, match))
    for match in NUMERIC_DATE.finditer(text):
        iso = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if iso:
            candidates.append((match.start(), iso, match))
    if not candidates:
        return None
    _, iso, match = min(candidates, key=lambda c: c[0])
    return iso, match


def find_times(text: str) -> tuple[str | None, str | None]:
    """Start and end time after "kl.", as HH:MM."""
    match = TIME_RANGE.search(text)
    if not match:
        return None, None

    def hhmm(hour: str | None, minute: str | None) -> str | None:
        if hour is None or int(hour) > 24 or (minute and int(minute) > 59):
            return None
        return f"{int(hour):02d}:{minute or '00'}"

    return hhmm(match.group(1), match.group(2)), hhmm(match.group(3), match.group(4))
