"""How one document is extracted: one validated settings object with named defaults.

Why a model and not keyword dicts: the same settings travel from the CLI through `ingest`
into every worker process (and to a Dask cluster), so a misspelt option must fail at once,
and every option must say what it does.
"""
from __future__ import annotations

from typing import Any, Literal

from dagsorden.models.base import StrictModel

OcrMode = Literal["auto", "never", "always"]
OCR_MODES: tuple[str, ...] = ("auto", "never", "always")

DEFAULT_OCR: OcrMode = "auto"


class ExtractSettings(StrictModel):
    # Password of an encrypted PDF (E104 without it).
    password: str | None = None
    # Pages without a text layer: "auto" OCRs them where Tesseract (Danish) is installed,
    # "never" only lists them (needs_ocr_pages), "always" OCRs every page.
    ocr: OcrMode = DEFAULT_OCR
    # An installed spaCy pipeline (name or folder) whose entity guesses complete the rules;
    # None: rules and gazetteers only (extractor/facts/nlp.py). Nothing is downloaded.
    nlp_model: str | None = None

    @classmethod
    def resolve(cls, settings: ExtractSettings | dict[str, Any] | None = None, **overrides: Any) -> ExtractSettings:
        """Settings from None (defaults), a dict or an instance, with keyword overrides."""
        if isinstance(settings, cls) and not overrides:
            return settings
        base = settings.model_dump() if isinstance(settings, cls) else dict(settings or {})
        return cls(**{**base, **overrides})
