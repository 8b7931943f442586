"""Structure that holds on any municipality's agendas and minutes (issue 12): one small
hand-made PDF per failure class seen on documents the rules were not written on.

Each PDF is drawn the way an agenda system prints it, in the body font unless the layout
sets headings apart, so the rules must read the structure, not a style.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from dagsorden.extractor.danish.case_numbers import find_case_number
from dagsorden.extractor.danish.committees import committee_names
from dagsorden.extractor.danish.dates import find_date, find_times
from dagsorden.extractor.explain import explain
from dagsorden.extractor.pipeline import extract_document
from dagsorden.extractor.read.running import spread
from dagsorden.extractor.segment.lines import lines_to_entries, right_edge, typical_gap
from dagsorden.extractor.settings import ExtractSettings
from dagsorden.models import Extraction, StyledLine
from pdfmaker import Text, bold, make_pdf


class Row(Text):
    """Several texts on one baseline (a label and its value, a number and its title)."""

    def __init__(self, parts: list[Text]) -> None:
        super().__init__(parts[0].text, parts[0].x, parts[0].size, parts[0].font)
        self.parts = parts


def lines(*texts: str | None) -> list[Text | None]:
    return [None if t is None else Text(t) for t in texts]


def extract(tmp_path: Path, name: str, pages: list[list[Text | None]], **kwargs: str | None) -> Extraction:
    return extract_document(make_pdf(tmp_path / f"{name}.pdf", pages, **kwargs), ocr="never")


def numbers(extraction: Extraction) -> list[int]:
    return [i.number for i in extraction.items]


# -- items ---------------------------------------------------------------------------------


def test_item_per_page_with_punkt_at_the_same_spot_is_no_running_header(tmp_path: Path) -> None:
    """Every item on its own page, "Punkt N." at the top: the same spot on every page, but a
    heading whose number changes, not furniture."""
    pages = [[Text(f"Punkt {n}.", size=9), bold(title, 13), Text("Sagsfremstilling"),
              Text(f"Tekst om sagen nummer {n}."), Text("Indstilling"), Text("Det indstilles, at"),
              Text("udvalget godkender sagen.")]
             for n, title in enumerate(["Godkendelse af dagsorden", "Budget 2024", "Takster 2024",
                                        "Eventuelt"], 1)]
    pdf = make_pdf(tmp_path / "perside.pdf", [[Text("Dagsorden for Socialudvalget")]] + pages, footer=None)
    extraction = extract_document(pdf, ocr="never")
    assert numbers(extraction) == [1, 2, 3, 4]
    assert [i.title for i in extraction.items][:2] == ["Godkendelse af dagsorden", "Budget 2024"]


def test_item_number_in_the_header_band_beside_its_title_is_kept(tmp_path: Path) -> None:
    """A web export prints "1" | "Budget ..." at the very top of each item's page: a bare
    number near the page number, but with its title beside it."""
    front = lines("Åben dagsorden", "Økonomiudvalget", "Mødedato: 02.11.2016")
    items = [[Row([bold(str(n)), bold(title, 10)]), None, Text("Sagsfremstilling"),
              Text("Direktionen orienterer om sagen."), Text("Indstilling"),
              Text("Direktionen indstiller, at orienteringen tages til efterretning.")]
             for n, title in ((1, "Budget, regnskab og likviditet"), (2, "Anlægsbevilling til hal"))]
    for page in items:
        page[0].parts[1].x = 110
    pdf = make_pdf(tmp_path / "band.pdf", [front] + items, header=None, footer=None)
    extraction = extract_document(pdf, ocr="never")
    assert [(i.number, i.title) for i in extraction.items] == [
        (1, "Budget, regnskab og likviditet"), (2, "Anlægsbevilling til hal")]


@pytest.mark.parametrize("heading,number,title", [
    ("12 Budgetopfølgning", 12, "Budgetopfølgning"),
    ("1.Boligselskabet Sydjylland, skema A (C)", 1, "Boligselskabet Sydjylland, skema A (C)"),
    ("715. Lokalplan for Havnen", 715, "Lokalplan for Havnen"),
    ("Nr.86 - Ældrepolitik", 86, "Ældrepolitik"),
    ("Punkt 3: Valg af formand", 3, "Valg af formand"),
    ("Pkt. 4 Orientering", 4, "Orientering"),
    ("3: Anlægsbevilling til ny hal", 3, "Anlægsbevilling til ny hal"),
    ("1 (Åben) Meddelelser fra formanden", 1, "Meddelelser fra formanden"),
    ("T1. Regnvandsbassin ved bækken", 1, "Regnvandsbassin ved bækken"),
])
def test_numbering_styles(tmp_path: Path, heading: str, number: int, title: str) -> None:
    """Each numbering style, with its next item numbered the same way."""
    following = heading.replace(str(number), str(number + 1), 1).replace(title, "Eventuelt")
    page = [bold("Referat"), Text("Deltagere: Anne Holm, Bo Dahl"), None,
            bold(heading), Text("Sagsfremstilling"), Text("Udvalget drøftede sagen."), Text("Beslutning"),
            Text("Godkendt."), None, bold(following), Text("Beslutning"), Text("Intet.")]
    extraction = extract(tmp_path, "style", [page])
    assert [(i.number, i.title) for i in extraction.items] == [(number, title), (number + 1, "Eventuelt")]


def test_open_and_closed_marks_after_the_number(tmp_path: Path) -> None:
    """Prepare's "N (Åben) Title" / "N (Lukket) Title": the mark says closed, it is no title."""
    page = [bold("Referat af møde i Kommunalbestyrelsen"), None, bold("1 (Åben) Lokalplan 402"),
            Text("Beslutning"), Text("Vedtaget."), None, bold("2 (Lukket) Salg af ejendom")]
    extraction = extract(tmp_path, "marks", [page])
    assert [(i.number, i.title, i.closed) for i in extraction.items] == [
        (1, "Lokalplan 402", False), (2, "Salg af ejendom", True)]


def test_web_page_with_unfolded_list_entries(tmp_path: Path) -> None:
    """A web page prints each item as a list entry "• 156" with the title below and its
    sections as nested entries ("• Beslutning"); its heading names both agendas and minutes."""
    page = [bold("Dagsordener og referater"), Text("Udvalg: Kommunalbestyrelsen"),
            Text("Mødedato: 26-09-2019 18:00:00"), None]
    for number, title in ((156, "Meddelelse om forfald"), (157, "Kommunegaranti for lån til Saltum Fjernvarmeværk")):
        page += [Text(f"• {number}", x=80), bold(title, 14), Text("• Sagsfremstilling", x=92),
                 Text("Værket søger om en garanti.", x=106), Text("• Beslutning", x=92),
                 Text("Godkendt.", x=106), None]
    extraction = extract(tmp_path, "unfolded", [page])
    assert extraction.document.kind == "minutes"
    assert [(i.number, i.title, i.decision) for i in extraction.items] == [
        (156, "Meddelelse om forfald", "Godkendt."),
        (157, "Kommunegaranti for lån til Saltum Fjernvarmeværk", "Godkendt.")]


def test_sub_points_are_no_items(tmp_path: Path) -> None:
    page = lines("Dagsorden", "1 Meddelelser", "1.1 Nyt fra formanden", "1.2 Nyt fra direktionen",
                 "2 Budget 2025", "Sagsfremstilling", "Budgettet er i balance.", "3 Eventuelt")
    assert numbers(extract(tmp_path, "sub", [page])) == [1, 2, 3]


def test_title_above_the_sag_nr_line_in_an_airy_look(tmp_path: Path) -> None:
    """A look that sets item titles large, with air under them, still puts the title nearer
    its "Sag nr." line than the text above: the title belongs to the item below it."""
    page = [Text("Social- og Sundhedsudvalget"), Text("14-11-2007"), None, None,
            bold("Meddelelser", 17), Text("", size=2), Text("Sag nr. 87", size=11.5), None, bold("Beslutning", 11.5),
            Text("Taget til efterretning", size=11.5), None, None,
            bold("Visitation til plejehjemspladser 2007", 17), Text("", size=2), Text("Sag nr. 88", size=11.5), None,
            bold("Beslutning", 11.5), Text("Taget til efterretning", size=11.5)]
    extraction = extract(tmp_path, "airy", [page])
    assert [(i.number, i.title) for i in extraction.items] == [
        (87, "Meddelelser"), (88, "Visitation til plejehjemspladser 2007")]


def test_sag_nr_line_with_the_title_above(tmp_path: Path) -> None:
    """Rødovre: the title, then "Sag nr. 19 (ØU 23/2010)"; a title may wrap above it."""
    page = lines("Kommunalbestyrelsen", "23-02-2010", None,
                 "Bygningsvedligeholdelse 2010 - anlægsbevilling søges", "Sag nr. 19 (ØU 23/2010)", None,
                 "Sagens kerne", "Der søges om anlægsbevilling.", "Beslutning", "Godkendt.", None,
                 "Agerkær 5 og Ruskær 37 - ansøgning om principiel tilladelse til udstykning af grunde ved de to",
                 "højhuse", "Sag nr. 20 (ØU 24/2010)", None, "Beslutning", "Godkendt.")
    extraction = extract(tmp_path, "sagnr", [page])
    assert [(i.number, i.title) for i in extraction.items] == [
        (19, "Bygningsvedligeholdelse 2010 - anlægsbevilling søges"),
        (20, "Agerkær 5 og Ruskær 37 - ansøgning om principiel tilladelse til udstykning af grunde ved "
             "de to højhuse")]
    assert [i.decision for i in extraction.items] == ["Godkendt.", "Godkendt."]


@pytest.mark.parametrize("title,closed", [
    ("Lukket punkt", True), ("Lukket - Køb af ejendom", True), ("Salg af grund (Lukket)", True),
    ("Lukning af daginstitution", False), ("Salg af areal - LUKKET SAG", True),
    ("Salg af erhvervsareal - Lukket punkt", True), ("Salg af grund (FOR LUKKEDE DØRE)", True),
    ("Ø Lukket punkt: Personalesag", True), ("Havnevej lukket for biler", False),
])
def test_closed_items(tmp_path: Path, title: str, closed: bool) -> None:
    page = lines("Dagsorden", "1. Godkendelse af dagsorden", "Beslutning", "Godkendt.", f"2. {title}",
                 "Beslutning", "Godkendt.")
    item = extract(tmp_path, "closed", [page]).items[1]
    assert (item.title, item.closed) == (title, closed)


def test_wrapped_title_in_the_body_font(tmp_path: Path) -> None:
    """A title that wraps onto a second line (the first ran to the margin) is one title; the
    text below a short title is not part of it."""
    long = "Ansøgning fra foreningen Kulturbroen om tilskud til fællesspisning og lektiecafé i"
    page = [Text("Dagsorden"), Text(f"3. {long}"), Text("Nyvangskvarteret"), None,
            Text("Sagsfremstilling"), Text("Foreningen søger om tilskud."), Text("4. Eventuelt"),
            Text("Ingen punkter.")]
    extraction = extract(tmp_path, "wrap", [page])
    assert [i.title for i in extraction.items] == [f"{long} Nyvangskvarteret", "Eventuelt"]


def test_contents_list_with_page_numbers_in_their_own_column(tmp_path: Path) -> None:
    """A contents list ("Sag nr. 112  Title  2") before the items is no item list."""
    toc = [Row([Text(f"Sag nr. {n}"), Text(title, x=140), Text(str(page), x=500)])
           for n, title, page in ((112, "Godkendelse af dagsorden", 2), (113, "Svømmehal", 3))]
    front = [bold("Byrådet"), Text("Referat fra møde"), None, bold("Indhold"), *toc]
    items = [[bold(f"Sag nr. {n}"), bold(title), Text("Byrådets beslutning den 27. maj 2014:"),
              Text("Godkendt.")] for n, title in ((112, "Godkendelse af dagsorden"), (113, "Svømmehal"))]
    extraction = extract(tmp_path, "toc", [front] + items)
    assert [(i.number, i.title, i.page_start) for i in extraction.items] == [
        (112, "Godkendelse af dagsorden", 2), (113, "Svømmehal", 3)]


def test_memo_with_numbered_chapters_has_no_items(tmp_path: Path) -> None:
    """A letter ("Dato:" in its letterhead) with numbered bold chapters is no agenda."""
    page = [Text("Dato: 3. marts 2024"), Text("Notat om hjemmeplejen"), bold("1. Baggrund"),
            Text("Kommunen har set på hjemmeplejen."), bold("2. Formål"), Text("At skabe overblik."),
            bold("3. Økonomi"), Text("Udgiften er 1,5 mio. kr.")]
    extraction = extract(tmp_path, "memo", [page])
    assert extraction.items == [] and extraction.document.kind == "appendix"


# -- the kind is a label ---------------------------------------------------------------------


def test_one_item_minutes_without_a_decision_heading(tmp_path: Path) -> None:
    """Minutes of one point whose text is what was decided: the kind does not gate items."""
    page = lines("Referat af møde i Handicaprådet den 31. januar 2023", "Deltagere:", "Anne Holm, formand",
                 "Bo Dahl, næstformand", None, "1. Velkomst v. formanden",
                 "Formanden bød velkommen til rådets nye medlemmer.")
    extraction = extract(tmp_path, "one", [page])
    assert extraction.document.kind == "minutes"
    assert [(i.number, i.decision) for i in extraction.items] == [
        (1, "Formanden bød velkommen til rådets nye medlemmer.")]
    assert extraction.meeting.date == "2023-01-31" and extraction.meeting.committee == "Handicaprådet"


def test_agenda_that_is_only_a_list_of_titles(tmp_path: Path) -> None:
    page = lines("Dagsorden", "Ældrerådet", "Tid: 12. maj 2022 kl. 10:00", None, "1. Godkendelse af dagsorden",
                 "2. Nyt fra formanden", "3. Eventuelt")
    extraction = extract(tmp_path, "titles", [page])
    assert extraction.document.kind == "agenda"
    assert [i.title for i in extraction.items] == ["Godkendelse af dagsorden", "Nyt fra formanden", "Eventuelt"]


# -- recommendations -------------------------------------------------------------------------


@pytest.mark.parametrize("lead,points,expected", [
    ("Det indstilles:", ["at budgettet godkendes."], ["at budgettet godkendes."]),
    ("Center for Familie, Social & Beskæftigelse indstiller, at orienteringen tages til efterretning.", [],
     ["orienteringen tages til efterretning."]),
    ("Administrationen indstiller, at:", ["1. at der gives en anlægsbevilling på 8,5 mio. kr., og",
                                          "2. at rådighedsbeløbet frigives."],
     ["at der gives en anlægsbevilling på 8,5 mio. kr., og", "at rådighedsbeløbet frigives."]),
    ("Formanden indstiller,", ["at referatet godkendes"], ["at referatet godkendes"]),
    ("Direktøren indstiller til Udvalget for Kultur og Fritid:", ["1. At dialogmødet tages til efterretning."],
     ["At dialogmødet tages til efterretning."]),
    ("Kultur- og Fritidsforvaltningen indstiller, at Økonomiudvalget over for Byrådet anbefaler,",
     ["at der gives kommunegaranti, og", "at garantien gives på vilkårene."],
     ["at der gives kommunegaranti, og", "at garantien gives på vilkårene."]),
    # the lead-in ends in its own "at": the verb after it is the lead-in's, the points follow
    ("Direktøren indstiller til Økonomiudvalget at anbefale over for kommunalbestyrelsen",
     ["1. at sælge ejendommen Stamholmen 147", "2. at give en indtægtsbevilling på 11,2 mio. kr. i 2019"],
     ["at sælge ejendommen Stamholmen 147", "at give en indtægtsbevilling på 11,2 mio. kr. i 2019"]),
    # the whole paragraph under the heading, not only its first sentence
    ("Klima- og Miljøudvalget indstiller, at byrådet godkender, at der ydes kommunal lånegaranti på 14,2",
     ["mio. kr. til Sulsted-Ajstrup Kraftvarme A.m.b.a. Lånet optages hos KommuneKredit med fast rente og",
      "en løbetid på 25 år."],
     ["byrådet godkender, at der ydes kommunal lånegaranti på 14,2 mio. kr. til Sulsted-Ajstrup Kraftvarme "
      "A.m.b.a. Lånet optages hos KommuneKredit med fast rente og en løbetid på 25 år."]),
    # an earlier body's verdict and who was absent then, printed as sentences after the points
    ("By- og Landskabsudvalget indstiller, at byrådet godkender", ["• forslag til Lokalplan 4-6-112",
                                                                  "• at forslagene sendes i høring i 8 uger.",
                                                                  "Simon Kjær Madsen var fraværende.",
                                                                  "Teknisk Udvalg anbefaler indstillingen."],
     ["forslag til Lokalplan 4-6-112", "at forslagene sendes i høring i 8 uger."]),
])
def test_recommendation_lead_ins_are_left_out(tmp_path: Path, lead: str, points: list[str],
                                              expected: list[str]) -> None:
    page = lines("Dagsorden", "1. Anlægsbevilling", "Sagsfremstilling", "Kommunen søger om en bevilling.",
                 "Indstilling", lead, *points, "Økonomiudvalget: Indstilles godkendt.", "2. Eventuelt")
    assert extract(tmp_path, "lead", [page]).items[0].recommendations == expected


@pytest.mark.parametrize("lead,points,expected", [
    # the addressee wraps onto the line with the point
    ("Direktionen indstiller til", ["Økonomiudvalget og Byrådet, at forslaget fremlægges i offentlig høring."],
     ["forslaget fremlægges i offentlig høring."]),
    # a body's own recommendation inside the lead-in
    ("Fagafdelingen indstiller, at Teknisk Udvalg over for Økonomiudvalget og Byrådet anbefaler, at",
     ["forslaget sendes i offentlig høring i 8 uger."], ["at forslaget sendes i offentlig høring i 8 uger."]),
    # the inline point wraps after three words
    ("Social- og Sundhedsforvaltningen under Velfærd og Sundhed indstiller, at orienteringen tages til",
     ["efterretning."], ["orienteringen tages til efterretning."]),
    # the lead-in itself wraps before its points
    ("Kultur- og Fritidsforvaltningen indstiller, at Økonomiudvalget over for Byrådet og",
     ["Kommunalbestyrelsen anbefaler,", "at der gives kommunegaranti på op til 2.350.000 kr., og",
      "at garantien gives på de beskrevne vilkår."],
     ["at der gives kommunegaranti på op til 2.350.000 kr., og", "at garantien gives på de beskrevne vilkår."]),
])
def test_lead_ins_that_wrap(tmp_path: Path, lead: str, points: list[str], expected: list[str]) -> None:
    """A text-only export wraps wherever the line is full: the lead-in is still left out."""
    page = lines("Dagsorden", "1. Anlægsbevilling", "Sagsfremstilling", "Kommunen søger om en bevilling.",
                 "Indstilling", lead, *points, "2. Eventuelt")
    assert extract(tmp_path, "leadwrap", [page]).items[0].recommendations == expected


def test_a_sagsgang_grid_row_is_no_recommendation(tmp_path: Path) -> None:
    """Ringsted's "Sagsgang" grid has an "Indstilling" row of x marks above the real section."""
    page = [bold("Referat"), None, bold("2. Anlægsbevilling"), bold("Sagsgang"), Row([bold("Indstilling"), Text("x", x=200)]),
            Row([bold("Beslutning"), Text("x", x=160)]), bold("Indledning"), Text("Sagen handler om en bæk."),
            bold("Indstilling"), Text("Direktøren indstiller, at bevillingen gives."), bold("Beslutning"), Text("Anbefales."),
            None, bold("3. Eventuelt"), bold("Beslutning"), Text("Intet.")]
    extraction = extract(tmp_path, "grid", [page])
    assert extraction.items[0].recommendations == ["bevillingen gives."]
    assert extraction.items[0].decision == "Anbefales."


@pytest.mark.parametrize("section", [
    ["Anbefaling", "Forvaltningen anbefaler,", "at der gives kommunegaranti,", "at der opkræves provision."],
    ["INDSTILLING:", "Lene Hvid (V) har meldt afbud. Bo Saabye er indkaldt.", "Direktionen indstiller:",
     "1. at der gives kommunegaranti,", "2. at der opkræves provision."],
])
def test_recommendation_under_other_headings(tmp_path: Path, section: list[str]) -> None:
    """Varde's "Anbefaling" with "Forvaltningen anbefaler,"; Guldborgsund's "INDSTILLING:" over
    the case, with the lead-in as a heading of its own over the points."""
    page = lines("Referat", "512. Kommunegaranti", "Sagsfremstilling", "Selskabet søger om garanti.", *section,
                 "Beslutning", "Godkendt.", "513. Eventuelt")
    assert extract(tmp_path, "anbefaling", [page]).items[0].recommendations == [
        "at der gives kommunegaranti,", "at der opkræves provision."]


def test_earlier_verdict_headed_by_body_date_and_point(tmp_path: Path) -> None:
    """"Økonomiudvalget, 18. september 2019, pkt. 178:" heads an earlier body's verdict."""
    page = lines("Referat", "156. Skema A for familieboliger", "Indstilling", "Borgmesteren indstiller, at",
                 "• skema A godkendes.", "Økonomiudvalget, 18. september 2019, pkt. 178:",
                 "Et flertal anbefaler godkendelse.", "Beslutning", "Godkendt.", "157. Eventuelt")
    item = extract(tmp_path, "pkt", [page]).items[0]
    assert (item.recommendations, item.decision) == (["skema A godkendes."], "Godkendt.")


def test_earlier_bodies_dated_verdicts_after_the_points(tmp_path: Path) -> None:
    """Bornholm prints "Natur- og Fritidsudvalget den 3. marts 2021:" over each earlier verdict,
    in the body font of a text export: a verdict, not a point."""
    page = lines("Dagsorden", "Kommunalbestyrelsen", "1. Kunstgræsbane", "Indstilling og beslutning",
                 "Kommunaldirektøren indstiller, at", "· der gives en anlægsbevilling på 2,1 mio. kr.",
                 "· beløbet finansieres af puljen.", "Natur- og Fritidsudvalget den 3. marts 2021:", "Anbefalet.",
                 "2. Eventuelt")
    assert extract(tmp_path, "verdict", [page]).items[0].recommendations == [
        "der gives en anlægsbevilling på 2,1 mio. kr.", "beløbet finansieres af puljen."]


def test_points_that_wrap_are_one_point_each(tmp_path: Path) -> None:
    """A point wrapped at "30. juni 2025," is one point, not a numbered point 30."""
    page = lines("Dagsorden", "1. Brobyggeren", "Indstilling", "Forvaltningen indstiller,",
                 "at udvalget anbefaler, at projektet forlænges til den", "30. juni 2025,",
                 "at udgiften finansieres af mindreudgifter.", "2. Eventuelt")
    assert extract(tmp_path, "wrap", [page]).items[0].recommendations == [
        "at udvalget anbefaler, at projektet forlænges til den 30. juni 2025,",
        "at udgiften finansieres af mindreudgifter."]


def test_proposal_without_an_indstilling_heading(tmp_path: Path) -> None:
    page = lines("Referat", "1. Arbejdsgruppe om ensomhed", "Sagsfremstilling", "Rådet har drøftet ensomhed.",
                 "Staben foreslår, at der nedsættes en arbejdsgruppe.", "Beslutning", "Godkendt.")
    item = extract(tmp_path, "forslag", [page]).items[0]
    assert item.recommendations == ["der nedsættes en arbejdsgruppe."]


# -- decisions -------------------------------------------------------------------------------


@pytest.mark.parametrize("attendance", [
    ["Følgende deltog ikke i behandlingen af punktet:", "Steen Petersen (O)"],
    ["Fraværende: Steen Petersen (O)"],
    ["Ikke til stede: Steen Petersen (O)"],
    ["FRAVÆRENDE MED AFBUD:", "Steen Petersen (O)"],
    ["Steen Petersen (O) deltog ikke under behandlingen af dette punkt."],
])
def test_decision_stops_at_attendance_lines(tmp_path: Path, attendance: list[str]) -> None:
    page = lines("Referat", "Deltagere: Anne Holm (A), Bo Dahl (V)", None, "36. Godkendelse af dagsorden",
                 "Beslutning", "Godkendt.", None, *attendance, None, "37. Eventuelt", "Beslutning", "Intet.")
    extraction = extract(tmp_path, "absent", [page])
    assert extraction.items[0].decision == "Godkendt."
    assert "Steen Petersen" in {p.name for p in extraction.absent}


@pytest.mark.parametrize("arrival", [
    "Bo Dahl (V) deltog i mødet i stedet for Steen Petersen (O).",
    "Bo Dahl deltog i mødet fra og med punkt 37.",
    "Bo Dahl (V) ankom kl. 17.30.",
])
def test_who_came_in_a_members_place_or_later_is_no_part_of_the_decision(tmp_path: Path, arrival: str) -> None:
    """A sentence telling who came, in whose place or from when, closes the decision's paragraph
    or stands below it: attendance, not what was decided; absent is only the member whose place
    was taken."""
    for name, text in (("samme", [f"Godkendt. {arrival}"]), ("under", ["Godkendt.", None, arrival])):
        page = lines("Referat", "Deltagere: Anne Holm (A), Bo Dahl (V)", None, "36. Godkendelse af dagsorden",
                     "Beslutning", *text, None, "37. Eventuelt", "Beslutning", "Intet.")
        extraction = extract(tmp_path, f"arrival_{name}", [page])
        assert extraction.items[0].decision == "Godkendt."
        absent = {p.name for p in extraction.absent}
        assert "Bo Dahl" not in absent
        assert ("Steen Petersen" in absent) == ("i stedet for" in arrival)


def test_absence_sentences_after_a_decision(tmp_path: Path) -> None:
    """"Afbud fra A og B. Som suppleanter deltog C og D.", "X var fraværende.", "X forlod
    mødet ...": the absent are named, the substitutes are not; a listed member who sent
    apologies is both a participant and absent."""
    page = lines("Referat", "Medlemmer: Per Holm (A), Line Friis (V), Jakob Thyssen (C), Signe Bager (F)", None,
                 "1. Godkendelse af dagsorden", "Beslutning", "Godkendt.", None,
                 "Afbud fra Per Holm (A) og Line Friis (V). Som suppleanter deltog Ahmad Rahimi (A) og Karen Dam (V).",
                 None, "2. Havneplan", "Beslutning", "Godkendt.", None, "Jakob Thyssen (C) var fraværende.", None,
                 "3. Eventuelt", "Beslutning", "Intet.", None, "Signe Bager (F) forlod mødet efter punkt 2.")
    extraction = extract(tmp_path, "afbud", [page])
    assert [i.decision for i in extraction.items] == ["Godkendt.", "Godkendt.", "Intet."]
    assert {p.name for p in extraction.absent} == {"Per Holm", "Line Friis", "Jakob Thyssen", "Signe Bager"}
    assert "Per Holm" in {p.name for p in extraction.participants}


def test_this_meetings_dated_decision_among_earlier_ones(tmp_path: Path) -> None:
    page = lines("Byrådet", "Referat af mødet den 20-06-2013", None, "108. Salg af grund",
                 "Beslutning i Økonomiudvalget den 10-04-2013", "Anbefales.",
                 "Beslutning i Byrådet den 20-06-2013", "Godkendt.", "Afbud: Bo Dahl (V)",
                 "109. Eventuelt", "Beslutning i Byrådet den 20-06-2013", "Intet.")
    extraction = extract(tmp_path, "dated", [page])
    assert extraction.meeting.date == "2013-06-20"
    assert [i.decision for i in extraction.items] == ["Godkendt.", "Intet."]


def test_agenda_prints_earlier_bodies_decisions_but_has_none(tmp_path: Path) -> None:
    page = lines("Dagsorden", "Byrådet", "Mødedato: 22-10-2019", None, "1. Skema A for ældreboliger",
                 "Beslutning Økonomiudvalget den 15-10-2019", "Anbefales.", "2. Eventuelt")
    assert [i.decision for i in extract(tmp_path, "agenda", [page]).items] == [None, None]


def test_minutes_under_referat_labels(tmp_path: Path) -> None:
    page = lines("Referat fra SeniorRådsmøde nr. 242", "Dato: 28. februar 2019", "Kl: 13:00",
                 "Sted: Biblioteket", None, "1. Godkendelse af dagsorden", "Referat", "Dagsorden godkendt",
                 "2. Valg af ordstyrer", "Referat", "Birgit Lindahl")
    extraction = extract(tmp_path, "senior", [page])
    assert [i.decision for i in extraction.items] == ["Dagsorden godkendt", "Birgit Lindahl"]
    assert (extraction.meeting.start_time, extraction.meeting.location) == ("13:00", "Biblioteket")


# -- attachments ------------------------------------------------------------------------------


def test_attachments_without_bilag_numbers_and_none(tmp_path: Path) -> None:
    page = lines("Dagsorden", "1. Temaanalyse", "Sagsfremstilling",
                 "Rådet orienteres om temaanalysen på specialområdet og om, hvordan udvalget har drøftet den.",
                 "Bilag", "Plancher vedr. temaanalyse",
                 "SBU_maj_Plancher.pdf", "2. Eventuelt", "Bilag", "Ingen bilag.")
    extraction = extract(tmp_path, "bilag", [page])
    assert [[a.title for a in i.attachments] for i in extraction.items] == [
        ["Plancher vedr. temaanalyse", "SBU_maj_Plancher.pdf"], []]


def test_attachment_table_with_document_numbers(tmp_path: Path) -> None:
    rows = [Row([Text(n), Text(title, x=140), Text("Åben", x=450)])
            for n, title in (("48211/21", "Tilstandsrapport kunstgræsbane"), ("48236/21", "Overslag fra rådgiver"))]
    page = [Text("Dagsorden"), Text("1. Kunstgræsbane"), Text("Sagsfremstilling"), Text("Banen er slidt."),
            Text("Bilag"), Row([Text("Dok.nr."), Text("Titel", x=140), Text("Åben", x=450)]), *rows,
            Text("2. Eventuelt")]
    assert [a.title for a in extract(tmp_path, "table", [page]).items[0].attachments] == [
        "Tilstandsrapport kunstgræsbane", "Overslag fra rådgiver"]



def test_attachment_titles_that_wrap_in_an_item_of_one_line_paragraphs(tmp_path: Path) -> None:
    """Entries one blank line apart, one wrapping onto a second line: the space between wrapped
    lines is read under a line that runs to the edge, not from the item's common gap (here the
    paragraph gap, which made the whole list one entry)."""
    page = [Text("Referat"), None, bold("1. Orientering om skolestrukturen"), None, bold("Sagsfremstilling"), None,
            Text("Forvaltningen har udarbejdet en analyse af kapaciteten på skolerne."), None,
            Text("Skolebestyrelserne er hørt."), None, bold("Beslutning"), None, Text("Taget til efterretning."),
            None, bold("Bilag"), None,
            Text("Analyse af skolestrukturen og den forventede kapacitet på skolerne i den nordlige del af"),
            Text("kommunen 2020-2030"), None,
            Text("Høringssvar fra skolebestyrelsen ved Nordskolen vedrørende forslag til ændret distriktsgrænse"),
            None, Text("Notat")]
    assert [a.title for a in extract(tmp_path, "bilag_ombrudt", [page]).items[0].attachments] == [
        "Analyse af skolestrukturen og den forventede kapacitet på skolerne i den nordlige del af kommunen 2020-2030",
        "Høringssvar fra skolebestyrelsen ved Nordskolen vedrørende forslag til ændret distriktsgrænse",
        "Notat"]



def test_ruled_attachment_table_whose_title_cells_wrap(tmp_path: Path) -> None:
    """"Nr. | Titel | Åben/Lukket" drawn as a grid, long titles wrapping inside their cell and
    the status cell set close beside the title: one attachment per row, the title whole, no
    "Åben" inside it (and the rows' numbers are no items)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    rows = [("Nr.", ["Titel"], "Åben/Lukket"),
            ("1", ["Analyse af skolestrukturen og den forventede kapacitet på skolerne i den", "nordlige del af "
                   "kommunen 2020-2030"], "Åben"),
            ("2", ["Høringssvar fra skolebestyrelsen ved Nordskolen vedrørende forslag til ændret",
                   "distriktsgrænse"], "Åben"),
            ("3", ["Notat"], "Lukket")]
    path = tmp_path / "bilagstabel.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    y = A4[1] - 80
    for text, font in (("Referat", "Helvetica-Bold"), ("1. Skolestruktur", "Helvetica-Bold"),
                       ("Sagsfremstilling", "Helvetica-Bold"), ("Forvaltningen har lavet en analyse.", "Helvetica"),
                       ("Beslutning", "Helvetica-Bold"), ("Taget til efterretning.", "Helvetica"),
                       ("Bilag", "Helvetica-Bold")):
        canvas.setFont(font, 10)
        canvas.drawString(72, y, text)
        y -= 16
    for number, title, status in rows:
        height = 6 + 11 * len(title)
        for x, width, cell in ((72, 40, [number]), (112, 338, title), (450, 60, [status])):
            canvas.rect(x, y - height + 10, width, height)
            for k, text in enumerate(cell):
                canvas.setFont("Helvetica", 9)
                canvas.drawString(x + 3, y - 11 * k, text)
        y -= height
    for text, font in (("2. Budgetopfølgning", "Helvetica-Bold"), ("Sagsfremstilling", "Helvetica-Bold"),
                       ("Forbruget følger budgettet.", "Helvetica"), ("Beslutning", "Helvetica-Bold"),
                       ("Godkendt.", "Helvetica")):
        y -= 16
        canvas.setFont(font, 10)
        canvas.drawString(72, y, text)
    canvas.showPage()
    canvas.save()
    extraction = extract_document(path, ocr="never")
    assert [i.number for i in extraction.items] == [1, 2]
    assert [a.title for a in extraction.items[0].attachments] == [
        "Analyse af skolestrukturen og den forventede kapacitet på skolerne i den nordlige del af kommunen 2020-2030",
        "Høringssvar fra skolebestyrelsen ved Nordskolen vedrørende forslag til ændret distriktsgrænse", "Notat"]


# -- meeting fields ---------------------------------------------------------------------------


def test_committee_in_a_title_line_with_the_date(tmp_path: Path) -> None:
    page = lines("Socialudvalget - 25-05-2020", "Referat", None, "36. Godkendelse af dagsorden", "Beslutning",
                 "Godkendt.", "37. Eventuelt")
    meeting = extract(tmp_path, "title", [page]).meeting
    assert (meeting.committee, meeting.date) == ("Socialudvalget", "2020-05-25")


@pytest.mark.parametrize("title,committee", [
    ("Teknisk Udvalg - 09-05-2022", "Teknisk Udvalg"),
    ("Møde i Udvalg for natur, miljø og grøn omstilling", "Udvalg for natur, miljø og grøn omstilling"),
])
def test_committee_names_beyond_compounds(tmp_path: Path, title: str, committee: str) -> None:
    """An adjective before "Udvalg", and "Udvalg for" with its words in lower case; a large
    "Åben Referat" on the cover names no body."""
    page = [bold(title, 14), bold("Åben Referat", 16), Text("Dato: 9. maj 2022"), None,
            Text("1. Godkendelse af dagsorden"), Text("Beslutning"), Text("Godkendt."), Text("2. Eventuelt")]
    assert extract(tmp_path, "name", [page]).meeting.committee == committee


def test_a_sentence_is_no_committee_name() -> None:
    assert committee_names("Udvalget for Kultur og Fritid har besluttet at") == ["Udvalget for Kultur og Fritid"]
    assert committee_names("Udvalg for natur har besluttet at") == []
    assert committee_names("Det Udvalg skal se på sagen") == []


def test_meeting_named_in_a_sentence(tmp_path: Path) -> None:
    page = lines("Referat til mødet i Udvalget for Kultur og Fritid den 1. september 2020 kl. 15:30 i",
                 "Mødelokale 8 - Mariager Rådhus, Fjordgade 5", None, "86. Godkendelse af dagsorden",
                 "Beslutning", "Godkendt.", "87. Eventuelt")
    meeting = extract(tmp_path, "sentence", [page]).meeting
    assert (meeting.committee, meeting.date, meeting.start_time, meeting.location) == (
        "Udvalget for Kultur og Fritid", "2020-09-01", "15:30", "Mødelokale 8 - Mariager Rådhus, Fjordgade 5")


def test_capitalised_label_table(tmp_path: Path) -> None:
    rows = [Row([Text(label), Text(value, x=200)]) for label, value in (
        ("UDVALG", "Byrådet"), ("MØDE", "Ordinært møde"), ("STED", "Byrådssalen"),
        ("STARTTIDSPUNKT", "13-05-2015 18:00"), ("SLUTTIDSPUNKT", "13-05-2015 20:15"))]
    page = [Text("Referat"), *rows, None, Text("108. Godkendelse"), Text("Beslutning"), Text("Godkendt."),
            Text("109. Eventuelt")]
    meeting = extract(tmp_path, "caps", [page]).meeting
    assert (meeting.committee, meeting.location, meeting.date, meeting.start_time, meeting.end_time) == (
        "Byrådet", "Byrådssalen", "2015-05-13", "18:00", "20:15")


@pytest.mark.parametrize("label", ["Lokale:", "Mødeafholdelse", "Lokation:", "Møde lokation"])
def test_place_labels(tmp_path: Path, label: str) -> None:
    page = [Text("Byrådet - Referat"), Row([Text("Dato:"), Text("26. april 2016", x=200)]),
            Row([Text(label), Text("Byrådssalen", x=200)]), None, Text("1. Godkendelse af dagsorden"),
            Text("Beslutning"), Text("Godkendt."), Text("2. Eventuelt")]
    assert extract(tmp_path, "place", [page]).meeting.location == "Byrådssalen"


def test_web_table_header_row_over_its_values(tmp_path: Path) -> None:
    """"Titel | Udvalg | Funktioner" in bold over "Byrådet | Byrådet | Vis medlemmer": the body
    is the value under "Udvalg", not the header cell beside it."""
    header = Row([bold("Titel"), bold("Udvalg"), bold("Funktioner")])
    header.parts[1].x, header.parts[2].x = 180, 300
    values = Row([Text("Byrådet"), Text("Byrådet"), Text("Vis medlemmer Udskriv")])
    values.parts[1].x, values.parts[2].x = 180, 300
    page = [header, values, None, bold("Mødetidspunkt"), Text("29-04-2013 18:00"), None,
            bold("88 Godkendelse af dagsorden", 13), bold("Beslutning"), Text("Tiltrådt."), None,
            bold("89 Eventuelt", 13), bold("Beslutning"), Text("Intet.")]
    meeting = extract(tmp_path, "webtable", [page]).meeting
    assert (meeting.committee, meeting.date) == ("Byrådet", "2013-04-29")


@pytest.mark.parametrize("title", ["Referat byrådet 28. november 2018",
                                   "28. november 2018 - referat fra byrådet"])
def test_committee_printed_in_lower_case_after_the_kind_word(tmp_path: Path, title: str) -> None:
    page = [bold(title, 14), None, Text("1. Godkendelse af dagsorden"), Text("Beslutning"), Text("Godkendt."),
            Text("2. Eventuelt"), Text("Beslutning"), Text("Intet.")]
    assert extract(tmp_path, "lower", [page]).meeting.committee == "Byrådet"


def test_committee_named_in_a_web_pages_breadcrumb(tmp_path: Path) -> None:
    page = lines("Menu", "Søg", "Skanderborg Kommune", "- Politik og Fællesskab /", "- Dagsordener og referater /",
                 "- Økonomiudvalget /", "- Referat", "Menu", "- Forside", "- Borger", None, "Dato: 13. marts 2019",
                 None, "1. Godkendelse af dagsorden", "Beslutning", "Godkendt.", "2. Eventuelt", "Beslutning", "Intet.")
    assert extract(tmp_path, "breadcrumb", [page]).meeting.committee == "Økonomiudvalget"


def test_web_page_headed_dagsorden_that_prints_each_decision_is_minutes(tmp_path: Path) -> None:
    """A web page's "Dagsorden" heading over items whose "Beslutning" holds text: what was
    decided is printed, so these are minutes; "Bilag | Funktioner" heads the attachments."""
    def item(number: int, title: str, decided: str, attachment: str) -> list[Text | None]:
        bilag = Row([bold("Bilag"), bold("Funktioner")])
        bilag.parts[1].x = 400
        return [bold(f"{number} {title}", 13), bold("Sagsfremstilling"), Text("Sagen drøftes."), bold("Beslutning"),
                Text(decided), bilag, Text(attachment), None]
    page = [bold("Byrådet", 16), bold("Dagsorden"), None, *item(88, "Lokalplan nr. 612", "Tiltrådt.", "Lokalplan"),
            *item(89, "Kommunegaranti", "Tiltrådt.", "Ansøgning af 12. marts 2013"),
            *item(90, "Eventuelt", "Intet.", "Notat")]
    extraction = extract(tmp_path, "webdagsorden", [page])
    assert extraction.document.kind == "minutes"
    assert [(i.decision, [a.title for a in i.attachments]) for i in extraction.items] == [
        ("Tiltrådt.", ["Lokalplan"]), ("Tiltrådt.", ["Ansøgning af 12. marts 2013"]), ("Intet.", ["Notat"])]


def test_closing_sentence_on_who_took_no_part_wrapped_in_the_decision(tmp_path: Path) -> None:
    page = [bold("Referat"), Text("Medlemmer: Merete Haugaard, Bo Dahl"), None, bold("1. Lokalplan"),
            bold("Beslutning"), Text("Indstillingen blev godkendt. Merete Haugaard erklærede sig inhabil og"),
            Text("deltog ikke i behandlingen af punktet."), None, bold("2. Eventuelt"), bold("Beslutning"),
            Text("Intet.")]
    extraction = extract(tmp_path, "inhabil", [page])
    first = extraction.items[0]
    assert first.decision == "Indstillingen blev godkendt."
    assert [p.name for p in first.absent] == ["Merete Haugaard"]
    assert [(d.who, d.kind) for d in first.dissents] == [("Merete Haugaard", "did_not_take_part")]


def test_members_listed_in_two_columns_under_one_label(tmp_path: Path) -> None:
    """"Medlemmer" over two columns of "Name (Party)", the chair marked "- Formand"."""
    rows = [Row([Text(left), Text(right, x=300)]) for left, right in (
        ("Lars Christian Bonde (V)", "Søren Vestervig (F)"), ("Anders Kvist Holm (V)", "Bahman Rezaei (A)"),
        ("Ida Lindholm (Ø)", "Vibeke Lynggaard (A) - Formand"))]
    page = [bold("Referat"), bold("Frederikshavn Byråd"), Row([bold("Dato"), Text("26. august 2015", x=160)]), None,
            bold("Medlemmer"), None, *rows, None, bold("1. Godkendelse af dagsorden"), bold("Beslutning"), Text("Godkendt."),
            bold("2. Eventuelt"), bold("Beslutning"), Text("Intet.")]
    participants = extract(tmp_path, "tospalter", [page]).participants
    assert [(p.name, p.organization) for p in participants] == [
        ("Lars Christian Bonde", "V"), ("Søren Vestervig", "F"), ("Anders Kvist Holm", "V"), ("Bahman Rezaei", "A"),
        ("Ida Lindholm", "Ø"), ("Vibeke Lynggaard", "A")]
    assert participants[-1].role == "Formand"


def test_members_with_user_names_and_a_party_column(tmp_path: Path) -> None:
    """"Bodil Kjærgaard (bokj)   B": the system's user name in brackets, the party in a column
    of its own; "Ej til stede:" after a decision names the absent."""
    def member(label: str, name: str, party: str) -> Row:
        return Row([Text(label), Text(name, x=160), Text(party, x=360)])
    page = [bold("Referat"), bold("Klima- og Miljøudvalget"), Row([Text("Mødedato:"), Text("21-06-2018", x=160)]),
            member("Medlemmer", "Bodil Kjærgaard (bokj)", "B"), Row([Text("Anders Holmgaard (anho)", x=160),
                                                                 Text("A", x=360)]),
            Row([Text("Palle Brorsen (hjpabr)", x=160), Text("O", x=360)]), None,
            bold("1. Godkendelse af dagsorden"), bold("Beslutning"), Text("Godkendt."), None,
            Text("Ej til stede: Palle Brorsen"), None, bold("2. Eventuelt"), bold("Beslutning"), Text("Intet.")]
    extraction = extract(tmp_path, "brugernavne", [page])
    assert [(p.name, p.organization) for p in extraction.participants] == [
        ("Bodil Kjærgaard", "B"), ("Anders Holmgaard", "A"), ("Palle Brorsen", "O")]
    assert extraction.items[0].decision == "Godkendt."
    assert [p.name for p in extraction.absent] == ["Palle Brorsen"]


def test_absence_sentence_under_the_title(tmp_path: Path) -> None:
    page = lines("Referat", "til", "mødet i Byrådet", "den 19. juni 2018 kl. 17:00", None,
                 "Der var afbud fra Karsten Lyngbo (V) og Hanne Ørum (A).", None, "1. Skema A", "Beslutning i Byrådet",
                 "Godkendt.", "2. Eventuelt", "Beslutning i Byrådet", "Intet.")
    extraction = extract(tmp_path, "afbudssaetning", [page])
    assert [(p.name, p.organization) for p in extraction.absent] == [("Karsten Lyngbo", "V"), ("Hanne Ørum", "A")]


def test_web_list_entries_with_number_and_title_on_one_line(tmp_path: Path) -> None:
    """Viborg's web module: "•  1 Title" items with "•  Resume" sections under them; the line
    after the dated title is "Referat", which is no place."""
    def item(number: int, title: str) -> list[Text | None]:
        return [bold(f"• {number} {title}", 11.5), bold("• Indstilling", 9.5),
                Text("Borgmesteren indstiller, at sagen godkendes.", x=90), bold("• Beslutning i Byrådet den 19-06-2019", 9.5),
                Text("Godkendt.", x=90)]
    page = [bold("Byrådet - Referat fra mødet den 19-06-2019", 14), bold("Referat"), *item(1, "Udpegning af nyt medlem"),
            *item(2, "Ny idrætshal ved Løgstrup Skole"), *item(3, "Eventuelt")]
    extraction = extract(tmp_path, "viborg", [page])
    assert [(i.number, i.title, i.decision) for i in extraction.items] == [
        (1, "Udpegning af nyt medlem", "Godkendt."), (2, "Ny idrætshal ved Løgstrup Skole", "Godkendt."),
        (3, "Eventuelt", "Godkendt.")]
    assert extraction.meeting.location is None


def test_numbered_attachment_column_and_a_header_row_read_into_the_first_entry(tmp_path: Path) -> None:
    def numbered(number: int, title: str) -> Row:
        return Row([Text(str(number)), Text(title, x=100)])
    page = [bold("Referat"), None, bold("1. Benløse Bæk"), bold("Sagsfremstilling"),
            Text("Bækken blev rettet ud i 1960'erne og løber i dag i en dyb kanal, hvor ørreder og smådyr har svært"),
            Text("ved at leve; projektet giver den et slynget forløb."), bold("Bilag"), numbered(1, "Bilag 1 - Projektbeskrivelse (41127/18)"),
            numbered(2, "(Lukket bilag)"), numbered(3, "Skitse_forløb.pdf (41139/18)"), bold("Beslutning"), Text("Anbefales."),
            None, bold("2. Havneplan"), bold("Bilag"), Text("Titel Dokumentnr. Åben/Lukket"), Text("Lokalplan - endelig udgave"),
            Text("Høringssvar fra Sæby Fiskeriforening"), bold("Beslutning"), Text("Godkendt.")]
    items = extract(tmp_path, "bilagsnumre", [page]).items
    assert [[a.title for a in i.attachments] for i in items] == [
        ["Bilag 1 - Projektbeskrivelse (41127/18)", "(Lukket bilag)", "Skitse_forløb.pdf (41139/18)"],
        ["Lokalplan - endelig udgave", "Høringssvar fra Sæby Fiskeriforening"]]


def test_web_item_pages_numbered_by_sagsnr(tmp_path: Path) -> None:
    """Gladsaxe's item pages: "Udskriv <body>", the date, "Sagsnr.: 71" (the point's running
    number), a "Vis dagsorden" link, then the title; the proposal under "Forslag"."""
    def page(number: int, title: str) -> list[Text | None]:
        return [Text("Udskriv Kultur-, Fritids- og Idrætsudvalget"), None, Text("Tirsdag den 06.09.2016 kl. 16:30"),
                Text(f"Sagsnr.: {number}"), Text("Vis dagsorden"), None, bold(title, 13), None, bold("Beslutning"),
                Text("Anbefales."), None, bold("Gennemgang af sagen"), Text("Sagen gennemgås."), None, bold("Forslag"),
                Text("Børne- og Kulturforvaltningen foreslår,"), Text("at tilskuddet gives.")]
    titles = {71: "Kulturpuljen 2016", 72: "Renovering af svømmehal", 73: "Åbne skolegårde"}
    extraction = extract(tmp_path, "sagsnr", [page(number, title) for number, title in titles.items()])
    assert [(i.number, i.title) for i in extraction.items] == list(titles.items())
    assert [i.recommendations for i in extraction.items] == [["at tilskuddet gives."]] * 3
    assert (extraction.meeting.committee, extraction.meeting.date) == ("Kultur-, Fritids- og Idrætsudvalget", "2016-09-06")


def test_decision_heading_dated_without_den_dates_the_meeting(tmp_path: Path) -> None:
    """Nyborg's PolWeb: no cover; "Beslutning i Byrådet 11. december 2018:" closes each item,
    "Fraværende:" right under it, then the decision; a document number over each file name."""
    def item(number: int, title: str) -> list[Text | None]:
        return [bold(f"{number}.      {title}", 12), bold("Sagsfremstilling"), Text("Sagen beskrives her."), bold("Bilag"),
                Text("450-2018-61127"), Text("Lokalplan_326_endelig_udgave"), bold("Beslutning i Byrådet 11. december 2018:"),
                Text("Fraværende:  Lene Krag (V), Thomas Agerskov (O)"), Text("Godkendt."), None]
    extraction = extract(tmp_path, "polweb", [item(1, "Indkaldelse af stedfortræder") + item(2, "Lokalplan 326")])
    assert (extraction.document.kind, extraction.meeting.date, extraction.meeting.committee) == (
        "minutes", "2018-12-11", "Byrådet")
    assert [(i.decision, [a.title for a in i.attachments]) for i in extraction.items] == [
        ("Godkendt.", ["Lokalplan_326_endelig_udgave"])] * 2
    assert {p.name for p in extraction.absent} == {"Lene Krag", "Thomas Agerskov"}


def test_closed_points_printed_only_in_the_contents(tmp_path: Path) -> None:
    """Public minutes print closed points only in the contents: under "Lukkede dagsordenspunkter"
    or as "5. Lukket - Køb af ejendom ...... Fejl! Bogmærke er ikke defineret."."""
    front = [bold("Referat"), Text("Byrådet den 19. juni 2018"), None, bold("Åbne dagsordenspunkter"),
             Text("1 Skema A for boliger"), Text("2 Anlægsregnskab"), bold("Lukkede dagsordenspunkter"),
             Text("3 Salg af areal"), Text("4 Køb af ejendom")]
    body = [bold("1. Skema A for boliger", 13), bold("Beslutning"), Text("Godkendt."), None,
            bold("2. Anlægsregnskab", 13), bold("Beslutning"), Text("Godkendt.")]
    items = extract(tmp_path, "lukkede", [front, body]).items
    assert [(i.number, i.title, i.closed) for i in items] == [
        (1, "Skema A for boliger", False), (2, "Anlægsregnskab", False), (3, "Salg af areal", True),
        (4, "Køb af ejendom", True)]


def test_attachment_rows_with_open_closed_cells_stay_with_their_item(tmp_path: Path) -> None:
    """"38005/09   Åben   Plan.pdf" at the foot of a page, the next item on the next page: the
    row is the last item's; "Lukket Regnskab ..." read as one cell loses its mark."""
    def row(number: str, mark: str, title: str) -> Row:
        return Row([Text(number), Text(mark, x=150), Text(title, x=200)])
    first = [bold("Referat"), Text("Økonomiudvalget den 20. maj 2009"), None, bold("1. Vandværk", 13),
             bold("Sagsfremstilling"),
             Text("Vandværket søger om en kommunegaranti for et lån til en ny kildeplads og en ny ledning mod øst."),
             bold("Beslutning"), Text("Anbefales."), bold("Bilag:"), row("38711/09", "Åben", "Ansøgning fra vandværket"),
             Row([Text("39020/09"), Text("Lukket Regnskab 2008 for vandværket", x=150)]),
             row("38005/09", "Åben", "Udstykningsplan.pdf")]
    second = [bold("2. Byggegrunde", 13), bold("Beslutning"), Text("Godkendt.")]
    items = extract(tmp_path, "bilagsraekker", [first, second]).items
    assert [[a.title for a in i.attachments] for i in items] == [
        ["Ansøgning fra vandværket", "Regnskab 2008 for vandværket", "Udstykningsplan.pdf"], []]


def test_members_and_absent_in_two_columns(tmp_path: Path) -> None:
    """"Medlemmer:" and "Fraværende:" side by side, each over its own column of names."""
    page = [Text("Kultur- og udviklingsudvalget"), Text("BESLUTNINGSPROTOKOL"), Text("Dato: 27. oktober 2014"), None,
            Row([Text("Medlemmer:"), Text("Fraværende:", x=300)]),
            Row([Text("Else Kjeldgaard (A)"), Text("Torben Lysgaard (Ø)", x=300)]),
            Text("Henrik Vinding (L)"), Text("Torben Lysgaard (Ø)"), None,
            Text("1. Godkendelse af dagsorden"), Text("Beslutning"), Text("Godkendt."), Text("2. Eventuelt")]
    extraction = extract(tmp_path, "kolonner", [page])
    assert [p.name for p in extraction.participants] == ["Else Kjeldgaard", "Henrik Vinding", "Torben Lysgaard"]
    assert [p.name for p in extraction.absent] == ["Torben Lysgaard"]


def test_location_is_no_open_mark_and_committee_has_no_separator(tmp_path: Path) -> None:
    page = [Text("DAS Social"), Text("Mødet den 21. august 2023, kl. 12.00"), Text("Åben"), None,
            Text("Punkt 1."), bold("Godkendelse af dagsorden"), Text("Indstilling"), Text("Det indstilles, at"),
            Text("dagsordenen godkendes")]
    second = [Text("Punkt 2."), bold("Eventuelt"), Text("Beslutning"), Text("Intet.")]
    meeting = extract(tmp_path, "das", [page, second], header="Mødet den 21.08.2023 · DAS Social ·").meeting
    assert meeting.location is None and meeting.committee == "DAS Social"


@pytest.mark.parametrize("text,date", [
    ("12.maj 2022", "2022-05-12"), ("04-06-2020 09:00:00", "2020-06-04"), ("Mandag, 25 maj, 2020 - 19:00", "2020-05-25"),
    ("Torsdag, Maj 23, 2019 - 16:00", "2019-05-23"), ("Torsdag d.12.11.15.", "2015-11-12"),
])
def test_date_forms(text: str, date: str) -> None:
    found = find_date(text)
    assert found and found[0] == date


@pytest.mark.parametrize("text,times", [
    ("Kl. 10:30", ("10:30", None)), ("13:00 - 15:00", ("13:00", "15:00")), ("(15.30-18.00)", ("15:30", "18:00")),
])
def test_time_forms(text: str, times: tuple[str | None, str | None]) -> None:
    assert find_times(text) == times


def test_bare_clock_time_only_in_a_time_field() -> None:
    assert find_times("Budgettet er 12.05 mio.") == (None, None)
    assert find_times("04-06-2020 09:00:00", is_time=True) == ("09:00", None)


# -- people -----------------------------------------------------------------------------------


def test_members_one_a_line_with_party_letters_roles_and_bullets(tmp_path: Path) -> None:
    page = lines("Referat af møde i Ældre- og Sundhedsudvalget", "Deltagere:", "Andreas Bech, (A)",
                 "• Bent Sten Andersen (O)", None, "Birthe Malling, DH-repræsentant, formand",
                 "Ibrahim Çelik, etnisk repræsentant", "Afbud:", "Reza Javid, politisk repræsentant", None,
                 "12. Godkendelse af dagsorden", "Beslutning", "Godkendt.")
    extraction = extract(tmp_path, "people", [page])
    assert [(p.name, p.organization) for p in extraction.participants] == [
        ("Andreas Bech", "A"), ("Bent Sten Andersen", "O"), ("Birthe Malling", "DH-repræsentant, formand"),
        ("Ibrahim Çelik", "etnisk repræsentant")]
    assert [p.name for p in extraction.absent] == ["Reza Javid"]


# -- case numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize("line,case", [
    ("Sagsnr.: 12/27845", "12/27845"), ("17/24740", "17/24740"), ("27.69.48-G01-1-17", "27.69.48-G01-1-17"),
    ("00.22.00-P35-3-18", "00.22.00-P35-3-18"), ("Sag 306-2009-600", "306-2009-600"),
    ("Sagsnr. 315119 Handicaprådet Åbent punkt", "315119"), ("Dok.nr.: 2017-12345", None),
    ("at Strategi for idrætsfaciliteter 2024-2030 godkendes, og", None), ("2023-052085", "2023-052085"),
    # a short serial counts right after a label that says case, never after "Sag nr." (an item number)
    ("Sagsnr.: 15/82", "15/82"), ("MØDEDATO: 16.05.2006 | SAGSNR.: 412 | SAGSBEH.: KBJ", "412"),
    ("Sag nr. 19", None), ("Sagsnr. 3.5", None), ("15/82", None),
])
def test_case_number_schemes(line: str, case: str | None) -> None:
    assert find_case_number(line) == case


def test_case_number_printed_before_the_heading(tmp_path: Path) -> None:
    page = lines("Referat", "85.02.02-G01-3-20", "86. Godkendelse af dagsorden", "Beslutning", "Godkendt.",
                 "20.00.00-A08-7-20", "87. Dialogmøde", "Beslutning", "Taget til efterretning.")
    extraction = extract(tmp_path, "kle", [page])
    assert [(i.number, i.case_number) for i in extraction.items] == [
        (86, "85.02.02-G01-3-20"), (87, "20.00.00-A08-7-20")]
    assert extraction.items[0].decision == "Godkendt."


def test_document_number_in_a_short_items_attachment_list_is_no_case_number(tmp_path: Path) -> None:
    """A short item without a case line: "Tidsplan ... (306-2016-51122)" under "Bilag" names an
    attachment and its document number, not the item's case."""
    page = [bold("Referat"), bold("14. Budget 2017"), bold("Sagsfremstilling"),
            Text("Budgetprocessen for 2017 begynder."), bold("Bilag"),
            Text("1. Tidsplan for budgetlægningen (306-2016-51122)"), Text("2. Budgetnotat (306-2016-51123)"),
            bold("Beslutning"), Text("Taget til efterretning."), None, bold("15. Eventuelt")]
    item = extract(tmp_path, "bilagsnr", [page]).items[0]
    assert item.case_number is None
    assert [a.title for a in item.attachments] == ["Tidsplan for budgetlægningen (306-2016-51122)",
                                                    "Budgetnotat (306-2016-51123)"]


# -- attachments listed once for the whole meeting -------------------------------------------


def meeting_with_attachment_list(list_page: list[Text | None]) -> list[list[Text | None]]:
    case_text = [Text("Sagsfremstilling"), Text("Administrationen orienterer om sagen, som beskrevet i bilagene."),
                 Text("Sagen har været drøftet med de berørte parter."), Text("Indstilling"),
                 Text("Administrationen indstiller, at sagen godkendes.")]
    items = [[bold("1. Dialog med Nordbus om elbusser på linje 301"), *case_text, Text("Beslutning"),
              Text("Taget til efterretning.")],
             [bold("2. Budgetopfølgning I 2019"), *case_text, Text("Beslutning"), Text("Anbefales.")]]
    return [[bold("Referat"), Text("Udvalg for natur og miljø"), Text("Dato: 6. marts 2019")], *items, list_page]


def test_meeting_level_attachment_list_is_given_to_its_items(tmp_path: Path) -> None:
    """A "Bilagsoversigt" after the last item repeats each item's heading with its attachments
    under it; a signature page follows. Neither is text of the last item."""
    list_page = [None, None, bold("Bilagsoversigt"), Text("1. Dialog med Nordbus om elbusser på linje 301"),
                 Text("1. Præsentation Nordbus, marts 2019 (19/2231-4)"), None,
                 Text("2. Budgetopfølgning I 2019"), Text("1. Budgetopfølgning - drift og anlæg (19/688-12)"),
                 Text("2. Notat om vintertjenesten (19/688-13)"), None,
                 bold("Underskriftsside"), Text("Ole Bach Skovgaard (A), formand"), None, Text("Birgitte Maarup (F)")]
    extraction = extract(tmp_path, "bilagsoversigt", meeting_with_attachment_list(list_page))
    assert [[a.title for a in i.attachments] for i in extraction.items] == [
        ["Præsentation Nordbus, marts 2019 (19/2231-4)"],
        ["Budgetopfølgning - drift og anlæg (19/688-12)", "Notat om vintertjenesten (19/688-13)"]]
    assert [a.page for a in extraction.items[1].attachments] == [4, 4]
    assert extraction.items[1].decision == "Anbefales."
    # with no members list, those who signed the minutes were there
    assert [(p.name, p.organization) for p in extraction.participants] == [
        ("Ole Bach Skovgaard", "A"), ("Birgitte Maarup", "F")]


def test_listed_attachment_named_after_its_item_is_no_second_heading(tmp_path: Path) -> None:
    """"1. Dialog med Nordbus ..." over "1. Dialog med Nordbus ... - referat": the entry repeats
    its item's number and title, but it is the item's attachment, not its heading again."""
    list_page = [None, None, bold("Samlet bilagsliste"), Text("1. Dialog med Nordbus om elbusser på linje 301"),
                 Text("1. Dialog med Nordbus om elbusser på linje 301 - referat af mødet den 12. februar"),
                 Text("2. Køreplan for linje 301"), Text("2. Budgetopfølgning I 2019"),
                 Text("1. Notat om vintertjenesten (19/688-13)")]
    extraction = extract(tmp_path, "samlet", meeting_with_attachment_list(list_page))
    assert [[a.title for a in i.attachments] for i in extraction.items] == [
        ["Dialog med Nordbus om elbusser på linje 301 - referat af mødet den 12. februar",
         "Køreplan for linje 301"], ["Notat om vintertjenesten (19/688-13)"]]


def test_attachment_list_without_repeated_headings_stays_with_its_item(tmp_path: Path) -> None:
    """A "Bilag" section of the last item lists that item's own attachments."""
    list_page = [None, None, bold("Bilag"), Text("1. Budgetopfølgning - drift og anlæg (19/688-12)"),
                 Text("2. Notat om vintertjenesten (19/688-13)")]
    extraction = extract(tmp_path, "bilag", meeting_with_attachment_list(list_page))
    assert [[a.title for a in i.attachments] for i in extraction.items] == [
        [], ["Budgetopfølgning - drift og anlæg (19/688-12)", "Notat om vintertjenesten (19/688-13)"]]



def test_bilagsfortegnelse_with_long_titles_closing_on_their_document_numbers(tmp_path: Path) -> None:
    """A meeting-wide "Bilagsfortegnelse"; its entries follow each other without space, so an
    entry that closes on its document number ends there though the line is not short."""
    list_page = [None, None, bold("Bilagsfortegnelse"), Text("2. Budgetopfølgning I 2019"),
                 Text("Budgetopfølgning for drift og anlæg pr. 31. marts 2019 for hele udvalgets område, med"),
                 Text("bemærkninger fra fagcentrene (Dok.nr. 2019-014471)"),
                 Text("Notat om vintertjenesten (Dok.nr. 2019-015902)")]
    extraction = extract(tmp_path, "bilagsfortegnelse", meeting_with_attachment_list(list_page))
    assert [[a.title for a in i.attachments] for i in extraction.items] == [[], [
        "Budgetopfølgning for drift og anlæg pr. 31. marts 2019 for hele udvalgets område, med bemærkninger "
        "fra fagcentrene (Dok.nr. 2019-014471)", "Notat om vintertjenesten (Dok.nr. 2019-015902)"]]


# -- amounts --------------------------------------------------------------------------------


def test_table_unit_in_its_caption(tmp_path: Path) -> None:
    """"Tabel 1. Budgetopfølgning, drift (1.000 kr.)" over a table of bare numbers: each cell
    is that many thousand kroner."""
    def row(*cells: str) -> Row:
        return Row([Text(cells[0]), *(Text(c, x=x) for c, x in zip(cells[1:], (250, 360, 470)))])
    page = [bold("Referat"), None, bold("1. Budgetopfølgning"), Text("Sagsfremstilling"),
            Text("Tabel 1. Budgetopfølgning I, drift (1.000 kr.)"), None,
            row("Område", "Budget", "Regnskab", "Afvigelse"), row("Veje og trafik", "38.420", "39.950", "1.530"),
            row("Natur og parker", "12.615", "12.705", "90"), row("I alt", "51.035", "52.655", "1.620"),
            None, Text("Beslutning"), Text("Godkendt.")]
    amounts = {(a.text, a.value_dkk) for a in extract(tmp_path, "caption", [page]).amounts}
    assert {("38.420", 38_420_000), ("90", 90_000), ("1.620", 1_620_000)} <= amounts


def test_attachment_table_with_an_open_closed_column(tmp_path: Path) -> None:
    """"BILAG:" over a table "Bilag | Åben/Lukket": the titles are the attachments."""
    table = [Row([bold("Bilag"), bold("Åben/Lukket", 10)])] + [
        Row([Text(title), Text(status, x=330)]) for title, status in (
            ("Skitseprojekt Eskilstrup Multihus", "Åben"), ("Tilsagnsbrev fra Fonden for Landsbyliv", "Lukket"))]
    for row in table[:1]:
        row.parts[1].x = 330
    page = [bold("Referat"), None, bold("114. Multihus i Eskilstrup"), bold("BESKRIVELSE AF SAGEN:"),
            Text("Foreningerne søger om tilskud."), None, bold("BILAG:"), *table, None,
            bold("BESLUTNING I BYRÅDET den 26-10-2017"), Text("Godkendt."), None, bold("115. Eventuelt")]
    item = extract(tmp_path, "bilagstabel", [page]).items[0]
    assert [a.title for a in item.attachments] == ["Skitseprojekt Eskilstrup Multihus",
                                                    "Tilsagnsbrev fra Fonden for Landsbyliv"]


def test_meeting_level_list_repeating_an_items_own_attachments(tmp_path: Path) -> None:
    """An item that prints its attachments, repeated with document numbers in the list at the
    end: each attachment once."""
    items = meeting_with_attachment_list([])[:3]
    items[2] = items[2][:-2] + [Text("Bilag"), Text("Notat om vintertjenesten"), Text("Beslutning"),
                                Text("Anbefales.")]
    list_page = [None, None, bold("Bilagsoversigt"), Text("2. Budgetopfølgning I 2019"),
                 Text("1. Notat om vintertjenesten (19/688-13)")]
    extraction = extract(tmp_path, "gentaget", [*items, list_page])
    assert [a.title for a in extraction.items[1].attachments] == ["Notat om vintertjenesten"]


def test_decisions_headed_vedtagelse(tmp_path: Path) -> None:
    """"Dagsorden med vedtagelser": each decision is a "Vedtagelse i <body> 19.09.2012"; an
    earlier body's vedtagelse above it is the case's history."""
    cover = [bold("ØKONOMIUDVALGET", 14), bold("Dagsorden med vedtagelser"), Row([Text("Mødedato"),
             Text("Onsdag den 19. september 2012", x=150)]), None]
    first = [bold("1 Meddelelser"), Text("Kommunaldirektøren orienterede om vintertjenesten."),
             bold("Vedtagelse i Økonomiudvalget 19.09.2012"), Text("Taget til efterretning."), None]
    second = [bold("2 Lokalplan for en dagligvarebutik"), Text("Lokalplanen har været i høring."),
              bold("Vedtagelse i Byplanudvalget 06.09.2012"), Text("Anbefales."),
              bold("Vedtagelse i Økonomiudvalget 19.09.2012"), Text("Anbefales."), Text("For stemte: V, C og L.")]
    extraction = extract(tmp_path, "vedtagelser", [cover + first + second])
    assert extraction.document.kind == "minutes"
    assert [i.decision for i in extraction.items] == ["Taget til efterretning.", "Anbefales. For stemte: V, C og L."]


def test_beslutningsreferat_with_open_and_closed_agenda_groups(tmp_path: Path) -> None:
    """"Beslutningsreferat" names minutes, though its contents print "ÅBEN DAGSORDEN": the
    decision dated this meeting is read, the committee's earlier one is history."""
    cover = [bold("Byrådet", 14), bold("Beslutningsreferat"), Text("af møde den 21. juni 2011 kl. 17:00"), None,
             Text("LUKKET DAGSORDEN"), Text("ÅBEN DAGSORDEN"), None]
    first = [bold("498 KØB AF AREAL VED NØRREGADE"), Text("Sagen behandles for lukkede døre."),
             bold("Beslutning i Økonomiudvalget den 14. juni 2011"), Text("Anbefales."),
             bold("Beslutning i Byrådet den 21. juni 2011"), Text("Direktionens indstilling godkendt."), None]
    second = [bold("499 GODKENDELSE AF DAGSORDEN"), bold("Beslutning i Byrådet den 21. juni 2011"),
              Text("Dagsordenen godkendt.")]
    extraction = extract(tmp_path, "beslutningsreferat", [cover + first + second])
    assert extraction.document.kind == "minutes"
    assert [i.decision for i in extraction.items] == ["Direktionens indstilling godkendt.", "Dagsordenen godkendt."]


def test_case_number_beside_a_journal_number_and_attendance_in_a_column(tmp_path: Path) -> None:
    """"J.nr.: 13.00.00-A00-2-11" | "Sagsid.: 11/9871" on one row: the case's own number;
    members with "deltog" / "var fraværende" in a column of their own; the venue after the
    time on the date line ("28-04-2016 kl. 17:00 Kommunalbestyrelsens mødesal")."""
    members = [Row([Text(name), Text(status, x=360)]) for name, status in (
        ("Signe Hartvig Lund", "deltog"), ("Peter Aagaard Stenholm", "deltog"), ("Erik Haslund", "var fraværende"))]
    cover = [bold("Kommunalbestyrelsen", 14), bold("Protokol"),
             Text("28-04-2016 kl. 17:00 Kommunalbestyrelsens mødesal"), bold("Medlemmer"), *members, None]
    item = [bold("1. Regnskab 2015 for Forsyningen"), Row([Text("J.nr.: 13.00.00-A00-2-11"), Text("Sagsid.: 11/9871", x=330)]),
            bold("Sagsfremstilling"), Text("Regnskabet viser et overskud."), bold("Beslutning"), Text("Godkendt.")]
    extraction = extract(tmp_path, "protokol", [cover + item])
    assert extraction.items[0].case_number == "11/9871"
    assert [p.name for p in extraction.participants] == ["Signe Hartvig Lund", "Peter Aagaard Stenholm"]
    assert [p.name for p in extraction.absent] == ["Erik Haslund"]
    assert extraction.meeting.location == "Kommunalbestyrelsens mødesal"


def test_a_numbered_list_in_a_decision_is_no_run_of_items(tmp_path: Path) -> None:
    """One font throughout: "1. Foreningen ...: 55.000 kr." ... "4. ..." in a decision counts
    higher than items "331" ... "333", but only the items have a case text's sections."""
    def item(number: int, title: str) -> list[Text | None]:
        return [Text(f"{number}   {title}"), Text("Sagsfremstilling"), Text("Der er søgt om tilskud."),
                Text("Beslutning"), Text("Godkendt."), None]
    grants = [Text(f"{n}.   {name}: {amount} kr.") for n, name, amount in (
        (1, "Foreningen Janderup Sommerteater", "55.000"), (2, "Kunstforeningen Vestkyst", "50.000"),
        (3, "Filsø Naturlaug", "40.000"), (4, "Ho Bugt Kajakklub", "25.000"), (5, "Ølgod Musikforening", "20.000"))]
    page = [Text("Referat"), Text("Udvalget for Kultur og Fritid"), None, *item(331, "Meddelelser"),
            Text("332   Fordeling af kulturpuljen"), Text("Sagsfremstilling"), Text("Der er elleve ansøgninger."),
            Text("Beslutning"), Text("Udvalget godkendte følgende fordeling:"), *grants, None,
            *item(333, "Tilskud til sommerkoncerter")]
    assert numbers(extract(tmp_path, "fordeling", [page])) == [331, 332, 333]


def test_a_verdict_heading_atop_several_pages_is_no_running_header(tmp_path: Path) -> None:
    """"Byrådet den 29.03.2017:" opens each item's decision at the top of a new page, at the
    same spot each time (in the header band, under a narrow top margin): a label for the text
    under it (it ends in a colon), no furniture."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    pages = [[("Referat", True), ("Byrådet, mødet den 29. marts 2017", False), ("1. Gratis bus for unge", True),
              ("Sagsfremstilling", True), ("Enhedslisten har stillet forslag.", False)],
             [("Byrådet den 29.03.2017:", True), ("Forslaget blev forkastet.", False),
              ("2. Kystbeskyttelse ved Lønstrup", True), ("Sagsfremstilling", True), ("Grundejerne har søgt.", False)],
             [("Byrådet den 29.03.2017:", True), ("Godkendt.", False), ("3. Naturpark Uggerby Å", True),
              ("Sagsfremstilling", True), ("Friluftsrådet har godkendt naturparken.", False)],
             [("Byrådet den 29.03.2017:", True), ("Taget til efterretning.", False)]]
    path = tmp_path / "verdikt_oeverst.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for number, lines in enumerate(pages, 1):
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(A4[0] - 72, 30, f"Side {number} af {len(pages)}")
        y = A4[1] - 50
        for text, is_bold in lines:
            canvas.setFont("Helvetica-Bold" if is_bold else "Helvetica", 10)
            canvas.drawString(72, y, text)
            y -= 16
        canvas.showPage()
    canvas.save()
    extraction = extract_document(path, ocr="never")
    assert [i.decision for i in extraction.items] == ["Forslaget blev forkastet.", "Godkendt.", "Taget til efterretning."]

def test_members_listed_with_their_role_as_a_label(tmp_path: Path) -> None:
    """"Formand: Lene Bjerre Thomsen (A)" under "Medlemmer:": the chair is a member like the
    others, her role printed as a label before her name."""
    cover = [bold("Referat", 14), Row([Text("Mødedato:"), Text("Onsdag den 3. juni 2015", x=180)]),
             Row([Text("Medlemmer:"), Text("Formand: Lene Bjerre Thomsen (A)", x=180)]),
             Text("Næstformand: Kim Aagaard Holm (O)", x=180), Text("Birthe Sønderby (A)", x=180), None,
             bold("41 Godkendelse af dagsorden"), bold("Beslutning"), Text("Godkendt.")]
    extraction = extract(tmp_path, "roller", [cover])
    assert [(p.name, p.organization) for p in extraction.participants] == [
        ("Lene Bjerre Thomsen", "A"), ("Kim Aagaard Holm", "O"), ("Birthe Sønderby", "A")]


def test_a_protocol_remark_set_as_a_heading_is_part_of_the_decision(tmp_path: Path) -> None:
    """"Protokolbemærkning" or "Afstemning" set bold under the decision: a part of this
    meeting's decision, not a section after it."""
    page = [bold("Referat", 14), Text("Økonomiudvalget, mødet den 3. juni 2015"), None,
            bold("1. Budget 2016"), bold("Sagsfremstilling"), Text("Forvaltningen har udarbejdet budgettet."),
            bold("Beslutning"), Text("Godkendt."), bold("Protokolbemærkning"),
            Text("Jens Hansen (Ø) ønskede sin stemme ført til protokol."), None,
            bold("2. Takster 2016"), bold("Beslutning"), Text("Anbefales."), bold("Afstemning"),
            Text("For stemte: A, V og O. Imod stemte: Ø.")]
    assert [i.decision for i in extract(tmp_path, "protokol", [page]).items] == [
        "Godkendt. Protokolbemærkning Jens Hansen (Ø) ønskede sin stemme ført til protokol.",
        "Anbefales. Afstemning For stemte: A, V og O. Imod stemte: Ø."]


def test_meeting_sentence_in_a_heading_that_wraps(tmp_path: Path) -> None:
    """A web page's one heading names the meeting, set large and wrapped after "den 15.": the
    date, the time, the body and the place read from both lines as one; the site's menu above
    it is no contents list."""
    page = [Text("Gå til hovedindhold", size=8), Text("Hovedmenu", size=8), Text("- Borger"), Text("- Politik"),
            bold("Velkommen til Frederiksberg Kommune", 11),
            bold("Referat til mødet i By- og Miljøudvalget den 15.", 17),
            bold("marts 2021 kl. 17:00 i Kommunalbestyrelsens mødesal", 17),
            Text("Mikkel Dahl havde meldt forfald."), None, bold("Pkt. 88 Meddelelser", 14),
            bold("Beslutning"), Text("Taget til efterretning."), None, bold("Pkt. 89 Cykelstier", 14),
            bold("Beslutning"), Text("Godkendt.")]
    meeting = extract(tmp_path, "ombrudt", [page]).meeting
    assert (meeting.date, meeting.start_time, meeting.committee, meeting.location) == (
        "2021-03-15", "17:00", "By- og Miljøudvalget", "Kommunalbestyrelsens mødesal")


def test_committee_named_only_in_an_undated_running_header(tmp_path: Path) -> None:
    """SBSYS PDFs print "Tønder Kommune – Økonomiudvalget" / "Referat" over every page and the
    date in the footer: the header names the body."""
    cover = [bold("Referat", 14), Row([Text("Mødedato:"), Text("16. oktober 2014", x=220)]),
             Row([Text("Mødelokale:"), Text("Mødelokale 121, Tønder Rådhus", x=220)])]
    first = [bold("1. Orientering fra borgmesteren."), bold("Beslutning"), Text("Taget til efterretning.")]
    second = [bold("2. Nyt tag på svømmehallen"), bold("Beslutning"), Text("Godkendt.")]
    extraction = extract(tmp_path, "sbsys", [cover, first, second], header="Tønder Kommune – Økonomiudvalget",
                         footer="16. oktober 2014 {page}")
    assert (extraction.meeting.committee, extraction.meeting.date) == ("Økonomiudvalget", "2014-10-16")


def test_lead_in_with_a_committee_and_its_addressee_over_numbered_points(tmp_path: Path) -> None:
    """"Forvaltningen indstiller, at By-, Land- og Kulturudvalget anbefaler over for
    Kommunalbestyrelsen, at" over "1." points, then the earlier bodies' verdicts headed
    "<body>, <date>, pkt. N:" (a body whose name has a comma of its own): the points only."""
    page = [Text("Referat"), Text("Kommunalbestyrelsen den 10. december 2019"), None,
            bold("381. Lokalplan for mejerigrunden", 13), bold("Indstilling"),
            Text("Forvaltningen indstiller, at By-, Land- og Kulturudvalget anbefaler over for"),
            Text("Kommunalbestyrelsen, at"), None,
            Text("1. Lokalplanen vedtages endeligt."), Text("2. Høringssvarene besvares som beskrevet i notatet."), None,
            Text("By-, Land- og Kulturudvalget 2018-21, 25. november 2019, pkt. 233:"),
            Text("Indstillingspunkt 1 og 2 anbefales."), None,
            bold("Beslutning"), Text("Godkendt."), None, bold("382. Eventuelt", 13), bold("Beslutning"), Text("Intet.")]
    items = extract(tmp_path, "indstilling", [page]).items
    assert items[0].recommendations == ["Lokalplanen vedtages endeligt.", "Høringssvarene besvares som beskrevet i notatet."]
    assert items[0].decision == "Godkendt."


@pytest.mark.parametrize("sentence,point", [
    ("Direktionen indstiller (12. maj 2011, pkt. 71) budgetdirektivet til Økonomiudvalgets godkendelse.",
     "budgetdirektivet til Økonomiudvalgets godkendelse."),
    ("Direktionen indstiller (12. maj 2011, pkt. 74), at Teknik- og Miljøudvalgets anbefaling følges.",
     "Teknik- og Miljøudvalgets anbefaling følges."),
])
def test_recommending_bodys_meeting_in_brackets_after_the_verb(tmp_path: Path, sentence: str, point: str) -> None:
    """No Indstilling heading: "Direktionen indstiller (<its meeting>) ..." is the recommendation."""
    page = [Text("Økonomiudvalg"), Text("Referat"), Text("Møde den 24. maj 2011 kl. 08:00 i Mødelokale 1"), None,
            bold("62. Budgetdirektiv 2012-2015", 13), Text("Budgetlægningen følger sidste års model."), None,
            Text(sentence), None, bold("Beslutning"), Text("Godkendt."), None,
            bold("63. Eventuelt", 13), bold("Beslutning"), Text("Intet.")]
    items = extract(tmp_path, "struer", [page]).items
    assert items[0].recommendations == [point]


def test_formal_recommendation_over_a_proposal_in_the_case_text(tmp_path: Path) -> None:
    """No headings: the case text says "Forvaltningen foreslår, at ..." and the item closes
    "Det indstilles, at ...": the recommendation is the formal one."""
    page = [Text("KOMMUNALBESTYRELSEN"), Text("Referat af mødet den 26. februar 2009"), None,
            bold("572. Lokalplan for boliger ved Morud", 13),
            Text("Forvaltningen foreslår, at bæltet langs åen udvides fra 20 til 30 meter."), None,
            Text("Det indstilles, at lokalplanen vedtages endeligt med de nævnte ændringer."), None,
            bold("Kommunalbestyrelsens beslutning:"), Text("Godkendt."), None,
            bold("573. Eventuelt", 13), bold("Kommunalbestyrelsens beslutning:"), Text("Intet.")]
    items = extract(tmp_path, "formel", [page]).items
    assert items[0].recommendations == ["lokalplanen vedtages endeligt med de nævnte ændringer."]


def test_a_partys_quoted_proposal_is_no_recommendation(tmp_path: Path) -> None:
    """A council item quotes a party's proposal ("SF foreslår, at ...") over the case text:
    that is what the party asked, not the item's recommendation, also where it wraps."""
    page = [Text("Byrådet"), Text("Referat"), Text("17. september 2013"), None,
            bold("1.   Forslag fra F om solceller - BY", 12), bold("Baggrund"),
            Text("Socialistisk Folkeparti har fremsendt følgende forslag:"),
            Text("\"Kommunen har mange store tage på skoler og haller. SF"),
            Text("foreslår, at kommunen sætter solceller op på 10 bygninger.\""), None,
            bold("Beslutning Byrådet den 17-09-2013"), Text("Forslaget blev forkastet."), None,
            bold("2.   Eventuelt - BY", 12), bold("Beslutning Byrådet den 17-09-2013"), Text("Intet.")]
    items = extract(tmp_path, "citat", [page]).items
    assert items[0].recommendations == [] and items[0].decision == "Forslaget blev forkastet."


def test_attachment_list_ends_where_the_recommendation_begins(tmp_path: Path) -> None:
    """"Bilag" as plain titles, then "Direktionen indstiller ..." with no heading of its own:
    the recommendation is no attachment."""
    page = [Text("Økonomiudvalg"), Text("Referat"), Text("Møde den 24. maj 2011 kl. 08:00 i Mødelokale 1"), None,
            bold("63. Kommunegaranti til vandværk", 13), Text("Vandværket skal lægge en ny hovedledning."), None,
            bold("Bilag"), Text("Ansøgning fra vandværket"), Text("Tilbudsliste for ny hovedledning"), None,
            Text("Direktionen indstiller, at det anbefales byrådet at stille kommunegaranti."), None,
            bold("Beslutning"), Text("Anbefales."), None, bold("64. Eventuelt", 13), bold("Beslutning"), Text("Intet.")]
    item = extract(tmp_path, "bilagsliste", [page]).items[0]
    assert [a.title for a in item.attachments] == ["Ansøgning fra vandværket", "Tilbudsliste for ny hovedledning"]
    assert item.recommendations == ["det anbefales byrådet at stille kommunegaranti."]


def test_attachment_table_under_a_bold_header_row(tmp_path: Path) -> None:
    """"Bilag" over a table whose bold header row "Nr. | Titel | Åben/Lukket" reads as a heading
    of its own: the rows under it are the attachments, without their number and mark."""
    def row(number: str, title: str, mark: str) -> Row:
        return Row([Text(number), Text(title, x=110), Text(mark, x=420)])
    page = [Text("Byrådet"), Text("Referat"), Text("17. september 2013"), None,
            bold("2.   Budgetopfølgning pr. 31. juli 2013 - ØU, BY", 12), Text("Forbruget følger budgettet."),
            bold("Beslutning Byrådet den 17-09-2013"), Text("Godkendt."), Text("Fraværende: Lasse Tornøe (C)"), None,
            bold("Bilag"), Row([bold("Nr."), Text("Titel", x=110, font="Helvetica-Bold"), Text("Åben/Lukket", x=420, font="Helvetica-Bold")]),
            row("1", "Tillægsbevillinger 2. budgetopfølgning 2013", "Åben"),
            row("2", "Oversigt over anlægsprojekter", "Lukket"), None,
            bold("3.   Eventuelt - BY", 12), bold("Beslutning Byrådet den 17-09-2013"), Text("Intet.")]
    item = extract(tmp_path, "bilagstabel", [page]).items[0]
    assert [a.title for a in item.attachments] == ["Tillægsbevillinger 2. budgetopfølgning 2013",
                                                   "Oversigt over anlægsprojekter"]


def test_item_number_printed_twice(tmp_path: Path) -> None:
    """Glostrup's web minutes head each point "1.  1. Godkendelse af dagsordenen": the number
    of the list and the number of the point, one number and the title."""
    page = [bold("Referat"), Text("Kommunalbestyrelsen den 28. oktober 2020"), None,
            bold("1.  1. Godkendelse af dagsordenen"), bold("Beslutning i Kommunalbestyrelsen den 28-10-2020"),
            Text("Godkendt."), None, bold("2.  2. Orientering fra borgmesteren"),
            bold("Beslutning i Kommunalbestyrelsen den 28-10-2020"), Text("Til orientering.")]
    items = extract(tmp_path, "dobbelt", [page]).items
    assert [(i.number, i.title) for i in items] == [(1, "Godkendelse af dagsordenen"), (2, "Orientering fra borgmesteren")]


def test_members_summoned_under_indkaldelse_over_the_contents(tmp_path: Path) -> None:
    """SBSYS web minutes list the members under "Indkaldelse", one a line, right over the
    contents ("Pkt. Tekst", "379 Godkendelse af dagsorden"): the members, no contents line."""
    page = [Text("Referat"), Text("til"), Text("mødet i Kommunalbestyrelsen"), Text("den 10. december 2019 kl. 17:00"),
            None, bold("Indkaldelse"), None, Text("Hans Vibholm"), Text("Ditte Aagaard Kragh"), Text("Morten Brøndsted"),
            Text("Pkt. Tekst"), Text("379 Godkendelse af dagsorden"), Text("380 Spørgetid"), None,
            bold("379. Godkendelse af dagsorden", 12), bold("Beslutning"), Text("Godkendt."), None,
            bold("380. Spørgetid", 12), bold("Beslutning"), Text("Ingen spørgsmål.")]
    extraction = extract(tmp_path, "indkaldelse", [page])
    assert [p.name for p in extraction.participants] == ["Hans Vibholm", "Ditte Aagaard Kragh", "Morten Brøndsted"]


def test_absent_with_their_reason(tmp_path: Path) -> None:
    """"Fraværende: Henrik Frandsen ved afbud" over "Anne Boysen deltog ikke i punkt 4": two
    absent members, without the reason."""
    cover = [bold("Referat", 14), Row([Text("Mødedato:"), Text("16. oktober 2014", x=220)]),
             Row([Text("Fraværende:"), Text("Henrik Frandsen ved afbud", x=220)]),
             Text("Anne Boysen deltog ikke i punkt 4", x=220), None,
             bold("1. Orientering"), bold("Beslutning"), Text("Taget til efterretning."), None,
             bold("2. Eventuelt"), bold("Beslutning"), Text("Intet.")]
    extraction = extract(tmp_path, "fravaer", [cover])
    assert [p.name for p in extraction.absent] == ["Henrik Frandsen", "Anne Boysen"]


def test_item_listed_under_closed_points_in_the_contents_is_closed(tmp_path: Path) -> None:
    """The contents list point 2 under "Lukkede dagsordenspunkter"; the minutes still print
    its heading and decision: the item is closed, with its decision."""
    front = [bold("Referat"), Text("Byrådet den 26. august 2015"), None, bold("Åbne dagsordenspunkter"),
             Text("1 Anlægsregnskab"), bold("Lukkede dagsordenspunkter"), Text("2 Salg af erhvervsareal")]
    body = [bold("1. Anlægsregnskab", 13), bold("Beslutning"), Text("Godkendt."), None,
            bold("2. Salg af erhvervsareal", 13), bold("Beslutning"), Text("Godkendt.")]
    items = extract(tmp_path, "lukket_i_indhold", [front, body]).items
    assert [(i.number, i.closed, i.decision) for i in items] == [(1, False, "Godkendt."), (2, True, "Godkendt.")]


def test_officials_under_fra_forvaltningen_take_part(tmp_path: Path) -> None:
    """A cover's label column: "Medlemmer" and "Fra forvaltningen" without colons; the
    officials listed with the members take part in the meeting (no guests presenting an item)."""
    page = [bold("ØKONOMIUDVALGET", 14), bold("Dagsorden med vedtagelser"), None,
            Row([Text("Mødedato"), Text("Onsdag den 19. september 2012", x=200)]),
            Row([Text("Medlemmer"), Text("Hans Erik Fabricius (V), Else Mollerup (V), Anne-Lise Munk (F)", x=200)]),
            Row([Text("Fra forvaltningen"), Text("Bjarne Poulsgaard, Iben Kock", x=200)]), None,
            bold("1 Meddelelser"), bold("Vedtagelse i Økonomiudvalget 19.09.2012"), Text("Taget til efterretning."),
            None, bold("2 Eventuelt"), bold("Vedtagelse i Økonomiudvalget 19.09.2012"), Text("Intet.")]
    extraction = extract(tmp_path, "forvaltningen", [page])
    assert [p.name for p in extraction.participants] == ["Hans Erik Fabricius", "Else Mollerup", "Anne-Lise Munk",
                                                          "Bjarne Poulsgaard", "Iben Kock"]
    assert extraction.guests == []


# -- set 8: minutes by reference, dated verdict headings, web exports' link texts ---------------


def test_verdicts_headed_by_body_and_date_alone(tmp_path: Path) -> None:
    """A FICS export heads each verdict "Økonomiudvalget den 21. juni 2017:" and then
    "Kommunalbestyrelsen den 28. juni 2017:" with no "Beslutning": the one dated this
    meeting is the decision, the earlier one the case's history; the attachment list that
    follows, a "Til indholdsfortegnelse" link and the next point's "Åbent  Møde." caption are
    neither decision nor attachment."""
    page = [Text("Referat"), Text("Kommunalbestyrelsen"), Text("28-06-2017 kl. 19:00"), None,
            Text("Åbent  Møde."), bold("1        Havnen - kommunegaranti", 12), Text("Sagsfremstilling"),
            Text("Havnen søger om en garanti."), Text("Økonomiudvalget den 21. juni 2017:"), Text("Anbefales."),
            Text("Kommunalbestyrelsen den 28. juni 2017:"), Text("Godkendt."), None,
            bold("Bilag til Kommunalbestyrelsen 28. juni 2017"), Text("1. Ansøgning fra havnen (71844/17)"),
            Text("2. Lånebudget (71847/17)"), None, Text("Til indholdsfortegnelse"), None,
            Text("Åbent  Møde."), bold("2        Meddelelser", 12), Text("Kommunalbestyrelsen den 28. juni 2017:"),
            Text("Taget til efterretning.")]
    items = extract(tmp_path, "fics", [page]).items
    assert [i.decision for i in items] == ["Godkendt.", "Taget til efterretning."]
    assert [a.title for a in items[0].attachments] == ["Ansøgning fra havnen (71844/17)", "Lånebudget (71847/17)"]


def test_minutes_that_refer_to_the_agendas_points(tmp_path: Path) -> None:
    """A board's minutes: the agenda as a numbered list ("5. 5.Plejeplan": the number printed
    twice), the attendance, then "Ad. N" paragraphs: each is point N's minutes, and the
    attendance is the meeting's, not the last point's."""
    page = [bold("Referat Grønt Råd 2019"), None,
            Text("Referat af møde i Grønt Råd, Ærø Kommune, d. 5. marts 2019 på Ærø Rådhus."), None,
            Text("Dagsorden:"), Text("1. Godkendelse af dagsorden."), Text("2. 2.Plejeplan for strandengene."),
            Text("3. Eventuelt."), None,
            Text("Fremmødte: Karin Moos, Jonas Vestergaard og Ejnar Thomsen."), None,
            Text("Afbud: Bjarne Skov Iversen."), None,
            Text("Ad. 1 Godkendt."), None, Text("Ad. 2 Plejeplanen er revideret efter høringen."),
            Text("Rådet tog planen til efterretning."), None, Text("Ad. 3 Intet.")]
    extraction = extract(tmp_path, "ad_punkt", [page])
    assert [(i.number, i.title) for i in extraction.items] == [
        (1, "Godkendelse af dagsorden."), (2, "Plejeplan for strandengene."), (3, "Eventuelt.")]
    assert [i.decision for i in extraction.items] == [
        "Godkendt.", "Plejeplanen er revideret efter høringen. Rådet tog planen til efterretning.", "Intet."]
    assert [p.name for p in extraction.participants] == ["Karin Moos", "Jonas Vestergaard", "Ejnar Thomsen"]
    assert [p.name for p in extraction.absent] == ["Bjarne Skov Iversen"]
    assert extraction.meeting.location == "Ærø Rådhus"


def test_decision_opened_by_who_was_absent(tmp_path: Path) -> None:
    """"Louise Ravn havde meldt afbud til mødet. Første stedfortræder, Anders Holm, deltog som
    stedfortræder." and "Thomas Wiberg var ikke til stede under behandlingen af sag nr. 5."
    open the decision: attendance, not what was decided. A closed point printed as its title
    only has no decision."""
    page = [bold("Kommunalbestyrelsen - 28-11-2018", 14), Text("Dato: Onsdag den 28. november 2018"), None,
            bold("Punkt 1 Godkendelse af dagsorden", 12), bold("Beslutning Kommunalbestyrelsen den 28-11-2018"),
            Text("Louise Ravn havde meldt afbud til mødet. Første stedfortræder, Anders Holm, deltog som"),
            Text("stedfortræder."), None,
            Text("Thomas Wiberg var ikke til stede under behandlingen af sag nr. 5."), None, Text("Godkendt."), None,
            bold("Punkt 2 Forespørgsler fra medlemmerne (Lukket)", 12), None,
            bold("Punkt 3 Eventuelt", 12), bold("Beslutning Kommunalbestyrelsen den 28-11-2018"), Text("Intet.")]
    extraction = extract(tmp_path, "afbud_i_beslutning", [page])
    assert [i.decision for i in extraction.items] == ["Godkendt.", None, "Intet."]
    assert [p.name for p in extraction.absent] == ["Louise Ravn", "Thomas Wiberg"]


def test_attachments_numbered_bilag_nr_grouped_open_and_closed_or_listed_in_a_line(tmp_path: Path) -> None:
    """"Bilag nr. 1: Title" entries are kept whole, one each; "Åbne bilag:" and "Lukkede bilag:"
    group the list, they are no entries; "Vedlagt: Takster.pdf (312 KB) og Kort.pdf (1,4 MB)"
    attaches two files, which are not what was decided."""
    page = [bold("Referat"), Text("Økonomiudvalget den 21. september 2015"), None,
            bold("1. Boligselskabet - skema B", 12), bold("Beslutning"), Text("Godkendt."),
            bold("Bilag"), Text("Bilag nr. 1: Skema B-ansøgning af 28. august 2015 (dok.nr. 31845/15)"),
            Text("Bilag nr. 2: Notat om huslejeberegning (dok.nr. 32210/15)"), None,
            bold("2. Lystbådehavnen - slæbested", 12), bold("Beslutning"), Text("Godkendt."),
            bold("Bilag"), Text("Åbne bilag:"), Text("Situationsplan (Dok.nr. 146210/14)"),
            Text("Lukkede bilag:"), Text("Tilbudsliste (Dok.nr. 146402/14)"), None,
            bold("3. Eventuelt", 12), Text("Næste møde holdes i april."),
            Text("Vedlagt: Takster 2020.pdf (312 KB) og Kort over sandfodring.pdf (1,4 MB)")]
    items = extract(tmp_path, "bilag_nr", [page]).items
    assert [[a.title for a in i.attachments] for i in items] == [
        ["Bilag nr. 1: Skema B-ansøgning af 28. august 2015 (dok.nr. 31845/15)",
         "Bilag nr. 2: Notat om huslejeberegning (dok.nr. 32210/15)"],
        ["Situationsplan (Dok.nr. 146210/14)", "Tilbudsliste (Dok.nr. 146402/14)"],
        ["Takster 2020.pdf", "Kort over sandfodring.pdf"]]
    assert items[2].decision == "Næste møde holdes i april."


@pytest.mark.parametrize("text,date,start", [
    ("Mødedato: 3/11/2020 3:00:00 PM", "2020-03-11", "15:00"),  # a .NET system's US default
    ("Mødedato: 11-03-2020 15:00", "2020-03-11", "15:00"),
    ("Mødedato: 3/11/2020", "2020-11-03", None),  # Danish day/month without the 12-hour clock
])
def test_month_first_dates_of_a_twelve_hour_clock(text: str, date: str, start: str | None) -> None:
    found = find_date(text)
    assert found is not None and found[0] == date
    assert find_times(text.split(": ", 1)[1], is_time=True)[0] == start


@pytest.mark.parametrize("text,names", [
    ("åbent møde for Kultur- og fritidsudvalgets møde den 08. oktober 2009", ["Kultur- og fritidsudvalget"]),
    ("Økonomiudvalgets beslutning den 4. maj 2015", ["Økonomiudvalget"]),
    ("Referat af møde i Teknik- og miljøudvalget", ["Teknik- og miljøudvalget"]),
])
def test_body_named_in_the_genitive_or_with_a_lower_case_last_part(text: str, names: list[str]) -> None:
    assert committee_names(text) == names


def test_title_does_not_wrap_onto_a_bulleted_section(tmp_path: Path) -> None:
    """A web page's point: "• 58." over its title, then its folded sections as bullets
    ("• Punktoplysninger") set close under it: the title ends before the first bullet."""
    page = [Text("Udvalg: Økonomiudvalget"), Text("Mødedato: 11-03-2020 15:00"), None,
            Text("• 58.", x=80), bold("Godkendelse af dagsorden", 12), Text("• Punktoplysninger", x=92),
            Text("Sagsnr.: 00.22.02-G01-42-18", x=106), Text("• Beslutning", x=92), Text("Godkendt.", x=106), None,
            Text("• 59.", x=80), bold("Eventuelt", 12), Text("• Beslutning", x=92), Text("Intet.", x=106)]
    items = extract(tmp_path, "punktoplysninger", [page]).items
    assert [(i.number, i.title) for i in items] == [(58, "Godkendelse af dagsorden"), (59, "Eventuelt")]


def test_point_that_names_a_body_recommending_under_a_lead_in_heading(tmp_path: Path) -> None:
    """"Direktionen indstiller, at" set as the section's heading, then the bulleted point
    "- Økonomiudvalget over for Kommunalbestyrelsen anbefaler, at der gives ...": the whole
    bullet is the point (the body's recommendation is what is put to the meeting)."""
    page = [bold("Referat"), Text("Økonomiudvalget, mandag den 06-05-2013"), None,
            bold("105. Boligselskabet - kommunegaranti", 12), bold("Indstilling"), bold("Direktionen indstiller, at"),
            Text("- Økonomiudvalget over for Kommunalbestyrelsen anbefaler, at der gives kommunegaranti på op til"),
            Text("2.480.000 kr. til renoveringen."), None,
            bold("Beslutning i Økonomiudvalget den 06-05-2013"), Text("Anbefales over for Kommunalbestyrelsen.")]
    item = extract(tmp_path, "anbefaler_i_punkt", [page]).items[0]
    assert item.recommendations == ["Økonomiudvalget over for Kommunalbestyrelsen anbefaler, at der gives "
                                    "kommunegaranti på op til 2.480.000 kr. til renoveringen."]


def test_attachment_lists_in_a_plain_text_export(tmp_path: Path) -> None:
    """One font, no bold (a text export): a list headed "Bilag til Byrådet 28. juni 2017" or
    "Bilag"; an entry whose bracket wraps ("(dok.nr." / "31845/15)"); "Åbne bilag:" and
    "Lukkede bilag:" group it; "Bilag <item>:" over the file's title is one entry; the list
    ends at a web page's "Luk", an attendance label, or the next group in capitals."""
    page = lines(
        "Referat", "Byrådet den 28. juni 2017", None,
        "1. Havnen - kommunegaranti", "Byrådet den 28. juni 2017:", "Godkendt.", None,
        "Bilag til Byrådet 28. juni 2017",
        "Ansøgning fra havnen af 30. maj 2017 og tilladelse fra Kystdirektoratet af 2. maj 2017 (dok.nr.",
        "31845/15)", "Lånebudget for havnen (71847/17)", None, "Afbud:", "Rikke Storm Pedersen, Ø", None,
        "2. Lystbådehavnen - slæbested", "Beslutning", "Godkendt.", None, "Bilag",
        "Åbne bilag:", "Situationsplan (Dok.nr. 146210/14)", "Lukkede bilag:", "Tilbudsliste (Dok.nr. 146402/14)",
        "Luk", None,
        "3. Kraftvarmeværket - garanti", "Beslutning", "Godkendt.", None, "Bilag",
        "Bilag Kraftvarmeværket - garanti:", "Ansøgning om kommunegaranti", None, "LUKKEDE SAGER",
        "4. Salg af grund", "Beslutning", "Godkendt.")
    items = extract(tmp_path, "ren_tekst", [page]).items
    assert [[a.title for a in i.attachments] for i in items][:3] == [
        ["Ansøgning fra havnen af 30. maj 2017 og tilladelse fra Kystdirektoratet af 2. maj 2017 (dok.nr. 31845/15)",
         "Lånebudget for havnen (71847/17)"],
        ["Situationsplan (Dok.nr. 146210/14)", "Tilbudsliste (Dok.nr. 146402/14)"],
        ["Bilag Kraftvarmeværket - garanti: Ansøgning om kommunegaranti"]]


def test_bulleted_punkt_headings_and_a_number_at_the_foot_of_a_page(tmp_path: Path) -> None:
    """A web page's print: "- Punkt 1 Title" (a list bullet before the keyword); and a list of
    points "- 113." over their titles where "- 114." is the last line of a page and its
    title opens the next page."""
    punkt = [bold("Kommunalbestyrelsen - 28-11-2018", 14), Text("Dato: Onsdag den 28. november 2018"), None,
             bold("- Punkt 1 Godkendelse af dagsorden", 12), bold("Beslutning"), Text("Godkendt."), None,
             bold("- Punkt 2 Helhedsplan for havnen", 12), bold("Beslutning"), Text("Godkendt.")]
    assert [(i.number, i.title) for i in extract(tmp_path, "punkt_bullets", [punkt]).items] == [
        (1, "Godkendelse af dagsorden"), (2, "Helhedsplan for havnen")]
    first = [bold("Referat"), Text("Byrådet den 26-10-2017"), None,
             bold("- 113.", 11), bold("Godkendelse af dagsorden", 12), bold("Beslutning"), Text("Godkendt.")] + \
        [None] * 40 + [bold("- 114.", 11)]
    second = [bold("Anlægsbevilling til multihuset", 12), bold("Beslutning"), Text("Godkendt."), None,
              bold("- 115.", 11), bold("Salg af byggegrund", 12), bold("Beslutning"), Text("Godkendt.")]
    items = extract(tmp_path, "sidefod", [first, second]).items
    assert [(i.number, i.title) for i in items] == [
        (113, "Godkendelse af dagsorden"), (114, "Anlægsbevilling til multihuset"), (115, "Salg af byggegrund")]


def test_a_line_printed_at_two_different_spots_is_no_running_line() -> None:
    """Item 2's heading opens its page (y 47.7) and a meeting-level attachment list repeats it
    on another page (y 63.3): two places, not one spot on two pages; three lines of which two
    share a spot still are."""
    assert spread([47.7, 63.3]) > 4.0
    assert spread([47.7, 47.9, 63.3]) == 0.0


def test_items_headed_pkt_nr_or_with_the_number_glued_to_the_title(tmp_path: Path) -> None:
    """"Punkt nr. 71: Title", and a web module's "98Godkendelse af dagsorden": items."""
    nr = [bold("Referat"), Text("Sammenlægningsudvalget den 16. maj 2006"), None,
          bold("Punkt nr. 71: Vedtægt for erhvervsrådet", 12), bold("Beslutning"), Text("Godkendt."), None,
          bold("Punkt nr. 72: Naturpleje i Store Vildmose", 12), bold("Beslutning"), Text("Godkendt.")]
    assert [(i.number, i.title) for i in extract(tmp_path, "punkt_nr", [nr]).items] == [
        (71, "Vedtægt for erhvervsrådet"), (72, "Naturpleje i Store Vildmose")]
    glued = [bold("Social og sundheds møde den 11. september 2023", 14), None,
             bold("98Godkendelse af dagsorden", 12), bold("Beslutning"), Text("Godkendt."), None,
             bold("99Placering af nyt plejecenter", 12), bold("Beslutning"), Text("Anbefales.")]
    assert [(i.number, i.title) for i in extract(tmp_path, "klistret", [glued]).items] == [
        (98, "Godkendelse af dagsorden"), (99, "Placering af nyt plejecenter")]


def test_decision_under_the_bodys_meeting_with_the_points_number(tmp_path: Path) -> None:
    """Hvidovre's minutes: "Pkt.nr. 2   Title", then "Økonomiudvalgets møde 19. april 2010" /
    "Punkt 6: Anbefales." (an earlier body's) and "Kommunalbestyrelsens møde 26. april 2010" /
    "Punkt 2: Godkendt." (this meeting's decision, without the point's number there)."""
    page = [Text("REFERAT"), Text("for"), Text("Kommunalbestyrelsens møde den 26. april 2010, Kl. 18.00 på Rådhuset."),
            None, bold("Pkt.nr. 1   Meddelelser", 12), None, Text("Kommunalbestyrelsens møde 26. april 2010"),
            Text("Punkt 1: Taget til efterretning."), None,
            bold("Pkt.nr. 2   Renovering af svømmehallen", 12), None, Text("Økonomiudvalgets møde 19. april 2010"),
            Text("Punkt 6: Anbefales."), None, Text("Kommunalbestyrelsens møde 26. april 2010"),
            Text("Punkt 2: Godkendt."), Text("For stemte 17 (A, F, C og Ø)."), None,
            Text("Sagsfremstilling:"), Text("Svømmehallen blev opført i 1974.")]
    items = extract(tmp_path, "moede_punkt", [page]).items
    assert [(i.number, i.decision) for i in items] == [
        (1, "Taget til efterretning."), (2, "Godkendt. For stemte 17 (A, F, C og Ø).")]



def test_points_of_an_earlier_meeting_in_one_font_are_no_items(tmp_path: Path) -> None:
    """One font throughout: "Punkt 6: Anbefales.", "Punkt 9: ...", "Punkt 12: ..." under an
    earlier body's meeting count higher than "Pkt.nr. 1" ... "Pkt.nr. 3", and each is followed
    by the next decision heading; only the items have a case text's section after them."""
    def item(number: int, title: str, earlier: int) -> list[Text | None]:
        return [Text(f"Pkt.nr. {number}   {title}"), None, Text("Økonomiudvalgets møde 19. april 2010"),
                Text(f"Punkt {earlier}: Anbefales."), None, Text("Kommunalbestyrelsens møde 26. april 2010"),
                Text(f"Punkt {number}: Godkendt."), None, Text("Sagsfremstilling:"), Text("Sagen er beskrevet i bilaget."),
                None]
    page = [Text("REFERAT"), Text("Kommunalbestyrelsens møde den 26. april 2010, Kl. 18.00 på Rådhuset."), None,
            *item(1, "Renovering af svømmehallen", 6), *item(2, "Helhedsplan for Holmegårdsparken", 9),
            *item(3, "Klage over tilskud", 12)]
    assert numbers(extract(tmp_path, "punkter_en_skrift", [page])) == [1, 2, 3]

@pytest.mark.parametrize("line,case", [
    ("061204-2013", "061204-2013"),  # serial-year under the heading, no label
    ("Åbent - 00.01.00A04 - 2008/51207", "2008/51207"),  # year/serial after the KLE group
    ("Sæsonen 2008/2009 blev forlænget", None),  # two years, no case
    ("Budgettet for 2013-2016", None),
])
def test_case_numbers_serial_year_and_year_serial(line: str, case: str | None) -> None:
    assert find_case_number(line) == case


@pytest.mark.parametrize("cover,location,start", [
    # the date, then the time alone, then the venue
    (["Referat", "Udvalget for Kultur og Planlægning's møde", "Tirsdag den 04-05-2010", "Kl. 13:30",
      "Udvalgsværelse 3"], "Udvalgsværelse 3", "13:30"),
    # the place before the time in a sentence
    (["MØDE I SAMMENLÆGNINGSUDVALGET", "Tirsdag, den 16. maj 2006",
      "Mødet afholdes i Byrådssalen, Pandrup Rådhus, kl. 16.00"], "Byrådssalen, Pandrup Rådhus", "16:00"),
    # the time printed after the venue
    (["Social og sundheds møde den 11. september 2023", "Mødelokale F7 kl. 15.00"], "Mødelokale F7", "15:00"),
])
def test_venue_and_time_around_the_date_line(tmp_path: Path, cover: list[str], location: str, start: str) -> None:
    page = [Text(t) for t in cover] + [None, bold("1. Godkendelse af dagsorden", 12), bold("Beslutning"),
                                        Text("Godkendt."), None, bold("2. Eventuelt", 12), bold("Beslutning"), Text("Intet.")]
    meeting = extract(tmp_path, "sted", [page]).meeting
    assert (meeting.location, meeting.start_time) == (location, start)


def test_a_room_number_keeps_its_label_and_open_and_closed_attachment_groups(tmp_path: Path) -> None:
    """"Mødelokale   188" is room 188, not "188"; "Bilag" over "Åbne bilag" and "Lukkede bilag"
    set as headings of their own: one list."""
    page = [bold("Økonomiudvalget", 14), Row([Text("Mødedato"), Text("8. maj 2013", x=200)]),
            Row([Text("Mødelokale"), Text("188", x=200)]), None,
            bold("1. Kystbeskyttelse", 12), bold("Beslutning"), Text("Godkendt."), bold("Bilag"), bold("Åbne bilag"),
            Text("Projektbeskrivelse (061204-2013-12)"), bold("Lukkede bilag"), Text("Tilbudsliste (061204-2013-18)"),
            None, bold("2. Eventuelt", 12), bold("Beslutning"), Text("Intet.")]
    extraction = extract(tmp_path, "lokale", [page])
    assert extraction.meeting.location == "Mødelokale 188"
    assert [a.title for a in extraction.items[0].attachments] == ["Projektbeskrivelse (061204-2013-12)",
                                                                  "Tilbudsliste (061204-2013-18)"]


def test_body_and_date_under_indstilling_is_whom_the_recommendation_is_put_to(tmp_path: Path) -> None:
    """Gentofte's Prepare: "Indstilling" over "Byplanudvalget den 11. januar 2016" and the
    points: the line names the meeting the recommendation goes to, no verdict heading."""
    page = [bold("Kommunalbestyrelsen"), Text("Referat 25-01-2016"), None,
            bold("2 (Åben) Lokalplan 402 - endelig vedtagelse", 12), bold("Indstilling"),
            Text("Byplanudvalget den 11. januar 2016"),
            Text("Teknik og Miljø foreslår, at Byplanudvalget over for Kommunalbestyrelsen anbefaler,"),
            Text("1. At Lokalplan 402 vedtages endeligt."), Text("2. At høringssvarene besvares som foreslået."),
            None, Text("Byplanudvalgets beslutning: Anbefales."), None, bold("Beslutning"), Text("Godkendt.")]
    item = extract(tmp_path, "prepare", [page]).items[0]
    assert item.recommendations == ["At Lokalplan 402 vedtages endeligt.", "At høringssvarene besvares som foreslået."]
    assert item.decision == "Godkendt."


def test_member_who_took_no_part_ved_sagens_behandling(tmp_path: Path) -> None:
    """"Anne Marie Kloster (F) deltog ikke ved sagens behandling.": attendance after the
    decision, not part of it; she is absent."""
    page = [bold("Referat"), Text("Økonomiudvalget den 8. maj 2013"), None,
            bold("1. Ombygning af skolen", 12), bold("Beslutning"),
            Text("Sagen sendes til Byrådet med anbefaling af indstillingen."),
            Text("Anne Marie Kloster (F) deltog ikke ved sagens behandling.")]
    extraction = extract(tmp_path, "ved_sagens", [page])
    assert extraction.items[0].decision == "Sagen sendes til Byrådet med anbefaling af indstillingen."
    assert [p.name for p in extraction.absent] == ["Anne Marie Kloster"]


def label_and_value(label: str, value: str, size: float = 10) -> Row:
    """"**For stemte:** A, V og O (6)": a bold label and its value in the text's font."""
    return Row([bold(label, size), Text(value, x=72 + stringWidth(label + " ", "Helvetica-Bold", size), size=size)])


def test_decisions_printed_in_bold_or_under_bold_labels(tmp_path: Path) -> None:
    """Minutes that print the decision itself in bold ("Anbefales godkendt", no full stop),
    its vote under bold labels ("For stemte:"), or a bold decision that wraps: all of it is
    what was decided, none of it a heading that ends the decision. An item's file data
    ("Sagsansvarlig: mhe") is no minutes text of a point with nothing decided."""
    wide = "Godkendt med den ændring, at cykelstien langs Ringvejen først anlægges i 2019, og at"
    page = [bold("Referat", 14), Text("Økonomiudvalget"), Text("Mødedato: 21. august 2017"), None,
            bold("1. Budget 2018", 12), bold("Indstilling"), Text("Direktionen indstiller, at budgettet godkendes."),
            None, bold("Beslutning"), bold("Anbefales godkendt"), label_and_value("For stemte:", "A, V og O (6)"),
            label_and_value("Imod stemte:", "Ø (1)"), None,
            bold("2. Anlægsbevilling til cykelsti", 12), bold("Indstilling"),
            Text("Direktionen indstiller, at bevillingen gives."), None,
            bold("Beslutning i Økonomiudvalget den 21-08-2017"), bold(wide), bold("forvaltningen søger statstilskud"),
            None, Text("Fraværende: Bo Jensen (V)"), None,
            bold("3. Personalesag (Lukket)", 12), label_and_value("Sagsansvarlig:", "mhe")]
    extraction = extract(tmp_path, "fed_beslutning", [page])
    assert [" ".join(i.decision.split()) if i.decision else None for i in extraction.items] == [
        "Anbefales godkendt For stemte: A, V og O (6) Imod stemte: Ø (1)",
        f"{wide} forvaltningen søger statstilskud", None]
    assert [p.name for p in extraction.absent] == ["Bo Jensen"]


def test_attachment_entries_set_apart_by_space_and_a_table_of_numbered_titles(tmp_path: Path) -> None:
    """Under "Bilag", entries one blank line apart whose wraps all go on in a capital: the
    space between them, not the width of a line, parts them. A table "Bilagsnr. | Bilagstitel"
    lists its titles beside their numbers, and a title that is a section word of case texts
    ("Tidsplan") is a cell of that table, not the item's next section."""
    first = "Høringssvar fra Danmarks Naturfredningsforening, Region Midtjylland og Vejdirektoratet om"
    second = "Samlet notat om høringssvar til forslag til Lokalplan 326 og Kommuneplantillæg nr. 12 af 14. februar"
    page = [bold("Referat", 14), Text("Teknik- og Miljøudvalget"), Text("Mødedato: 12. marts 2019"), None,
            bold("1. Lokalplan for boliger ved Åbrinken", 12), bold("Beslutning"), Text("Anbefales godkendt."), None,
            bold("Bilag"), Text(first, size=9), Text("Lokalplan 326 Boliger ved Åbrinken", size=9), None,
            Text(second, size=9), None, Text("Kort over lokalplanområdet", size=9), None,
            bold("2. Vejbelysning", 12), bold("Beslutning"), Text("Taget til efterretning."), None, bold("Bilag"),
            Row([bold("Bilagsnr."), bold("Bilagstitel", 10)]),
            Row([Text("1"), Text("Oversigt over vejbelysning i den vestlige bydel")]), Row([Text("2"), Text("Tidsplan")])]
    for row in page[-3:]:
        row.parts[1].x = 140
    extraction = extract(tmp_path, "bilag_luft_og_tabel", [page])
    assert [[a.title for a in i.attachments] for i in extraction.items] == [
        [f"{first} Lokalplan 326 Boliger ved Åbrinken", second, "Kort over lokalplanområdet"],
        ["Oversigt over vejbelysning i den vestlige bydel", "Tidsplan"]]


def test_entries_parted_by_space_when_no_wrap_goes_on_in_lower_case() -> None:
    """A browser's print: the heading sits 5.7 pt over its list, entries are 8.5 pt apart and
    the one wrapped entry goes on in a capital ("... Boliger ved" / "Åbrinken"). The line gap
    is read where two lines of one style meet at one left edge (2.8 pt), not among the
    heading's space, so a full-width entry does not swallow the next."""
    def line(text: str, top: float, x1: float, bold: bool = False) -> StyledLine:
        return StyledLine(page=1, text=text, x0=34, top=top, x1=x1, bottom=top + 9.5, size=9.5, bold=bold)

    lines = [line("Sagsfremstilling", 100, 120, bold=True), line("Forvaltningen har lavet et forslag.", 115.2, 300),
             line("Bilag", 140.8, 57, bold=True), line("Høringssvar fra Danmarks Naturfredningsforening om", 156, 532),
             line("Åbrinken", 168.3, 71), line("Samlet notat om de indkomne høringssvar til forslag til lokalplanen", 186.3, 556),
             line("Kort over lokalplanområdet", 204.3, 147)]
    entries = [text for text, _ in lines_to_entries(lines[3:], right_edge(lines), typical_gap(lines))]
    assert entries == ["Høringssvar fra Danmarks Naturfredningsforening om Åbrinken",
                       "Samlet notat om de indkomne høringssvar til forslag til lokalplanen",
                       "Kort over lokalplanområdet"]


def test_a_list_numbered_again_from_one_after_the_items_is_no_item(tmp_path: Path) -> None:
    """A one-font export: items 1 and 2, then a meeting-wide list "1.", "2.", "3." at the end.
    Its "3." would follow item 2, but a list that counts from 1 again is no run of items."""
    def item(number: int, title: str) -> list[Text | None]:
        return lines(f"{number}. {title}", None, "Sagsfremstilling", "Forvaltningen orienterer om sagen.", None,
                     "Indstilling", "Direktionen indstiller, at sagen godkendes.", None)
    page = lines("ÅBEN DAGSORDEN", "Økonomiudvalget", "Mødedato: 16. september 2014", None) \
        + item(1, "Budgetopfølgning pr. 31. august 2014") + item(2, "Anlægsbevilling til nyt tag på rådhuset") \
        + lines("SAMLET BILAGSLISTE", "1. Samlet oversigt over drift og anlæg", "2. Notat om merforbrug",
                "3. Tilstandsrapport for rådhusets tag")
    extraction = extract(tmp_path, "samlet_bilagsliste", [page])
    assert [(i.number, i.title) for i in extraction.items] == [
        (1, "Budgetopfølgning pr. 31. august 2014"), (2, "Anlægsbevilling til nyt tag på rådhuset")]


def test_recommendation_printed_in_bold(tmp_path: Path) -> None:
    """"Indstilling" over a bold "Direktionen indstiller, at ejendommen sættes til salg" (no
    full stop): the recommendation set in bold, not a heading of its own."""
    page = [bold("Referat", 14), Text("Økonomiudvalget"), Text("Mødedato: 21. august 2017"), None,
            bold("1. Salg af ejendom", 12), bold("Indstilling"), bold("Direktionen indstiller, at ejendommen sættes til salg"),
            None, bold("Beslutning"), Text("Godkendt.")]
    extraction = extract(tmp_path, "fed_indstilling", [page])
    assert [i.recommendations for i in extraction.items] == [["ejendommen sættes til salg"]]


def test_attachment_links_printed_in_bold(tmp_path: Path) -> None:
    """A web print sets the attachments' links in bold under "Bilag": entries, not headings.
    A group heading after the last item's list ("Lukket del") is not an entry."""
    page = [bold("Referat", 14), Text("Økonomiudvalget"), Text("Mødedato: 21. august 2017"), None,
            bold("1. Budget 2018", 12), bold("Sagsfremstilling"),
            Text("Budgetforslaget for 2018 fremlægges til første behandling i udvalget og i byrådet."),
            bold("Beslutning"), Text("Godkendt."), None, bold("Bilag"), bold("Budgetforslag 2018"), bold("Notat om anlæg"), bold("Høringssvar fra MED-udvalget"), None,
            bold("2. Salg af ejendom", 12), bold("Beslutning"), Text("Godkendt."), None, bold("Bilag"),
            bold("Kort over grunden"), None, bold("Lukket del"), None, bold("3. Personalesag", 12)]
    extraction = extract(tmp_path, "fede_bilag", [page])
    assert [[a.title for a in i.attachments] for i in extraction.items] == [
        ["Budgetforslag 2018", "Notat om anlæg", "Høringssvar fra MED-udvalget"], ["Kort over grunden"], []]


def test_attachment_titles_that_wrap_into_a_capital_under_a_hanging_indent(tmp_path: Path) -> None:
    """"Bilag 1 - Budgetforslag ... område med" over "Bemærkninger fra Direktionen" set in
    under the title: a line ending in a preposition, or set in under a labelled entry, goes
    on in whatever case its next line opens."""
    page = [bold("Referat", 14), Text("Økonomiudvalget"), Text("Mødedato: 21. august 2017"), None,
            bold("1. Budget 2018", 12), bold("Sagsfremstilling"),
            Text("Budgetforslaget for 2018 fremlægges til første behandling i udvalget og derefter i byrådet."),
            bold("Beslutning"), Text("Godkendt."), None, bold("Bilag"),
            Text("Bilag 1 - Budgetforslag 2018 for Økonomiudvalgets område med"),
            Text("Bemærkninger fra Direktionen", x=117), Text("Bilag 2 - Notat om anlæg"),
            Text("Bilag 3 - Høringssvar fra MED-udvalget i Social og Sundhed"), Text("Ældrerådets udtalelse", x=117)]
    extraction = extract(tmp_path, "haengende_indrykning", [page])
    assert [a.title for a in extraction.items[0].attachments] == [
        "Bilag 1 - Budgetforslag 2018 for Økonomiudvalgets område med Bemærkninger fra Direktionen",
        "Bilag 2 - Notat om anlæg", "Bilag 3 - Høringssvar fra MED-udvalget i Social og Sundhed Ældrerådets udtalelse"]


def test_meeting_wide_attachment_list_grouped_under_titles_without_numbers(tmp_path: Path) -> None:
    """"Bilagsliste" at the end, each item's attachments under its title printed again
    without its number: the title says which item the files belong to."""
    def item(number: int, title: str) -> list[Text | None]:
        return [bold(f"{number}. {title}", 12), bold("Sagsfremstilling"), Text("Forvaltningen orienterer om sagen."),
                bold("Beslutning"), Text("Godkendt."), None]
    page = [bold("Referat", 14), Text("Økonomiudvalget"), Text("Mødedato: 3. november 2014"), None] \
        + item(1, "Budgetopfølgning pr. 30. september 2014") + item(2, "Salg af grunde i Gredstedbro") \
        + [bold("Bilagsliste"), Text("Budgetopfølgning pr. 30. september 2014"),
           Text("Oversigt over drift (dok.nr. 188412/14)", x=90), Text("Oversigt over anlæg (dok.nr. 188413/14)", x=90),
           Text("Salg af grunde i Gredstedbro"), Text("Kort over grundene (dok.nr. 190001/14)", x=90)]
    extraction = extract(tmp_path, "bilagsliste_titler", [page])
    assert [[a.title for a in i.attachments] for i in extraction.items] == [
        ["Oversigt over drift (dok.nr. 188412/14)", "Oversigt over anlæg (dok.nr. 188413/14)"],
        ["Kort over grundene (dok.nr. 190001/14)"]]


def test_decision_that_answers_the_points_one_by_one(tmp_path: Path) -> None:
    """"Beslutning" over "Ad 1: Anbefales." and "Ad 2: Taget til efterretning.": the whole
    decision, not only its last point."""
    page = [bold("Referat", 14), Text("Økonomiudvalget"), Text("Mødedato: 21. august 2017"), None,
            bold("1. Budget 2018", 12), bold("Indstilling"), Text("Direktionen indstiller,"),
            Text("1. at budgetforslaget oversendes til byrådet, og"), Text("2. at anlægsplanen tages til efterretning."),
            None, bold("Beslutning"), Text("Ad 1: Anbefales."), Text("Ad 2: Taget til efterretning.")]
    extraction = extract(tmp_path, "ad_punkter", [page])
    assert " ".join(extraction.items[0].decision.split()) == "Ad 1: Anbefales. Ad 2: Taget til efterretning."


def test_bulleted_point_that_wraps_after_an_abbreviation_into_a_capital(tmp_path: Path) -> None:
    """"- at ejendommen ... 2,1 mio. kr., jf." over "Vurderingsrapport fra Nybolig Erhverv, og"
    set in under the point's text: "jf." ends no sentence, and a line in a bulleted point's
    hanging indent is that point's."""
    page = [bold("Referat", 14), Text("Økonomiudvalget"), Text("Mødedato: 21. august 2017"), None,
            bold("1. Salg af ejendom", 12), bold("Sagsfremstilling"),
            Text("Ejendommen Skolevej 4 har stået tom siden skolens lukning og foreslås nu solgt i fri handel."),
            bold("Indstilling"), Text("Borgmesteren indstiller,"),
            Text("- at ejendommen sættes til salg med en mindstepris på 2,1 mio. kr., jf."),
            Text("Vurderingsrapport fra Nybolig Erhverv, og", x=81), Text("- at provenuet tilgår kassen."),
            None, bold("Beslutning"), Text("Godkendt.")]
    extraction = extract(tmp_path, "jf_forkortelse", [page])
    assert extraction.items[0].recommendations == [
        "at ejendommen sættes til salg med en mindstepris på 2,1 mio. kr., jf. Vurderingsrapport fra Nybolig Erhverv, og",
        "at provenuet tilgår kassen."]


def test_attachment_table_whose_title_cells_wrap_beside_an_open_closed_column(tmp_path: Path) -> None:
    """An unruled "Titel | Åben" table whose title cells wrap: the "Åben" cell is read into the
    title's line where the title fills its column, and the title goes on under it in lower case
    or after a comma, though its line ended short of the page's edge."""
    status_x = 350
    table = [Row([Text("Budgetopfølgning for Teknisk Udvalg med bemærkninger til"), Text("Åben", x=status_x)]),
             Text("de enkelte politikområder"),
             Row([Text("Oversigt over overførsler til 2020 for Vej og Park,"), Text("Åben", x=status_x)]),
             Text("Natur og Miljø samt Byggeri"),
             Row([Text("Anlægsoversigt"), Text("Lukket", x=status_x)])]
    assert 72 + stringWidth(table[0].text, "Helvetica", 10) + 10 < status_x  # a cell's gap, more than a space
    page = [bold("Referat"), None, bold("2. Budgetopfølgning"), bold("Sagsfremstilling"),
            Text("Forvaltningen har gennemgået forbruget på udvalgets område i hele januar 2020."), None,
            bold("Bilag"), *table, None, bold("Beslutning"), Text("Taget til efterretning.")]
    item = extract(tmp_path, "aabenkolonne", [page]).items[0]
    assert [a.title for a in item.attachments] == [
        "Budgetopfølgning for Teknisk Udvalg med bemærkninger til de enkelte politikområder",
        "Oversigt over overførsler til 2020 for Vej og Park, Natur og Miljø samt Byggeri",
        "Anlægsoversigt"]


def test_attachment_table_whose_title_cells_wrap_beside_a_document_number_column(tmp_path: Path) -> None:
    """"Title | 145233/17 | Åben": where the title fills its column, the document number and
    "Åben" are read into its line; both are cells, and the title wraps on under them."""
    number_x, status_x = 330, 400
    table = [Row([Text("Ansøgning fra Grønt Netværk om støtte til naturpleje og"), Text("145233/17", x=number_x),
                  Text("Åben", x=status_x)]),
             Text("formidling i ådalen 2017-2019"),
             Row([Text("Projektbudget"), Text("145240/17", x=number_x), Text("Åben", x=status_x)])]
    assert 72 + stringWidth(table[0].parts[0].text, "Helvetica", 10) + 10 < number_x  # more than a word space
    page = [bold("Referat"), None, bold("23. Ansøgning om støtte til naturprojekt"), bold("Sagsfremstilling"),
            Text("Foreningen søger om støtte til et treårigt projekt i ådalen."), None,
            bold("Bilag"), *table, None, bold("Beslutning"), Text("Godkendt.")]
    item = extract(tmp_path, "doknrkolonne", [page]).items[0]
    assert [a.title for a in item.attachments] == [
        "Ansøgning fra Grønt Netværk om støtte til naturpleje og formidling i ådalen 2017-2019", "Projektbudget"]


@pytest.mark.parametrize("heading,committee", [
    ("MØDE I BØRNEUDVALGET FOR", "Børneudvalget"),
    ("REFERAT AF MØDET I ÆLDRERÅDET", "Ældrerådet"),
])
def test_committee_in_a_cover_heading_without_its_lead_in(tmp_path: Path, heading: str, committee: str) -> None:
    page = [Text(heading, size=16), Text("Tirsdag den 16. maj 2006 kl. 16.00"), None,
            Text("1. Godkendelse af dagsorden"), Text("Beslutning"), Text("Godkendt.")]
    assert extract(tmp_path, "forside", [page]).meeting.committee == committee


def test_officials_after_derudover_deltog_and_a_sentence_below_the_list(tmp_path: Path) -> None:
    page = [Text("Referat", size=16), Text("Kommunalbestyrelsen"), Text("Torsdag den 28. april 2016 kl. 18.00"),
            Text("Deltagere: Ida Holm, Per Krogh, Åse Nyby"),
            Text("Derudover deltog: Søs Vinding, Bo Tarp, Karl Emil Riis,"),
            Text("Lene Munk Hald, Ove Sand"),
            Text("I stedet for Per Krogh deltog stedfortræderen i punkt 2, og mødet sluttede kl. 20."),
            None, Text("1. Godkendelse af dagsorden"), Text("Beslutning"), Text("Godkendt.")]
    extraction = extract(tmp_path, "derudover", [page])
    assert [p.name for p in extraction.participants] == ["Ida Holm", "Per Krogh", "Åse Nyby", "Søs Vinding", "Bo Tarp",
                                                          "Karl Emil Riis", "Lene Munk Hald", "Ove Sand"]


def test_officials_under_ovrige_deltagere_take_part_by_role_and_guests_stay_guests(tmp_path: Path) -> None:
    page = [Text("Referat", size=16), Text("Miljø- og Teknikudvalget"), Text("Tirsdag den 16. april 2013 kl. 16.00"),
            bold("Deltagere:"), Text("Lillian Ravn (O)"), Text("Anders Møller Krog (V)"), None,
            bold("Øvrige deltagere:"), Text("Karsten Holmgaard, Direktør"), Text("Mette Ladefoged, Udvalgssekretær"), None,
            Text("Gæster: Else Lund fra Socialstyrelsen deltager under punkt 1"),
            Text("Øvrige bemærkninger: Henrik Vestbjerg (Deltog ikke i mødet fra punkt 3 til punkt 4.)"), None,
            Text("1. Godkendelse af dagsorden"), Text("Beslutning"), Text("Godkendt.")]
    extraction = extract(tmp_path, "oevrige", [page])
    assert [(p.name, p.organization) for p in extraction.participants] == [
        ("Lillian Ravn", "O"), ("Anders Møller Krog", "V"),
        ("Karsten Holmgaard", "Direktør"), ("Mette Ladefoged", "Udvalgssekretær")]
    assert [p.name for p in extraction.guests] == ["Else Lund"]


def _sentences(count: int) -> list[Text | None]:
    return [Text(f"Sætning {n} om budgettet for tilsynet i år og de kommende år.") for n in range(count)]


def test_bound_attachments_set_like_the_agenda(tmp_path: Path) -> None:
    """One font, no running header: an attachment bound in after its item is told by a title
    that repeats a listed one in capitals and wraps, or by the page break after the item's
    attachment list; its own "Bilag" lines are no attachments of the item."""
    pages = [
        [Text("Referat", size=16), Text("DAS Social den 21. august 2023"), None, bold("1. Budget for tilsynet", 13),
         bold("Sagsfremstilling"), *_sentences(44)],
        [*_sentences(10), bold("Indstilling"), Text("Det indstilles, at DAS godkender budgettet."), bold("Bilag:"),
         Text("- Notat om budget 2024 for tilsynet")],
        [Text("Socialtilsyn Nord – Budget 2024:"), *_sentences(20), bold("Bilag"), Text("Bilag 1. Spor i flerårigt")],
        [bold("2. Kapacitet på botilbud", 13), bold("Sagsfremstilling"), *_sentences(20), bold("Bilag:"),
         Text("- Rapport vedr. udbud og efterspørgsel for borgere med dom 2023"), bold("Beslutning"), Text("Godkendt.")],
        [Text("RAPPORT VEDR. UDBUD OG EFTERSPØRGSEL FOR"), Text("BORGERE MED DOM 2023"), *_sentences(30),
         bold("Bilag"), Text("Bilag 2. Tidsplan for projektet")],
    ]
    items = extract(tmp_path, "indbundet", pages).items
    assert [[a.title for a in item.attachments] for item in items] == [
        ["Notat om budget 2024 for tilsynet"], ["Rapport vedr. udbud og efterspørgsel for borgere med dom 2023"]]
    assert items[1].decision == "Godkendt."
    # `dagsorden explain` says why each bound page was taken for an attachment
    _, roles = explain(tmp_path / "indbundet.pdf", ExtractSettings(ocr="never"))
    why = {role.page: role.evidence for role in roles if role.role == "bound appendix"}
    assert "attachment list ended its page early" in why[3] and "an attachment of the item" in why[5]


def test_text_only_recommendation_ends_at_a_section_or_a_group_of_items(tmp_path: Path) -> None:
    """A text-only export (one font, one size): the points end where "Orientering" opens the
    item's next section or "Afslutning" the next group of items."""
    def plain(text: str) -> Text:
        return Text(text, font="Courier", size=9)
    page = [plain("Dagsorden"), plain("DAS Social den 21. august 2023"), None,
            plain("1. Budget for tilsynet"), plain("Indstilling"), plain("Det indstilles, at"),
            plain("DAS tager orienteringen til efterretning"), plain("Orientering"),
            plain("Socialstyrelsen bemærker, at der er kommet flere borgere i målgruppen."), None,
            plain("2. Kapacitet på botilbud"), plain("Indstilling"), plain("Det indstilles, at"),
            plain("- DAS godkender planen for kapaciteten"), plain("Afslutning"), None,
            plain("3. Eventuelt"), plain("Intet.")]
    items = extract(tmp_path, "tekstversion", [page]).items
    assert [item.recommendations for item in items] == [
        ["DAS tager orienteringen til efterretning"], ["DAS godkender planen for kapaciteten"], []]


def test_text_only_decision_ends_before_the_next_group_and_section(tmp_path: Path) -> None:
    """A text-only export of minutes: the next group's heading and its "Punkt 2-3" range before
    the next item, and an "Orientering" section after a decision, are no part of the decision."""
    def plain(text: str) -> Text:
        return Text(text, font="Courier", size=9)
    pages = [[plain("Referat"), plain("DAS Social den 21. august 2023"), None,
              plain("1. Task force mod vold"), plain("Beslutning"), plain("Udsat til næste møde."), None,
              plain("Sager til orientering"), plain("Punkt 2-3"),
              plain("2. Orientering om FU beslutninger"), plain("Beslutning"), plain("Taget til efterretning."), None,
              plain("Orientering"), plain("Sagsfremstilling"), plain("Punkter til orientering:"),
              plain("- Status fra det halvårlige møde."), None,
              plain("3. Eventuelt"), plain("Beslutning"), plain("Intet.")]]
    items = extract(tmp_path, "tekstreferat", pages).items
    assert [(item.number, item.decision) for item in items] == [
        (1, "Udsat til næste møde."), (2, "Taget til efterretning."), (3, "Intet.")]


def test_text_only_meeting_block_and_a_case_heading_after_an_absence(tmp_path: Path) -> None:
    """One font, labels set close to their values: "Fra forvaltningen" officials on the label's
    line take part; a "Tilforordnede" column beside "Medlemmer" is no members' list; the case
    text after "X deltog ikke ..." under "Gennemgang af sagen" names no absent people."""
    def plain(text: str, x: float = 72) -> Text:
        return Text(text, font="Courier", size=9, x=x)
    page = [plain("Protokol for Miljøudvalget"), plain("Onsdag den 19. september 2012"), None,
            Row([plain("Medlemmer"), plain("Tilforordnede", x=250)]),
            Row([plain("Henrik Løvstad Jessen"), plain("Marianne Bruun Eskildsen", x=250)]),
            Row([plain("Ayse Kara Nielsen"), plain("Torben Wedell", x=250)]),
            plain("Lasse Qvist"), None,
            plain("Fra forvaltningen Bjarne Poulsgaard, Iben Kock"), None,
            plain("1. Ny bådebro for roklubben"), plain("Beslutning"), plain("Tiltrådt."),
            plain("Lasse Qvist deltog ikke i behandlingen af sagen på grund af inhabilitet."),
            plain("Gennemgang af sagen"),
            plain("Bagsværd Roklub, Bådhusvej 21, 2880 Bagsværd, har søgt om en ny bro.")]
    extraction = extract(tmp_path, "protokol", [page])
    assert [p.name for p in extraction.participants] == [
        "Henrik Løvstad Jessen", "Ayse Kara Nielsen", "Lasse Qvist", "Bjarne Poulsgaard", "Iben Kock"]
    assert [p.name for p in extraction.absent] == ["Lasse Qvist"]
    assert extraction.items[0].decision == "Tiltrådt."


def test_text_only_title_wraps_as_the_contents_print_it(tmp_path: Path) -> None:
    """One font: a title's second line is told from the case text by the contents, which print
    the title over the same two lines."""
    def plain(text: str, x: float = 72) -> Text:
        return Text(text, font="Courier", size=9, x=x)
    contents = [plain("Referat"), plain("Teknisk Udvalg tirsdag den 8. april 2003"), None, plain("Indholdsfortegnelse"),
                Row([plain("1"), plain("Regnvandsbassin ved Olsbækken", x=110), plain("2", x=480)]),
                plain("Frigivelse af anlægsbevilling", x=110),
                Row([plain("2"), plain("Vintertjeneste 2002/2003", x=110), plain("3", x=480)]),
                plain("Orientering om forbrug og saltmængder", x=110)]
    first = [plain("1.     Regnvandsbassin ved Olsbækken"), plain("Frigivelse af anlægsbevilling"),
             plain("J.nr.: 06.01.15    Sagsnr.: 03/412"), plain("Sagsfremstilling:"), plain("Bassinet skal sikre Olsbækken mod overløb ved skybrud, og anlægget udføres i sommeren"),
             plain("2003 af kommunens entreprenør efter udbud blandt tre firmaer."),
             plain("Udvalgets beslutning den 08.04.2003:"), plain("Anbefales.")]
    second = [plain("2.     Vintertjeneste 2002/2003"), plain("Orientering om forbrug og saltmængder"),
              plain("J.nr.: 05.13.00    Sagsnr.: 03/101"), plain("Sagsfremstilling:"), plain("Vinteren brugte 900 tons salt, og der blev saltet 41 gange på de overordnede veje og"),
              plain("stier, mest i januar og februar."), plain("Udvalgets beslutning den 08.04.2003:"),
              plain("Taget til efterretning.")]
    items = extract(tmp_path, "indhold", [contents, first, second]).items
    assert [i.title for i in items] == ["Regnvandsbassin ved Olsbækken Frigivelse af anlægsbevilling",
                                        "Vintertjeneste 2002/2003 Orientering om forbrug og saltmængder"]


def test_text_only_verdict_line_repeating_the_number_is_no_heading(tmp_path: Path) -> None:
    """One font: "Punkt 1: Taget til efterretning." under the council's meeting line, just below
    "Pkt.nr. 1 Title", is the item's verdict, not its heading."""
    def plain(text: str) -> Text:
        return Text(text, font="Courier", size=9)
    page = [plain("Referat"), plain("Kommunalbestyrelsen mandag den 26. april 2010"), None,
            plain("Pkt.nr. 1 Forskellige cirkulærer og meddelelser"), None,
            plain("Kommunalbestyrelsens møde 26. april 2010"), plain("Punkt 1: Taget til efterretning."), None,
            plain("Pkt.nr. 2 Anlægsbevilling til svømmehallen"), plain("Indstilling:"),
            plain("Teknisk Forvaltning indstiller, at bevillingen gives."), None,
            plain("Kommunalbestyrelsens møde 26. april 2010"), plain("Punkt 2: Godkendt.")]
    items = extract(tmp_path, "verdikt", [page]).items
    assert [(i.number, i.title, i.decision) for i in items] == [
        (1, "Forskellige cirkulærer og meddelelser", "Taget til efterretning."),
        (2, "Anlægsbevilling til svømmehallen", "Godkendt.")]
