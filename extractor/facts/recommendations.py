"""An item's sections -> its recommendations: one entry per point, with the page it is on.

The points follow a lead-in, which names who recommends and to whom and is not itself a
point: "Det indstilles, at", "Center for X indstiller, at <point>", "Administrationen
indstiller," / "Direktøren indstiller til Udvalget for Kultur og Fritid:", "... indstiller,
at Økonomiudvalget over for Byrådet anbefaler," and a proposal without an Indstilling
heading ("Staben foreslår, at ..."). Points are bullets, numbered lines ("1. at ...",
"a) At ...") or "at ..." lines; a point that wraps is one point. An earlier body's verdict
printed after them ("Økonomiudvalget: Indstilles godkendt.") is not a point.
"""
from __future__ import annotations

import re
from dataclasses import replace

from dagsorden.extractor.danish.committees import COMMITTEE_NAME, committee_names
from dagsorden.extractor.danish.headings import (
    AGENDA_GROUP,
    ATTENDANCE_LINE,
    ATTENDANCE_SENTENCE,
    DECISION_HEADING,
    RECOMMENDATION_HEADING,
    SECTION_OR_TITLE,
)
from dagsorden.extractor.danish.sentences import first_sentence
from dagsorden.extractor.segment.lines import URL, lines_to_entries
from dagsorden.extractor.segment.sections import Sections
from dagsorden.models import StyledLine

# The verb of a lead-in; what follows it decides whether the line is a lead-in at all.
LEAD_VERBS = "indstiller|indstilles|foreslår|foreslås"
LEAD_VERB = re.compile(rf"\b(?:{LEAD_VERBS})\b", re.IGNORECASE)
RECOMMENDS = re.compile(r"\b(?:indstiller|indstilles)\b", re.IGNORECASE)
# Under an Indstilling/Anbefaling heading "Forvaltningen anbefaler," leads in too; elsewhere
# "X anbefaler, at" is as often an earlier body's verdict.
SECTION_LEAD_VERB = re.compile(rf"\b(?:{LEAD_VERBS}|anbefaler)\b", re.IGNORECASE)
AT_AFTER_VERB = re.compile(r"^\s*,?\s*at\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
MARK_AFTER_VERB = re.compile(r"^\s*[,:]\s*(?P<rest>.*)$")
# "(12. maj 2011, pkt. 71)": the meeting of the body that recommends, printed after its verb.
REFERENCE_AFTER_VERB = re.compile(r"^\s*\([^()]{0,60}\d[^()]{0,60}\)")
ADDRESSEE = re.compile(r"^\s+(?:til|over for|overfor)(?:\s+(?P<who>.*))?$", re.IGNORECASE)
ADDRESSEE_END = re.compile(r"(?:,\s*at\b\s*:?|\s+at\b\s*:?|:|,)\s*", re.IGNORECASE)
# "Økonomiudvalget: Indstilles godkendt." — an earlier body's verdict, not a point.
VERDICT = re.compile(rf"^(?:{COMMITTEE_NAME.pattern})\s*:\s*\S")
# "Natur- og Fritidsudvalget den 3. marts 2021:" over its verdict: an earlier body's, not a point.
DATED_VERDICT = re.compile(rf"^(?:{COMMITTEE_NAME.pattern}) den \d[^:]{{3,30}}:(?:\s|$)")
# "Økonomiudvalget anbefaler indstillingen.": an earlier body's verdict printed as a sentence.
VERDICT_SENTENCE = re.compile(rf"^(?:{COMMITTEE_NAME.pattern})\s+(?:anbefaler|anbefalede|tiltræder|tiltrådte|"
                              rf"godkender|godkendte)\s+(?:indstillingen|sagen|forslaget)\b")
POINT_START = re.compile(r"^(?:at|At|AT)\b|^\(cid:\d+\)|^[•\u2022\u25cf\u25aa\-–·*\uf0b7\uf0a7]|^\(?[a-z\d]{1,2}[.)]\s", re.UNICODE)
LEAD_SUBJECT_WORDS = 3
AT_POINT_LABELLED = re.compile(r"^(?:\(?(?:\d{1,2}|[a-h])[.)]\s+)?(?:at|At|AT)\s")  # "1. at sælge ...", "at der ..."
# A numbered or lettered label of a point: "1.", "2)", "a)", "b."
POINT_LABEL = re.compile(r"^\(?(?P<label>\d{1,2}|[a-h])[.)]\s+(?=\S)")
WORD = re.compile(r"[^\W\d_]{2,}")


def lead_in(line: StyledLine, verbs: re.Pattern[str] = LEAD_VERB) -> str | None:
    """The rest of a line after its lead-in ("" when the points follow on the next lines),
    or None for a line without one ("Indstilles godkendt." only uses the verb)."""
    return lead_in_text(line.text, verbs)


def lead_in_text(text: str, verbs: re.Pattern[str] = LEAD_VERB) -> str | None:
    for verb in verbs.finditer(text):
        if re.search(r":\s*$", text[:verb.start()]):  # "Økonomiudvalget: Indstilles godkendt."
            continue
        after = text[verb.end():]
        reference = REFERENCE_AFTER_VERB.match(after)
        if reference:  # "Direktionen indstiller (12. maj 2011, pkt. 71) budgetdirektivet til ..."
            after = after[reference.end():]
        for pattern in (AT_AFTER_VERB, MARK_AFTER_VERB):
            match = pattern.match(after)
            if match:
                return match.group("rest").strip()
        addressee = ADDRESSEE.match(after)
        if addressee:  # "til Udvalget for Kultur og Fritid:", "til Økonomiudvalget og Byrådet, at:"
            who = addressee.group("who") or ""
            end = ADDRESSEE_END.search(who)
            return who[end.end():].strip() if end else ""
        if not after.strip():
            return ""
        if reference and WORD.match(after.strip()):
            return after.strip()  # the reference marks the formal recommendation: its object is the point
    return None


# "Direktionen indstiller til", "... indstiller over for Økonomiudvalget": no end yet.
UNFINISHED_ADDRESSEE = re.compile(r"\b(?:indstiller|foreslår)\s+(?:til|over ?for)\b[^,:]*$", re.IGNORECASE)


def lead_in_lines(lines: list[StyledLine], at: int, verbs: re.Pattern[str] = LEAD_VERB) -> tuple[str, int]:
    """The rest after the lead-in starting on line `at`, and the line it ends on: a lead-in
    whose addressee wraps ("Direktionen indstiller til" / "Økonomiudvalget og Byrådet, at
    <point>") ends on the next line."""
    rest = lead_in(lines[at], verbs) or ""
    if rest or at + 1 >= len(lines) or not UNFINISHED_ADDRESSEE.search(lines[at].text):
        return rest, at
    following = lines[at + 1].text.strip()
    if POINT_START.match(following):
        return rest, at
    joined = lead_in_text(f"{lines[at].text.rstrip()} {following}", verbs)
    ended = joined is not None and ADDRESSEE_END.search(following) is not None
    return (joined, at + 1) if ended else (rest, at)


# "Teknisk Udvalg over for Økonomiudvalget og Byrådet anbefaler, at forslaget ...": a body's own
# recommendation inside the lead-in.
# "... anbefaler over for Kommunalbestyrelsen, at" (its addressee too): the points follow.
NESTED_LEAD = re.compile(r"^(?P<who>(?:[^,]|(?<=-),){3,150}?)\s+(?:anbefaler|indstiller)(?:\s+(?:over ?for|til)\s+[^,]{2,80}?)?"
                         r"\s*,?\s+(?P<point>at(?:\s.+)?)$", re.DOTALL)
AT_POINT = re.compile(r"^(?:at|At|AT)\s")
AT_ALONE = re.compile(r"^(?:at|At|AT)\s*:?\s*$")
ENDS_A_POINT = re.compile(r"(?:,|;|\bog|\bsamt|\beller)$")


def opens_point(previous: str, text: str) -> bool:
    """Lines that open a point whatever the wrap: "at ..." after a point ending in ", og", and
    an earlier body's verdict ("Økonomiudvalget: Indstilles godkendt.")."""
    return bool(VERDICT.match(text) or DATED_VERDICT.match(text)
                or (AT_POINT.match(text) and ENDS_A_POINT.search(previous)))


def ends_points(text: str) -> bool:
    """An earlier body's verdict, a decision heading, a link, who was absent or the next group
    of items ("Afslutning" in a text-only export): the points are over."""
    return bool(VERDICT.match(text) or DATED_VERDICT.match(text) or VERDICT_SENTENCE.match(text)
                or AGENDA_GROUP.match(text.strip())
                or DECISION_HEADING.match(text) or URL.match(text) or ATTENDANCE_LINE.match(text)
                or ATTENDANCE_SENTENCE.search(first_sentence(text)))


def points_over(text: str, after_a_point: bool) -> bool:
    """The points end here; after a point also at the item's next section ("Orientering" in a
    text-only export, where no font sets the heading apart)."""
    return ends_points(text) or (after_a_point and SECTION_OR_TITLE.match(text.strip()) is not None)


def points_until_end(entries: list[tuple[str, StyledLine]]) -> list[tuple[str, StyledLine]]:
    taken: list[tuple[str, StyledLine]] = []
    for entry in entries:
        if points_over(entry[0], bool(taken)):
            break
        taken.append(entry)
    return taken


def point_entries(lines: list[StyledLine], edge: float, gap: float) -> list[tuple[str, StyledLine]]:
    return lines_to_entries(lines, edge, gap, opens_point)


def is_point_like(entry: tuple[str, StyledLine]) -> bool:
    """An entry that reads as a point: "at ...", a bullet or a label on its first line."""
    return bool(POINT_START.match(entry[1].text.strip()) or POINT_START.match(entry[0].strip()))


def strip_label(entries: list[tuple[str, StyledLine]]) -> list[tuple[str, StyledLine]]:
    """Drop the "1." / "a)" of numbered points (the numbering is the order, kept by position)."""
    cleaned = []
    for text, line in entries:
        cleaned.append((POINT_LABEL.sub("", text, count=1).strip(), line))
    return cleaned


def points_after(lines: list[StyledLine], at: int, edge: float, gap: float, *,
                 whole_section: bool, verbs: re.Pattern[str] = LEAD_VERB) -> list[tuple[str, StyledLine]]:
    """The points after the lead-in on line `at`: in a recommendation section every entry
    that follows; in running text the entries that read as points."""
    rest, last = lead_in_lines(lines, at, verbs)
    after = lines[last + 1:]
    following = point_entries(after, edge, gap) if after else []
    pointed = bool(following) and is_point_like(following[0])
    if rest and pointed and not rest.endswith((".", "!")) and (
            len(rest.split()) <= LEAD_SUBJECT_WORDS or AT_POINT_LABELLED.match(following[0][0])):
        # "Det indstilles, at DAS" over bullets: "DAS" is their subject, not a point; "... at
        # anbefale over for kommunalbestyrelsen" over "1. at ..." points: the lead-in's end
        rest = ""
    entries: list[tuple[str, StyledLine]] = []
    if rest:
        head = replace(lines[last], text=rest)
        inline = point_entries([head, *after], edge, gap)
        first, line = inline[0]
        nested = NESTED_LEAD.match(first)
        if nested and committee_names(nested.group("who")):
            # "..., at Teknisk Udvalg over for Byrådet anbefaler, at <point>": the point is the
            # inner recommendation's
            first = nested.group("point")
            inline[0] = (first, line)
        if (first.rstrip().endswith((",", ":")) or AT_ALONE.match(first)) and len(inline) > 1 \
                and is_point_like(inline[1]):
            following = inline[1:]  # "..., at Økonomiudvalget over for Byrådet anbefaler," then the points
        elif not ENDS_A_POINT.search(first.rstrip()) and not (len(inline) > 1 and is_point_like(inline[1])):
            # under an Indstilling heading the lead-in's paragraph is the point; in running text
            # its sentence is
            return [(first if whole_section else first_sentence(first), line)]
        else:
            entries, following = [inline[0]], inline[1:]
    for text, line in following:
        if points_over(text, bool(entries)):
            break
        if not whole_section and entries and not is_point_like((text, line)):
            break
        entries.append((text, line))
    return strip_label(entries)


def recommendations_of(sections: Sections, edge: float, gap: float) -> list[tuple[str, StyledLine]]:
    """The points of the Indstilling section, or of the first lead-in anywhere in the item
    (outside its decisions), each with the line it starts on."""
    for k, (heading, lines) in enumerate(sections):
        if lines and (RECOMMENDATION_HEADING.match(heading) or RECOMMENDATION_HEADING.match(heading + ":")):
            if not any(WORD.search(line.text) for line in lines):
                continue  # "Indstilling   x   x": a row of a "Sagsgang" grid, not the recommendation
            # under a heading that is itself the lead-in ("Direktionen indstiller, at") every line
            # is a point, also "- Økonomiudvalget over for Kommunalbestyrelsen anbefaler, at ..."
            heading_leads = lead_in_text(heading, SECTION_LEAD_VERB) == ""
            at = None if heading_leads else \
                next((i for i, line in enumerate(lines) if lead_in(line, SECTION_LEAD_VERB) is not None), None)
            following = sections[k + 1][0] if k + 1 < len(sections) else ""
            if at is None and lead_in_text(following) is not None:
                continue  # "INDSTILLING:" over the case, then "Direktionen indstiller:" over the points
            if at is None:
                return strip_label(points_until_end(point_entries(lines, edge, gap)))
            return points_after(lines, at, edge, gap, whole_section=True, verbs=SECTION_LEAD_VERB)
    # the formal "Det indstilles, at" over a proposal in the case text ("Forvaltningen foreslår, at")
    for verbs in (RECOMMENDS, LEAD_VERB):
        for heading, lines in sections:
            if DECISION_HEADING.match(heading):
                continue
            quoted = False
            for i, line in enumerate(lines):
                verb = verbs.search(line.text)
                if verb and not quoted and not odd_quotes(line.text[:verb.start()]) \
                        and lead_in(line, verbs) is not None:
                    points = points_after(lines, i, edge, gap, whole_section=False, verbs=verbs)
                    if points:
                        return points
                quoted ^= odd_quotes(line.text)
    return []


QUOTE_MARKS = '"“”»«„'


def odd_quotes(text: str) -> bool:
    """Inside a quotation after `text`: a party's quoted proposal ("SF foreslår, at ...") is no
    recommendation of the case."""
    return sum(map(text.count, QUOTE_MARKS)) % 2 == 1
