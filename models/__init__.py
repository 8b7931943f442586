"""Pydantic models for every stage of the dagsorden pipeline.

`layout` holds what the PDF layer produces (pages of styled lines), `segments`
what document segmentation produces, and `extraction` the contract shape
(../shared/CONTRACT.md) that the database, Datasette and evaluation read.
"""
from dagsorden.models.base import StrictModel
from dagsorden.models.geometry import BBox
from dagsorden.models.extraction import (
    Amount,
    Appendix,
    Attachment,
    Dissent,
    DocumentInfo,
    DissentKind,
    DocumentKind,
    EarlierTreatment,
    Entity,
    Extraction,
    Item,
    Meeting,
    Outcome,
    PageInfo,
    Person,
    Table,
    TableCell,
    Tariff,
)
from dagsorden.models.layout import PageTable, PageText, PdfText, StyledLine, Word
from dagsorden.models.segments import ItemOf, Segment, SegmentKind, SegmentedDocument

__all__ = [
    "Amount", "Appendix", "Attachment", "BBox", "Dissent", "DissentKind", "DocumentInfo", "DocumentKind",
    "EarlierTreatment", "Entity", "Outcome",
    "Extraction", "Item", "Meeting", "PageInfo", "PageText", "PdfText", "Person", "Segment",
    "ItemOf", "SegmentKind", "SegmentedDocument", "StrictModel", "StyledLine", "Table", "TableCell", "Tariff", "Word", "PageTable",
]
