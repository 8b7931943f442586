"""Name normalisation shared by entity extraction and storage (kept free of spaCy, so
storing and the CLI start fast)."""
from __future__ import annotations

import unicodedata


def fold_name(name: str) -> str:
    """A person's name without accents and case: "Henrik René" and "Henrik Rene" agree."""
    plain = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).casefold().split())
