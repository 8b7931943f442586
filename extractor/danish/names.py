"""Name normalisation shared by entity extraction and storage (kept free of spaCy, so
storing and the CLI start fast)."""
from __future__ import annotations

import re
import unicodedata

# Nouns for a plan, a report, a drawing or a work on a road, which a title or an attachment
# puts in front of the name it is about ("Skitseprojekt Ølstedvej", "Tilstandsrapport Toftlund
# Svømmehal", "Cykelsti Snoghøj Landevej"): compounds ending so are common nouns, no part of a
# name. Source: Den Danske Ordbog's heads of such compounds.
DOCUMENT_OR_WORKS_NOUN = re.compile(
    r"(?:projekt|plan|rapport|notat|tegning|skitse|oversigt|udkast|målinger|måling|ledningsnet|"
    r"cykelsti|rundkørsel|kørsel|renovering|ombygning|udvidelse|asfaltering|belysning|trafiksikring)$",
    re.IGNORECASE)


def fold_name(name: str) -> str:
    """A person's name without accents and case: "Henrik René" and "Henrik Rene" agree."""
    plain = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).casefold().split())
