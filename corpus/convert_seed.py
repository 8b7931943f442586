"""One-off helper: turn a pdftotext seed into a *draft* source in the corpus markup.

The drafts were then hand-fixed (item/appendix markers, tables) and saved under
corpus/sources/; this script is kept so a new seed can be drafted the same way:

    python -m dagsorden.corpus.convert_seed corpus/seeds/NEW.txt > corpus/sources/NEW.txt

It only does the mechanical work: drop running headers/footers and the
"DAS SocialDAS Social" garbage, unify bullets, unwrap wrapped lines and join
words hyphenated at line end ("ram-" + "meaftaler").
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

# Lines that are page furniture of the original PDF, not content.
RUNNING = [
    re.compile(r"^Side \d+( af \d+)?$"),
    re.compile(r"^\d+/\d+$"),
    re.compile(r"^\d{1,3}$"),
    re.compile(r"^(DAS Social){2,}$"),
    re.compile(r"^DAS Social Møde den \d\d\.\d\d\.\d{4}$"),
    re.compile(r"^kl\. \d\d\.\d\d Side \d+ af \d+$"),
    re.compile(r"^Mødet den \d\d\.\d\d\.\d{4} DAS Social$"),
    re.compile(r"^Dokument: Neutral titel$"),
    re.compile(r"^Click here to enter text\.$"),
]
BULLET = re.compile(r"^[\uf0b7\u2022\uf0a7\u25aa]\s*")
SUBBULLET = re.compile(r"^(?:[\u25e6]|o)\s+")
# Words that legitimately follow a dangling hyphen ("social- og sundhed").
KEEP_HYPHEN_BEFORE = {"og", "eller", "til", "samt", "&"}


def clean_lines(text: str) -> list[str]:
    """Strip page furniture and normalise bullets, one output entry per seed line."""
    out: list[str] = []
    for raw in text.replace("\f", "\n").splitlines():
        line = raw.strip().replace("\u00a0", " ")
        if any(p.match(line) for p in RUNNING):
            continue
        if BULLET.match(line):
            line = "- " + BULLET.sub("", line)
        elif SUBBULLET.match(line) and len(line) > 3:
            line = "-- " + SUBBULLET.sub("", line)
        out.append(re.sub(r"\s{2,}", " ", line))
    return out


def join(prev: str, nxt: str) -> str:
    """Join two wrapped lines, removing a line-end hyphenation."""
    first = nxt.lstrip("- ").split(" ")[0] if nxt.startswith("-") else nxt.split(" ")[0]
    if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha():
        if first and first[0].islower() and first not in KEEP_HYPHEN_BEFORE:
            return prev[:-1] + nxt
        return prev + " " + nxt
    return prev + " " + nxt


HEADINGS = {"Resume", "Resumé", "Baggrund", "Indstilling", "Bilag", "Bilag:", "Sagsfremstilling",
            "Sagsbeskrivelse", "Orientering", "Proces", "Det indstilles, at", "Det indstilles, at DAS"}


def looks_like_heading(prev: str, line: str) -> bool:
    """A short capitalised line after a finished sentence starts a new block."""
    if line in HEADINGS or re.match(r"(Punkt \d|Bilag \d|Tabel \d|Sager til )", line):
        return True
    return (prev.endswith((".", ":", "?")) and len(line) < 70 and line[:1].isupper()
            and not line.endswith((".", ",")))


def unwrap(lines: list[str], width: int = 85) -> list[str]:
    """Merge a line into the previous one when the previous one was wrapped (long)."""
    paras: list[str] = []
    open_para = False
    for line in lines:
        if not line:
            paras.append("") if paras and paras[-1] != "" and not open_para else None
            continue
        starts_block = line.startswith("- ") or line.startswith("-- ") or looks_like_heading(
            paras[-1] if paras else "", line
        )
        if open_para and paras and not starts_block:
            paras[-1] = join(paras[-1], line)
        elif open_para and paras and starts_block and paras[-1].endswith("-"):
            paras[-1] = join(paras[-1], line)
        else:
            paras.append(line)
        open_para = len(line) >= width or line.endswith("-") and len(line) > width * 0.6
    return paras


def convert(text: str) -> str:
    return "\n".join(unwrap(clean_lines(text))).strip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(convert(Path(sys.argv[1]).read_text(encoding="utf-8")))
