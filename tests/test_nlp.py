"""The spaCy pipeline (extractor/facts/nlp.py): built offline, rules over gazetteers, saved and loaded,
and a statistical model's guesses completed, never overriding, by the rules."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.training import Example

from dagsorden.extractor.facts.nlp import (GAZETTEER_PIPE, RULES_FACTORY, build_nlp, get_nlp, load_gazetteers,
                           read_rows, span_canonical, span_kind, GAZETTEER_DIR)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_nlp()


def ents(nlp: Language, text: str) -> list[tuple[str, str, str, str]]:
    return [(e.text, e.label_, span_kind(e), span_canonical(e)) for e in nlp(text).ents]


def test_nlp_pipe_names_are_stable(nlp: Language) -> None:
    assert nlp.pipe_names == ["sentencizer", GAZETTEER_PIPE, RULES_FACTORY]
    assert nlp.lang == "da"


def test_nlp_rules_factory_is_versioned_and_declares_what_it_assigns(nlp: Language) -> None:
    assert RULES_FACTORY.endswith("_v1")
    assert "doc.ents" in Language.get_factory_meta(RULES_FACTORY).assigns


def test_nlp_gazetteers_hold_every_municipality_and_region() -> None:
    municipalities = read_rows(GAZETTEER_DIR / "municipalities.tsv")
    regions = {region for _, region in municipalities}
    assert len({name for name, _ in municipalities}) == 98
    assert regions == {name for name, _ in read_rows(GAZETTEER_DIR / "regions.tsv")}
    assert len(regions) == 5
    assert load_gazetteers().parties["A"] == "Socialdemokratiet"


def test_nlp_every_municipality_is_found_in_running_text(nlp: Language) -> None:
    names = [name for name, _ in read_rows(GAZETTEER_DIR / "municipalities.tsv")]
    docs = nlp.pipe(f"Sagen blev sendt til {name} i går." for name in names)
    found = [[(e.text, e.label_) for e in doc.ents] for doc in docs]
    assert found == [[(name, "ORG")] for name in names]


@pytest.mark.parametrize("text,expected", [
    ("Aalborg Kommunes budget stiger.", ("Aalborg Kommunes", "ORG", "municipality", "Aalborg Kommune")),
    ("Et notat fra KL's sekretariat.", ("KL's", "ORG", "association", "KL")),
    ("Vesthimmerland Kommune deltager.", ("Vesthimmerland Kommune", "ORG", "municipality", "Vesthimmerlands Kommune")),
    ("Regionsrådet i Region Nordjylland.", ("Region Nordjylland", "ORG", "region", "Region Nordjylland")),
    ("Oplæg fra Social- og Boligstyrelsen om tilsyn.", ("Social- og Boligstyrelsen", "ORG", "state", "Social- og Boligstyrelsen")),
    ("Sagen er sendt til Børne- og Undervisningsministeriet i dag.",
     ("Børne- og Undervisningsministeriet", "ORG", "ministry", "Børne- og Undervisningsministeriet")),
    ("Pladserne på Neurocenter Østerskoven er fyldt.", ("Neurocenter Østerskoven", "ORG", "offer", "Neurocenter Østerskoven")),
    ("Et oplæg fra Institut for Syn og Hørelse blev drøftet.",
     ("Institut for Syn og Hørelse", "ORG", "institution", "Institut for Syn og Hørelse")),
    # the road is the place; its house number is not part of the name (as the gold corpora name it)
    ("Mødet holdes på Fjordvej 12 i byen.", ("Fjordvej", "LOC", "street", "Fjordvej")),
    ("Mødet holdes på Fjordvej i byen.", ("Fjordvej", "LOC", "street", "Fjordvej")),
    ("Borgere fra Danmark og Sverige.", ("Danmark", "LOC", "country", "Danmark")),
])
def test_nlp_finds_named_entity(nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,name", [
    ("Kontorchef Else Lund Frydensberg deltager under punktet.", "Else Lund Frydensberg"),
    ("Oplæg ved tilsynschef Gry Abildtrup, Socialtilsyn Nord.", "Gry Abildtrup"),
    ("Referent: Sofie Bach Olesen", "Sofie Bach Olesen"),
    ("Forslaget kom fra Torkild Mørup (V) på mødet.", "Torkild Mørup"),
])
def test_nlp_finds_person_by_first_name_title_or_party(nlp: Language, text: str, name: str) -> None:
    assert (name, "PER", "person", name) in ents(nlp, text)


@pytest.mark.parametrize("text", [
    "Det indstilles, at DAS godkender referatet.",
    "Der er ADHD og BPA på dagsordenen.",
    "Arbejdsgruppen drøfter målgruppen på socialområdet.",
    "STATUS PÅ TILBUD",
])
def test_nlp_leaves_ordinary_words_alone(nlp: Language, text: str) -> None:
    assert [e.text for e in nlp(text).ents if e.label_ in ("PER", "LOC")] == []
    assert not any(e.text in ("ADHD", "BPA", "Arbejdsgruppen", "socialområdet", "STATUS", "TILBUD")
                   for e in nlp(text).ents)


def test_nlp_party_letter_makes_a_person_but_no_party(nlp: Language) -> None:
    """Issue 12: the letter says which party, but the document does not print the party's
    name, so no organisation is added (it was "Enhedslisten" before)."""
    found = ents(nlp, "Ordføreren Lise Kjær (Ø) stemte imod.")
    assert ("Lise Kjær", "PER", "person", "Lise Kjær") in found
    assert not [e for e in found if e[1] == "ORG"]
    assert ("Enhedslisten", "ORG", "party", "Enhedslisten") in ents(nlp, "Enhedslisten stemte imod.")


def test_nlp_saved_and_loaded_from_disk_gives_same_entities(nlp: Language, tmp_path: Path) -> None:
    text = "Henrik Aarup-Kristensen (formand, Brønderslev Kommune) og Socialstyrelsens oplæg."
    nlp.to_disk(tmp_path / "dagsorden_nlp")
    loaded = spacy.load(tmp_path / "dagsorden_nlp")
    assert loaded.pipe_names == nlp.pipe_names
    assert ents(loaded, text) == ents(nlp, text)
    assert build_nlp(str(tmp_path / "dagsorden_nlp")).pipe_names == nlp.pipe_names


def annotate(text: str, name: str, label: str) -> tuple[str, list[tuple[int, int, str]]]:
    start = text.index(name)
    return text, [(start, start + len(name), label)]


TRAIN = [
    annotate("Vi har talt med Zorblax Partners om sagen.", "Zorblax Partners", "ORG"),
    annotate("Zorblax Partners betaler for projektet.", "Zorblax Partners", "ORG"),
    annotate("Pengene kommer fra Zorblax Partners i år.", "Zorblax Partners", "ORG"),
    # a wrong label the rules must beat
    annotate("Mødet med Aalborg Kommune gik godt.", "Aalborg Kommune", "LOC"),
    annotate("Aalborg Kommune holder møde.", "Aalborg Kommune", "LOC"),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A statistical NER trained here in seconds, saved to a folder and loaded by path."""
    random.seed(0)
    spacy.util.fix_random_seed(0)
    model = spacy.blank("da")
    ner = model.add_pipe("ner")
    for _, spans in TRAIN:
        for *_, label in spans:
            ner.add_label(label)
    examples = [Example.from_dict(model.make_doc(text), {"entities": spans}) for text, spans in TRAIN]
    optimizer = model.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        model.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_da_ner"
    model.to_disk(path)
    return path


def test_nlp_model_by_path_adds_its_guesses_and_rules_take_precedence(tiny_model: Path) -> None:
    nlp = build_nlp(str(tiny_model))
    assert nlp.pipe_names.index(GAZETTEER_PIPE) > nlp.pipe_names.index("ner")
    found = ents(nlp, "Vi har talt med Zorblax Partners om sagen, og Aalborg Kommune holder møde.")
    assert ("Zorblax Partners", "ORG", "model", "Zorblax Partners") in found
    assert ("Aalborg Kommune", "ORG", "municipality", "Aalborg Kommune") in found
    assert not any(label == "LOC" and text == "Aalborg Kommune" for text, label, *_ in found)


def test_cli_extract_uses_nlp_model_given_by_path(tiny_model: Path, corpus_dir: Path) -> None:
    import json

    from click.testing import CliRunner

    from dagsorden.cli import cli

    pdf = corpus_dir / "classic" / "000_2f48120141bc914f.pdf"
    result = CliRunner().invoke(cli, ["extract", str(pdf), "--nlp-model", str(tiny_model)])
    assert result.exit_code == 0, result.output
    entities = json.loads(result.output)["entities"]
    aalborg = {e["label"] for e in entities if e["text"] == "Aalborg Kommune"}
    assert aalborg == {"ORG"}  # the model was taught LOC; the gazetteer wins
