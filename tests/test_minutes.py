"""Minutes in the three layouts of DOMAIN.md, parsed from small hand-made PDFs.

Each test draws one layout the way its system prints it (not our corpus wording) and
checks what a reader of the minutes would look for: the items, the decision of each,
what it did with the recommendation, and who dissented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dagsorden.extractor.danish.headings import DECISION_HEADING
from dagsorden.extractor.pipeline import extract_document
from pdfmaker import Text, bold, make_pdf


class Row(Text):
    """Several texts drawn on one baseline."""

    def __init__(self, parts: list[Text]) -> None:
        super().__init__(parts[0].text, parts[0].x, parts[0].size, parts[0].font)
        self.parts = parts


def test_word_template_minutes_decision_after_each_item(tmp_path: Path) -> None:
    """DAS Word template: "Punkt N" + "N. Title", sections, and "Beslutning" closing the item."""
    front = [bold("Referat", 16), Row([Text("Møde"), Text("Kontaktudvalget", x=170)]),
             Row([Text("Tid"), Text("7. juni 2018, kl. 9.00-12.00", x=170)]), None]
    item1 = [Text("Punkt 1"), bold("1. Godkendelse af dagsorden", 14), bold("Indstilling"),
             Text("Det indstilles, at"), Text("• Kontaktudvalget godkender dagsordenen"),
             bold("Beslutning"), Text("Godkendt.")]
    item2 = [Text("Punkt 2"), bold("2. Fælles indkøb af hjælpemidler", 14), bold("Resume"),
             Text("Kommunerne foreslår et fælles udbud af hjælpemidler."), bold("Indstilling"),
             Text("Det indstilles, at"), Text("• Kontaktudvalget godkender udbuddet"),
             Text("• Kontaktudvalget udpeger en styregruppe"), bold("Beslutning"),
             Text("Godkendt med den ændring, at styregruppen får fem medlemmer."),
             Text("Læsø Kommune deltog ikke i sagens behandling.")]
    item3 = [Text("Punkt 3"), bold("3. Takster 2019 for aflastning", 14), bold("Indstilling"),
             Text("Det indstilles, at"), Text("• Kontaktudvalget godkender taksterne"), bold("Beslutning"),
             Text("Udsat til næste møde.")]
    pages = [front + item1, item2, item3]
    extraction = extract_document(make_pdf(tmp_path / "referat.pdf", pages, footer="{page}/{pages}"))
    assert extraction.document.kind == "minutes"
    assert [(i.number, i.decision, i.outcome) for i in extraction.items] == [
        (1, "Godkendt.", "approved"),
        (2, "Godkendt med den ændring, at styregruppen får fem medlemmer.", "approved_with_changes"),
        (3, "Udsat til næste møde.", "postponed")]
    # who took no part is attendance, not what was decided: kept apart, its dissent still read
    assert extraction.items[1].not_taking_part == "Læsø Kommune deltog ikke i sagens behandling."
    assert extraction.items[1].recommendations == ["Kontaktudvalget godkender udbuddet",
                                                   "Kontaktudvalget udpeger en styregruppe"]
    assert [(d.who, d.kind) for d in extraction.items[1].dissents] == [("Læsø Kommune", "did_not_take_part")]
    assert extraction.items[2].decision_page == 3
    assert all(i.outcome_stated for i in extraction.items)


def test_agenda_system_minutes_decision_before_case_text(tmp_path: Path) -> None:
    """FirstAgenda council minutes: "Punkt N: Title", EMN case number, "Beslutninger" right under
    the heading, "Beslutningspunkter" with "At 1)" lines, "Sagsforløb", "Bilag" at the end."""
    header = "Byrådet - Referat - 27.08.2025"
    cover = [bold("Referat", 18), Text("Byrådet"), Text("Mødet den 27.08.2025 kl. 17.00"), Text("Byrådssalen")]
    item1 = [Text("Punkt 1: Godkendelse af lokalplan 1102 for Havnefronten", size=14),
             Text("EMN-2025-003383"), None, bold("Beslutninger"),
             Text("Anbefales godkendt med følgende ændring: byggehøjden nedsættes til fire etager."),
             Text("Enhedslisten (Ø) og Alternativet (Å) kunne ikke tiltræde at 2."), None,
             bold("Beslutningspunkter"), Text("At 1) Lokalplan 1102 vedtages endeligt"),
             Text("At 2) Kommuneplantillæg 14 vedtages endeligt"), None,
             bold("Sagsfremstilling"), Text("Lokalplanen har været i offentlig høring i otte uger."), None,
             bold("Sagsforløb"), Text("Teknik- og Miljøudvalget 12.05.2025, punkt 4"),
             Text("Byrådet 28.05.2025, punkt 9"), None,
             bold("Bilag"), Text("Bilag 1: Lokalplan 1102"), Text("Bilag 2: Høringssvar")]
    item2 = [Text("Punkt 2: Orientering om budgetopfølgning", size=14), Text("EMN-2025-004120"), None,
             bold("Beslutninger"), Text("Orienteringen blev taget til efterretning."), None,
             bold("Beslutningspunkter"), Text("At 1) Orienteringen tages til efterretning"), None,
             bold("Sagsfremstilling"), Text("Forbruget følger budgettet.")]
    extraction = extract_document(make_pdf(tmp_path / "byraad.pdf", [cover, item1, item2], header=header))
    assert extraction.document.kind == "minutes"
    first, second = extraction.items
    assert (first.number, first.case_number) == (1, "EMN-2025-003383")
    assert first.decision == ("Anbefales godkendt med følgende ændring: byggehøjden nedsættes til fire etager. "
                              "Enhedslisten (Ø) og Alternativet (Å) kunne ikke tiltræde at 2.")
    assert "Lokalplanen" not in first.decision, "the decision ran on into the case text"
    assert first.recommendations == ["Lokalplan 1102 vedtages endeligt", "Kommuneplantillæg 14 vedtages endeligt"]
    assert first.outcome == "recommended"
    assert [(d.who, d.kind, d.points) for d in first.dissents] == [
        ("Enhedslisten (Ø) og Alternativet (Å)", "disagreed", [2])]
    assert [a.title for a in first.attachments] == ["Bilag 1: Lokalplan 1102", "Bilag 2: Høringssvar"]
    history = first.sections["Sagsforløb"]
    assert "Teknik- og Miljøudvalget 12.05.2025, punkt 4" in history and "Byrådet 28.05.2025, punkt 9" in history
    assert (second.decision, second.outcome, second.dissents) == (
        "Orienteringen blev taget til efterretning.", "noted", [])


def test_edoc_minutes_committee_decision_heading(tmp_path: Path) -> None:
    """eDoc: "N. Title", "Sagsnr.:", Sammendrag, Indstilling, then
    "<Udvalg>s beslutning den DD.MM.YYYY Punkt N" and the decision."""
    page1 = [bold("Referat", 16), Text("Børne- og Ungeudvalget"), Text("Mandag den 3. september 2012, kl. 16:00"),
             None, bold("1. Meddelelser", 12), Text("Sagsnr.: 2012-00311"), bold("Sammendrag"),
             Text("Formanden orienterer om aktuelle sager."), bold("Indstilling"),
             Text("Direktionen indstiller, at meddelelserne tages til efterretning."),
             bold("Børne- og Ungeudvalgets beslutning den 03.09.2012 Punkt 1"),
             Text("Formanden orienterede om skolernes trivselsmåling."), None,
             bold("2. Ny skolestruktur i Vestbyen", 12), Text("Sagsnr.: 2011-29298"), bold("Sammendrag"),
             Text("Forvaltningen foreslår at samle to skoler."), bold("Indstilling"),
             Text("Direktionen indstiller, at forslaget sendes i høring."),
             bold("Børne- og Ungeudvalgets beslutning den 03.09.2012 Punkt 2"),
             Text("Forslaget sendes i høring. Imod stemte: Venstre (V)."),
             Text("Fraværende: Anne Berg (A)")]
    extraction = extract_document(make_pdf(tmp_path / "edoc.pdf", [page1]))
    assert extraction.document.kind == "minutes"
    assert [(i.number, i.title, i.case_number) for i in extraction.items] == [
        (1, "Meddelelser", "2012-00311"), (2, "Ny skolestruktur i Vestbyen", "2011-29298")]
    first, second = extraction.items
    assert first.decision == "Formanden orienterede om skolernes trivselsmåling."
    # the text only says who spoke: the outcome is read from "tages til efterretning"
    assert (first.outcome, first.outcome_stated) == ("noted", False)
    assert second.decision.startswith("Forslaget sendes i høring. Imod stemte: Venstre (V).")
    # the majority did what was recommended; only the minority is named
    assert (second.outcome, second.outcome_stated) == ("approved", False)
    assert [(d.who, d.kind) for d in second.dissents] == [("Venstre (V)", "disagreed")]


def test_edoc_item_number_printed_at_the_right_of_the_decision_heading(tmp_path: Path) -> None:
    """Some eDoc exports put "Punkt N" at the right margin of the decision heading's line:
    it names the item the decision belongs to and must not start a new item."""
    heading = "Økonomiudvalgets beslutning den 04.12.2012"
    page = [bold("Referat", 16), Text("Økonomiudvalget"), Text("Tirsdag den 4. december 2012, kl. 13:00"), None,
            bold("1. Budgetopfølgning", 12), Text("Sagsnr.: 2012-28504"), bold("Indstilling"),
            Text("Direktionen indstiller, at budgetopfølgningen godkendes."),
            Row([bold(heading), Text("Punkt 1", x=460, font="Helvetica-Bold")]),
            Text("Godkendt."), None,
            bold("2. Salg af grund", 12), Text("Sagsnr.: 2012-30117"), bold("Indstilling"),
            Text("Direktionen indstiller, at grunden sælges."),
            Row([bold(heading), Text("Punkt 2", x=460, font="Helvetica-Bold")]),
            Text("Ikke godkendt.")]
    extraction = extract_document(make_pdf(tmp_path / "edoc-right.pdf", [page]))
    assert [(i.number, i.title, i.decision, i.outcome) for i in extraction.items] == [
        (1, "Budgetopfølgning", "Godkendt.", "approved"),
        (2, "Salg af grund", "Ikke godkendt.", "rejected")]


@pytest.mark.parametrize("line,is_heading", [
    ("Beslutning", True),
    ("Beslutninger:", True),
    ("Økonomiudvalgets beslutning den 04.12.2012 Punkt 1", True),
    ("Byrådets beslutning", True),
    ("Social- og Sundhedsudvalgets beslutning 27-11-2012", True),
    ("Beslutning i Økonomiudvalget den 27-11-2012", True),
    ("Udvalgets beslutning skal sendes til Byrådet.", False),
    ("Der træffes beslutning om placeringen senere", False),
])
def test_decision_headings_of_the_minutes_systems(line: str, is_heading: bool) -> None:
    assert bool(DECISION_HEADING.match(line)) is is_heading
