"""Segmentation and item facts on small hand-made agendas of each family."""
from __future__ import annotations

from pathlib import Path

import pytest

from dagsorden.extractor.pipeline import extract_document
from pdfmaker import Text, bold, make_pdf

HEADER = "Mødet den 21.08.2023 DAS Social"


def agenda_system_pdf(path: Path) -> Path:
    """Agenda-system export: "Punkt N." + title, case number, sections, a bound appendix in Times."""
    cover = [bold("DAS Social", 18), Text("Mødet den 21. august 2023, kl. 12.00"), Text("Virtuelt møde")]
    item1 = [Text("Åben"), Text("Punkt 1."), bold("Budget og takster for", 14), bold("Socialtilsyn Nord", 14),
             Text("2023-052085"), None, bold("Resumé"), Text("Socialtilsyn Nord har udarbejdet et budget."),
             None, bold("Indstilling"), Text("Det indstilles, at DAS"), Text("• Drøfter budgettet."),
             Text("• Godkender taksterne."), None, bold("Bilag:"), Text("- Notat Budget 2024")]
    appendix = [Text("Notat om budget 2024", font="Times-Bold", size=16), None,
                Text("1. Indledning", font="Times-Bold", size=13),
                Text("Punkt 2 i notatet handler om noget andet.", font="Times-Roman", size=11),
                Text("Baggrund", font="Times-Bold", size=12),
                Text("Tekst i bilaget.", font="Times-Roman", size=11)]
    item2 = [Text("Lukket"), Text("Punkt 2."), bold("Personalesag", 14), None, bold("Indstilling"),
             Text("Det indstilles, at direktøren godkender ansættelsen.")]
    return make_pdf(path, [cover, item1, appendix, item2], header=HEADER)


def test_agenda_system_items_sections_and_bound_appendix(tmp_path: Path) -> None:
    extraction = extract_document(agenda_system_pdf(tmp_path / "agenda.pdf"))
    assert extraction.document.kind == "agenda"
    assert [(i.number, i.title) for i in extraction.items] == [
        (1, "Budget og takster for Socialtilsyn Nord"), (2, "Personalesag")]
    first, second = extraction.items
    assert first.case_number == "2023-052085"
    assert first.recommendations == ["Drøfter budgettet.", "Godkender taksterne."]
    assert [(a.title, a.page) for a in first.attachments] == [("Notat Budget 2024", 2)]
    assert first.sections["Resumé"] == "Socialtilsyn Nord har udarbejdet et budget."
    assert "Baggrund" not in first.sections, "an appendix heading leaked into the item"
    assert (first.page_start, first.page_end) == (2, 2)
    assert not first.closed and second.closed
    assert second.recommendations == ["direktøren godkender ansættelsen."]
    assert [(a.title, a.page_start, a.page_end, a.item) for a in extraction.appendices] == [
        ("Notat om budget 2024", 3, 3, 1)]
    assert extraction.meeting.committee == "DAS Social"
    assert extraction.meeting.date == "2023-08-21"
    assert extraction.meeting.start_time == "12:00"
    assert extraction.meeting.location == "Virtuelt møde"


def test_word_template_meeting_block_and_combined_item(tmp_path: Path) -> None:
    value_x = 170
    front = [Row([Text("Møde"), Text("Den Administrative Styregruppe", x=value_x)]),
             Row([Text("Tid"), Text("2. marts 2017, kl. 13.00-16.00", x=value_x)]),
             Row([Text("Deltagere"), Text("Hanne Madsen (Jammerbugt Kommune), Leif Serup (formand,", x=value_x)]),
             Text("Hjørring Kommune)", x=value_x),
             Row([Text("Afbud"), Text("Lone Becker (Thisted Kommune)", x=value_x)]), None,
             Text("1. Godkendelse af dagsorden (side 2)"), Text("2. Godkendelse af referat (side 2)"),
             Text("3. Næste møde (side 3)")]
    combined = [Text("Punkt 1 + 2"), bold("1. Godkendelse af dagsorden", 14), bold("Indstilling"),
                Text("Det indstilles, at"), Text("• DAS godkender dagsordenen"), None,
                bold("2. Godkendelse af referat", 14), bold("Indstilling"), Text("Det indstilles, at"),
                Text("• DAS godkender referatet")]
    last = [Text("Punkt 3"), bold("3. Næste møde", 14), Text("Næste møde holdes den 30. maj 2017.")]
    pages = [front, combined, last]
    extraction = extract_document(make_pdf(tmp_path / "word.pdf", pages, footer="{page}/{pages}"))
    assert [(i.number, i.title) for i in extraction.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Godkendelse af referat"), (3, "Næste møde")]
    assert [i.recommendations for i in extraction.items[:2]] == [["DAS godkender dagsordenen"],
                                                                 ["DAS godkender referatet"]]
    meeting = extraction.meeting
    assert (meeting.committee, meeting.date, meeting.start_time, meeting.end_time) == (
        "Den Administrative Styregruppe", "2017-03-02", "13:00", "16:00")
    assert [(p.name, p.organization, p.role) for p in extraction.participants] == [
        ("Hanne Madsen", "Jammerbugt Kommune", None), ("Leif Serup", "Hjørring Kommune", "formand")]
    assert [p.name for p in extraction.absent] == ["Lone Becker"]


class Row(Text):
    """Several texts drawn on one baseline."""

    def __init__(self, parts: list[Text]) -> None:
        super().__init__(parts[0].text, parts[0].x, parts[0].size, parts[0].font)
        self.parts = parts


def test_edoc_numbered_items_without_punkt(tmp_path: Path) -> None:
    pages = [[bold("Dagsorden", 16), Text("Økonomiudvalget"), None,
              bold("1. Meddelelser", 12), Text("Sagsnr.: 2012-28504"), bold("Sammendrag"),
              Text("Orientering om status."), bold("Indstilling"),
              Text("Direktionen indstiller, at meddelelserne tages til efterretning."), None,
              bold("2. Budgetopfølgning", 12), Text("Sagsnr.: 2012-28505"), bold("Sammendrag"),
              Text("Der er et merforbrug.")]]
    extraction = extract_document(make_pdf(tmp_path / "edoc.pdf", pages))
    assert [(i.number, i.title, i.case_number) for i in extraction.items] == [
        (1, "Meddelelser", "2012-28504"), (2, "Budgetopfølgning", "2012-28505")]
    assert extraction.items[0].recommendations == ["meddelelserne tages til efterretning."]


def test_numbered_report_is_not_an_agenda(tmp_path: Path) -> None:
    pages = [[bold("Kvalitetsstandard", 16), bold("1. Indledning", 12), Text("Standarden beskriver ydelsen."),
              bold("2. Formål", 12), Text("Formålet er at sikre kvalitet."), bold("3. Målgruppe", 12),
              Text("Borgere over 65 år.")]]
    extraction = extract_document(make_pdf(tmp_path / "report.pdf", pages))
    assert extraction.document.kind == "appendix"
    assert extraction.items == []


def test_guests_for_one_item_are_found(tmp_path: Path) -> None:
    pages = [[Text("Punkt 1."), bold("Budget", 14), Text("Tilsynschef Line Hessellund, Socialtilsyn Nord, deltager"),
              Text("under behandlingen af punktet."), bold("Indstilling"), Text("Det indstilles, at DAS"),
              Text("• Drøfter budgettet")],
             [Text("Punkt 2."), bold("Eventuelt", 14)]]
    extraction = extract_document(make_pdf(tmp_path / "guests.pdf", pages, header=HEADER))
    assert [(g.name, g.organization, g.item) for g in extraction.guests] == [
        ("Line Hessellund", "Socialtilsyn Nord", 1)]


@pytest.mark.parametrize("sentence,guests", [
    ("Museumsinspektør Henrik Lund og formidlingschef Sara Mikkelsen fra Museerne i Fredericia deltager under punktet.",
     [("Henrik Lund", "Museerne i Fredericia"), ("Sara Mikkelsen", "Museerne i Fredericia")]),
    ("Punkt 4 blev behandlet før punkt 3, så direktør Kasper Mølgaard fra Sydvestjyske Museer kunne deltage under punktet.",
     [("Kasper Mølgaard", "Sydvestjyske Museer")]),
    ("Sagen drøftes med busselskabet. Fra Nordbus Trafik A/S deltager driftschef Mikkel Aagaard og projektleder Agnieszka Nowak.",
     [("Mikkel Aagaard", "Nordbus Trafik A/S"), ("Agnieszka Nowak", "Nordbus Trafik A/S")]),
    # a titled official who presents the item; not a mayor or chairman, who are members
    ("Trafikplanlægger Paolo Bianchi fra By og Landskab gennemgik projektet på mødet.",
     [("Paolo Bianchi", "By og Landskab")]),
    ("Børne- og Ungechef Kristina Mikkelsen giver en kort introduktion til analysen.", [("Kristina Mikkelsen", None)]),
    ("Borgmester Anne Hansen orienterede om sagen.", []),
    # a member who took part in this item is no guest
    ("Hanne Winding deltog i behandlingen af punktet.", []),
])
def test_guests_named_with_their_roles_and_where_they_come_from(tmp_path: Path, sentence: str,
                                                                guests: list[tuple[str, str | None]]) -> None:
    pages = [[bold("Referat", 16), Text("Deltagere: Hanne Winding (A), Ole Bach (V)"), None,
              bold("1. Samarbejde om udstillingen", 12), bold("Sagsfremstilling"), Text(sentence),
              bold("Beslutning"), Text("Taget til efterretning.")]]
    extraction = extract_document(make_pdf(tmp_path / "gaester.pdf", pages))
    assert [(g.name, g.organization) for g in extraction.guests] == guests
    assert {p.name for p in extraction.participants} == {"Hanne Winding", "Ole Bach"}
