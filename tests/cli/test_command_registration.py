"""The console entry runs the whole app: a typo of a command is answered with the list."""

from __future__ import annotations

from typer.testing import CliRunner

from footcheck.cli.app import app


def test_a_typo_is_answered_with_the_whole_list() -> None:
    result = CliRunner().invoke(app, ["hist"], prog_name="footcheck")
    assert result.exit_code == 2
    assert "Did you mean 'history'?" in result.output
