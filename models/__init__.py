"""Pydantic models for every stage of the dagsorden pipeline.

`layout` holds what the PDF layer produces (pages of styled lines), `segments`
what document segmentation produces, and `extraction` the contract shape
(../shared/CONTRACT.md) that the database, Datasette and evaluation read.
"""
from dagsorden.models.base import StrictModel
from dagsorden.models.extraction import (
    Amount,
    Appendix,
    Attachment,
    Dissent,
    DocumentInfo,
    DocumentKind,
    Entity,
    Extraction,
    Item,
    Meeting,
    PageInfo,
    Person,
    Table,
    TableCell,
    Tariff,
)
from dagsorden.models.layout import PageTable, PageText, PdfText, StyledLine, Word
from dagsorden.models.segments import Segment, SegmentKind, SegmentedDocument

__all__ = [
    "Amount", "Appendix", "Attachment", "Dissent", "DocumentInfo", "DocumentKind", "Entity",
    "Extraction", "Item", "Meeting", "PageInfo", "PageText", "PdfText", "Person", "Segment",
    "SegmentKind", "SegmentedDocument", "StrictModel", "StyledLine", "Table", "TableCell", "Tariff", "Word", "PageTable",
]
