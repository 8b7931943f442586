"""The pipeline: PDF -> styled lines -> segments -> items and facts -> Extraction.

`STAGES` is the whole pipeline as data, in order; each stage is a function from one model
to the next (read/, segment/, facts/ hold them). A stage that fails on a readable PDF is a
defect or an unforeseen layout: it is reported as E200 with the stage's name, so a failure
row says where to look.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dagsorden.extractor.errors import DagsordenError, ExtractionFailed
from dagsorden.extractor.facts.document import segments_to_extraction
from dagsorden.extractor.read.ocr import apply_ocr
from dagsorden.extractor.read.pdf import read_pdf
from dagsorden.extractor.read.running import mark_running
from dagsorden.extractor.segment.kind import classify
from dagsorden.extractor.segment.segments import lines_to_segments
from dagsorden.extractor.settings import ExtractSettings
from dagsorden.models import Extraction, PdfText, SegmentedDocument


@dataclass(frozen=True)
class Job:
    """What every stage may need besides its input: the file and the settings."""

    path: Path
    settings: ExtractSettings


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Any, Job], Any]


def read(path: Path, job: Job) -> PdfText:
    return read_pdf(path, password=job.settings.password)


def ocr(pdf: PdfText, job: Job) -> PdfText:
    return apply_ocr(pdf, job.path, job.settings.ocr, job.settings.password)


def running(pdf: PdfText, job: Job) -> PdfText:
    """After OCR, so headers and page numbers of scanned pages stay out of the text too."""
    return mark_running(pdf)


def segment(pdf: PdfText, job: Job) -> SegmentedDocument:
    return lines_to_segments(pdf)


def kind(doc: SegmentedDocument, job: Job) -> SegmentedDocument:
    return doc.model_copy(update={"kind": classify(doc.pdf, doc.segments)})


def facts(doc: SegmentedDocument, job: Job) -> Extraction:
    return segments_to_extraction(doc, nlp_model=job.settings.nlp_model)


STAGES: tuple[Stage, ...] = (
    Stage("read", read),          # Path -> PdfText: pages of styled lines (pdfplumber)
    Stage("ocr", ocr),            # PdfText -> PdfText: pages without a text layer read by Tesseract
    Stage("running", running),    # PdfText -> PdfText: running headers and footers marked
    Stage("segment", segment),    # PdfText -> SegmentedDocument: front matter, items, appendices
    Stage("kind", kind),          # SegmentedDocument -> SegmentedDocument: agenda, minutes, ...
    Stage("facts", facts),        # SegmentedDocument -> Extraction: the contract
)
READ_STAGES = ("read", "ocr", "running")


def run_stages(value: Any, job: Job, stages: tuple[Stage, ...] = STAGES) -> Any:
    for stage in stages:
        try:
            value = stage.run(value, job)
        except DagsordenError:
            raise
        except Exception as error:  # a defect: name the stage, keep the cause
            raise ExtractionFailed(f"{stage.name}: {type(error).__name__}: {error}", stage=stage.name) from error
    return value


def extract_document(path: Path | str, settings: ExtractSettings | dict[str, Any] | None = None,
                     **overrides: Any) -> Extraction:
    """Extract one PDF. Raises a `DocumentLoadError` subclass for bad input and
    `ExtractionFailed` (E200) for a stage that failed. `overrides` are ExtractSettings
    fields (`ocr="never"`, `password=...`, `nlp_model=...`)."""
    job = Job(Path(path), ExtractSettings.resolve(settings, **overrides))
    extraction: Extraction = run_stages(job.path, job)
    return extraction


def read_document(path: Path | str, settings: ExtractSettings | dict[str, Any] | None = None,
                  **overrides: Any) -> PdfText:
    """The reading stages only (read, OCR, running headers): what segmentation sees."""
    job = Job(Path(path), ExtractSettings.resolve(settings, **overrides))
    return run_stages(job.path, job, tuple(s for s in STAGES if s.name in READ_STAGES))


def segment_document(pdf: PdfText) -> SegmentedDocument:
    """Segments with the document kind: what the fact stages see."""
    job = Job(Path(pdf.filename), ExtractSettings())
    return run_stages(pdf, job, tuple(s for s in STAGES if s.name in ("segment", "kind")))
