"""Memory and CPU per glyph of the reader, on a small PDF whose one page draws N glyphs.

usage: python bench/glyphs.py [N ...]   (default: 100000 300000)

Each N runs in a fresh process, so the peak resident memory is the reader's own. The case
is issue 14's: a 51 KB PDF with 0.9 M glyphs cost 48 CPU-s and 1.66 GB (~2.5 KB a glyph).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """
import resource, sys, time
from dagsorden.extractor.read.pdf import read_pdf
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.process_time()
read_pdf(sys.argv[1])
cpu = time.process_time() - started
print(cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base)
"""


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from pdfmaker import runaway_pdf

    for glyphs in [int(a) for a in argv] or [100_000, 300_000]:
        pdf = Path(tempfile.mkdtemp()) / f"glyphs-{glyphs}.pdf"
        pdf.write_bytes(runaway_pdf(glyphs))
        out = subprocess.run([sys.executable, "-c", MEASURE, str(pdf)], capture_output=True, text=True, check=True)
        cpu, peak_kb = out.stdout.split()
        print(f"{glyphs} glyphs ({pdf.stat().st_size // 1024} KB PDF): {float(cpu):.1f} CPU-s, "
              f"peak +{int(peak_kb) / 1024:.0f} MB, {int(peak_kb) * 1024 / glyphs:.0f} bytes a glyph")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
