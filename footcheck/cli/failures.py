"""Exit codes, and the one place where a failure becomes a message and an exit code.

The core raises ``FootcheckError`` kinds (``footcheck/errors.py``); the command line adds
two of its own (bad usage, an operation that failed). ``EXIT_CODES`` maps each kind to its
code, and ``reports_failures`` applies it to every command, so no command prints its own
error or picks its own exit code (docs/rules.md, "Exit codes").
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import textwrap
from collections.abc import Callable
from enum import IntEnum
from typing import Concatenate, NoReturn, ParamSpec, TypeVar, cast

import typer
from typer._click import Context as ClickContext
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

from footcheck.cli.context import Context, context_of
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
from footcheck.store.paths import history_at
from footcheck.text.messages import say

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

MESSAGE_WIDTH = 100
MAX_LISTED = 50
"""Problems listed under a failure; the rest are counted ("and N more"). A file can hold
thousands of mistakes, and a screenful names the pattern as well as all of them would."""


def exit_code_for(error: FootcheckError) -> ExitCode:
    return next((code for kind, code in EXIT_CODES if isinstance(error, kind)), ExitCode.FAILURE)


def tell(context: Context, text: str, *, indent: str = "") -> None:
    """A message on stderr: on a terminal, broken between words at its width (a terminal
    would otherwise break it mid-word); for a log or a program, one line a message. If
    even stderr cannot be written, the exit code still tells."""
    if context.stderr_is_terminal:
        width = min(context.columns(), MESSAGE_WIDTH)
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
        print(text, file=context.stderr, flush=True)


def report_failure(context: Context, error: FootcheckError) -> None:
    """The one place a failure is printed: its message, then at most ``MAX_LISTED`` details."""
    lines = [say("cli.failure", message=error.message)]
    lines += [say("cli.detail", detail=line) for line in error.details[:MAX_LISTED]]
    if len(error.details) > MAX_LISTED:
        lines.append(say("cli.more", count=len(error.details) - MAX_LISTED))
    for line in lines:
        tell(context, line, indent="  " if line.startswith("  - ") else "")


def exit_with(code: ExitCode) -> NoReturn:
    """The one way a command ends with a code other than success."""
    raise SystemExit(int(code))


def quiet_broken_pipe(context: Context) -> NoReturn:
    """The reader went away (`| head`): stop quietly, and keep the flush at exit quiet too."""
    with contextlib.suppress(OSError, ValueError):  # a stream without a descriptor: no flush
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, context.stdout.fileno())
    exit_with(ExitCode.FAILURE)


def fail(context: Context, error: FootcheckError) -> NoReturn:
    report_failure(context, error)
    exit_with(exit_code_for(error))


def interrupted(context: Context, message: str | None = None) -> NoReturn:
    """Say ``message`` (default: cancelled, nothing saved) and exit 130."""
    text = say("cli.cancelled") if message is None else message
    tell(context, "\n" + text)  # Ctrl-C and Ctrl-D leave the cursor on the prompt's line
    exit_with(ExitCode.INTERRUPTED)


def reports_failures(
    command: Callable[Concatenate[Context, P], R],
) -> Callable[Concatenate[typer.Context, P], R]:
    """Every command's failures, Ctrl-C and a closed pipe become a message and an exit code,
    never a traceback. The command is given the run's ``Context`` (from Typer's ``ctx``),
    and the history is where the context says, while it runs."""

    @functools.wraps(command)
    def wrapper(ctx: typer.Context, *args: P.args, **kwargs: P.kwargs) -> R:
        context = context_of(ctx)
        try:
            with history_at(context.history_home):
                result = command(context, *args, **kwargs)
            context.stdout.flush()  # a failed write to stdout is this command's failure
            return result
        except FootcheckError as error:
            fail(context, error)
        except KeyboardInterrupt:
            interrupted(context)
        except BrokenPipeError:
            quiet_broken_pipe(context)

    # What Typer reads: the command's own flags, after a ``ctx`` it fills in.
    signature = inspect.signature(command, eval_str=True)
    _, *flags = signature.parameters.values()
    ctx = inspect.Parameter(
        "ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context
    )
    wrapper.__signature__ = signature.replace(parameters=[ctx, *flags])  # type: ignore[attr-defined]
    return cast("Callable[Concatenate[typer.Context, P], R]", wrapper)


class FootcheckGroup(TyperGroup):
    """The command line itself: a bad value for a flag or argument (including a missing
    argument) is one footcheck line and exit 2, like every other failure. The flags'
    parsers (cli/app.py) word the problem; Click's usage block stays only for what does
    not exist (an unknown command or option, an extra argument)."""

    def invoke(self, ctx: ClickContext) -> object:
        try:
            return super().invoke(ctx)
        except click_exceptions.MissingParameter as error:
            fail(context_of(cast("typer.Context", ctx)), UsageFailure(_missing(error)))
        except typer.BadParameter as error:
            fail(context_of(cast("typer.Context", ctx)), UsageFailure(error.message))


def _missing(error: click_exceptions.MissingParameter) -> str:
    command = error.ctx.command_path if error.ctx is not None else "footcheck"
    param = error.param
    argument = (param.metavar or (param.name or "").upper()) if param is not None else ""
    return say("cli.value.missing", command=command, argument=argument)
