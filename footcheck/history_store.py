"""The private local history: exported summaries in one SQLite file on this machine.

Safety rules, each tested:
- the folder is 0700 and the database 0600 from the moment they exist;
- WAL mode, a busy timeout and short IMMEDIATE transactions, so many processes can save
  at once without losing anything;
- a file that is not a footcheck database, or one from a newer footcheck, is refused with
  a clear message and never written to, moved or deleted;
- the schema carries a version (``PRAGMA user_version``) and migrations run in order.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from footcheck.answer_tests import Answered
from footcheck.errors import HistoryError
from footcheck.history_location import history_path
from footcheck.summary import Summary

BUSY_TIMEOUT_MS = 30_000
APPLICATION_ID = 0x46434B31  # "FCK1": marks the file as footcheck's own
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
PAIN_INTENSITY = Answered("pain_intensity")


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
    return HistoryError(
        f"the history file {path} cannot be used: {why}. It has not been changed. Move it "
        f"aside (e.g. `mv '{path}' '{path}.damaged'`) and footcheck will start a new history."
    )


class HistoryStore:
    """One open connection to the history database."""

    def __init__(self, path: Path | None = None, *, create: bool = True) -> None:
        self.path = path or history_path()
        if not self.path.exists():
            if not create:
                raise FileNotFoundError(self.path)
            self._create_file()
        self.connection = self._connect()
        self._migrate()

    # --- opening ----------------------------------------------------------------------
    def _create_file(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except FileExistsError:  # mkdir's answer when the path is something other than a folder
            raise HistoryError(
                f"the history folder {folder} is not a folder; set FOOTCHECK_HOME to a folder "
                "(or move that file aside)"
            ) from None
        except OSError as error:
            raise HistoryError(f"cannot create the history folder {folder}: {error}") from None
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except FileExistsError:
            pass  # another process created it first: fine
        except OSError as error:
            raise HistoryError(f"cannot create the history at {self.path}: {error}") from None

    def _connect(self) -> sqlite3.Connection:
        old_umask = os.umask(0o077)  # WAL and shared-memory files stay private too
        try:
            connection = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.text_factory = _text_or_bytes
            # One read transaction, so the three answers come from one moment: read apart,
            # another process creating the history could commit between them, and a new
            # history would look like a foreign database (tables, but no footcheck id yet).
            connection.execute("BEGIN")
            try:
                application_id = connection.execute("PRAGMA application_id").fetchone()[0]
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            finally:
                connection.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise _damaged(self.path, f"it is not a SQLite database ({error})") from None
        finally:
            os.umask(old_umask)
        if application_id not in (0, APPLICATION_ID) or (application_id == 0 and tables):
            connection.close()
            raise _damaged(self.path, "it is a SQLite database, but not footcheck's history")
        if version > SCHEMA_VERSION:
            connection.close()
            raise HistoryError(
                f"the history at {self.path} was written by a newer footcheck (schema "
                f"{version}; this one knows up to {SCHEMA_VERSION}). Upgrade footcheck to use "
                "it; it has not been changed."
            )
        # Another process may hold the lock while switching; WAL is persistent once set.
        with contextlib.suppress(sqlite3.OperationalError):
            connection.execute("PRAGMA journal_mode = WAL")
        return connection

    def _migrate(self) -> None:
        with self.transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
            if version < SCHEMA_VERSION:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the lock up front, so it never deadlocks."""
        db = self.connection
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise _damaged(self.path, str(error)) from None
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        else:
            db.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- use --------------------------------------------------------------------------
    def save(self, summary: Summary) -> int:
        pain = PAIN_INTENSITY.value(summary.answers)
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO results (created_at, triage, pain_intensity, risk, "
                "top_contributor, summary_json) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    summary.created_at.isoformat(),
                    summary.triage.level,
                    pain if isinstance(pain, int) and not isinstance(pain, bool) else None,
                    summary.start_back.risk if summary.start_back else None,
                    summary.contributors[0].id if summary.contributors else None,
                    summary.model_dump_json(),
                ),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    ROW_COLUMNS = (
        "id, created_at, triage, pain_intensity, risk, top_contributor, "
        "CASE WHEN json_valid(summary_json) "
        "THEN coalesce(json_extract(summary_json, '$.checklist_version'), 1) ELSE 1 END"
    )

    def rows(self) -> list[HistoryRow]:
        """Every result, oldest first."""
        cursor = self.connection.execute(
            f"SELECT {self.ROW_COLUMNS} FROM results ORDER BY created_at, id"
        )
        return [HistoryRow.stored(*row) for row in cursor]

    def row(self, result_id: int) -> HistoryRow | None:
        found = self.connection.execute(
            f"SELECT {self.ROW_COLUMNS} FROM results WHERE id = ?", (result_id,)
        ).fetchone()
        return None if found is None else HistoryRow.stored(*found)

    def get(self, result_id: int) -> Summary | None:
        """The saved summary with this id; pydantic's ``ValidationError`` if it is damaged."""
        row = self.connection.execute(
            "SELECT summary_json FROM results WHERE id = ?", (result_id,)
        ).fetchone()
        return None if row is None else Summary.model_validate_json(stored_text(row[0]))

    def summaries(self) -> Generator[tuple[int, str], None, None]:
        """(id, stored JSON text) for every result, oldest first, without loading them all.

        Close the iterator (``contextlib.closing``) before the store if it is not used up.
        A value that is not text (a BLOB that is not UTF-8, a number) comes as "".
        """
        cursor = self.connection.execute(
            "SELECT id, summary_json FROM results ORDER BY created_at, id"
        )
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


def open_history(*, create: bool) -> HistoryStore | None:
    """The history, or None when it does not exist yet and ``create`` is false."""
    try:
        return HistoryStore(create=create)
    except FileNotFoundError:
        return None
