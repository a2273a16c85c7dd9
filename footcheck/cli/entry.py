"""The ``footcheck`` console script: runs the app and keeps tracebacks away from users."""

from __future__ import annotations

from footcheck.cli.context import Context, guard_standard_streams, quiet_plugins
from footcheck.cli.failures import (
    ExitCode,
    exit_with,
    fail,
    interrupted,
    quiet_broken_pipe,
)
from footcheck.errors import FootcheckError
from footcheck.interrupts import stop_on_signals
from footcheck.text.messages import say


def main() -> None:
    """Run the CLI. Every exit path ends in a clean message and a documented exit code."""
    quiet_plugins()
    stop_on_signals()  # SIGTERM / SIGHUP end a run as Ctrl-C does: temporary files removed
    guard_standard_streams()
    context = Context.from_process()  # the one look at the process: commands get this
    from footcheck.cli.app import app

    # Commands handle their own failures (``reports_failures``); these are what is left:
    # failures outside a command (flag callbacks) and the unexpected.
    try:
        app(prog_name="footcheck", obj=context)
    except FootcheckError as error:
        fail(context, error)
    except KeyboardInterrupt:
        interrupted(context)
    except BrokenPipeError:
        quiet_broken_pipe(context)
    except Exception as error:
        if context.debug:
            raise
        unexpected = say("cli.unexpected", kind=type(error).__name__, error=error)
        print(unexpected, file=context.stderr)
        exit_with(ExitCode.FAILURE)
