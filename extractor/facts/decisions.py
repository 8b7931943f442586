"""Item with a decision text -> Item with outcome (stated or inferred) and dissents.

Why a stage of its own: minutes from every system (DAS Word, FirstAgenda, eDoc) end in a
decision text; what it did with the recommendation and who stood outside it are read
from the words of that text alone (extractor/danish/decisions.py), so the rule does not
depend on the layout the text came from.
"""
from __future__ import annotations

import re

from dagsorden.extractor.danish import decisions as words
from dagsorden.extractor.danish.sentences import split_sentences
from dagsorden.models import Dissent, Item

MAX_WHO_WORDS = 12  # a dissenter is a name, party or group, not a clause
# Outcomes that say the meeting decided something itself; "noted" only when none is present.
DECISIVE = (words.POSTPONED, words.REJECTED, words.SENT_ON, words.RECOMMENDED,
            words.APPROVED_WITH_CHANGES, words.APPROVED)
# An approval that is passed on to another body is a recommendation to it.
PASSED_ON = (words.RECOMMENDED, words.SENT_ON)
# Outcomes that are not what the recommendation asked for, whatever its wording: with a
# dissent, what a reader of minutes looks for first (Item.departs).
DEPARTING = (words.APPROVED_WITH_CHANGES, words.POSTPONED, words.REJECTED)


def decide(item: Item) -> Item:
    """Add outcome, outcome_stated, dissents and `departs` to an item that has a decision text."""
    if not item.decision:
        return item
    dissents = find_dissents(item.decision) + find_dissents(item.not_taking_part or "")
    outcome, stated = find_outcome(item.decision, item.recommendations, bool(dissents))
    return item.model_copy(update={"outcome": outcome, "outcome_stated": stated, "dissents": dissents,
                                   "departs": outcome in DEPARTING or bool(dissents)})


def sentences(text: str) -> list[str]:
    """A decision's sentences; every line break ends one too (minutes list points per line)."""
    return split_sentences(text, lines=True)


def is_dissent_sentence(sentence: str) -> bool:
    return any(pattern.search(sentence) for _, pattern in words.DISSENT_VERBS) \
        or bool(words.VOTE_AGAINST.search(sentence) or words.VOTE_ABSTAIN.search(sentence))


def stated_outcome(text: str) -> str | None:
    """The outcome the text names: the earliest decisive phrase, else "noted"."""
    first: dict[str, int] = {}
    for outcome, pattern in words.OUTCOME_PATTERNS:
        match = pattern.search(text)
        if match and (outcome not in first or match.start() < first[outcome]):
            first[outcome] = match.start()
    decisive = [o for o in DECISIVE if o in first]
    if not decisive:
        return words.NOTED if words.NOTED in first else None
    order = {o: i for i, o in enumerate(DECISIVE)}
    chosen = min(decisive, key=lambda o: (first[o], order[o]))
    if chosen in (words.APPROVED, words.APPROVED_WITH_CHANGES):
        passed = [o for o in PASSED_ON if o in first]
        if passed:
            return passed[0]
    return chosen


def find_outcome(decision: str, recommendations: list[str], contested: bool) -> tuple[str, bool]:
    """(outcome, stated). Dissent sentences are left out: "Ø kunne ikke godkende" is no approval."""
    if words.NOTHING_DECIDED.match(decision):
        return words.OTHER, True
    majority = " ".join(s for s in sentences(decision) if not is_dissent_sentence(s))
    outcome = stated_outcome(majority)
    if outcome:
        return outcome, True
    if contested:  # only the minority is recorded: the majority carried the recommendation
        return inferred_from(recommendations) or words.APPROVED, False
    return inferred_from(recommendations) or words.OTHER, False


def inferred_from(recommendations: list[str]) -> str | None:
    """What the recommendation asked for, when the decision text names no outcome."""
    text = " ".join(recommendations)
    for outcome, pattern in words.RECOMMENDATION_VERBS:
        if pattern.search(text):
            return outcome
    return None


def find_dissents(decision: str) -> list[Dissent]:
    found: list[Dissent] = []
    for sentence in sentences(decision):
        found.extend(sentence_dissents(sentence))
    return found


def sentence_dissents(sentence: str) -> list[Dissent]:
    points = parse_points(sentence)
    votes = [(words.DISAGREED, words.VOTE_AGAINST), (words.DID_NOT_TAKE_PART, words.VOTE_ABSTAIN)]
    for kind, pattern in votes:
        match = pattern.search(sentence)
        if match:
            who = clean_who(match.group("who"))
            if who:
                return [Dissent(who=who, kind=kind, points=points, text=sentence)]
    for kind, pattern in words.DISSENT_VERBS:
        match = pattern.search(sentence)
        if match:
            who = clean_who(sentence[:match.start()])
            if who:
                return [Dissent(who=who, kind=kind, points=points, text=sentence)]
    return []


def clean_who(text: str) -> str | None:
    """The subject of a dissent clause: the words before the verb, after any earlier clause."""
    text = re.split(r"[;:]|,\s+(?=(?:men|mens|idet|og|dog)\b)|\.\s", text)[-1]
    text = words.WHO_LEADS.sub("", text.strip(" ,.")).strip(" ,.")
    if not text or len(text.split()) > MAX_WHO_WORDS:
        return None
    return text


def parse_points(sentence: str) -> list[int]:
    """Recommendation points a dissent names: "at 2 og 3" -> [2, 3]; "at 1-3" -> [1, 2, 3]."""
    points: list[int] = []
    for match in words.POINTS.finditer(sentence):
        for first, last in re.findall(r"(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?", match.group("list")):
            low, high = int(first), int(last or first)
            for n in range(low, high + 1) if 0 <= high - low <= 10 else [low]:
                if n not in points:
                    points.append(n)
    return points
