"""Writing files atomically, never replacing an existing file unless asked to.

A temporary file in the same directory is written, flushed to disk and then linked into
place: readers never see half a file, and an interrupted run leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from footcheck.errors import FileExists

PRIVATE = 0o600
"""For anything holding someone's answers: readable by its owner only, like the history."""
SHAREABLE = 0o644
"""For files with no health data (the blank answers template); the umask still applies."""


def is_same_file(path: Path, other: Path) -> bool:
    """Whether writing ``path`` would write ``other``: one name once links are followed, or
    one file under two names (a hard link)."""
    if path.resolve() == other.resolve():
        return True
    try:
        return path.exists() and other.exists() and path.samefile(other)
    except OSError:
        return False


def check_writable(path: Path, *, force: bool) -> None:
    """Fail early, before any work, when the target exists or its folder does not."""
    if path.exists() and not force:
        raise FileExists(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder")
    if path.exists() and not path.is_file():
        # /dev/stdout, a named pipe, a device: replacing it with a file is never meant.
        raise OSError(f"{path} is not a regular file; leave out --output to use stdout")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise FileNotFoundError(f"folder {parent} does not exist")


@contextlib.contextmanager
def atomic_writer(path: Path, *, force: bool, mode: int) -> Iterator[IO[str]]:
    """Yield a text stream; on clean exit it becomes ``path`` in one step.

    A symbolic link is written through: the file it names is replaced, the link stays.
    """
    if path.is_symlink():
        path = path.resolve()
    check_writable(path, force=force)
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    temp = Path(temp_name)
    try:
        os.fchmod(fd, mode & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if force:
            os.replace(temp, path)
        else:
            _link_no_clobber(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _link_no_clobber(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)
    except FileExistsError:
        raise FileExists(path) from None
    except OSError:
        # Filesystems without hard links: check, then rename (a tiny race, documented).
        if path.exists():
            raise FileExists(path) from None
        os.replace(temp, path)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_text(path: Path, text: str, *, force: bool, mode: int) -> None:
    with atomic_writer(path, force=force, mode=mode) as stream:
        stream.write(text)
