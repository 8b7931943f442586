"""Document segments: front matter, agenda items and bound appendices."""
from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from dagsorden.models.base import StrictModel
from dagsorden.models.extraction import DocumentKind
from dagsorden.models.layout import PdfText, StyledLine

SegmentKind = Literal["front", "item", "appendix", "body"]
# Line -> the agenda item it belongs to (an appendix bound in after item N belongs to N).
ItemOf = Callable[[StyledLine], "int | None"]


class Segment(StrictModel):
    """A run of body lines that belongs together.

    `item` is the agenda item the segment belongs to (an appendix bound in after
    item N belongs to N). `numbers` holds more than one number for a combined
    heading such as "Punkt 1 + 2".
    """

    kind: SegmentKind
    lines: list[StyledLine] = []
    item: int | None = None
    numbers: list[int] = []
    title: str | None = None
    section: str | None = None  # "Sager til behandling", "Åben", ...
    closed: bool = False
    heading_lines: list[StyledLine] = []  # the item's heading and title lines (not its text)
    evidence: str | None = None  # why segmentation took this for an item or a bound appendix (`dagsorden explain`)
    case_number: str | None = None  # printed in the heading itself ("Title (2018-0287311)")
    listed_attachments: list[StyledLine] = []  # its entries in a meeting-level attachment list

    @property
    def page_start(self) -> int | None:
        first = self.lines or self.heading_lines
        return first[0].page if first else None

    @property
    def page_end(self) -> int | None:
        last = self.lines or self.heading_lines
        return last[-1].page if last else None


class SegmentedDocument(StrictModel):
    pdf: PdfText
    kind: DocumentKind = "other"  # decided from the evidence after segmentation (segment/kind.py)
    segments: list[Segment] = []
    signatures: list[StyledLine] = []  # the names on a signature page after the last item

    def of_kind(self, kind: SegmentKind) -> list[Segment]:
        return [s for s in self.segments if s.kind == kind]
