"""The history under pressure: damaged rows, real locks held by other processes, refused
files left byte for byte, interrupts at the commit, permissions (issue 13, items 1, 3, 8,
9, 11). Locks are real: a second SQLite connection or a second process."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.cli.app import app
from footcheck.store.history import APPLICATION_ID, HistoryStore
from footcheck.store.paths import history_path
from tests.conftest import RETAIL_WORKER
from tests.processes import assert_plain_failure, footcheck, unprivileged

runner = CliRunner()
V1_HISTORY = Path(__file__).parent / "fixtures" / "checklist_v1" / "history.sqlite3"
READING = [
    ["history", "list"],
    ["history", "show", "1", "--format", "json"],
    ["history", "trend"],
    ["history", "export"],
]
WRITING = [
    ["history", "delete", "1", "--yes"],
    ["assess", "--answers", "ANSWERS", "--format", "json", "--save"],
]


def saved(count: int = 3) -> None:
    with HistoryStore() as store:
        for _ in range(count):
            store.save(evaluate(RETAIL_WORKER))


def invoke(command: list[str], answers_file: Path | None = None) -> tuple[int, str, str]:
    args = [str(answers_file) if part == "ANSWERS" else part for part in command]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def writer_holding_the_lock() -> Iterator[sqlite3.Connection]:
    """A history with one result, and another connection in the middle of a write
    transaction on it (`BEGIN IMMEDIATE`)."""
    saved(1)
    other = sqlite3.connect(history_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.execute("ROLLBACK")
    other.close()


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give up on another process's lock after 0.3 s instead of 30."""
    import footcheck.store.history

    monkeypatch.setattr(footcheck.store.history, "BUSY_TIMEOUT_MS", 300)


# --- item 1: export ---------------------------------------------------------------------
def test_item1_export_names_damaged_rows_and_exports_the_rest(tmp_path: Path) -> None:
    saved(4)
    with sqlite3.connect(history_path()) as db:
        db.execute("UPDATE results SET summary_json = CAST(summary_json AS BLOB) WHERE id = 1")
        db.execute("UPDATE results SET summary_json = '{\"oops\": 1}' WHERE id = 2")
        db.execute("UPDATE results SET summary_json = X'FFFE00' WHERE id = 3")
    code, out, err = invoke(["history", "export"])
    assert code == 1
    assert err.strip() == "footcheck: left out damaged results 2, 3"
    lines = out.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["schema_version"] == 2 for line in lines)
    target = tmp_path / "all.jsonl"
    code, _, err = invoke(["history", "export", "-o", str(target)])
    assert code == 1 and "Exported 2 results" in err and "damaged results 2, 3" in err
    assert target.read_text().splitlines() == lines
    for command in (["history", "show", "2"], ["history", "show", "3"]):
        code, _, err = invoke(command)
        assert code == 1 and "is damaged" in err  # as show and trend already said
    code, _, err = invoke(["history", "trend"])
    assert code == 0 and "left out damaged results 2, 3" in err


def test_item1_a_summary_stored_over_several_lines_exports_on_one(tmp_path: Path) -> None:
    saved(1)
    pretty = evaluate(RETAIL_WORKER).model_dump_json(indent=2)
    with sqlite3.connect(history_path()) as db:
        db.execute("UPDATE results SET summary_json = ?", (pretty,))
    code, out, _ = invoke(["history", "export"])
    assert code == 0 and len(out.splitlines()) == 1
    assert json.loads(out) == json.loads(pretty)


def test_item1_rows_another_program_damaged_are_listed_as_such_never_a_crash() -> None:
    saved(2)
    with sqlite3.connect(history_path()) as db:
        db.execute(
            "UPDATE results SET created_at = 'garbage', pain_intensity = 'x', risk = 5, "
            "triage = X'FF00', top_contributor = ? WHERE id = 1",
            ("\x1b[2J",),
        )
    code, out, err = invoke(["history", "list"])
    assert code == 0, err
    assert "garbage (damaged)" in out and "\\x1b[2J" in out and "\x1b" not in out
    code, _, err = invoke(["history", "delete", "1", "--yes"])
    assert code == 0, err


def test_item2_an_edited_row_is_exported_with_its_text_escaped() -> None:
    """JSON escapes the C0 controls itself; a right-to-left override, a C1 control or DEL
    in an edited row is written as a ``\\u`` escape too: the same text to a program."""
    saved(1)
    with sqlite3.connect(history_path()) as db:
        (text,) = db.execute("SELECT summary_json FROM results WHERE id = 1").fetchone()
        document = json.loads(text)
        document["triage"]["reasons"] = ["\u202eevil\x9b2J\x7f"]
        db.execute(
            "UPDATE results SET summary_json = ? WHERE id = 1",
            (json.dumps(document, ensure_ascii=False),),
        )
    code, out, err = invoke(["history", "export"])
    assert code == 0, err
    for raw in ("\u202e", "\x9b", "\x7f"):
        assert raw not in out, raw
    assert json.loads(out)["triage"]["reasons"] == ["\u202eevil\x9b2J\x7f"]
    code, out, err = invoke(["history", "show", "1", "--format", "json"])
    assert code == 0 and "\u202e" not in out and "\\u202eevil" in out, err


def test_item2_a_result_named_before_deleting_is_shown_as_text() -> None:
    """`delete` names the result it would erase from its stored columns: an edited triage
    or time cannot retitle the window or reorder the message."""
    saved(1)
    hostile = "\x1b]0;PWNED\x07\x1b[2J\u202eevil"
    with sqlite3.connect(history_path()) as db:
        db.execute("UPDATE results SET triage = ?, created_at = ? WHERE id = 1", (hostile,) * 2)
    code, _, err = invoke(["history", "delete", "1"])
    assert code == 2 and "refusing to delete saved result 1" in err
    assert "\\x1b]0;PWNED" in err
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in err, raw


# --- item 3: reading never locks; busy, damaged and not permitted told apart ------------
@pytest.mark.parametrize("command", READING, ids=lambda c: c[1])
def test_item3_reading_works_while_another_process_writes(
    command: list[str], short_wait: None, writer_holding_the_lock: sqlite3.Connection
) -> None:
    """Read-only: no write lock is asked for, so no wait at all (with a 0.3 s wait, asking
    for the lock would fail)."""
    code, _, err = invoke(command)
    assert code == 0, err


def test_item3_reading_changes_nothing(private_home: Path) -> None:
    saved(2)
    before = files_of(private_home)
    for command in READING:
        assert invoke(command)[0] == 0
    after = files_of(private_home)
    assert after[history_path().name] == before[history_path().name]


@pytest.mark.parametrize("command", WRITING, ids=lambda c: c[0])
def test_item3_a_save_or_delete_behind_another_writer_is_busy_not_damaged(
    command: list[str],
    answers_file: Path,
    short_wait: None,
    writer_holding_the_lock: sqlite3.Connection,
) -> None:
    code, _, err = invoke(command, answers_file)
    assert code == 1
    assert "is busy: another footcheck is saving to it" in err
    assert "Try again in a moment" in err
    assert "Move it aside" not in err


def test_item3_reading_a_history_locked_for_writing_in_rollback_mode_is_busy(
    private_home: Path, short_wait: None
) -> None:
    """An older history in rollback-journal mode (as the version-1 fixture is) blocks
    readers while another process holds its exclusive lock."""
    private_home.mkdir()
    shutil.copyfile(V1_HISTORY, history_path())
    history_path().chmod(0o600)
    other = sqlite3.connect(history_path(), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        for command in READING:
            code, _, err = invoke(command)
            assert code == 1, command
            assert "is busy" in err and "Move it aside" not in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert invoke(["history", "list"])[0] == 0


def test_item3_a_commit_held_up_by_a_reader_gives_up_as_busy_and_saves_nothing(
    private_home: Path, answers_file: Path, short_wait: None
) -> None:
    """In rollback-journal mode a commit waits for readers to finish; one that never does
    makes the save busy (exit 1, rolled back), not a wait without end."""
    private_home.mkdir()
    shutil.copyfile(V1_HISTORY, history_path())
    history_path().chmod(0o600)
    reader = sqlite3.connect(history_path(), isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM results").fetchone()  # holds its read lock
    try:
        code, _, err = invoke(WRITING[1], answers_file)
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert code == 1 and "is busy" in err and "Move it aside" not in err
    with HistoryStore(read_only=True) as store:
        assert len(store.rows()) == 5  # the fixture's five, nothing half-saved


def test_item3_a_read_only_folder_is_said_so_not_damaged(
    private_home: Path, answers_file: Path
) -> None:
    saved(2)  # a WAL history: readers need its side files, created in the folder
    for side in ("-wal", "-shm"):
        history_path().with_name(history_path().name + side).unlink(missing_ok=True)
    before = files_of(private_home)
    private_home.chmod(0o500)
    try:
        for command in [*READING, *WRITING]:
            args = [str(answers_file) if part == "ANSWERS" else part for part in command]
            run = footcheck(*args, home=private_home, prefix=unprivileged())
            assert_plain_failure(run, 1)
            assert f"its folder {private_home} is read-only for you" in run.stderr, command
            assert "Move it aside" not in run.stderr and "damaged" not in run.stderr
    finally:
        private_home.chmod(0o700)
    assert files_of(private_home) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="making someone else's file needs root")
def test_item3_someone_elses_history_is_said_so_not_damaged(
    private_home: Path, answers_file: Path
) -> None:
    saved(1)
    for path in private_home.iterdir():
        os.chown(path, 65534, 65534)
    before = files_of(private_home)
    for command in [*READING, *WRITING]:
        args = [str(answers_file) if part == "ANSWERS" else part for part in command]
        run = footcheck(*args, home=private_home, prefix=unprivileged())
        assert_plain_failure(run, 1)
        assert "it belongs to another user" in run.stderr, command
        assert "Move it aside" not in run.stderr
    assert files_of(private_home) == before


# --- item 8: every check before any write -----------------------------------------------
REFUSED_FILES = {
    # footcheck's application id, but the tables of no footcheck version
    "half_made": [f"PRAGMA application_id = {APPLICATION_ID}", "CREATE TABLE results (id)"],
    "foreign": ["CREATE TABLE notes (text TEXT)"],
    "newer": [f"PRAGMA application_id = {APPLICATION_ID}", "PRAGMA user_version = 99"],
    # marked as footcheck's at schema 1, with no tables at all
    "id_only": [f"PRAGMA application_id = {APPLICATION_ID}", "PRAGMA user_version = 1"],
}


@pytest.mark.parametrize("statements", REFUSED_FILES.values(), ids=REFUSED_FILES)
def test_item8_a_refused_file_keeps_every_byte_and_gets_no_side_files(
    private_home: Path, answers_file: Path, statements: list[str]
) -> None:
    private_home.mkdir()
    with sqlite3.connect(history_path()) as db:
        for statement in statements:
            db.execute(statement)
    before = files_of(private_home)
    assert list(before) == [history_path().name]
    for command in [*READING, *WRITING]:
        code, _, err = invoke(command, answers_file)
        assert code == 1, (command, err)
        assert "has not been changed" in err
        assert "already exists" not in err  # "table results already exists", before
    assert files_of(private_home) == before  # not even switched to WAL mode


# --- item 9: Ctrl-C while waiting for the lock; the truth at the commit -----------------
def wait_until_open(pid: int, path: Path, timeout: float = 30) -> None:
    """Until process ``pid`` has ``path`` open (polled, so a busy machine only waits longer)."""
    deadline = time.monotonic() + timeout
    target = str(path.resolve())
    while time.monotonic() < deadline:
        fds = Path(f"/proc/{pid}/fd")
        with contextlib.suppress(OSError):
            if any(os.readlink(fd) == target for fd in fds.iterdir()):
                return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} never opened {path}")


def test_item9_ctrl_c_while_a_save_waits_for_the_lock_acts_at_once(
    private_home: Path, answers_file: Path, writer_holding_the_lock: sqlite3.Connection
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "footcheck", "assess", "--answers", str(answers_file),
         "--format", "json", "--save"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "FOOTCHECK_HOME": str(private_home)},
    )  # fmt: skip
    wait_until_open(child.pid, history_path())  # scored, and saving: waiting for the lock
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    code = child.wait(10)
    assert time.monotonic() - sent < 2  # before: only after the 30 s busy timeout
    assert child.stderr is not None
    assert (code, child.stderr.read().strip()) == (130, "cancelled: not saved to your history")
    writer_holding_the_lock.execute("ROLLBACK")
    writer_holding_the_lock.execute("BEGIN")  # for the fixture's own rollback
    with HistoryStore(read_only=True) as store:
        assert len(store.rows()) == 1  # only the one that was there


STOP_AT = """
import os, signal, sqlite3, sys
real_connect = sqlite3.connect
class Connection(sqlite3.Connection):
    def execute(self, sql, *args):
        result = super().execute(sql, *args)
        if sql.startswith("INSERT"):
            self.inserted = True
            if os.environ["STOP_AT"] == "insert":
                os.kill(os.getpid(), signal.SIGTERM)
        elif sql == "COMMIT" and getattr(self, "inserted", False):
            os.kill(os.getpid(), signal.SIGTERM)  # the instant the row is committed
        return result
sqlite3.connect = lambda *a, **k: real_connect(*a, factory=Connection, **k)
sys.argv = ["footcheck", *sys.argv[1:]]
from footcheck.cli.entry import main
main()
"""


@pytest.mark.parametrize(
    ("stop_at", "message", "rows"),
    [
        ("insert", "cancelled: not saved to your history", 0),
        ("commit", "stopped, but your result was saved first, as result 1", 1),
    ],
)
def test_item9_a_stop_at_the_commit_point_is_told_truthfully(
    private_home: Path, answers_file: Path, stop_at: str, message: str, rows: int
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", STOP_AT, "assess", "--answers", str(answers_file),
         "--format", "json", "--save"],
        capture_output=True,
        text=True,
        env={**os.environ, "FOOTCHECK_HOME": str(private_home), "STOP_AT": stop_at},
    )  # fmt: skip
    assert (result.returncode, result.stderr.strip()) == (130, message)
    with HistoryStore(read_only=True) as store:
        assert len(store.rows()) == rows


# --- item 11: permissions ---------------------------------------------------------------
def test_item11_folders_are_created_private_whatever_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers_file: Path
) -> None:
    home = tmp_path / "data" / "deeper" / "footcheck"
    monkeypatch.setenv("FOOTCHECK_HOME", str(home))
    old = os.umask(0)
    try:
        code, _, err = invoke(["assess", "--answers", str(answers_file), "-f", "json", "--save"])
    finally:
        os.umask(old)
    assert code == 0, err
    for folder in (tmp_path / "data", tmp_path / "data" / "deeper", home):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for path in home.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_item11_an_existing_history_open_to_others_is_tightened_once(private_home: Path) -> None:
    saved(1)
    with sqlite3.connect(history_path()) as db:  # keeps the -wal and -shm files
        db.execute("PRAGMA journal_mode = WAL")
        sides = [history_path().with_name(history_path().name + s) for s in ("-wal", "-shm")]
        for path in (history_path(), *sides):
            if path.exists():
                path.chmod(0o644)
        code, _, err = invoke(["history", "list"])
    assert code == 0
    assert err.startswith("footcheck: made your history private (readable by you only): ")
    assert "history.sqlite3" in err
    for path in private_home.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert invoke(["history", "list"])[2] == ""  # said once
