"""The PDF layer: styled lines, fake bold, running headers and footers, bad input."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from dagsorden.extractor.errors import BrokenPdf, EmptyFile, EncryptedPdf, NotAPdf
from dagsorden.extractor.pipeline import read_document
from dagsorden.extractor.read.pdf import read_pdf
from dagsorden.extractor.segment.lines import join_lines
from pdfmaker import Text, bold, make_pdf


def body_texts(pdf) -> list[str]:
    return [line.text for line in pdf.body_lines()]


def test_overprinted_fake_bold_is_read_once_and_marked_bold(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "fake.pdf", [[Text("Indstilling", overprint=2), Text("Det indstilles, at")]])
    pdf = read_document(path)
    lines = pdf.body_lines()
    assert [line.text for line in lines] == ["Indstilling", "Det indstilles, at"]
    assert lines[0].bold and not lines[1].bold


def test_real_bold_and_size_are_kept(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "styles.pdf", [[bold("Budget og takster", size=14), Text("Brødtekst")]])
    first, second = read_document(path).body_lines()
    assert first.bold and first.size == 14 and "Bold" in first.font
    assert not second.bold and second.size == 10


def test_running_header_and_page_footer_are_kept_out_of_body(tmp_path: Path) -> None:
    pages = [[Text(f"Tekst på side {n}")] for n in range(1, 5)]
    path = make_pdf(tmp_path / "running.pdf", pages, header="Mødet den 21.08.2023 DAS Social")
    pdf = read_document(path)
    assert body_texts(pdf) == [f"Tekst på side {n}" for n in range(1, 5)]
    assert [line.text for line in pdf.pages[2].running] == ["Mødet den 21.08.2023 DAS Social", "Side 3 af 4"]


def test_label_and_value_columns_are_separate_lines(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "cols.pdf", [[Text("Tid"), Text("2. marts 2017, kl. 13.00-16.00", x=200)]])
    # both are drawn on their own baseline here; on one baseline they must still split
    canvas_path = tmp_path / "row.pdf"
    canvas = Canvas(str(canvas_path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawString(72, 700, "Sted")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(200, 700, "Regionshuset, Niels Bohrs Vej 30")
    canvas.save()
    texts = body_texts(read_document(canvas_path))
    assert texts == ["Sted", "Regionshuset, Niels Bohrs Vej 30"]
    assert body_texts(read_document(path)) == ["Tid", "2. marts 2017, kl. 13.00-16.00"]


@pytest.mark.parametrize("lines,expected", [
    (["rammeaftale-", "sekretariatet"], "rammeaftalesekretariatet"),
    (["børne- og", "ungepsykiatrien"], "børne- og ungepsykiatrien"),
    (["Social-", "og Boligstyrelsen"], "Social- og Boligstyrelsen"),
    (["Region", "Nordjylland"], "Region Nordjylland"),
])
def test_hyphenated_line_ends_are_joined(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


def test_page_without_text_layer_is_reported(tmp_path: Path) -> None:
    image = tmp_path / "scan.png"
    Image.new("L", (400, 300), color=200).save(image)
    path = tmp_path / "scanned.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 700, "Forside med tekst")
    canvas.showPage()
    canvas.drawImage(str(image), 50, 300, width=400, height=300)
    canvas.showPage()
    canvas.save()
    assert read_document(path, ocr="never").ocr_pages == [2]


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyFile, match="empty"):
        read_pdf(path)


def test_not_a_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Dagsorden i ren tekst", encoding="utf-8")
    with pytest.raises(NotAPdf, match="not a PDF"):
        read_pdf(path)


def test_truncated_pdf_is_a_broken_pdf(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [[Text("Punkt 1. Godkendelse")]])
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole.read_bytes()[:400])
    with pytest.raises(BrokenPdf):
        read_pdf(path)


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    canvas = Canvas(str(path), pagesize=A4, encrypt="hemmelig")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 700, "Lukket punkt")
    canvas.save()
    with pytest.raises(EncryptedPdf, match="--password"):
        read_pdf(path)
    assert body_texts(read_document(path, password="hemmelig")) == ["Lukket punkt"]


def test_a_span_of_a_line_gets_its_own_box(tmp_path: Path) -> None:
    from dagsorden.extractor.facts.textrun import tight_bbox

    path = make_pdf(tmp_path / "span.pdf", [[Text("Budgettet stiger med kr. 1.320.124 i 2024")]])
    line = read_document(path).body_lines()[0]
    start = line.text.index("kr. 1.320.124")
    x0, top, x1, bottom = tight_bbox(line, start, start + len("kr. 1.320.124"))
    assert line.x0 < x0 < x1 < line.x1
    assert (top, bottom) == (line.top, line.bottom)
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        inside = pdf.pages[0].crop((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).extract_text()
    assert inside == "kr. 1.320.124"


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs a TrueType font with ligature glyphs (fonts-dejavu)")
def test_ligatures_and_a_soft_hyphen_are_read_as_the_letters_they_print(tmp_path: Path) -> None:
    """A typesetter's ligature glyphs (U+FB01 "ﬁ", U+FB00 "ﬀ", U+FB02 "ﬂ") read as one letter
    would hide "finansiering" from search and headings; a soft hyphen at a line's end joins the
    word like a hyphen."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    path = tmp_path / "ligaturer.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont("DejaVuSans", 11)
    for y, text in ((760, "Økonomi og \ufb01nansiering af \ufb02ere o\ufb00entlige opgaver"),
                    (745, "Se sags\u00ad"), (730, "fremstillingen.")):
        canvas.drawString(72, y, text)
    canvas.save()
    texts = body_texts(read_pdf(path))
    assert texts[0] == "Økonomi og finansiering af flere offentlige opgaver"
    assert join_lines(texts[1:3]) == "Se sagsfremstillingen."
