"""Batch for clinics: record ids through batch, and the wide CSV of batch and history export."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.batch import BatchTotals, read_rows, score_rows, write_results
from footcheck.cli.app import app
from footcheck.summary import Summary
from tests.conftest import RETAIL_WORKER
from tests.test_batch import csv_cell, jsonl

runner = CliRunner()
V1_HISTORY = Path(__file__).parent / "fixtures" / "checklist_v1" / "history.sqlite3"
HEADER = [
    "record_id", "line", "created_at", "checklist_version", "triage", "start_back_total",
    "start_back_psychosocial", "start_back_risk", "foot_posture", "overpronation",
    "underpronation", "unsupportive_footwear", "prolonged_standing", "prolonged_sitting",
    "heavy_lifting", "low_activity", "steps", "error",
]  # fmt: skip
"""The columns as the README documents them."""
NO_PAIN = {k: v for k, v in RETAIL_WORKER.items() if not k.startswith(("pain_", "sb_", "rf_"))}
NO_PAIN["back_pain"] = False


def csv_with_ids(path: Path, rows: list[tuple[str, dict[str, Any]]], id_field: str) -> Path:
    ids = list(RETAIL_WORKER)
    with path.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([*ids[:3], id_field, *ids[3:]])  # the id column anywhere
        for record_id, row in rows:
            cells = [csv_cell(row.get(i)) for i in ids]
            writer.writerow([*cells[:3], record_id, *cells[3:]])
    return path


def read_csv(text: str) -> list[dict[str, str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    assert header == HEADER
    return [dict(zip(header, row, strict=True)) for row in reader]


def batch(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["batch", *args])
    return result.exit_code, result.stdout, result.stderr


# --- record ids ---------------------------------------------------------------------------
def test_jsonl_ids_are_copied_in_order_also_into_error_rows(tmp_path: Path) -> None:
    rows = [
        {"record_id": "A-1", **RETAIL_WORKER},
        {"record_id": "A-2", **RETAIL_WORKER, "age": 5},
        RETAIL_WORKER,
        "{oops",
        {"record_id": "Å 4 ✓", **NO_PAIN},
        {"record_id": None, **NO_PAIN},
    ]
    code, out, err = batch(str(jsonl(tmp_path / "in.jsonl", rows)))
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line.get("record_id", "absent") for line in lines] == [
        "A-1", "A-2", "absent", "absent", "Å 4 ✓", None,
    ]  # fmt: skip
    assert next(iter(lines[1])) == "record_id"  # first, so it is seen first
    assert lines[1]["line"] == 2 and lines[1]["errors"][0]["id"] == "age"
    assert "record_id" not in lines[0]["answers"]
    expected = evaluate(RETAIL_WORKER).model_dump(mode="json")
    del expected["created_at"], lines[0]["created_at"], lines[0]["record_id"]
    assert lines[0] == expected
    assert "line 2, record A-2: age: 5 is not allowed" in err


@pytest.mark.parametrize(
    ("record_id", "message"),
    [
        ("x" * 201, "is 201 characters long; allowed: text of at most 200 printable characters"),
        ("tab\there", "'tab\\x09here' holds a control or invisible character"),
        ("rtl\u202eoverride", "'rtl\\u202eoverride' holds a control or invisible character"),
        (17, "17 is not text; allowed: text of at most 200 printable characters"),
        (["a"], '["a"] is not text'),
    ],
)
def test_an_unusable_id_is_that_row_s_error(tmp_path: Path, record_id: Any, message: str) -> None:
    rows = [{"record_id": "ok", **NO_PAIN}, {"record_id": record_id, **NO_PAIN}]
    code, out, _ = batch(str(jsonl(tmp_path / "in.jsonl", rows)))
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["record_id"] == "ok" and "errors" not in first
    assert second["record_id"] is None  # an unusable id is not copied
    (problem,) = second["errors"]
    assert (problem["id"], problem["kind"]) == ("record_id", "invalid")
    assert message in problem["message"]


def test_an_id_of_exactly_200_characters_is_copied(tmp_path: Path) -> None:
    record_id = "é" * 200
    _, out, _ = batch(str(jsonl(tmp_path / "in.jsonl", [{"record_id": record_id, **NO_PAIN}])))
    assert json.loads(out)["record_id"] == record_id


def test_csv_ids_in_order_with_bad_rows_to_jsonl_and_csv(tmp_path: Path) -> None:
    rows = [
        ("P1", RETAIL_WORKER),
        ("P2", {**RETAIL_WORKER, "age": "old"}),
        ("", NO_PAIN),
        ("P4", NO_PAIN),
        ("P" * 300, NO_PAIN),
    ]
    source = csv_with_ids(tmp_path / "in.csv", rows, "record_id")
    code, out, _ = batch(str(source))
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["record_id"] for line in lines] == ["P1", "P2", None, "P4", None]
    assert [line.get("line") for line in lines] == [None, 3, None, None, 6]
    code, out, _ = batch(str(source), "--output-format", "csv")
    assert code == 1
    table = read_csv(out)
    assert [row["record_id"] for row in table] == ["P1", "P2", "", "P4", ""]
    assert [row["line"] for row in table] == ["2", "3", "4", "5", "6"]
    assert table[1]["error"] == "age: 'old' is not allowed; allowed: a whole number from 16 to 110"
    assert table[4]["error"].startswith("record_id: is 300 characters long")


def test_a_custom_id_field_and_any_other_unknown_column_still_fails(tmp_path: Path) -> None:
    source = csv_with_ids(tmp_path / "in.csv", [("7", NO_PAIN)], "patient")
    code, out, _ = batch(str(source), "--id-field", "patient")
    assert code == 0 and json.loads(out)["record_id"] == "7"
    code, _, err = batch(str(source))  # record_id is the id column: 'patient' is unknown
    assert code == 2
    assert "column 'patient' is not a question id" in err
    lines = jsonl(tmp_path / "in.jsonl", [{"patient": "7", **NO_PAIN}])
    assert json.loads(batch(str(lines), "--id-field", "patient")[1])["record_id"] == "7"
    code, out, _ = batch(str(lines))
    assert json.loads(out)["errors"][0]["id"] == "patient"


@pytest.mark.parametrize(("given", "message"), [("age", "is a question id"), ("", "not a column")])
def test_an_id_field_that_cannot_be_one_is_refused(
    tmp_path: Path, given: str, message: str
) -> None:
    code, _, err = batch(str(jsonl(tmp_path / "in.jsonl", [NO_PAIN])), "--id-field", given)
    assert code == 2 and message in err


def test_ids_never_reach_the_history(tmp_path: Path, private_home: Path) -> None:
    rows = [{"record_id": "secret-77", **NO_PAIN}]
    assert batch(str(jsonl(tmp_path / "in.jsonl", rows)))[0] == 0
    assert not private_home.exists()


def test_streaming_with_ids_and_csv_output_reads_one_row_ahead_at_most() -> None:
    pulled: list[int] = []

    class Enough(Exception):
        pass

    class Lines(io.RawIOBase):
        def __init__(self) -> None:
            self.numbers = iter(range(1000))

        def readline(self, size: int | None = -1) -> bytes:
            number = next(self.numbers, None)
            if number is None:
                return b""
            pulled.append(number)
            return (json.dumps({"record_id": str(number), **NO_PAIN}) + "\n").encode()

    class Target(io.StringIO):
        rows = 0

        def write(self, text: str) -> int:
            self.rows += text.count("\n")
            assert self.rows <= len(pulled) + 1  # the header, then a row per row read
            if self.rows == 6:
                raise Enough
            return super().write(text)

    results = score_rows(read_rows(Lines(), "jsonl"), BatchTotals())  # type: ignore[arg-type]
    with pytest.raises(Enough):
        write_results(results, Target(), "csv")
    assert pulled == [0, 1, 2, 3, 4]


# --- the wide CSV ---------------------------------------------------------------------------
def test_the_wide_csv_reads_back_one_row_per_input_row(tmp_path: Path) -> None:
    inputs = [RETAIL_WORKER, NO_PAIN, {**NO_PAIN, "age": 5}, {**RETAIL_WORKER, "fpi6_total": 11}]
    source = jsonl(
        tmp_path / "in.jsonl", [{"record_id": f"r{i}", **r} for i, r in enumerate(inputs)]
    )
    target = tmp_path / "out.csv"
    code, out, _ = batch(str(source), "-o", str(target))  # csv from the suffix
    assert code == 1 and out == ""
    table = read_csv(target.read_text(encoding="utf-8"))
    assert len(table) == len(inputs)
    for row, data in zip(table, inputs, strict=True):
        if data["age"] == 5:
            assert row["error"].startswith("age: 5 is not allowed")
            assert {row[c] for c in HEADER[2:-1]} == {""}  # no score where none was made
            continue
        summary = evaluate(data)
        assert row["error"] == ""
        assert row["triage"] == summary.triage.level
        assert row["checklist_version"] == "2"
        assert row["foot_posture"] == summary.foot_posture.classification
        scores = summary.start_back
        assert [row[c] for c in HEADER[5:8]] == (
            ["", "", ""] if scores is None
            else [str(scores.total), str(scores.psychosocial), scores.risk]
        )  # fmt: skip
        points = {c.id: c.points for c in summary.contributors}
        assert {c: int(row[c]) for c in HEADER[9:16]} == {c: points.get(c, 0) for c in HEADER[9:16]}
        assert row["steps"].split(";") == [s.id for s in summary.steps]
    assert target.stat().st_mode & 0o777 == 0o600


def test_output_format_flag_and_default(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", [NO_PAIN])
    assert json.loads(batch(str(source))[1])["schema_version"] == 2
    assert len(read_csv(batch(str(source), "--output-format", "csv")[1])) == 1
    target = tmp_path / "out.csv"
    assert batch(str(source), "-o", str(target), "--output-format", "jsonl")[0] == 0
    assert json.loads(target.read_text())["schema_version"] == 2


def test_history_export_writes_the_same_wide_csv(private_home: Path, tmp_path: Path) -> None:
    private_home.mkdir(parents=True)
    shutil.copyfile(V1_HISTORY, private_home / "history.sqlite3")
    (private_home / "history.sqlite3").chmod(0o600)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(RETAIL_WORKER))
    saved = runner.invoke(app, ["assess", "-a", str(answers), "--save", "-f", "json"])
    assert saved.exit_code == 0
    result = runner.invoke(app, ["history", "export", "--format", "csv"])
    assert result.exit_code == 0
    table = read_csv(result.stdout)
    assert [row["record_id"] for row in table] == ["1", "2", "3", "4", "5", "6"]
    assert [row["checklist_version"] for row in table] == ["1"] * 5 + ["2"]
    assert {row["line"] for row in table} == {""}
    assert table[4]["triage"] == "urgent" and table[4]["start_back_total"] == ""
    newest = Summary.model_validate_json(saved.stdout)
    assert table[5]["created_at"] == saved.stdout.split('"created_at": "')[1].split('"')[0]
    assert table[5]["overpronation"] == str(newest.contributors[0].points)
    target = tmp_path / "all.csv"
    assert runner.invoke(app, ["history", "export", "-o", str(target)]).exit_code == 0
    assert read_csv(target.read_text(encoding="utf-8")) == table


def test_history_export_names_a_damaged_result_in_its_row(private_home: Path) -> None:
    import sqlite3

    private_home.mkdir(parents=True)
    shutil.copyfile(V1_HISTORY, private_home / "history.sqlite3")
    with sqlite3.connect(private_home / "history.sqlite3") as db:
        db.execute("UPDATE results SET summary_json = '{\"schema_version\": 1}' WHERE id = 2")
    result = runner.invoke(app, ["history", "export", "--format", "csv"])
    assert result.exit_code == 1  # the damaged one is named, the rest all written
    assert "damaged result 2: written as a row that says so" in result.stderr
    table = read_csv(result.stdout)
    assert len(table) == 5
    assert (table[1]["record_id"], table[1]["error"]) == ("2", "saved result 2 is damaged")
