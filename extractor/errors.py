"""Typed errors with stable codes, so the CLI, the failures table and tests can name the cause.

Bad input (`DocumentLoadError` and its kinds) is kept apart from defects in our code:
the batch records the first as a failure and goes on.
"""
from __future__ import annotations


class DagsordenError(Exception):
    """Base of every error the pipeline raises on purpose."""

    code = "E100"
    stage = "extract"

    def __init__(self, message: str, *, stage: str | None = None) -> None:
        super().__init__(message)
        if stage:
            self.stage = stage

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class DocumentLoadError(DagsordenError):
    """The file could not be opened as a PDF at all."""

    code = "E101"
    stage = "open"


class NotAPdf(DocumentLoadError):
    code = "E102"


class EmptyFile(DocumentLoadError):
    code = "E103"


class EncryptedPdf(DocumentLoadError):
    code = "E104"


class BrokenPdf(DocumentLoadError):
    """Truncated, broken xref, or otherwise unreadable by pdfminer."""

    code = "E105"


class NoPages(DocumentLoadError):
    code = "E106"


class ExtractionFailed(DagsordenError):
    """A stage failed on a readable PDF (a defect or an unforeseen layout)."""

    code = "E200"
