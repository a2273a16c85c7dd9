"""The two ways a command fails on purpose, each with its exit code (SPEC section 10)."""

from __future__ import annotations

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
