"""`questions`, `template`, `schema` and `report`."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from rich.cells import cell_len
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.cli.app import app
from footcheck.instruments.registry import QUESTION_IDS
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
from tests.conftest import RETAIL_WORKER

runner = CliRunner()


def test_questions_json_lists_every_question() -> None:
    result = runner.invoke(app, ["questions", "--format", "json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert [q["id"] for q in document["questions"]] == list(QUESTION_IDS)
    pain = next(q for q in document["questions"] if q["id"] == "pain_intensity")
    assert pain["when"] == "back_pain is yes"
    assert (pain["minimum"], pain["maximum"]) == (0, 10)
    assert document["copyright"]["outlook"] == KEELE_COPYRIGHT


def test_questions_table_and_markdown_show_keele_copyright() -> None:
    for fmt in ("table", "markdown"):
        result = runner.invoke(app, ["questions", "--format", fmt])
        assert result.exit_code == 0
        assert "Keele University" in result.stdout
        assert "wet_footprint" in result.stdout


def test_template_has_every_id_null(tmp_path: Path) -> None:
    result = runner.invoke(app, ["template"])
    assert json.loads(result.stdout) == dict.fromkeys(QUESTION_IDS)
    target = tmp_path / "t.json"
    assert runner.invoke(app, ["template", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text()) == dict.fromkeys(QUESTION_IDS)
    again = runner.invoke(app, ["template", "-o", str(target)])
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_toml_template_lists_every_question_commented_out(tmp_path: Path) -> None:
    target = tmp_path / "answers.toml"
    assert runner.invoke(app, ["template", "-o", str(target)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert tomllib.loads(text) == {}  # nothing answered yet
    id_lines = [line for line in text.splitlines() if line.endswith(" =")]
    assert id_lines == [f"#{qid} =" for qid in QUESTION_IDS]
    assert "Keele University" in text
    assert max(cell_len(line) for line in text.splitlines()) <= 88


def test_filled_in_toml_template_scores_like_json(tmp_path: Path) -> None:
    target = tmp_path / "answers.toml"
    runner.invoke(app, ["template", "-o", str(target)])
    text = target.read_text(encoding="utf-8")
    for qid, value in RETAIL_WORKER.items():
        if value is not None:
            text = text.replace(f"#{qid} =", f"{qid} = {json.dumps(value)}")
    target.write_text(text, encoding="utf-8")
    from_toml = runner.invoke(app, ["assess", "--answers", str(target), "-f", "json"])
    assert from_toml.exit_code == 0, from_toml.stderr
    expected = evaluate(RETAIL_WORKER).model_dump(mode="json", exclude={"created_at"})
    assert json.loads(from_toml.stdout) | {"created_at": None} == expected | {"created_at": None}


def test_filled_template_lists_missing_ids(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    runner.invoke(app, ["template", "-o", str(target)])
    result = runner.invoke(app, ["assess", "--answers", str(target)])
    assert result.exit_code == 2
    assert "age: a whole number from 16 to 110" in result.stderr


def test_schemas_are_json_schema() -> None:
    answers = json.loads(runner.invoke(app, ["schema", "answers"]).stdout)
    assert list(answers["properties"]) == list(QUESTION_IDS)
    assert answers["additionalProperties"] is False
    assert "wet paper" in answers["properties"]["wet_footprint"]["description"].lower() or (
        "paper" in answers["properties"]["wet_footprint"]["description"]
    )
    summary = json.loads(runner.invoke(app, ["schema", "summary"]).stdout)
    assert {"triage", "contributors", "steps", "disclaimer"} <= set(summary["properties"])
    bad = runner.invoke(app, ["schema", "nonsense"])
    assert bad.exit_code == 2


def test_report_renders_an_export_again(answers_file: Path, tmp_path: Path) -> None:
    exported = tmp_path / "s.json"
    runner.invoke(app, ["assess", "--answers", str(answers_file), "-o", str(exported)])
    md = runner.invoke(app, ["report", str(exported), "--format", "markdown"])
    assert md.exit_code == 0 and md.stdout.startswith("# footcheck summary")
    again = runner.invoke(app, ["report", str(exported), "--format", "json"])
    assert json.loads(again.stdout) == json.loads(exported.read_text())
    html = tmp_path / "s.html"
    assert runner.invoke(app, ["report", str(exported), "-o", str(html)]).exit_code == 0
    assert html.read_text().startswith("<!DOCTYPE html>")


def test_report_refuses_what_is_not_a_summary(answers_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(answers_file)])
    assert result.exit_code == 2
    assert "holds answers, not a summary" in result.stderr
    assert f"footcheck assess --answers {answers_file}" in result.stderr
    other = tmp_path / "other.json"
    other.write_text('{"schema_version": 1, "tool": {}}')
    result = runner.invoke(app, ["report", str(other)])
    assert result.exit_code == 2
    assert "not an exported footcheck summary" in result.stderr
    assert "triage: Field required" in result.stderr
    missing = runner.invoke(app, ["report", str(tmp_path / "none.json")])
    assert missing.exit_code == 2 and "does not exist" in missing.stderr


def test_sources_lists_every_source_the_rules_cite() -> None:
    from footcheck.scoring.contributors import RULES
    from footcheck.scoring.steps import STEPS
    from footcheck.sources import SOURCES

    result = runner.invoke(app, ["sources", "--format", "json"])
    assert result.exit_code == 0
    listed = {s["id"]: s for s in json.loads(result.stdout)}
    assert set(listed) == {s.id for s in SOURCES}
    cited = {sid for item in (*RULES, *STEPS) for sid in item.sources}
    assert cited <= set(listed)
    text = runner.invoke(app, ["sources"]).stdout
    assert "NG59" in text and "Menz" in text
    assert max(cell_len(line) for line in text.splitlines()) <= 80


COMMANDS = [
    ["assess"],
    ["questions"],
    ["template"],
    ["schema"],
    ["sources"],
    ["report"],
    ["batch"],
    ["history", "list"],
    ["history", "show"],
    ["history", "trend"],
    ["history", "export"],
    ["history", "delete"],
]


def test_every_command_has_an_example_in_its_help() -> None:
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, command
        assert "Example" in result.stdout, command
        assert f"footcheck {' '.join(command)}" in result.stdout, command
