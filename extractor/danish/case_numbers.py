"""Danish case numbers (sagsnumre) as agenda systems print them, with or without a label.

Schemes seen: "2023-052085" and "EMN-2025-003383" (FirstAgenda), "Sagsnr.: 2012-28504" (eDoc),
"12/27845" and "17/24740" (year/serial: SBSYS, Acadre), "27.69.48-G01-1-17" and
"85.02.02-G01-3-20" (KLE journal plan number with facet, serial and year), "00.01.00P35-0104"
(KLE without the hyphen), "Sag 306-2009-600" and "326-2011-58120" (serial-year-serial),
"22-008812" (year-serial), "061204-2013" (serial-year), "2008/51207" (year/serial), and a bare serial after a label ("Sagsnr. 315119", "Sagsnr.: 15/82", "SAGSNR.: 412"). Left out on
purpose: bare numbers without a label ("Sag nr. 19" is an item number in Rødovre's minutes),
dates, year ranges ("2024-2030") and document numbers ("Dok.nr.: 2017-12345").
"""
from __future__ import annotations

import re

# Labels that introduce a case number.
CASE_LABEL = r"(?:sags?\s*nr\.?|sagsnummer|sagsid\.?|j\.\s*nr\.?|journal\s*nr\.?|journalnummer|sag)\s*:?\s*"
DOCUMENT_LABEL = re.compile(r"(?:dok(?:ument)?\.?\s*nr\.?|dokumentnummer|dok\.?\s*id)\s*:?\s*$", re.IGNORECASE)
CASE_FORMS = (
    r"(?:[A-ZÆØÅ]{2,5}-)?(?:19|20)\d{2}-(?!(?:19|20)\d{2}(?!\d))\d{3,7}",  # 2023-052085, EMN-2025-003383; not 2024-2030
    r"\d{2}\.\d{2}\.\d{2}-?[A-ZÆØÅ]\d{2}-\d+-\d{2}",       # 27.69.48-G01-1-17
    r"\d{2}\.\d{2}\.\d{2}-?[A-ZÆØÅ]\d{2}-\d{3,6}",         # 00.01.00P35-0104
    r"\d{1,4}-(?:19|20)\d{2}-\d{1,7}",                     # 306-2009-600
    r"\d{5,7}-(?:19|20)\d{2}",                             # 061204-2013 (serial-year)
    r"(?:19|20)\d{2}/(?!(?:19|20)\d{2}(?!\d))\d{3,7}",       # 2008/51207; not 2008/2009
    r"\d{2}/\d{3,6}",                                      # 12/27845
    r"\d{2}-\d{4,7}",                                      # 22-008812
)
CASE_NUMBER = re.compile(rf"(?P<label>{CASE_LABEL})?(?<![\w/.-])(?P<case>{'|'.join(CASE_FORMS)})(?![\w/-])",
                         re.IGNORECASE)
# "J.nr.: 13.00.00-A00-2-11  Sagsid.: 11/9871": the journal plan's number files the case, the
# case's own number is the case number.
JOURNAL_LABEL = re.compile(r"^(?:j\.\s*nr|journal)", re.IGNORECASE)
# A bare serial counts only right after a case label: "Sagsnr. 315119".
LABELLED_SERIAL = re.compile(rf"(?<![\w.])(?:sags?\s*nr\.?|sagsnummer|sagsid)\s*:?\s*(?P<case>\d{{4,8}})(?![\w/.-])",
                             re.IGNORECASE)


# A short number only right after a label that says case ("Sagsnr.: 15/82", "SAGSNR.: 412",
# "Sagsnr.: 71"); after "Sag nr." it is the item's number (Rødovre), so that label is not one.
LABELLED_SHORT = re.compile(r"(?<![\w.])(?:sags\s*nr\.?|sagsnummer|sagsid\.?)\s*:?\s*(?P<case>\d{2}/\d{1,2}|\d{1,3})"
                            r"(?![\w/.,-]|\.\d)", re.IGNORECASE)


def find_case_number(text: str) -> str | None:
    """The first case number of a line of an item's head (callers look only there: amounts and
    dates in running text look alike), or None."""
    found = [m for m in CASE_NUMBER.finditer(text) if not DOCUMENT_LABEL.search(text[:m.start()])]
    own = [m for m in found if m.group("label") and not JOURNAL_LABEL.match(m.group("label"))]
    if found:
        return (own or found)[0].group("case")
    labelled = LABELLED_SERIAL.search(text) or LABELLED_SHORT.search(text)
    return labelled.group("case") if labelled else None
