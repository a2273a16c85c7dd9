"""The ``footcheck`` console script: runs the app and keeps tracebacks away from users."""

from __future__ import annotations

import io
import os
import sys

from footcheck.cli.failures import ExitCode, exit_with, fail, interrupted, quiet_broken_pipe
from footcheck.errors import FootcheckError


def main() -> None:
    """Run the CLI. Every exit path ends in a clean message and a documented exit code."""
    # Pydantic plugins (observability hooks found among installed packages) would see every
    # health answer, and some send data over the network. footcheck uses none, so its
    # command line turns them off; library users decide for themselves.
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "1"
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show a character (e.g. PYTHONIOENCODING=ascii)
        # gets '?' for it rather than a crash; files are always written as UTF-8.
        if isinstance(stream, io.TextIOWrapper) and not stream.encoding.lower().startswith("utf"):
            stream.reconfigure(errors="replace")
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
