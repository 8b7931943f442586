"""Minutes that refer to the agenda's points instead of printing under them.

Small councils and boards print the agenda as a numbered list, then the attendance, then
one paragraph per point opened by "Ad. 3", "Ad 3:", "Ad punkt 3" (Latin "ad", "to"). The
list gives the items; each "Ad" paragraph is what was said and decided on that point, and
the attendance between them is the meeting's. Without this the paragraphs all fall into
the last listed item and the other items have no decision.
"""
from __future__ import annotations

import re
from dataclasses import replace

from dagsorden.extractor.danish.headings import MEETING_LABEL
from dagsorden.models import Segment, StyledLine

# "Ad. 3 Text", "Ad 3: Text", "Ad punkt 3. Text", "Ad pkt. 3 - Text".
AD_POINT = re.compile(r"^(?P<label>Ad\.?\s*(?:punkt\s+|pkt\.?\s*)?(?P<number>\d{1,3})\.?)(?:\s*[:.–-])?(?:\s+(?P<text>\S.*))?$")
MIN_POINTS = 2  # one "Ad 3" is a phrase; two or more in order are the minutes' layout


def ad_points(lines: list[StyledLine], numbers: set[int]) -> list[tuple[int, int]]:
    """(line index, item number) of each "Ad N" line naming a listed item, in ascending order."""
    found: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        match = AD_POINT.match(" ".join(line.text.split()))
        if match and int(match.group("number")) in numbers \
                and (not found or int(match.group("number")) > found[-1][1]):
            found.append((i, int(match.group("number"))))
    return found


def split_label(line: StyledLine) -> list[StyledLine]:
    """"Ad. 1 Godkendt." -> the label "Ad. 1" (a section heading) and its text."""
    match = AD_POINT.match(" ".join(line.text.split()))
    assert match is not None
    label = replace(line, text=match.group("label"), word_text="", word_edges=b"")
    text = match.group("text")
    return [label] + ([replace(line, text=text, word_text="", word_edges=b"")] if text else [])


def minutes_by_reference(segments: list[Segment]) -> list[Segment]:
    """Each "Ad N" paragraph moved to item N under its label; the lines before the first one
    from an attendance label on (who came, who sent apologies) moved to the front matter."""
    items = [s for s in segments if s.kind == "item"]
    if not items:
        return segments
    numbers = {n for s in items for n in s.numbers}
    last = items[-1]
    points = ad_points(last.lines, numbers)
    if len(points) < MIN_POINTS:
        return segments
    first_point = points[0][0]
    before = last.lines[:first_point]
    attendance = next((i for i, line in enumerate(before) if MEETING_LABEL.match(line.text.strip())), len(before))
    moved: dict[int, list[StyledLine]] = {}
    for k, (index, number) in enumerate(points):
        end = points[k + 1][0] if k + 1 < len(points) else len(last.lines)
        moved[number] = split_label(last.lines[index]) + last.lines[index + 1:end]
    out: list[Segment] = []
    for segment in segments:
        if segment is last:
            segment = segment.model_copy(update={"lines": before[:attendance]})
        if segment.kind == "item" and segment.item in moved:
            segment = segment.model_copy(update={"lines": segment.lines + moved[segment.item]})
        out.append(segment)
    meeting_lines = before[attendance:]
    if meeting_lines:
        if out[0].kind in ("front", "body"):
            out[0] = out[0].model_copy(update={"lines": out[0].lines + meeting_lines})
        else:
            out.insert(0, Segment(kind="front", lines=meeting_lines))
    return out
