"""The spaCy pipeline that finds named entities in Danish meeting text, built offline.

Why rules and gazetteers: the names that matter in municipal documents (98 municipalities,
5 regions, national bodies, parties, offers, the people on attendance lists) are public
lists or follow fixed Danish naming patterns, so `spacy.blank("da")` plus an entity ruler
fed from extractor/danish/gazetteers/ and the rules below gets them without a model
download. A statistical Danish pipeline (da_core_news_md, DaCy, or any path) can be given
with `--nlp-model`: its guesses fill the gaps, the rules take precedence.

The pipeline is one `nlp` object (`build_nlp`), saved with `nlp.to_disk` and loaded with
`spacy.load` as long as this module is imported (it registers the factory). Every span
this module makes carries an id "kind:canonical name" (`span_kind`, `span_canonical`), so
a statistical model's spans (no id) are told apart from ours.

What the rules hold to, so they work on any municipality's documents (issue 12): only names
the document prints (a party letter "(A)" names no party); a body noun alone ("Udvalget",
"Direktionen") is no name, a compound ("Byrådet", "Økonomiudvalget") is; a road is named
without its house number (as the annotated corpora do) and a first name before a road ending
is part of the road, not a person; venues
are places and institutions that are venues are both (`doc._.entity_extras` holds the
second label, and names that start inside a token); a town followed by a capitalised word
is part of a longer name; people are named where the layout says person (attendance lists,
titles, "v.", party letters), not only where the first name is known. The vocabulary is
data in extractor/danish/gazetteers/, each file with its source.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex, filter_spans

from dagsorden.extractor.danish.headings import KNOWN_SECTION
from dagsorden.extractor.danish.lexicon import lexicon
from dagsorden.extractor.facts.people import TITLE_SUFFIX

__all__ = [
    "GAZETTEER_DIR", "RULES_FACTORY", "GAZETTEER_PIPE", "Gazetteers", "load_gazetteers",
    "gazetteer_patterns", "build_nlp", "get_nlp", "span_kind", "span_canonical", "Alias",
]

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "danish" / "gazetteers"
RULES_FACTORY = "dagsorden_entity_rules_v1"
GAZETTEER_PIPE = "dagsorden_gazetteer"
# The pipe that assigns sentence starts when the loaded model has no parser or senter.
SENTENCIZER_PIPE = "sentencizer"

# Letters of Danish words, for word boundaries (\b treats "Ø" right, but hyphens and
# apostrophes also glue words together here).
L = "A-Za-zÆØÅæøåÉéÈèÜüÖöÄäÁáÍíÇçŞşĞğİıŁłŃńŚśŹźŻżÓóÑñ"
UPPER = "A-ZÆØÅÉÜÖÄÇŞİŁŚŹŻÓÑ"
NOT_IN_WORD = rf"(?![{L}0-9-])(?!['’][{L}0-9])"  # "Rådhus' foyer": an apostrophe genitive ends the word
NOT_AFTER_WORD = rf"(?<![{L}0-9'’-])"
CAP_WORD = rf"[{UPPER}][{L}]+(?:-[{UPPER}][{L}]+)?{NOT_IN_WORD}"
# The abbreviated first word of a place name: Gammel, Sønder, Nørre, Nordre, Store, Lille,
# Vester, Øster, Sankt ("Gl. Rye", "Sdr. Omme", "Skt. Klemens"). Source: Retskrivningsordbogen.
PLACE_PREFIX = r"(?:(?:Gl|Sdr|Nr|Ndr|St|Ll|Vr|Øst|Skt|Sct)\.[ \t]+)?"
# "i Kliplev", "ved Hvidåen": a preposition of place after a lower-case word, then a name.
# After a house number too ("Idrætsvej 6 i Harndrup"), a compass direction ("nord for Hoven"),
# "gennem Kærum".
LOCATIVE = re.compile(rf"(?:(?<=[a-zæøå0-9,] )|(?<=ApS )|(?<=A/S )|(?<=I/S ))(?P<prep>i|ved|på|nær|omkring|mellem|gennem|fra|til|"
                      rf"(?:nord|syd|øst|vest)(?:øst|vest)?[ \t]+for)[ \t]+"
                      rf"(?P<place>{PLACE_PREFIX}{CAP_WORD}(?:[ \t]+{CAP_WORD})?)")
# "konsulent fra", "projektleder fra": a person's employer follows, not a place.
WORKS_FOR = re.compile(r"(?:ent|ør|chef|leder|medarbejder|repræsentant|rådgiver|formand|ansat|"
                       r"sekretær|referent|medlem)[ \t]+$")
# The next place of a list after a locative: ", Dannemare", " og Stokkemarke" (the last).
PLACE_CONJUNCT = re.compile(rf"(?:,|[ \t]+(?P<last>og|eller))[ \t]+"
                            rf"(?P<place>{PLACE_PREFIX}{CAP_WORD}(?:[ \t]+{CAP_WORD})?)")
# A definite noun names a place only with a word of the landscape or the town in it
# ("Hvidåen", "Havnen", "Strandpromenaden"); "Styringsaftalen", "Tilbudsportalen" are documents.
PLACE_NOUN = re.compile(r"(?:å|havn|skov|sø|strand|bakke|mark|toft|vang|dal|holm|vig|by|park|plads|eng|"
                        r"promenad|gad|kaj|mos|hed|lund|gård)en$", re.IGNORECASE)
# The legal forms of Danish (and neighbouring) companies: a name before one is a company.
LEGAL_FORM = (r"(?:A/S|ApS|I/S|K/S|P/S|IVS|A\.m\.b\.a\.|a\.m\.b\.a\.|AMBA|F\.m\.b\.a\.|e\.V\.|GmbH|"
              r"(?:Statsautoriseret[ \t]+)?Revisionspartnerselskab|Partnerselskab)")
LEGAL_FORM_WORD = re.compile(LEGAL_FORM)
LEGAL_FORM_NEXT = re.compile(rf"[ \t]*(?:&[ \t]+\S+[ \t]+)?{LEGAL_FORM}(?![{L}0-9/])")  # "Hansen & Søn ApS"
# "Bygherren", "Rådgiverne": a common noun in the definite form that presents the company.
DEFINITE_NOUN = re.compile(r"(?:erne|ene|ren)$")
# A word of a company's name: no legal form (that ends one name: "Fisk ApS og Trawl I/S"); a
# trade pair ("Tømrer- og Snedkerforretning"); "og" before the last word ("Jord og Beton A/S";
# kept only after a dictionary noun, see _companies); a single capital ("Stige Ø Boligudvikling").
NAME_CAP = rf"(?!{LEGAL_FORM}(?![{L}0-9/])){CAP_WORD}"
TRADE_PAIR = rf"[{UPPER}][{L}]+-[ \t]+(?:og|eller)[ \t]+{CAP_WORD}"
COMPANY_WORD = (rf"(?:{NAME_CAP}|&|Co\.|[0-9]+|{TRADE_PAIR}|[{UPPER}]{NOT_IN_WORD}(?![.])"
                rf"|og[ \t]+{NAME_CAP}(?=[ \t]+{LEGAL_FORM}(?![{L}0-9/])))")
COMPANY = re.compile(
    rf"{NOT_AFTER_WORD}(?P<name>(?:{NAME_CAP}|Brdr\.|[{UPPER}]\.|{TRADE_PAIR})(?:[ \t]+{COMPANY_WORD})*)[ \t]+"
    rf"(?P<form>{LEGAL_FORM})(?![{L}0-9/])")
# A word of a person's name: "Aarup-Kristensen", "Chr.", "von".
NAME_WORD = rf"(?:[{UPPER}][a-zæøå]{{0,3}}\.|{CAP_WORD}|[Vv]on{NOT_IN_WORD}|van{NOT_IN_WORD}|de{NOT_IN_WORD})"
NAME_RUN = re.compile(rf"{NOT_AFTER_WORD}{NAME_WORD}(?:[ \t]+{NAME_WORD})*")
MAX_NAME_WORDS = 5
# "Name (A)", "Name, (A)", "Name ()": a party letter (or an empty party bracket) after a name.
PARTY_AFTER = re.compile(rf"^,?[ \t]*\((?P<letter>[{UPPER}]{{0,2}})\)")
# "Vibeke Nørrelund, Harridslev, til ...", "Birgit Lund, Frørup: Spørgsmål om ...": after a
# person's name and a comma, one capitalised word set off by a comma or colon is where they live.
RESIDENCE = re.compile(rf",[ \t]+(?P<place>{CAP_WORD})(?=[ \t]*[,:])")
# "landsbyen Kikhavn", "venskabsbyen Askim", "øen Endelave": a town, island or parish named
# after the noun that says what it is.
APPOSITIVE_PLACE = re.compile(rf"{NOT_AFTER_WORD}(?:[a-zæøå]*byen|bydelen|halvøen|øen|sognet|købstaden)[ \t]+"
                              rf"(?P<place>{CAP_WORD})")
# What may stand before a title's first word on its line: a bullet, a number, "Lukket -",
# "Bilag 3:"; a sentence's end before a sentence's first word; a number or "I alt" before a
# table row's first cell, where a table is read as running text.
TITLE_OPENING = re.compile(r"(?:(?:^|\n)[ \t]*(?:(?:[-–•·*]|\d{1,3}[.)]?|[Bb]ilag[ \t]*\d*|Lukket|Åben|Åbent)"
                           r"[ \t]*[-–:.]?[ \t]*)*|[.!?][ \t]+|(?<!\w)(?:Åben|Åbent|Lukket)/(?:Åben|Åbent|Lukket)[ \t]+|\d[ \t]+|(?<!\w)I[ \t]+alt[ \t]+)$")
# An item's or attachment's open/closed mark: it opens no name, but a title ("Lukket Skitseprojekt
# Eskilstrup Multihus").
STATUS_WORD = re.compile(r"(?:Åben|Åbent|Lukket)[ \t]+(?=[A-ZÆØÅ])")
# Adjectives that open place and firm names ("Gammel Kongevej", "Nørre Allé", "Dansk Byggeri").
PLACE_ADJECTIVES = {"gammel", "gamle", "ny", "nye", "stor", "store", "lille", "små", "nørre", "sønder", "vester",
                    "øster", "nordre", "søndre", "vestre", "østre", "øvre", "nedre", "sankt", "dansk", "danske",
                    "nordisk", "nordiske", "skandinavisk", "skandinaviske", "kongelige", "grønne", "hvide", "røde"}
FILE_EXTENSION = r"\.(?:pdf|PDF|docx?|DOCX?|xlsx?|XLSX?|pptx?|msg|jpe?g|png|zip)$"
# "Ansager Byg ApS.", "med DBU.": a sentence's full stop after a word ending in a capital is no
# part of it ("A.P." and "Chr." keep theirs: a point or a small letter before the last letter).
CAPITAL_FULL_STOP = r"(?:(?<=[a-zæøå/][A-ZÆØÅ])|(?<=[A-ZÆØÅ]{2}))\.$"
# A span with this label wins over shorter ones and is then dropped: "Roskilde Festival" is not
# the town Roskilde, even where nothing says what it is.
SUPPRESS = "SUPPRESS"
# "v. Birthe Malling", "v/ Jens Hansen": a presenter.
PRESENTER = re.compile(r"^(?:v\.|v/)$")
HOUSE_NUMBER = rf"[ \t]+\d{{1,3}}[A-Z]?(?![\d,.]\d)(?![{L}0-9])"
# Words that end a name run: structure words and the heads of place and organisation names.
NAME_STOP = {"punkt", "bilag", "kommune", "kommunes", "region", "regions", "vej", "gade", "allé",
             "plads", "torv", "boulevard", "kl", "afbud", "deltagere", "gæster", "sted", "tid"}
# The town after an address's house number and a comma, closing the clause: "Bakkevej 21,
# Svanninge.", "Skolevej 14, Lemming" (not "Torvet 2, Mødelokale 3").
ADDRESS_TOWN = re.compile(rf"{HOUSE_NUMBER}(?:[ \t]*[-–][ \t]*\d{{1,3}}[A-Z]?)?,[ \t]+"
                          rf"(?P<town>{PLACE_PREFIX}{CAP_WORD}(?:[ \t]+{CAP_WORD})?)(?=[ \t]*(?:[.,;:)]|$))", re.MULTILINE)
# A postcode opens a line or follows a comma: "9220 Aalborg Ø", "Vej 30, 9220 Aalborg".
POSTCODE_TOWN = re.compile(
    rf"(?:^|,[ \t]*|[ \t]{{2,}})[1-9]\d{{3}}[ \t]+(?P<town>{CAP_WORD}(?:[ \t]+(?:Ø|V|C|N|S|K|SV|SØ|NV|NØ)(?![{L}]))?)",
    re.MULTILINE)
ACRONYM = re.compile(
    rf"{NOT_AFTER_WORD}(?P<acr>[{UPPER}]{{2,7}}|[{UPPER}]+[a-zæøå]+[{UPPER}][{L}]*|[{UPPER}]{{2,}}[a-zæøå]+)"
    rf"(?P<gen>['’]s)?{NOT_IN_WORD}")
ROMAN = re.compile(r"^[IVXLC]+$")
# What a document calls itself, printed after a body's name in a header line
DOCUMENT_KIND_WORDS = {"Referat", "Dagsorden", "Beslutningsprotokol", "Protokol", "Beslutningsreferat", "Mødereferat"}
# "DH-repræsentant": the acronym of the body a representative (member, chair) comes from.
REPRESENTED = re.compile(
    rf"{NOT_AFTER_WORD}(?P<acr>[{UPPER}]{{2,6}})-(?:repræsentant|medlem|formand|næstformand)(?:en|er|erne)?{NOT_IN_WORD}")
# A line of an attendance list: an optional bullet, a name run, then a role, organisation or
# party after a comma or bracket, or nothing.
LIST_LINE = re.compile(
    rf"^[ \t]*(?:(?:[-–•·\uf0b7*]|\(cid:\d+\))[ \t]+)?(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,5}})[ \t]*"
    rf"(?P<rest>,.*|\([^)\n]*\)[ \t]*[.,]?[ \t]*(?:,.*)?|[-–][ \t].*|)$")
# After "Name, ": a capitalised phrase up to the end of the line or a bracket.
ORG_AFTER_NAME = re.compile(
    rf"^,[ \t]*(?P<org>[{UPPER}][{L}-]*(?:[ \t]+(?:[{UPPER}][{L}-]*|og|for|i)){{0,4}})[ \t]*(?:\(.*)?$")
# "Vojens Kommune" (a municipality before the 2007 reform), or one the gazetteer lacks.
MUNICIPALITY_NAME = re.compile(
    rf"{NOT_AFTER_WORD}(?P<town>{CAP_WORD})[ \t]+(?P<head>Kommune|Amtskommune|Amt)(?:s)?{NOT_IN_WORD}")
# "Teknisk Forvaltning": a capitalised adjective and a capitalised body noun.
ADJECTIVE_BODY = re.compile(
    rf"{NOT_AFTER_WORD}[{UPPER}][a-zæøå]+(?:isk|sk|ig|lig)e?[ \t]+(?:Forvaltning|Afdeling|Udvalg|Råd|Sekretariat|Stab){NOT_IN_WORD}")
# "Esrum Sø", "Benløse Bæk", "Gistrup Bakker", "Avedøre Holme": a name whose last word is a
# capitalised noun of landscape or water (in lower case it would be the common noun).
NATURE_WORDS = ("Å|Sø|Bæk|Mose|Skov|Fjord|Bakker|Bakke|Hede|Enge|Kær|Strand|Dal|Ådal|Vig|Bugt|Sund|Holme|Brygge|Søpark|"
                "Klit|Klitter|Klitplantage|Plantage|Hegn|Tange|Nor|Odde|Fyr|Sluse|Mølle|Stejlkyst|Skovbakker|"
                # villages, hamlets, castles, gates, piers and parks by their town or owner
                "Landsby|Kirkeby|Nordby|Sønderby|Vesterby|Østerby|Fiskerleje|Slot|Port|Mole|Park")
NATURE_NAME = re.compile(rf"{NOT_AFTER_WORD}(?P<name>(?:{CAP_WORD}[ \t]+)?{CAP_WORD}[ \t]+(?:{NATURE_WORDS})){NOT_IN_WORD}")
# A town's park, lake, wood or beach named by a compound: "Amager Strandpark", "Silkeborg
# Langsø", "Ølgod Erhvervspark" (the town must be a known one).
TOWN_NATURE = re.compile(rf"{NOT_AFTER_WORD}(?P<town>{CAP_WORD})[ \t]+(?P<name>[{UPPER}][a-zæøå]{{2,}}"
                         rf"(?:park|sø|skov|strand|plantage)){NOT_IN_WORD}")
# "Olsbækken", "Nørreå", "Østerådalen", "Himmelbjerget", "Vestkysten", "Søhøjlandet" in mid-sentence: a
# compound ending in a water, valley, hill, coast or land noun; a farm ("Tranderupgård", "Bakkegården";
# a surname is spelt -gaard, or stands after a first name in a longer span).
NATURE_COMPOUND = re.compile(rf"(?<=[a-zæøå,] )(?P<name>[{UPPER}][a-zæøå]{{2,}}(?:å|åen|bæk|bækken|søen|mosen|ådal|ådalen|"
                             rf"dalen|fjorden|bjerget|kysten|landet|sletten|skoven|stranden|hegnet|gård|gården)){NOT_IN_WORD}")
# "Statens Institut for Folkesundhed", "Dansk Center for Vildlaks", "Det Nationale Center for
# Miljø og Energi": the state's or the nation's word opens the name of an institute or centre.
NATIONAL_PREFIX = (rf"(?:(?:[Dd]e[nt][ \t]+[{UPPER}][a-zæøå]+e|Statens|Dansk|Danske|Nordisk|Nordiske|Nationalt)"
                   rf"[ \t]+(?=[{UPPER}]))?")
# A club or association by one of its words: its name may end in its founding year ("... af
# 1925", "Boldklubben Tarup-Paarup af 1968").
_CLUB_WORDS = r"klub|klubben|forening|foreningen|laug"
CLUB_NAME = re.compile(rf"(?:{_CLUB_WORDS}|club|BK|IF|selskab)(?=\s|$)", re.IGNORECASE)
# An association, club or council whose name ends in its place: "Kvindenetværket i Lundtofte",
# "Foreningen Musikvenner på Fyn", "Handicapidrættens Fællesråd i Gladsaxe".
CLUB_OR_BODY = re.compile(rf"(?:{_CLUB_WORDS}|spejderne|netværket|rådet|råd|organisation|"
                          r"fællesskab|venner|lauget|Foreningen|Fonden)(?=\s|$)")
# "Lokalrådet for Frederiksberg Nord", "Naboforum ved Københavns Lufthavn", "Skolen på
# Nyelandsvej": a council, forum, network, club or school named by the place it serves or stands.
LOCAL_BODY = re.compile(r"(?i:rådet|råd|forum|forummet|netværket|spejderne|museerne|klubben|foreningen|lauget)$")
LOCAL_SCHOOL = re.compile(r"(?i:skolen|huset)$")  # only "ved"/"på" a place: "Naturskolen ved Søndersø"
# "fra Skolen ved Søerne", "Huset på Torvet", "Spejderne i Løjt Kirkeby", "KFUM-Spejderne i
# Randers", "Museerne i Fredericia": the kind alone, capitalised in mid-sentence and named by
# its place (a school or house is the place too).
BARE_LOCAL_BODY = re.compile(rf"{NOT_AFTER_WORD}(?:[{UPPER}]{{2,}}-)?(?P<kind>Skolen|Huset|Spejderne|Museerne|Klubben|Lauget){NOT_IN_WORD}")
# A town's venue named by two activities: "Ålbæk Idræts- og Kulturcenter", "Kulhuse Kultur- og
# Medborgerhus" (a centre or house; not two names joined: "Virklund Skole og Børnehuset ...").
VENUE_PAIR = re.compile(rf"{NOT_AFTER_WORD}(?P<place>{CAP_WORD})[ \t]+(?P<kind>[{UPPER}][{L}]*-[ \t]+(?:og|&)[ \t]+"
                        rf"[{UPPER}][{L}]*(?:center|hus)){NOT_IN_WORD}")
LOCAL_AFTER = re.compile(rf"[ \t]+(?P<prep>i|på|ved|for)[ \t]+(?=[{UPPER}])")
OWN_COUNCIL = re.compile(r"(?i:byråd|regionsråd|kommunalbestyrelse)")  # "Byrådet i Guldborgsund": the council, in its town
LOCAL_PLACE_KINDS = {"venue", "place", "town", "locative", "street", "nature"}
# What follows a branch set off by a comma ("Miljøstyrelsen, Aalborg, har ..."): a verb or "og".
BRANCH_FOLLOWERS = {"og", "har", "er", "var", "peger", "mener", "ønsker", "foreslår", "vil", "kan", "skal",
                    "finder", "anbefaler", "oplyser", "gør", "bemærker", "henviser"}
# Names that a following town does not make a local branch of ("Aalborg Kommune Aalborg").
NOT_BRANCHED = {"municipality", "committee", "body", "person", "party", "town", "place", "acronym", "model"}
# "Teknik og Miljø indstiller", "Kultur, Unge og Fritid foreslår": an administration named by
# its fields, as the subject that opens a line or sentence and makes a case's proposal.
DEPARTMENT = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?:] ))(?P<name>[{UPPER}][a-zæøå]+(?:,[ \t]+[{UPPER}][a-zæøå]+)*[ \t]+og[ \t]+[{UPPER}][a-zæøå]+)"
    rf"[ \t]+(?=(?:indstiller|foreslår|anbefaler|vurderer|oplyser|orienterer|bemærker)\b)")
# "siden Vej og Park flyttede", "godkendt af Natur og Miljø", "Teknik & Miljø indstiller": an
# administration named by its fields anywhere in running text; Danish capitalises no common
# noun, so dictionary words capitalised on both sides of "og" are a name (checked in code).
FIELDS_NAME = re.compile(  # overlapping: "Svendborg Kommune, Natur og Miljø" holds "Natur og Miljø"
    rf"{NOT_AFTER_WORD}(?=(?P<name>[{UPPER}][a-zæøå]+(?:,[ \t]+[{UPPER}][a-zæøå]+)*[ \t]+(?:og|&)[ \t]+"
    rf"[{UPPER}][a-zæøå]+){NOT_IN_WORD}(?![ \t]+[{UPPER}0-9]))")
DEFINITE_ENDING = re.compile(r"(?:en|et|ne)$")  # "Biblioteket og Borgerservice": a thing, then a name
# "Økonomiudvalg og Byråd": two bodies joined, not an administration's fields
BODY_ENDING = re.compile(r"(?:udvalg|råd|nævn|kommission|bestyrelse|forvaltning|direktion|sekretariat)(?:et|en)?$",
                         re.IGNORECASE)
# "til Økonomiudvalg", "det kommende Teknik- og Miljøudvalg", "ØK=Økonomiudvalg": a committee
# named in the indefinite form, capitalised as a name (a council so named, "Handicapråd den 19.
# april 2022", is as often a meeting's or a document's title)
INDEFINITE_BODY = re.compile(
    rf"{NOT_AFTER_WORD}(?P<name>(?:[{UPPER}][a-zæøå]+-(?:,[ \t]+[{UPPER}][a-zæøå]+-)*[ \t]+og[ \t]+)?"
    rf"[{UPPER}][a-zæøå]+udvalg){NOT_IN_WORD}")
# A place that acts is a body too: "Hundested Havn ønsker ...", "at X Havn indgår ...", "som X
# Havn lejer", "Møns Turistforening og X Havn har søgt", "Ansøgning fra X Havn", "finansieres af
# X Havn". Not "Taarbæk Havn er fra 1930'erne" (described) or "Brugerne af X Havn har" (the users act).
ACTOR_VERB = (r"(?:ønsker|ønskede|har|havde|søger|søgte|lejer|udlejer|indgår|vil|skal|kan|ejer|oplyser|driver|"
              r"betaler|bidrager|tilbyder|afholder|anbefaler|foreslår)")
ACTS_AFTER = re.compile(rf"^(?:[ \t]+og(?:[ \t]+[{UPPER}][{L}]+)+)?[ \t]+{ACTOR_VERB}\b")
SUBJECT_BEFORE = re.compile(rf"(?:^|[.!?:]\s+|\n\s*|\b(?:at|som)\s+|[{UPPER}][{L}]+\s+og\s+)$")
AGENT_BEFORE = re.compile(rf"(?:(?<![0-9]\s)(?<!\bkm\s)(?<!\bmeter\s)\bfra|\b[{L}]+es\s+af)\s+$")


def acts(text: str, start: int, end: int) -> bool:
    """Whether the name between start and end is the subject of an acting verb or its agent."""
    before = text[max(0, start - 60):start]
    return bool((SUBJECT_BEFORE.search(before) and ACTS_AFTER.match(text[end:end + 80]))
                or AGENT_BEFORE.search(before))


# "- Fremdrift, Aalborg Kommune": a list entry naming an offer and its operator.
# "Den Administrative Styregruppe", "det Faglige Råd": an article, capitalised definite
# adjectives (ending -e) and a capitalised noun make the name of a body.
ARTICLE_NAME = re.compile(
    rf"{NOT_AFTER_WORD}[Dd]e[nt][ \t]+(?:[{UPPER}][a-zæøå]+e[ \t]+){{1,2}}{CAP_WORD}")
OFFER_ENTRY = re.compile(
    rf"^[ \t]*(?:[-–•·\uf0b7*][ \t]+)?(?P<name>[{UPPER}][^,\n():]{{1,40}}?)(?:[ \t]*\([^)\n]*\))?,[ \t]+"
    rf"(?P<owner>{CAP_WORD}[ \t]+(?:Kommune|Regionskommune)|Region[ \t]+{CAP_WORD})[ \t]*:?[ \t]*$",
    re.MULTILINE)


@dataclass(frozen=True)
class Alias:
    """A name learned in one place of a document that also names the entity elsewhere in it."""

    text: str
    label: str
    kind: str
    canonical: str


@dataclass(frozen=True)
class Gazetteers:
    """The data files of extractor/danish/gazetteers/, read once."""

    patterns: tuple[dict, ...]
    first_names: frozenset[str]
    org_heads: tuple[tuple[str, tuple[str, ...], str, bool], ...]  # head, endings, kind, lowercase ok
    institution_words: tuple[tuple[str, str, str, str], ...]  # word, where the name is, label, head
    sectors: frozenset[str]
    non_org_acronyms: frozenset[str]
    parties: dict[str, str] = field(default_factory=dict)  # letter -> party name
    stop_names: frozenset[str] = frozenset()  # lower-case place/organisation words
    generic_words: tuple[str, ...] = ()  # word endings of common nouns that look like names
    places: tuple[str, ...] = ()  # names of towns, areas and countries (LOC)
    countries: tuple[str, ...] = ()  # "Sverige", "Polen": a town abroad is named "X i Polen"
    acronyms: tuple[str, ...] = ()  # upper-case names of national bodies ("DH", "KL")
    place_words: frozenset[str] = frozenset()  # "Syd", "By", "Strand": a part of a town
    street_suffixes: tuple[str, ...] = ()  # "vej", "gade", ...
    street_heads: tuple[str, ...] = ()  # "Vej", "Plads", ... as a word of their own
    street_leads: tuple[str, ...] = ()  # "Ved": a road name may start so
    not_streets: frozenset[str] = frozenset()  # "Bilag", "Mødelokale": a number after them is no address
    roles: frozenset[str] = frozenset()  # "embedsmand", "sekretær": a role after a name
    attendance_labels: tuple[str, ...] = ()  # "Til stede", "Afbud": a list of people follows


def read_rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file; lines starting with # are comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def genitive(name: str) -> str:
    """Danish genitive of a name: "Aalborg Kommunes", "KL's"; nothing added after s/x/z."""
    if name[-1:].lower() in "sxz":
        return name
    if name.isupper():
        return name + "'s"
    return name + "s"


def name_variants(name: str) -> list[str]:
    """The forms a gazetteer name is printed in: itself and its genitive (plus "’s"), each
    also broken over two lines ("Kolding\nKommune": a line break is a token of its own)."""
    forms = [name, genitive(name)]
    if name.isupper():
        forms += [name + "’s", name + "s"]  # "KL’s", and "FNs" as often as "FN's"
    broken = [f"{form[:m.start()]}\n{form[m.end():]}" for form in forms for m in re.finditer(" ", form)]
    return list(dict.fromkeys(forms + broken))


def municipality_forms(name: str) -> list[str]:
    """"Vesthimmerlands Kommune" is also printed "Vesthimmerland Kommune" and the other way round."""
    base, _, head = name.rpartition(" ")
    forms = [name]
    forms.append(f"{base[:-1]} {head}" if base.endswith("s") else f"{base}s {head}")
    return forms


@lru_cache(maxsize=4)
def load_gazetteers(directory: Path = GAZETTEER_DIR) -> Gazetteers:
    patterns: list[dict] = []
    stop_names: set[str] = set()
    places: list[str] = []

    def add(label: str, kind: str, canonical: str, forms: Iterable[str]) -> None:
        if label == "LOC":
            places.extend(forms)
        for form in forms:
            for variant in name_variants(form):
                patterns.append({"label": label, "pattern": variant, "id": f"{kind}:{canonical}"})

    for name, _region in read_rows(directory / "municipalities.tsv"):
        add("ORG", "municipality", name, municipality_forms(name))
        place = name.rsplit(" ", 1)[0]
        add("LOC", "place", place, [place])
        stop_names.add(place.lower())
    for name, area in read_rows(directory / "regions.tsv"):
        add("ORG", "region", name, [name])
        add("LOC", "area", area, [area])
    for row in read_rows(directory / "bodies.tsv"):
        name, kind, aliases = row[0], row[1], (row[2].split("|") if len(row) > 2 else [])
        add("ORG", kind, name, [name, *aliases])
    parties: dict[str, str] = {}
    for row in read_rows(directory / "parties.tsv"):
        letter, name, aliases = row[0], row[1], (row[2].split("|") if len(row) > 2 else [])
        parties[letter] = name
        add("ORG", "party", name, [name, *aliases])
    place_rows = read_rows(directory / "places.tsv")
    for name, kind in place_rows:
        add("LOC", kind, name, [name])
        if kind == "venue":
            places.remove(name)
    heads = tuple(
        (head, tuple(endings.split("|")), kind, lowercase == "yes")
        for head, endings, kind, lowercase in read_rows(directory / "org_heads.tsv")
    )
    words = tuple((row[0], row[1], row[2], row[3] if len(row) > 3 else "kept")
                  for row in read_rows(directory / "institution_words.tsv"))
    streets = read_rows(directory / "streets.tsv")

    def word_list(name: str) -> frozenset[str]:
        return frozenset(row[0] for row in read_rows(directory / name))

    return Gazetteers(
        patterns=tuple(patterns), first_names=word_list("first_names.txt"), org_heads=heads,
        institution_words=words, sectors=word_list("sectors.txt"),
        non_org_acronyms=word_list("non_org_acronyms.txt"), parties=parties,
        stop_names=frozenset(stop_names),
        generic_words=tuple(sorted(word_list("generic_org_words.txt"))),
        places=tuple(sorted(set(places), key=len, reverse=True)),
        countries=tuple(name for name, kind in place_rows if kind == "country"),
        acronyms=tuple(sorted({p["pattern"] for p in patterns if p["label"] == "ORG"
                               and re.fullmatch(r"[A-ZÆØÅ]{2,6}", p["pattern"])}, key=len, reverse=True)),
        place_words=word_list("place_words.txt"),
        street_suffixes=tuple(sorted((w for k, w in streets if k == "suffix"), key=len, reverse=True)),
        street_heads=tuple(w for k, w in streets if k == "head"),
        street_leads=tuple(w for k, w in streets if k == "lead"),
        not_streets=frozenset(w for k, w in streets if k == "not"),
        roles=word_list("roles.txt"),
        attendance_labels=tuple(word_list("attendance_labels.txt")),
    )


def gazetteer_patterns(gazetteers: Gazetteers | None = None) -> list[dict]:
    """Entity-ruler phrase patterns ({"label", "pattern", "id"}) from the data files."""
    return list((gazetteers or load_gazetteers()).patterns)


def abbreviates(acronym: str, long: str) -> bool:
    """"DH" of "Danske Handicaporganisationer", "NEKST" of "Den Nationale Energikrisestab":
    the acronym's first letter starts a word of the long name and the rest follow in order."""
    folded = long.casefold()
    for start in (m.start() for m in re.finditer(r"\b\w", folded)):
        if folded[start] != acronym[0].casefold():
            continue
        pos = start + 1
        for letter in acronym[1:].casefold():
            pos = folded.find(letter, pos) + 1
            if pos == 0:
                break
        else:
            return True
    return False


def span_kind(span: Span) -> str:
    """"municipality", "person", "offer", ...; "model" for a statistical model's guess."""
    kind, sep, _ = (span.id_ or span.ent_id_).partition(":")
    return kind if sep else "model"


def span_canonical(span: Span) -> str:
    _, sep, canonical = (span.id_ or span.ent_id_).partition(":")
    return canonical if sep else " ".join(span.text.split())


# -- the rules component ------------------------------------------------------------------

if not Doc.has_extension("entity_aliases"):
    Doc.set_extension("entity_aliases", default=None)
if not Doc.has_extension("entity_extras"):
    # (start_char, end_char, label, id) of a second label on a chosen span: "Nexø Hallen" is
    # the institution (ORG, in doc.ents) and the place (LOC, here); doc.ents cannot overlap.
    Doc.set_extension("entity_extras", default=None)


@Language.factory(RULES_FACTORY, assigns=["doc.ents"], default_config={})
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules(load_gazetteers(), nlp.Defaults.stop_words)


Candidate = tuple[int, int, str, str]  # start, end, label ("ORG", "LOC", "ORG+LOC", ...), id


class EntityRules:
    """Persons, institutions, venues, acronyms, streets and towns found by Danish naming rules.

    Runs after the gazetteer ruler: gazetteer spans win over rule spans where they
    overlap unless a rule span is longer ("Forretningsudvalget for Den Administrative
    Styregruppe"), and both win over a statistical model's spans.
    """

    def __init__(self, gazetteers: Gazetteers, stop_words: Iterable[str]) -> None:
        self.g = gazetteers
        self.stop_words = frozenset(stop_words)
        self.heads = self._head_regex()
        self.institution_patterns = self._institution_regexes()
        self.street, self.address = self._street_regexes()
        self.place_names = frozenset(self.g.places)
        self.common = lexicon()
        self.town_abroad = re.compile(
            rf"{NOT_AFTER_WORD}(?P<town>{CAP_WORD}(?:[ \t]+{CAP_WORD})?)[ \t]+i[ \t]+"
            rf"(?:{'|'.join(map(re.escape, self.g.countries))}){NOT_IN_WORD}")
        self.place_run = re.compile(
            rf"{NOT_AFTER_WORD}(?P<place>{'|'.join(map(re.escape, self.g.places))})s?"
            rf"(?P<rest>(?:[ \t]+(?!(?:Kommune|Kommunes|Regionskommune|Region)\b){CAP_WORD}){{1,2}})")
        # "DH Albertslund", "DGI Nordjylland": a national body's local branch
        self.branch = re.compile(
            rf"{NOT_AFTER_WORD}(?:{'|'.join(map(re.escape, self.g.acronyms)) or '(?!)'})[ \t]+"
            rf"(?:{'|'.join(map(re.escape, self.g.places))}){NOT_IN_WORD}")
        self.named_body = re.compile(
            rf"{NOT_AFTER_WORD}(?P<name>(?:(?:{CAP_WORD}|[{UPPER}][a-zæøå]{{1,3}}\.)[ \t]+){{1,3}}"
            rf"[{UPPER}][{L}]*(?:udvalg|råd|nævn|kommission)){NOT_IN_WORD}")
        self.attendance = re.compile(
            rf"(?:^|(?<=[\s.]))(?:{'|'.join(map(re.escape, self.g.attendance_labels))})[ \t]*:[ \t]*"
            rf"(?P<list>[^\n:]*)", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        aliases: list[Alias] = []
        found: list[Span] = []
        dual: dict[tuple[int, int, str], str] = {}
        ours = [e for e in doc.ents if e.ent_id_]
        model = [e for e in doc.ents if not e.ent_id_]
        known = [(e.start_char, e.end_char) for e in ours]
        extras: list[tuple[int, int, str, str]] = []
        for start, end, label, ident in self._before_persons(text, list(self._candidates(text, aliases, known))):
            first, _, second = label.partition("+")
            if not first:
                extras.append((start, end, second, ident))  # part of a token: "DH" of "DH-repræsentant"
                continue
            span = doc.char_span(start, end, label=first, alignment_mode="expand")
            if span is not None and span.start_char != start and label in ("ORG", "LOC"):
                # "1.Boligselskabet Sydjylland": the name starts inside a token
                extras.append((start, end, label, ident))
                continue
            if span is not None and len(span):
                found.append(Span(doc, span.start, span.end, label=first, span_id=ident))
                if second:
                    dual[(span.start, span.end, ident)] = second
        # A name starting inside a token ("1.Boligselskabet Sydjylland") is kept as an extra; the
        # shorter names within it ("Sydjylland") are no names of their own.
        inner = [(start, end) for start, end, label, ident in extras if not ident.startswith("acronym:")]
        ours = [e for e in ours if not any(s <= e.start_char and e.end_char <= end for s, end in inner)]
        # Longest first; among equals, the gazetteer's (listed first) wins.
        chosen = [s for s in filter_spans(ours + found) if s.label_ != SUPPRESS]
        taken = {i for span in chosen for i in range(span.start, span.end)}
        chosen += [e for e in model if not taken & set(range(e.start, e.end))]
        doc.ents = self._with_founding_years(doc, self._with_local_names(doc, self._with_branches(
            doc, self._with_sectors(doc, sorted(chosen, key=lambda s: s.start))), dual, extras))
        doc._.entity_aliases = aliases
        doc._.entity_extras = [(s.start_char, s.end_char, dual[(s.start, s.end, s.id_)], s.id_)
                               for s in doc.ents if (s.start, s.end, s.id_) in dual]
        for extra in extras:
            inside = any(s.start_char <= extra[0] and extra[1] <= s.end_char and s.label_ == extra[2]
                         for s in doc.ents)
            if not inside:
                doc._.entity_extras.append(extra)
        return doc

    @staticmethod
    def _before_persons(text: str, candidates: list[Candidate]) -> list[Candidate]:
        """"Grundejerforeningen Rindby Klit Hanne Skaarup, ...", "... Grøndal Nord Borgmester
        Rikke Damsgaard": a list flattened onto one line runs a name into the next person's;
        the name ends before the person and the person's title."""
        persons = [(start, end) for start, end, label, _ in candidates if label == "PER"]
        out = []
        for start, end, label, ident in candidates:
            if label != "PER" and ":" in ident:
                # "Byrådsstue Ivar Huitfeldt": a room named after a person is named by more than its kind word
                inside = [p_start for p_start, p_end in persons
                          if start < p_start < end <= p_end and len(text[start:p_start].split()) > 1]
                after = any(p_start >= end and not text[end:p_start].strip() for p_start, _ in persons)
                cut = min(inside, default=end)
                words = text[start:cut].split()
                if (inside or after) and len(words) > 2 and words[-1][:1].isupper() and TITLE_SUFFIX.search(words[-1]):
                    cut = start + text[start:cut].rindex(words[-2]) + len(words[-2])  # "... Nord Borgmester"
                if cut < end:
                    cut = len(text[:cut].rstrip(" \t\n,"))
                    end, ident = cut, f"{ident.partition(':')[0]}:{' '.join(text[start:cut].split())}"
            out.append((start, end, label, ident))
        return out

    def _candidates(self, text: str, aliases: list[Alias], known: list[tuple[int, int]]) -> Iterator[Candidate]:
        """Candidates in order of precedence among spans of equal length."""
        for start, end, label, ident in self._raw_candidates(text, aliases, known):
            if label in ("ORG", "LOC", "ORG+LOC", "LOC+ORG") and (trimmed := self._after_title_word(text, start, end)) > start:
                start, ident = trimmed, f"{ident.partition(':')[0]}:{' '.join(text[trimmed:end].split())}"
            yield start, end, label, ident

    def _after_title_word(self, text: str, start: int, end: int) -> int:
        """Where a name starts once a title's or sentence's first word is left out: "Præsentation
        Nordbus Trafik A/S", "Cykelsti Snoghøj Landevej" in a list of attachments or a budget
        table. The word is a dictionary noun capitalised only by its place; what remains must hold
        a word in no dictionary ("Anlæg ApS" keeps its "Stilling"), and adjectives of place names
        ("Gammel Kongevej", "Danske Bank") and kind words ("Kulturhuset Bagsværd") stay."""
        opening = start
        if (status := STATUS_WORD.match(text, start, end)) and len(text[status.end():end].split()) > 1:
            start = status.end()
        else:
            status = None
        first = re.match(rf"(?P<word>[{UPPER}][{L}]+)(?:[ \t]+\d{{4}})?[ \t]+(?=[{UPPER}])", text[start:end])
        if first is None or not (status or TITLE_OPENING.search(text[max(0, opening - 40):start])):
            return start
        word = first.group("word")
        rest = text[start + first.end():end].split()
        heads_the_name = self._kind_word(word, None, opening=True) and not (
            self._kind_word(rest[-1], None) or LEGAL_FORM_WORD.fullmatch(rest[-1]))
        if (not self.common.is_plain_noun(word) or word.lower() in PLACE_ADJECTIVES or heads_the_name
                or word in self.place_names or word in self.g.first_names or word.lower() in self.stop_words
                or not any(self._proper_name(w.strip(".,")) for w in rest
                           if w[1:2].islower() and not LEGAL_FORM_WORD.fullmatch(w))):
            return start
        return start + first.end()

    def _raw_candidates(self, text: str, aliases: list[Alias], known: list[tuple[int, int]]) -> Iterator[Candidate]:
        yield from self._persons(text)
        yield from self._listed_persons(text, known)
        yield from self._companies(text)
        yield from self._bodies_by_place(text)
        yield from self._venue_pairs(text)
        yield from self._head_orgs(text)
        yield from self._named_bodies(text)
        for start, end, label, ident in self._institutions(text, aliases):
            if label == "LOC" and text[start:end].endswith(" Havn") and acts(text, start, end):
                label = "LOC+ORG"  # "Hundested Havn ønsker at udvide": the harbour as a body
            yield start, end, label, ident
        yield from self._acronyms(text, aliases)
        for m in ARTICLE_NAME.finditer(text):
            name = " ".join(m.group(0).split())
            yield m.start(), m.end(), "ORG", f"body:{name[0].upper() + name[1:]}"
        yield from self._streets(text)
        for m in POSTCODE_TOWN.finditer(text):
            yield m.start("town"), m.end("town"), "LOC", f"town:{m.group('town')}"
        yield from self._nature(text, aliases)  # before the runs: "Gistrup Bakker" is a place, not a longer name
        yield from self._place_runs(text)
        yield from self._locatives(text)
        yield from self._towns_abroad(text)
        for m in APPOSITIVE_PLACE.finditer(text):
            if m.group("place") in self.place_names or self._proper_name(m.group("place")):
                yield m.start("place"), m.end("place"), "LOC", f"apposition:{m.group('place')}"
        for m in OFFER_ENTRY.finditer(text):
            name = " ".join(m.group("name").split())
            if not self._person_like(name.split()) and (
                    name.split()[0].lower() not in self.stop_words or len(name.split()) > 1):
                aliases.append(Alias(name, "ORG", "offer", name))
                yield m.start("name"), m.start("name") + len(m.group("name").rstrip()), "ORG", f"offer:{name}"

    def _towns_abroad(self, text: str) -> Iterator[Candidate]:
        """"Kolobrzeg i Polen", "Svedala i Sverige": a name no gazetteer lists, placed in a country."""
        for m in self.town_abroad.finditer(text):
            words = m.group("town").split()
            if (words[0].lower() in self.stop_words or words[0] in self.g.first_names
                    or any(w.lower() in NAME_STOP for w in words)  # "Region Skåne i Sverige": a body
                    or (len(words) == 1 and words[0].lower() in self.common)):
                continue
            yield m.start("town"), m.end("town"), "LOC", f"foreign town:{' '.join(words)}"

    # -- persons ---------------------------------------------------------------------------

    def _persons(self, text: str) -> Iterator[Candidate]:
        """Runs of capitalised name words that start with a known first name, follow a job
        title ("Kontorchef Else Lund Frydensberg") or a presenter mark ("v. Reza Javid"), or
        carry a party letter ("(A)"). The letter says which party, but it is not the party's
        name: no organisation is made of it."""
        for run in NAME_RUN.finditer(text):
            words = list(re.finditer(r"\S+", run.group(0)))
            if any(LEGAL_FORM_WORD.fullmatch(w.group(0)) for w in words) or LEGAL_FORM_NEXT.match(text[run.end():]):
                continue  # "Gert Nyborg Transport ApS": a company named after its owner
            start = next((i for i, w in enumerate(words) if w.group(0) in self.g.first_names), None)
            before = text[max(0, run.start() - 40):run.start()].split()
            titled = bool(before) and bool(TITLE_SUFFIX.search(before[-1].strip(",")) or PRESENTER.match(before[-1]))
            party = PARTY_AFTER.match(text[run.end():])
            if start is None:
                if not (titled or party):
                    continue
                start = 0
            for words in self._one_name_each(words[start:]):
                words = self._trim_name_words(words[:MAX_NAME_WORDS], keep_last=bool(party))
                if len(words) < 2 or self._street_like(words):
                    continue
                begin, end = run.start() + words[0].start(), run.start() + words[-1].end()
                name = " ".join(w.group(0) for w in words)
                yield begin, end, "PER", f"person:{name}"
                yield from self._residence(text, end)

    def _residence(self, text: str, end: int) -> Iterator[Candidate]:
        """"Name, Harridslev,", "X ApS, Vemb, og": a village set off by commas after a person
        or a firm is where they live or work."""
        if (residence := RESIDENCE.match(text, end)) and self._proper_name(residence.group("place")):
            place = residence.group("place")
            yield residence.start("place"), residence.end("place"), "LOC", f"residence:{place}"

    def _proper_name(self, word: str) -> bool:
        """A capitalised word in no Danish dictionary and no first name: a village, a company,
        a surname ("Harridslev", "Rambøll"); never judged without the dictionary."""
        lexicon = self.common
        return bool(lexicon) and word.lower() not in lexicon and word not in self.g.first_names \
            and word.lower() not in self.stop_words

    def _one_name_each(self, words: list[re.Match[str]]) -> list[list[re.Match[str]]]:
        """"Anders Haahr Vestergaard Jakob Elmquist": two columns of a members list read as one
        line; a known first name after a first name and a surname, with a surname after it,
        opens the next person ("Anne Marie Lykkegaard" keeps its second first name)."""
        names: list[list[re.Match[str]]] = []
        while words:
            cut = next((j for j in range(2, len(words) - 1) if words[j].group(0) in self.g.first_names), None)
            names.append(words[:cut] if cut else words)
            words = words[cut:] if cut else []
        return names

    def _trim_name_words(self, words: list[re.Match[str]], keep_last: bool = False) -> list[re.Match[str]]:
        """Structure words and place/organisation heads off the end, stop words off both ends
        ("Poul Sig (A)": a capitalised last word before a party letter is a surname)."""
        words = list(words)
        while words and (words[-1].group(0).rstrip(".").lower() in NAME_STOP | self.g.stop_names
                         or (words[-1].group(0).lower() in self.stop_words and not keep_last)):
            words.pop()
        # "Hans Christian Brix": a first name is no stop word ("hans", his) at the start of a name
        while words and words[0].group(0).lower() in self.stop_words and words[0].group(0) not in self.g.first_names:
            words.pop(0)
        return words

    def _street_like(self, words: list[re.Match[str]]) -> bool:
        """"Niels Espesvej": a first name before a road name is the name of the road."""
        return any(w.group(0).lower().endswith(self.g.street_suffixes) for w in words)

    def _listed_persons(self, text: str, known: list[tuple[int, int]]) -> Iterator[Candidate]:
        """People named where the layout says person, whatever their first name: lines of an
        attendance list ("Abdinoor Adam Hassan, politisk repræsentant", "• Villy Ravnsbæk",
        "Andreas Bech, (A)") and inline lists after a label ("Til stede: A, B og C.").

        A line counts when its name run is followed by a role, a party bracket or nothing,
        and either its first name is known, a role or party follows, or it stands among
        other such lines of which one has a known first name. After "Name, " a capitalised
        phrase that is no role is the person's organisation ("Kirsten Wahl, Idrætsforeningerne").
        """
        lines = []
        for m in re.finditer(r"[^\n]+", text):
            line = LIST_LINE.match(m.group(0))
            if line is None:
                lines.append(None)
                continue
            offset = m.start()
            words = self._trim_name_words(list(re.finditer(r"\S+", line.group("name"))), keep_last=True)
            while len(words) > 2 and self._title_word(words[0].group(0)):
                words = words[1:]  # "Ordføreren Lise Kjær (Ø)": the title is no part of the name
            if not 2 <= len(words) <= MAX_NAME_WORDS or self._street_like(words):
                lines.append(None)
                continue
            begin = offset + line.start("name") + words[0].start()
            end = offset + line.start("name") + words[-1].end()
            if any(s < end and begin < e for s, e in known):
                lines.append(None)
                continue
            rest = line.group("rest")
            role = self._role_after(rest)
            party = PARTY_AFTER.match(rest) is not None
            first = words[0].group(0) in self.g.first_names
            lines.append((begin, end, first or role or party, rest, offset + line.start("rest")))
        for i, entry in enumerate(lines):
            if entry is None:
                continue
            begin, end, sure, rest, rest_start = entry
            neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j] is not None]
            if not (sure or any(n[2] for n in neighbours)):
                continue
            name = " ".join(text[begin:end].split())
            yield begin, end, "PER", f"person:{name}"
            org = ORG_AFTER_NAME.match(rest)
            if org and not self._role_after(rest) and org.group("org").split()[0].lower() not in self.stop_words \
                    and not re.fullmatch(rf"[{UPPER}]", org.group("org").strip()):  # "Name, V": a party letter
                name = " ".join(org.group("org").split())
                yield rest_start + org.start("org"), rest_start + org.end("org"), "ORG", f"body:{name}"
        for m in self.attendance.finditer(text):
            offset = m.start("list")
            for entry in re.finditer(r"[^,]+", m.group("list")):
                for part in re.split(r"[ \t]+og[ \t]+", entry.group(0)):
                    run = re.match(rf"[ \t]*(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD})*)", part)
                    if run is None:
                        continue
                    words = self._trim_name_words(list(re.finditer(r"\S+", run.group("name"))), keep_last=True)
                    if not 2 <= len(words) <= MAX_NAME_WORDS or self._street_like(words):
                        continue
                    base = offset + entry.start() + entry.group(0).index(part) + run.start("name")
                    begin, end = base + words[0].start(), base + words[-1].end()
                    if text[begin:end].endswith("."):
                        end -= 1  # "… og Vagn Kjærgaard." ends the sentence
                    if any(s < end and begin < e for s, e in known):
                        continue
                    name = " ".join(text[begin:end].split())
                    yield begin, end, "PER", f"person:{name}"

    def _title_word(self, word: str) -> bool:
        """"Ordføreren", "Borgmesteren", "Formand": a title or role before a name."""
        bare = re.sub(r"(?:en|n)$", "", word.lower())
        return word not in self.g.first_names and (
            bare in self.g.roles or bool(TITLE_SUFFIX.search(bare)) or word.lower().endswith("eren"))

    def _role_after(self, rest: str) -> bool:
        """", embedsmand", ", DH-repræsentant, formand", ", politisk repræsentant"."""
        words = re.findall(rf"[{L}-]+", rest.split("(")[0])[:3]
        return any(w.lower() in self.g.roles or TITLE_SUFFIX.search(w) for w in words)

    def _person_like(self, words: list[str]) -> bool:
        """"Afdelingsleder Mikael Karup Haugaard", "Line Hessellund": a title or a first name."""
        return bool(words) and (bool(TITLE_SUFFIX.search(words[0])) or (
            words[0] in self.g.first_names and len(words) > 1 and words[1][:1].isupper()))

    # -- organisations ---------------------------------------------------------------------

    def _head_regex(self) -> re.Pattern[str]:
        alternatives = []
        for head, endings, _kind, _lower in self.g.org_heads:
            alternatives.append(head + "(?:" + "|".join(re.escape(e) for e in endings) + ")")
        return re.compile(
            rf"{NOT_AFTER_WORD}(?P<pre>(?:[{L}]+-,?\s+)*[{L}]+-\s+(?:og|eller)\s+|[{L}]+[ \t]+&[ \t]+)?"
            rf"(?P<word>[{L}-]*?(?:{'|'.join(alternatives)}))(?P<gen>s)?{NOT_IN_WORD}",
            re.IGNORECASE)

    def _bare_head(self, word: str) -> bool:
        """A body's common noun alone ("Sekretariatet", "Udvalget"), no compound that names one."""
        lower = word.lower()
        return any(lower == head + ending for head, endings, _, _ in self.g.org_heads for ending in endings)

    def _companies(self, text: str) -> Iterator[Candidate]:
        """"Nordbus Trafik A/S", "Brink & Halvorsen A/S", "Saltum Fjernvarmeværk A.m.b.a.": the
        capitalised words before a legal form, without a sentence's first words ("Fra ...")."""
        for m in COMPANY.finditer(text):
            words = list(re.finditer(r"\S+", m.group("name")))
            joined = [i for i in range(1, len(words) - 1) if words[i].group(0) == "og"
                      and not words[i - 1].group(0).endswith("-") and not self._trade_noun(words[i - 1].group(0))]
            if joined:  # "Kommunen og Nordvand A/S": two parties, the company is the last
                words = words[joined[-1] + 1:]
            while words and ((words[0].group(0).lower() in self.stop_words and words[0].group(0) not in self.g.first_names
                              and not self._inside_sentence(text, m.start("name") + words[0].start()))
                             or words[0].group(0) == "&"
                             or (len(words) > 2 and DEFINITE_NOUN.search(words[0].group(0)))
                             or (len(words) > 1 and words[0].group(0).endswith("firmaet")
                                 and self._row_of(words[0].group(0), "after-suffix")[3] == "dropped")):
                words.pop(0)  # "Fra", "Bygherren", "Rådgiverne", "Rådgiverfirmaet" before the name
            if not words:
                continue
            start = m.start("name") + words[0].start()
            name = " ".join(text[start:m.end("form")].split())
            yield start, m.end("form"), "ORG", f"company:{name}"
            yield from self._residence(text, m.end("form"))  # "Poul Krog & Søn ApS, Vemb,"

    def _bodies_by_place(self, text: str) -> Iterator[Candidate]:
        """"elever fra Skolen på Nyelandsvej", "Spejderne i Løjt Kirkeby": a school, house, club or
        museum with no name but its place (joined with the place in `_with_local_names`); a
        sentence's "Skolen ved søen" is any school."""
        for m in BARE_LOCAL_BODY.finditer(text):
            if self._inside_sentence(text, m.start()) and self._local_head(text, m.start(), m.end()):
                school = LOCAL_SCHOOL.search(m.group("kind")) is not None
                yield m.start(), m.end(), "ORG+LOC" if school else "ORG", f"{'venue' if school else 'body'}:{m.group(0)}"

    def _venue_pairs(self, text: str) -> Iterator[Candidate]:
        """"Tønder Sport- og Fritidscenter": a town's centre or house named by two activities is
        the institution and the place (not a sentence's first word: "Ved Sport- og ...")."""
        for m in VENUE_PAIR.finditer(text):
            if self._is_place(m.group("place")) or self._proper_name(m.group("place")):
                name = " ".join(m.group(0).split())
                yield m.start(), m.end(), "ORG+LOC", f"venue:{name}"

    def _trade_noun(self, word: str) -> bool:
        """"Jord", "Rør", "Byg": a dictionary noun that a company's "og" joins ("Jord og Beton A/S"),
        not a body or a name of its own ("Kommunen", "Nordea")."""
        return (word[:1].isupper() and self.common.is_plain_noun(word) and word not in self.place_names
                and not self._kind_word(word, None) and not self.heads.fullmatch(word))

    @staticmethod
    def _inside_sentence(text: str, start: int) -> bool:
        """A capitalised word after a lower-case one or a comma: no sentence's first word but a
        name's ("overtager Din Forsyning A/S")."""
        return text[start:start + 1].isupper() and re.search(r"[a-zæøå,][ \t]+$", text[max(0, start - 30):start]) is not None

    def _head_orgs(self, text: str) -> Iterator[Candidate]:
        """"Rammeaftalesekretariatet", "Social- og Indenrigsministeriet", "jobcenterchefkredsen".

        The head alone ("Udvalget", "Forvaltningen", "Rådet") is the common noun for whichever
        body the sentence is about, not a name: only compounds are taken."""
        for m in self.heads.finditer(text):
            word = m.group("word")
            if word.lower().endswith(self.g.generic_words) and not self._local_head(text, m.start("word"), m.end("word")):
                continue  # "Lokalrådet" alone is any local council; "Lokalrådet for Frederiksberg Nord" is one
            # the longest head that ends the word: "Bestyrelsen" is -bestyrelse, not -styrelse
            head = max((h for h in self.g.org_heads
                        if re.search(rf"{h[0]}(?:{'|'.join(map(re.escape, h[1]))})$", word, re.IGNORECASE)),
                       key=lambda h: len(h[0]))
            start = m.start("pre") if m.group("pre") else m.start("word")
            capital = text[start].isupper()
            ending = next(e for e in sorted(head[1], key=len, reverse=True)
                          if word.lower().endswith(head[0] + e))
            compound = len(word) >= len(head[0]) + len(ending) + 2  # "Byrådet", not "Rådet"
            if not compound or not (capital or head[3]):
                continue
            name = " ".join(text[start:m.end("word")].split())
            yield start, m.end("word"), "ORG", f"{head[2]}:{name[0].upper() + name[1:]}"

    def _named_bodies(self, text: str) -> Iterator[Candidate]:
        """"Kongens Enghave Lokaludvalg", "Haderslev Handicapråd": capitalised words before an
        indefinite body noun; "Teknisk Forvaltning": a capitalised adjective before one."""
        for m in self.named_body.finditer(text):
            words = m.group("name").split()
            while len(words) > 1 and (words[0].lower() in self.stop_words or words[0].rstrip(".").lower() in NAME_STOP):
                words.pop(0)
            owner = [i for i, word in enumerate(words[:-1]) if word in ("Kommunes", "Regionskommunes", "Amts")]
            if owner:  # "Hvidovre Kommunes Økonomiudvalg": the municipality's (a name of its own) committee
                words = words[owner[-1] + 1:]
            if len(words) < 2:
                continue
            # the words kept are the name's last ones
            start = m.start("name") + list(re.finditer(r"\S+", m.group("name")))[-len(words)].start()
            name = " ".join(text[start:m.end("name")].split())
            yield start, m.end("name"), "ORG", f"committee:{name}"
        for m in MUNICIPALITY_NAME.finditer(text):
            if m.group("town").lower() not in self.stop_words and not m.group("town").isupper():
                name = f"{m.group('town')} {m.group('head')}"
                yield m.start(), m.end(), "ORG", f"municipality:{name}"
        for m in ADJECTIVE_BODY.finditer(text):
            name = " ".join(m.group(0).split())
            yield m.start(), m.end(), "ORG", f"administration:{name}"
        for m in DEPARTMENT.finditer(text):
            if not any(word.rstrip(",") in self.g.first_names for word in m.group("name").split()):  # "Anne og Bo"
                yield m.start("name"), m.end("name"), "ORG", f"administration:{m.group('name')}"
        for m in INDEFINITE_BODY.finditer(text):
            name = " ".join(m.group("name").split())
            yield m.start("name"), m.end("name"), "ORG", f"committee:{name}"
        titled: set[int] = set()  # ends of the fields of a director ("Direktøren for Kultur, Fritid og ...")
        for m in FIELDS_NAME.finditer(text):
            if re.search(r"\bfor[ \t]+$", text[max(0, m.start() - 5):m.start()]):
                titled.add(m.end("name"))
            elif m.end("name") not in titled and self._fields_name(text, m):
                name = " ".join(m.group("name").split())
                yield m.start("name"), m.end("name"), "ORG", f"administration:{name}"

    def _fields_name(self, text: str, m: re.Match[str]) -> bool:
        """"Vej og Park", "Kultur, Fritid og Borgerservice": every word a bare dictionary word
        (no person's, place's or thing's definite form), in a line of running text (lower-case
        words beside it: no heading or title in title case), not the end of a longer name
        ("Aabybro Bibliotek og Borgerservice") or a page path ("Politik / Dagsordener og Referater").
        A director's fields ("Direktøren for Kultur og Fritid") are a title, left out by the caller
        (the longer names "Center for ..." have rules of their own)."""
        words = [w.strip(",") for w in m.group("name").split() if w not in ("og", "&")]
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start:m.start()] + " " + text[m.end():line_end if line_end >= 0 else len(text)]
        before = text[line_start:m.start()].split()
        return (all(w.lower() in self.common and not DEFINITE_ENDING.search(w) and not BODY_ENDING.search(w)
                    and w.lower() not in self.stop_words
                    and w not in self.g.first_names and w not in self.place_names for w in words)
                and re.search(r"(?<![\w-])[a-zæøå]{3,}", line) is not None
                and not (before and (before[-1][:1].isupper() and before[-1][-1:].isalpha() or before[-1] == "/")))

    def _institution_regexes(self) -> list[tuple[str, re.Pattern[str]]]:
        def words(mode: str) -> str:
            return "|".join(re.escape(w) for w, where, _, _ in self.g.institution_words if where == mode)

        # "Boligselskabet Sct. Jørgen", "Naturpark Uggerby Å" (a river or an island: one letter)
        name = rf"{PLACE_PREFIX}{CAP_WORD}(?:[ \t]+(?:&[ \t]+)?(?:{CAP_WORD}|[ÅØ](?![{L}0-9]))){{0,2}}"
        # "Brønderslev Psykiatriske Sygehus", "Holm & Kjær Arkitekter": the name, capitalised adjectives, the kind.
        before_name = rf"(?P<name>{CAP_WORD}(?:[ \t]+(?:{CAP_WORD}|og|&))*?(?:[ \t]+[{UPPER}][a-zæøå]+e)*)"
        return [
            ("after", re.compile(rf"{NOT_AFTER_WORD}(?P<w>(?i:{words('after')}))[ \t]+(?P<name>{name})")),
            ("after-suffix", re.compile(
                rf"{NOT_AFTER_WORD}(?P<w>[{UPPER}][{L}]+(?:{words('after-suffix')}))[ \t]+(?P<name>{name})")),
            ("for", re.compile(rf"{NOT_AFTER_WORD}{NATIONAL_PREFIX}(?P<w>{words('for')})\s+for\s+"
                               rf"(?=(?P<name>[{L}-]+(?:,?[ \t]+(?:[{L}-]+|&)){{0,6}}))")),  # a lookahead:
            # the words read for the name may open the next one ("... for Vandmiljø og fra Dansk Center for ...")
            ("til", re.compile(rf"{NOT_AFTER_WORD}(?P<w>{words('til')})\s+til\s+"
                               rf"(?=(?P<name>[{UPPER}][{L}-]*(?:,?[ \t]+(?:[{L}-]+|&)){{0,6}}))")),
            ("before", re.compile(rf"{before_name}[ \t]+(?P<w>{words('before')}){NOT_IN_WORD}")),
            ("in", re.compile(rf"{NOT_AFTER_WORD}(?P<w>{words('in')})[ \t]+i[ \t]+(?P<name>{CAP_WORD})")),
            ("before-suffix", re.compile(
                # "Brovst Erhvervs- og Turistforening", "Dansk Boldspil-Union"
                rf"{before_name}[ \t]+(?P<w>(?:[{UPPER}][{L}]*-[ \t]+(?:og|eller)[ \t]+)?"
                rf"[{UPPER}][{L}]*(?:-[{L}]*)?(?i:{words('before-suffix')})){NOT_IN_WORD}")),
            ("alone", re.compile(rf"{NOT_AFTER_WORD}(?P<w>(?i:{words('alone')})){NOT_IN_WORD}")),
            ("alone-suffix", re.compile(
                rf"{NOT_AFTER_WORD}(?P<w>[{UPPER}][{L}]+(?:{words('alone-suffix')})){NOT_IN_WORD}")),
        ]

    def _kind_word(self, word: str, modes: tuple[str, ...] | None = ("before", "before-suffix", "alone-suffix"),
                   *, opening: bool = False) -> bool:
        """A word that names an institution by its kind ("Stavnsholtskolen", "Skole"): it ends
        in a kind word of these modes (None: any), or, `opening`, starts with one
        ("Specialbørnehaven")."""
        lower = word.lower()
        return any(lower.endswith(w.lower()) or (opening and lower.startswith(w.lower()))
                   for w, mode, _, _ in self.g.institution_words if modes is None or mode in modes)

    def _row_of(self, word: str, mode: str) -> tuple[str, str, str, str]:
        rows = [r for r in self.g.institution_words if r[1] == mode]
        return (next((r for r in rows if r[0] == word), None)
                or next((r for r in rows if r[0].lower() == word.lower()), None)
                or next((r for r in rows if word.lower().endswith(r[0].lower())), None)
                or (word, mode, "ORG", "kept"))

    def _institutions(self, text: str, aliases: list[Alias]) -> Iterator[Candidate]:
        """"Neurocenter Østerskoven" (and "Østerskoven" alone later), "botilbuddet Lyngdal",
        "Institut for Syn og Hørelse", "Frederikshavn Krisecenter", "Vinkelvejens børnehave",
        venues: "Hotel Odeon", "Byrådssalen", "Mødelokale Tårnbjerget" (the room is
        "Tårnbjerget"), and institutions that are places: "Nexø Hallen" (ORG and LOC)."""
        for mode, pattern in self.institution_patterns:
            for m in pattern.finditer(text):
                row = self._row_of(m.group("w"), mode)
                label = row[2]
                kind = "venue" if "LOC" in label else "offer"
                if mode.startswith("alone"):
                    name = " ".join(m.group("w").split())
                    if name.lower().endswith(self.g.generic_words):
                        continue  # "Svømmehallen": the hall of whatever town the sentence is about
                    yield m.start(), m.end(), label, f"{kind}:{name}"
                elif mode.startswith("after"):
                    name = self._trim_name(m.group("name"))
                    if not name or text[m.start("name") + len(name):].startswith(":"):
                        continue  # "Plejecenter Sagsfremstilling:": a label follows, not a name
                    if self._bare_head(name.split()[0]):
                        continue  # "Socialudviklingsgruppen Sekretariatet": a body and the secretariat
                    if m.group("w")[0].isupper() and row[3] != "dropped":
                        full = " ".join(text[m.start():m.start("name") + len(name)].split())
                        yield m.start(), m.start("name") + len(name), label, f"{kind}:{full}"
                        if name not in self.place_names:  # "Regionshospitalet Silkeborg": the town alone is the town
                            aliases.append(Alias(name, label.split("+")[0], kind, full))
                    else:
                        yield m.start("name"), m.start("name") + len(name), label, f"{kind}:{name}"
                        aliases.append(Alias(name, label.split("+")[0], kind, name))
                elif mode == "in":
                    if m.group("name") not in self.g.places:
                        continue
                    name = " ".join(m.group(0).split())
                    yield m.start(), m.end(), label, f"{kind}:{name}"
                elif mode in ("for", "til"):
                    rest = self._for_name(m.group("name").split())
                    if not rest:
                        continue
                    end = m.start("name") + list(re.finditer(r"\S+", m.group("name")))[len(rest) - 1].end()
                    while text[end - 1] in ",;":  # "Institut for Syn og Hørelse, Region ...": the comma is not the name's
                        end -= 1
                    full = " ".join(text[m.start():end].split())
                    yield m.start(), end, label, f"institution:{full}"
                else:
                    w = m.group("w")
                    words = m.group("name").split()
                    skip = 0
                    while skip < len(words) and (words[skip].lower() in self.stop_words
                                                 or words[skip].rstrip(".").lower() in NAME_STOP):
                        skip += 1
                    if words[-1:] == ["og"]:
                        continue  # "Miljøstyrelsen og Museum Østsjælland": the kind word opens another name
                    if "og" in words[skip:]:
                        # "Taulov Skole og Taulov Idrætsforening": two names joined, the last is this one
                        last_og = len(words) - 1 - words[::-1].index("og")
                        after_og = (words[last_og + 1:] or [""])[0]
                        if last_og - skip >= 2 or (last_og > skip and (
                                self._kind_word(words[last_og - 1]) or self._is_place(after_og)
                                or (self._is_place(words[last_og - 1]) and after_og != "Omegns"))):
                            skip = last_og + 1  # "Kattegatcentret og Grenaa Bibliotek": a town opens the last
                    if skip == len(words) or (w[0].islower() and not words[-1].endswith("s")
                                              and not (row[3] == "town" and self._is_place(words[-1]))):
                        continue
                    start = m.start("name") + sum(len(x) for x in words[:skip])
                    start = text.index(words[skip], start)
                    full = " ".join(text[start:m.end()].split())
                    yield start, m.end(), label, f"{kind}:{full}"

    def _is_place(self, word: str) -> bool:
        """A known place, also in the genitive ("Vesthimmerlands")."""
        return word in self.place_names or (word.endswith("s") and word[:-1] in self.place_names)

    def _for_name(self, words: list[str]) -> list[str]:
        """The name after "for" or "til": capitalised words joined by "og"/"i"/"&"/"af" ("Syn og
        Hørelse", "Bevarelse af Ertebølle Skole", "Familie, Social & Beskæftigelse"), or a
        lower-case phrase of at most two words ("offentlig-privat innovation")."""
        article = len(words) > 1 and words[0] in ("Den", "Det") and words[1][:1].isupper()
        if not words or (words[0].lower() in self.stop_words and not article):
            return []
        name = [words[0]]
        rest = words[1:]
        if words[0][0].islower():
            if rest and rest[0][0].islower() and rest[0].lower() not in self.stop_words:
                name.append(rest[0])
            return [w.rstrip(",") for w in name] if not name[-1].endswith(",") else name[:-1] or []
        while rest:
            if name[-1].endswith(","):
                # a comma continues the name only in an enumeration closed by "og"/"&"
                nxt = next((w for w in rest if not w[:1].isupper()), None)
                if nxt not in ("og", "&"):
                    break
            if rest[0].rstrip(".,:") in DOCUMENT_KIND_WORDS:
                break  # "Udvalget for Miljø og Teknik Referat": a running header's title
            if rest[0][0].isupper():
                name.append(rest.pop(0))
            elif (rest[0] in ("og", "i", "&", "af") and len(rest) > 1 and rest[1][0].isupper()
                  and not (len(rest) > 2 and rest[2] in ("for", "til")  # "... og Direktoratet for X": another name
                           and any(rest[1] == w for w, mode, _, _ in self.g.institution_words if mode in ("for", "til")))):
                name += [rest.pop(0), rest.pop(0)]
            else:
                break
        while name and name[-1].endswith(","):
            name[-1] = name[-1].rstrip(",")
        return name

    def _trim_name(self, name: str) -> str:
        words = name.split()
        while words and (words[-1].lower() in self.stop_words or words[-1].lower() in NAME_STOP):
            words.pop()
        if words and words[-1].endswith("s") and self._is_place(words[-1][:-1]):
            words[-1] = words[-1][:-1]  # "Regionshospitalet Holstebros ...": the genitive of the name
        return " ".join(words) if words and words[0].lower() not in self.stop_words else ""

    def _acronyms(self, text: str, aliases: list[Alias]) -> Iterator[Candidate]:
        """Upper-case names ("UCN", "ISHD", "PwC") that are not laws, diagnoses or shouting.

        An unknown all-caps word is taken only where the text says it is a body: defined in
        brackets after its long name ("Danske Handicaporganisationer (DH)"), in brackets after
        a person ("Pernille Bovtrup (ÆHF)"), after "fra" ("Henrik Nellemann fra BKF"), as
        what a representative represents ("DH-repræsentant"), or before a place it has a branch
        in ("DBU Sjælland"). A genitive "s" is not part of the name ("FNs" is FN)."""
        for m in ACRONYM.finditer(text):
            acr = m.group("acr")
            if re.fullmatch(rf"[{UPPER}]{{2,}}s", acr):
                acr = acr[:-1]  # "FNs": the genitive of FN
            upper = sum(c.isupper() for c in acr)
            if not acr.isupper() and self.common.is_plain_noun(acr):
                continue  # "SeniorRådsmøde": a dictionary compound with a capital inside ("PwC", "VisitRebild" stay)
            if (acr.lower() in self.stop_words or acr in self.g.non_org_acronyms or ROMAN.match(acr)
                    or len(set(acr)) == 1):
                continue
            if upper < 2 or self._in_capitals(text, m.start(), m.end()):
                continue
            before = text[max(0, m.start() - 80):m.start()]
            bracketed = text[m.start() + len(acr):m.start() + len(acr) + 1] == ")" and before.endswith("(")
            defined = bracketed and re.search(
                rf"(?P<long>(?:{CAP_WORD}|[a-zæøå]+)(?:[ \t]+(?:{CAP_WORD}|[a-zæøå-]+)){{0,5}})[ \t]*\($", before)
            after_person = bracketed and self._person_before(before[:-1])
            after_fra = re.search(r"(?:^|\s)fra[ \t]+$", before) is not None
            local = re.match(rf"[ \t]+(?P<place>{CAP_WORD})", text[m.start() + len(acr):])
            if acr.isupper() and acr == m.group("acr") and local and (
                    local.group("place") in self.place_names or f"{local.group('place')}s" in self.place_names):
                # "DBU Sjælland", "LAG Vesthimmerland": a body's local branch, named by its place
                end = m.start() + len(acr) + local.end()
                yield m.start(), end, "ORG", f"association:{acr} {local.group('place')}"
                continue
            if acr.isupper() and len(acr) < 3 and not (defined and abbreviates(acr, defined.group("long"))):
                continue  # "Aalborg Kommune (ÆH)" names a unit of it, "Handicaporganisationer (DH)" not
            if acr.isupper() and not (defined or after_person or after_fra):
                continue  # an unknown all-caps word: a law, a scheme or a diagnosis as often
            if acr.isupper():
                aliases.append(Alias(acr, "ORG", "acronym", acr))
            yield m.start(), m.start() + len(acr), "ORG", f"acronym:{acr}"
        for m in self.branch.finditer(text):
            name = " ".join(m.group(0).split())
            yield m.start(), m.end(), "ORG", f"association:{name}"
        for m in REPRESENTED.finditer(text):
            acr = m.group("acr")
            if acr in self.g.non_org_acronyms or self._in_capitals(text, m.start(), m.end()):
                continue
            yield m.start("acr"), m.end("acr"), "+ORG", f"acronym:{acr}"

    def _person_before(self, before: str) -> bool:
        """True when `before` ends with a person's name ("Pernille Bovtrup ")."""
        run = re.search(rf"(?P<first>[{UPPER}][{L}-]+)(?:[ \t]+{NAME_WORD}){{1,3}}[ \t]*$", before)
        return run is not None and run.group("first") in self.g.first_names

    @staticmethod
    def _in_capitals(text: str, start: int, end: int) -> bool:
        """True inside a run of upper-case words (a heading set in capitals), not an acronym."""
        before = re.search(rf"([{L}]+)\W*$", text[max(0, start - 30):start])
        after = re.match(rf"\W*([{L}]+)", text[end:end + 30])
        return any(m and m.group(1).isupper() and len(m.group(1)) > 1 for m in (before, after))

    # -- places ----------------------------------------------------------------------------

    def _street_regexes(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        suffixes = "|".join(map(re.escape, self.g.street_suffixes))
        heads = "|".join(map(re.escape, self.g.street_heads))
        compass = "|".join(("Nord", "Syd", "Øst", "Vest"))
        word = rf"(?:{CAP_WORD}|[{UPPER}][{L}]+s)"
        # "Sdr. Hedevej", "Sct. Bendts Gade": an abbreviated first word is part of the name
        short = r"(?:(?:Sct|Skt|Sdr|Ndr|Nr|Gl|St|Øst|Vest)\.[ \t]+)?"
        street = re.compile(
            rf"{NOT_AFTER_WORD}(?P<name>{short}(?:{word}[ \t]+){{0,2}}[{UPPER}][{L}]*(?:{suffixes})"
            rf"|{short}(?:{word}[ \t]+){{1,2}}(?:{heads})){NOT_IN_WORD}"
            rf"(?P<compass>[ \t]+(?:{compass}){NOT_IN_WORD})?(?P<number>{HOUSE_NUMBER})?")
        leads = "|".join(map(re.escape, self.g.street_leads)) or "(?!)"
        address = re.compile(
            rf"{NOT_AFTER_WORD}(?P<name>(?:(?:{leads})[ \t]+)?{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}})"
            rf"(?P<number>{HOUSE_NUMBER}),[ \t]*(?P<post>[1-9]\d{{3}},?[ \t]+)?(?P<town>{CAP_WORD})")
        return street, address

    def _streets(self, text: str) -> Iterator[Candidate]:
        """"Præstekravevej 46", "Græse Bakkebyvej", "Niels Bohrs Vej", "Ishøj Store Torv 20",
        and a road without a road ending in an address: "Trekanten 7, 6500 Vojens",
        "Landemærket 26, Rønne"."""
        for m in self.street.finditer(text):
            words = list(re.finditer(r"\S+", m.group("name")))
            # "Socialtilsyn Nord Edisonsvej": words up to a compass word, a stop word or a
            # structure word belong to what stands before the road
            cut = [i for i, w in enumerate(words[:-1]) if w.group(0).lower() in self.stop_words
                   or w.group(0) in self.g.not_streets or w.group(0).capitalize() in self.g.place_words
                   or w.group(0).isupper()]
            words = words[cut[-1] + 1:] if cut else words
            start = m.start("name") + words[0].start()
            end = m.end("compass") if m.group("compass") else m.end("name")
            yield from self._street_and_address(text, start, end)
            yield from self._address_town(text, end)
        for m in self.address.finditer(text):
            words = m.group("name").split()
            if words[-1] in self.g.not_streets or words[-1].lower().endswith(self.g.street_suffixes):
                continue  # "Bilag 2, 4000 ..." is no address; a road ending is found above
            cut = [i for i, w in enumerate(words[:-1]) if w in self.g.not_streets or w in self.g.place_words]
            if cut:
                continue  # "Socialtilsyn Nord Trekanten 7": the name is not clearly cut off
            if not (m.group("post") or m.group("town") in self.g.places):
                continue
            if any(w in self.g.first_names for w in words[:1]) or any(w.lower() in self.stop_words for w in words[1:]):
                continue
            yield from self._street_and_address(text, m.start(), m.end("name"))

    def _address_town(self, text: str, end: int) -> Iterator[Candidate]:
        """The town of an address written "Bakkevej 21, Svanninge": a village no gazetteer lists."""
        m = ADDRESS_TOWN.match(text, end)
        if m is None:
            return
        town = " ".join(m.group("town").split())
        words = town.split()
        if (words[-1].lower().endswith(self.g.street_suffixes) or words[-1] in self.g.not_streets
                or words[-1].capitalize() in self.g.place_words or self._kind_word(words[-1], None)
                or words[0] in self.g.first_names or words[0].lower() in self.stop_words
                or (len(words) == 1 and town.lower() in self.common and not self.common.is_plain_noun(town))):
            return  # "Torvet 2, Byrådssalen", "Vej 3, Skolevej", "Vestergade 3, Stuen": a room, a floor, a road
        yield m.start("town"), m.end("town"), "LOC", f"town:{town}"

    @staticmethod
    def _street_and_address(text: str, start: int, end: int) -> Iterator[Candidate]:
        """The road as printed, without its house number ("Fjordvej" of "Fjordvej 12"): the place
        is the road, as the annotated corpora (../shared/gold, ../shared/wild/gold) name it; the
        number tells the building, which the page preview shows."""
        name = " ".join(text[start:end].split())
        yield start, end, "LOC", f"street:{name}"

    def _locatives(self, text: str) -> Iterator[Candidate]:
        """"... i Kliplev", "ved Hvidåen", "på Tistrup Skov": a capitalised name after a
        preposition of place in mid-sentence is a place, unless it names a body ("i Byrådet",
        "i Direktoratet"), a person (a first name), a document part ("i Bilag 1") or a
        municipality or region (its own rule). The places listed with it are places too
        ("omkring Horslunde, Dannemare, Errindlev og Stokkemarke"); the list ends at "og"."""
        for m in LOCATIVE.finditer(text):
            if m.group("prep") in ("fra", "til") and not self._whence_or_whither(text, m):
                continue
            place = self._locative_place(text, m.start("place"), m.end("place"))
            if place is None:
                continue
            places = [(m.start("place"), *place)]
            listed, end = [], place[1]
            while conjunct := PLACE_CONJUNCT.match(text, end):
                place = self._locative_place(text, conjunct.start("place"), conjunct.end("place"))
                if place is None:
                    break
                listed.append((conjunct.start("place"), *place))
                end = place[1]
                if conjunct.group("last"):
                    places += listed  # a list is a list only when it ends in "og X"
                    break
            for start, known, end in places:
                if not known:
                    yield start, end, "LOC", f"locative:{' '.join(text[start:end].split())}"

    def _whence_or_whither(self, text: str, m: re.Match[str]) -> bool:
        """"fra Mejrup", "til Ullits": after "fra"/"til" a place is one word. A longer name
        there is a sender or receiver ("fra Sønderland Fjernvarme", "til Social og Sundhed"), and
        a genitive is an owner ("fra Helsingborgs side")."""
        place, after = m.group("place").strip(), text[m.end("place"):]
        if WORKS_FOR.search(text[:m.start()]):
            return False  # "konsulent fra Agora": whom a person works for
        listed = re.match(rf"[ \t]+og[ \t]+(?P<next>{CAP_WORD})(?![ \t]+[{UPPER}])", after)
        if listed and self._proper_name(place) and self._proper_name(listed.group("next")):
            return True  # "fra Gødvad og Alderslyst": two names in no dictionary are two places
        if " " in place or re.match(r"[ \t]+(?:[A-ZÆØÅ]|og[ \t]|nr\.)", after):
            return False  # "fra By og Landskab", "til Lokalplan nr. 3.17"
        # "fra Helsingborgs side" where "Helsingborg" is printed too
        return not (place.endswith("s") and re.match(r"[ \t]+[a-zæøå]", after)
                    and re.search(rf"{NOT_AFTER_WORD}{re.escape(place[:-1])}{NOT_IN_WORD}", text))

    def _locative_place(self, text: str, start: int, end: int) -> tuple[bool, int] | None:
        """Whether the capitalised words text[start:end] after a preposition of place are a
        known place, and where the place ends; None when they name something else."""
        words = text[start:end].split()
        first = words[0]
        if first in self.place_names:  # "Løgstør Havn og Livø": the list goes on after the whole name
            return True, end
        if (first.lower() in self.stop_words or first in self.g.first_names or first.isupper()
                or first.endswith("et") or self.heads.fullmatch(first)
                or KNOWN_SECTION.match(first) or (first.endswith("en") and not PLACE_NOUN.search(first))
                or re.match(r"[ \t]*(?:\d|Kommune|Kommunes|Region|A/S|ApS|om\b|for\b)", text[end:])):
            return None  # a body, a person, an acronym, a document
        if len(words) == 2 and (words[1].lower() in self.stop_words or words[1] in ("Kommune", "Region")
                                or KNOWN_SECTION.fullmatch(words[1])):  # "i Ansager Sagsfremstilling": a heading runs on
            words = words[:1]
        end = start + len(first) if len(words) == 1 else end
        beside = re.match(r"\s*(?:,|og)\s+(\S+)", text[end:])
        if beside and self._kind_word(beside.group(1), None, opening=True):
            return None  # "på Lindely og Specialbørnehaven Solsikken": an offer beside an offer
        return False, end

    def _nature(self, text: str, aliases: list[Alias]) -> Iterator[Candidate]:
        """Lakes, streams, woods and hills: "Esrum Sø", "Pøle Å", "Olsbækken" (not a person's
        name: a first name opens none of them). A one-word name an institution has just been
        named by ("Neurocenter Kildeskoven") is the institution's short name there."""
        organisations = {alias.text for alias in aliases if alias.label == "ORG"}
        for pattern in (NATURE_NAME, NATURE_COMPOUND):
            for m in pattern.finditer(text):
                if pattern is NATURE_COMPOUND and m.group("name") in organisations:
                    continue
                words = m.group("name").split()
                while (len(words) > 2 and (words[0].lower() in self.stop_words or words[0].lower() in self.common)
                       and words[0].lower() not in PLACE_ADJECTIVES) or \
                        (len(words) == 2 and pattern is NATURE_NAME and words[0].lower() in self.stop_words):
                    words.pop(0)  # "Ved Esrum Sø": the sentence's first word; "Hald Ege Skov" is one name
                if any(word in self.g.first_names for word in words[:-1]) or words[0].lower() in self.stop_words:
                    continue  # "Malene Skov (Ibsen)": a person whose surname is a nature word
                start = m.end("name") - len(" ".join(words)) if len(words) == 1 else \
                    text.index(words[0], m.start("name"))
                yield start, m.end("name"), "LOC", f"nature:{' '.join(text[start:m.end('name')].split())}"
        for m in TOWN_NATURE.finditer(text):
            if self._is_place(m.group("town")):
                yield m.start(), m.end(), "LOC", f"nature:{' '.join(m.group(0).split())}"

    def _place_runs(self, text: str) -> Iterator[Candidate]:
        """A town followed by a capitalised word: "Albertslund Syd" is a part of the town
        (LOC); "Roskilde Festival" or "Bornholms Energi og Forsyning" is a longer name, where
        the town alone is no place of its own (suppressed, unless a rule names the whole)."""
        for m in self.place_run.finditer(text):
            rest = m.group("rest").split()
            if rest[0] in self.g.place_words:
                end = m.start("rest") + m.group("rest").index(rest[0]) + len(rest[0])
                name = " ".join(text[m.start():end].split())
                yield m.start(), end, "LOC", f"place:{name}"
            elif (rest[0].lower() not in self.stop_words and rest[0] not in self.g.first_names
                  and not text[m.end():].startswith(":")):  # "6500 Vojens Starttidspunkt:": a joined label
                end = m.end()
                if len(rest) > 1 and rest[-1] in self.place_names:
                    end = m.start("rest") + m.group("rest").rindex(rest[-1])  # "... Naturfredningsforening Hillerød"
                    end = len(text[:end].rstrip())
                yield m.start(), end, SUPPRESS, f"suppress:{text[m.start():end]}"

    def _with_sectors(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"FU social", "DAS Social": a committee's short name plus the policy area it covers."""
        out: list[Span] = []
        for i, span in enumerate(spans):
            nxt = doc[span.end] if span.end < len(doc) else None
            free = i + 1 == len(spans) or spans[i + 1].start > span.end
            if (span.label_ == "ORG" and span.text.isupper() and nxt is not None and free
                    and nxt.text.lower() in self.g.sectors):
                name = f"{span.text} {nxt.text}"
                span = Span(doc, span.start, span.end + 1, label="ORG", span_id=f"committee:{name}")
            out.append(span)
        return out

    def _unit_name(self, span: Span, word: str) -> bool:
        """"Naturstyrelsen Søhøjlandet", "Naturstyrelsen Blåvandshuk": a state agency's local unit
        is named by an area the gazetteers need not know."""
        return (span_kind(span) == "state" and re.fullmatch(CAP_WORD, word) is not None and not word.isupper()
                and re.fullmatch(rf"[{UPPER}][a-zæøå]+", span.text) is not None  # not "EU's Leonardo"
                and word.lower() not in self.stop_words and word not in self.g.first_names)

    @staticmethod
    def _with_founding_years(doc: Doc, spans: list[Span]) -> list[Span]:
        """"Hvidovre Fodboldklub af 1925", "Aars Svømmeklub af 1964": a club's founding year
        is part of its name."""
        out: list[Span] = []
        for span in spans:
            year = doc[span.end + 1] if span.end + 1 < len(doc) else None
            if (span.label_ == "ORG" and CLUB_NAME.search(span.text) and year is not None
                    and doc[span.end].text == "af" and re.fullmatch(r"1[89]\d\d|20[0-4]\d", year.text)
                    and not any(other.start <= span.end + 1 < other.end for other in spans)):
                name = f"{span_canonical(span)} af {year.text}"
                span = Span(doc, span.start, span.end + 2, label="ORG", span_id=f"{span_kind(span)}:{name}")
            out.append(span)
        return out

    @staticmethod
    def _local_head(text: str, start: int, end: int) -> bool:
        """A body's last word that a place after "i"/"på"/"ved"/"for" makes a name of its own."""
        words = text[start:end].split()
        after = LOCAL_AFTER.match(text, end)
        if after is None or not words or OWN_COUNCIL.match(words[0]):
            return False
        return (any(LOCAL_BODY.search(word) for word in words)  # "Foreningen Sundhed i Vollsmose"
                or (LOCAL_SCHOOL.search(words[-1]) is not None and after.group("prep") in ("ved", "på")))

    def _with_local_names(self, doc: Doc, spans: list[Span], dual: dict[tuple[int, int, str], str],
                          extras: list[tuple[int, int, str, str]]) -> list[Span]:
        """"Handicapidrættens Fællesråd i Gladsaxe", "Brugerrådet for Naturskolen": a council,
        club or network followed by the place (or venue) it belongs to is one name; a known
        town in it ("Kvindenetværket i Lundtofte") is a mention of the town too."""
        out: list[Span] = []
        skip: set[int] = set()
        for i, span in enumerate(spans):
            if i in skip:
                continue
            if (span.label_ != "ORG" or span_kind(span) in NOT_BRANCHED - {"committee", "body"}
                    or not self._local_head(doc.text, span.start_char, span.end_char)):
                out.append(span)
                continue
            at = span.end + 1
            following = spans[i + 1] if i + 1 < len(spans) else None
            end = None
            place_mention = False
            if following is not None and following.start == at:
                if following.label_ == "LOC" or span_kind(following) in LOCAL_PLACE_KINDS:
                    end = following.end
                    skip.add(i + 1)
                    # "Naboforum ved Københavns Lufthavn": the airport is a place of its own
                    place_mention = following.label_ == "LOC" or (
                        dual.get((following.start, following.end, following.id_)) == "LOC")
            elif following is None or following.start > at:
                end = self._capitalised_run(doc, at, following.start if following is not None else len(doc))
                if (end is not None and following is not None and following.start == end + 1
                        and doc[end].text == "og" and following.label_ == "LOC"):
                    end = following.end  # "Havnerådet for Hundested og Lynæs Havne"
                    skip.add(i + 1)
            if end is None or "\n" in doc.text[span.start_char:doc[end - 1].idx]:
                skip.discard(i + 1)
                if not span.text.lower().endswith(self.g.generic_words):
                    out.append(span)  # "Lokalrådet" alone is no name
                continue
            name = " ".join(doc.text[span.start_char:doc[end - 1].idx + len(doc[end - 1])].split())
            kind = span_kind(span)
            merged = Span(doc, span.start, end, label="ORG", span_id=f"{kind}:{name[0].upper() + name[1:]}")
            if (span.start, span.end, span.id_) in dual:
                dual[(merged.start, merged.end, merged.id_)] = dual[(span.start, span.end, span.id_)]
            out.append(merged)
            place = doc[at:end]
            if place_mention or self._is_place(place.text):
                extras.append((place.start_char, place.end_char, "LOC", f"town:{place.text}"))
        return out

    def _capitalised_run(self, doc: Doc, start: int, limit: int) -> int | None:
        """The end of the capitalised words from `start` ("Frederiksberg Nord"), at most five,
        on one line; None where none starts there."""
        end = start
        while end < min(limit, start + 5):
            token = doc[end]
            if token.text.lower() not in self.stop_words and re.fullmatch(CAP_WORD, token.text):
                end += 1
            else:
                break
            if "\n" in token.whitespace_:
                break
        return end if end > start else None

    def _with_branches(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"Danmarks Naturfredningsforening Hillerød", "Friluftsfonden Midtjylland", "FOF Viborg":
        an association or agency followed on its line by a town or a part of the country is
        its local branch, one name (the place alone is no mention of the place). So is the
        branch set off by commas ("Miljøstyrelsen, Aalborg, har ...") where no other name
        follows it; not a company's ("Byg A/S, Ulfborg": the town of its address). An
        association's place after "i"/"på" is part of its name ("Spejderne i Løjt Kirkeby")."""
        out: list[Span] = []
        skip: set[int] = set()
        for i, span in enumerate(spans):
            if i in skip:
                continue
            comma = span.end + 1 < len(doc) and doc[span.end].text == ","
            local = span.end + 1 < len(doc) and doc[span.end].text in ("i", "på") and CLUB_OR_BODY.search(span.text)
            at = span.end + 1 if comma or local else span.end
            nxt = doc[at] if at < len(doc) else None
            between = doc.text[span.end_char:nxt.idx] if nxt is not None else "\n"
            after = doc[at + 1] if nxt is not None and at + 1 < len(doc) else None
            if (span.label_ == "ORG" and span_kind(span) not in NOT_BRANCHED and nxt is not None
                    and "\n" not in between and between.strip() in ("", ",", "i", "på")
                    and (nxt.text in self.place_names or (between == " " and self._unit_name(span, nxt.text)))
                    and not (after is not None and after.text[:1].isupper())
                    and (not comma or (span_kind(span) != "company"  # "Byg A/S, Ulfborg": its address
                                       and (after is None or not after.text[:1].isalnum()
                                            or after.text in BRANCH_FOLLOWERS)))):
                end = at + 1
                following = spans[i + 1] if i + 1 < len(spans) else None
                if following is not None and following.start < end:
                    if following.start != at or following.end != at + 1 or following.label_ != "LOC" \
                            or span_kind(following) == "country":  # "Ronneby Kommun, Sverige": where it lies
                        out.append(span)
                        continue
                    skip.add(i + 1)
                branch = doc.text[span.end_char:doc[end - 1].idx + len(doc[end - 1])]  # ", Aalborg", " Hillerød"
                name = f"{span_canonical(span)}{branch}"
                span = Span(doc, span.start, end, label="ORG", span_id=f"{span_kind(span)}:{' '.join(name.split())}")
            out.append(span)
        return out


# -- building ------------------------------------------------------------------------------


def build_nlp(model: str | Path | None = None) -> Language:
    """`spacy.blank("da")` (or the given installed pipeline / path) + our gazetteer and rules.

    A model saved from this function already holds both pipes and is returned as loaded.
    Nothing is downloaded: an unknown name fails with spaCy's own error (E050).
    """
    nlp = spacy.blank("da") if model is None else spacy.load(model)
    if RULES_FACTORY in nlp.pipe_names:
        return nlp
    # "Skibby Lokalråd.pdf": a file name's extension is a token of its own, not part of the name;
    # so is a full stop after "ApS"
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, FILE_EXTENSION, CAPITAL_FULL_STOP]).search
    if not any(name in nlp.pipe_names for name in ("parser", "senter", SENTENCIZER_PIPE)):
        nlp.add_pipe("sentencizer", name=SENTENCIZER_PIPE, first=True)
    ruler_config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=GAZETTEER_PIPE, config=ruler_config, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns())
    nlp.add_pipe(RULES_FACTORY, after=GAZETTEER_PIPE)
    return nlp


@lru_cache(maxsize=2)
def get_nlp(model: str | None = None) -> Language:
    """One pipeline per process and model (building it reads every gazetteer)."""
    return build_nlp(model)
