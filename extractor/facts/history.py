"""An item's "Sagsforløb" section -> the earlier treatments of its case it lists.

Why at extraction: the section is part of one document and says which bodies treated the
case before, and when ("DAS Social 19.06.2023, punkt 5"); the archive step that builds case
timelines (archive/cases.py) then only joins these to the stored items.
"""
from __future__ import annotations

import re

from dagsorden.extractor.danish.dates import find_date
from dagsorden.extractor.danish.decisions import HISTORY_HEADING, HISTORY_ITEM
from dagsorden.models import EarlierTreatment

HISTORY_LEAD = re.compile(r"^[\s•\-–·*]+")


def parse_history(text: str) -> list[EarlierTreatment]:
    """"DAS Social 19.06.2023, punkt 5 KKR 22.09.2022, punkt 4" -> two earlier treatments.

    Entries are told apart by their dates, since the section's lines may have been joined
    into one paragraph: the body is the text before a date, the item number follows it.
    """
    treatments: list[EarlierTreatment] = []
    pos = 0
    while True:
        found = find_date(text[pos:])
        if not found:
            return treatments
        iso, match = found
        committee = HISTORY_LEAD.sub("", text[pos:pos + match.start()]).strip(" ,.:;-–") or None
        after = pos + match.end()
        number = HISTORY_ITEM.match(text, after)
        end = number.end() if number else after
        treatments.append(EarlierTreatment(date=iso, committee=committee,
                                           number=int(number.group(1)) if number else None,
                                           text=" ".join(text[pos:end].split()).strip(" ,.;•-–")))
        pos = end


def history_of(sections: dict[str, str]) -> list[EarlierTreatment]:
    """Every earlier treatment named in the item's "Sagsforløb" section(s)."""
    return [t for heading, text in sections.items() if HISTORY_HEADING.match(heading) and text
            for t in parse_history(text)]
