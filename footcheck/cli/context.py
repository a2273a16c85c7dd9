"""The one place the command line meets its process: streams, environment, terminal, time.

Every command reads its standard streams, environment variables, terminal facts (is it a
terminal, how wide, colour or not), the time and where the history lives through a
``Context``, built once at the edge (``footcheck/cli/entry.py``, else the Typer app's
callback) from the real process. Tests build one of their own instead (StringIO streams,
a dict environment, a fixed clock, a temporary history), and run a command in-process.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import typer

from footcheck.errors import OutputError
from footcheck.store.paths import home_in
from footcheck.text.messages import say

if TYPE_CHECKING:
    from rich.console import Console

DEBUG_ENV = "FOOTCHECK_DEBUG"


def system_clock() -> datetime:
    """The time now, aware (UTC)."""
    return datetime.now(UTC)


def is_terminal(stream: object) -> bool:
    """False for a missing, closed or redirected stream."""
    try:
        return stream is not None and bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def terminal_columns(environ: Mapping[str, str]) -> int:
    """The terminal's width: $COLUMNS if set, else asked of the terminal itself.

    Not ``shutil.get_terminal_size()`` alone: it asks ``sys.__stdout__``, whose buffer the
    entry point has handed to its own stdout, and would then answer 80 whatever the
    terminal's width, so a prompt on a narrower terminal would still be broken mid-word.
    """
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for fd in (1, 2, 0):
        try:
            size = os.get_terminal_size(fd).columns
        except OSError:
            continue
        if size > 0:
            return size
    return shutil.get_terminal_size().columns


@dataclass(frozen=True)
class Context:
    """What a command may know of the world it runs in."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    environ: Mapping[str, str]
    stdin_is_terminal: bool = False
    stdout_is_terminal: bool = False
    stderr_is_terminal: bool = False
    history_home: Path | None = None
    """$FOOTCHECK_HOME; None for the platform's user data folder (found when needed)."""
    clock: Callable[[], datetime] = system_clock
    """The time now, aware."""
    measure_columns: Callable[[], int] | None = field(default=None, compare=False)
    """The terminal's width, asked afresh (a terminal can be resized during a checklist);
    None: $COLUMNS, else 80."""

    @classmethod
    def from_process(cls) -> Context:
        """The real process's streams, environment, terminal, clock and history."""
        environ = dict(os.environ)
        return cls(
            stdin=sys.stdin,
            stdout=sys.stdout,
            stderr=sys.stderr,
            environ=environ,
            stdin_is_terminal=is_terminal(sys.stdin),
            stdout_is_terminal=is_terminal(sys.stdout),
            stderr_is_terminal=is_terminal(sys.stderr),
            history_home=home_in(environ),
            clock=system_clock,
            measure_columns=lambda: terminal_columns(environ),
        )

    @property
    def no_color(self) -> bool:
        """NO_COLOR set (to anything): no colour."""
        return self.environ.get("NO_COLOR", "") != ""

    @property
    def debug(self) -> bool:
        return bool(self.environ.get(DEBUG_ENV))

    def columns(self) -> int:
        if self.measure_columns is not None:
            return self.measure_columns()
        columns = self.environ.get("COLUMNS", "")
        return int(columns) if columns.isdigit() and int(columns) > 0 else 80

    def now(self) -> datetime:
        return self.clock()

    def console(self, *, stderr: bool = False, **options: Any) -> Console:
        """A Rich console on stdout (or stderr) that reads this context's environment."""
        from rich.console import Console

        return Console(
            file=self.stderr if stderr else self.stdout,
            no_color=self.no_color or None,
            _environ=self.environ,
            **options,
        )


def context_of(ctx: typer.Context) -> Context:
    """The context of a command run: given by the caller (``obj``), else the process's."""
    root = ctx.find_root()
    if not isinstance(root.obj, Context):
        root.obj = Context.from_process()
    return root.obj


# --- the real process's streams, made safe before a Context is built from them -------------
def quiet_plugins() -> None:
    """Pydantic plugins (observability hooks found among installed packages) would see every
    health answer, and some send data over the network. footcheck uses none, so its
    command line turns them off; library users decide for themselves."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "1"


class StandardOutput(io.TextIOWrapper):
    """stdout, whose failures are footcheck's own: a full disk (`> /dev/full`) or a closed
    stdout (`>&-`) is an ``OutputError`` (exit 1, one line), a closed pipe stays a
    ``BrokenPipeError`` (quiet).

    A failure sticks: every later write fails the same way, even if a library swallowed
    the first one (click probes a stream with an empty write). What is still buffered is
    dropped, so the flush at exit cannot fail again.
    """

    failure: str | None = None
    """Why nothing more can be written (set at the first failure, or at start-up)."""

    def write(self, text: str) -> int:
        self._check()
        try:
            return super().write(text)
        except OSError as error:
            raise self._failed(error) from None

    def flush(self) -> None:
        if self.failure is not None:
            return  # already reported; the data has nowhere to go
        try:
            super().flush()
        except OSError as error:
            raise self._failed(error) from None

    def _check(self) -> None:
        if self.failure is not None:
            raise OutputError(say("cli.stdout.cannot_write", reason=self.failure))

    def _failed(self, error: OSError) -> OSError | OutputError:
        if isinstance(error, BrokenPipeError):
            return error
        self.failure = error.strerror or str(error)
        discard(self.fileno())
        return OutputError(say("cli.stdout.cannot_write", reason=self.failure))


def discard(fd: int) -> None:
    """Point ``fd`` at the null device: later writes (and the flush at exit) go nowhere."""
    devnull = os.open(os.devnull, os.O_RDWR)
    if devnull != fd:
        os.dup2(devnull, fd)
        os.close(devnull)


def guard_standard_streams() -> None:
    """Make stdin, stdout and stderr safe to use, whatever footcheck was started with.

    A closed descriptor (`<&-`, `>&-`) is given the null device, so that the next file
    footcheck opens does not take its number and receive the summary by mistake; a closed
    stdin reads as empty (no terminal to ask in), a closed stdout refuses output with a
    plain message, and a terminal or pipe that cannot show a character (e.g.
    PYTHONIOENCODING=ascii) gets '?' for it rather than a crash.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            discard(fd)
    if sys.stdin is None:
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 (lives as long as the process)
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    closed = sys.stdout is None
    if closed:
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if isinstance(sys.stdout, io.TextIOWrapper) and type(sys.stdout) is io.TextIOWrapper:
        old = sys.stdout
        old.flush()
        sys.stdout = StandardOutput(
            old.detach(),
            encoding=old.encoding,
            errors=old.errors,
            line_buffering=old.line_buffering,
            write_through=old.write_through,
        )
        if closed:
            sys.stdout.failure = say("cli.stdout.closed")
    for stream in (sys.stdout, sys.stderr):
        # Files are always written as UTF-8; a stream that cannot encode everything
        # replaces what it cannot show.
        if isinstance(stream, io.TextIOWrapper) and not stream.encoding.lower().startswith("utf"):
            stream.reconfigure(errors="replace")
