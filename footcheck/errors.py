"""Every failure footcheck expects, under one base class.

The core raises these with a plain message (and details, one line each); the command line
turns each kind into its exit code in one place (``footcheck/cli/failures.py``). Library
users catch ``FootcheckError`` or the one kind they care about.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from footcheck.text.display import printable
from footcheck.text.messages import say

if TYPE_CHECKING:
    from pathlib import Path


SHOWN_ID = 60
"""Characters of an unknown id repeated in its problem."""


class Problem(NamedTuple):
    """One thing wrong with a set of answers, addressed to the person who wrote them."""

    id: str
    message: str
    kind: str = "invalid"

    def __str__(self) -> str:
        # The id may be a key from someone's file: never let it drive the terminal, nor
        # fill it (a key can be as long as the file).
        ident = self.id if len(self.id) <= SHOWN_ID else self.id[: SHOWN_ID - 1] + "…"
        return say("error.problem", id=printable(ident), message=self.message)

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "kind": self.kind, "message": self.message}


class FootcheckError(Exception):
    """A failure footcheck expects and can explain: a message and detail lines."""

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details)


class AnswersError(FootcheckError, ValueError):
    """Answers that cannot be used, with every problem listed (``.problems``, one per id)."""

    def __init__(self, problems: list[Problem], message: str | None = None) -> None:
        self.problems = problems
        super().__init__(message or "; ".join(str(p) for p in problems), [str(p) for p in problems])


class InputProblem(FootcheckError, ValueError):
    """Typed text (at a prompt, in `--set`, in a CSV cell) that is not an acceptable answer;
    the message says what would be. At a prompt it is told and the question asked again."""


class InputFileError(FootcheckError):
    """A file given to footcheck (answers, a summary, batch input) cannot be used as one."""


class FileExists(FootcheckError):
    """The output file exists and --force was not given."""

    def __init__(self, path: Path) -> None:
        super().__init__(say("error.file_exists", path=path))
        self.path = path


class OutputError(FootcheckError):
    """An output (a file, or stdout) cannot be written."""


class HistoryError(FootcheckError):
    """The history cannot be used; the message says where it is and what to do."""


class HistoryBusy(HistoryError):
    """Another footcheck holds the history's write lock for longer than footcheck waits;
    nothing is wrong with the file, and trying again in a moment works."""
