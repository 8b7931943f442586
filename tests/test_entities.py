"""Entity mentions (extractor/entities.py) from real PDFs, stored as entities + mentions in a real
archive and served by the real Datasette: what a user browsing names in the archive sees."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dagsorden.cli import cli
from dagsorden.extractor.facts.entities import fold_name, segments_to_entities
from dagsorden.extractor.pipeline import read_document, segment_document
from dagsorden.extractor.store.write import store_extraction
from dagsorden.extractor.store.schema import open_archive
from dagsorden.models import Entity, Extraction, Person
from pdfmaker import Text, make_pdf
from siteclient import get, make_site

ROOT = Path(__file__).resolve().parent.parent
AGENDA_000 = "000_2f48120141bc914f"


@pytest.fixture(scope="module")
def agenda(corpus_extractions: dict) -> Extraction:
    return corpus_extractions[("classic", AGENDA_000)]


def entities_of(extraction: Extraction, label: str) -> set[str]:
    return {e.text for e in extraction.entities if e.label == label}


def test_entities_every_attendee_is_a_person(agenda: Extraction) -> None:
    attendees = {p.name for p in agenda.participants + agenda.absent + agenda.guests}
    assert attendees and attendees <= entities_of(agenda, "PER")


def test_entities_genitive_is_dropped_and_canonical_name_kept(agenda: Extraction) -> None:
    orgs = [e for e in agenda.entities if e.label == "ORG"]
    assert not [e.text for e in orgs if e.text.endswith(("Kommunes", "Nordjyllands", "Socialstyrelsens"))]
    # The source says "Region Nordjyllands forslag" and "Aalborg Kommune (ÆH)".
    assert {"Region Nordjylland", "Aalborg Kommune", "Socialstyrelsen"} <= {e.canonical for e in orgs}
    kinds = {e.canonical: e.kind for e in orgs}
    assert kinds["Aalborg Kommune"] == "municipality" and kinds["Region Nordjylland"] == "region"


def test_entities_mention_has_item_page_box_and_sentence(agenda: Extraction) -> None:
    items = {item.number: item for item in agenda.items}
    # Item 3 is Socialstyrelsen's presentation; its text names Socialstyrelsen several times.
    in_item_3 = [e for e in agenda.entities if e.item == 3 and e.canonical == "Socialstyrelsen"]
    assert in_item_3
    for mention in in_item_3:
        assert items[3].page_start <= mention.page <= items[3].page_end
        x0, top, x1, bottom = mention.bbox
        assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 850
        assert "Socialstyrelsen" in mention.sentence


def test_entities_people_in_item_text_get_their_organisation(agenda: Extraction) -> None:
    guests = [e for e in agenda.entities if e.text == "Else Lund Frydensberg"]
    assert guests and all(e.label == "PER" for e in guests)
    assert {e.organization for e in guests} == {"Socialstyrelsen"}


def small_document(tmp_path: Path, name: str, sentence: str) -> Path:
    return make_pdf(tmp_path / f"{name}.pdf", [[
        Text("Notat om samarbejdet", size=16), None,
        Text(sentence), None,
        Text("Sagen drøftes igen i Aalborg Kommunes udvalg."),
    ]])


@pytest.mark.parametrize("printed_org,linked", [("Morsø Kommune", True), ("Thisted Kommune", False)])
def test_entities_spelling_variant_is_linked_only_where_organisation_agrees(
        tmp_path: Path, printed_org: str, linked: bool) -> None:
    pdf = small_document(tmp_path, "notat", f"Henrik Rene Christensen, {printed_org}, fremlagde sagen.")
    doc = segment_document(read_document(pdf))
    attendee = Person(name="Henrik René Christensen", organization="Morsø Kommune")
    mentions = [e for e in segments_to_entities(doc, [attendee]) if e.label == "PER"]
    variant = next(e for e in mentions if e.text == "Henrik Rene Christensen")
    assert variant.organization == printed_org
    assert (variant.canonical == "Henrik René Christensen") is linked


def test_entities_offer_named_beside_another_offer_is_an_organisation(tmp_path: Path) -> None:
    pdf = small_document(tmp_path, "tilbud", "Pladserne på Lindely og Specialbørnehaven Solsikken er fyldt.")
    found = segments_to_entities(segment_document(read_document(pdf)))
    orgs = {e.text: e.kind for e in found if e.label == "ORG"}
    assert orgs["Specialbørnehaven Solsikken"] == "offer"
    assert orgs["Lindely"] == "offer"
    assert orgs["Aalborg Kommune"] == "municipality"  # printed "Aalborg Kommunes udvalg"


def test_entities_name_broken_over_two_lines_is_one_mention(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "brudt.pdf", [[
        Text("Notat om overdragelse", size=16), None,
        Text("• Botilbuddet på Skovvej overtages af Kolding"),
        Text("Kommune", x=80),
        Text("• Værkstedet overtages af Region Syddanmark"),
    ]])
    found = segments_to_entities(segment_document(read_document(pdf)))
    assert {"Kolding Kommune", "Region Syddanmark"} <= {e.text for e in found if e.label == "ORG"}
    kolding = next(e for e in found if e.text == "Kolding Kommune")
    assert kolding.page == 1 and kolding.bbox is not None


def test_entities_a_common_noun_opening_a_line_is_no_part_of_a_name(tmp_path: Path) -> None:
    """Attachment titles and table rows open with a capitalised common noun. The document
    prints it in lower case elsewhere, so it is not read into the street or company after it;
    a name the document prints inside a sentence too keeps its first word."""
    pdf = make_pdf(tmp_path / "bilag.pdf", [[
        Text("Trafiksikkerhed ved skolen", size=16), None,
        Text("Der anlægges en cykelsti langs vejen, og rådgiverens præsentation vedlægges."),
        Text("Sagen er drøftet med KL og Danske Regioner."), None,
        Text("Bilag", size=12),
        Text("Cykelsti Snoghøj Landevej.pdf"),
        Text("Præsentation Nordbus Trafik A/S"),
        Text("Danske Regioner om skoleveje"),
    ]])
    found = segments_to_entities(segment_document(read_document(pdf)))
    names = {e.text for e in found if e.label in ("ORG", "LOC")}
    assert {"Snoghøj Landevej", "Nordbus Trafik A/S", "Danske Regioner"} <= names
    assert not {"Cykelsti Snoghøj Landevej", "Cykelsti Snoghøj Landevej.pdf",
                "Præsentation Nordbus Trafik A/S", "Regioner"} & names


def person(name: str, org: str, item: int) -> Entity:
    return Entity(text=name, label="PER", kind="person", canonical=name, organization=org, item=item, page=1)


def extraction(seed: str, date: str, entities: list[Entity]) -> Extraction:
    from dagsorden.models import DocumentInfo, Item, Meeting

    return Extraction(
        document=DocumentInfo(sha256=seed * 64, filename=f"{seed}.pdf", pages=2, kind="agenda"),
        meeting=Meeting(committee="DAS Social", date=date),
        items=[Item(number=1, title="Godkendelse af dagsorden", page_start=1, page_end=1),
               Item(number=2, title="Takster for Aalborg Kommune", page_start=1, page_end=2)],
        entities=entities,
    )


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.db"
    db = open_archive(path)
    aalborg = Entity(text="Aalborg Kommune", label="ORG", kind="municipality", canonical="Aalborg Kommune",
                     item=2, page=1, sentence="Takster for Aalborg Kommune.")
    store_extraction(db, extraction("a", "2022-05-30", [
        aalborg, person("Henrik René Christensen", "Morsø Kommune", 2),
        person("René Holm", "Rebild Kommune", 1)]))
    store_extraction(db, extraction("b", "2023-08-21", [
        aalborg.model_copy(update={"text": "Aalborg Kommune", "page": 2}),
        person("Henrik Rene Christensen", "Morsø Kommune", 2),
        person("Rene Holm", "Thisted Kommune", 1)]))
    db.close()
    return path


def test_store_one_entity_row_per_person_across_documents(archive: Path) -> None:
    db = open_archive(archive)
    people = list(db.query("SELECT name, organization FROM entities WHERE label = 'PER' ORDER BY name"))
    db.close()
    names = [row["name"] for row in people]
    # Henrik René/Rene in the same organisation are one person; René/Rene Holm in two are not.
    assert len([n for n in names if fold_name(n) == fold_name("Henrik Rene Christensen")]) == 1
    assert len([n for n in names if fold_name(n) == fold_name("Rene Holm")]) == 2


def get_json(db_path: Path, path: str) -> Any:
    return get(make_site(db_path), path).json()


def test_datasette_lists_items_mentioning_an_entity_across_meetings(archive: Path) -> None:
    data = get_json(archive, "/arkiv/items_mentioning.json?entity=Aalborg+Kommune&_shape=array")
    assert sorted(row["date"] for row in data) == ["2022-05-30", "2023-08-21"]
    assert {row["title"] for row in data} == {"Takster for Aalborg Kommune"}


def test_datasette_facets_mentions_by_organisation(archive: Path) -> None:
    data = get_json(archive, "/arkiv/mentions.json?label=ORG&_facet=name")
    values = {v["value"]: v["count"] for v in data["facet_results"]["name"]["results"]}
    assert values == {"Aalborg Kommune": 2}


def test_cli_extract_prints_entities(corpus_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(corpus_dir / "classic" / f"{AGENDA_000}.pdf")])
    assert result.exit_code == 0, result.output
    entities = json.loads(result.output)["entities"]
    assert {"text", "label", "item", "page", "kind", "canonical", "bbox", "sentence"} <= set(entities[0])


def test_cli_unknown_nlp_model_is_a_usage_error(corpus_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(corpus_dir / "classic" / f"{AGENDA_000}.pdf"),
                                      "--nlp-model", "no_such_pipeline_xyz"])
    assert result.exit_code == 2
    assert "--nlp-model" in result.output and "E050" in result.output
