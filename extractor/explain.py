"""Why each line was read the way it was: every line's role and the evidence for it, drawn
onto page images and listed as text (`dagsorden explain`).

Why: when an item is missed, a maintainer or a secretariat user needs to see at once which
line the segmenter took for what: a running header, an item heading, a title, a section
heading, a list entry (recommendation or attachment), body text or a bound appendix.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageDraw

from dagsorden.extractor.facts.document import column_edge
from dagsorden.extractor.facts.items import ItemBody, attachments_from
from dagsorden.extractor.facts.recommendations import recommendations_of
from dagsorden.extractor.pipeline import read_document, segment_document
from dagsorden.extractor.read.render import render_page
from dagsorden.extractor.segment.appendices import appendix_evidence
from dagsorden.extractor.segment.sections import heading_evidence
from dagsorden.extractor.settings import ExtractSettings
from dagsorden.models import BBox, Segment, SegmentedDocument, StyledLine

# Role -> outline colour (RGB) on the page image.
ROLE_COLOURS: dict[str, tuple[int, int, int]] = {
    "running": (150, 150, 150),
    "front": (90, 90, 200),
    "item heading": (220, 0, 0),
    "title": (230, 120, 0),
    "section heading": (0, 140, 0),
    "recommendation": (160, 0, 160),
    "attachment": (0, 150, 170),
    "body": (60, 60, 60),
    "bound appendix": (180, 160, 0),
}
SCALE = 1.5


MIN_TITLE_PART = 12  # characters: shorter lines could be any title's last word


@dataclass(frozen=True)
class LineRole:
    page: int
    bbox: BBox
    text: str
    role: str
    evidence: str


def line_key(line: StyledLine) -> tuple[int, float, float]:
    return (line.page, line.top, line.x0)


def roles_of(doc: SegmentedDocument) -> list[LineRole]:
    """Every line of the document with its role and evidence, in reading order."""
    roles: dict[tuple[int, float, float], LineRole] = {}

    def mark(line: StyledLine, role: str, evidence: str) -> None:
        earlier = roles.get(line_key(line))  # a point cut out of its line keeps the line as printed
        text = earlier.text if earlier else line.text
        roles[line_key(line)] = LineRole(line.page, line.bbox, text, role, evidence)

    for page in doc.pdf.pages:
        for line in page.running:
            mark(line, "running", f"a running {line.role}: repeated at this spot, or a page number")
    bound = appendix_evidence(doc.pdf, {s.page_start for s in doc.of_kind("item") if s.page_start})
    edge = column_edge(doc.pdf.body_lines())
    for segment in doc.segments:
        if segment.kind in ("front", "body"):
            for line in segment.lines:
                mark(line, "front" if segment.kind == "front" else "body",
                     "before the first item" if segment.kind == "front" else "no items found in the document")
        elif segment.kind == "appendix":
            for line in segment.lines:
                mark(line, "bound appendix", bound.get(line.page) or segment.evidence or "a page bound in after the item")
        else:
            mark_item(segment, mark, edge)
    return sorted(roles.values(), key=lambda r: (r.page, r.bbox[1], r.bbox[0]))


def mark_item(segment: Segment, mark: Callable[[StyledLine, str, str], None], column_edge: float) -> None:
    """The roles of an item's lines: heading, title, section headings, points, attachments, text,
    read as extraction reads them (facts/items.py: ItemBody, the document's column edge)."""
    for k, line in enumerate(segment.heading_lines):
        role = "item heading" if k == 0 else "title"
        mark(line, role, segment.evidence or f"item {segment.item}")
    body = ItemBody.of(segment)
    for line in segment.lines:
        evidence = heading_evidence(line, body.body_size)
        if evidence:
            mark(line, "section heading", evidence)
        else:
            mark(line, "body", f"text of item {segment.item}")
    for _, line in recommendations_of(body.sections, body.edge, body.gap):
        mark(line, "recommendation", f"a point of item {segment.item}'s recommendation")
    attached = {a.title for a in attachments_from(body.sections, max(body.edge, column_edge), body.gap)}
    for line in segment.lines:
        if any(prints_part_of(" ".join(line.text.split()), title) for title in attached):
            mark(line, "attachment", f"an attachment of item {segment.item}")


def prints_part_of(text: str, title: str) -> bool:
    """Whether a line prints the title ("Bilag 3: Title" too) or, where the title wraps, its
    first part (a word hyphenated at the line's end too) or its last part, of at least
    MIN_TITLE_PART characters."""
    if text == title or text.endswith(title):
        return True
    return len(text) >= MIN_TITLE_PART and (title.startswith(text.rstrip("-")) or title.endswith(text))


def explain(path: Path, settings: ExtractSettings | None = None) -> tuple[SegmentedDocument, list[LineRole]]:
    doc = segment_document(read_document(path, settings))
    return doc, roles_of(doc)


def listing(roles: list[LineRole], page: int | None = None) -> str:
    """One line per text line: page, position, role, text and the evidence."""
    out = []
    for r in roles:
        if page is None or r.page == page:
            out.append(f"p{r.page:<3} y={r.bbox[1]:6.1f}  {r.role:<16} {r.text[:70]!r:<74} {r.evidence}")
    return "\n".join(out)


def draw_pages(path: Path, roles: list[LineRole], out_dir: Path, page: int | None = None,
               password: str | None = None) -> list[Path]:
    """PNG images of the pages with each line boxed in its role's colour and a legend."""
    out_dir.mkdir(parents=True, exist_ok=True)
    numbers = sorted({r.page for r in roles} if page is None else {page})
    written = []
    for number in numbers:
        rendered = render_page(path, number, SCALE, password=password)
        image = rendered.image.convert("RGB")
        draw = ImageDraw.Draw(image)
        for r in roles:
            if r.page == number:
                x0, top, x1, bottom = (v * rendered.scale for v in r.bbox)
                draw.rectangle((x0 - 1, top - 1, x1 + 1, bottom + 1), outline=ROLE_COLOURS[r.role], width=2)
        for k, (role, colour) in enumerate(ROLE_COLOURS.items()):
            draw.rectangle((6, 6 + 12 * k, 16, 14 + 12 * k), fill=colour)
            draw.text((20, 4 + 12 * k), role, fill=colour)
        target = out_dir / f"{path.stem}-p{number:03d}.png"
        image.save(target)
        written.append(target)
    return written
