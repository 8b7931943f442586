"""Tables: ruled (pdfplumber's finder), unruled (aligned text), stitched across a page
break, and stored as tables + table_cells in a real SQLite archive."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from dagsorden.extractor.pipeline import extract_document
from dagsorden.extractor.store.write import store_extraction
from dagsorden.extractor.store.schema import open_archive

Row = list[str]


def draw_table(canvas: Canvas, top: float, rows: list[Row], widths: list[float], ruled: bool = True,
               x: float = 72, row_height: float = 18, font: str = "Helvetica") -> float:
    """Draw rows of cells from `top` (pdf y); returns the y below the table."""
    height = A4[1]
    y = top
    for row in rows:
        cx = x
        for text, width in zip(row, widths):
            canvas.setFont(font, 9)
            canvas.drawString(cx + 3, y - 12, text)
            if ruled:
                canvas.rect(cx, y - row_height, width, row_height)
            cx += width
        y -= row_height
    assert y > 0 and top < height
    return y


def make_table_pdf(path: Path, pages: list[list[tuple[str, object]]]) -> Path:
    """Pages of ("text", str) paragraphs and ("table", (rows, widths, ruled)) blocks."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for number, blocks in enumerate(pages, 1):
        y = A4[1] - 80
        for kind, content in blocks:
            if kind == "text":
                canvas.setFont("Helvetica", 10)
                canvas.drawString(72, y, str(content))
                y -= 16
            else:
                rows, widths, ruled = content  # type: ignore[misc]
                y = draw_table(canvas, y, rows, widths, ruled) - 16
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(A4[0] - 72, 30, f"Side {number} af {len(pages)}")
        canvas.showPage()
    canvas.save()
    return path


BUDGET = [["", "År 2023", "År 2024"], ["i kr.", "", ""], ["Budget samlet", "34.741.043", "36.061.167"],
          ["Heraf Tilbudsafdelingen", "16.301.013", "16.905.109"]]


def test_ruled_table_cells_and_numbers(tmp_path: Path) -> None:
    pdf = make_table_pdf(tmp_path / "t.pdf", [[("text", "Budgettet fremgår af tabel 1."),
                                               ("table", (BUDGET, [200, 110, 110], True))]])
    tables = extract_document(pdf).tables
    assert len(tables) == 1
    table = tables[0]
    assert (table.n_rows, table.n_cols, table.strategy, table.page) == (4, 3, "lines", 1)
    assert table.rows[2] == ["Budget samlet", "34.741.043", "36.061.167"]
    assert table.header_rows == 2
    cell = next(c for c in table.cells if c.text == "16.905.109")
    assert (cell.row, cell.col, cell.value) == (3, 2, 16905109.0)
    assert table.bbox is not None and table.bbox[0] <= cell.bbox[0] and cell.bbox[2] <= table.bbox[2]


def test_unruled_table_is_found_from_aligned_text(tmp_path: Path) -> None:
    rows = [["Kommune", "Andel", "Beløb"], ["Aalborg", "32,9%", "6.294.349"], ["Thisted", "6,9%", "1.322.226"],
            ["Læsø", "0,2%", "34.323"]]
    pdf = make_table_pdf(tmp_path / "u.pdf", [[("text", "Fordelingen mellem kommunerne:"),
                                               ("table", (rows, [200, 100, 100], False))]])
    tables = extract_document(pdf).tables
    assert len(tables) == 1 and tables[0].strategy == "text"
    assert tables[0].rows == rows
    assert {c.text: c.value for c in tables[0].cells}["1.322.226"] == 1322226.0


def test_table_continued_on_next_page_is_stitched(tmp_path: Path) -> None:
    header = ["Tilbud", "Gammel", "Ny"]
    body = [[f"Tilbud {n}", f"{1000 + n}", f"{1100 + n}"] for n in range(1, 60)]
    first, second = body[:36], body[36:]
    pdf = make_table_pdf(tmp_path / "s.pdf", [
        [("text", "Takster for tilbud:"), ("table", ([header] + first, [220, 100, 100], True))],
        [("table", ([header] + second, [220, 100, 100], True)), ("text", "Taksterne er godkendt.")],
    ])
    tables = extract_document(pdf).tables
    assert len(tables) == 1, [(t.page, t.n_rows) for t in tables]
    table = tables[0]
    assert (table.page, table.page_end, table.n_rows) == (1, 2, 60)  # the repeated header dropped
    assert table.rows[-1] == ["Tilbud 59", "1059", "1159"]
    assert {c.page for c in table.cells if c.text == "Tilbud 59"} == {2}


def test_tables_whose_columns_differ_are_not_stitched(tmp_path: Path) -> None:
    body = [[f"Række {n}", f"{n}.000"] for n in range(1, 38)]
    pdf = make_table_pdf(tmp_path / "d.pdf", [
        [("text", "Første tabel:"), ("table", ([["Navn", "Beløb i kr."]] + body, [220, 100], True))],
        [("table", ([["A", "B", "C"], ["1", "2", "3"], ["4", "5", "6"]], [100, 100, 100], True))],
    ])
    assert [t.page for t in extract_document(pdf).tables] == [1, 2]


def test_tables_and_cells_are_stored(tmp_path: Path) -> None:
    pdf = make_table_pdf(tmp_path / "t.pdf", [[("text", "Budgettet fremgår af tabel 1."),
                                               ("table", (BUDGET, [200, 110, 110], True))]])
    db = open_archive(tmp_path / "a.db")
    store_extraction(db, extract_document(pdf))
    table = db.execute("select n_rows, n_cols, header_rows, strategy from tables").fetchall()
    assert table == [(4, 3, 2, "lines")]
    value = db.execute("select value, page from table_cells where text = '36.061.167'").fetchall()
    assert value == [(36061167.0, 1)]
    db.close()


def test_corpus_tables_have_their_rows(corpus_extractions: dict) -> None:
    """The tariff table of the 2023 budget item reads as printed, on every look."""
    budgets = {look: e for (look, stem), e in corpus_extractions.items() if stem == "002_25e43dcc1d34d20d"}
    assert len(budgets) >= 3
    for look, extraction in budgets.items():
        rows = [row for t in extraction.tables for row in t.rows]
        assert ["Takstgruppe 2 (8-24 pladser)", "51.461", "52.622", "2,3"] in rows, look
        assert all(t.item == 3 for t in extraction.tables if t.strategy == "lines"), look
