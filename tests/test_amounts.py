"""Amounts: every sum of money with its item, page, box, sentence, basis, year and sign,
from real PDFs; the box is checked against the PDF's own words at that position."""
from __future__ import annotations

import json
from pathlib import Path

import pdfplumber

from dagsorden.extractor.pipeline import extract_document
from dagsorden.extractor.store.write import store_extraction
from dagsorden.extractor.store.schema import open_archive
from pdfmaker import Text, make_pdf
from test_tables import make_table_pdf


def page_chars(pdf_path: Path) -> dict[int, list[dict]]:
    """Every page's characters as pdfplumber reads them, read once per file."""
    with pdfplumber.open(pdf_path) as pdf:
        return {page.page_number: [c for c in page.chars if c["text"].strip()] for page in pdf.pages}


def text_in_box(chars: list[dict], bbox: tuple[float, float, float, float]) -> str:
    """The characters pdfplumber finds inside a box (centre inside), without spaces."""
    x0, top, x1, bottom = bbox
    inside = [c for c in chars if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5
              and top - 0.5 <= (c["top"] + c["bottom"]) / 2 <= bottom + 0.5]
    return "".join(c["text"] for c in sorted(inside, key=lambda c: (round(c["top"]), c["x0"])))


def squash(text: str) -> str:
    return "".join(text.split())


def test_sums_in_running_text(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", [[
        Text("Regnskabet for 2020 viser et underskud på ca. 4,2 mio. kr. Døgntaksten er 4.107 kr. pr."),
        Text("anvendt plads. Merforbruget forventes at udgøre fra 0,7 til 1 mio. kr. i 2021."),
        Text("Sagsnr. 2023-052085, jf. § 108, side 4: stigningen er 3,2 pct. og -42.000 kr. i alt."),
    ]])
    amounts = extract_document(pdf).amounts
    got = {(a.text, a.value_dkk) for a in amounts}
    assert got == {("4,2 mio. kr.", 4.2e6), ("4.107 kr.", 4107.0), ("0,7 til 1 mio. kr.", 7e5),
                   ("1 mio. kr.", 1e6), ("-42.000 kr.", -42000.0)}
    by_text = {a.text: a for a in amounts}
    assert by_text["4,2 mio. kr."].approx and by_text["4,2 mio. kr."].sign == -1
    assert by_text["4,2 mio. kr."].context == "Regnskabet for 2020 viser et underskud på ca. 4,2 mio. kr."
    assert by_text["4.107 kr."].unit == "pr. anvendt plads" and not by_text["4.107 kr."].approx
    assert by_text["1 mio. kr."].year == 2021 and by_text["-42.000 kr."].sign == -1
    assert all(a.page == 1 and a.bbox for a in amounts)


def test_box_holds_the_amount_text(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "b.pdf", [[Text("Tilskuddet er på 15.000 kr. og gives af puljen på 1,5 mio. kr. i alt.")]])
    chars = page_chars(pdf)
    for amount in extract_document(pdf).amounts:
        assert text_in_box(chars[amount.page], amount.bbox) == squash(amount.text)


def test_bare_numbers_count_where_the_header_names_the_currency(tmp_path: Path) -> None:
    rows = [["", "Budget (1.000 kr.)", "Antal"], ["Botilbud", "1.250", "12"], ["Dagtilbud", "640", "30"]]
    pdf = make_table_pdf(tmp_path / "c.pdf", [[("text", "Budget fordelt på tilbud:"),
                                               ("table", (rows, [200, 120, 80], True))]])
    amounts = extract_document(pdf).amounts
    assert sorted((a.text, a.value_dkk) for a in amounts) == [("1.250", 1250000.0), ("640", 640000.0)]
    assert all(a.context and a.context.startswith(("Botilbud", "Dagtilbud")) and a.table == 0 for a in amounts)


def test_corpus_amounts_sit_in_their_boxes(corpus_dir: Path, corpus_extractions: dict) -> None:
    """Every amount's box, read back with pdfplumber, holds the amount's text (the part on
    the first line for a sum wrapped over two lines)."""
    wrapped = 0
    for pdf in sorted((corpus_dir / "classic").glob("*.pdf")):
        chars = page_chars(pdf)
        for amount in corpus_extractions[("classic", pdf.stem)].amounts:
            assert amount.page and amount.bbox, amount
            inside, text = text_in_box(chars[amount.page], amount.bbox), squash(amount.text)
            wrapped += inside != text
            assert inside == text or (inside and text.startswith(inside)), (pdf.name, amount.text, inside)
    assert wrapped <= 10  # a handful of sums wrap over two lines


def test_amounts_in_bound_appendices_belong_to_their_item(corpus_extractions: dict, gold: dict[str, dict]) -> None:
    extraction = corpus_extractions[("modern", "002_25e43dcc1d34d20d")]
    items = {a.item for a in extraction.amounts if a.value_dkk == 304.8e9}
    assert items == {5}  # printed in the bound appendix after item 5, as the gold counts it
    gold_items = {a["item"] for a in gold["002_25e43dcc1d34d20d"]["amounts"]}
    assert {a.item for a in extraction.amounts} <= gold_items


def test_amounts_are_stored_with_unit_year_and_sign(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "d.pdf", [[Text("Østerskoven havde et underskud på 4,2 mio. kr. i 2020."),
                                          Text("Taksten er 119 kr. pr. døgn.")]])
    db = open_archive(tmp_path / "a.db")
    store_extraction(db, extract_document(pdf))
    rows = db.execute("select text, value_dkk, sign, unit, year, page, bbox from amounts order by position").fetchall()
    assert [r[:5] for r in rows] == [("4,2 mio. kr.", 4.2e6, -1, None, 2020), ("119 kr.", 119.0, 1, "pr. døgn", None)]
    assert all(r[5] == 1 and len(json.loads(r[6])) == 4 for r in rows)
    db.close()


def test_rules_without_text_give_no_table_and_no_crash(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas
    path = tmp_path / "rules.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.drawString(72, 760, "Kun streger her:")
    for y in (700, 680, 660):
        canvas.line(72, y, 400, y)
    canvas.rect(72, 500, 10, 10)
    canvas.showPage()
    canvas.save()
    extraction = extract_document(path)
    assert extraction.tables == [] and extraction.amounts == [] and extraction.tariffs == []
