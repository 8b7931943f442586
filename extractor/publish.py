"""Prepare a deployable, read-only Datasette instance of the archive.

The folder holds the database (served immutable), metadata keyed to it, the project's
plugins and templates, and settings that keep a public instance safe (time limit on SQL,
no writes). The printed commands run it locally or package it with `datasette package`.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from extractor.store_datasette import load_metadata

SETTINGS = {
    "sql_time_limit_ms": 1000,  # slow SQL is cut off
    "max_returned_rows": 1000,
    "allow_download": True,
    "default_page_size": 50,
    "facet_time_limit_ms": 500,
}


def prepare_instance(db_path: Path, datasette_dir: Path, out_dir: Path) -> list[str]:
    """Write the instance folder; returns the command that serves it read-only."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / db_path.name
    shutil.copy2(db_path, target)
    metadata = load_metadata(datasette_dir / "metadata.yaml", db_path.stem)
    (out_dir / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8")
    for folder in ("plugins", "templates", "static"):
        if (datasette_dir / folder).is_dir():
            shutil.copytree(datasette_dir / folder, out_dir / folder, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
    (out_dir / "settings.json").write_text(json.dumps(SETTINGS, indent=2), encoding="utf-8")
    return serve_command(out_dir, target.name)


def serve_command(out_dir: Path, db_name: str) -> list[str]:
    command = ["datasette", "serve", "-i", str(out_dir / db_name), "--metadata", str(out_dir / "metadata.json")]
    for folder, flag in (("plugins", "--plugins-dir"), ("templates", "--template-dir")):
        if (out_dir / folder).is_dir():
            command += [flag, str(out_dir / folder)]
    for key, value in SETTINGS.items():
        command += ["--setting", key, str(value).lower() if isinstance(value, bool) else str(value)]
    return command


def package_command(out_dir: Path, db_name: str, tag: str = "dagsorden") -> list[str]:
    """`datasette package` builds a Docker image of the same instance (Docker needed)."""
    command = ["datasette", "package", str(out_dir / db_name), "--metadata", str(out_dir / "metadata.json"),
               "--tag", tag, "--install", "dagsorden", "--install", "datasette-atom"]
    for folder, flag in (("plugins", "--plugins-dir"), ("templates", "--template-dir")):
        if (out_dir / folder).is_dir():
            command += [flag, str(out_dir / folder)]
    return command
