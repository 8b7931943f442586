"""The layout promises of the design: one module touches pdfplumber, models stand alone,
datasette/ is configuration and never a package that would shadow the library."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def imports(path: Path, module: str) -> bool:
    return re.search(rf"^\s*(?:import|from)\s+{module}\b", path.read_text(encoding="utf-8"), re.MULTILINE) is not None


def test_only_the_pdf_layer_imports_pdfplumber() -> None:
    users = [p.relative_to(ROOT).as_posix() for p in python_files("extractor") if imports(p, "pdfplumber")]
    assert users == ["extractor/pdf.py"]


def test_models_never_import_the_extractor() -> None:
    assert not [p for p in python_files("models") if imports(p, "extractor")]


def test_datasette_folder_is_not_a_python_package() -> None:
    assert (ROOT / "datasette" / "metadata.yaml").is_file()
    assert not (ROOT / "datasette" / "__init__.py").exists()
