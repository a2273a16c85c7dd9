"""The two ways a command fails on purpose, each with its exit code (SPEC section 10)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CommandFailure(Exception):
    """A failure to report as plain lines, never as a traceback."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class UsageFailure(CommandFailure):
    """Bad flags, files or answers: exit 2."""

    exit_code = EXIT_USAGE


class OperationalFailure(CommandFailure):
    """A file or database could not be used: exit 1."""

    exit_code = EXIT_FAILURE


def report_failure(failure: CommandFailure) -> None:
    print(f"footcheck: {failure.message}", file=sys.stderr)
    for line in failure.details:
        print(f"  - {line}", file=sys.stderr)


def reports_failures(command: Callable[P, R]) -> Callable[P, R]:
    """Turn deliberate failures and Ctrl-C into a message and an exit code, never a traceback."""
    import typer

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CommandFailure as failure:
            report_failure(failure)
            raise typer.Exit(failure.exit_code) from None
        except KeyboardInterrupt:
            print("\ncancelled, nothing saved", file=sys.stderr)
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper
