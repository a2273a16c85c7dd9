"""The history under pressure: damaged rows (issue 13, item 1)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.cli.app import app
from footcheck.history_location import history_path
from footcheck.history_store import HistoryStore
from tests.conftest import RETAIL_WORKER

runner = CliRunner()


def saved(count: int = 3) -> None:
    with HistoryStore() as store:
        for _ in range(count):
            store.save(evaluate(RETAIL_WORKER))


def invoke(command: list[str], answers_file: Path | None = None) -> tuple[int, str, str]:
    args = [str(answers_file) if part == "ANSWERS" else part for part in command]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# --- item 1: export ---------------------------------------------------------------------
def test_item1_export_names_damaged_rows_and_exports_the_rest(tmp_path: Path) -> None:
    saved(4)
    with sqlite3.connect(history_path()) as db:
        db.execute("UPDATE results SET summary_json = CAST(summary_json AS BLOB) WHERE id = 1")
        db.execute("UPDATE results SET summary_json = '{\"oops\": 1}' WHERE id = 2")
        db.execute("UPDATE results SET summary_json = X'FFFE00' WHERE id = 3")
    code, out, err = invoke(["history", "export"])
    assert code == 1
    assert err.strip() == "footcheck: left out damaged result(s) 2, 3"
    lines = out.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["schema_version"] == 2 for line in lines)
    target = tmp_path / "all.jsonl"
    code, _, err = invoke(["history", "export", "-o", str(target)])
    assert code == 1 and "Exported 2 result(s)" in err and "damaged result(s) 2, 3" in err
    assert target.read_text().splitlines() == lines
    for command in (["history", "show", "2"], ["history", "show", "3"]):
        code, _, err = invoke(command)
        assert code == 1 and "is damaged" in err  # as show and trend already said
    code, _, err = invoke(["history", "trend"])
    assert code == 0 and "left out damaged result(s) 2, 3" in err


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
