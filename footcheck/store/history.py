"""The private local history: exported summaries in one SQLite file on this machine.

Safety rules, each tested:
- the folders footcheck creates are 0700 and the database 0600 from the moment they exist,
  whatever the umask; an existing history (and its side files) open to others is
  tightened to 0600, with a note;
- every check of what the file is runs, in one read snapshot, before anything is written:
  a file that is not a footcheck database, one from a newer footcheck or one with a
  half-made schema is refused with a clear message and never written to, moved, deleted
  or switched to WAL mode;
- reading (``list``, ``show``, ``trend``, ``export``) opens the file read-only and takes
  no write lock;
- WAL mode and short IMMEDIATE transactions, so many processes can save at once without
  losing anything; waiting for another process's lock is done in short steps, so Ctrl-C
  acts at once, and a save that commits says so even if a stop signal lands at that moment;
- a failure names its cause: busy (another process is writing: try again), damaged (move
  it aside), or not permitted (a read-only folder, someone else's file);
- the schema carries a version (``PRAGMA user_version``) and migrations run in order.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from footcheck.checklist.conditions import Answered
from footcheck.errors import HistoryBusy, HistoryError
from footcheck.interrupts import interrupts_held
from footcheck.store.paths import SIDE_FILES, history_path
from footcheck.summary import Summary
from footcheck.text.messages import say

BUSY_TIMEOUT_MS = 30_000
"""How long to wait, in all, for another process's write lock before saying so."""
BUSY_STEP_MS = 100
"""Each wait inside SQLite; Python acts on Ctrl-C between steps."""
APPLICATION_ID = 0x46434B31  # "FCK1": marks the file as footcheck's own
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
MIGRATIONS: tuple[str, ...] = (
    # version 1
    """
    CREATE TABLE results (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        triage TEXT NOT NULL,
        pain_intensity INTEGER,
        risk TEXT,
        top_contributor TEXT,
        summary_json TEXT NOT NULL
    );
    CREATE INDEX results_created_at ON results (created_at, id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
RESULT_COLUMNS: dict[int, tuple[str, ...]] = {
    1: (
        "id",
        "created_at",
        "triage",
        "pain_intensity",
        "risk",
        "top_contributor",
        "summary_json",
    ),
}
"""The columns of ``results`` each schema version has (a check that the file is whole)."""
PAIN_INTENSITY = Answered("pain_intensity")

# SQLite's primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 11, 13, 14
SQLITE_AUTH, SQLITE_NOTADB = 23, 26


@dataclass(frozen=True, slots=True)
class HistoryRow:
    id: int
    created_at: str
    triage: str
    pain_intensity: int | None
    risk: str | None
    top_contributor: str | None
    checklist_version: int
    """The checklist the result was scored with (1 for summaries that do not say)."""

    @classmethod
    def stored(cls, *values: object) -> HistoryRow:
        """A row as read back: SQLite columns hold any type, and a row another program
        wrote may hold numbers where text belongs, or bytes; each is made its field's type
        (damaged text is "", which the commands show as damaged)."""
        result_id, created_at, triage, pain, risk, top, version = values
        return cls(
            int(result_id),  # type: ignore[call-overload]  # INTEGER PRIMARY KEY: always int
            _as_text(created_at),
            _as_text(triage),
            pain if isinstance(pain, int) and not isinstance(pain, bool) else None,
            _as_text(risk) or None,
            _as_text(top) or None,
            version if isinstance(version, int) else 1,
        )


def _damaged(path: Path, why: str) -> HistoryError:
    return HistoryError(say("history.damaged", path=path, why=why))


def _busy(path: Path) -> HistoryBusy:
    return HistoryBusy(say("history.busy", path=path))


def _not_permitted(path: Path, *, write: bool) -> HistoryError:
    """What stops this user from using the history, found from the files themselves."""
    why = _why_not_permitted(path, write=write)
    return HistoryError(say("history.not_permitted", path=path, why=why))


def _why_not_permitted(path: Path, *, write: bool) -> str:
    folder = path.parent
    try:
        found = path.stat()
    except OSError:  # the folder itself cannot be searched
        try:
            owner = folder.stat().st_uid
        except OSError:
            return say("history.why.folder_closed", folder=folder)
        if owner != os.geteuid():
            return say("history.why.folder_owner", folder=folder, user=_user_name(owner))
        return say("history.why.folder_closed", folder=folder)
    if found.st_uid != os.geteuid():
        return say("history.why.owner", user=_user_name(found.st_uid))
    if not os.access(path, os.R_OK):
        return say("history.why.unreadable")
    if write and not os.access(path, os.W_OK):
        return say("history.why.read_only")
    if not os.access(folder, os.W_OK | os.X_OK):
        return say("history.why.folder_read_only", folder=folder)
    return say("history.why.not_permitted")


def _user_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return say("history.user_id", uid=uid)


def _code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", -1)) & 0xFF


def _is_busy(error: sqlite3.Error) -> bool:
    return _code(error) in (SQLITE_BUSY, SQLITE_LOCKED)


class HistoryStore:
    """One open connection to the history database.

    ``read_only`` opens the file read-only: nothing is created, migrated or locked for
    writing (the reading commands). Failures are ``HistoryError`` kinds.
    """

    def __init__(
        self, path: Path | None = None, *, create: bool = True, read_only: bool = False
    ) -> None:
        self.path = path or history_path()
        self.read_only = read_only
        try:
            exists = self.path.exists()
        except PermissionError:
            raise _not_permitted(self.path, write=not read_only) from None
        if not exists:
            if not create or read_only:
                raise FileNotFoundError(self.path)
            self._create_file()
        with self._failures():
            self.connection = self._connect()
        try:
            with self._failures():
                self.version = self._check()
                self._tighten()
                if not read_only:
                    # Another process may hold the lock while switching; WAL persists once set.
                    with contextlib.suppress(sqlite3.OperationalError):
                        self.connection.execute("PRAGMA journal_mode = WAL")
                    self._migrate()
        except BaseException:
            self.connection.close()
            raise

    # --- opening ----------------------------------------------------------------------
    def _create_file(self) -> None:
        folder = self.path.parent
        try:
            make_private_folders(folder)
        except FileExistsError:  # mkdir's answer when the path is something other than a folder
            raise HistoryError(say("history.not_a_folder", folder=folder)) from None
        except OSError as error:
            raise HistoryError(
                say("history.cannot_create_folder", folder=folder, reason=error.strerror or error)
            ) from None
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
            os.close(fd)
        except FileExistsError:
            pass  # another process created it first: fine
        except OSError as error:
            raise HistoryError(
                say("history.cannot_create", path=self.path, reason=error.strerror or error)
            ) from None

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            target: str | Path = f"file:{quote(os.fsencode(self.path))}?mode=ro"
        else:
            target = self.path
        connection = sqlite3.connect(
            target, timeout=BUSY_STEP_MS / 1000, isolation_level=None, uri=self.read_only
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_STEP_MS}")
        connection.text_factory = _text_or_bytes
        return connection

    def _check(self) -> int:
        """Every check of what the file is, before anything is written; its schema version.

        One read transaction, so the answers come from one moment: read apart, another
        process creating the history could commit between them, and a new history would
        look like a foreign database (tables, but no footcheck id yet).
        """
        db = self.connection
        self._patiently("BEGIN")
        try:
            application_id = self._patiently("PRAGMA application_id").fetchone()[0]
            version = self._patiently("PRAGMA user_version").fetchone()[0]
            tables = {
                name
                for (name,) in self._patiently(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            }
            columns = tuple(row[1] for row in db.execute("PRAGMA table_info(results)"))
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        if application_id not in (0, APPLICATION_ID) or (
            application_id == 0 and (tables or version)
        ):
            raise _damaged(self.path, say("history.why.foreign"))
        if version > SCHEMA_VERSION:
            raise HistoryError(
                say("history.newer", path=self.path, version=version, known=SCHEMA_VERSION)
            )
        expected = RESULT_COLUMNS.get(version, ())
        if (version == 0 and tables) or (version > 0 and columns != expected):
            raise _damaged(self.path, say("history.why.half_made", version=version))
        return int(version)

    def _tighten(self) -> None:
        """A history (and its side files) readable by others is made private, once, with
        a note: it may have been copied in, or made by a footcheck that did not check."""
        loosened = []
        for path in (self.path, *(self.path.with_name(self.path.name + s) for s in SIDE_FILES)):
            try:
                found = path.stat()
                if stat.S_IMODE(found.st_mode) & 0o077 and found.st_uid == os.geteuid():
                    path.chmod(stat.S_IMODE(found.st_mode) & ~0o077)
                    loosened.append(path.name)
            except OSError:
                continue  # not there, or not ours to change: the reads still work
        if loosened:
            files = ", ".join(loosened)
            print(
                say("history.made_private", files=files, folder=self.path.parent), file=sys.stderr
            )

    def _migrate(self) -> None:
        if self.version >= SCHEMA_VERSION:
            return
        with self.transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
            if version < SCHEMA_VERSION:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.version = SCHEMA_VERSION

    # --- failures and waiting -----------------------------------------------------------
    @contextlib.contextmanager
    def _failures(self) -> Iterator[None]:
        """SQLite's errors as ``HistoryError`` kinds that say what to do."""
        try:
            yield
        except sqlite3.Error as error:
            raise self._explain(error) from None

    def _explain(self, error: sqlite3.Error) -> HistoryError:
        code = _code(error)
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return _busy(self.path)
        if code in (SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_AUTH):
            return _not_permitted(self.path, write=not self.read_only)
        if code in (SQLITE_NOTADB, SQLITE_CORRUPT):
            return _damaged(self.path, say("history.why.damaged", error=error))
        if code == SQLITE_FULL:
            return HistoryError(say("history.disk_full", path=self.path))
        return HistoryError(say("history.failed", path=self.path, error=error))

    def _patiently(self, statement: str, parameters: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        """Run ``statement``, waiting while another process holds the lock: in short steps
        (Ctrl-C acts between them), up to ``BUSY_TIMEOUT_MS`` in all."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return self.connection.execute(statement, parameters)
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() >= deadline:
                    raise

    @contextlib.contextmanager
    def transaction(
        self, *, on_commit: Callable[[], None] | None = None
    ) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the lock up front, so it never deadlocks.

        ``on_commit`` runs right after the commit, before a stop signal that arrives
        meanwhile takes effect.
        """
        if self.read_only:
            raise HistoryError(say("history.opened_read_only"))  # a programming error
        db = self.connection
        with self._failures():
            self._patiently("BEGIN IMMEDIATE")
        committed = False
        try:
            with self._failures():
                yield db
                deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
                while not committed:
                    with interrupts_held():
                        # One try per step; a stop signal held meanwhile acts between them.
                        try:
                            db.execute("COMMIT")
                            committed = True
                        except sqlite3.OperationalError as error:
                            if not _is_busy(error) or time.monotonic() >= deadline:
                                raise
                        if committed and on_commit is not None:
                            on_commit()
        finally:
            if not committed and db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- use --------------------------------------------------------------------------
    def save(self, summary: Summary, *, on_commit: Callable[[int], None] | None = None) -> int:
        """Store ``summary``; its id. ``on_commit`` is told the id the moment the row is
        committed, before any stop signal (Ctrl-C, SIGTERM) that arrives then takes effect,
        so a caller never says "nothing saved" about a saved result."""
        pain = PAIN_INTENSITY.value(summary.answers)
        row = (
            summary.created_at.isoformat(),
            summary.triage.level,
            pain if isinstance(pain, int) and not isinstance(pain, bool) else None,
            summary.start_back.risk if summary.start_back else None,
            summary.contributors[0].id if summary.contributors else None,
            summary.model_dump_json(),
        )
        result_id = 0

        def committed() -> None:
            if on_commit is not None:
                on_commit(result_id)

        with self.transaction(on_commit=committed) as db:
            cursor = db.execute(self.INSERT, row)
            assert cursor.lastrowid is not None
            result_id = cursor.lastrowid
        return result_id

    INSERT = (
        f"INSERT INTO results ({', '.join(RESULT_COLUMNS[SCHEMA_VERSION][1:])}) "
        f"VALUES ({', '.join('?' * len(RESULT_COLUMNS[SCHEMA_VERSION][1:]))})"
    )
    """A new result: every column but the id, in ``RESULT_COLUMNS``'s order."""
    ROW_COLUMNS = (
        f"{', '.join(RESULT_COLUMNS[1][:-1])}, "
        "CASE WHEN json_valid(summary_json) "
        "THEN coalesce(json_extract(summary_json, '$.checklist_version'), 1) ELSE 1 END"
    )
    """A ``HistoryRow``'s fields: the columns before the summary, and its checklist version."""

    def _has_results(self) -> bool:
        """False for a history whose tables are not made yet (opened read-only just after
        another process created the file): there is nothing in it."""
        return self.version >= 1

    def rows(self) -> list[HistoryRow]:
        """Every result, oldest first."""
        if not self._has_results():
            return []
        with self._failures():
            cursor = self._patiently(
                f"SELECT {self.ROW_COLUMNS} FROM results ORDER BY created_at, id"
            )
            return [HistoryRow.stored(*row) for row in cursor]

    def row(self, result_id: int) -> HistoryRow | None:
        if not self._has_results():
            return None
        with self._failures():
            found = self._patiently(
                f"SELECT {self.ROW_COLUMNS} FROM results WHERE id = ?", (result_id,)
            ).fetchone()
        return None if found is None else HistoryRow.stored(*found)

    def get(self, result_id: int) -> Summary | None:
        """The saved summary with this id; pydantic's ``ValidationError`` if it is damaged."""
        if not self._has_results():
            return None
        with self._failures():
            row = self._patiently(
                "SELECT summary_json FROM results WHERE id = ?", (result_id,)
            ).fetchone()
        return None if row is None else Summary.model_validate_json(stored_text(row[0]))

    def summaries(self) -> Generator[tuple[int, str], None, None]:
        """(id, stored JSON text) for every result, oldest first, without loading them all.

        Close the iterator (``contextlib.closing``) before the store if it is not used up.
        A value that is not text (a BLOB that is not UTF-8, a number) comes as "".
        """
        if not self._has_results():
            return
        with self._failures():
            cursor = self._patiently("SELECT id, summary_json FROM results ORDER BY created_at, id")
            try:
                for result_id, value in cursor:
                    yield result_id, stored_text(value)
            finally:
                cursor.close()

    def delete(self, result_id: int) -> bool:
        with self.transaction() as db:
            return db.execute("DELETE FROM results WHERE id = ?", (result_id,)).rowcount > 0

    def delete_all(self) -> int:
        with self.transaction() as db:
            return db.execute("DELETE FROM results").rowcount


def _as_text(value: object) -> str:
    return str(value) if isinstance(value, int | float) else stored_text(value)


def _text_or_bytes(raw: bytes) -> str | bytes:
    """SQLite text as str; text that is not UTF-8 stays bytes for ``stored_text`` to refuse,
    instead of failing the whole query."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


def stored_text(value: object) -> str:
    """A stored summary as text: SQLite columns hold any type, and a row written by another
    program may be a BLOB; what is not UTF-8 text is "" (damaged, like any bad JSON)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return ""
    return ""


def make_private_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each 0700 whatever the umask (a umask of
    000 would otherwise leave them open to everyone)."""
    missing = []
    current = folder
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue  # another process made it first
        path.chmod(PRIVATE_FOLDER)


def open_history(*, create: bool, read_only: bool = False) -> HistoryStore | None:
    """The history, or None when it does not exist yet and ``create`` is false."""
    try:
        return HistoryStore(create=create, read_only=read_only)
    except FileNotFoundError:
        return None
