"""Parser for the corpus source markup (see corpus/README.md).

A source is a list of line-oriented blocks; the parser is deliberately dumb so
that a source file reads like the document it describes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Directives that take the following lines up to "@end" as their body.
BODY_DIRECTIVES = {"cover", "meeting", "table", "titlepage", "fields", "lines", "contents"}
# Body directives whose lines are kept as written: leading spaces (indentation) and blank
# lines survive, only trailing whitespace is dropped.
RAW_BODY_DIRECTIVES = {"lines"}
# Directives allowed before the first block: document-wide settings.
META_DIRECTIVES = {"layout", "header", "footer", "doctitle", "url", "bullets"}


@dataclass
class Block:
    """One unit of the source: kind is a directive name or para/bullet/heading."""

    kind: str
    text: str = ""
    level: int = 0
    options: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    line_no: int = 0


@dataclass
class Source:
    meta: dict[str, str]
    blocks: list[Block]

    @property
    def layout(self) -> str:
        return self.meta.get("layout", "agenda")


def _options(arg: str) -> tuple[str, dict[str, str]]:
    """Split "grid widths=3,1,1" into positional text and key=value options."""
    words, opts = [], {}
    for word in arg.split():
        if "=" in word and not word.startswith("="):
            key, value = word.split("=", 1)
            opts[key] = value
        else:
            words.append(word)
    return " ".join(words), opts


def parse(text: str) -> Source:
    meta: dict[str, str] = {}
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        line = raw.strip()
        i += 1
        if not line or line.startswith("%"):
            continue
        if line.startswith("@"):
            name, _, arg = line[1:].partition(" ")
            arg = arg.strip()
            if name in META_DIRECTIVES:
                meta[name] = arg
                continue
            block = Block(kind=name, line_no=i)
            if name in BODY_DIRECTIVES:
                block.text, block.options = _options(arg)
                while i < len(lines) and lines[i].strip() != "@end":
                    if name in RAW_BODY_DIRECTIVES:
                        block.lines.append(lines[i].rstrip())
                    elif lines[i].strip():
                        block.lines.append(lines[i].strip())
                    i += 1
                if i >= len(lines):
                    raise ValueError(f"line {block.line_no}: @{name} without @end")
                i += 1
            else:
                block.text = arg
            blocks.append(block)
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            blocks.append(Block("heading", line[level:].strip(), level=level, line_no=i))
        elif line.startswith("-- "):
            blocks.append(Block("bullet", line[3:], level=2, line_no=i))
        elif line.startswith("- "):
            blocks.append(Block("bullet", line[2:], level=1, line_no=i))
        else:
            blocks.append(Block("para", line[1:] if line.startswith("\\") else line, line_no=i))
    return Source(meta, blocks)


def load(path: Path) -> Source:
    return parse(path.read_text(encoding="utf-8"))
