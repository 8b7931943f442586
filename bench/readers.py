"""Could pypdfium2 read for us? Glyphs from PDFium vs pdfplumber, through our line building.

usage: python bench/readers.py PDF_OR_FOLDER...

For every page: pdfplumber's parse to lean glyph records (extractor/read/objects.py, what
`read_pdf` uses) and PDFium's text page to the same records (text, font name, size from
the text matrix, loose box), each followed by the same dedupe -> words -> styled lines
code of extractor/read/pdf.py. Prints ms/page of both halves for both readers, the read
ratio, its ceiling (PDFium at zero cost: line building alone) and on how many pages both
give the same line texts. Issue 15 asked for >= 5x at the same lines before offering
`--reader pdfium`; see the README's "Large archives" section for the answer.
"""
from __future__ import annotations

import ctypes
import sys
import time
from typing import Any

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfplumber.utils.text import extract_words

from pipeline import pdf_files  # bench/pipeline.py: files and folders -> PDFs

from dagsorden.extractor.read import pdf as reader
from dagsorden.extractor.read.objects import page_objects

# PDFium's codes for what is no glyph: unknown, non-characters, its soft-hyphen marker (2).
NOT_GLYPHS = {0, 2, 0xFFFE, 0xFFFF}


def pdfium_chars(page: Any) -> list[dict[str, Any]]:
    """A page's glyphs from PDFium's text page, keyed as page_objects keys them."""
    textpage = page.get_textpage()
    height = page.get_height()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    chars = []
    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if code in NOT_GLYPHS or pdfium_c.FPDFText_IsGenerated(textpage, index):
            continue
        length = pdfium_c.FPDFText_GetFontInfo(textpage, index, name, 256, ctypes.byref(flags))
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
        size = pdfium_c.FPDFText_GetFontSize(textpage, index) * (matrix.c ** 2 + matrix.d ** 2) ** 0.5
        top = height - box.top
        chars.append({"text": chr(code), "fontname": name.raw[:max(0, length - 1)].decode("utf-8", "replace"),
                      "size": size, "upright": True, "x0": box.left, "x1": box.right, "top": top,
                      "bottom": height - box.bottom, "doctop": top, "width": box.right - box.left,
                      "height": box.top - box.bottom})
    textpage.close()
    return chars


def line_texts(chars: list[dict[str, Any]], number: int) -> list[str]:
    """The styled lines read_pdf would make of these glyphs (extractor/read/pdf.py)."""
    kept, overprinted = reader.dedupe_chars([c for c in chars if c["upright"]])
    words = extract_words(kept, return_chars=True, x_tolerance=reader.WORD_X_TOLERANCE,
                          y_tolerance=reader.LINE_Y_TOLERANCE, extra_attrs=["size"])
    return [line.text for line in reader.words_to_lines(words, number, overprinted)] if words else []


def main(argv: list[str]) -> int:
    files = pdf_files(argv)
    spent = {"pdfplumber glyphs": 0.0, "pdfplumber lines": 0.0, "pdfium glyphs": 0.0, "pdfium lines": 0.0}
    pages = same = 0
    for path in files:
        document = pypdfium2.PdfDocument(str(path))
        with pdfplumber.open(path) as pdf:
            for index, page in enumerate(pdf.pages):
                texts = {}
                for name, read in (("pdfplumber", lambda: page_objects(page)[0]),
                                   ("pdfium", lambda: pdfium_chars(document[index]))):
                    start = time.perf_counter()
                    chars = read()
                    middle = time.perf_counter()
                    texts[name] = line_texts(chars, index + 1)
                    spent[f"{name} glyphs"] += middle - start
                    spent[f"{name} lines"] += time.perf_counter() - middle
                page.close()
                pages += 1
                same += texts["pdfplumber"] == texts["pdfium"]
        document.close()
    per_page = {name: 1000 * seconds / pages for name, seconds in spent.items()}
    print(f"{len(files)} files, {pages} pages")
    print("| reader | glyphs ms/page | lines ms/page | read ms/page |")
    print("|---|--:|--:|--:|")
    for name in ("pdfplumber", "pdfium"):
        glyphs, lines = per_page[f"{name} glyphs"], per_page[f"{name} lines"]
        print(f"| {name} | {glyphs:.1f} | {lines:.1f} | {glyphs + lines:.1f} |")
    plumber = per_page["pdfplumber glyphs"] + per_page["pdfplumber lines"]
    pdfium = per_page["pdfium glyphs"] + per_page["pdfium lines"]
    print(f"read speed-up with pdfium {plumber / pdfium:.2f}x (glyphs alone "
          f"{per_page['pdfplumber glyphs'] / per_page['pdfium glyphs']:.2f}x); ceiling with free glyphs "
          f"{plumber / per_page['pdfium lines']:.2f}x")
    print(f"same line texts on {same} of {pages} pages ({100 * same / pages:.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
