"""Datasette metadata for an archive file of any name.

Why: Datasette 0.65 keys per-database metadata by the database name (the file stem) and
has no wildcard, while datasette/metadata.yaml is written once, under `dagsorden`. At
serve time the one database entry is re-keyed to the real name.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# The database key used in datasette/metadata.yaml (matches the Makefile's dagsorden.db).
METADATA_DATABASE_KEY = "dagsorden"


def load_metadata(metadata_path: Path, db_name: str = METADATA_DATABASE_KEY) -> dict[str, Any]:
    """The YAML metadata with its database entry placed under `db_name`."""
    metadata: dict[str, Any] = yaml.safe_load(metadata_path.read_text(encoding="utf-8")) or {}
    databases = metadata.get("databases") or {}
    entry = databases.get(METADATA_DATABASE_KEY)
    if entry is not None:
        metadata["databases"] = {db_name: entry}
    return metadata
