"""Where the history lives, apart from the SQLite code so that finding it stays cheap.

Commands that write files ask this to refuse an --output that would land on the history
itself, without loading sqlite3.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from footcheck.store.files import is_same_file

DB_NAME = "history.sqlite3"
SIDE_FILES = ("-wal", "-shm", "-journal")
"""SQLite's companions to the database file, as much part of the history as the file."""


_GIVEN: ContextVar[Path | None] = ContextVar("footcheck_history_dir", default=None)
"""The folder the command line was given (its context's), for the command being run."""


HOME_ENV = "FOOTCHECK_HOME"


def home_in(environ: Mapping[str, str]) -> Path | None:
    """The history folder an environment names (``$FOOTCHECK_HOME``), if it names one."""
    home = environ.get(HOME_ENV)
    return Path(home).expanduser() if home else None


def history_dir() -> Path:
    """The folder given by ``history_at`` (the command line's); else ``$FOOTCHECK_HOME`` if
    set, else the platform's user data folder."""
    given = _GIVEN.get()
    if given is None:
        given = home_in(os.environ)
    if given is not None:
        return given
    from platformdirs import user_data_path

    return user_data_path("footcheck", appauthor=False)


@contextmanager
def history_at(folder: Path | None) -> Iterator[None]:
    """The history (and drafts) in ``folder`` inside the block; None: the default."""
    token = _GIVEN.set(folder)
    try:
        yield
    finally:
        _GIVEN.reset(token)


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) readable by its owner only, whatever the umask."""
    if folder.is_dir():
        return
    old_umask = os.umask(0o077)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    finally:
        os.umask(old_umask)


def history_path() -> Path:
    return history_dir() / DB_NAME


def is_history_file(path: Path) -> bool:
    """Whether writing ``path`` would replace the history or one of its side files."""
    database = history_path()
    targets = [database, *(database.with_name(database.name + s) for s in SIDE_FILES)]
    return any(is_same_file(path, target) for target in targets)
