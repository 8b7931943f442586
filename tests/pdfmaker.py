"""Small hand-made PDFs for stage tests, drawn with reportlab so every case is a real PDF."""
from __future__ import annotations

import zlib
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


def raw_pdf(objects: list[bytes]) -> bytes:
    """A hand-written PDF with a correct xref table, for shapes reportlab will not make."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zero_page_pdf() -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def runaway_pdf(glyphs: int) -> bytes:
    """A 1-page PDF of a few KB whose compressed content stream draws `glyphs` glyphs:
    parsing it takes seconds and hundreds of MB per 100 000 glyphs (a "PDF bomb")."""
    ops = zlib.compress(b"BT /F1 1 Tf " + b"(a) Tj 0.001 0 Td " * glyphs + b"ET", 9)
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(ops) + ops + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def good_pdf(path: Path, title: str = "Dagsorden") -> Path:
    return make_pdf(path, [[Text(title, size=16), Text("Punkt 1. Godkendelse af dagsorden")],
                           [Text("Punkt 2. Eventuelt")]])


# A ToUnicode map sending every byte to the same code point, so a string can carry any
# control character into the text layer (as some producers' broken maps do).
IDENTITY_TO_UNICODE = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Id def\n"
                       b"1 begincodespacerange <00> <FF> endcodespacerange\n"
                       b"1 beginbfrange <00> <FF> <0000> endbfrange\n"
                       b"endcmap CMapName currentdict /CMap defineresource pop end end")


def text_pdf(lines: list[bytes], *, media_box: tuple[float, float] = (595, 842),
             identity_map: bool = False) -> bytes:
    """A 1-page PDF drawing each line as a raw PDF string (octal escapes allowed), 14 pt apart."""
    ops = b"BT /F1 11 Tf 72 %d Td " % (media_box[1] - 72) + b"".join(
        b"(" + line + b") Tj 0 -14 Td " for line in lines) + b"ET"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica" + (b" /ToUnicode 6 0 R" if identity_map else b"") + b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % media_box,
        b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream",
        font,
    ]
    if identity_map:
        objects.append(b"<< /Length %d >>\nstream\n" % len(IDENTITY_TO_UNICODE) + IDENTITY_TO_UNICODE + b"\nendstream")
    return raw_pdf(objects)


def object_stream_bomb(megabytes: int) -> bytes:
    """A PDF whose catalog sits in an object stream that inflates to `megabytes` MB: the
    document cannot even be opened without that much memory (a decompression bomb)."""
    import struct

    header, catalog = b"1 0 ", b"<< /Type /Catalog /Pages 3 0 R >>"
    packer = zlib.compressobj(6)
    data = packer.compress(header + catalog) + b"".join(
        packer.compress(b" " * (1 << 20)) for _ in range(megabytes)) + packer.flush()
    out, offsets = bytearray(b"%PDF-1.5\n"), {}
    for number, body in ((2, b"<< /Type /ObjStm /N 1 /First %d /Length %d /Filter /FlateDecode >>\nstream\n"
                          % (len(header), len(data)) + data + b"\nendstream"),
                         (3, b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>"),
                         (5, b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>")):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    offsets[4] = len(out)
    entries = [(0, 0, 65535), (2, 2, 0)] + [(1, offsets[n], 0) for n in (2, 3, 4, 5)]
    xref = b"".join(struct.pack(">BIH", *entry) for entry in entries)
    out += (b"4 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(xref)
            + xref + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[4])
    return bytes(out)
