"""`dagsorden explain` (issue 12): every line's role and the evidence for it, read the way
extraction reads it, so a maintainer sees why an item, a point or an attachment was found or
missed. Real corpus PDFs, the real command."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image

from dagsorden.extractor.explain import explain, prints_part_of
from dagsorden.extractor.settings import ExtractSettings
from dagsorden.models import Extraction

ROOT = Path(__file__).resolve().parent.parent


def test_explain_marks_what_extraction_found(corpus_dir: Path,
                                             corpus_extractions: dict[tuple[str, str], Extraction]) -> None:
    """Every item heading, every recommendation's page and every attachment that extraction
    stores is shown with that role (a wrapped title by its first or last line). The modern look:
    titles wrap there with a hyphen too."""
    for (look, stem), extraction in corpus_extractions.items():
        if look != "modern":
            continue
        _, roles = explain(corpus_dir / look / f"{stem}.pdf", ExtractSettings(ocr="never"))
        by_role: dict[str, list] = {}
        for role in roles:
            by_role.setdefault(role.role, []).append(role)
        assert len(by_role.get("item heading", [])) == len(extraction.items), (look, stem)
        marked = [" ".join(r.text.split()) for r in by_role.get("attachment", [])]
        for item in extraction.items:
            for attachment in item.attachments:
                assert any(prints_part_of(text, attachment.title) for text in marked), (look, stem, attachment.title)
        pages = {r.page for r in by_role.get("recommendation", [])}
        stored = {page for item in extraction.items for page in item.recommendation_pages if page}
        assert stored <= pages, (look, stem)


def test_explain_command_lists_one_page_and_draws_it(corpus_dir: Path, tmp_path: Path) -> None:
    pdf = corpus_dir / "classic" / "001_6c7cb2df0362f233.pdf"
    result = subprocess.run([sys.executable, "cli.py", "explain", str(pdf), "--page", "2", "--json",
                             "--out", str(tmp_path / "explain")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    roles = json.loads(result.stdout)
    assert roles and {r["page"] for r in roles} == {2}
    assert {"running", "item heading", "section heading"} <= {r["role"] for r in roles}
    images = sorted((tmp_path / "explain").glob("*.png"))
    assert len(images) == 1 and Image.open(images[0]).size[0] > 500
    assert "Wrote 1 page images" in result.stderr


def test_explain_page_past_the_end_is_a_usage_error(corpus_dir: Path) -> None:
    pdf = corpus_dir / "classic" / "001_6c7cb2df0362f233.pdf"
    result = subprocess.run([sys.executable, "cli.py", "explain", str(pdf), "--page", "999"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "pages" in result.stderr and "Traceback" not in result.stderr
