"""The local history: round trip, order, privacy, concurrency, damaged and newer files."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.cli.app import app
from footcheck.errors import HistoryError
from footcheck.store.history import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryStore,
)
from footcheck.store.paths import history_path
from tests.conftest import RETAIL_WORKER

runner = CliRunner()
START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def saved(count: int) -> list[str]:
    """Save ``count`` results a week apart (pain easing) and return their exported JSON."""
    exported = []
    with HistoryStore() as store:
        for week in range(count):
            answers = {**RETAIL_WORKER, "pain_intensity": 8 - week}
            summary = evaluate(answers, now=START + timedelta(weeks=week))
            store.save(summary)
            exported.append(summary.model_dump_json())
    return exported


def test_location_and_permissions(private_home: Path) -> None:
    saved(1)
    assert history_path() == private_home / "history.sqlite3"
    assert stat.S_IMODE(private_home.stat().st_mode) == 0o700
    for path in private_home.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def test_round_trip_export_equals_the_summaries(tmp_path: Path) -> None:
    exported = saved(3)
    result = runner.invoke(app, ["history", "export"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [json.loads(line) for line in lines] == [json.loads(e) for e in exported]
    target = tmp_path / "all.jsonl"
    assert runner.invoke(app, ["history", "export", "-o", str(target)]).exit_code == 0
    assert target.read_text().splitlines() == lines
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = runner.invoke(app, ["history", "export", "-o", str(target)])
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_order_is_oldest_first_even_when_saved_out_of_order() -> None:
    with HistoryStore() as store:
        for days in (10, 0, 5):
            store.save(evaluate(RETAIL_WORKER, now=START + timedelta(days=days)))
        assert [r.created_at[:10] for r in store.rows()] == [
            "2026-01-05",
            "2026-01-10",
            "2026-01-15",
        ]


def test_list_show_and_delete() -> None:
    saved(2)
    listing = runner.invoke(app, ["history", "list"], env={"COLUMNS": "80"})
    assert listing.exit_code == 0
    rows = [line for line in listing.stdout.splitlines() if line.startswith(("1 ", "2 "))]
    assert len(rows) == 2 and max(cell_len(line) for line in listing.stdout.splitlines()) <= 80
    assert "8/10" in rows[0] and rows[0].rstrip().endswith("feet rolling inward")  # one line
    shown = runner.invoke(app, ["history", "show", "2", "--format", "json"])
    assert json.loads(shown.stdout)["answers"]["pain_intensity"] == 7
    assert runner.invoke(app, ["history", "show", "9"]).exit_code == 2
    assert runner.invoke(app, ["history", "delete", "1"]).exit_code == 2  # no terminal, no --yes
    assert runner.invoke(app, ["history", "delete", "1", "--yes"]).exit_code == 0
    assert runner.invoke(app, ["history", "delete", "1", "--yes"]).exit_code == 2
    assert runner.invoke(app, ["history", "delete", "--yes"]).exit_code == 2
    assert runner.invoke(app, ["history", "delete", "--all", "--yes"]).exit_code == 0
    with HistoryStore() as store:
        assert store.rows() == []


@pytest.mark.parametrize("given", ["abc", "1.5", "²", "99999999999999999999999"])
def test_a_result_id_that_cannot_be_one_is_refused(given: str) -> None:
    saved(1)
    for command in (["history", "show", given], ["history", "delete", given, "--yes"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        assert f"'{given}' is not a result id" in result.stderr
    with HistoryStore() as store:
        assert len(store.rows()) == 1


@pytest.mark.parametrize(
    "command",
    [
        ["history", "export"],
        ["history", "show", "1", "--format", "json"],
        ["template"],
        ["assess", "--no-save", "--format", "json"],
        ["batch", "BATCH_INPUT"],
    ],
)
@pytest.mark.parametrize("side", ["", "-wal"])
def test_no_output_replaces_the_history_even_with_force(
    command: list[str], side: str, answers_file: Path, tmp_path: Path
) -> None:
    saved(1)
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(RETAIL_WORKER) + "\n")
    if command[0] == "assess":
        command = [*command, "--answers", str(answers_file)]
    command = [str(rows) if part == "BATCH_INPUT" else part for part in command]
    target = history_path().with_name(history_path().name + side)
    before = history_path().read_bytes()
    result = runner.invoke(app, [*command, "-o", str(target), "--force"])
    assert result.exit_code == 2
    assert "is your footcheck history" in result.stderr
    assert history_path().read_bytes() == before
    with HistoryStore() as store:
        assert len(store.rows()) == 1


def test_a_history_folder_named_like_markup_is_shown_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTCHECK_HOME", str(tmp_path / "h[/dim]x"))
    saved(1)
    listing = runner.invoke(app, ["history", "list"], env={"COLUMNS": "200"})
    assert listing.exit_code == 0, listing.stderr
    assert "h[/dim]x" in listing.stdout


def test_empty_history_commands_say_so(private_home: Path) -> None:
    for command in (["history", "list"], ["history", "trend"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0 and "No saved results yet" in result.stdout
    assert runner.invoke(app, ["history", "export"]).stdout == ""
    assert not private_home.exists()  # reading never creates the history


def test_a_damaged_result_is_left_out_of_the_trend_and_named() -> None:
    saved(3)
    with sqlite3.connect(history_path()) as db:
        db.execute("UPDATE results SET summary_json = '{\"oops\": 1}' WHERE id = 2")
    result = runner.invoke(app, ["history", "trend"])
    assert result.exit_code == 0
    assert "left out damaged result 2" in result.stderr
    assert "Pain and outlook" in result.stdout
    shown = runner.invoke(app, ["history", "show", "2"])
    assert shown.exit_code == 1 and "saved result 2 is damaged" in shown.stderr


def test_trend_fits_80_columns() -> None:
    saved(6)
    result = runner.invoke(app, ["history", "trend"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert "████████░░  8" in result.stdout and "███░░░░░░░  3" in result.stdout
    assert "long hours on your feet" in result.stdout
    title = "Contributor points, oldest → newest (\u2013 = not listed that time)"
    assert title in lines  # whole, not wrapped


def test_trend_dates_are_local_times_with_the_zone() -> None:
    """Results are told apart by their time too, on the person's own clock, zone named."""
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    try:
        saved(2)
        result = runner.invoke(app, ["history", "trend"], env={"COLUMNS": "80"})
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
    assert result.exit_code == 0
    assert "2026-01-05 09:00 CET" in result.stdout  # 08:00 UTC
    assert "2026-01-12 09:00 CET" in result.stdout
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80


def test_assess_save_flags(answers_file: Path) -> None:
    args = ["assess", "--answers", str(answers_file), "--format", "json"]
    assert runner.invoke(app, args).exit_code == 0
    assert not history_path().exists()  # scripted runs save only with --save
    assert runner.invoke(app, [*args, "--no-save"]).exit_code == 0
    result = runner.invoke(app, [*args, "--save"])
    assert result.exit_code == 0 and "Saved as result 1" in result.stderr
    with HistoryStore() as store:
        assert len(store.rows()) == 1


def _save_many(home: str, count: int) -> None:
    os.environ["FOOTCHECK_HOME"] = home
    for _ in range(count):
        with HistoryStore() as store:
            store.save(evaluate(RETAIL_WORKER))


def test_concurrent_saves_lose_nothing(private_home: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_save_many, args=(str(private_home), 5)) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with HistoryStore() as store:
        rows = store.rows()
    assert len(rows) == 40
    assert len({r.id for r in rows}) == 40


def test_a_history_being_created_is_never_taken_for_a_foreign_one(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process commits the new history's first transaction while this one is
    checking what the file is: the checks must all see one moment, before or after."""
    private_home.mkdir(mode=0o700)
    path = history_path()
    creator = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    creator.execute("BEGIN IMMEDIATE")
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            creator.execute(statement)
    creator.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    creator.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    real_connect = sqlite3.connect

    def connect_and_race(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)

        def commit_in_between(statement: str) -> None:
            # Once: after this connection has read application_id, before user_version.
            if statement.startswith("PRAGMA user_version") and creator.in_transaction:
                try:
                    creator.execute("COMMIT")
                except sqlite3.OperationalError:  # the reader's snapshot holds; it creates it
                    creator.execute("ROLLBACK")

        connection.set_trace_callback(commit_in_between)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect_and_race)
    with HistoryStore() as store:  # neither "not footcheck's history" nor a hang
        store.save(evaluate(RETAIL_WORKER))
        assert len(store.rows()) == 1
    creator.close()


def test_damaged_file_is_refused_and_left_alone(private_home: Path, answers_file: Path) -> None:
    private_home.mkdir()
    damaged = private_home / "history.sqlite3"
    damaged.write_bytes(b"this is not a database at all" * 100)
    before = damaged.read_bytes()
    result = runner.invoke(app, ["history", "list"])
    assert result.exit_code == 1
    assert str(damaged) in result.stderr and "Move it aside" in result.stderr
    # a failed save after a successful assessment: summary shown, exit 1
    saved_run = runner.invoke(
        app, ["assess", "--answers", str(answers_file), "--format", "json", "--save"]
    )
    assert saved_run.exit_code == 1
    assert json.loads(saved_run.stdout)["triage"]["level"] == "see_clinician"
    assert "could not be saved" in saved_run.stderr
    assert damaged.read_bytes() == before
    assert sorted(p.name for p in private_home.iterdir()) == ["history.sqlite3"]


def test_history_folder_that_is_a_file(private_home: Path, answers_file: Path) -> None:
    private_home.write_text("my notes")  # FOOTCHECK_HOME set to a file by mistake
    result = runner.invoke(
        app, ["assess", "--answers", str(answers_file), "--format", "json", "--save"]
    )
    assert result.exit_code == 1
    assert f"the history folder {private_home} is not a folder" in result.stderr
    assert "Move it aside" not in result.stderr
    assert private_home.read_text() == "my notes"


def test_foreign_sqlite_database_is_refused(private_home: Path) -> None:
    private_home.mkdir()
    path = private_home / "history.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE notes (text TEXT)")
    with pytest.raises(HistoryError, match="not footcheck's history"):
        HistoryStore()


def test_newer_schema_is_refused(private_home: Path) -> None:
    saved(1)
    with sqlite3.connect(history_path()) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    result = runner.invoke(app, ["history", "list"])
    assert result.exit_code == 1
    assert "newer footcheck" in result.stderr
