"""Names of the bodies that meet: how Danish councils, committees and boards are named.

A body's name is a compound ending in one of a few heads ("Økonomiudvalget", "Ældre- og
Sundhedsudvalget", "Handicaprådet", "Byrådet", "Kommunalbestyrelsen", "Kongens Enghave
Lokaludvalg"), or "Udvalget for X og Y". Sources: KL's and the municipalities' own committee
lists (the Danish municipal governance act, kommunestyrelsesloven, names the council
"kommunalbestyrelse"/"byråd" and its standing committees "udvalg"; the councils for
disabled and elderly people are "handicapråd"/"ældreråd"/"seniorråd").
"""
from __future__ import annotations

import re

_HEADS = (r"(?:udvalg(?:et)?|lokaludvalg(?:et)?|råd(?:et)?|byråd(?:et)?|regionsråd(?:et)?|"
          r"kommunalbestyrelse(?:n)?|bestyrelse(?:n)?|repræsentation(?:en)?|styregruppe(?:n)?|"
          r"forum|kreds(?:en)?|komit[eé](?:en)?)")
_WORD = r"[A-ZÆØÅ][a-zæøåA-ZÆØÅ]*"
# "Økonomiudvalget", "Ældre- og Sundhedsudvalget", "Social-, Sundheds- og Ældreudvalget",
# "Kongens Enghave Lokaludvalg", "Udvalget for Kultur og Fritid", "Den Administrative Styregruppe".
# "Kultur- og fritidsudvalgets møde": the last part in lower case, and the genitive, which
# committee_names gives as the name ("Kultur- og fritidsudvalget").
COMMITTEE_NAME = re.compile(
    rf"(?<![\w-])(?:"
    rf"Udvalget for {_WORD}(?:(?:,\s*| og ){_WORD}){{0,3}}"
    rf"|(?:{_WORD}-,?\s+)*{_WORD}-\s+og\s+[a-zæøå]+{_HEADS}(?:(?<=[et])s)?"
    rf"|(?:{_WORD}-,?\s+)*(?:{_WORD}-\s+og\s+)?(?:{_WORD}\s+){{0,2}}{_WORD}?{_HEADS}(?:(?<=et|en)s)?"
    rf"|Den Administrative Styregruppe"
    rf"|(?!(?:Det|Den|Dette|Hele|Et|Samme)\s){_WORD}\s+(?:Udvalg(?:et)?|Råd(?:et)?)"  # "Teknisk Udvalg"
    rf")(?![\w-])")
SENTENCE_WORDS = re.compile(r"\b(?:har|er|skal|vil|blev|kan|bør|at|som|der|den|det|til|med|om)\b")
# "Udvalg for natur, miljø og grøn omstilling": its words in lower case, so only where the name
# ends the line or a date follows ("... den 06.03.2019", "... - 06-03-2019").
COMMITTEE_FOR = re.compile(
    r"(?<![\w-])Udvalg(?:et)? for [a-zæøå][\w-]*(?:(?:,\s*|\s+og\s+|\s+)[a-zæøåA-ZÆØÅ][\w-]*){0,7}?"
    r"(?=\s*$|\s+(?:den|d\.)\s+\d|\s*[-–,]\s*\d|\s+kl\.)")
# Heads that alone are no name ("Udvalget", "Rådet" refer back to a body named before);
# "Byrådet", "Kommunalbestyrelsen" and "Regionsrådet" are names of their own.
BARE_HEAD = re.compile(r"^(?:den |det )?(?:udvalg(?:et)?|lokaludvalg(?:et)?|råd(?:et)?|bestyrelse(?:n)?|"
                       r"repræsentation(?:en)?|styregruppe(?:n)?|forum|kreds(?:en)?|komit[eé](?:en)?)$",
                       re.IGNORECASE)


# "Referat byrådet 28. november 2018", "referat fra byrådet", "Beslutning i byrådet den ...":
# some systems print the body in lower case after the kind word; the name is capitalised.
LOWER_CASE_BODY = re.compile(
    r"(?:\b(?:referat|dagsorden|beslutningsprotokol)(?:\s+(?:fra|for|af))?(?:\s+mødet?\s+i)?|\bbeslutning i)\s+"
    r"(?P<body>[a-zæøå][a-zæøå-]*(?:udvalget|rådet|bestyrelsen))(?![\w-])", re.IGNORECASE)


def lower_case_body(text: str) -> str | None:
    match = LOWER_CASE_BODY.search(text)
    if not match or not match.group("body")[0].islower():
        return None
    body = match.group("body")
    return None if BARE_HEAD.match(body) else body[0].upper() + body[1:]


def committee_names(text: str) -> list[str]:
    """Every body name in a text, in order; heads alone are left out."""
    names = [match.group(0).strip() for match in COMMITTEE_FOR.finditer(text)
             if not SENTENCE_WORDS.search(match.group(0))]
    for match in COMMITTEE_NAME.finditer(text):
        name = match.group(0).strip()
        name = name[:-1] if name.endswith(("ets", "ens")) else name  # the genitive names the body
        if any(name in longer for longer in names):
            continue  # part of an "Udvalg for ..." name read above
        if not BARE_HEAD.match(name) and name[0].isupper():
            names.append(name)
    return names
