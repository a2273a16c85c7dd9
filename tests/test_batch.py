"""`footcheck batch`: JSONL and CSV, order, bad rows, exit codes, streaming, flags."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.batch import BatchTotals, read_rows, score_rows
from footcheck.cli.app import app
from tests.conftest import RETAIL_WORKER

runner = CliRunner()


def jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def csv_file(path: Path, rows: list[dict[str, Any]]) -> Path:
    ids = list(RETAIL_WORKER)
    with path.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(ids)
        for row in rows:
            writer.writerow([csv_cell(row.get(i)) for i in ids])
    return path


def test_jsonl_in_order_with_a_bad_row(tmp_path: Path) -> None:
    rows = [{**RETAIL_WORKER, "pain_intensity": n} for n in range(3)]
    source = jsonl(tmp_path / "in.jsonl", [rows[0], {"age": 5}, "", "{oops", rows[1], rows[2]])
    result = runner.invoke(app, ["batch", str(source)])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("line") for o in out] == [None, 2, 4, None, None]
    assert [o["answers"]["pain_intensity"] for o in out if "answers" in o] == [0, 1, 2]
    assert out[1]["errors"][0] == {
        "id": "age",
        "kind": "invalid",
        "message": "5 is not allowed; allowed: a whole number from 16 to 110",
    }
    assert out[2]["errors"][0]["id"] == "json"
    assert "line 2: age: 5 is not allowed" in result.stderr
    assert "(and " in result.stderr  # the stderr line stays short
    assert "2 of 5 rows had errors" in result.stderr


def test_output_matches_evaluate(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", [RETAIL_WORKER])
    result = runner.invoke(app, ["batch", str(source)])
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    expected = evaluate(RETAIL_WORKER).model_dump(mode="json")
    got.pop("created_at"), expected.pop("created_at")
    assert got == expected


def test_csv_lists_booleans_and_empty_cells(tmp_path: Path) -> None:
    no_pain = {k: v for k, v in RETAIL_WORKER.items() if not k.startswith(("pain_", "sb_", "rf_"))}
    no_pain["back_pain"] = False
    source = csv_file(
        tmp_path / "in.csv", [RETAIL_WORKER, no_pain, {**RETAIL_WORKER, "age": "old"}]
    )
    result = runner.invoke(app, ["batch", str(source), "--summary"])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["answers"]["other_pain"] == ["feet"]
    assert out[0]["answers"]["hard_floors"] is True
    assert out[1]["start_back"] is None
    assert out[2] == {
        "line": 4,
        "errors": [
            {
                "id": "age",
                "kind": "invalid",
                "message": "'old' is not allowed; allowed: a whole number from 16 to 110",
            }
        ],
    }
    assert "rows: 3 (scored 2, errors 1)" in result.stderr
    lines = result.stderr.splitlines()
    assert lines[lines.index("triage:") + 3].split() == ["see_clinician", "1", "50%"]
    assert lines[lines.index("triage:") + 4].split() == ["self_care", "1", "50%"]
    assert lines[lines.index("most common contributors:") + 1].split() == [
        "overpronation",
        "2",
        "100%",
    ]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_utf16_input_is_named_once_not_as_every_row(tmp_path: Path, suffix: str) -> None:
    utf8 = (jsonl if suffix == ".jsonl" else csv_file)(
        tmp_path / f"in{suffix}", [RETAIL_WORKER] * 3
    )
    source = tmp_path / f"utf16{suffix}"
    source.write_bytes(utf8.read_text(encoding="utf-8").encode("utf-16"))
    target = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(source), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "footcheck: the input is UTF-16 text",
        "  - save it as UTF-8 (in Excel: CSV UTF-8)",
    ]
    assert not target.exists()


def test_csv_header_must_be_ids(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("age,arch\n40,flat\n")
    result = runner.invoke(app, ["batch", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert "did you mean 'arch_standing'" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(("separator", "name"), [(";", "semicolons"), ("\t", "tabs")])
def test_csv_with_another_separator_is_named(tmp_path: Path, separator: str, name: str) -> None:
    source = tmp_path / "in.csv"
    source.write_text(separator.join(["age", "back_pain", "other_pain"]) + "\n")
    result = runner.invoke(app, ["batch", str(source)])
    assert result.exit_code == 2
    assert f"the CSV header is separated by {name}, not commas" in result.stderr


def test_csv_wrong_cell_count_and_line_numbers(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text('age,other_pain\n"40",feet\n41\n\n42,"knees;hips"\n')
    out = [
        json.loads(line) for line in runner.invoke(app, ["batch", str(source)]).stdout.splitlines()
    ]
    assert out[1] == {
        "line": 3,
        "errors": [{"id": "csv", "kind": "invalid", "message": "has 1 cells but the header has 2"}],
    }
    assert out[2]["line"] == 5  # blank line skipped, physical line numbers kept
    assert {e["id"] for e in out[2]["errors"]} >= {"back_pain", "rf_trauma"}


def test_output_file_atomic_and_force(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.ndjson", [RETAIL_WORKER] * 3)
    target = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["batch", str(source), "-o", str(target)]).exit_code == 0
    assert len(target.read_text().splitlines()) == 3
    again = runner.invoke(app, ["batch", str(source), "-o", str(target)])
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert runner.invoke(app, ["batch", str(source), "-o", str(target), "--force"]).exit_code == 0
    before = source.read_bytes()
    onto_input = runner.invoke(app, ["batch", str(source), "-o", str(source), "--force"])
    assert onto_input.exit_code == 2 and "is the input" in onto_input.stderr
    assert source.read_bytes() == before


def test_input_format_flag_stdin_and_errors(tmp_path: Path) -> None:
    odd = jsonl(tmp_path / "in.txt", [RETAIL_WORKER])
    result = runner.invoke(app, ["batch", str(odd)])
    assert result.exit_code == 2 and "--input-format" in result.stderr
    assert runner.invoke(app, ["batch", str(odd), "--input-format", "jsonl"]).exit_code == 0
    piped = runner.invoke(
        app, ["batch", "-", "--input-format", "jsonl"], input=json.dumps(RETAIL_WORKER) + "\n"
    )
    assert piped.exit_code == 0 and json.loads(piped.stdout)["schema_version"] == 2
    missing = runner.invoke(app, ["batch", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "does not exist" in missing.stderr


def test_streaming_reads_one_row_ahead_at_most() -> None:
    """Each output row is produced before the next input line is read."""
    pulled: list[int] = []

    class Lines(io.RawIOBase):
        def __init__(self) -> None:
            self.count = 0

        def readline(self, size: int | None = -1) -> bytes:
            if self.count == 1000:
                return b""
            self.count += 1
            pulled.append(self.count)
            return (json.dumps(RETAIL_WORKER) + "\n").encode()

    source = Lines()
    results = score_rows(read_rows(source, "jsonl"), BatchTotals())  # type: ignore[arg-type]
    for produced, _ in enumerate(results, 1):
        assert source.count == produced
        if produced == 5:
            break
    assert pulled == [1, 2, 3, 4, 5]


def test_interrupted_batch_exits_130_and_leaves_no_file(tmp_path: Path) -> None:
    """Ctrl-C part-way: no output file and no temporary file are left behind."""
    source = jsonl(tmp_path / "in.jsonl", [RETAIL_WORKER] * 100_000)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "footcheck", "batch", str(source), "-o", str(out)],
        env={**os.environ, "FOOTCHECK_HOME": str(tmp_path / "home")},
        stderr=subprocess.PIPE,
        text=True,
        # a shell running tests in the background may ignore SIGINT; Ctrl-C does not
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".out.jsonl.*.tmp")):  # scoring has started
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.strip() == "cancelled, nothing saved"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
