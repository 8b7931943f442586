#!/usr/bin/env python3
"""Score extraction output against gold annotations (vendored copy of ../shared/tools/score.py).

usage: score.py GOLD_DIR PRED_DIR [--json]

GOLD_DIR holds one <name>.json gold file per document (see CONTRACT.md).
PRED_DIR holds the extractor's output for the same documents, matched by
file stem: gold "000_x.json" is compared with the prediction whose stem is
"000_x" (a ".pdf.json" suffix is accepted too).  A missing prediction scores 0.

Prints precision / recall / F1 per field and document, then micro totals.
Only the standard library is used, so it runs anywhere.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

FIELDS = [
    "meeting.date", "meeting.committee", "meeting.location", "participants",
    "items", "items.case_number", "recommendations", "decisions", "attachments",
    "amounts", "tariffs", "entities.PER", "entities.ORG", "entities.LOC",
]


def norm(s) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).casefold()
    s = re.sub(r"^[\s•\-–·o\u2022\uf0b7]+", "", s)          # leading bullet glyphs
    s = re.sub(r"\s+", " ", s).strip(" .:;,")
    return s


def similar(a, b) -> float:
    a, b = norm(a), norm(b)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


class Count:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp, n_pred, n_gold):
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if self.fn == 0 else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def empty(self):
        return self.tp + self.fp + self.fn == 0


def greedy_match(gold: list, pred: list, ok) -> int:
    """Number of one-to-one pairs (g, p) with ok(g, p), greedy in gold order."""
    used = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and ok(g, p):
                used.add(j)
                tp += 1
                break
    return tp


def names(people) -> list[str]:
    out = []
    for p in people or []:
        out.append(p.get("name") if isinstance(p, dict) else p)
    return [n for n in out if n]


def attachment_titles(item) -> list[str]:
    out = []
    for a in item.get("attachments") or []:
        out.append(a.get("title") if isinstance(a, dict) else a)
    return [t for t in out if t]


def entity_sets(doc) -> dict[str, set]:
    ents = doc.get("entities") or {}
    sets: dict[str, set] = {"PER": set(), "ORG": set(), "LOC": set()}
    if isinstance(ents, dict):
        for label, values in ents.items():
            sets.setdefault(label, set()).update(norm(v) for v in values)
    else:
        for e in ents:
            sets.setdefault(e.get("label"), set()).add(norm(e.get("text")))
    return sets


def money_key(a):
    v = a.get("value_dkk")
    return None if v is None else round(float(v), 2)


def score_doc(gold: dict, pred: dict) -> dict[str, Count]:
    c = {f: Count() for f in FIELDS}
    gm, pm = gold.get("meeting") or {}, pred.get("meeting") or {}

    def single(field, ok):
        g = gm.get(field)
        p = pm.get(field)
        if g is None:
            return
        hit = 1 if (p is not None and ok(g, p)) else 0
        c["meeting." + field].add(hit, 1 if p is not None else 0, 1)

    single("date", lambda g, p: str(g) == str(p))
    single("committee", lambda g, p: similar(g, p) >= 0.8 or norm(g) in norm(p) or norm(p) in norm(g))
    single("location", lambda g, p: similar(g, p) >= 0.8 or norm(g) in norm(p))

    gp = names(gold.get("participants")) + names(gold.get("absent")) + names(gold.get("guests"))
    pp = names(pred.get("participants")) + names(pred.get("absent")) + names(pred.get("guests"))
    c["participants"].add(greedy_match(gp, pp, lambda g, p: similar(g, p) >= 0.9), len(pp), len(gp))

    gitems = gold.get("items") or []
    pitems = pred.get("items") or []
    by_number: dict = {}
    for it in pitems:
        by_number.setdefault(it.get("number"), it)
    matched = []
    for g in gitems:
        p = by_number.get(g.get("number"))
        if p is not None and similar(g.get("title"), p.get("title")) >= 0.85:
            matched.append((g, p))
    c["items"].add(len(matched), len(pitems), len(gitems))

    gold_by_number = {g.get("number"): g for g in gitems}
    for g in gitems:
        p = by_number.get(g.get("number"))
        p = p if p is not None and (g, p) in matched else None
        gcase = g.get("case_number")
        pcase = p.get("case_number") if p else None
        if gcase or pcase:
            hit = 1 if gcase and pcase and norm(gcase) == norm(pcase) else 0
            c["items.case_number"].add(hit, 1 if pcase else 0, 1 if gcase else 0)
        grec = g.get("recommendations") or []
        prec = (p.get("recommendations") or []) if p else []
        c["recommendations"].add(greedy_match(grec, prec, lambda a, b: similar(a, b) >= 0.8), len(prec), len(grec))
        gdec, pdec = g.get("decision"), (p.get("decision") if p else None)
        if gdec or pdec:
            hit = 1 if gdec and pdec and similar(gdec, pdec) >= 0.8 else 0
            c["decisions"].add(hit, 1 if pdec else 0, 1 if gdec else 0)
        gatt, patt = attachment_titles(g), (attachment_titles(p) if p else [])
        c["attachments"].add(greedy_match(gatt, patt, lambda a, b: similar(a, b) >= 0.8), len(patt), len(gatt))
    # predicted items with no gold counterpart still count their facts as false positives
    for p in pitems:
        if p.get("number") not in gold_by_number:
            c["recommendations"].add(0, len(p.get("recommendations") or []), 0)
            c["attachments"].add(0, len(attachment_titles(p)), 0)
            if p.get("decision"):
                c["decisions"].add(0, 1, 0)

    gam = [a for a in gold.get("amounts") or [] if money_key(a) is not None]
    pam = [a for a in pred.get("amounts") or [] if money_key(a) is not None]
    c["amounts"].add(greedy_match(gam, pam, lambda g, p: money_key(g) == money_key(p)
                                  and (g.get("item") is None or g.get("item") == p.get("item"))),
                     len(pam), len(gam))

    gt = [t for t in gold.get("tariffs") or [] if money_key(t) is not None]
    pt = [t for t in pred.get("tariffs") or [] if money_key(t) is not None]
    c["tariffs"].add(greedy_match(gt, pt, lambda g, p: money_key(g) == money_key(p)
                                  and (similar(g.get("label"), p.get("label")) >= 0.5
                                       or norm(g.get("label")) in norm(p.get("label")))),
                     len(pt), len(gt))

    ge, pe = entity_sets(gold), entity_sets(pred)
    for label in ("PER", "ORG", "LOC"):
        gs, ps = ge.get(label, set()), pe.get(label, set())
        c["entities." + label].add(len(gs & ps), len(ps), len(gs))
    return c


def find_pred(pred_dir: Path, stem: str) -> Path | None:
    for cand in (f"{stem}.json", f"{stem}.pdf.json", f"{stem}.txt.json"):
        if (pred_dir / cand).exists():
            return pred_dir / cand
    return None


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold_dir, pred_dir = Path(args[0]), Path(args[1])
    totals = {f: Count() for f in FIELDS}
    per_doc = {}
    for gfile in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gfile.read_text(encoding="utf-8"))
        stem = Path(gold.get("source") or gfile.stem).stem
        pfile = find_pred(pred_dir, stem) or find_pred(pred_dir, gfile.stem)
        pred = json.loads(pfile.read_text(encoding="utf-8")) if pfile else {}
        counts = score_doc(gold, pred)
        per_doc[gfile.stem] = {f: (None if cnt.empty() else round(cnt.prf()[2], 3)) for f, cnt in counts.items()}
        if pfile is None:
            per_doc[gfile.stem]["missing"] = True
        for f, cnt in counts.items():
            totals[f].tp += cnt.tp
            totals[f].fp += cnt.fp
            totals[f].fn += cnt.fn
    summary = {}
    for f, cnt in totals.items():
        if cnt.empty():
            continue
        p, r, f1 = cnt.prf()
        summary[f] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
                      "gold": cnt.tp + cnt.fn, "pred": cnt.tp + cnt.fp}
    if "--json" in argv:
        print(json.dumps({"fields": summary, "documents": per_doc}, ensure_ascii=False, indent=1))
        return 0
    docs = list(per_doc)
    width = max([len(f) for f in FIELDS] + [5])
    print(f"{'field':<{width}}  {'P':>5} {'R':>5} {'F1':>5} {'gold':>5}  " + "  ".join(d[:12] for d in docs))
    for f in FIELDS:
        if f not in summary:
            continue
        s = summary[f]
        cells = "  ".join(f"{'-' if per_doc[d][f] is None else per_doc[d][f]:>12}" for d in docs)
        print(f"{f:<{width}}  {s['precision']:>5} {s['recall']:>5} {s['f1']:>5} {s['gold']:>5}  {cells}")
    missing = [d for d in docs if per_doc[d].get("missing")]
    if missing:
        print("no prediction for: " + ", ".join(missing))
    f1s = [s["f1"] for s in summary.values()]
    print(f"mean F1 over fields: {sum(f1s) / len(f1s):.3f}" if f1s else "nothing scored")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
