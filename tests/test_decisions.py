"""Decision text -> outcome (stated or inferred) and dissents, and the corpus minutes against gold."""
from __future__ import annotations

from pathlib import Path

import pytest

from dagsorden.extractor.facts.decisions import decide
from dagsorden.models import Item


def decided(decision: str, recommendations: list[str] | None = None) -> Item:
    return decide(Item(number=1, title="Sag", decision=decision, recommendations=recommendations or []))


@pytest.mark.parametrize("text,outcome", [
    ("Godkendt.", "approved"),
    ("Indstillingen blev tiltrådt.", "approved"),
    ("Udvalget godkendte indstillingen.", "approved"),
    ("Godkendt, idet udvalget ønsker en status om et år.", "approved_with_changes"),
    ("Godkendt med de foreslåede ændringer og tilføjelser.", "approved_with_changes"),
    ("Godkendt med de faldne bemærkninger.", "approved"),
    ("Indstillingen godkendt med følgende ændring: tilskuddet nedsættes til 50.000 kr.", "approved_with_changes"),
    ("Taget til efterretning.", "noted"),
    ("Orienteringen blev taget til efterretning.", "noted"),
    ("Drøftet.", "noted"),
    ("Anbefales.", "recommended"),
    ("Anbefales over for Byrådet.", "recommended"),
    ("Godkendt og anbefales over for KKR.", "recommended"),
    ("Udvalget indstiller til Økonomiudvalget og Byrådet, at forslaget godkendes.", "recommended"),
    ("Sagen oversendes til Teknisk Udvalg.", "sent_on"),
    ("Sagen sendes videre til Regionsrådet uden bemærkninger.", "sent_on"),
    ("Udsat.", "postponed"),
    ("Sagen blev udsat til næste møde.", "postponed"),
    ("Ikke godkendt.", "rejected"),
    ("Ansøgningen kan ikke imødekommes, og forslaget blev forkastet.", "rejected"),
    ("Udvalget afviste forslaget.", "rejected"),
    ("Godkendt, at ansøgningen afvises.", "approved"),
])
def test_outcome_stated_in_the_text(text: str, outcome: str) -> None:
    item = decided(text)
    assert (item.outcome, item.outcome_stated) == (outcome, True)


@pytest.mark.parametrize("text,recommendations,outcome", [
    ("Formanden orienterede kort om mødet i KKR.", ["Udvalget tager orienteringen til efterretning"], "noted"),
    ("Direktøren gennemgik sagen.", ["Udvalget godkender regnskabet"], "approved"),
    ("Næste møde holdes den 3. maj.", [], "other"),
])
def test_outcome_inferred_from_the_recommendation(text: str, recommendations: list[str], outcome: str) -> None:
    item = decided(text, recommendations)
    assert (item.outcome, item.outcome_stated) == (outcome, False)


def test_a_dissent_is_not_the_outcome() -> None:
    """"Ø kunne ikke godkende" says nothing about what the majority did; "Godkendt" does."""
    item = decided("Socialdemokratiet (A) og Venstre (V) stemte for. Enhedslisten (Ø) kunne ikke godkende "
                   "indstillingen.", ["Udvalget godkender planen"])
    assert (item.outcome, item.outcome_stated) == ("approved", False)
    assert [(d.who, d.kind) for d in item.dissents] == [("Enhedslisten (Ø)", "disagreed")]


@pytest.mark.parametrize("text,expected", [
    ("Godkendt. Dansk Folkeparti kunne ikke tiltræde indstillingen.",
     [("Dansk Folkeparti", "disagreed", [])]),
    ("Anbefales. Per Mortensen (A) tog forbehold for at 2 og 3.", [("Per Mortensen (A)", "reservation", [2, 3])]),
    ("Godkendt. Brønderslev Kommune tager forbehold for finansieringen.",
     [("Brønderslev Kommune", "reservation", [])]),
    ("Godkendt. Lone Hansen (F) deltog ikke i sagens behandling.", [("Lone Hansen (F)", "did_not_take_part", [])]),
    ("Anbefales godkendt. Imod stemte: Enhedslisten (Ø) og Liberal Alliance (I).",
     [("Enhedslisten (Ø) og Liberal Alliance (I)", "disagreed", [])]),
    ("Godkendt, idet V undlod at stemme om indstillingens punkt 1.", [("V", "did_not_take_part", [1])]),
    ("Godkendt. Jens Riis (Ø) kunne ikke tiltræde beslutningspunkt 1-3. Mette Skov (O) tog forbehold.",
     [("Jens Riis (Ø)", "disagreed", [1, 2, 3]), ("Mette Skov (O)", "reservation", [])]),
    ("Anbefales. Jens Riis (Ø) kunne ikke tiltræde pkt. 2, der vedtages den 1. maj.",
     [("Jens Riis (Ø)", "disagreed", [2])]),
    ("Godkendt.", []),
    ("Taget til efterretning med den bemærkning, at forbeholdene i notatet skal følges op.", []),
])
def test_dissents(text: str, expected: list[tuple[str, str, list[int]]]) -> None:
    assert [(d.who, d.kind, d.points) for d in decided(text).dissents] == expected


@pytest.mark.parametrize("text,departs", [
    ("Godkendt.", False),
    ("Taget til efterretning.", False),
    ("Godkendt med den ændring, at beløbet halveres.", True),
    ("Udsat.", True),
    ("Ikke godkendt.", True),
    ("Godkendt. Enhedslisten (Ø) kunne ikke tiltræde.", True),
])
def test_departs_from_the_recommendation(text: str, departs: bool) -> None:
    assert decided(text).departs is departs


def test_item_without_decision_is_left_alone() -> None:
    item = decide(Item(number=1, title="Sag", recommendations=["Udvalget godkender planen"]))
    assert (item.outcome, item.outcome_stated, item.dissents) == (None, None, [])


# -- the corpus minutes against gold ---------------------------------------------------------

def minutes_gold(gold: dict[str, dict]) -> dict[str, dict]:
    return {stem: doc for stem, doc in gold.items() if doc.get("kind") == "minutes"}


@pytest.fixture(scope="module")
def minutes_predictions(corpus_predictions: dict, gold: dict[str, dict]) -> dict[tuple[str, str], dict]:
    return {key: prediction for key, prediction in corpus_predictions.items() if key[1] in minutes_gold(gold)}


def test_corpus_has_minutes_in_each_layout(gold: dict[str, dict]) -> None:
    sources = Path(__file__).resolve().parent.parent / "corpus" / "sources"
    layouts = set()
    for stem in minutes_gold(gold):
        text = (sources / f"{stem}.txt").read_text(encoding="utf-8")
        layouts.add("edoc" if "s beslutning den" in text else "agenda-system" if "## Beslutninger" in text
                    else "word")
    assert layouts == {"word", "agenda-system", "edoc"}


def test_outcome_accuracy_on_corpus_minutes(minutes_predictions: dict, gold: dict[str, dict]) -> None:
    for look in {look for look, _ in minutes_predictions}:
        right = total = 0
        for stem, doc in minutes_gold(gold).items():
            predicted = {i["number"]: i for i in minutes_predictions[(look, stem)]["items"]}
            for item in doc["items"]:
                total += 1
                got = predicted.get(item["number"], {})
                right += (got.get("outcome"), got.get("outcome_stated")) == (item["outcome"], item["outcome_stated"])
        assert right / total >= 0.9, f"{look}: outcome accuracy {right}/{total}"


def test_dissent_rows_exact_on_corpus_minutes(minutes_predictions: dict, gold: dict[str, dict]) -> None:
    for (look, stem), prediction in minutes_predictions.items():
        predicted = [(i["number"], d["who"], d["kind"], d["points"]) for i in prediction["items"]
                     for d in i["dissents"]]
        expected = [(i["number"], d["who"], d["kind"], d["points"]) for i in gold[stem]["items"]
                    for d in i["dissents"]]
        assert predicted == expected, (look, stem)
