"""The layout promises of the design: the folders are the pipeline, and imports only ever
point back along it (read -> segment -> facts -> pipeline -> store -> archive -> batch/site).
One module touches pdfplumber; models stand alone; datasette/ is configuration."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Layers from the bottom up: a module may import its own layer and the ones below it.
LAYERS: list[tuple[str, ...]] = [
    ("models",),
    ("extractor.danish", "extractor.errors", "extractor.settings"),
    ("extractor.read",),
    ("extractor.segment",),
    ("extractor.facts",),
    ("extractor.pipeline", "extractor"),
    ("extractor.store", "extractor.explain"),
    ("extractor.archive",),
    ("extractor.batch", "extractor.site"),
    ("cli",),
]


def layer_of(module: str) -> tuple[int, str]:
    """(rank, group) of a dagsorden module name such as "extractor.facts.items": the layer
    of the longest group that holds it."""
    found = [(len(group), rank, group) for rank, groups in enumerate(LAYERS) for group in groups
             if module == group or module.startswith(group + ".")]
    assert found, f"{module} is in no layer: add its package to LAYERS"
    _, rank, group = max(found)
    return rank, group


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_imports(path: Path) -> set[str]:
    """The dagsorden modules a file imports (at any depth: lazy imports count too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
        found.update(name.removeprefix("dagsorden.") for name in names if name.startswith("dagsorden."))
    return found


def source_files() -> list[Path]:
    return [ROOT / "cli.py", *sorted((ROOT / "extractor").rglob("*.py")), *sorted((ROOT / "models").rglob("*.py"))]


def imports_of(path: Path, top: str) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        (isinstance(node, ast.Import) and any(a.name.split(".")[0] == top for a in node.names))
        or (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == top)
        for node in ast.walk(tree)
    )


@pytest.mark.parametrize("path", source_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_imports_point_back_along_the_pipeline(path: Path) -> None:
    rank, group = layer_of(module_name(path))
    against = []
    for imported in project_imports(path):
        other_rank, other_group = layer_of(imported)
        if other_rank > rank or (other_rank == rank and other_group != group):
            against.append(imported)
    assert not against, f"{module_name(path)} ({group}) imports {sorted(against)} against the pipeline"


def test_only_the_reader_opens_pdfs() -> None:
    """pdfplumber and pypdfium2 are imported in extractor/read/ only, so a reader upgrade
    touches one folder."""
    for library in ("pdfplumber", "pdfminer", "pypdfium2"):
        users = [p.relative_to(ROOT).as_posix() for p in source_files() if imports_of(p, library)]
        assert users and all(u.startswith("extractor/read/") for u in users), (library, users)


def test_storage_never_imports_spacy() -> None:
    """Writing to the archive must not pay spaCy's import (~0.5 s per CLI call)."""
    users = [p for p in source_files() if imports_of(p, "spacy")]
    assert users and all("/facts/" in p.as_posix() for p in users)


def test_datasette_folder_is_not_a_python_package() -> None:
    assert (ROOT / "datasette" / "metadata.yaml").is_file()
    assert not (ROOT / "datasette" / "__init__.py").exists()


def test_no_import_cycles() -> None:
    """Modules form a tree of dependencies: no two modules (or longer loops) import each other."""
    modules = {module_name(p): p for p in source_files()}
    graph = {name: {m for m in project_imports(path) if m in modules and m != name}
             for name, path in modules.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(graph[name]):
            assert state.get(nxt) != 1, "import cycle: " + " -> ".join(path[path.index(nxt):] + [nxt]) \
                if nxt in path else f"import cycle through {nxt}"
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
