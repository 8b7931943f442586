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

LOOKS: dict[str, Look] = {look.name: look for look in (CLASSIC, MODERN, OVERPRINT)}
