"""Extract every look of the corpus and score it against corpus/gold.

usage: python -m dagsorden.corpus.evaluate CORPUS_DIR [--json]

Writes predictions to CORPUS_DIR/predictions/<look>/<stem>.json and prints the
scorer's table per look, so a change to the extractor is measured on every rendering.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from dagsorden.corpus import score
from dagsorden.extractor.pipeline import extract_document

GOLD = Path(__file__).resolve().parent / "gold"


def predict(look_dir: Path, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(look_dir.glob("*.pdf")):
        extraction = extract_document(pdf).model_dump(mode="json", exclude={"pages"})
        (out_dir / f"{pdf.stem}.json").write_text(json.dumps(extraction, ensure_ascii=False, indent=1),
                                                 encoding="utf-8")
    return out_dir


def score_look(pred_dir: Path) -> dict[str, score.Count]:
    predictions = {}
    for gold_file in sorted(GOLD.glob("*.json")):
        pred_file = score.find_pred(pred_dir, gold_file.stem)
        predictions[gold_file.stem] = json.loads(pred_file.read_text(encoding="utf-8")) if pred_file else {}
    return score_predictions(predictions)


def score_predictions(predictions: dict[str, dict], gold_dir: Path = GOLD) -> dict[str, score.Count]:
    """Totals over the gold documents of `gold_dir`, given predictions by stem (missing: empty)."""
    totals = {f: score.Count() for f in score.FIELDS}
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for field, count in score.score_doc(gold, predictions.get(gold_file.stem, {})).items():
            totals[field].tp += count.tp
            totals[field].fp += count.fp
            totals[field].fn += count.fn
    return totals


def f1_by_field(totals: dict[str, score.Count]) -> dict[str, float]:
    return {field: round(count.prf()[2], 3) for field, count in totals.items() if not count.empty()}


def evaluate(corpus_dir: Path) -> dict[str, dict[str, float]]:
    looks = sorted(p for p in corpus_dir.iterdir() if p.is_dir() and p.name != "predictions")
    return {look.name: f1_by_field(score_look(predict(look, corpus_dir / "predictions" / look.name)))
            for look in looks}


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    corpus_dir = Path(args[0])
    if "--json" in argv:
        print(json.dumps(evaluate(corpus_dir), indent=1))
        return 0
    for look in sorted(p for p in corpus_dir.iterdir() if p.is_dir() and p.name != "predictions"):
        pred_dir = predict(look, corpus_dir / "predictions" / look.name)
        print(f"== look: {look.name}")
        score.main([str(GOLD), str(pred_dir)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
