"""The contract: one document's extraction (../shared/CONTRACT.md).

Field names are fixed by the contract; fields beyond it are additions users need
(page numbers on attachments, bounding boxes, section texts).
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from dagsorden.models.base import StrictModel
from dagsorden.models.geometry import BBox

DocumentKind = Literal["agenda", "minutes", "strategy", "appendix", "other"]
# What a decision did with the recommendation (extractor/danish/decisions.py has the words).
Outcome = Literal["approved", "approved_with_changes", "noted", "recommended", "sent_on", "postponed",
                  "rejected", "other"]
DissentKind = Literal["disagreed", "reservation", "did_not_take_part"]


class DocumentInfo(StrictModel):
    sha256: str
    filename: str
    pages: int
    kind: DocumentKind
    producer: str | None = None
    ocr_pages: list[int] = []
    needs_ocr_pages: list[int] = []  # of ocr_pages, those not OCR'ed (no Tesseract, --ocr never)
    title: str | None = None


class Meeting(StrictModel):
    committee: str | None = None
    date: str | None = None  # YYYY-MM-DD
    start_time: str | None = None  # HH:MM
    end_time: str | None = None
    location: str | None = None


class Person(StrictModel):
    name: str
    organization: str | None = None
    role: str | None = None
    item: int | None = None  # a guest for one item ("deltager under punktet")
    page: int | None = None


class Attachment(StrictModel):
    title: str
    page: int | None = None


class Dissent(StrictModel):
    """A member or group that did not join the decision ("Ø kunne ikke tiltræde at 2")."""

    who: str
    kind: DissentKind
    points: list[int] = []  # recommendation points ("at 2"), when the text names them
    text: str = ""  # the sentence it was read from


class EarlierTreatment(StrictModel):
    """A treatment of the item's case listed in its "Sagsforløb" (another body, an earlier
    meeting): "DAS Social 19.06.2023, punkt 5"."""

    date: str | None = None  # YYYY-MM-DD
    committee: str | None = None
    number: int | None = None  # the item number at that meeting
    text: str = ""  # the entry as printed


class Item(StrictModel):
    number: int
    title: str
    case_number: str | None = None
    closed: bool = False
    section: str | None = None
    page_start: int | None = None
    page_end: int | None = None
    sections: dict[str, str] = {}
    recommendations: list[str] = []
    recommendation_pages: list[int] = []  # the page each recommendation starts on, in order
    decision: str | None = None
    # "Bent Jensen (V) deltog ikke i sagens behandling.": the decision's closing sentence on who
    # took no part, kept apart from what was decided (its dissent is still read)
    not_taking_part: str | None = None
    attachments: list[Attachment] = []
    history: list[EarlierTreatment] = []  # "Sagsforløb": earlier treatments of the case
    # minutes: what the decision did with the recommendation (extractor/facts/decisions.py)
    decision_page: int | None = None
    outcome: Outcome | None = None
    outcome_stated: bool | None = None  # False: inferred (no outcome words in the text)
    dissents: list[Dissent] = []
    absent: list[Person] = []  # members printed as absent with this item's decision
    departs: bool = False  # changed, postponed or rejected the recommendation, or a dissent


class Appendix(StrictModel):
    title: str
    page_start: int
    page_end: int
    item: int | None = None


class Amount(StrictModel):
    value_dkk: float  # kroner, with the sign as printed ("-42.000 kr." is -42000.0)
    text: str
    approx: bool = False
    item: int | None = None
    page: int | None = None
    context: str | None = None  # the sentence, or the table row as "cell | cell | ..."
    bbox: BBox | None = None
    sign: Literal[-1, 1] = 1  # -1 if printed negative or the context names a deficit/saving/overspend
    unit: str | None = None  # basis where stated: "pr. døgn", "pr. plads", "om året"
    year: int | None = None  # the year it refers to, where stated
    table: int | None = None  # index into Extraction.tables when the amount is a table cell


class Tariff(StrictModel):
    label: str
    year: int | None = None
    value_dkk: float
    unit: str | None = None
    item: int | None = None
    page: int | None = None
    bbox: BBox | None = None
    offer: str | None = None  # the offer (tilbud) or service the price is for, when named apart
    column: str | None = None  # the table column the value stands in ("År 2024", "Ny")
    context: str | None = None  # the sentence or the table row


class Entity(StrictModel):
    """One mention of a named entity: the name as printed (genitive dropped) and what it names."""

    text: str
    label: Literal["PER", "ORG", "LOC", "MISC"]
    item: int | None = None
    page: int | None = None
    kind: str | None = None  # municipality, region, state, party, offer, person, place, ...
    canonical: str | None = None  # "Aalborg Kommune" for "Aalborg Kommunes"
    organization: str | None = None  # a person's organisation (or party), when printed with them
    role: str | None = None  # a person's title or role ("formand", "tilsynschef")
    bbox: BBox | None = None
    sentence: str | None = None  # the sentence the mention stands in


class TableCell(StrictModel):
    row: int  # 0-based, header rows first
    col: int
    text: str
    value: float | None = None  # the text read as a Danish number, when it is one
    page: int
    bbox: BBox


class Table(StrictModel):
    page: int
    item: int | None = None
    rows: list[list[str | None]] = []
    bbox: BBox | None = None  # on `page`; a stitched table's later parts are in its cells
    header_rows: int = 0
    n_rows: int = 0
    n_cols: int = 0
    page_end: int | None = None  # last page of a table continued over pages
    strategy: Literal["lines", "text"] = "lines"  # ruled (pdfplumber) or aligned text
    cells: list[TableCell] = []


class PageInfo(StrictModel):
    """The body text of one page (running headers/footers kept apart), for search and citation."""

    number: int
    text: str = ""
    header: str = ""
    footer: str = ""
    has_text_layer: bool = True


class Extraction(StrictModel):
    document: DocumentInfo
    meeting: Meeting = Field(default_factory=Meeting)
    participants: list[Person] = []
    absent: list[Person] = []
    guests: list[Person] = []
    items: list[Item] = []
    appendices: list[Appendix] = []
    amounts: list[Amount] = []
    tariffs: list[Tariff] = []
    entities: list[Entity] = []
    tables: list[Table] = []
    pages: list[PageInfo] = []
