"""Render the corpus sources into realistic agenda PDFs, one per look.

    python -m dagsorden.corpus.build OUT_DIR [--look NAME ...]

writes OUT_DIR/<look>/<source stem>.pdf. The PDFs stand in for the lost or
unpublishable originals, so they imitate what an extractor meets in the wild:
running headers/footers with page numbers, bold headings, ruled tables, bound
appendices in another font, a table of contents with real page numbers.
Sources in the free layout (`@layout free`, the wild corpus) are typeset line by line
after a published document instead; see corpus/README.md.
Output is byte-for-byte reproducible (reportlab invariant mode).
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Indenter,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dagsorden.corpus.looks import LOOKS, Look
from dagsorden.corpus.markup import Block, Source, load

rl_config.invariant = 1

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
BUILDER_FILES = [HERE / "build.py", HERE / "looks.py", HERE / "markup.py"]
PAGE_REF = re.compile(r"\{page:(\d+)\}")
INLINE_BOLD = re.compile(r"\*\*(.+?)\*\*")
# "12.    Title", "a)    At ...", "·         der gives": a list marker, a tab, the text
TABBED = re.compile(r"^([0-9]{1,3}[.)]?|[a-zA-Z][.)]|[-\u00b7\u2022\u2013*])( {2,})(\S.*)$")
ALIGN = {"l": TA_LEFT, "left": TA_LEFT, "r": TA_RIGHT, "right": TA_RIGHT, "c": TA_CENTER, "center": TA_CENTER}
VOWELS = set("aeiouyæøåAEIOUYÆØÅ")


# --------------------------------------------------------------------------- helpers


def soft_hyphenate(text: str, min_len: int = 11) -> str:
    """Insert soft hyphens into long words (vowel-consonant-vowel rule).

    Good enough for a test corpus: the point is that some words break at line
    end with a visible "-" that the extractor must join again.
    """

    def word(match: re.Match[str]) -> str:
        w = match.group(0)
        if len(w) < min_len:
            return w
        out, last = [], 0
        for i in range(4, len(w) - 4):
            if w[i - 1] in VOWELS and w[i] not in VOWELS and w[i + 1] in VOWELS and i - last >= 3:
                out.append(w[last:i])
                last = i
        out.append(w[last:])
        return "\u00ad".join(out)

    return re.sub(r"(?<![\w-])[a-zæøåA-ZÆØÅ]+(?![\w-])", word, text)


def check_encoding(text: str, where: str) -> None:
    """The standard-14 fonts only have WinAnsi glyphs; fail loudly instead of boxes."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError as err:
        raise ValueError(f"{where}: character {text[err.start]!r} not in WinAnsi") from err


def length(text: str) -> float:
    """"3.5cm", "12mm", "14pt" or "14" (points) as points."""
    text = text.strip()
    for unit, factor in (("cm", cm), ("mm", mm), ("pt", 1.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)


def split_furniture(text: str) -> list[str]:
    """A header/footer "left | right" or "left | centre | right"; without "|" one part."""
    if "|" not in text:
        return [text]
    return [part.strip() for part in text.split("|")]


class PageMark(Flowable):
    """Zero-size marker giving the page it lands on its own header or footer text.

    For documents whose pages carry numbers of the original ("Side 5" after "Side 3",
    "2 / 38"): the text is drawn as that page's furniture instead of the running one.
    """

    def __init__(self, kind: str, text: str, registry: dict[tuple[str, int], str]) -> None:
        super().__init__()
        self.kind, self.text, self.registry = kind, text, registry
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.registry[(self.kind, self.canv.getPageNumber())] = self.text


class Anchor(Flowable):
    """Zero-size marker recording the page it lands on (for TOC and "(side N)")."""

    def __init__(self, key: str, registry: dict[str, int]) -> None:
        super().__init__()
        self.key, self.registry = key, registry
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.registry[self.key] = self.canv.getPageNumber()


class Overprint(Flowable):
    """Fake bold: the same regular-font paragraph drawn N times, shifted in x.

    Word does this for some printer drivers; pdfplumber then sees each glyph
    N times at nearly the same position.
    """

    def __init__(self, para: Paragraph, times: int, dx: float) -> None:
        super().__init__()
        self.para, self.times, self.dx = para, times, dx

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.para.wrap(availWidth - self.dx * self.times, availHeight)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.para.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.para.getSpaceAfter()

    def draw(self) -> None:
        for n in range(self.times):
            self.para.drawOn(self.canv, n * self.dx, 0)


# --------------------------------------------------------------------------- styles


@dataclass
class Styles:
    """Paragraph styles of one look, for body (agenda) or appendix text."""

    look: Look
    appendix: bool
    cache: dict[str, ParagraphStyle] = field(default_factory=dict)

    @property
    def font(self) -> str:
        return self.look.appendix_font if self.appendix else self.look.body_font

    @property
    def bold(self) -> str:
        # Fake bold draws the regular font several times; a uniform look has no bold at all.
        if self.look.overprint or self.look.uniform:
            return self.font
        return self.look.appendix_bold if self.appendix else self.look.body_bold

    @property
    def size(self) -> float:
        return self.look.appendix_size if self.appendix else self.look.body_size

    @property
    def _bullet_font(self) -> str:
        # ReportLab encodes "\u2022" in the WinAnsi fonts as code 127, which
        # pdfminer cannot map; the Symbol font's bullet extracts as "\u2022".
        return "Symbol" if self.look.bullet == "\u2022" else self.font

    def get(self, name: str) -> ParagraphStyle:
        if name not in self.cache:
            style = self._make(name)
            if self.look.uniform:  # text-only export: every style in the body font and size
                style.fontName = style.bulletFontName = self.font
                style.fontSize = style.bulletFontSize = self.size
                style.leading = self.look.leading
            self.cache[name] = style
        return self.cache[name]

    def variant(self, name: str, **changes: Any) -> ParagraphStyle:
        """Style `name` with some attributes changed (indent, alignment, spacing), cached."""
        if not changes:
            return self.get(name)
        key = name + repr(sorted(changes.items()))
        if key not in self.cache:
            self.cache[key] = ParagraphStyle(key, parent=self.get(name), **changes)
        return self.cache[key]

    def _make(self, name: str) -> ParagraphStyle:
        look, size = self.look, self.size
        lead = round(size * 1.3, 1)
        body_align = TA_JUSTIFY if look.justify else TA_LEFT
        hyph = dict(embeddedHyphenation=1, uriWasteReduce=0) if look.hyphenate else {}
        if name == "body":
            return ParagraphStyle(name, fontName=self.font, fontSize=size, leading=lead,
                                  spaceAfter=size * 0.6, alignment=body_align, **hyph)
        if name in ("bullet1", "bullet2"):
            indent = 14 if name == "bullet1" else 28
            return ParagraphStyle(name, fontName=self.font, fontSize=size, leading=lead,
                                  leftIndent=indent, bulletIndent=indent - 11,
                                  bulletFontName=self._bullet_font if name == "bullet1" else self.font, bulletFontSize=size,
                                  spaceAfter=size * 0.25, alignment=body_align, **hyph)
        if name == "title":  # item title / appendix title
            tsize = look.appendix_title_size if self.appendix else look.title_size
            return ParagraphStyle(name, fontName=self.bold, fontSize=tsize, leading=tsize * 1.25,
                                  spaceBefore=4, spaceAfter=tsize * 0.7)
        if name in ("h1", "h2", "h3"):
            base = look.appendix_heading_size if self.appendix else look.heading_size
            hsize = {"h1": base + 3, "h2": base, "h3": max(size, base - 1.5)}[name]
            return ParagraphStyle(name, fontName=self.bold, fontSize=hsize, leading=hsize * 1.25,
                                  spaceBefore=hsize * 0.8, spaceAfter=hsize * 0.35)
        if name == "label":  # "Åben", "Punkt 3."
            return ParagraphStyle(name, fontName=self.font, fontSize=size, leading=lead,
                                  spaceAfter=2)
        if name == "cell":
            return ParagraphStyle(name, fontName=self.font, fontSize=size - 1, leading=(size - 1) * 1.2)
        if name == "cellbold":
            return ParagraphStyle(name, fontName=self.bold, fontSize=size - 1, leading=(size - 1) * 1.2)
        if name == "cover1":
            return ParagraphStyle(name, fontName=self.bold, fontSize=size * 2.4, leading=size * 3,
                                  spaceAfter=size * 1.5)
        if name == "cover2":
            return ParagraphStyle(name, fontName=self.font, fontSize=size * 1.4, leading=size * 1.9,
                                  spaceAfter=size * 0.5)
        if name == "right":
            return ParagraphStyle(name, fontName=self.font, fontSize=size - 1, leading=lead,
                                  alignment=TA_RIGHT)
        # free layout (published documents): line styles set by the source
        if name == "masthead":  # document title ("Referat", "Dagsorden", the body)
            msize = look.title_size + 3
            return ParagraphStyle(name, fontName=self.bold, fontSize=msize, leading=msize * 1.25,
                                  spaceAfter=msize * 0.3)
        if name == "head":  # item heading ("12. Godkendelse af dagsorden")
            tsize = look.title_size
            return ParagraphStyle(name, fontName=self.bold, fontSize=tsize, leading=tsize * 1.25,
                                  spaceBefore=tsize * 0.9, spaceAfter=tsize * 0.45)
        if name == "line":  # a line of its own, no space after
            return ParagraphStyle(name, fontName=self.font, fontSize=size, leading=lead)
        if name == "linebold":
            return ParagraphStyle(name, fontName=self.bold, fontSize=size, leading=lead)
        if name == "small":
            return ParagraphStyle(name, fontName=self.font, fontSize=size - 1.5, leading=(size - 1.5) * 1.3)
        if name == "field":  # label/value block and tables at text size
            return ParagraphStyle(name, fontName=self.font, fontSize=size, leading=lead)
        if name == "fieldbold":
            return ParagraphStyle(name, fontName=self.bold, fontSize=size, leading=lead)
        raise KeyError(name)


# --------------------------------------------------------------------------- renderer


@dataclass
class ItemHeader:
    """Item directives collected until the first content block of the item."""

    number: str
    same_page: bool = False
    title: str = ""
    case: str = ""
    status: str = ""
    group: str = ""
    label: str = ""


class Renderer:
    """Turns a parsed Source into flowables for one look.

    `pages` holds the anchors found by the previous pass ("item:3" -> 9), so
    page references can be filled in on the next pass.
    """

    def __init__(self, source: Source, look: Look, pages: dict[str, int]) -> None:
        self.src, self.look, self.pages = source, look, pages
        self.body = Styles(look, appendix=False)
        self.app = Styles(look, appendix=True)
        self.in_appendix = False
        self.pending: ItemHeader | None = None
        self.anchors: dict[str, int] = {}
        self.marks: dict[tuple[str, int], str] = {}  # (header|footer, page) -> text, see PageMark
        self.indent = 0.0  # current @indent
        self.story: list[Flowable] = []
        self.started = False  # anything on the current page yet?

    # -- text helpers
    @property
    def st(self) -> Styles:
        return self.app if self.in_appendix else self.body

    def markup(self, text: str, hyphenate: bool = False) -> str:
        """Escape text, resolve {page:N}, optionally add soft hyphens."""
        check_encoding(text, text[:40])
        text = PAGE_REF.sub(lambda m: str(self.pages.get(f"item:{m.group(1)}", 99)), text)
        text = escape(text)
        if hyphenate and self.look.hyphenate:
            text = soft_hyphenate(text)
        if self.src.layout == "free":
            text = self.free_inline(text)
        return text.replace(" // ", "<br/>")

    def free_inline(self, text: str) -> str:
        """Inline markup of free-layout sources: **bold**; "\u2022" drawn from Symbol."""
        text = INLINE_BOLD.sub(lambda m: f'<font name="{self.st.bold}">{m.group(1)}</font>', text)
        if "\u2022" in text and not self.look.uniform:
            # the WinAnsi fonts would write it as code 127, which extractors cannot map
            text = text.replace("\u2022", '<font name="Symbol">\u2022</font>')
        return text

    def para(self, text: str, style: str, styles: Styles | None = None, variant: dict[str, Any] | None = None,
             **kw: Any) -> Flowable:
        styles = styles or self.st
        hyph = style in ("body", "bullet1", "bullet2")
        pstyle = styles.variant(style, **variant) if variant else styles.get(style)
        p = Paragraph(self.markup(text, hyphenate=hyph), pstyle, **kw)
        bold_style = style in ("title", "h1", "h2", "h3", "cover1", "cellbold", "masthead", "head",
                               "linebold", "fieldbold")
        if bold_style and self.look.overprint:
            return Overprint(p, self.look.overprint, self.look.overprint_dx)
        return p

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)
        self.started = True

    def new_page(self) -> None:
        if self.started:
            self.story.append(PageBreak())
        self.started = False

    def anchor(self, key: str) -> None:
        self.story.append(Anchor(key, self.anchors))

    # -- blocks
    def render(self) -> list[Flowable]:
        for block in self.src.blocks:
            handler = getattr(self, "do_" + block.kind, None)
            if handler is None:
                raise ValueError(f"line {block.line_no}: unknown directive @{block.kind}")
            if block.kind not in ("item", "title", "case", "status", "group", "label"):
                self.flush_item()
            handler(block)
        self.flush_item()
        return self.story

    def do_item(self, b: Block) -> None:
        self.flush_item()
        number, _, rest = b.text.partition(" ")
        self.pending = ItemHeader(number, same_page=rest.strip() == "same")

    def _set(self, attr: str, b: Block) -> None:
        if self.pending is None:
            raise ValueError(f"line {b.line_no}: @{b.kind} outside an item")
        setattr(self.pending, attr, b.text)

    def do_title(self, b: Block) -> None:
        self._set("title", b)

    def do_case(self, b: Block) -> None:
        self._set("case", b)

    def do_status(self, b: Block) -> None:
        self._set("status", b)

    def do_group(self, b: Block) -> None:
        self._set("group", b)

    def do_label(self, b: Block) -> None:
        self._set("label", b)

    def flush_item(self) -> None:
        """Emit the header of the pending item in the document family's style."""
        h, self.pending = self.pending, None
        if h is None:
            return
        self.in_appendix = False
        if not h.same_page:
            self.new_page()
        else:
            self.story.append(Spacer(1, self.look.body_size * 2))
        self.anchor(f"item:{h.number}")
        st = self.body
        if self.src.layout == "word":
            if h.group:
                self.add(self.para(h.group, "h1", st))
            if h.label:
                self.add(self.para(h.label, "label", st))
            self.add(self.para(f"{h.number}. {h.title}", "title", st))
        else:
            if h.group:
                self.add(self.para(h.group, "h2", st))
            if h.status:
                self.add(self.para(h.status, "label", st))
            self.add(self.para(h.label or f"Punkt {h.number}.", "label", st))
            self.add(self.para(h.title, "title", st))
            if h.case:
                self.add(self.para(h.case, "label", st), Spacer(1, 6))

    def do_appendix(self, b: Block) -> None:
        self.new_page()
        self.in_appendix = True
        self.anchor(f"appendix:{b.text}")
        if b.text:
            self.add(self.para(b.text, "title", self.app))

    def do_pagebreak(self, b: Block) -> None:
        self.new_page()

    def do_heading(self, b: Block) -> None:
        self.add(CondPageBreak(self.look.body_size * 5))
        self.add(self.para(b.text, f"h{min(b.level, 3)}"))

    def do_para(self, b: Block) -> None:
        self.add(self.para(b.text, "body"))

    def do_bullet(self, b: Block) -> None:
        glyph = self.look.bullet if b.level == 1 else self.look.subbullet
        if self.src.layout != "free":
            self.add(self.para(b.text, f"bullet{b.level}", bulletText=glyph))
            return
        variant = {}
        own = self.src.meta.get("bullets", "").split()
        if own and self.look.doc_bullets:
            # the document's own glyphs ("·", "•", "-"); "•" from Symbol (see Styles._bullet_font)
            glyph = own[min(b.level, len(own)) - 1]
            variant["bulletFontName"] = "Symbol" if glyph == "\u2022" else self.st.font
        style = self.st.get(f"bullet{b.level}")
        text = self.fit_breaks(b.text, style, style.leftIndent)
        self.add(self.para(text, f"bullet{b.level}", variant=variant or None, bulletText=glyph))

    def do_right(self, b: Block) -> None:
        """A right-aligned line (letterhead address, dates)."""
        self.add(self.para(b.text, "right"))

    def do_space(self, b: Block) -> None:
        self.story.append(Spacer(1, float(b.text or 12)))

    def do_cover(self, b: Block) -> None:
        self.new_page()
        self.add(Spacer(1, self.look.pagesize[1] * 0.18))
        for n, line in enumerate(b.lines):
            self.add(self.para(line, "cover1" if n == 0 else "cover2"))
        self.new_page()

    do_titlepage = do_cover

    def do_toc(self, b: Block) -> None:
        """Table of contents: items with the page they start on (from the last pass)."""
        st = self.body
        self.new_page()
        if b.text:
            self.add(self.para(b.text, "h1", st))
        rows: list[list[Flowable]] = []
        group = ""
        for blk in self._items():
            if blk["status"] and blk["status"] != group:
                group = blk["status"]
                rows.append([self.para(group, "cellbold", st), ""])
            page = self.pages.get(f"item:{blk['number']}", 99)
            rows.append([self.para(f"{blk['number']}. {blk['title']}", "cell", st),
                         self.para(str(page), "cell", st)])
        width = self.frame_width
        table = Table(rows, colWidths=[width - 40, 40])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        self.add(table)
        self.new_page()

    def _items(self) -> list[dict[str, str]]:
        items, cur = [], None
        for blk in self.src.blocks:
            if blk.kind == "item":
                cur = {"number": blk.text.split()[0], "title": "", "status": ""}
                items.append(cur)
            elif cur is not None and blk.kind in ("title", "status"):
                cur[blk.kind] = blk.text
        return items

    @property
    def frame_width(self) -> float:
        return self.look.pagesize[0] - self.look.left - self.look.right

    def do_meeting(self, b: Block) -> None:
        """Meeting block: left labels (Tid, Sted, ...), values on the right."""
        st = self.body
        if b.text:
            self.add(self.para(b.text, "h1", st))
        rows = []
        for line in b.lines:
            label, _, value = line.partition(":")
            rows.append([self.para(label.strip(), "cellbold", st), self.para(value.strip(), "cell", st)])
        table = Table(rows, colWidths=[3.2 * 28.35, self.frame_width - 3.2 * 28.35])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                                   ("LEFTPADDING", (0, 0), (0, -1), 0)]))
        self.add(table, Spacer(1, 12))
        if b.options.get("break", "no") == "yes":
            self.new_page()

    def do_table(self, b: Block) -> None:
        """A table; 'grid' draws cell rules, header=N bolds the first N rows."""
        st = self.st
        # Split on every "|" so empty cells survive (" | År 2023", "Label | | | 18.627"); the
        # parser strips lines, which turned a leading " | " into text of the first cell.
        rows = [[c.strip() for c in line.split("|")] for line in b.lines]
        ncols = max(len(r) for r in rows)
        header = int(b.options.get("header", "1" if "grid" in b.text else "0"))
        boldcol = b.options.get("boldcol", "no") == "yes"
        cells = []
        # text=body: cells at text size (label/value rows, contents); align=l,l,r per column
        regular, bold = ("field", "fieldbold") if b.options.get("text") == "body" else ("cell", "cellbold")
        aligns = [ALIGN[a] for a in b.options.get("align", "").split(",") if a]
        for r, row in enumerate(rows):
            row = row + [""] * (ncols - len(row))
            line = []
            for k, c in enumerate(row):
                name = bold if r < header or (boldcol and k == 0) else regular
                variant = {"alignment": aligns[k]} if k < len(aligns) and aligns[k] != TA_LEFT else None
                line.append(self.para(c, name, st, variant=variant))
            cells.append(line)
        if "widths" in b.options:
            weights = [float(w) for w in b.options["widths"].split(",")]
        else:
            weights = [2.0] + [1.0] * (ncols - 1)
        total = sum(weights)
        widths = [(self.frame_width - self.indent) * w / total for w in weights]
        style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if "grid" in b.text:
            style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
            if header:
                style += [("BACKGROUND", (0, 0), (-1, header - 1), colors.Color(0.88, 0.88, 0.88))]
        else:
            style += [("LEFTPADDING", (0, 0), (0, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
        table = Table(cells, colWidths=widths, repeatRows=header if "grid" in b.text else 0)
        table.setStyle(TableStyle(style))
        # Short tables are kept on one page, as an author would arrange them.
        self.add(Spacer(1, 4), KeepTogether([table]) if len(rows) <= 20 else table, Spacer(1, 8))

    # -- free layout: published documents, every line placed by the source

    def do_masthead(self, b: Block) -> None:
        self.add(self.para(b.text, "masthead"))

    def do_head(self, b: Block) -> None:
        """An item heading as printed ("12.   Godkendelse af dagsorden"; " // " breaks a line)."""
        self.add(CondPageBreak(self.look.body_size * 6))
        self.add(self.line(b.text, "head", 0.0, {}))

    def line(self, text: str, name: str, indent: float, variant: dict[str, Any]) -> Flowable:
        """One kept line; "N.<spaces>text" becomes the number and the text at a tab stop,
        with wrapped lines under the text (Word's numbered paragraph)."""
        match = TABBED.match(text)
        style = self.st.get(name)
        if match is None:
            if indent:
                variant = {**variant, "leftIndent": indent}
            return self.para(self.fit_breaks(text, style, indent), name, variant=variant or None)
        marker, gap, rest = match.groups()
        if marker in ("\u2022", "\u00b7") and not self.look.doc_bullets:
            marker = self.look.bullet
        font = "Symbol" if marker == "\u2022" else style.fontName
        tab = max(stringWidth(marker, font, style.fontSize) + 6,
                  (len(marker) + len(gap)) * 0.5 * style.fontSize)
        variant = {**variant, "leftIndent": indent + tab, "bulletIndent": indent,
                   "bulletFontName": font, "bulletFontSize": style.fontSize}
        return self.para(self.fit_breaks(rest, style, indent + tab), name, variant=variant, bulletText=marker)

    def fit_breaks(self, text: str, style: ParagraphStyle, indent: float) -> str:
        """Keep the " // " line breaks of a wrapped title only where its lines fit the page.

        The breaks are where the original wrapped; in a larger font or a narrower column
        the first line would wrap again and leave a stub line, so the text wraps freely.
        """
        if " // " not in text:
            return text
        room = self.frame_width - self.indent - indent
        parts = INLINE_BOLD.sub(r"\1", text).split(" // ")
        if all(stringWidth(part, style.fontName, style.fontSize) <= room for part in parts):
            return text
        return text.replace(" // ", " ")

    LINE_STYLES = {"line": "line", "bold": "linebold", "head": "head", "masthead": "masthead",
                   "small": "small", "body": "body"}

    def do_lines(self, b: Block) -> None:
        """Lines kept as written: each its own line, leading spaces kept as indentation.

        An indented line aligns with the word of the line above that starts in the same
        column (a title's second line under its first word, "1. at ..." under a lead-in),
        otherwise it is indented by half an em per space. Blank lines stay blank lines.
        Options: a style (line, bold, head, masthead, small, body), align=right|center.
        """
        name = self.LINE_STYLES[b.text or "line"]
        st = self.st
        base = st.get(name)
        align = ALIGN[b.options["align"]] if "align" in b.options else None
        if name == "head":
            self.add(CondPageBreak(self.look.body_size * 6))
        lines = list(b.lines)
        while lines and not lines[-1].strip():
            lines.pop()
        prev, prev_indent = "", 0.0
        last = max((k for k, raw in enumerate(lines) if raw.strip()), default=-1)
        first = True
        for k, raw in enumerate(lines):
            if not raw.strip():
                self.add(Spacer(1, base.leading))
                prev, prev_indent = "", 0.0
                continue
            spaces = len(raw) - len(raw.lstrip(" "))
            indent = self._column(prev, prev_indent, spaces, base)
            variant: dict[str, Any] = {}
            if align is not None:
                variant["alignment"] = align
            if not first:
                variant["spaceBefore"] = 0
            if k != last and base.spaceAfter:
                variant["spaceAfter"] = 0
            self.add(self.line(raw.strip(), name, indent, variant))
            prev, prev_indent, first = raw, indent, False
        if name in ("line", "linebold", "small"):
            self.add(Spacer(1, self.st.size * 0.6))

    @staticmethod
    def _column(prev: str, prev_indent: float, spaces: int, style: ParagraphStyle) -> float:
        if not spaces:
            return 0.0
        if len(prev) > spaces and prev[spaces - 1] == " " and prev[spaces] != " ":
            head = prev[:spaces]
            lead = len(head) - len(head.lstrip(" "))
            shown = " ".join(head.split()) + " " if head.strip() else ""
            return (prev_indent if lead else 0.0) + stringWidth(shown, style.fontName, style.fontSize)
        return spaces * style.fontSize * 0.5

    def do_fields(self, b: Block) -> None:
        """Label/value block in two columns, labels as printed ("Mødedato:", "UDVALG").

        A line splits at " | " if it has one, else after its first colon. Options:
        label=WIDTH (default 3.5cm), bold=no (labels in the text font).
        """
        st = self.st
        label_name = "field" if b.options.get("bold", "yes") == "no" else "fieldbold"
        rows = []
        for line in b.lines:
            if " | " in line or line.endswith(" |"):
                label, _, value = line.partition(" |")
            else:
                label, colon, value = line.partition(":")
                label += colon
            rows.append([self.para(label.strip(), label_name, st), self.para(value.strip(), "field", st)])
        width = length(b.options.get("label", "3.5cm"))
        table = Table(rows, colWidths=[width, self.frame_width - self.indent - width])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (0, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        self.add(Spacer(1, 2), table, Spacer(1, self.st.size * 0.8))

    def do_contents(self, b: Block) -> None:
        """A printed table of contents: "N. | Title | page" rows, the page number at the right
        margin on the title's last line, joined to it by a dot leader (leader=no: no leader,
        the number on the title's first line).

        The page numbers are the printed ones (of the original), not computed.
        Options: widths=1,12,1.5 (number, title, page), bold=yes (all rows bold), header=N
        (the first N rows are column heads).
        """
        st = self.st
        name = "fieldbold" if b.options.get("bold") == "yes" else "field"
        style = st.get(name)
        weights = [float(w) for w in b.options.get("widths", "1,12,1.5").split(",")]
        total = sum(weights)
        widths = [(self.frame_width - self.indent) * w / total for w in weights]
        leader = b.options.get("leader", "yes") != "no"
        header = int(b.options.get("header", "0"))  # column heads ("Sag nr.", "Side"): no leader
        rows: list[list[Any]] = []
        spans = []
        for r, line in enumerate(b.lines):
            cells = [c.strip() for c in line.split("|")] + ["", ""]
            number, title, page = cells[:3]
            if number and not title:  # "Bilagsliste .... 8": one text over number and title
                if leader and page and r >= header:
                    number = self._with_leader(number, style, widths[0] + widths[1] - 6)
                rows.append([self.para(number, name, st), "",
                             self.para(page, name, st, variant={"alignment": TA_RIGHT})])
                spans.append(("SPAN", (0, r), (1, r)))
                continue
            if leader and title and page and r >= header:
                title = self._with_leader(title, style, widths[1] - 12)
            rows.append([self.para(number, name, st), self.para(title, name, st),
                         self.para(page, name, st, variant={"alignment": TA_RIGHT})])
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (1, -1), "TOP"),
                                   ("VALIGN", (2, 0), (2, -1), "BOTTOM" if leader else "TOP"),
                                   ("LEFTPADDING", (0, 0), (0, -1), 0),
                                   ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 3)] + spans))
        self.add(Spacer(1, 2), table, Spacer(1, self.st.size * 0.8))

    def _with_leader(self, text: str, style: ParagraphStyle, width: float) -> str:
        """`text` and as many dots as fill its last line."""
        probe = Paragraph(self.markup(text), style)
        probe.wrap(width, 1e6)
        last = probe.blPara.lines[-1]
        free = last[0] if isinstance(last, tuple) else last.extraSpace
        dot = stringWidth(".", style.fontName, style.fontSize)
        space = stringWidth(" ", style.fontName, style.fontSize)
        count = int((free - space) // dot) - 2  # a little room: cells round differently
        if count < 3:  # no room: the leader gets a line of its own
            return text + " // " + "." * int((width - 1) // dot)
        return text + " " + "." * count

    def do_indent(self, b: Block) -> None:
        """Indent what follows by LENGTH (absolute; "@indent 0" ends it): nested web content."""
        new = length(b.text or "0")
        if new != self.indent:
            self.story.append(Indenter(left=new - self.indent))
            self.indent = new

    def do_pageheader(self, b: Block) -> None:
        self.story.append(PageMark("header", b.text, self.marks))

    def do_pagefooter(self, b: Block) -> None:
        self.story.append(PageMark("footer", b.text, self.marks))


# --------------------------------------------------------------------------- document


def _page_furniture(src: Source, look: Look, total: dict[str, int],
                    marks: dict[tuple[str, int], str] | None = None):
    """Return the onPage callback drawing running header and footer.

    `marks` are the pages' own header/footer texts found by the previous pass (PageMark);
    "none" switches a running header/footer off; "left | right" splits it.
    """
    width, height = look.pagesize
    header = src.meta.get("header", look.header_format)
    footer = src.meta.get("footer", look.footer_format)
    marks = marks if marks is not None else {}
    free = src.layout == "free"

    def put(canvas: Canvas, text: str, y: float, align: str) -> None:
        parts = split_furniture(text)
        if len(parts) == 1:
            spots = [(align, parts[0])]
        elif len(parts) == 2:
            # a long left part (a web address) is cut short before the right one, as browsers do
            font, size = canvas._fontname, canvas._fontsize
            room = width - look.left - look.right - stringWidth(parts[1], font, size) - 24
            left = parts[0]
            if stringWidth(left, font, size) > room:
                while left and stringWidth(left + "...", font, size) > room:
                    left = left[:-1]
                left += "..."
            spots = [("left", left), ("right", parts[1])]
        else:
            spots = [("left", parts[0]), ("center", " ".join(parts[1:-1])), ("right", parts[-1])]
        for where, part in spots:
            if not part:
                continue
            if where == "right":
                canvas.drawRightString(width - look.right, y, part)
            elif where == "center":
                canvas.drawCentredString(look.left + (width - look.left - look.right) / 2, y, part)
            else:
                canvas.drawString(look.left, y, part)

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        page = canvas.getPageNumber()
        total["seen"] = max(total.get("seen", 0), page)
        values = {"page": page, "pages": total.get("pages", 99), "url": src.meta.get("url", ""),
                  "title": src.meta.get("doctitle", ""), "printed": look.printed}
        canvas.saveState()
        canvas.setFont(look.body_font, look.furniture_size)
        canvas.setFillGray(look.furniture_grey)
        y_head = height - look.top * 0.55
        y_foot = look.bottom * 0.45
        head = marks.get(("header", page), header)
        foot = marks.get(("footer", page), footer)
        head, foot = ("" if t == "none" else t for t in (head, foot))
        for text, y, align in ((head, y_head, look.header_align), (foot, y_foot, look.footer_align)):
            if not text:
                continue
            put(canvas, text.format(**values), y, align)
        if look.header_rule and (head or not free):
            canvas.setStrokeGray(0.7)
            canvas.setLineWidth(0.3)
            canvas.line(look.left, y_head - 4, width - look.right, y_head - 4)
        if look.chrome_header or look.chrome_footer:
            # browser print furniture, nearer the paper edge than the document's own
            canvas.setFont(look.body_font, look.chrome_size)
            canvas.setFillGray(0)
            for text, y in ((look.chrome_header, height - 0.7 * cm), (look.chrome_footer, 0.55 * cm)):
                if text:
                    put(canvas, text.format(**values), y, "left")
        canvas.restoreState()

    return draw


def render_pdf(source_path: Path, look: Look, out_path: Path) -> int:
    """Render one source in one look; returns the page count.

    Builds repeatedly until the page references (TOC, "(side N)", "af M")
    are stable, usually two passes.
    """
    src = load(source_path)
    pages: dict[str, int] = {}
    total: dict[str, int] = {}
    marks: dict[tuple[str, int], str] = {}
    for _ in range(4):
        renderer = Renderer(src, look, pages)
        story = renderer.render()
        doc = BaseDocTemplate(
            str(out_path), pagesize=look.pagesize, leftMargin=look.left, rightMargin=look.right,
            topMargin=look.top, bottomMargin=look.bottom, invariant=1,
            title=src.meta.get("doctitle", source_path.stem), author="dagsorden corpus",
            creator="dagsorden corpus builder", producer="ReportLab PDF Library",
        )
        frame = Frame(look.left, look.bottom, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=_page_furniture(src, look, total, marks))])
        total["seen"] = 0
        doc.build(story)
        stable = renderer.anchors == pages and total.get("pages") == total["seen"] and renderer.marks == marks
        pages = dict(renderer.anchors)
        marks = dict(renderer.marks)
        total["pages"] = total["seen"]
        if stable:
            break
    return total["pages"]


# --------------------------------------------------------------------------- cache / CLI


def sources() -> list[Path]:
    return sorted(SOURCES.glob("*.txt"))


def render_cached(out_dir: Path, names: list[str], looks: dict[str, Look],
                  inputs: list[tuple[Path, float]]) -> list[Path]:
    """Render OUT/<look>/<stem>.pdf for every (source, newest input time) in every named look,
    skipping PDFs newer than their inputs and the builder; written atomically."""
    unknown = [n for n in names if n not in looks]
    if unknown:
        raise ValueError(f"unknown look(s) {unknown}; known: {sorted(looks)}")
    newest_code = max(p.stat().st_mtime for p in BUILDER_FILES)
    written: list[Path] = []
    for name in names:
        folder = Path(out_dir) / name
        folder.mkdir(parents=True, exist_ok=True)
        for src, changed in inputs:
            out = folder / f"{src.stem}.pdf"
            if not (out.exists() and out.stat().st_mtime > max(newest_code, changed)):
                tmp = out.with_suffix(".pdf.tmp")
                render_pdf(src, looks[name], tmp)
                tmp.replace(out)
            written.append(out)
    return written


def build_corpus(out_dir: Path, looks: list[str] | None = None) -> list[Path]:
    """Build OUT/<look>/<stem>.pdf for every source; skip PDFs newer than their inputs."""
    def changed(src: Path) -> float:
        seed = HERE / "seeds" / src.name
        return max(src.stat().st_mtime, seed.stat().st_mtime if seed.exists() else 0)

    return render_cached(out_dir, looks or list(LOOKS), LOOKS, [(src, changed(src)) for src in sources()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--look", action="append", choices=sorted(LOOKS), help="default: all looks")
    args = parser.parse_args(argv)
    for path in build_corpus(args.out_dir, args.look):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
