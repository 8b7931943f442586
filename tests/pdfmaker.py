"""Small hand-made PDFs for stage tests, drawn with reportlab so every case is a real PDF."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas


@dataclass
class Text:
    text: str
    x: float = 72
    size: float = 10
    font: str = "Helvetica"
    overprint: int = 0  # extra copies drawn 0.4 pt to the right ("fake bold")


def make_pdf(path: Path, pages: list[list[Text | None]], header: str | None = None,
             footer: str | None = "Side {page} af {pages}") -> Path:
    """Each page is a list of lines from the top; None is a blank line."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        if header:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(72, height - 36, header.format(page=number, pages=len(pages)))
        if footer:
            canvas.setFont("Helvetica", 8)
            canvas.drawRightString(width - 72, 30, footer.format(page=number, pages=len(pages)))
        y = height - 80
        for line in lines:
            if line is not None:
                for part in getattr(line, "parts", [line]):
                    canvas.setFont(part.font, part.size)
                    for copy in range(part.overprint + 1):
                        canvas.drawString(part.x + 0.4 * copy, y, part.text)
                y -= line.size * 1.35
            else:
                y -= 12
        canvas.showPage()
    canvas.save()
    return path


def bold(text: str, size: float = 10) -> Text:
    return Text(text, size=size, font="Helvetica-Bold")
