"""One description of the Datasette instance that shows an archive, used by `serve`,
`publish` (a folder and a `datasette package` command) and in-process by tests.

Why one place: the instance is the project's datasette/ folder (metadata re-keyed to the
archive's name, plugins, templates) plus settings that keep a public instance safe; serving,
publishing and testing must all see the same one.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dagsorden.extractor.errors import printable
from dagsorden.extractor.site.metadata import load_metadata

if TYPE_CHECKING:
    from datasette.app import Datasette

# The project's Datasette configuration folder (metadata.yaml, templates/, plugins/): the
# `datasette` folder of the dagsorden package (installed as package data).
DATASETTE_DIR = Path(__file__).resolve().parents[2] / "datasette"
DEFAULT_PORT = 8001
DEFAULT_HOST = "127.0.0.1"

SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 1000,  # slow SQL is cut off
    "max_returned_rows": 1000,
    "allow_download": True,
    "default_page_size": 50,
    "facet_time_limit_ms": 500,
}
# Where a published instance finds the PDFs: its archive holds paths relative to this folder,
# given at serve time (Datasette reads {"$env": ...} plugin settings from the environment),
# so no absolute server path is published.
PDF_ROOT_ENV = "DAGSORDEN_PDF_ROOT"


@dataclass(frozen=True)
class Instance:
    """What Datasette is given: archive files, metadata, plugins, templates and settings."""

    databases: list[Path]
    metadata: dict[str, Any]
    config_dir: Path = DATASETTE_DIR
    settings: dict[str, Any] = field(default_factory=lambda: dict(SETTINGS))
    immutable: bool = False  # a published copy: read-only, counted once
    environment: dict[str, str] = field(default_factory=dict)  # what `serve` must be run with

    @classmethod
    def of(cls, db_path: Path | str, *, config_dir: Path = DATASETTE_DIR, immutable: bool = False,
           settings: dict[str, Any] | None = None) -> Instance:
        db_path = Path(db_path)
        return cls([db_path], load_metadata(config_dir / "metadata.yaml", db_path.stem), config_dir,
                   {**SETTINGS, **(settings or {})}, immutable)

    def folder(self, name: str) -> Path | None:
        path = self.config_dir / name
        return path if path.is_dir() else None

    def app(self) -> Datasette:
        """The instance in this process (tests, benchmarks): the same as `serve` runs."""
        from datasette.app import Datasette

        files = [str(p) for p in self.databases]
        plugins, templates = self.folder("plugins"), self.folder("templates")
        return Datasette(
            files=[] if self.immutable else files, immutables=files if self.immutable else [],
            metadata=self.metadata, settings=self.settings,
            plugins_dir=str(plugins) if plugins else None,
            template_dir=str(templates) if templates else None,
        )

    def command(self, verb: str, metadata_file: Path, *options: str) -> list[str]:
        """`datasette serve` or `datasette package` for this instance (metadata written to
        `metadata_file`, since the CLI reads it from a file)."""
        args = ["datasette", verb]
        if verb == "serve" and self.immutable:
            args += [arg for p in self.databases for arg in ("-i", str(p))]
        else:
            args += [str(p) for p in self.databases]
        args += ["--metadata", str(metadata_file)]
        for option, name in (("--plugins-dir", "plugins"), ("--template-dir", "templates")):
            if self.folder(name):
                args += [option, str(self.folder(name))]
        if verb == "serve":
            for key, value in self.settings.items():
                args += ["--setting", key, str(value).lower() if isinstance(value, bool) else str(value)]
        return args + list(options)

    def write_metadata(self, path: Path) -> Path:
        path.write_text(json.dumps(self.metadata, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    def publish(self, out_dir: Path) -> Instance:
        """Copy archive, metadata, plugins, templates and settings into one deployable folder;
        returns the instance that folder holds (immutable)."""
        out_dir.mkdir(parents=True, exist_ok=True)
        targets, roots = [], []
        for db in self.databases:
            shutil.copy2(db, out_dir / db.name)
            targets.append(out_dir / db.name)
            roots.append(relativise_paths(out_dir / db.name))
        for name in ("plugins", "templates", "static"):
            if self.folder(name):
                shutil.copytree(self.config_dir / name, out_dir / name, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__"))
        root = next((r for r in roots if r), None)
        metadata = {**self.metadata, "plugins": {**self.metadata.get("plugins", {}),
                                                 "dagsorden": {"pdf_root": {"$env": PDF_ROOT_ENV}}}}
        published = Instance(targets, metadata, out_dir, self.settings, immutable=True,
                             environment={PDF_ROOT_ENV: root} if root else {})
        published.write_metadata(out_dir / "metadata.json")
        (out_dir / "metadata.yaml").unlink(missing_ok=True)
        (out_dir / "settings.json").write_text(json.dumps(self.settings, indent=2), encoding="utf-8")
        return published


def relativise_paths(db_path: Path) -> str | None:
    """Rewrite a published copy's file paths relative to the folder that holds them all, so
    the public archive names no server folder; returns that folder (None: no paths)."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [t for t in ("documents", "failures")
                  if {"path", "path_bytes"} <= {c[1] for c in conn.execute(f"pragma table_info([{t}])")}]
        found = [(t, rowid, bytes(exact) if exact else os.fsencode(path))
                 for t in tables
                 for rowid, path, exact in conn.execute(f"select rowid, path, path_bytes from [{t}] "
                                                        "where path like '/%'")]
        if not found:
            return None
        root = os.path.commonpath([os.path.dirname(exact) for _, _, exact in found])
        with conn:
            for table, rowid, exact in found:
                relative = os.path.relpath(exact, root)
                conn.execute(f"update [{table}] set path = ?, path_bytes = ? where rowid = ?",
                             [printable(os.fsdecode(relative)), relative, rowid])
        return os.fsdecode(root)
    finally:
        conn.close()


def python_command(args: list[str]) -> list[str]:
    """Run a `datasette ...` command line with this interpreter (the venv's Datasette)."""
    return [sys.executable, "-m", *args]
