"""The site's words in Danish (first) and English (?lang=en), and how dates and numbers are written.

Why one table: a page must use the same word for the same thing everywhere ("Gæst", not "guest"
on one page and "Gæster" on the next), and an English page must not keep a Danish label; every
label the pages print comes from here. The documents' own text is never translated.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from dagsorden.extractor.danish.money import format_number

DEFAULT = "da"

# key -> (Danish, English); "{name}" fields are filled by the caller.
MESSAGES: dict[str, tuple[str, str]] = {
    "skip": ("Gå til indholdet", "Skip to content"),
    "nav.label": ("Hovedmenu", "Main menu"),
    "nav.search": ("Søg", "Search"),
    "nav.meetings": ("Møder", "Meetings"),
    "nav.decisions": ("Beslutninger", "Decisions"),
    "nav.tariffs": ("Takster", "Tariffs"),
    "nav.about": ("Om arkivet", "About the archive"),
    "nav.data": ("Alle data (Datasette)", "All data (Datasette)"),
    "language.other": ("English", "Dansk"),
    "language.other.code": ("en", "da"),
    "home.lead": ("Søg i dagsordener, referater og bilag punkt for punkt.",
                  "Search agendas, minutes and appendices item by item."),
    "home.counts": ("{meetings} møder, {items} punkter, {decisions} beslutninger, {years}.",
                    "{meetings} meetings, {items} items, {decisions} decisions, {years}."),
    "search.title": ("Søg i arkivet", "Search the archive"),
    "search.label": ("Søg i punkter, beslutninger, bilag og sider",
                     "Search items, decisions, attachments and pages"),
    "search.placeholder": ("fx takster, Region Nordjylland, 2023-052085",
                           "e.g. takster, Region Nordjylland, 2023-052085"),
    "search.button": ("Søg", "Search"),
    "search.help": ("Alle ord skal findes, i alle bøjninger (takst finder takster). "
                    "Brug \"objektiv finansiering\" for en frase, OR for enten-eller og -ord for at udelade.",
                    "All words must be found, in any inflection (takst finds takster). "
                    "Use \"objektiv finansiering\" for a phrase, OR for either-or and -word to leave a word out."),
    "search.count": ("{count} resultater", "{count} results"),
    "search.count.one": ("1 resultat", "1 result"),
    "search.page": ("side {page} af {pages}", "page {page} of {pages}"),
    "search.sort": ("Sortering", "Sort by"),
    "sort.relevance": ("Bedste match", "Best match"),
    "sort.date": ("Nyeste", "Newest"),
    "sort.date_asc": ("Ældste", "Oldest"),
    "search.filters": ("Afgræns", "Narrow down"),
    "search.remove": ("fjern", "remove"),
    "search.also": ("Også fundet i", "Also found in"),
    "search.previous": ("Forrige", "Previous"),
    "search.next": ("Næste", "Next"),
    "search.pages": ("Sider med resultater", "Result pages"),
    "search.download": ("Hent resultaterne", "Download the results"),
    "search.feed": ("Atom-feed", "Atom feed"),
    "message.no_words": ("Skriv et eller flere ord at søge efter.", "Type one or more words to search for."),
    "message.only_excluded": ("Skriv mindst ét ord at søge efter; ord med - foran udelades kun.",
                              "Type at least one word to search for; words with - in front are only left out."),
    "message.no_results": ("Ingen resultater. Prøv færre ord eller fjern en afgrænsning.",
                           "No results. Try fewer words or remove a filter."),
    "message.too_slow": ("Søgningen tog for lang tid. Prøv flere ord eller en afgrænsning.",
                         "The search took too long. Try more words or a filter."),
    "facet.year": ("År", "Year"),
    "facet.committee": ("Udvalg", "Committee"),
    "facet.municipality": ("Kommune", "Municipality"),
    "facet.kind": ("Fundet i", "Found in"),
    "facet.outcome": ("Udfald", "Outcome"),
    "facet.departs": ("Forhold til indstillingen", "Against the recommendation"),
    "facet.none": ("ikke angivet", "not stated"),
    "departs.1": ("Afviger fra indstillingen", "Departs from the recommendation"),
    "departs.0": ("Som indstillet", "As recommended"),
    "decisions.title": ("Beslutninger", "Decisions"),
    "decisions.lead": ("Hvad udvalgene besluttede, med indstillingen ved siden af.",
                       "What the committees decided, beside what was recommended."),
    "decisions.label": ("Søg i beslutninger", "Search the decisions"),
    "decision.title": ("Beslutning", "Decision"),
    "decision.recommended": ("Indstillet", "Recommended"),
    "decision.decided": ("Besluttet", "Decided"),
    "decision.dissents": ("Mindretal og forbehold", "Dissents and reservations"),
    "decision.not_taking_part": ("Deltog ikke", "Took no part"),
    "decision.outcome_inferred": ("(udledt af indstillingen)", "(inferred from the recommendation)"),
    "decision.minutes_item": ("Punktet i referatet", "The item in the minutes"),
    "decision.agenda_item": ("Punktet i dagsordenen", "The item in the agenda"),
    "item": ("Punkt", "Item"),
    "item.short": ("punkt {number}", "item {number}"),
    "item.case_number": ("Sagsnr.", "Case no."),
    "item.open": ("Åbent punkt", "Open item"),
    "item.closed": ("Lukket punkt", "Closed item"),
    "item.recommendation": ("Indstilling", "Recommendation"),
    "item.decision": ("Beslutning", "Decision"),
    "item.attachments": ("Bilag", "Attachments"),
    "item.appendices": ("Indbundne bilag", "Bound appendices"),
    "item.amounts": ("Beløb", "Amounts"),
    "item.tariffs": ("Takster", "Tariffs"),
    "item.entities": ("Navne", "Names"),
    "item.related": ("Sagens forløb", "The case over time"),
    "item.superseded": ("Ældre version af dokumentet.", "An older version of the document."),
    "item.newest": ("Nyeste version", "Newest version"),
    "item.corrected": ("Rettet i hånden", "Corrected by hand"),
    "item.preview": ("Side {page} af {filename}", "Page {page} of {filename}"),
    "item.decision_page": ("Beslutningen for sig", "The decision on its own"),
    "amount.value": ("Beløb (kr.)", "Amount (DKK)"),
    "amount.printed": ("Som skrevet", "As printed"),
    "meeting": ("Møde", "Meeting"),
    "meeting.documents": ("Dokumenter", "Documents"),
    "meeting.participants": ("Deltagere", "Participants"),
    "meeting.items": ("Punkter", "Items"),
    "meeting.time": ("Kl. {start}", "At {start}"),
    "meeting.pages": ("{pages} sider", "{pages} pages"),
    "meeting.superseded": ("ældre version", "older version"),
    "participant.name": ("Navn", "Name"),
    "participant.organization": ("Organisation", "Organisation"),
    "participant.role": ("Rolle", "Role"),
    "participant.attendance": ("Fremmøde", "Attendance"),
    "column.number": ("Nr.", "No."),
    "column.title": ("Titel", "Title"),
    "column.page": ("Side", "Page"),
    "page": ("side", "page"),
    "page.show": ("vis", "show"),
    "page.preview": ("Vis siden med fundet markeret", "Show the page with the finding marked"),
    "page.pdf": ("Åbn PDF'en på siden", "Open the PDF at the page"),
    "cite": ("Henvis til denne side", "Cite this page"),
    "tariffs.title": ("Takster", "Tariffs"),
    "tariffs.lead": ("Hver takst som en serie over årene: etiketter samlet på tværs af år og dokumenter, "
                     "én serie pr. tabelkolonne (fx gammel og ny takst).",
                     "Every tariff as a series over the years: labels joined across years and documents, "
                     "one series per table column (such as the old and the new rate)."),
    "tariffs.filter": ("Find en takst", "Find a tariff"),
    "tariffs.count": ("{count} serier", "{count} series"),
    "tariff.label": ("Takst", "Tariff"),
    "tariff.variant": ("Kolonne", "Column"),
    "tariff.unit": ("Enhed", "Unit"),
    "tariff.years": ("År", "Years"),
    "tariff.latest": ("Seneste", "Latest"),
    "tariff.change": ("Ændring siden første år", "Change since the first year"),
    "tariff.values": ("Værdier", "Values"),
    "tariff.flagged": ("Markeret", "Flagged"),
    "tariff.year": ("År", "Year"),
    "tariff.value": ("Kr.", "DKK"),
    "tariff.printed_column": ("Trykt kolonne", "Printed column"),
    "tariff.meeting": ("Møde", "Meeting"),
    "tariff.source": ("Kilde", "Source"),
    "tariff.year_from_meeting": ("år fra mødedatoen", "year of the meeting"),
    "tariff.chart": ("{label}: kroner pr. år, {first}–{last}", "{label}: kroner per year, {first}–{last}"),
    "tariff.single_year": ("Kun ét år: vist som tabel.", "One year only: shown as a table."),
    "tariff.other_columns": ("Samme takst i andre kolonner", "The same tariff in other columns"),
    "tariff.flag.over_limit": ("ikke en takst {unit}: over {limit} kr.; måske et budget eller en total",
                               "not a rate {unit}: above {limit} kr.; perhaps a budget or a total"),
    "tariff.flag.not_positive": ("ikke en takst: nul eller negativ", "not a rate: zero or negative"),
    "about.title": ("Sådan er teksten udtrukket", "How this was extracted"),
    "about.coverage": ("Dækning pr. dokument", "Coverage per document"),
    "about.failures": ("{count} fil(er) kunne ikke importeres:", "{count} file(s) could not be imported:"),
    "about.see_failures": ("se fejl", "see failures"),
    "coverage.document": ("Dokument", "Document"),
    "coverage.kind": ("Art", "Kind"),
    "coverage.pages": ("Sider", "Pages"),
    "coverage.with_text": ("Med tekst", "With text"),
    "coverage.ocr": ("OCR", "OCR"),
    "coverage.needs_ocr": ("Mangler OCR", "Needs OCR"),
    "coverage.items": ("Punkter", "Items"),
    "coverage.tables": ("Tabeller", "Tables"),
    "coverage.failures": ("Fejl", "Failures"),
    "not_found": ("Ikke fundet", "Not found"),
    "footer": ("Udtrukket af mødernes PDF'er med dagsorden; hvert fund peger på sin side.",
               "Extracted from the meetings' PDFs by dagsorden; every finding points to its page."),
}

MONTHS = (("januar", "January"), ("februar", "February"), ("marts", "March"), ("april", "April"),
          ("maj", "May"), ("juni", "June"), ("juli", "July"), ("august", "August"),
          ("september", "September"), ("oktober", "October"), ("november", "November"),
          ("december", "December"))

# Stored codes -> words (the archive stores English codes; pages show words).
WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "outcome": {
        "approved": ("Godkendt", "Approved"),
        "approved_with_changes": ("Godkendt med ændringer", "Approved with changes"),
        "noted": ("Taget til efterretning", "Noted"),
        "recommended": ("Anbefalet videre", "Recommended onwards"),
        "sent_on": ("Sendt videre", "Sent on"),
        "postponed": ("Udsat", "Postponed"),
        "rejected": ("Ikke godkendt", "Rejected"),
        "other": ("Andet", "Other"),
    },
    "attendance": {
        "present": ("Til stede", "Present"),
        "absent": ("Afbud", "Absent"),
        "guest": ("Gæst", "Guest"),
    },
    "document": {
        "agenda": ("Dagsorden", "Agenda"),
        "minutes": ("Referat", "Minutes"),
        "strategy": ("Strategi", "Strategy"),
        "appendix": ("Bilag", "Appendix"),
        "other": ("Andet dokument", "Other document"),
    },
    # Where a search result was found (the public names of search_index.kind).
    "kind": {
        "title": ("Titel", "Title"),
        "decision": ("Beslutning", "Decision"),
        "recommendation": ("Indstilling", "Recommendation"),
        "attachment": ("Bilag", "Attachment"),
        "section": ("Sagsfremstilling", "Case text"),
        "page": ("Side", "Page"),
    },
    "departs": {"1": MESSAGES["departs.1"], "0": MESSAGES["departs.0"]},
}


@dataclass(frozen=True)
class Language:
    """The words, dates and numbers of one page language."""

    code: str

    @classmethod
    def of(cls, args: Any) -> Language:
        """?lang=en asks for English; everything else is Danish."""
        return cls("en" if (args.get("lang") or "").lower() == "en" else DEFAULT)

    @property
    def english(self) -> bool:
        return self.code == "en"

    def __call__(self, key: str, **fields: Any) -> str:
        danish, english = MESSAGES[key]
        text = english if self.english else danish
        return text.format(**fields) if fields else text

    def word(self, group: str, code: Any) -> str:
        """A stored code in words ("guest" -> "Gæst"); an unknown code as it is stored."""
        if code is None:
            return self("facet.none")
        pair = WORDS[group].get(str(code))
        return (pair[1] if self.english else pair[0]) if pair else str(code)

    def date(self, iso: str | None) -> str:
        """"2023-08-21" -> "21. august 2023" / "21 August 2023"."""
        if not iso or len(iso) < 10 or not iso[:4].isdigit():
            return iso or ""
        year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
        if not 1 <= month <= 12:
            return iso
        name = MONTHS[month - 1][1 if self.english else 0]
        return f"{day} {name} {year}" if self.english else f"{day}. {name} {year}"

    def number(self, value: float | None, decimals: int = 0) -> str:
        """1320124 -> "1.320.124" / "1,320,124"; 2.3 with decimals=1 -> "2,3" / "2.3"."""
        if value is None:
            return ""
        return f"{value:,.{decimals}f}" if self.english else format_number(value, decimals)

    def percent(self, value: float | None) -> str:
        """7.3 -> "+7,3 %" / "+7.3%"."""
        if value is None:
            return ""
        sign = "+" if value > 0 else ""
        return f"{sign}{self.number(value, 1)}" + ("%" if self.english else " %")

    def link(self, path: str, **params: Any) -> str:
        """A link within the site that keeps this language (params with None are left out)."""
        query = {k: v for k, v in params.items() if v not in (None, "")}
        if self.english:
            query["lang"] = "en"
        return path + ("?" + urlencode(query) if query else "")
