"""Issue 15: reading takes glyphs and ruling lines from pdfplumber's layout directly
(extractor/read/objects.py) instead of `page.chars` / `page.edges`, which process every
attribute of every object. pdfplumber's own results are the oracle: on real PDFs of many
producers and on the corpus, the glyphs and the ruled tables must be exactly the same."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from dagsorden.extractor.read.objects import page_objects, ruling_edges
from dagsorden.extractor.read.pdf import ruled_tables


def pdfplumber_tables(page) -> list:
    found = page.find_tables() if (page.objects.get("rect") or page.objects.get("line")) else []
    return [(table.bbox, [row.cells for row in table.rows]) for table in found
            if len(table.rows) >= 2 or len(table.rows[0].cells) >= 2]


def assert_same_as_pdfplumber(pdf_path: Path) -> int:
    """Every page: the lean glyphs equal page.chars on their keys; the tables equal
    pdfplumber's default finder's. Returns the number of tables seen."""
    tables = 0
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            their_chars = page.chars
            theirs = [(tuple(round(v, 2) for v in bbox),
                       [[tuple(round(v, 2) for v in cell) if cell else None for cell in row] for row in rows])
                      for bbox, rows in pdfplumber_tables(page)]
            page.close()  # ours must not lean on what pdfplumber cached
            lean, drawn = page_objects(page)
            keys = list(lean[0]) if lean else []
            assert lean == [{k: c[k] for k in keys} for c in their_chars], (pdf_path.name, page.page_number)
            ours = [(t.bbox, t.rows) for t in ruled_tables(page, *ruling_edges(drawn))]
            assert ours == theirs, (pdf_path.name, page.page_number)
            tables += len(ours)
            page.close()
    return tables


@pytest.mark.slow
def test_lean_glyphs_and_tables_equal_pdfplumbers_on_real_pdfs(realworld: Path) -> None:
    tables = sum(assert_same_as_pdfplumber(pdf) for pdf in sorted(realworld.glob("*.pdf")))
    assert tables > 0  # the comparison covered ruled tables, not only pages without


@pytest.mark.slow
def test_lean_glyphs_and_tables_equal_pdfplumbers_on_the_corpus(corpus_dir: Path) -> None:
    """The overprint look: every glyph drawn twice, ruled tariff tables, bound appendices in
    their own fonts. The other looks come from the same PDF producer (the real-world PDFs
    above cover other producers)."""
    tables = sum(assert_same_as_pdfplumber(pdf) for pdf in sorted((corpus_dir / "overprint").glob("*.pdf")))
    assert tables > 0
