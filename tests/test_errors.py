"""One failure hierarchy: every exception footcheck defines is a ``FootcheckError``, and
each kind has its exit code in ``EXIT_CODES`` (docs/rules.md, "Exit codes")."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import footcheck
from footcheck.checklist.kinds import InputProblem
from footcheck.cli.failures import EXIT_CODES, ExitCode, exit_code_for
from footcheck.errors import FootcheckError

CONTROL_FLOW = {
    "footcheck.cli.interview.Quit",
    "footcheck.cli.interview.EmergencyStop",
    "footcheck.text.messages.MessageError",
}
"""Signals inside the interview (the person typed quit, or stopped at an emergency sign),
handled where they are raised, and a message id the files do not hold (a programmer's
mistake, caught by tests/test_messages.py): not failures a person meets."""


def defined_exceptions() -> list[type[BaseException]]:
    found = []
    for info in pkgutil.walk_packages(footcheck.__path__, "footcheck."):
        if info.name.endswith("__main__"):  # runs the command line when imported
            continue
        module = importlib.import_module(info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == module.__name__:
                found.append(value)
    return found


def test_every_failure_footcheck_defines_shares_one_base() -> None:
    exceptions = defined_exceptions()
    assert FootcheckError in exceptions and InputProblem in exceptions
    stray = [
        f"{e.__module__}.{e.__qualname__}"
        for e in exceptions
        if not issubclass(e, FootcheckError)
        and f"{e.__module__}.{e.__qualname__}" not in CONTROL_FLOW
    ]
    assert stray == []


def test_every_kind_of_failure_has_its_exit_code() -> None:
    kinds = [e for e in defined_exceptions() if issubclass(e, FootcheckError)]
    mapped = {kind for kind, _ in EXIT_CODES}
    assert all(
        any(issubclass(kind, m) for m in mapped) for kind in kinds if kind is not FootcheckError
    )
    assert exit_code_for(InputProblem("'x' is not yes or no.")) == ExitCode.USAGE
    assert isinstance(InputProblem("x"), ValueError)  # still what a parser raises
