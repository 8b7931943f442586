"""The visual variants ("looks") the corpus is rendered in.

One source is rendered in several looks so the extractor is tested against
layout differences (fonts, sizes, margins, page furniture, fake bold,
hyphenation) rather than against one renderer's habits.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import cm


@dataclass(frozen=True)
class Look:
    """Everything that differs between looks; the renderer reads only this."""

    name: str
    pagesize: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    body_font: str
    body_bold: str
    appendix_font: str
    appendix_bold: str
    body_size: float
    title_size: float  # item titles
    heading_size: float  # Resume / Baggrund / Indstilling ...
    appendix_size: float
    appendix_title_size: float
    appendix_heading_size: float
    furniture_size: float = 8.0
    furniture_grey: float = 0.45
    footer_align: str = "center"  # "center" | "right" | "left"
    footer_format: str = "Side {page} af {pages}"  # a source's @footer overrides it
    header_align: str = "left"
    bullet: str = "\u2022"
    subbullet: str = "\u2013"
    justify: bool = False
    hyphenate: bool = False  # break long words at line end with a real "-"
    overprint: int = 0  # >1: headings drawn N times in the regular font (fake bold)
    overprint_dx: float = 0.4
    # Export styles (used by the wild corpus; the defaults leave the DAS looks as they were):
    header_format: str = ""  # running header when a source has no @header
    header_rule: bool = True  # hairline under the header (free-layout sources: only under a header)
    chrome_header: str = ""  # browser print furniture at the page edge, on top of the document's own
    chrome_footer: str = ""
    chrome_size: float = 7.0
    printed: str = ""  # fixed "print time" for {printed}, so output stays reproducible
    uniform: bool = False  # one font and one size for everything, no bold (text-only export)
    doc_bullets: bool = True  # a source's @bullets glyphs win over the look's

    @property
    def leading(self) -> float:
        return round(self.body_size * 1.3, 1)


CLASSIC = Look(
    name="classic",
    pagesize=A4,
    left=2.5 * cm,
    right=2.5 * cm,
    top=2.5 * cm,
    bottom=2.5 * cm,
    body_font="Helvetica",
    body_bold="Helvetica-Bold",
    appendix_font="Times-Roman",
    appendix_bold="Times-Bold",
    body_size=10,
    title_size=14,
    heading_size=11,
    appendix_size=11,
    appendix_title_size=16,
    appendix_heading_size=13,
)

MODERN = Look(
    name="modern",
    pagesize=LETTER,
    left=2.0 * cm,
    right=3.0 * cm,
    top=2.2 * cm,
    bottom=2.8 * cm,
    body_font="Times-Roman",
    body_bold="Times-Bold",
    appendix_font="Helvetica",
    appendix_bold="Helvetica-Bold",
    body_size=11.5,
    title_size=17,
    heading_size=12.5,
    appendix_size=10,
    appendix_title_size=14,
    appendix_heading_size=11.5,
    footer_align="right",
    header_align="right",
    bullet="\u2013",
    subbullet="-",
    justify=True,
    hyphenate=True,
)

# Classic's page and fonts, with headings made as fake bold and a bare page number.
OVERPRINT = replace(
    CLASSIC,
    name="overprint",
    body_size=10.5,
    heading_size=10.5,
    appendix_title_size=15,
    appendix_heading_size=12,
    footer_format="{page}",
    bullet="-",
    subbullet="o",
    overprint=3,
)

# The looks of the DAS corpus (corpus/sources). Kept as they are: their PDFs are pinned by tests.
LOOKS: dict[str, Look] = {look.name: look for look in (CLASSIC, MODERN, OVERPRINT)}

# --------------------------------------------------------------------------- export styles
# Looks imitating how Danish agenda systems and their users turn a meeting into a PDF. They
# are rendered for the wild corpus (corpus/wild); `ALL_LOOKS` is what `dagsorden.corpus.wild`
# builds by default.

# A browser's "print" of the agenda web page: Arial-like sans, headings only a little larger
# and bold, narrow margins, and the browser's own furniture at the page edge: print time and
# page title at the top, the page address and "1/3" at the bottom. The document itself has no
# running footer (web pages have none).
WEBPRINT = Look(
    name="webprint",
    pagesize=A4,
    left=1.2 * cm,
    right=1.2 * cm,
    top=1.6 * cm,
    bottom=1.6 * cm,
    body_font="Helvetica",
    body_bold="Helvetica-Bold",
    appendix_font="Helvetica",
    appendix_bold="Helvetica-Bold",
    body_size=9.5,
    title_size=11.5,
    heading_size=10,
    appendix_size=9.5,
    appendix_title_size=11.5,
    appendix_heading_size=10,
    furniture_size=7.5,
    footer_format="",
    footer_align="right",
    header_rule=False,
    chrome_header="{printed} | {title}",
    chrome_footer="{url} | {page}/{pages}",
    printed="12.03.2024 14:07",
)

# A text-only export (the agenda system's "tekstversion", or a .txt printed): one monospaced
# font in one size, no bold, no larger headings, the look's own "-" bullets and no running
# header or footer. Headings can only be told by their words and their place: a hard case on
# purpose.
PLAIN = Look(
    name="plain",
    pagesize=A4,
    left=2.0 * cm,
    right=2.0 * cm,
    top=2.0 * cm,
    bottom=2.0 * cm,
    body_font="Courier",
    body_bold="Courier",
    appendix_font="Courier",
    appendix_bold="Courier",
    body_size=9,
    title_size=9,
    heading_size=9,
    appendix_size=9,
    appendix_title_size=9,
    appendix_heading_size=9,
    furniture_size=9,
    furniture_grey=0.0,
    footer_format="",
    header_rule=False,
    bullet="-",
    subbullet="-",
    uniform=True,
    doc_bullets=False,
)

# A Word document as eDoc/Acadre/SBSYS export it: Times 11pt on A4, item headings bold with
# their number and hardly larger than the text, bold section labels, "Side N af M" at the
# bottom right.
EDOC = Look(
    name="edoc",
    pagesize=A4,
    left=2.5 * cm,
    right=2.0 * cm,
    top=2.5 * cm,
    bottom=2.2 * cm,
    body_font="Times-Roman",
    body_bold="Times-Bold",
    appendix_font="Times-Roman",
    appendix_bold="Times-Bold",
    body_size=11,
    title_size=12,
    heading_size=11,
    appendix_size=11,
    appendix_title_size=12,
    appendix_heading_size=11,
    furniture_size=9,
    footer_format="Side {page} af {pages}",
    footer_align="right",
    header_rule=False,
)

EXPORT_LOOKS: dict[str, Look] = {look.name: look for look in (WEBPRINT, PLAIN, EDOC)}
ALL_LOOKS: dict[str, Look] = {**LOOKS, **EXPORT_LOOKS}
