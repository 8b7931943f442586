"""Typed errors with stable codes, so the CLI, the failures table and tests can name the cause.

Every code the project uses is declared here (README lists them; tests/test_docs.py checks
that both agree). Bad input (`DocumentLoadError` and its kinds) is kept apart from defects
in our code and from the limits of a batch: the batch records each as a failure and goes on.
"""
from __future__ import annotations

ONE_LINE_LIMIT = 300


def printable(text: str) -> str:
    """Text that SQLite, JSON and a terminal all take, on one line: bytes of a file name that
    are not UTF-8 (surrogate escapes, as Python hands them over) become "\\xf8", and control
    and other invisible characters become "\\x0a" or "\\u200b". Nothing is dropped, so two
    names never print alike unless one literally holds such an escape."""
    if text.isprintable():
        return text
    raw = text.encode("utf-8", "surrogateescape") if _only_escapes(text) else text.encode("utf-8", "backslashreplace")
    decoded = raw.decode("utf-8", "backslashreplace")
    return "".join(char if char.isprintable() else _escape(char) for char in decoded)


def _only_escapes(text: str) -> bool:
    """True when every surrogate is one of Python's escapes of a byte (U+DC80..U+DCFF)."""
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def one_line(message: object, limit: int = ONE_LINE_LIMIT) -> str:
    """The first non-empty line of a message, white space folded and shortened: failures are
    read in a table and on stderr, one line per file."""
    lines = [printable(" ".join(line.split())) for line in str(message).splitlines()]
    text = next((line for line in lines if line), "") or type(message).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DagsordenError(Exception):
    """Base of every error the pipeline raises on purpose."""

    code = "E100"
    stage = "extract"

    def __init__(self, message: str, *, stage: str | None = None) -> None:
        super().__init__(message)
        if stage:
            self.stage = stage

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class DocumentLoadError(DagsordenError):
    """The file could not be opened as a PDF at all."""

    code = "E101"
    stage = "open"


class NotAPdf(DocumentLoadError):
    code = "E102"


class EmptyFile(DocumentLoadError):
    code = "E103"


class EncryptedPdf(DocumentLoadError):
    code = "E104"


class BrokenPdf(DocumentLoadError):
    """Truncated, broken xref, or otherwise unreadable by pdfminer."""

    code = "E105"


class NoPages(DocumentLoadError):
    code = "E106"


class NotARegularFile(DocumentLoadError):
    """A FIFO, a device, a socket or a folder named *.pdf: reading it could hang or never end."""

    code = "E107"


class SymlinkNotFollowed(DocumentLoadError):
    """A symbolic link, read only with --follow-symlinks: a link in a shared folder can point
    anywhere on the server (/etc/passwd, another department's files)."""

    code = "E108"


class ExtractionFailed(DagsordenError):
    """A stage failed on a readable PDF (a defect or an unforeseen layout)."""

    code = "E200"


class DocumentTimeout(DagsordenError):
    """The document's extraction ran past --timeout; its worker was stopped."""

    code = "E301"


class DocumentTooLarge(DagsordenError):
    """The document's extraction ran past the memory limit."""

    code = "E302"


class WorkerDied(DagsordenError):
    """The worker process ended without an answer (a crash in native code, or the OOM killer)."""

    code = "E303"


class ClusterError(DagsordenError):
    """The Dask cluster cannot be reached, or its workers cannot run this dagsorden: a batch
    error (nothing is recorded per file; what was stored is kept)."""

    code = "E304"
    stage = "cluster"


class CorrectionError(DagsordenError):
    """A hand correction names an item or field the archive does not have."""

    code = "E401"
    stage = "correct"


ERRORS: tuple[type[DagsordenError], ...] = (
    DagsordenError, DocumentLoadError, NotAPdf, EmptyFile, EncryptedPdf, BrokenPdf, NoPages,
    NotARegularFile, SymlinkNotFollowed,
    ExtractionFailed, DocumentTimeout, DocumentTooLarge, WorkerDied, ClusterError, CorrectionError,
)
