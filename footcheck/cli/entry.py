"""The ``footcheck`` console script: runs the app and keeps tracebacks away from users."""

from __future__ import annotations

import io
import os
import sys

from footcheck.cli.failures import ExitCode, exit_with, fail, interrupted, quiet_broken_pipe
from footcheck.errors import FootcheckError, OutputError
from footcheck.interrupts import stop_on_signals


def main() -> None:
    """Run the CLI. Every exit path ends in a clean message and a documented exit code."""
    # Pydantic plugins (observability hooks found among installed packages) would see every
    # health answer, and some send data over the network. footcheck uses none, so its
    # command line turns them off; library users decide for themselves.
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "1"
    stop_on_signals()  # SIGTERM / SIGHUP end a run as Ctrl-C does: temporary files removed
    guard_standard_streams()
    from footcheck.cli.app import app

    # Commands handle their own failures (``reports_failures``); these are what is left:
    # failures outside a command (flag callbacks) and the unexpected.
    try:
        app(prog_name="footcheck")
    except FootcheckError as error:
        fail(error)
    except KeyboardInterrupt:
        interrupted()
    except BrokenPipeError:
        quiet_broken_pipe()
    except Exception as error:
        if os.environ.get("FOOTCHECK_DEBUG"):
            raise
        print(
            f"footcheck: unexpected error: {type(error).__name__}: {error}\n"
            "  This is a bug in footcheck; set FOOTCHECK_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        exit_with(ExitCode.FAILURE)


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
            raise OutputError(f"cannot write to standard output: {self.failure}")

    def _failed(self, error: OSError) -> OSError | OutputError:
        if isinstance(error, BrokenPipeError):
            return error
        self.failure = error.strerror or str(error)
        _discard(self.fileno())
        return OutputError(f"cannot write to standard output: {self.failure}")


def _discard(fd: int) -> None:
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
            _discard(fd)
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
            sys.stdout.failure = "it is closed"
    for stream in (sys.stdout, sys.stderr):
        # Files are always written as UTF-8; a stream that cannot encode everything
        # replaces what it cannot show.
        if isinstance(stream, io.TextIOWrapper) and not stream.encoding.lower().startswith("utf"):
            stream.reconfigure(errors="replace")
