"""PDF -> pages of styled lines. The only module that imports pdfplumber.

Why this shape (see ../shared/PERFORMANCE.md): the page parse is ~90% of
pdfplumber's cost, so every kind of extraction happens on one open page, which is
then closed (`page.close()`; 5 MB/page otherwise). Duplicate "fake bold" glyphs are
removed with a linear pass instead of pdfplumber's quadratic `dedupe_chars`.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from pdfplumber.utils.text import extract_words

from dagsorden.extractor.errors import (
    BrokenPdf,
    DocumentTooLarge,
    EmptyFile,
    EncryptedPdf,
    NoPages,
    NotAPdf,
    one_line,
)
from dagsorden.extractor.read.files import display_path
from dagsorden.extractor.read.objects import page_objects, ruling_edges
from dagsorden.models import PageTable, PageText, PdfText, StyledLine, Word

# Two glyphs with the same text closer than this (points) are one overprinted glyph.
DEDUPE_TOLERANCE = 1.0
# Words on one baseline further apart than this many font sizes are separate lines
# (label and value columns, table cells), so columns never run together.
COLUMN_GAP_EMS = 2.5
WORD_X_TOLERANCE = 1.5
LINE_Y_TOLERANCE = 2.5
BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi", ",b")
# A list marker set before its text at a tab stays on the text's line: "1." "a)" "•" "-".
LIST_MARKER = re.compile(r"^(?:\(?(?:\d{1,2}|[a-hA-H])[.)]|[•\u2022\u25cf\u25aa\u2013\-–·*\uf0b7\uf0a7])$")
# What a broken ToUnicode map puts in the text layer and no reader wants: C0/C1 controls
# (but tab, newline, CR, form feed: white space), lone surrogates, U+FFFE/U+FFFF. XML cannot
# hold them (an Atom feed with one fails), and SQLite's C functions stop at a NUL.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# Glyphs read as one letter that are two or three in the words they print: typographic
# ligatures ("ﬁnansiering", "oﬀentlig", "ﬂere"), and the soft hyphen a word broke at the line's
# end on ("Sags\xad" / "fremstilling"), which the wrap joins like a hyphen.
SPELLED_OUT = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
               "\ufb06": "st", "\u00ad": "-"}

Char = dict[str, Any]


def sha256_file(path: Path) -> str:
    """The file's identity in the archive (the batch hashes before it extracts)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_is_pdf(path: Path) -> None:
    """Refuse empty and non-PDF files before pdfminer spends time on them."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile(f"{display_path(path.name)} is empty (0 bytes)")
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:  # the reason names no content: it is shown to everyone
        raise NotAPdf(f"{display_path(path.name)} is not a PDF (no %PDF- header in its first 1024 bytes)")


def is_bold_font(fontname: str) -> bool:
    name = fontname.lower().split("+")[-1]
    return any(marker in name for marker in BOLD_MARKERS)


def dedupe_chars(chars: list[Char]) -> tuple[list[Char], set[int]]:
    """Drop overprinted duplicate glyphs in one linear pass.

    Returns the kept chars (in their original order) and the ids of kept chars that
    had a duplicate: overprinting is how "fake bold" is made, so those are bold.
    """
    seen: dict[tuple[str, int, int], Char] = {}
    kept: list[Char] = []
    overprinted: set[int] = set()
    for char in chars:
        text = char["text"]
        if text.isspace():
            kept.append(char)
            continue
        x, y = char["x0"], char["top"]
        bucket_x, bucket_y = int(x // DEDUPE_TOLERANCE), int(y // DEDUPE_TOLERANCE)
        original = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                candidate = seen.get((text, bucket_x + dx, bucket_y + dy))
                if candidate is not None and abs(candidate["x0"] - x) <= DEDUPE_TOLERANCE \
                        and abs(candidate["top"] - y) <= DEDUPE_TOLERANCE:
                    original = candidate
                    break
            if original is not None:
                break
        if original is not None:
            overprinted.add(id(original))
            continue
        seen[(text, bucket_x, bucket_y)] = char
        kept.append(char)
    return kept, overprinted


def ruled_between(rules: list[tuple[float, float, float]], left: Char, right: Char) -> bool:
    """A table's vertical rule between two words of a row: they stand in two cells, however
    close ("... til ændret" | "Åben")."""
    return any(left["x1"] - 0.5 <= x <= right["x0"] + 0.5 and top <= right["top"] + 1 and bottom >= right["bottom"] - 1
               for x, top, bottom in rules)


def words_to_lines(words: list[Char], page_number: int, overprinted: set[int],
                   rules: list[tuple[float, float, float]] | None = None) -> list[StyledLine]:
    """Group words on one baseline into lines, split where a wide gap marks a column or a
    ruled table's vertical rule stands between two words (x, top, bottom of each rule)."""
    rows: list[list[Char]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= LINE_Y_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines: list[StyledLine] = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        run: list[Char] = [row[0]]
        for word in row[1:]:
            gap = word["x0"] - run[-1]["x1"]
            marker = len(run) == 1 and LIST_MARKER.match(run[0]["text"])  # "1." | "At ..." at a tab
            if (gap > COLUMN_GAP_EMS * max(run[-1]["size"], 4.0) and not marker) \
                    or (rules and ruled_between(rules, run[-1], word)):
                lines.append(styled_line(run, page_number, overprinted))
                run = [word]
            else:
                run.append(word)
        lines.append(styled_line(run, page_number, overprinted))
    return lines


def styled_line(words: list[Char], page_number: int, overprinted: set[int]) -> StyledLine:
    chars = [c for w in words for c in w["chars"] if not c["text"].isspace()]
    fonts = Counter(c["fontname"] for c in chars)
    sizes = Counter(round(c["size"], 1) for c in chars)

    def bold_count(glyphs: list[Char]) -> int:
        return sum(1 for c in glyphs if is_bold_font(c["fontname"]) or id(c) in overprinted)

    last_word = [c for c in words[-1]["chars"] if not c["text"].isspace()]
    font = fonts.most_common(1)[0][0] if fonts else ""
    return StyledLine.from_words(
        [Word(w["text"], round(w["x0"], 2), round(w["x1"], 2)) for w in words],
        page=page_number,
        x0=round(min(w["x0"] for w in words), 2),
        top=round(min(w["top"] for w in words), 2),
        x1=round(max(w["x1"] for w in words), 2),
        bottom=round(max(w["bottom"] for w in words), 2),
        font=font.split("+")[-1],
        size=sizes.most_common(1)[0][0] if sizes else 0.0,
        # a bold label before regular text ("For stemte: A, V og O (6)") is not a bold line
        bold=bool(chars) and bold_count(chars) * 2 > len(chars) and bold_count(last_word) * 2 >= len(last_word),
    )


def readable_chars(chars: list[Char]) -> list[Char]:
    """Upright glyphs with control characters taken out of their text and ligatures spelled
    out; a glyph that was nothing but control characters is dropped."""
    kept = []
    for char in chars:
        if not char.get("upright", True):
            continue
        if CONTROL_CHARACTERS.search(char["text"]):
            char["text"] = CONTROL_CHARACTERS.sub("", char["text"])
            if not char["text"]:
                continue
        if char["text"] in SPELLED_OUT:
            char["text"] = SPELLED_OUT[char["text"]]
        kept.append(char)
    return kept



def page_to_text(page: Any) -> PageText:
    """All text work on one open page; the caller closes it. pdfminer's layout of the page is
    let go as soon as its glyphs are read, before words and lines are built."""
    all_chars, drawn = page_objects(page)  # not page.chars: see read/objects.py
    has_text = any(not c["text"].isspace() for c in all_chars)
    vertical, horizontal = ruling_edges(drawn) if has_text else ([], [])
    tables = ruled_tables(page, vertical, horizontal)
    rules = [(float(e["x0"]), float(e["top"]), float(e["bottom"])) for e in vertical] if tables else []
    page.close()  # frees the layout (pdfminer's objects for every glyph)
    chars, overprinted = dedupe_chars(readable_chars(all_chars))
    del all_chars
    words = extract_words(
        chars,
        return_chars=True,
        x_tolerance=WORD_X_TOLERANCE,
        y_tolerance=LINE_Y_TOLERANCE,
        extra_attrs=["size"],
    )
    return PageText(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        lines=words_to_lines(words, page.page_number, overprinted, rules) if words else [],
        has_text_layer=has_text,
        tables=tables,
    )


def ruled_tables(page: Any, vertical: list[dict[str, Any]], horizontal: list[dict[str, Any]]) -> list[PageTable]:
    """Cell boxes of ruled tables, from pdfplumber's finder on the page's drawn edges.

    The finder gets the edges (`ruling_edges`, read/objects.py) as explicit lines, so it never
    makes pdfplumber process every glyph. A page with fewer than two edges either way
    cannot hold a ruled table; unruled tables are found from text alignment later.
    """
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    try:
        found = page.find_tables({"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                                  "explicit_vertical_lines": vertical,
                                  "explicit_horizontal_lines": horizontal})
    except Exception:  # a malformed drawing must not cost the page's text
        return []
    return [
        PageTable(
            bbox=tuple(round(v, 2) for v in table.bbox),
            rows=[[tuple(round(v, 2) for v in cell) if cell else None for cell in row.cells]
                  for row in table.rows],
        )
        for table in found if len(table.rows) >= 2 or len(table.rows[0].cells) >= 2
    ]


def iter_pages(pdf: Any) -> Iterator[PageText]:
    for page in pdf.pages:
        try:
            yield page_to_text(page)
        finally:
            page.close()


def open_pdf(path: Path, password: str | None = None) -> Any:
    """Open with pdfplumber, turning pdfminer's many failure types into ours."""
    check_is_pdf(path)
    try:
        pdf = pdfplumber.open(path, password=password or "")
        pdf.pages  # forces the page tree: a broken xref or bad password shows here
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise EncryptedPdf(f"{display_path(path.name)} is encrypted and no valid password was given "
                           f"({type(error).__name__}); try --password") from error
    except (PdfminerException, MalformedPDFException, PDFSyntaxError) as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, MemoryError):
            raise out_of_memory(path) from error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedPdf(f"{display_path(path.name)} is encrypted and no valid password was given; "
                               "try --password") from error
        raise BrokenPdf(f"{display_path(path.name)} could not be parsed: {one_line(cause)}") from error
    except MemoryError as error:
        raise out_of_memory(path) from error
    except Exception as error:  # pdfminer raises bare errors on truncated files
        raise BrokenPdf(f"{display_path(path.name)} could not be parsed: {one_line(error)}") from error
    return pdf


def out_of_memory(path: Path) -> DocumentTooLarge:
    """A stream that inflates past the memory limit (a decompression bomb) is too large, not
    broken: zlib's single failed allocation can sit far below the limit's peak."""
    return DocumentTooLarge(f"{display_path(path.name)} needs more memory than the limit allows "
                            "(a compressed stream inflates too far); raise --max-memory or import it alone")


def read_pdf(path: Path | str, password: str | None = None) -> PdfText:
    """PDF -> PdfText: every page's styled lines (running headers are marked later, after OCR)."""
    path = Path(path)
    digest = sha256_file(path)
    pdf = open_pdf(path, password)
    try:
        producer = pdf.metadata.get("Producer") if isinstance(pdf.metadata, dict) else None
        if isinstance(producer, bytes):
            producer = producer.decode("latin-1", "replace")
        if not pdf.pages:
            raise NoPages(f"{display_path(path.name)} has no pages")
        try:
            pages = list(iter_pages(pdf))
        except (PdfminerException, MalformedPDFException, PDFSyntaxError) as error:
            if isinstance(error.args[0] if error.args else None, MemoryError):
                raise out_of_memory(path) from error
            raise BrokenPdf(f"{display_path(path.name)} could not be parsed: {one_line(error)}") from error
    finally:
        pdf.close()
    return PdfText(
        sha256=digest,
        filename=display_path(path.name),
        producer=str(producer) if producer else None,
        pages=pages,
    )
