"""The whole-archive steps, in order, that follow an import and bring an older archive up to date.

Each step is idempotent and cheap when nothing changed, so `ingest` runs them after every batch
(and after a killed one, on the next run), and `serve` and `publish` run them before the site
opens an archive written by an older version.
"""
from __future__ import annotations

import sqlite_utils

from dagsorden.extractor.archive.cases import group_cases
from dagsorden.extractor.archive.corrections import apply_corrections
from dagsorden.extractor.archive.entity_names import settle_entity_names
from dagsorden.extractor.archive.municipalities import assign_municipalities
from dagsorden.extractor.archive.search_index import refresh_search_index
from dagsorden.extractor.archive.tariff_series import build_tariff_series


def refresh_site_tables(db: sqlite_utils.Database) -> None:
    """What the site reads besides the extracted facts: municipalities, tariff series, search."""
    assign_municipalities(db)  # before the search index, which copies it into its facet column
    build_tariff_series(db)
    refresh_search_index(db)


def refresh_archive(db: sqlite_utils.Database) -> None:
    """Every step after a batch: hand corrections, cases, entity names, then the site's tables."""
    apply_corrections(db)  # hand corrections win over whatever was just re-extracted
    group_cases(db)  # rebuilt whole, so a run after a killed import catches up
    settle_entity_names(db)  # the same names whatever order the documents were stored in
    refresh_site_tables(db)
