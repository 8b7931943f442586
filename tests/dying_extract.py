"""A stand-in `extract` for ingest(): the real pipeline, except that a file named *killer*
kills the Dask worker running it (its sandbox's parent), as a crash in native code would.
A module of its own so Dask workers and their sandboxes can import it by name."""
from __future__ import annotations

import os
import signal
from pathlib import Path

from dagsorden.extractor.batch.ingest import default_extract
from dagsorden.extractor.settings import ExtractSettings
from dagsorden.models import Extraction


def extract_or_kill_worker(path: Path, settings: ExtractSettings) -> Extraction:
    if "killer" in path.name:
        os.kill(os.getppid(), signal.SIGKILL)  # the Dask worker; the sandbox dies with it
        os.kill(os.getpid(), signal.SIGKILL)
    return default_extract(path, settings)
