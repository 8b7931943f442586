"""Danish dates and times as meeting documents print them.

Dates: "2. marts 2017", "12.maj 2022", "25 maj, 2020", "Maj 23, 2019" (an English-ordered web
export), "21.08.2023", "d. 27-08-2025", "04-06-2020 09:00:00", and a two-digit year after
"den"/"d." ("d.12.11.15"). Times: "kl. 13.00-16.00", "Kl. 10:30", "13:00 - 15:00",
"(15.30-18.00)", "09:00:00". A bare time is read only where the text is a time (a "Tid:"
field, or a range), so that "12.05" in a date or an amount is never taken for one.
"""
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
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s*({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
MONTH_FIRST_DATE = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})\b")
SHORT_YEAR_DATE = re.compile(r"\b(?:den|d\.)\s*(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{2})(?![\d.\-/]\d)", re.IGNORECASE)
TIME_RANGE = re.compile(
    r"\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*(?:-|–|til)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?",
    re.IGNORECASE)
# "13:00 - 15:00", "(15.30-18.00)": a range of two clock times without "kl."
BARE_RANGE = re.compile(r"(?<![\d.:/-])(\d{1,2})[.:](\d{2})\s*(?:-|–|til)\s*(\d{1,2})[.:](\d{2})(?![\d.:/-]?\d)")
# "09:00", "19.00", "09:00:00" alone: a time only in a field that holds a time.
BARE_TIME = re.compile(r"(?<![\d.:/-])(\d{1,2})[.:](\d{2})(?::\d{2})?(?![\d.:/-]?\d)(?:\s*(?P<half>[AP]M)\b)?")
# "3/11/2020 3:00:00 PM": a .NET system's US default prints month first, with a 12-hour clock.
US_CLOCK_AFTER = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M\b")


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
    for match in MONTH_FIRST_DATE.finditer(text):
        iso = _valid(int(match.group(2)), MONTHS[match.group(1).lower()], int(match.group(3)))
        if iso:
            candidates.append((match.start(), iso, match))
    for match in NUMERIC_DATE.finditer(text):
        day, month = int(match.group(1)), int(match.group(2))
        if "/" in match.group(0) and US_CLOCK_AFTER.match(text, match.end()):
            day, month = month, day
        iso = _valid(day, month, int(match.group(3)))
        if iso:
            candidates.append((match.start(), iso, match))
    for match in SHORT_YEAR_DATE.finditer(text):
        year = int(match.group(3))
        iso = _valid(int(match.group(1)), int(match.group(2)), 2000 + year if year < 70 else 1900 + year)
        if iso:
            candidates.append((match.start(), iso, match))
    if not candidates:
        return None
    _, iso, match = min(candidates, key=lambda c: c[0])
    return iso, match


def _hhmm(hour: str | None, minute: str | None) -> str | None:
    if hour is None or int(hour) > 24 or (minute and int(minute) > 59):
        return None
    return f"{int(hour):02d}:{minute or '00'}"


def find_times(text: str, *, is_time: bool = False) -> tuple[str | None, str | None]:
    """Start and end time, as HH:MM: after "kl.", or a range of two clock times; with
    `is_time` (the text is a time field's value) also a single clock time."""
    match = TIME_RANGE.search(text)
    if match:
        return _hhmm(match.group(1), match.group(2)), _hhmm(match.group(3), match.group(4))
    match = BARE_RANGE.search(text)
    if match:
        return _hhmm(match.group(1), match.group(2)), _hhmm(match.group(3), match.group(4))
    if is_time:
        without_dates = NUMERIC_DATE.sub(" ", text)
        match = BARE_TIME.search(without_dates)
        if match:
            hour = int(match.group(1)) % 12 + (12 if match.group("half") == "PM" else 0) \
                if match.group("half") else int(match.group(1))
            return _hhmm(str(hour), match.group(2)), None
    return None, None
