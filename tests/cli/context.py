"""Running a command in this process with a made-up world: the ``Context`` it reads.

``invoke("history", "list", home=home)`` runs ``footcheck history list`` as the command
line would, except that its streams are in memory, its environment is a dict, its clock
stands still and its history is the test's own folder; it returns (exit code, stdout,
stderr). Tests of a real process's plumbing (terminals, signals, pipes, closed streams,
start-up imports) run ``footcheck`` as a process instead (``tests/processes.py``).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from footcheck.cli.app import app
from footcheck.cli.context import Context

NOW = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)
"""The time a made-up run happens at."""


@dataclass(frozen=True)
class FixedClock:
    """A clock that stands still (picklable, for batch's worker processes)."""

    moment: datetime = NOW

    def __call__(self) -> datetime:
        return self.moment


def fake_context(
    home: Path,
    *,
    stdin: str | bytes = "",
    environ: Mapping[str, str] | None = None,
    terminal: bool = False,
    clock: FixedClock | None = None,
) -> Context:
    """A context with streams in memory; ``terminal`` makes stdin, stdout and stderr claim
    to be a terminal (the streams stay in memory)."""
    raw = stdin.encode() if isinstance(stdin, str) else stdin
    return Context(
        stdin=io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        environ=dict(environ or {}),
        stdin_is_terminal=terminal,
        stdout_is_terminal=terminal,
        stderr_is_terminal=terminal,
        history_home=home,
        clock=clock or FixedClock(),
    )


def invoke(
    *args: str,
    home: Path,
    stdin: str | bytes = "",
    environ: Mapping[str, str] | None = None,
) -> tuple[int, str, str]:
    """``footcheck ARGS`` in this process: (exit code, stdout, stderr). What the argument
    parser itself prints (usage errors, --help) comes first."""
    context = fake_context(home, stdin=stdin, environ=environ)
    result = CliRunner().invoke(app, list(args), obj=context)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    out, err = context.stdout, context.stderr
    assert isinstance(out, io.StringIO) and isinstance(err, io.StringIO)
    return result.exit_code, result.stdout + out.getvalue(), result.stderr + err.getvalue()
