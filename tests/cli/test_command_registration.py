"""The console entry registers only the command named on the command line: the same
behaviour as the whole app, at a lower start-up cost."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from footcheck.cli.app import app, app_for


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--help"],
        ["batch", "--help"],
        ["history", "--help"],
        ["history", "show", "--help"],
        ["questions", "--format", "json"],
        ["sources"],
        ["schema", "summary"],
    ],
)
def test_one_command_behaves_as_in_the_whole_app(args: list[str]) -> None:
    single = app_for(args)
    assert single is not app
    assert len(single.registered_commands) + len(single.registered_groups) == 1
    whole = CliRunner().invoke(app, args, prog_name="footcheck")
    alone = CliRunner().invoke(single, args, prog_name="footcheck")
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["hist"], ["-h", "assess"]])
def test_anything_else_gets_the_whole_app(args: list[str]) -> None:
    assert app_for(args) is app


def test_a_typo_is_answered_with_the_whole_list() -> None:
    result = CliRunner().invoke(app_for(["hist"]), ["hist"], prog_name="footcheck")
    assert result.exit_code == 2
    assert "Did you mean 'history'?" in result.output


def test_shell_completion_sees_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_FOOTCHECK_COMPLETE", "complete_bash")
    assert app_for(["assess"]) is app
