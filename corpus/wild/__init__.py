"""The wild corpus: 44 meeting documents of other municipalities, rendered as PDFs and scored.

    python -m dagsorden.corpus.wild build OUT_DIR [--look NAME ...]
    python -m dagsorden.corpus.wild evaluate OUT_DIR [--json] [--part dev|sealed|all]

Each document is a plain text (`src/*.txt` here, and `../shared/wild/src` next to the
repository) with gold annotations; `sources/<stem>.txt` is the same text in the corpus
markup, typeset by hand after the published layout (see corpus/README.md). `build` renders
every source in every look to OUT_DIR/<look>/<stem>.pdf (cached: only rebuilt when older
than the builder or the source); `evaluate` extracts each PDF with the pipeline and scores it
against its gold, for the dev part and the sealed part separately.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from dagsorden.corpus import score
from dagsorden.corpus.build import render_cached
from dagsorden.corpus.looks import ALL_LOOKS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the repository root (the `dagsorden` package folder)
SOURCES = HERE / "sources"  # markup sources, one per document
OWN_SRC = HERE / "src"  # our own 28 documents: plain text ...
OWN_GOLD = HERE / "gold"  # ... and their gold
SHARED = ROOT.parent / "shared" / "wild"  # the 16 shared documents (src/, gold/), if present
PARTS = ("dev", "sealed")

# The split is by municipality, so that one publishing layout never sits on both sides.
# The sealed part is scored and reported but never used to tune rules: it is the only
# honest estimate of how the extractor does on a layout it was not fitted to. Do not move a
# municipality between the parts to improve a number.
SEALED_MUNICIPALITIES = frozenset({
    # shared set
    "Fredensborg", "Gribskov", "Holbæk", "Næstved", "Slagelse",
    # own set
    "Esbjerg", "Kolding", "Lejre", "Odsherred", "Skive",
})

# File-name prefix -> municipality as it is spelt.
MUNICIPALITIES = {
    "albertslund": "Albertslund", "bornholm": "Bornholm", "esbjerg": "Esbjerg", "faxe": "Faxe",
    "fredensborg": "Fredensborg", "frederikssund": "Frederikssund", "gribskov": "Gribskov",
    "haderslev": "Haderslev", "hjoerring": "Hjørring", "holbaek": "Holbæk", "ishoej": "Ishøj",
    "kalundborg": "Kalundborg", "koebenhavn": "København", "koege": "Køge", "kolding": "Kolding",
    "lejre": "Lejre", "lyngby-taarbaek": "Lyngby-Taarbæk", "mariagerfjord": "Mariagerfjord",
    "naestved": "Næstved", "odense": "Odense", "odsherred": "Odsherred",
    "ringkoebing-skjern": "Ringkøbing-Skjern", "roedovre": "Rødovre", "roskilde": "Roskilde",
    "skive": "Skive", "slagelse": "Slagelse", "vejen": "Vejen",
    # set 3 (own, dev)
    "aalborg": "Aalborg", "assens": "Assens", "egedal": "Egedal", "favrskov": "Favrskov",
    "frederikshavn": "Frederikshavn", "furesoe": "Furesø", "gentofte": "Gentofte",
    "gladsaxe": "Gladsaxe", "greve": "Greve", "guldborgsund": "Guldborgsund",
    "halsnaes": "Halsnæs", "hilleroed": "Hillerød", "holstebro": "Holstebro", "horsens": "Horsens",
    "hvidovre": "Hvidovre", "ikast-brande": "Ikast-Brande", "jammerbugt": "Jammerbugt",
    "lolland": "Lolland", "norddjurs": "Norddjurs", "nyborg": "Nyborg", "randers": "Randers",
    "rebild": "Rebild", "ringsted": "Ringsted", "silkeborg": "Silkeborg",
    "skanderborg": "Skanderborg", "soenderborg": "Sønderborg", "svendborg": "Svendborg",
    "varde": "Varde", "vejle": "Vejle", "viborg": "Viborg", "vordingborg": "Vordingborg",
    "aabenraa": "Aabenraa", "fredericia": "Fredericia",
    # set 7 (own, dev)
    "faaborg-midtfyn": "Faaborg-Midtfyn", "frederiksberg": "Frederiksberg", "glostrup": "Glostrup",
    "hoeje-taastrup": "Høje-Taastrup", "nordfyns": "Nordfyns", "rudersdal": "Rudersdal",
    "solroed": "Solrød", "struer": "Struer", "toender": "Tønder",
    # set 8 (own, dev)
    "aeroe": "Ærø", "fanoe": "Fanø", "helsingoer": "Helsingør", "langeland": "Langeland",
    "lemvig": "Lemvig", "taarnby": "Tårnby", "vallensbaek": "Vallensbæk",
    "vesthimmerland": "Vesthimmerland",
}


@dataclass(frozen=True)
class WildDocument:
    stem: str
    municipality: str
    part: str  # "dev" | "sealed"
    source_path: Path  # the markup source
    gold_path: Path | None  # None: the shared gold folder is not present

    @property
    def shared(self) -> bool:
        return not (OWN_SRC / f"{self.stem}.txt").exists()

    @property
    def text_path(self) -> Path:
        """The plain text the source was typeset from."""
        return (SHARED / "src" if self.shared else OWN_SRC) / f"{self.stem}.txt"


def municipality(stem: str) -> str:
    prefix = stem.split("_")[0]
    if prefix not in MUNICIPALITIES:
        raise ValueError(f"{stem}: unknown municipality {prefix!r}; add it to MUNICIPALITIES")
    return MUNICIPALITIES[prefix]


def wild_documents() -> list[WildDocument]:
    """All wild documents with a markup source, in stem order."""
    docs = []
    for source in sorted(SOURCES.glob("*.txt")):
        stem = source.stem
        name = municipality(stem)
        own = OWN_GOLD / f"{stem}.json"
        if (OWN_SRC / f"{stem}.txt").exists():
            gold: Path | None = own if own.exists() else None
        else:
            shared = SHARED / "gold" / f"{stem}.json"
            gold = shared if shared.exists() else None
        docs.append(WildDocument(stem, name, "sealed" if name in SEALED_MUNICIPALITIES else "dev", source, gold))
    return docs


# --------------------------------------------------------------------------- build


def build_wild(out_dir: Path, looks: list[str] | None = None) -> list[Path]:
    """Render every wild source in every look to OUT/<look>/<stem>.pdf; skip up-to-date PDFs."""
    return render_cached(out_dir, looks or list(ALL_LOOKS), ALL_LOOKS,
                         [(doc.source_path, doc.source_path.stat().st_mtime) for doc in wild_documents()])


# --------------------------------------------------------------------------- scoring


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _totals(predictions: dict[str, dict]) -> dict[str, dict[str, score.Count]]:
    """Counts per part and field over the documents with gold (missing prediction: empty)."""
    totals = {part: {f: score.Count() for f in score.FIELDS} for part in PARTS}
    for doc in wild_documents():
        if doc.gold_path is None:
            continue
        counts = score.score_doc(_load(doc.gold_path), predictions.get(doc.stem) or {})
        for field, count in counts.items():
            total = totals[doc.part][field]
            total.tp += count.tp
            total.fp += count.fp
            total.fn += count.fn
    return totals


def _f1(totals: dict[str, score.Count]) -> dict[str, float]:
    return {field: round(count.prf()[2], 3) for field, count in totals.items() if not count.empty()}


def score_wild(predictions: dict[str, dict]) -> dict[str, dict[str, float]]:
    """F1 per field for the dev and the sealed part, given extractions (contract JSON) by stem.

    Every document with gold counts; a document without a prediction scores as empty.
    """
    return {part: _f1(counts) for part, counts in _totals(predictions).items()}


def predict(look_dir: Path, out_dir: Path) -> dict[str, dict]:
    """Extract every PDF of one look; writes OUT/<stem>.json and returns the predictions."""
    from dagsorden.extractor.pipeline import extract_document

    out_dir.mkdir(parents=True, exist_ok=True)
    predictions = {}
    for pdf in sorted(look_dir.glob("*.pdf")):
        data = json.loads(extract_document(pdf).model_dump_json(exclude={"pages"}))
        (out_dir / f"{pdf.stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1),
                                                 encoding="utf-8")
        predictions[pdf.stem] = data
    return predictions


def evaluate(out_dir: Path) -> dict[str, dict[str, dict[str, float]]]:
    """{look | "overall": {part: {field: f1}}} for the looks rendered in OUT_DIR."""
    looks = sorted(p for p in Path(out_dir).iterdir()
                   if p.is_dir() and p.name != "predictions" and any(p.glob("*.pdf")))
    result: dict[str, dict[str, dict[str, float]]] = {}
    overall = {part: {f: score.Count() for f in score.FIELDS} for part in PARTS}
    for look in looks:
        totals = _totals(predict(look, Path(out_dir) / "predictions" / look.name))
        result[look.name] = {part: _f1(counts) for part, counts in totals.items()}
        for part in PARTS:
            for field, count in totals[part].items():
                overall[part][field].tp += count.tp
                overall[part][field].fp += count.fp
                overall[part][field].fn += count.fn
    result["overall"] = {part: _f1(counts) for part, counts in overall.items()}
    return result
