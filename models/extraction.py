"""The contract: one document's extraction (../shared/CONTRACT.md).

Field names are fixed by the contract; fields beyond it are additions users need
(page numbers on attachments, bounding boxes, section texts).
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import StrictModel

DocumentKind = Literal["agenda", "minutes", "strategy", "appendix", "other"]
BBox = tuple[float, float, float, float]


class DocumentInfo(StrictModel):
    sha256: str
    filename: str
    pages: int
    kind: DocumentKind
    producer: str | None = None
    ocr_pages: list[int] = []
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
    decision: str | None = None
    attachments: list[Attachment] = []


class Appendix(StrictModel):
    title: str
    page_start: int
    page_end: int
    item: int | None = None


class Amount(StrictModel):
    value_dkk: float
    text: str
    approx: bool = False
    item: int | None = None
    page: int | None = None
    context: str | None = None
    bbox: BBox | None = None


class Tariff(StrictModel):
    label: str
    year: int | None = None
    value_dkk: float
    unit: str | None = None
    item: int | None = None
    page: int | None = None
    bbox: BBox | None = None


class Entity(StrictModel):
    text: str
    label: Literal["PER", "ORG", "LOC", "MISC"]
    item: int | None = None
    page: int | None = None


class Table(StrictModel):
    page: int
    item: int | None = None
    rows: list[list[str | None]] = []
    bbox: BBox | None = None


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
