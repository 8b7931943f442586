"""The pipeline: PDF -> styled lines -> segments -> items and facts -> Extraction."""
from __future__ import annotations

from pathlib import Path

from models import Extraction


def extract_document(path: Path | str) -> Extraction:
    """Extract one PDF. Raises a `DocumentLoadError` subclass for bad input."""
    raise NotImplementedError("being written")
