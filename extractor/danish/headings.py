"""Headings and labels of Danish meeting documents (DOMAIN.md; seen in DAS, eDoc, FirstAgenda).

Each constant is a regular expression over a whole line, case-insensitive, with an
optional trailing colon. Left out on purpose: words that are also ordinary sentence
starts ("Orientering" alone is an item title far more often than a heading).
"""
from __future__ import annotations

import re

_END = r"\s*:?\s*$"

# Section headings inside an item.
RECOMMENDATION_HEADING = re.compile(
    r"^(?:indstilling(?:er)?|.{0,40}\bindstilling|anbefaling|beslutningspunkter|forslag til beslutning|forslag|"
    r"[a-zæøå]+\s+indstiller(?:,? at)?)" + _END, re.IGNORECASE)
# An attachment named on its own line anywhere in an item: "Bilag 1: Referat fra mødet".
# "Bilag 1: ...", "BILAG 2 - ..." (not "bilag 2. Bilag 2 er ...": a sentence wrapped before the word)
ATTACHMENT_LINE = re.compile(r"^(?-i:Bilag|BILAG)\s+(?:nr\.?\s*)?\d{1,3}\s*[:.)-]\s*\S", re.IGNORECASE)
# "Åbne bilag:", "Lukkede bilag:": a group of the list, no entry.
ATTACHMENT_GROUP = re.compile(r"^(?:åbne|lukkede|offentlige|ikke offentlige|fortrolige|interne) bilag\s*:?$", re.IGNORECASE)
# "Vedlagt: Takster 2020.pdf (312 KB) og Kort.pdf (1,4 MB)": files listed in a line of text.
_FILES_LABEL = r"^(?:vedlagt|vedhæftet|vedhæftede filer|bilag)\s*:"
FILES_LABEL = re.compile(_FILES_LABEL, re.IGNORECASE)
FILES_LINE = re.compile(rf"{_FILES_LABEL}\s*(?P<files>.*\.(?:pdf|docx?|xlsx?|pptx?|odt|msg|jpe?g|png)\b.*)$",
                        re.IGNORECASE)
ATTACHMENT_HEADING = re.compile(
    r"^(?:bilag|(?:samlet\s+)?(?:bilagsliste|bilagsoversigt|bilagsfortegnelse)|(?:oversigt|fortegnelse) over bilag|"
    r"vedhæftede bilag|bilag til punktet|"
    r"(?:åbne|lukkede|offentlige|ikke offentlige|fortrolige) bilag|"
    r"bilag til .{2,80}|bilagsnr\.?)" + _END,
    re.IGNORECASE)
# Parts of a decision that some systems set as headings of their own under it: the vote,
# an amendment, a protocol remark, a minority's statement.
DECISION_PART = re.compile(r"^(?:protokolbemærkning(?:er|en)?|protokoltilførsel(?:en)?|mindretalsudtalelse|"
                           r"særudtalelse|ændringsforslag(?:et)?|afstemning(?:en)?)" + _END, re.IGNORECASE)
# Pages after the items that are no part of them: the members' signatures.
BACK_MATTER_HEADING = re.compile(r"^(?:underskriftsside|underskrifter|underskriftsblad|underskrift)" + _END,
                                 re.IGNORECASE)
# An attached file listed by its name: "SBU_maj_Plancher.pdf".
FILE_NAME = re.compile(r"^[\w.,()\- ]{1,150}\.(?:pdf|docx?|xlsx?|pptx?|odt|msg|jpe?g|png)$", re.IGNORECASE)
# A line that opens an entry of a list (a number, "Punkt", "Sag nr", a bullet): not a title.
_NUMBERED_ENTRY = r"\d|punkt\b|pkt\b"
LIST_ENTRY = re.compile(rf"^(?:{_NUMBERED_ENTRY}|sag nr|[•\-–·*])", re.IGNORECASE)
# A numbered entry (no bullet): "Pkt. Tekst", "379 Godkendelse af dagsorden" under a members list
# is the contents, no member.
NUMBERED_ENTRY = re.compile(rf"^(?:{_NUMBERED_ENTRY})", re.IGNORECASE)
# "Ingen", "Ingen bilag.", "-": the list is empty.
NONE_LISTED = re.compile(r"^(?:ingen(?: bilag)?|intet|ikke relevant|-+|–)\s*\.?$", re.IGNORECASE)
# "Beslutning", "Økonomiudvalgets beslutning den 04.12.2012 Punkt 1" (eDoc), "Byrådets beslutning",
# "Beslutning i Økonomiudvalget den 27-11-2012".
# "Beslutning i Byrådet den 13-05-2015", "Beslutning Økonomiudvalget den 15-10-2019", "Beslutning fra
# Handicaprådet", and Roskilde's "Handicaprådet, 23-05-2019, pkt. 1" (body, date, item: no word at all;
# a comma after a hyphen is the body's own: "By-, Land- og Kulturudvalget 2018-21, 25. november 2019, pkt. 231:").
# Rudersdal's "Dagsorden med vedtagelser" heads each decision "Vedtagelse i Økonomiudvalget
# 19.09.2012": the word stands for "Beslutning" at the start of a heading (not after a genitive,
# where "Lokalplanens vedtagelse" is a title).
# Lemvig's FICS minutes head each verdict with the body and its meeting date alone
# ("Økonomiudvalget den 21. juni 2017:", then "Kommunalbestyrelsen den 28. juni 2017:"); the one
# dated this meeting is this meeting's decision, the earlier ones are the case's history.
_DECIDED = r"(?:beslutning|vedtagelse)"
_BODY = (r"(?-i:(?:[A-ZÆØÅ][\w]*-?,?\s+(?:og\s+)?){0,4}[A-ZÆØÅ][a-zæøå]*"
         r"(?:udvalg(?:et)?|råd(?:et)?|bestyrelse(?:n)?|repræsentation(?:en)?|magistrat(?:en)?))")
_DATE = r"\d{1,2}\.\s*[a-zæøå]+\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}"
# Hvidovre's minutes: "Kommunalbestyrelsens møde 26. april 2010" over "Punkt 2: Godkendt."
# (the body's meeting and the point's number there), earlier bodies' the same way.
# "Ad. 3": minutes that refer to the agenda's points (segment/item_minutes.py) head each
# point's minutes with its number.
_BODY_DATE = rf"{_BODY}s? (?:møde )?(?:den |d\. )?(?:{_DATE})"
# A line that is only a body and a date: a verdict's heading, or (right under "Indstilling") the
# body the recommendation is put to ("Byplanudvalget den 11. januar 2016": Gentofte's Prepare).
BODY_DATELINE = re.compile(rf"^{_BODY_DATE}" + _END)
DECISION_HEADING = re.compile(
    rf"^(?:{_BODY_DATE}|ad\.?\s*(?:punkt\s+|pkt\.?\s*)?\d{{1,3}}\.?|"
    r"beslutning(?:er)?|vedtagelse|.{0,60}s beslutning(?: den .*| \d.*)?|"
    rf"{_DECIDED} (?:i |fra )?.{{0,60}} den .*|{_DECIDED} den .*|"
    rf"{_DECIDED} (?:i|fra) [^,]{{2,60}}?,? \d{{1,2}}(?:\.\s*[a-zæøå]+|[-./]\d{{1,2}}[-./])\s*\d{{2,4}}|"
    r"beslutning fra .{2,60}|(?:[^,]|(?<=-),){2,80},\s*(?:\d{1,2}[-.]\d{1,2}[-.]\d{2,4}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4}),"
    r"\s*(?:pkt|punkt)\.?\s*\d{1,4})" + _END,
    re.IGNORECASE)
# The words that record who was not there; people.py reads the names after them.
ABSENCE_LABEL_WORDS = r"fraværende|fravær|afbud|ikke til stede|ej til stede"
NOT_TAKING_PART_WORDS = (r"(?:(?:deltog|deltager) ikke (?:i|under|ved) (?:behandlingen|sagens behandling|mødet|punktet|punkt \d+)"
                         r"|var fraværende|forlod mødet|(?:havde|har) meldt (?:afbud|forfald)|var ikke til stede)")
# Lines that record who was not there: they end a decision text and name absent members.
ATTENDANCE_LINE = re.compile(rf"^(?:{ABSENCE_LABEL_WORDS}|følgende deltog ikke|deltog ikke)\b", re.IGNORECASE)
# "Merete Haugaard erklærede sig inhabil og deltog ikke i behandlingen af punktet."
ATTENDANCE_SENTENCE = re.compile(rf"\b{NOT_TAKING_PART_WORDS}", re.IGNORECASE)
# "X deltog i mødet i stedet for Y.", "X deltog i mødet fra og med punkt 73.", "X ankom kl. 17.30.":
# who came, and when; attendance printed with a decision, not what was decided (nobody is absent).
ARRIVAL_SENTENCE = re.compile(
    r"\b(?:deltog|mødte|indtrådte)(?: i mødet)? (?:i stedet for|fra og med|fra (?:punkt|pkt\.?|kl\.))"
    r"|\b(?:ankom|mødte op|kom)(?: til mødet)? (?:kl\.|under behandlingen)", re.IGNORECASE)
# "Første stedfortræder, Anders Bjerregaard, deltog som stedfortræder.": who came in a member's
# place, told in the same paragraph as who was absent.
SUBSTITUTE_SENTENCE = re.compile(r"\b(?:deltog|mødte|indtrådte) (?:som|i stedet for) (?:stedfortræder|suppleant)|"
                                 r"\b(?:var|er) indkaldt som (?:stedfortræder|suppleant)", re.IGNORECASE)
# "Punkt 2: Godkendt.": the decision opened by the point's number at that meeting.
# "Ad 1: Anbefales." under "Beslutning": the decision on the recommendation's point 1.
POINT_ANSWER = re.compile(r"^ad\.?\s*(?:punkt\s+|pkt\.?\s*)?\d{1,2}\b", re.IGNORECASE)
POINT_REFERENCE = re.compile(r"^(?:Punkt|Pkt\.?)\s*(?:nr\.?\s*)?\d{1,4}\s*:\s*(?=\S)")
# "Dato: 10-03-2016", "Sted: Rådhuset": a decision's own label lines, printed over its text.
DECISION_LABEL_LINE = re.compile(r"^(?:dato|tid|tidspunkt|sted|mødested|mødedato)\s*:", re.IGNORECASE)
# "Sagsansvarlig: mhe.of", "Dok.nr.: 6402": an item's file data, printed over its text, not minutes.
FILE_DATA_LINE = re.compile(r"^(?:sags?\s*nr|sagsnummer|sagsid|sagsansvarlig|sagsbehandler|ansvarlig|initialer|"
                            r"dok(?:ument)?\.?\s*nr|dokumentnummer|j\.\s*nr|journal\s*nr|journalnummer)\.?\s*:",
                            re.IGNORECASE)
# Seen in DAS, eDoc, FirstAgenda, SBSYS, Acadre and council web exports (../shared/wild/README.md).
KNOWN_SECTION = re.compile(
    r"^(?:resum[eé]|sammendrag|baggrund(?: og vurdering)?|sagsfremstilling(?: og økonomi)?|sagsbeskrivelse|"
    r"beskrivelse|beskrivelse af sagen|gennemgang af sagen|sagsgennemgang|indledning|sagens kerne|sagens indhold|problemstilling|anledning|beslutningstema|"
    r"indstilling(?:er)?(?: og beslutning)?|administrativ indstilling|beslutning(?:er)?|beslutningspunkter|"
    r"bilag|bilagsliste|sagsforløb|tidligere behandling|"
    r"økonomi(?:ske konsekvenser|ske oplysninger)?|personalemæssige konsekvenser|miljømæssige konsekvenser|"
    r"lovgrundlag|retsgrundlag|vurdering|proces|tidsplan|"
    r"høring|høringssvar|kommunikation|videre proces|forslag|formål|konklusion|"
    r"kompetence|beslutningskompetence|sagen afgøres af|hvem beslutter|forventet sagsgang|sagsgang|"
    r"politisk behandling|referat|relateret behandling|relaterede sager|"
    r"administrationens indstilling|forvaltningens indstilling|supplerende sagsfremstilling)" + _END,
    re.IGNORECASE)

# A section heading that is a common item title too ("15. Orientering"), so no KNOWN_SECTION:
# after an item's recommendation in a text-only export it opens the next section.
SECTION_OR_TITLE = re.compile(r"^orientering" + _END, re.IGNORECASE)

# Sections only case texts of a meeting have (not a report's "Baggrund" or "Formål"): evidence
# that numbered headings open agenda items.
CASE_SECTION = re.compile(
    r"^(?:resum[eé]|sammendrag|sagsfremstilling(?: og økonomi)?|sagens kerne|beslutningstema|"
    r"indstilling(?:er)?(?: og beslutning)?|administrativ indstilling|beslutning(?:er)?|beslutningspunkter|"
    r"sagen afgøres af|hvem beslutter|forventet sagsgang|kompetence|beslutningskompetence|"
    r"tidligere behandling|sagsforløb|administrationens indstilling|forvaltningens indstilling)" + _END,
    re.IGNORECASE)

# Grouping headings between items ("Sager til behandling").
AGENDA_GROUP = re.compile(
    r"^(?:sager til (?:behandling|orientering|beslutning|drøftelse)|oplæg(?: til drøftelse)?|"
    r"velkomst|afrunding|afslutning|meddelelser|orienteringssager|beslutningssager|drøftelsessager|meddelelsessager|"
    r"(?:åben|lukket) del|(?:åbne|lukkede) (?:sager|punkter))" + _END,
    re.IGNORECASE)

# "Punkt 7-9" under a group heading: the items the group holds, printed before its first item.
ITEM_RANGE = re.compile(r"^(?:punkt(?:erne)?|pkt\.?)\s*\d{1,3}\s*[-–]\s*\d{1,3}\s*:?$", re.IGNORECASE)

OPEN_MARK = re.compile(r"^(?:åben|åbent punkt|åbent|åben sag|åbent møde)" + _END, re.IGNORECASE)
CLOSED_MARK = re.compile(r"^(?:lukket|lukket punkt|lukket møde|lukket sag)" + _END, re.IGNORECASE)
# A title that says the item is closed: "Lukket punkt", "Lukket - Køb af ejendom",
# "Lukket punkt: Personalesag" (also after a one-letter case code, "Ø Lukket punkt: ..."),
# "Salg af grund (Lukket)", "Salg af areal - LUKKET SAG", "Salg af grund (FOR LUKKEDE DØRE)".
_CLOSED_WORDS = r"lukket(?:\s+punkt|\s+sag)?"
CLOSED_TITLE = re.compile(
    rf"^(?:[A-ZÆØÅ]\s+)?{_CLOSED_WORDS}(?:\s*[-–:.]|\s*$)|\((?:{_CLOSED_WORDS}|for lukkede døre)\)\s*$|"
    rf"\s[-–]\s*{_CLOSED_WORDS}\s*$", re.IGNORECASE)

# How agenda systems number items. Each pattern is a whole line; `numbers`/`number` is the
# item number as printed (running numbers over the year kept: "715."), `title` the title
# when it stands on the same line. Kinds with a word ("Punkt", "Nr.", "Sag nr.") are
# strong evidence; bare numbers must prove themselves by style and sequence (segment/item_starts.py).
# "Punkt 3", "Punkt 3:", "Punkt 1 + 2", "Pkt. 4 Title", "PUNKT 7-9", "Punkt nr. 71: Title",
# "Pkt.nr. 1   Title".
ITEM_KEYWORD = re.compile(
    r"^(?:Punkt|PUNKT|Pkt\.?|PKT\.?)\s*(?:nr\.?\s*|NR\.?\s*)?(?P<numbers>\d{1,4}(?:\s*(?:\+|,|og|&|-|–)\s*\d{1,4})*)"
    r"\s*[.:]?(?:\s*[-–]\s*|\s+)?(?P<title>.*)$")
# "Nr.86 - Title", "Nr. 12 Title".
ITEM_NR = re.compile(r"^(?:Nr|NR)\.?\s*(?P<number>\d{1,4})\s*(?:[-–:.]\s*)?(?P<title>\S.*)?$")
# "Sag nr. 19 (ØU 23/2010)": the title stands on the line before or after.
ITEM_CASE = re.compile(r"^(?:Sag|SAG)\s+(?:nr|Nr|NR)\.?\s*(?P<number>\d{1,4})\b\s*(?P<title>.*)$")
# "98Godkendelse af dagsorden": a web module's number glued to the title (a capitalised word).
ITEM_GLUED = re.compile(r"^(?P<number>\d{1,3})(?P<title>[A-ZÆØÅ][a-zæøå]{2,}.*)$")
# "12. Title", "1.Title", "12.   Title" (not "1.1 Title": a sub-point).
ITEM_NUMBERED = re.compile(r"^(?P<number>\d{1,4})\s?\.(?!\d)\s*(?P<title>\S.*)$")
# "T1. Title", "ØU3. Title": the number carries the committee's letters (one prefix a document).
ITEM_LETTERED = re.compile(r"^(?P<prefix>[A-ZÆØÅ]{1,3})(?P<number>\d{1,3})\s?\.(?!\d)\s*(?P<title>\S.*)$")
# "Sagsnr.: 71" alone on a line over the title: a web module's running number of the point
# (a case number has more digits or a year: "Sagsnr.: 17/2231").
ITEM_SERIAL = re.compile(r"^(?:Sagsnr|Sagsnummer)\.?\s*:?\s*(?P<number>\d{1,3})$")
# Link texts of a web page printed between a point's number and its title, or under a point
# ("Til indholdsfortegnelse"), and an export's caption over each point ("Åbent  Møde."): no
# part of any section.
WEB_LINK_TEXT = re.compile(r"^(?:vis dagsorden|vis referat|udskriv|print|tilbage|til toppen|gå til toppen|luk|open|"
                           r"åbn/luk punkt|åbn/luk|fold alle ud|fold ud|fold sammen|"
                           r"til indholdsfortegnelse(?:n)?|tilbage til (?:indholdsfortegnelsen|dagsordenen|oversigten|toppen)|"
                           r"(?:åbent|lukket)\s+møde\.?)$", re.IGNORECASE)
# "3: Title".
ITEM_COLON = re.compile(r"^(?P<number>\d{1,4}):\s+(?P<title>\S.*)$")
# "2      Title" (no dot): the weakest evidence.
# "1 (Åben) Meddelelser", "6 (Lukket) Salg af ejendom": the open/closed mark after the number.
ITEM_BARE = re.compile(r"^(?P<number>\d{1,3})\s+(?:\((?P<mark>(?i:åben|åbent|lukket)(?: punkt)?)\)\s*)?"
                       r"(?P<title>[A-ZÆØÅ\"“].*)$")
# A lone number, with the title in the next column on the same baseline.
ITEM_NUMBER_ALONE = re.compile(r"^(?P<number>\d{1,3})\s*[.:]?$")
# "• 156" over its title: a web page's unfolded list entry holding a running number.
ITEM_NUMBER_OVER_TITLE = re.compile(r"^(?:[•·\-–]|\(cid:\d+\))\s*(?P<number>\d{1,4})\s*[.:]?$")
# Words that open a numbered recommendation or decision point, not an item title.
POINT_OPENERS = re.compile(r"^(?:at|At|AT)\b")

# Recommendations are introduced by this phrase, with or without a heading.
RECOMMENDATION_LEAD = re.compile(
    r"^(?P<lead>(?:det|direktionen|forvaltningen|administrationen|sekretariatet|[a-zæøå]+)\s+"
    r"indstille[rs]?(?:\s+\S+){0,3}?,?\s+at)\b[\s,:]*(?P<rest>.*)$", re.IGNORECASE)

# Attendance labels of the meeting block.
PRESENT_LABEL = re.compile(r"^(?:deltagere|mødedeltagere|til stede|tilstede|medlemmer|fremmødte|fremmødt|indkaldelse|indkaldte)" + _END,
                           re.IGNORECASE)
ABSENT_LABEL = re.compile(r"^(?:afbud|fraværende|fravær|afbud fra|ej til stede|ikke til stede)" + _END, re.IGNORECASE)
GUEST_LABEL = re.compile(r"^(?:gæster|gæst|inviterede)" + _END, re.IGNORECASE)
# The administration's officials listed with the members: they take part in the meeting.
STAFF_LABEL = re.compile(r"^(?:øvrige deltagere|øvrige|(?:desuden|derudover|endvidere|herudover) deltog|fra forvaltningen|"
                         r"fra administrationen)" + _END, re.IGNORECASE)
COMMITTEE_LABEL = re.compile(r"^(?:møde|mødeforum|udvalg|forum)" + _END, re.IGNORECASE)
TIME_LABEL = re.compile(r"^(?:tid|tidspunkt|dato|mødetidspunkt|mødedato|starttidspunkt|kl|"
                        r"dato og tid|mødet påbegyndt)" + _END, re.IGNORECASE)
END_TIME_LABEL = re.compile(r"^(?:sluttidspunkt|mødet afsluttet|mødet slut|mødet hævet)" + _END, re.IGNORECASE)
PLACE_LABEL = re.compile(r"^(?:sted|mødested|tidspunkt og sted|lokale|mødelokale|lokation|møde ?lokation|mødeafholdelse)" + _END,
                         re.IGNORECASE)
# A label only a meeting block has (a letter has "Dato:" too): evidence that a document
# records a meeting.
MEETING_LABEL = re.compile(
    r"^(?:deltagere|mødedeltagere|til stede|tilstede|fremmødte|afbud|fraværende|gæster|mødeforum|"
    r"mødedato|mødetidspunkt|starttidspunkt|mødested|mødelokale|referent)\b\s*:?", re.IGNORECASE)

# Words that name the document kind on a cover or in a header.
# "Dagsorden med vedtagelser" / "... med beslutninger" is the minutes: the agenda with what was decided.
_WITH_DECISIONS = r"dagsorden med (?:vedtagelser|beslutninger)"
MINUTES_WORD = re.compile(rf"\b(?:\w*referat|beslutningsprotokol|{_WITH_DECISIONS})\b", re.IGNORECASE)  # "Beslutningsreferat"
AGENDA_WORD = re.compile(r"\b(?:dagsorden)\b(?! med (?:vedtagelser|beslutninger)\b)", re.IGNORECASE)
STRATEGY_WORD = re.compile(r"\b(?:strategi|udviklingsstrategi|handleplan|politik for)\b", re.IGNORECASE)


# "(cid:127)" is how pdfminer spells a bullet glyph without a Unicode mapping.
BULLET = re.compile(r"^\s*(?:\(cid:\d+\)|[•\u2022\u25cf\u25aa\u25a0\u2013\u2014\-–·○◦o\uf0b7\uf0a7\uf0d8*]|\d{1,2}\)|[a-z]\)|at\s+\d+\))\s+",
                    re.IGNORECASE)
