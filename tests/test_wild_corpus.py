"""The wild corpus builder: every typeset source renders in every look, keeps the words of its
text, and its PDFs carry every gold string. Extraction scores are not tested here.

The PDFs are built once per checkout under build/test-wild (the builder skips up-to-date ones).
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pdfplumber
import pytest

from dagsorden.corpus.looks import ALL_LOOKS, LOOKS
from dagsorden.corpus.markup import load
from dagsorden.corpus.wild import (
    MUNICIPALITIES,
    SEALED_MUNICIPALITIES,
    SHARED,
    WildDocument,
    build_wild,
    score_wild,
    wild_documents,
)

DOCS = wild_documents()
BULLETS = {"\u2022", "\u00b7", "-", "\u2013", "\uf0b7"}




@functools.lru_cache(maxsize=None)
def page_texts(pdf_path: Path, body: bool = False) -> tuple[str, ...]:
    """Page texts as a reader sees them (fake-bold duplicates removed); body=True: without
    the running header and footer (they would split a decision running over a page break)."""
    look = ALL_LOOKS[pdf_path.parent.name]
    texts = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            if body:
                page = page.within_bbox((0, look.top - 4, page.width, page.height - look.bottom + 4))
            texts.append((page.dedupe_chars() if look.overprint else page).extract_text() or "")
    return tuple(texts)


def flat(text: str) -> str:
    """Join line-end hyphenation and collapse whitespace (as tests/test_corpus_build.py does).

    A word may also break after a hyphen of its own ("corona-\\nsituationen"), which the join
    cannot tell from a soft break: hyphens inside words are dropped on both sides. Bullet
    glyphs at line start are the look's, not the text's: dropped too.
    """
    text = re.sub(r"(?<=[a-zæøå])-\n(?!(?:og|eller)\s)(?=[a-zæøå])", "", text)  # not "Skole-\nog Fritidscenter"
    text = re.sub(r"(?<=\w)-(?=\w)", "", text)
    text = re.sub(r"(?m)^\s*[\u2022\u00b7\uf0b7\u2013-]\s+", "", text)  # bullet glyphs: the look's choice
    text = re.sub(r"\s[\u2013-]\s", " ", text)  # so a dash wrapped to a line's start ("(2431905\n- EMN") matches
    return re.sub(r"\s+", " ", text).strip()


def gold_strings(gold: dict) -> list[str]:
    wanted: list[str] = []
    for item in gold["items"]:
        wanted.append(item["title"])
        wanted += item["recommendations"]
        wanted += [a if isinstance(a, str) else a["title"] for a in item["attachments"]]
        wanted += [s for s in (item["case_number"], item["decision"]) if s]
    for group in ("participants", "absent", "guests"):
        wanted += [p["name"] for p in gold[group]]
    wanted += [a["text"] for a in gold["amounts"]]
    wanted += [gold["meeting"][k] for k in ("committee", "location") if gold["meeting"][k]]
    return wanted


def with_gold() -> list[WildDocument]:
    return [d for d in DOCS if d.gold_path is not None]


# --------------------------------------------------------------------------- the sources


def words(text: str) -> list[str]:
    """Words of a text; bullet glyphs, dot leaders and markup (**, //) are not words."""
    text = text.replace("**", " ").replace(" // ", " ")
    return [w for w in text.split() if w not in BULLETS and not re.fullmatch(r"\.{3,}", w)]


def source_words(path: Path) -> list[str]:
    """The words of a markup source in the order the renderer puts them on the page."""
    out: list[str] = []
    for block in load(path).blocks:
        if block.kind in ("pagebreak", "space", "indent"):
            continue
        if block.kind == "contents":
            for line in block.lines:
                number, title, page = ([c.strip() for c in line.split("|")] + ["", ""])[:3]
                first, _, rest = title.partition(" // ")
                # without a leader the page number stands on the title's first line
                parts = [number, first, page, rest] if block.options.get("leader") == "no" else [number, title, page]
                out += words(" ".join(parts))
        elif block.lines:
            out += words(" ".join(line.replace("|", " ") for line in block.lines))
        elif block.kind in ("pageheader", "pagefooter"):
            out += words(block.text.replace("|", " "))
        else:
            out += words(block.text)
    return out


def text_words(doc: WildDocument) -> list[str]:
    lines = doc.text_path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# source:") and lines[1].startswith("# note:")
    return words(" ".join(lines[2:]))


def test_the_wild_corpus_has_44_documents_and_a_fixed_split() -> None:
    assert len(DOCS) == 98
    assert {d.municipality for d in DOCS} <= set(MUNICIPALITIES.values())
    sealed = {d.municipality for d in DOCS if d.part == "sealed"}
    assert sealed == SEALED_MUNICIPALITIES
    assert {d.part for d in DOCS if d.municipality not in SEALED_MUNICIPALITIES} == {"dev"}
    own = [d for d in DOCS if not d.shared]
    assert len(own) == 82 and all(d.gold_path is not None and d.gold_path.exists() for d in own)
    assert len([d for d in own if d.part == "sealed"]) == 5


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.stem)
def test_source_keeps_the_words_of_its_text(doc: WildDocument) -> None:
    """Typesetting adds and drops nothing: the source's words are the text's, in order."""
    if not doc.text_path.exists():
        pytest.skip(f"{SHARED} is not present")
    assert source_words(doc.source_path) == text_words(doc)


def test_score_wild_reports_dev_and_sealed() -> None:
    empty = score_wild({})
    assert set(empty) == {"dev", "sealed"}
    assert empty["dev"]["items"] == 0.0 and empty["sealed"]["items"] == 0.0
    perfect = score_wild({d.stem: json.loads(d.gold_path.read_text(encoding="utf-8")) for d in with_gold()})
    assert perfect["dev"]["items"] == 1.0 and perfect["sealed"]["decisions"] == 1.0


# --------------------------------------------------------------------------- the PDFs


@pytest.mark.slow
def test_every_source_renders_in_every_look(wild_dir: Path) -> None:
    for look in ALL_LOOKS:
        for doc in DOCS:
            pdf = wild_dir / look / f"{doc.stem}.pdf"
            assert pdf.exists(), pdf
            assert page_texts(pdf), pdf
    assert len(ALL_LOOKS) >= len(LOOKS) + 2


@pytest.mark.slow
@pytest.mark.parametrize("look", list(ALL_LOOKS))
@pytest.mark.parametrize("doc", with_gold(), ids=lambda d: d.stem)
def test_gold_text_is_in_pdf(wild_dir: Path, look: str, doc: WildDocument) -> None:
    gold = json.loads(doc.gold_path.read_text(encoding="utf-8"))
    text = flat("\n".join(page_texts(wild_dir / look / f"{doc.stem}.pdf", body=True)))
    missing = [w for w in gold_strings(gold) if flat(w) not in text]
    assert not missing, f"{look}/{doc.stem}: {missing[:5]}"


@pytest.mark.slow
def test_pages_carry_the_numbers_printed_in_the_original(wild_dir: Path) -> None:
    """Esbjerg's items sit on pages numbered 2, 3, 5, 7 as in the original (a page mark)."""
    for look in ALL_LOOKS:
        pages = page_texts(wild_dir / look / "esbjerg_oekonomiudvalget_2014-11-03_referat.pdf")
        numbered = {}
        for text in pages:
            item = re.search(r"^(\d)\. ", text, flags=re.M)
            footer = re.search(r"^Side (\d)$", text, flags=re.M)
            if item and footer and "Indholdsfortegnelse" not in text:
                numbered.setdefault(int(item.group(1)), int(footer.group(1)))
        assert numbered == {1: 2, 2: 3, 3: 5, 4: 7}, (look, numbered)


@pytest.mark.slow
def test_webprint_has_browser_furniture(wild_dir: Path) -> None:
    pages = page_texts(wild_dir / "webprint" / "koebenhavn_kgs-enghave-lokaludvalg_2018-11-08_referat.pdf")
    for n, text in enumerate(pages, 1):
        lines = text.strip().splitlines()
        assert lines[0].startswith(ALL_LOOKS["webprint"].printed), lines[0]
        assert lines[-1].startswith("https://www.kk.dk/") and lines[-1].endswith(f"{n}/{len(pages)}"), lines[-1]


@pytest.mark.slow
def test_plain_look_has_one_font_and_one_size(wild_dir: Path) -> None:
    with pdfplumber.open(wild_dir / "plain" / "faxe_socialudvalget_2020-05-25_referat.pdf") as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    assert {c["fontname"] for c in chars} == {"Courier"}
    assert len({round(c["size"], 1) for c in chars}) == 1


@pytest.mark.slow
def test_rebuilding_is_a_no_op(wild_dir: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in wild_dir.rglob("*.pdf")}
    assert len(before) == len(DOCS) * len(ALL_LOOKS)
    build_wild(wild_dir)
    assert before == {p: p.stat().st_mtime_ns for p in wild_dir.rglob("*.pdf")}


def test_rendering_is_byte_reproducible(tmp_path: Path) -> None:
    from dagsorden.corpus.build import render_pdf

    doc = next(d for d in DOCS if d.stem.startswith("haderslev"))
    for look in ("webprint", "edoc"):
        a, b = tmp_path / f"{look}-a.pdf", tmp_path / f"{look}-b.pdf"
        render_pdf(doc.source_path, ALL_LOOKS[look], a)
        render_pdf(doc.source_path, ALL_LOOKS[look], b)
        assert a.read_bytes() == b.read_bytes()
