"""python -m dagsorden.corpus.wild build|evaluate OUT_DIR (see dagsorden.corpus.wild)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dagsorden.corpus import score
from dagsorden.corpus.looks import ALL_LOOKS
from dagsorden.corpus.wild import PARTS, SHARED, build_wild, evaluate, wild_documents


def _print_table(title: str, scores: dict[str, dict[str, float]], parts: list[str]) -> None:
    print(f"== {title}")
    width = max(len(f) for f in score.FIELDS)
    print(f"{'field':<{width}}  " + "  ".join(f"{p:>7}" for p in parts))
    for field in score.FIELDS:
        cells = [scores[p].get(field) for p in parts]
        if all(c is None for c in cells):
            continue
        print(f"{field:<{width}}  " + "  ".join(f"{'-' if c is None else c:>7}" for c in cells))
    means = []
    for p in parts:
        values = list(scores[p].values())
        means.append(f"{sum(values) / len(values):>7.3f}" if values else f"{'-':>7}")
    print(f"{'mean F1':<{width}}  " + "  ".join(means))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dagsorden.corpus.wild",
                                     description="Build and score the wild corpus.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="render every wild source in every look")
    build.add_argument("out_dir", type=Path)
    build.add_argument("--look", action="append", choices=sorted(ALL_LOOKS), help="default: all looks")
    ev = sub.add_parser("evaluate", help="extract the rendered PDFs and score them against the gold")
    ev.add_argument("out_dir", type=Path)
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--part", choices=["dev", "sealed", "all"], default="all")
    args = parser.parse_args(argv)

    if args.command == "build":
        for path in build_wild(args.out_dir, args.look):
            print(path)
        return 0

    if not args.out_dir.is_dir():
        parser.error(f"{args.out_dir} is not a folder (run `build` first)")
    parts = list(PARTS) if args.part == "all" else [args.part]
    docs = wild_documents()
    missing = [d.stem for d in docs if d.gold_path is None]
    result = evaluate(args.out_dir)
    result = {look: {p: scores[p] for p in parts} for look, scores in result.items()}
    if args.json:
        print(json.dumps({"scores": result, "skipped_without_gold": missing}, ensure_ascii=False, indent=1))
        return 0
    for p in parts:
        scored = [d.stem for d in docs if d.part == p and d.gold_path is not None]
        print(f"{p}: {len(scored)} documents ({', '.join(sorted({d.municipality for d in docs if d.part == p}))})")
    if missing:
        print(f"note: {len(missing)} shared documents skipped, no gold at {SHARED / 'gold'}")
    for look, scores in result.items():
        _print_table(f"look: {look}" if look != "overall" else "overall (all looks)", scores, parts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
