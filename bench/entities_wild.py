"""Entity P/R/F1 on the wild texts (../shared/wild and corpus/wild), dev and sealed apart.

usage: python bench/entities_wild.py [--detail] [--no-cache] [--das CORPUS_DIR]

Each text is drawn as a quick PDF (one text line per PDF line, long lines wrapped, a line
holding only a form feed starts a page), extracted with `extract_document`, and its entity
names are compared with the gold `entities` using the normalisation and micro F1 of
../shared/tools/score.py (`entity_sets`, `norm`). `--detail` lists the misses and the false
finds of the DEV documents only: the SEALED municipalities are scored, never shown.
PDFs and segmented documents are cached under build/wild-bench/ (the segment stage is not
this bench's concern; `--no-cache` redraws and re-reads). `--das build/corpus` scores the
bundled corpus's looks instead (built by `python -m dagsorden.corpus.build build/corpus`),
the same entity figures `python -m dagsorden.corpus.evaluate` prints, in a fraction of its time.
"""
from __future__ import annotations

import importlib.util
import json
import pickle
import sys
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdfmaker import Text, make_pdf  # noqa: E402

SOURCES = [ROOT.parent / "shared" / "wild", ROOT / "corpus" / "wild"]
SEALED = ("fredensborg_", "gribskov_", "holbaek_", "naestved_", "slagelse_",
          "esbjerg_", "kolding_", "lejre_", "odsherred_", "skive_")
CACHE = ROOT / "build" / "wild-bench"
LINES_PER_PAGE = 52
WIDTH = 451  # A4 minus the margins pdfmaker leaves, in points
SIZE = 10
LABELS = ("PER", "ORG", "LOC")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", ROOT.parent / "shared" / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrap(line: str) -> list[Text]:
    """One text line as PDF lines: indentation kept as an x offset, long lines wrapped at words."""
    stripped = line.lstrip(" \t")
    indent = 72 + 2.5 * (len(line) - len(stripped))
    out: list[Text] = []
    current = ""
    for word in stripped.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, "Helvetica", SIZE) > WIDTH - (indent - 72):
            out.append(Text(current, x=indent, size=SIZE))
            current = word
        else:
            current = candidate
    out.append(Text(current, x=indent, size=SIZE))
    return out


def text_to_pdf(src: Path, pdf: Path) -> Path:
    lines = src.read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if not line.startswith("# source:") and not line.startswith("# note:")]
    pages: list[list[Text | None]] = [[]]
    for line in lines:
        if line.strip() == "\f":
            pages.append([])
            continue
        for part in (wrap(line) if line.strip() else [None]):
            if len(pages[-1]) >= LINES_PER_PAGE:
                pages.append([])
            pages[-1].append(part)
    pages = [p for p in pages if any(p)]
    return make_pdf(pdf, pages, footer=None)


def segmented(src: Path, use_cache: bool, name: str | None = None):
    """The document up to (not including) the facts stage, for a text file or a PDF."""
    from dagsorden.extractor.pipeline import STAGES, Job, run_stages
    from dagsorden.extractor.settings import ExtractSettings

    CACHE.mkdir(parents=True, exist_ok=True)
    name = name or src.stem
    pdf = src if src.suffix == ".pdf" else CACHE / f"{name}.pdf"
    cached = CACHE / f"{name}.segments.pickle"
    if use_cache and cached.exists() and cached.stat().st_mtime > src.stat().st_mtime:
        return pickle.loads(cached.read_bytes())
    if src.suffix != ".pdf":
        text_to_pdf(src, pdf)
    doc = run_stages(pdf, Job(pdf, ExtractSettings()), tuple(s for s in STAGES if s.name != "facts"))
    cached.write_bytes(pickle.dumps(doc))
    return doc


def prf(count) -> str:
    p, r, f = count.prf()
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def das(corpus: Path, detail: bool, use_cache: bool) -> int:
    from dagsorden.extractor.facts.document import segments_to_extraction

    score = load_scorer()
    gold_dir = ROOT / "corpus" / "gold"
    for look in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name != "predictions"):
        counts = {label: score.Count() for label in LABELS}
        for gold_file in sorted(gold_dir.glob("*.json")):
            pdf = look / f"{gold_file.stem}.pdf"
            if not pdf.exists():
                continue
            gold = score.entity_sets(json.loads(gold_file.read_text(encoding="utf-8")))
            extraction = segments_to_extraction(segmented(pdf, use_cache, f"das-{look.name}-{pdf.stem}"))
            pred = {label: {score.norm(e.text) for e in extraction.entities if e.label == label}
                    for label in LABELS}
            for label in LABELS:
                g, p = gold.get(label, set()), pred[label]
                counts[label].add(len(g & p), len(p), len(g))
                if detail and g != p:
                    print(f"{look.name}/{pdf.stem} {label}  missed: {sorted(g - p)}  false: {sorted(p - g)}")
        print(f"{look.name:>9}: " + " | ".join(f"{label} {prf(counts[label])}" for label in LABELS))
    return 0


def main(argv: list[str]) -> int:
    from dagsorden.extractor.facts.document import segments_to_extraction

    detail, use_cache = "--detail" in argv, "--no-cache" not in argv
    if "--das" in argv:
        return das(Path(argv[argv.index("--das") + 1]), detail, use_cache)
    score = load_scorer()
    totals = {split: {label: score.Count() for label in LABELS} for split in ("dev", "sealed")}
    for source in SOURCES:
        for gold_file in sorted((source / "gold").glob("*.json")):
            stem = gold_file.stem
            split = "sealed" if stem.startswith(SEALED) else "dev"
            gold = score.entity_sets(json.loads(gold_file.read_text(encoding="utf-8")))
            extraction = segments_to_extraction(segmented(source / "src" / f"{stem}.txt", use_cache))
            pred = {label: {score.norm(e.text) for e in extraction.entities if e.label == label}
                    for label in LABELS}
            for label in LABELS:
                g, p = gold.get(label, set()), pred[label]
                totals[split][label].add(len(g & p), len(p), len(g))
                if detail and split == "dev" and g != p:
                    print(f"{stem} {label}  missed: {sorted(g - p)}  false: {sorted(p - g)}")
    for split, counts in totals.items():
        print(f"{split:>6}: " + " | ".join(f"{label} {prf(counts[label])}" for label in LABELS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
