"""Attendance lists and "X deltager under punktet" sentences -> Person records.

Names are runs of capitalised words; a leading job title ("Psykiatridirektør",
"lægefaglig direktør") becomes the role, and a parenthesis or a trailing
organisation ("Tilsynschef Line Hessellund, Socialtilsyn Nord") the organisation.
"""
from __future__ import annotations

import re

from dagsorden.extractor.danish.headings import ABSENCE_LABEL_WORDS, ARRIVAL_SENTENCE, BULLET, NOT_TAKING_PART_WORDS
from dagsorden.extractor.danish.sentences import first_sentence
from dagsorden.models import Person, StyledLine

TITLE_SUFFIX = re.compile(
    r"(?:chef|direktør|konsulent|leder|formand|sekretær|mester|læge|rådgiver|fuldmægtig|koordinator|"
    r"specialist|psykolog|medarbejder|referent|rådmand|chefkonsulent|souschef|medlem|repræsentant|"
    r"inspektør|planlægger|sagsbehandler|arkitekt|ingeniør|kasserer|økonom|jurist|analytiker|forstander|"
    r"revisor|advokat)$",
    re.IGNORECASE)
ORGANISATION_WORD = re.compile(
    r"\b(?:kommune|kommunes|region|regionen|styrelse[n]?|socialtilsyn|ministeri\w*|kl|kkr|sekretariat\w*|"
    r"forvaltning\w*|center|centret|afdeling|udvalg\w*|vive|ankestyrelsen|folketinget|psykiatri\w*|"
    r"socialstyrelsen|danske regioner|nord|syd|øst|vest|midt)\b",
    re.IGNORECASE)
# A word of a name: capitalised in any alphabet ("Çelik", "Søegaard", "Al-Hassan"), or a particle.
NAME_TOKEN = re.compile(r"^(?:[^\W\d_][\w'’.\-]*|von|van|de|la|al|el|bin)$")
GUEST_SENTENCE = re.compile(
    r"(?P<who>[^.]*?)\s+(?:deltager|deltog|deltage)\s+(?:under|i)\s+(?:behandlingen\s+af\s+)?"
    r"(?:punkt(?:et)?|pkt\.)\s*(?P<number>\d+)?",
    re.IGNORECASE)
# "Fra Nordbus Trafik A/S deltager driftschef A og projektleder B.": the people follow the verb
GUESTS_FROM = re.compile(r"(?:^|(?<=[.!?:]\s))Fra\s+(?P<org>[^.]+?)\s+deltager\s+(?P<who>[^.]+?)\.(?:\s|$)")
# "Trafikplanlægger A fra By og Landskab gennemgik projektet", "Børne- og Ungechef A giver en
# kort introduktion": an official, titled, who presents the item
PRESENTER_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?:]\s))(?P<who>[A-ZÆØÅ][^.!?:]*?)\s+(?:gennemgik|gennemgår|præsenterede|præsenterer|"
    r"orienterede|orienterer|giver|gav|holdt|holder)\s+(?:en\s+)?(?:kort\s+)?"
    r"(?:projektet|sagen|planerne|forslaget|introduktion|oplæg|orientering|præsentation|status|udvalget|om)\b")
POLITICAL_ROLE = re.compile(r"(?:borgmester|rådmand|formand|medlem)$", re.IGNORECASE)  # a member presents too
# "... så direktør A fra Sydvestjyske Museer kunne (deltage)": the clause's opening and its modal verb
CLAUSE_OPENING = re.compile(r"^(?:så|og|idet|hvor|da|hvorefter|mens)\s+", re.IGNORECASE)
MODAL_END = re.compile(r"\s+(?:kunne|kan|skal|skulle|vil|ville)$", re.IGNORECASE)
FROM_ORGANISATION = re.compile(r"\s+fra\s+(?P<org>[A-ZÆØÅ].*)$")  # "formidlingschef B fra Museerne i Fredericia"
SHARED = re.compile(r"^(?:begge|alle)\s+(?:fra\s+)?", re.IGNORECASE)
MIN_NAME_TOKENS, MAX_NAME_TOKENS = 2, 6
PARTICLES = {"von", "van", "de", "la", "al", "el", "bin"}


def split_outside_parentheses(text: str, separators: str = ",;") -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char in separators and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def split_name_and_role(words: list[str]) -> tuple[str | None, str | None]:
    """Leading lower-case words and a title word are the role; the rest is the name."""
    role_words: list[str] = []
    if len(words) > MIN_NAME_TOKENS + 2 and words[0].endswith("-") and words[1] == "og" \
            and TITLE_SUFFIX.search(words[2]):
        role_words, words = words[:3], words[3:]  # "Børne- og Ungechef Kristina Mikkelsen"
    while words and (words[0][:1].islower() or TITLE_SUFFIX.search(words[0].rstrip(","))) \
            and len(words) > MIN_NAME_TOKENS:
        role_words.append(words.pop(0))
    while words and words[0][:1].islower():
        role_words.append(words.pop(0))
    if not (MIN_NAME_TOKENS <= len(words) <= MAX_NAME_TOKENS):
        return None, None
    if not all(NAME_TOKEN.match(w) and (w[0].isupper() or w in PARTICLES) for w in words):
        return None, None
    return " ".join(words), (" ".join(role_words) or None)


def parse_parenthesis(inner: str) -> tuple[str | None, str | None]:
    """"formand, Brønderslev Kommune" -> (role, organisation)."""
    inner = SHARED.sub("", inner.strip())
    parts = [p.strip() for p in inner.split(",") if p.strip()]
    role = None
    if len(parts) > 1 and (parts[0][:1].islower() or TITLE_SUFFIX.search(parts[0])):
        role = parts.pop(0)
    organisation = ", ".join(parts) or None
    if organisation and "/" in organisation:
        organisation, _, extra = organisation.partition("/")
        role = role or extra.strip(" .") or None
    return role, (organisation.strip() if organisation else None)


def parse_people(text: str) -> list[Person]:
    """A comma-separated attendance list: "A (Org), B (formand, Org), C og D (begge fra Org)";
    a party letter after a comma ("Andreas Bech, (A)") belongs to the name before it."""
    people: list[Person] = []
    text = re.sub(r"(?<=\))\s+(?:og|&)\s+", ", ", " ".join(text.split()))  # "A (A) og B (V)"
    for part in split_outside_parentheses(text):
        match = re.match(r"^(?P<names>[^()]*?)\s*(?:\((?P<inner>[^)]*)\))?\s*\.?$", part)
        if not match:
            continue
        if not match.group("names").strip() and match.group("inner") and people:
            people[-1] = people[-1].model_copy(update={"organization": match.group("inner").strip() or None})
            continue
        role, organisation = parse_parenthesis(match.group("inner")) if match.group("inner") else (None, None)
        names = re.split(r"\s+(?:og|&)\s+", match.group("names"))
        for raw in names:
            name, title = split_name_and_role(raw.split())
            if name:
                people.append(Person(name=name, organization=organisation, role=role or title))
    return people


def parse_guest_sentences(text: str, item: int | None, page: int | None) -> list[Person]:
    """People who attend for one item: "Kontorchef A og souschef B begge fra X deltager under
    punktet", "Museumsinspektør A og formidlingschef B fra X deltager under punktet", "... så
    direktør A fra X kunne deltage under punktet", "Fra X deltager driftschef A og projektleder B",
    and a titled official who presents the item ("Trafikplanlægger A fra X gennemgik projektet")."""
    guests: list[Person] = []
    flat = " ".join(text.split())
    for match in GUEST_SENTENCE.finditer(flat):
        who = match.group("who")
        who = re.split(r"(?<=[.!?])\s+", who)[-1]
        number = int(match.group("number")) if match.group("number") else item
        guests.extend(guests_named(who, number, page))
    for match in GUESTS_FROM.finditer(flat):
        guests.extend(guests_named(match.group("who"), item, page, match.group("org").strip(" ,")))
    for match in PRESENTER_SENTENCE.finditer(flat):
        guests.extend(guest for guest in guests_named(match.group("who"), item, page)
                      if guest.role and not POLITICAL_ROLE.search(guest.role))
    return guests


def guests_named(who: str, item: int | None, page: int | None, organisation: str | None = None) -> list[Person]:
    """The people of "A, B og C begge fra X", each with a role and an organisation if printed."""
    shared = re.search(r"\s+(?:begge|alle)\s+(?:fra\s+)?(?P<org>.+)$", who)
    if shared:
        organisation, who = shared.group("org").strip(" ,"), who[:shared.start()]
    elif (from_org := FROM_ORGANISATION.search(MODAL_END.sub("", who))) and (
            not re.search(r",|\s(?:og|&)\s", from_org.group("org"))  # "A og B fra X": both from X
            or not re.search(r",|(?<!-)\s(?:og|&)\s", who[:from_org.start()])):  # "A fra By og Landskab"
        organisation, who = from_org.group("org").strip(" ,"), who[:from_org.start()]
    pending: list[Person] = []
    for part in re.split(r",\s*|(?<!-)\s+(?:og|&)\s+", who):  # not "Kultur- og Fritidsafdelingen"
        part = CLAUSE_OPENING.sub("", MODAL_END.sub("", part.strip(" ,")))
        own = FROM_ORGANISATION.search(part)
        if own:
            part = part[:own.start()]
        name, role = split_name_and_role(part.split())
        if name and not ORGANISATION_WORD.search(name):
            pending.append(Person(name=name, role=role, organization=own.group("org") if own else organisation,
                                  item=item, page=page))
        elif part and ORGANISATION_WORD.search(part) and pending:
            pending[-1] = pending[-1].model_copy(update={"organization": part})
    return pending


def unique_people(people: list[Person]) -> list[Person]:
    """One record per name, keeping the first that has an organisation."""
    chosen: dict[str, Person] = {}
    for person in people:
        key = person.name.casefold()
        if key not in chosen or (chosen[key].organization is None and person.organization):
            chosen[key] = person
    return list(chosen.values())


# "Fraværende: ...", "Afbud: ...", "FRAVÆRENDE MED AFBUD:", "Ikke til stede: ..."
ATTENDANCE_LABEL = re.compile(
    rf"^(?:{ABSENCE_LABEL_WORDS}|følgende {NOT_TAKING_PART_WORDS}(?: af punktet)?)"
    r"(?:\s+(?:med|uden|indtil/fra|indtil|fra)(?:\s+(?-i:[a-zæøå]\w*))?)?\s*:?\s*", re.IGNORECASE)
# "X deltog ikke under behandlingen af dette punkt.": the same words that end a decision text.
NOT_TAKING_PART = re.compile(rf"\s*\b(?:erklærede sig inhabil og\s+)?{NOT_TAKING_PART_WORDS}\b.*$", re.IGNORECASE)
ROLE_AFTER_PARTY = re.compile(r"^(?P<person>[^()]+\([^()]{1,12}\))\s*[-–]\s*(?P<role>[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+)?)$")
# "Henrik Frandsen ved afbud", "Bo Holm (afbud)", "Eva Lund pga. sygdom": why, not who
ABSENCE_REASON = re.compile(r"\s*(?:\(\s*afbud\s*\)|\b(?:ved|med) afbud|\b(?:pga\.?|på grund af|grundet) [a-zæøå]+)$",
                            re.IGNORECASE)
ROLE_LABEL = re.compile(r"^(?P<role>[A-ZÆØÅa-zæøå-]+)\s*:\s+(?=[A-ZÆØÅ])")  # "Formand: Lene Bjerre Thomsen (A)"
ASIDE = re.compile(r"\s+[-–]\s+.*$")  # "Rikke Damgaard - suppleanten Bo Kristiansen er indkaldt."
# "Kasper Ryding (L) deltog i mødet i stedet for Helle Gramkow (L).": the member named last is absent.
IN_PLACE_OF = re.compile(r"\bi stedet for\s+(?P<absent>.+)$", re.IGNORECASE)


def absent_in(lines: list[StyledLine]) -> list[Person]:
    """Members named in attendance lines printed with a decision: "Fraværende: Steen Petersen
    (O) deltog ikke i behandlingen af punktet.", "Afbud:" followed by one name a line."""
    people: list[Person] = []
    for line in lines:
        text = ATTENDANCE_LABEL.sub("", " ".join(line.text.split()), count=1)
        # "Afbud fra A og B. Som suppleanter er indkaldt C og D.": the absent are the first sentence's
        text = ASIDE.sub("", NOT_TAKING_PART.sub("", first_sentence(text))).strip(" .")
        if ARRIVAL_SENTENCE.search(text):  # who came: absent is only the one whose place they took
            text = (replaced.group("absent").strip(" .") if (replaced := IN_PLACE_OF.search(text)) else "")
        if text:  # "Region Nordjylland deltog ikke i sagens behandling": a body, not a member
            people.extend(p.model_copy(update={"page": line.page}) for p in parse_people(text)
                          if not ORGANISATION_WORD.search(p.name))
    return unique_people(people)


def parse_person_line(text: str) -> Person | None:
    """One member of a list printed a name a line: "Birthe Malling, DH-repræsentant, formand",
    "• Anders Brinch Thomsen", "Bent Hjortshøj (V)", "Andreas Bech, (A)", "formand Name (A)"."""
    text = BULLET.sub("", " ".join(text.split()), count=1).strip(" .;")
    text = ABSENCE_REASON.sub("", NOT_TAKING_PART.sub("", text))
    if (labelled := ROLE_LABEL.match(text)) and TITLE_SUFFIX.search(labelled.group("role")):
        text = f"{labelled.group('role').lower()} {text[labelled.end():]}"  # "Formand: Name (A)" as "formand Name (A)"
    role_after = ROLE_AFTER_PARTY.match(text)  # "Vibeke Lynggaard (A) - Formand"
    if role_after:
        text = role_after.group("person")
    parts = split_outside_parentheses(text, ",")
    if not parts:
        return None
    people = parse_people(parts[0])
    if len(people) != 1:
        return None
    person = people[0]
    if role_after:
        person = person.model_copy(update={"role": role_after.group("role")})
    rest = [p for p in parts[1:] if p]
    if rest and re.fullmatch(r"\((?P<inner>[^)]*)\)", rest[0]):
        return person.model_copy(update={"organization": rest[0].strip("() ") or None})
    if rest and person.organization is None:
        person = person.model_copy(update={"organization": ", ".join(rest)})
    return person


def parse_people_lines(texts: list[str]) -> list[Person] | None:
    """A list printed one member a line, or None when the lines do not read that way (then the
    text is one running list, "A, B og C")."""
    people = [parse_person_line(text) for text in texts if text.strip()]
    found = [p for p in people if p is not None]
    if len(texts) >= 2 and len(found) * 3 >= 2 * len(people):
        return found
    return None
