"""The pipeline: PDF -> styled lines -> segments -> items and facts -> Extraction.

Each stage is a function from one model to the next; this module only wires them.
"""
from __future__ import annotations

from pathlib import Path

from dagsorden.extractor.facts.decisions import decide
from dagsorden.extractor.facts.entities import segments_to_entities
from dagsorden.extractor.facts.items import segment_to_item
from dagsorden.extractor.facts.meeting import extract_meeting
from dagsorden.extractor.facts.nlp import get_nlp
from dagsorden.extractor.facts.money import money_facts
from dagsorden.extractor.read.ocr import OcrMode, apply_ocr
from dagsorden.extractor.read.pdf import read_pdf
from dagsorden.extractor.facts.people import parse_guest_sentences, unique_people
from dagsorden.extractor.segment.segments import lines_to_segments
from dagsorden.models import Appendix, DocumentInfo, Extraction, Item, PageInfo, PdfText, Person, SegmentedDocument


def extract_document(path: Path | str, password: str | None = None,
                     ocr: OcrMode = "auto", nlp_model: str | None = None) -> Extraction:
    """Extract one PDF. Raises a `DocumentLoadError` subclass for bad input.

    `ocr`: "auto" OCRs pages without a text layer where Tesseract is installed,
    "never" only reports them (`needs_ocr_pages`), "always" OCRs every page.
    `nlp_model`: an installed spaCy pipeline (name or path) whose entity guesses the
    rules complete; None uses the rules and gazetteers alone (extractor/facts/nlp.py).
    """
    pdf = apply_ocr(read_pdf(Path(path), password=password), Path(path), ocr, password)
    return pdf_to_extraction(pdf, nlp_model=nlp_model)


def pdf_to_extraction(pdf: PdfText, nlp_model: str | None = None) -> Extraction:
    return segments_to_extraction(lines_to_segments(pdf), nlp_model=nlp_model)


def segments_to_items(doc: SegmentedDocument) -> list[Item]:
    items: list[Item] = []
    for segment in doc.of_kind("item"):
        for number in segment.numbers or [segment.item or 0]:
            items.append(decide(segment_to_item(segment, number)))
    return items


def item_guests(doc: SegmentedDocument) -> list[Person]:
    """People who attend for one item, named in that item's text."""
    guests: list[Person] = []
    for segment in doc.of_kind("item"):
        text = " ".join(line.text for line in segment.lines)
        page = segment.page_start
        guests.extend(parse_guest_sentences(text, segment.item, page))
    return guests


def page_infos(pdf: PdfText) -> list[PageInfo]:
    return [
        PageInfo(
            number=page.number,
            text="\n".join(line.text for line in page.body),
            header="\n".join(line.text for line in page.running if line.role == "header"),
            footer="\n".join(line.text for line in page.running if line.role == "footer"),
            has_text_layer=page.has_text_layer,
        )
        for page in pdf.pages
    ]


def segments_to_extraction(doc: SegmentedDocument, nlp_model: str | None = None) -> Extraction:
    pdf = doc.pdf
    has_meeting = doc.kind in ("agenda", "minutes")
    meeting, present, absent, guests = extract_meeting(doc) if has_meeting else (None, [], [], [])
    if has_meeting:
        guests = unique_people(guests + item_guests(doc))
    info = DocumentInfo(
        sha256=pdf.sha256, filename=pdf.filename, pages=len(pdf.pages), kind=doc.kind,
        producer=pdf.producer, ocr_pages=pdf.ocr_pages,
        needs_ocr_pages=pdf.needs_ocr_pages,
        title=document_title(doc),
    )
    tables, amounts, tariffs = money_facts(doc)
    appendices = [
        Appendix(title=s.title or "", page_start=s.page_start or 0, page_end=s.page_end or 0, item=s.item)
        for s in doc.of_kind("appendix")
    ]
    return Extraction(
        document=info,
        **({"meeting": meeting} if meeting else {}),
        participants=present, absent=absent, guests=guests,
        items=segments_to_items(doc) if has_meeting else [],
        appendices=appendices,
        tables=tables, amounts=amounts, tariffs=tariffs,
        entities=segments_to_entities(doc, present + absent + guests,
                                      meeting.committee if meeting else None, get_nlp(nlp_model)),
        pages=page_infos(pdf),
    )


def document_title(doc: SegmentedDocument) -> str | None:
    """The largest line of the first page with text: what a reader would call the document."""
    for page in doc.pdf.pages:
        if page.body:
            return max(page.body[:15], key=lambda line: line.size).text.strip()
    return None
