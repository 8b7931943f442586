"""A newcomer's `pip install` of a wheel works outside the checkout: the gazetteers, the
Datasette folder and the corpus data travel as package data, and nothing with a generic
name (cli, models, extractor) lands at the top of site-packages."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def checkout_copy(target: Path) -> Path:
    """The files a clean clone would hold: tracked ones and new ones git does not ignore."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout")
    source = checkout_copy(tmp_path_factory.mktemp("checkout"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(source)],
                   check=True, capture_output=True, timeout=600)
    return next(dist.glob("dagsorden-*.whl"))


def test_wheel_has_one_top_level_package_and_its_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"dagsorden"}
    assert any(n.startswith("dagsorden/extractor/danish/gazetteers/") and n.endswith(".tsv") for n in names)
    assert "dagsorden/datasette/metadata.yaml" in names
    assert any(n.startswith("dagsorden/datasette/templates/") for n in names)
    assert "dagsorden/datasette/plugins/dagsorden_pages.py" in names
    assert "dagsorden/extractor/site/static/site.css" in names  # the reading pages' style sheet


def test_installed_wheel_extracts_a_corpus_pdf_outside_the_checkout(
        wheel: Path, corpus_dir: Path, tmp_path: Path) -> None:
    """A fresh venv that has the dependencies (this venv's site-packages, without its editable
    dagsorden) and the wheel: `dagsorden extract` runs from an unrelated folder."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # A plain path line: the dependencies, not the .pth files there (the editable finder).
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    work = tmp_path / "elsewhere"
    work.mkdir()
    located = subprocess.run([str(python), "-c", "import dagsorden; print(dagsorden.__file__)"],
                             cwd=work, capture_output=True, text=True, check=True).stdout
    assert located.startswith(site)
    result = subprocess.run([str(venv / "bin" / "dagsorden"), "extract", str(corpus_dir / "classic" /
                             "002_25e43dcc1d34d20d.pdf")], cwd=work, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["document"]["kind"] == "agenda" and len(data["items"]) >= 5
    # the entity stage read its gazetteers from the installed package data
    assert any(e["text"] == "Region Nordjylland" for e in data["entities"])
