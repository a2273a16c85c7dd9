"""Accessible mode everywhere a person reads footcheck: no box drawing, bars, blocks or
arrows, one plain sentence a line (--accessible, or FOOTCHECK_ACCESSIBLE=1)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.cli.app import app
from footcheck.render import render_text
from footcheck.store.history import HistoryStore
from tests.conftest import RETAIL_WORKER
from tests.helpers import answers

runner = CliRunner()
DRAWING = re.compile("[\u2500-\u259f→●○▼▁▂▃▄▅▆▇]")


@pytest.fixture
def saved_history() -> None:
    with HistoryStore() as store:
        for week in range(3):
            data = {**RETAIL_WORKER, "pain_intensity": 7 - week}
            store.save(evaluate(data, now=datetime(2026, 1, 5, tzinfo=UTC) + timedelta(weeks=week)))


@pytest.mark.parametrize(
    "command",
    [["questions"], ["history", "list"], ["history", "trend"], ["history", "show", "1"]],
)
def test_commands_in_accessible_mode_draw_nothing(command: list[str], saved_history: None) -> None:
    result = runner.invoke(app, command, env={"FOOTCHECK_ACCESSIBLE": "1"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert not DRAWING.findall(result.stdout), command


def test_the_same_commands_draw_when_not_asked(saved_history: None) -> None:
    result = runner.invoke(app, ["history", "trend"], env={"FOOTCHECK_ACCESSIBLE": ""})
    assert DRAWING.findall(result.stdout)


@pytest.mark.parametrize(
    "data",
    [RETAIL_WORKER, answers(back_pain=True, rf_bladder_bowel=True), answers()],
    ids=["see_clinician", "emergency", "no_pain"],
)
def test_the_accessible_summary_is_plain_sentences(data: dict[str, object]) -> None:
    text = render_text(evaluate(data), "rich", accessible=True)
    assert not DRAWING.findall(text)
    assert "Your plan." in text


def test_report_takes_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "summary.json"
    path.write_text(render_text(evaluate(RETAIL_WORKER), "json"))
    result = runner.invoke(app, ["report", str(path), "--accessible"])
    assert result.exit_code == 0
    assert not DRAWING.findall(result.stdout)


NOT_READ_ALOUD = re.compile("[\u2500-\u259f→←●○▼▁▂▃▄▅▆▇█░`|]")


def assert_one_sentence_a_line(stdout: str) -> list[str]:
    lines = [line for line in stdout.splitlines() if line.strip()]
    for line in lines:
        assert not NOT_READ_ALOUD.findall(line), line
        assert line.rstrip().endswith((".", "!", "?")), f"a sentence broken over lines: {line!r}"
        assert line[:1].isupper(), f"a line that continues a sentence: {line!r}"
    return lines


def test_accessible_history_list_is_one_sentence_a_line(saved_history: None) -> None:
    result = runner.invoke(app, ["history", "list", "--accessible"], env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.stderr
    lines = assert_one_sentence_a_line(result.stdout)
    results = [line for line in lines if line.startswith("Result ")]
    assert len(results) == 3
    assert "pain 7 out of 10; STarT Back low risk" in results[0]
    assert "5 January 2026 at" in results[0] or "January 2026 at" in results[0]


def test_accessible_history_list_says_how_to_save_without_backticks() -> None:
    result = runner.invoke(app, ["history", "list"], env={"FOOTCHECK_ACCESSIBLE": "1"})
    assert result.exit_code == 0
    assert_one_sentence_a_line(result.stdout)
    assert "footcheck assess --save" in result.stdout


def test_accessible_trend_is_sentences_not_a_table(saved_history: None) -> None:
    result = runner.invoke(app, ["history", "trend", "--accessible"], env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.stderr
    lines = assert_one_sentence_a_line(result.stdout)
    assert sum(line.startswith("Result ") for line in lines) == 3
    assert "From result 1 to result 3, pain went down from 7 to 5 out of 10." in lines
    assert not any("  " in line.strip() for line in lines), "columns of a table"
