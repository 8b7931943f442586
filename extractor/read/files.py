"""A path before it is a PDF: what kind of file it is, its name as text, and its hash.

Why here: an old file share holds names that are not UTF-8, FIFOs, devices, folders named
*.pdf and symlinks to anywhere on the server. Reading one of those can hang the import (a
FIFO blocks on open) or leak another file; so a file is opened once, without blocking and
without following a link unless asked, and only read when the open handle is a regular file.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from dagsorden.extractor.errors import NotARegularFile, SymlinkNotFollowed, printable

__all__ = ["display_path", "path_bytes", "hash_regular_file"]

BLOCK = 1 << 20


def display_path(path: Path | str) -> str:
    """The path as one printable line ("referat_m\\xf8de.pdf"); `path_bytes` keeps the exact name."""
    return printable(os.fspath(path))


def path_bytes(path: Path | str) -> bytes:
    """The exact name the file system knows, whatever its encoding."""
    return os.fsencode(path)


def hash_regular_file(path: Path, *, follow_symlinks: bool = False) -> str:
    """sha256 of a regular file; E107 for anything else, E108 for a link not to be followed.

    Anything but a regular file is refused before it is opened (opening a device can have
    effects); O_NONBLOCK and a second check on the open handle catch a file swapped for a FIFO
    in between, which would otherwise block the open until a writer came.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        if path.is_symlink():
            raise SymlinkNotFollowed(f"{display_path(path.name)} is a symbolic link; "
                                     "give --follow-symlinks to read what it points to")
        flags |= getattr(os, "O_NOFOLLOW", 0)
    _check_regular(path, os.stat(path).st_mode)
    fd = os.open(path, flags)
    try:
        _check_regular(path, os.fstat(fd).st_mode)
        os.set_blocking(fd, True)
        digest = hashlib.sha256()
        with os.fdopen(fd, "rb", closefd=False) as handle:
            for block in iter(lambda: handle.read(BLOCK), b""):
                digest.update(block)
        return digest.hexdigest()
    finally:
        os.close(fd)


def _check_regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotARegularFile(f"{display_path(path.name)} is {_kind(mode)}, not a regular file; "
                              "only files are read")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"
