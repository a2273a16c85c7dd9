"""Summaries scored with checklist version 1 stay readable: files, `report` and the history
show them as they were scored, marked with their version, never rescored and never lost."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.cli.app import app
from footcheck.render import FORMATS, render_text
from footcheck.summary import Summary

V1 = Path(__file__).parent / "fixtures" / "checklist_v1"
V1_SUMMARIES = sorted(V1.glob("*.json"))
runner = CliRunner()


def load(path: Path) -> Summary:
    return Summary.model_validate_json(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", V1_SUMMARIES, ids=lambda p: p.stem)
def test_a_version_1_summary_reads_as_scored(path: Path) -> None:
    summary = load(path)
    assert (summary.schema_version, summary.checklist_version) == (1, 1)
    assert not summary.scored_now
    assert summary.references == [] and all(not s.already_doing for s in summary.steps)
    # written again, it is byte for byte the file: nothing added, nothing rescored
    assert render_text(summary, "json") == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", V1_SUMMARIES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in ("json", "fhir")])
def test_a_version_1_summary_renders_marked_with_its_version(path: Path, fmt: str) -> None:
    """In words for people; the programs' formats carry the version as data (json's
    checklist_version, fhir's questionnaire version: tests/test_fhir_export.py)."""
    summary = load(path)
    text = render_text(summary, fmt)  # type: ignore[arg-type]
    assert "checklist version 1" in text
    for reason in summary.triage.reasons:  # its stored text, as stored
        assert reason.split(" (")[0][:30] in text.replace("\n", " ") or fmt == "html"


def test_a_version_1_urgent_result_without_back_pain_stays_as_it_was_scored() -> None:
    """Version 1 asked the red flags of everyone; version 2 would not flag this person."""
    summary = load(V1 / "no_pain_cancer_history.json")
    assert summary.triage.level == "urgent"
    assert summary.answers["back_pain"] is False
    assert summary.answers["rf_cancer_history"] is True
    rescored = evaluate({k: v for k, v in summary.answers.items() if not k.startswith("rf_")}
                        | {"diabetes_feet": False})  # fmt: skip
    assert rescored.triage.level == "self_care"  # but it is never silently rescored


def test_report_shows_a_version_1_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(V1 / "retail_worker.json"), "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "checklist version 1" in result.stdout


@pytest.fixture
def v1_history(private_home: Path) -> Path:
    private_home.mkdir(parents=True, exist_ok=True)
    target = private_home / "history.sqlite3"
    shutil.copyfile(V1 / "history.sqlite3", target)
    target.chmod(0o600)
    return target


def test_history_commands_read_a_version_1_history(v1_history: Path) -> None:
    listed = runner.invoke(app, ["history", "list"])
    assert listed.exit_code == 0, listed.stderr
    assert "v1" in listed.stdout and listed.stdout.count("\n") >= 5
    shown = runner.invoke(app, ["history", "show", "5", "--format", "markdown"])
    assert shown.exit_code == 0, shown.stderr
    assert "checklist version 1" in shown.stdout
    trend = runner.invoke(app, ["history", "trend"])
    assert trend.exit_code == 0, trend.stderr
    assert "8" in trend.stdout and "checklist version 1" in trend.stdout
    exported = runner.invoke(app, ["history", "export"])
    assert exported.exit_code == 0
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [d["schema_version"] for d in lines] == [1] * 5  # exported as stored


def version_1_marked(text: str, fmt: str) -> bool:
    """A version 1 result says so: in words for people, as data for programs."""
    if fmt == "json":
        document = json.loads(text)  # as stored: version 1 had no checklist_version field
        return document["schema_version"] == 1 and "checklist_version" not in document
    if fmt == "fhir":
        return "https://footcheck.invalid/Questionnaire/footcheck|1" in text
    return "checklist version 1" in text


@pytest.mark.parametrize("path", V1_SUMMARIES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", FORMATS)
def test_report_shows_a_version_1_file_in_every_format(path: Path, fmt: str) -> None:
    result = runner.invoke(app, ["report", str(path), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert version_1_marked(result.stdout, fmt)
    if fmt == "json":  # as stored: nothing added, nothing rescored
        assert result.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_history_show_gives_every_version_1_result_in_every_format(
    v1_history: Path, fmt: str
) -> None:
    exported = runner.invoke(app, ["history", "export"])
    stored = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(stored) == 5
    for number, summary in enumerate(stored, 1):
        shown = runner.invoke(app, ["history", "show", str(number), "--format", fmt])
        assert shown.exit_code == 0, (number, shown.stderr)
        assert version_1_marked(shown.stdout, fmt), number
        if fmt == "json":
            assert json.loads(shown.stdout) == summary  # as it was scored


def test_history_reads_a_version_1_history_accessibly_and_as_csv(v1_history: Path) -> None:
    for command in (["history", "list"], ["history", "trend"]):
        result = runner.invoke(app, [*command, "--accessible"])
        assert result.exit_code == 0, result.stderr
        assert "checklist version 1" in result.stdout
    table = runner.invoke(app, ["history", "export", "--format", "csv"])
    assert table.exit_code == 0, table.stderr
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [row["checklist_version"] for row in rows] == ["1"] * 5
    assert rows[-1]["triage"] == "urgent"  # the no-pain cancer history, as it was scored


def test_new_results_join_a_version_1_history(v1_history: Path, answers_file: Path) -> None:
    saved = runner.invoke(app, ["assess", "--answers", str(answers_file), "--format", "json",
                                "--save"])  # fmt: skip
    assert saved.exit_code == 0, saved.stderr
    exported = runner.invoke(app, ["history", "export"])
    versions = [json.loads(line)["schema_version"] for line in exported.stdout.splitlines()]
    assert versions == [1, 1, 1, 1, 1, 2]


def test_an_exported_version_1_summary_lends_its_answers(tmp_path: Path) -> None:
    """Answers that no longer apply are dropped with a note; new questions are listed."""
    result = runner.invoke(
        app, ["assess", "--answers", str(V1 / "no_pain_cancer_history.json"), "--no-input"]
    )
    assert result.exit_code == 2
    assert "rf_cancer_history" in result.stderr and "no longer apply" in result.stderr
    assert "diabetes_feet" in result.stderr  # new since version 1: missing
    done = runner.invoke(
        app,
        [
            "assess",
            "--answers",
            str(V1 / "no_pain_cancer_history.json"),
            "--set",
            "diabetes_feet=no",
            "--format",
            "json",
        ],
    )
    assert done.exit_code == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["triage"]["level"] == "self_care"
    assert "rf_cancer_history" not in summary["answers"]
