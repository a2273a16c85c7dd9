"""Writing files atomically, never replacing an existing file unless asked to.

A temporary file in the same directory is written, flushed to disk and then linked into
place: readers never see half a file, and an interrupted run leaves nothing behind.
The temporary file is created new (``O_EXCL``), never through a link, and the final name
is linked or renamed, which replaces a link rather than following it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from footcheck.errors import FileExists
from footcheck.interrupts import interrupts_held
from footcheck.text.messages import say

PRIVATE = 0o600
"""For anything holding someone's answers: readable by its owner only, like the history."""
SHAREABLE = 0o644
"""For files with no health data (the blank answers template); the umask still applies."""


MAX_LINKS = 40
"""Symbolic links followed one after another before giving up, as the kernel does."""


def is_same_file(path: Path, other: Path) -> bool:
    """Whether writing ``path`` would write ``other``: one name once links are followed, or
    one file under two names (a hard link)."""
    if os.path.realpath(path) == os.path.realpath(other):  # a link loop is no error here
        return True
    try:
        return path.exists() and other.exists() and path.samefile(other)
    except OSError:
        return False


def write_target(path: Path) -> Path:
    """The file writing ``path`` replaces: ``path``, or the file its symbolic link names.

    A link is followed under the kernel's rule for shared folders (Linux
    ``fs.protected_symlinks``), applied here too, on every system: in a sticky,
    world-writable folder such as /tmp, a link is followed only if it belongs to you or to
    the folder's owner, since anyone else's link there could point at any of your files.
    The kernel then follows the link itself, and must arrive at the same file.
    """
    current = path
    for _ in range(MAX_LINKS):
        try:
            link = current.lstat()
        except FileNotFoundError:
            return current
        if not stat.S_ISLNK(link.st_mode):
            _same_as_the_kernel_finds(path, current)
            return current
        _may_follow(current, link)
        current = current.parent / os.readlink(current)
    raise OSError(errno.ELOOP, say("output.link_loop"))


def _may_follow(link_path: Path, link: os.stat_result) -> None:
    folder = link_path.parent if str(link_path.parent) else Path(".")
    where = folder.stat()
    shared = where.st_mode & stat.S_ISVTX and where.st_mode & stat.S_IWOTH
    if shared and link.st_uid not in (os.geteuid(), where.st_uid):
        raise PermissionError(
            errno.EACCES,
            say("output.foreign_link", path=link_path, folder=folder),
        )


def _same_as_the_kernel_finds(path: Path, target: Path) -> None:
    if path == target:
        return
    followed, found = os.stat(path), os.stat(target)  # os.stat(path): the kernel follows
    if (followed.st_dev, followed.st_ino) != (found.st_dev, found.st_ino):
        raise OSError(errno.EAGAIN, say("output.changed", path=path))


def check_writable(path: Path, *, force: bool) -> Path:
    """Fail early, before any work, when the target exists or its folder does not; the
    file writing ``path`` will replace (``write_target``)."""
    target = write_target(path)
    if target.exists() and not force:
        raise FileExists(path)
    if target.is_dir():
        raise IsADirectoryError(say("output.folder", path=path))
    if target.exists() and not target.is_file():
        # /dev/stdout, a named pipe, a device: replacing it with a file is never meant.
        raise OSError(say("output.not_regular", path=path))
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise FileNotFoundError(say("output.no_folder", folder=parent))
    return target


@contextlib.contextmanager
def atomic_writer(path: Path, *, force: bool, mode: int) -> Iterator[IO[str]]:
    """Yield a text stream; on clean exit it becomes ``path`` in one step.

    A symbolic link is written through: the file it names is replaced, the link stays
    (``write_target`` says which links are followed).
    """
    path = check_writable(path, force=force)
    directory = path.parent if str(path.parent) else Path(".")
    temp: Path | None = None
    stream: IO[str] | None = None
    try:
        # A stop signal between making the file and holding its name and stream would
        # leave it behind: it is held until all three exist, then delivered here, where
        # they are closed and removed.
        with interrupts_held():
            fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
            temp = Path(temp_name)
            stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with stream:
            os.fchmod(stream.fileno(), mode & ~_umask())
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if force:
            os.replace(temp, path)
        else:
            _link_no_clobber(temp, path)
    finally:
        if stream is not None:
            stream.close()
        if temp is not None:
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
