"""First steps: `footcheck` alone is answered with the help, and counts are said in words
("1 result", "2 results"), never "result(s)"."""

from __future__ import annotations

from pathlib import Path

from footcheck.text.messages import say_count
from tests.cli.context import invoke


def test_bare_footcheck_shows_the_help_and_exits_0(private_home: Path) -> None:
    code, out, err = invoke(home=private_home)
    assert code == 0 and err == ""
    assert out.startswith("Usage: footcheck") and "assess" in out and "history" in out


def test_counts_are_said_in_words_not_with_s_in_brackets() -> None:
    assert (
        say_count("history.export.exported", 1, path="x.jsonl") == "Exported 1 result to x.jsonl."
    )
    assert (
        say_count("history.export.exported", 2, path="x.jsonl") == "Exported 2 results to x.jsonl."
    )
    assert say_count("assess.missing", 1, why="--no-input was given").startswith("1 answer missing")
    assert say_count("batch.rows_had_errors", 5, errors=2) == "2 of 5 rows had errors"
    assert say_count("history.delete.deleted_all", 1) == "Deleted 1 result."


def test_a_written_summary_names_its_format_in_words(
    private_home: Path, answers_file: Path, tmp_path: Path
) -> None:
    """`-o summary.txt` used to report "(rich)", the name of a flag value."""
    target = tmp_path / "summary.txt"
    code, _, err = invoke(
        "assess", "--answers", str(answers_file), "-o", str(target), "--no-save", home=private_home
    )
    assert code == 0
    assert err.strip().endswith(f"Wrote the summary to {target} (plain text).")
