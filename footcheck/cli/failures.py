"""Exit codes, and the one place where a failure becomes a message and an exit code.

The core raises ``FootcheckError`` kinds (``footcheck/errors.py``); the command line adds
two of its own (bad usage, an operation that failed). ``EXIT_CODES`` maps each kind to its
code, and ``reports_failures`` applies it to every command, so no command prints its own
error or picks its own exit code (docs/rules.md, "Exit codes").
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import textwrap
from collections.abc import Callable
from enum import IntEnum
from typing import NoReturn, ParamSpec, TypeVar

from footcheck.cli.terminal import terminal_columns
from footcheck.errors import (
    AnswersError,
    FileExists,
    FootcheckError,
    HistoryBusy,
    HistoryError,
    InputFileError,
    InputProblem,
    OutputError,
)

P = ParamSpec("P")
R = TypeVar("R")


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1
    """An operational failure: a file or the database could not be used."""
    USAGE = 2
    """Bad usage or invalid answers: the message names each field and what is allowed."""
    INTERRUPTED = 130
    """Ctrl-C (or SIGTERM / SIGHUP): nothing saved, no partial file."""


class UsageFailure(FootcheckError):
    """Bad flags or a request that cannot be met as asked: exit 2."""


class OperationalFailure(FootcheckError):
    """Something footcheck needed could not be used: exit 1."""


EXIT_CODES: tuple[tuple[type[FootcheckError], ExitCode], ...] = (
    (UsageFailure, ExitCode.USAGE),
    (AnswersError, ExitCode.USAGE),
    (InputProblem, ExitCode.USAGE),
    (InputFileError, ExitCode.USAGE),
    (FileExists, ExitCode.USAGE),
    (OperationalFailure, ExitCode.FAILURE),
    (OutputError, ExitCode.FAILURE),
    (HistoryBusy, ExitCode.FAILURE),
    (HistoryError, ExitCode.FAILURE),
)
"""Each kind of failure and its exit code; the first matching kind wins."""

CANCELLED = "cancelled, nothing saved"
MESSAGE_WIDTH = 100
MAX_LISTED = 50
"""Problems listed under a failure; the rest are counted ("and N more"). A file can hold
thousands of mistakes, and a screenful names the pattern as well as all of them would."""


def exit_code_for(error: FootcheckError) -> ExitCode:
    return next((code for kind, code in EXIT_CODES if isinstance(error, kind)), ExitCode.FAILURE)


def say(text: str, *, indent: str = "") -> None:
    """A message on stderr: on a terminal, broken between words at its width (a terminal
    would otherwise break it mid-word); for a log or a program, one line a message. If
    even stderr cannot be written, the exit code still tells."""
    if _stderr_is_terminal():
        width = min(terminal_columns(), MESSAGE_WIDTH)
        text = "\n".join(
            "\n".join(
                textwrap.wrap(
                    line,
                    width,
                    subsequent_indent=indent + "  " if indent else "",
                    break_long_words=False,  # a path or an id stays whole, to copy
                    break_on_hyphens=False,
                )
            )
            for line in text.split("\n")
        )
    with contextlib.suppress(OSError, ValueError):
        print(text, file=sys.stderr, flush=True)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def report_failure(error: FootcheckError) -> None:
    """The one place a failure is printed: its message, then at most ``MAX_LISTED`` details."""
    lines = [f"footcheck: {error.message}"]
    lines += [f"  - {line}" for line in error.details[:MAX_LISTED]]
    if len(error.details) > MAX_LISTED:
        lines.append(f"  - and {len(error.details) - MAX_LISTED} more")
    for line in lines:
        say(line, indent="  " if line.startswith("  - ") else "")


def exit_with(code: ExitCode) -> NoReturn:
    """The one way a command ends with a code other than success."""
    raise SystemExit(int(code))


def quiet_broken_pipe() -> NoReturn:
    """The reader went away (`| head`): stop quietly, and keep the flush at exit quiet too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    exit_with(ExitCode.FAILURE)


def fail(error: FootcheckError) -> NoReturn:
    report_failure(error)
    exit_with(exit_code_for(error))


def interrupted(message: str = CANCELLED) -> NoReturn:
    say(f"\n{message}")  # Ctrl-C and Ctrl-D leave the cursor on the prompt's line
    exit_with(ExitCode.INTERRUPTED)


def reports_failures(command: Callable[P, R]) -> Callable[P, R]:
    """Every command's failures, Ctrl-C and a closed pipe become a message and an exit code,
    never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            result = command(*args, **kwargs)
            sys.stdout.flush()  # a failed write to stdout is this command's failure
            return result
        except FootcheckError as error:
            fail(error)
        except KeyboardInterrupt:
            interrupted()
        except BrokenPipeError:
            quiet_broken_pipe()

    return wrapper
