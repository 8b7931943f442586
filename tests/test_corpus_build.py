"""The rendered corpus PDFs show what the gold annotations and the extractor expect.

These tests look at the PDFs the way a reader (or pdfplumber) does: text,
pages, fonts, ruled tables. They do not look at the builder's internals.
"""
from __future__ import annotations

import functools
import json
import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from dagsorden.corpus.build import build_corpus, render_pdf
from dagsorden.corpus.looks import LOOKS
from dagsorden.extractor.read.pdf import dedupe_chars

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOLD = sorted((CORPUS / "gold").glob("*.json"))


@functools.lru_cache(maxsize=None)
def page_texts(pdf_path: Path) -> list[str]:
    """Page texts with fake-bold duplicates removed, as an extractor would."""
    with pdfplumber.open(pdf_path) as pdf:
        return [(clean(p, pdf_path.parent.name).extract_text() or "") for p in pdf.pages]


def clean(page: pdfplumber.page.Page, look: str) -> pdfplumber.page.Page:
    """Drop fake-bold duplicates where the look has them, with the reader's linear pass
    (pdfplumber's own `dedupe_chars` is quadratic: ../shared/PERFORMANCE.md)."""
    if not LOOKS[look].overprint:
        return page
    kept = {id(char) for char in dedupe_chars(page.chars)[0]}
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in kept)


def flat(text: str) -> str:
    """Join line-end hyphenation and collapse whitespace."""
    text = re.sub(r"(?<=[a-zæøå])-\n(?=[a-zæøå])", "", text)
    return re.sub(r"\s+", " ", text)


def gold_cases() -> list[tuple[str, Path]]:
    return [(look, g) for look in LOOKS for g in GOLD]


def pdf_for(corpus_dir: Path, look: str, gold: Path) -> Path:
    return corpus_dir / look / (gold.stem + ".pdf")


@pytest.mark.parametrize("look,gold", gold_cases(), ids=lambda v: getattr(v, "stem", v))
def test_gold_text_is_in_pdf(corpus_dir: Path, look: str, gold: Path) -> None:
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = flat("\n".join(page_texts(pdf_for(corpus_dir, look, gold))))
    wanted: list[str] = []
    for item in data["items"]:
        wanted.append(item["title"])
        wanted += item["recommendations"] + item["attachments"]
        if item["case_number"]:
            wanted.append(item["case_number"])
    for group in ("participants", "absent", "guests"):
        wanted += [p["name"] for p in data[group]]
    wanted += [a["text"] for a in data["amounts"]]
    meeting = data["meeting"]
    wanted += [meeting[k] for k in ("committee", "location") if meeting[k]]
    missing = [w for w in wanted if flat(w) not in text]
    assert not missing, f"{look}/{gold.stem}: {missing[:5]}"


@pytest.mark.parametrize("look", list(LOOKS))
@pytest.mark.parametrize("stem", ["001_6c7cb2df0362f233", "002_25e43dcc1d34d20d"])
def test_each_item_starts_on_its_own_page(corpus_dir: Path, look: str, stem: str) -> None:
    pages = page_texts(corpus_dir / look / f"{stem}.pdf")
    seen: dict[int, int] = {}
    for n, text in enumerate(pages, 1):
        numbers = [int(m) for m in re.findall(r"^Punkt (\d+)\.$", text, flags=re.M)]
        assert len(numbers) <= 1, f"page {n} holds items {numbers}"
        for number in numbers:
            seen[number] = n
    gold = json.loads((CORPUS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    assert sorted(seen) == [i["number"] for i in gold["items"]]
    assert list(seen.values()) == sorted(seen.values())


@pytest.mark.parametrize("look", list(LOOKS))
def test_word_template_items_start_pages(corpus_dir: Path, look: str) -> None:
    """000: every "Punkt" page label starts a page, and "(side N)" points at it."""
    pages = page_texts(corpus_dir / look / "000_2f48120141bc914f.pdf")
    labels = {n: m.group(1) for n, t in enumerate(pages, 1)
              if (m := re.search(r"^(Punkt [\d +-]+)$", t, flags=re.M))}
    assert list(labels.values()) == ["Punkt 1 + 2", "Punkt 3", "Punkt 4", "Punkt 5", "Punkt 6",
                                     "Punkt 7-9", "Punkt 10-11"]
    programme = flat(pages[0])
    for number, page in re.findall(r"(\d+)\. [^()]+\(side (\d+)\)", programme):
        assert re.search(rf"^{number}\. ", pages[int(page) - 1], flags=re.M), (number, page)


@pytest.mark.parametrize("look", list(LOOKS))
def test_toc_page_numbers_point_to_items(corpus_dir: Path, look: str) -> None:
    pages = page_texts(corpus_dir / look / "002_25e43dcc1d34d20d.pdf")
    toc = re.findall(r"^(\d+)\. .*?(\d+)$", pages[1], flags=re.M)
    assert len(toc) >= 16
    for number, page in toc:
        assert re.search(rf"^Punkt {number}\.$", pages[int(page) - 1], flags=re.M), (number, page)


@pytest.mark.parametrize("look", list(LOOKS))
def test_running_header_and_footer_carry_page_number(corpus_dir: Path, look: str) -> None:
    for pdf_path in sorted((corpus_dir / look).glob("*.pdf")):
        pages = page_texts(pdf_path)
        for n, text in enumerate(pages, 1):
            lines = text.strip().splitlines()
            assert re.search(rf"(^|\D){n}(\D|$)", lines[-1]), (pdf_path.name, n, lines[-1])


@pytest.mark.parametrize("look", list(LOOKS))
def test_tariff_tables_are_ruled(corpus_dir: Path, look: str) -> None:
    path = corpus_dir / look / "002_25e43dcc1d34d20d.pdf"
    wanted = [n for n, text in enumerate(page_texts(path)) if "Takstgruppe 1" in text]
    with pdfplumber.open(path) as pdf:
        rows = []
        for n in wanted:
            for table in clean(pdf.pages[n], look).find_tables():
                rows += table.extract()
    labels = [r[0] for r in rows if r and r[0]]
    assert any("Takstgruppe 1 (1-7 pladser)" in label for label in labels), labels
    row = next(r for r in rows if r[0] and r[0].startswith("Takstgruppe 4"))
    assert row[1:3] == ["128.653", "131.555"]


def _body_family(page: pdfplumber.page.Page, min_size: float = 9) -> str:
    fonts = Counter(c["fontname"].split("-")[0] for c in page.chars
                    if c["size"] >= min_size and c["fontname"] != "Symbol")
    return fonts.most_common(1)[0][0]


@pytest.mark.parametrize("look", list(LOOKS))
def test_appendix_uses_another_font_family(corpus_dir: Path, look: str) -> None:
    path = corpus_dir / look / "002_25e43dcc1d34d20d.pdf"
    texts = page_texts(path)
    with pdfplumber.open(path) as pdf:
        item = next(i for i, t in enumerate(texts) if re.search(r"^Punkt 3\.$", t, flags=re.M))
        appendix = next(i for i, t in enumerate(texts) if "Socialtilsyn Nord – Budget 2024:" in t)
        assert appendix > item
        assert _body_family(pdf.pages[item]) != _body_family(pdf.pages[appendix])


def test_overprint_look_has_duplicate_chars(corpus_dir: Path) -> None:
    with pdfplumber.open(corpus_dir / "overprint" / "002_25e43dcc1d34d20d.pdf") as pdf:
        page = pdf.pages[3]
        raw, deduped = len(page.chars), len(page.dedupe_chars().chars)
        assert raw > deduped + 20
        assert not any("Bold" in c["fontname"] for c in page.chars)
    with pdfplumber.open(corpus_dir / "classic" / "002_25e43dcc1d34d20d.pdf") as pdf:
        page = pdf.pages[3]
        assert len(page.chars) == len(page.dedupe_chars().chars)
        assert any("Bold" in c["fontname"] for c in page.chars)


def test_modern_look_hyphenates_long_words(corpus_dir: Path) -> None:
    text = "\n".join(page_texts(corpus_dir / "modern" / "002_25e43dcc1d34d20d.pdf"))
    assert len(re.findall(r"[a-zæøå]{3}-\n[a-zæøå]{3}", text)) >= 5


def test_output_is_reproducible_and_cached(corpus_dir: Path, tmp_path: Path) -> None:
    source = CORPUS / "sources" / "000_2f48120141bc914f.txt"
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_pdf(source, LOOKS["classic"], a)
    render_pdf(source, LOOKS["classic"], b)
    assert a.read_bytes() == b.read_bytes()
    before = {p: p.stat().st_mtime_ns for p in corpus_dir.rglob("*.pdf")}
    build_corpus(corpus_dir)
    assert before == {p: p.stat().st_mtime_ns for p in corpus_dir.rglob("*.pdf")}
