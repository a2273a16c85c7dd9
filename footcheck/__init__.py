"""footcheck: a foot-and-posture checklist for people with low back pain.

Library use: ``footcheck.evaluate(answers) -> Summary``. The models load on first use so
that ``footcheck --version`` and ``--help`` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"
__all__ = ["Answers", "AnswersError", "FootcheckError", "Summary", "__version__", "evaluate"]

if TYPE_CHECKING:
    from footcheck.answers.model import Answers
    from footcheck.errors import AnswersError, FootcheckError
    from footcheck.scoring.evaluate import evaluate
    from footcheck.summary import Summary


def __getattr__(name: str) -> Any:
    if name == "Answers":
        from footcheck.answers.model import Answers

        return Answers
    if name in ("AnswersError", "FootcheckError"):
        from footcheck import errors

        return getattr(errors, name)
    if name == "evaluate":
        from footcheck.scoring.evaluate import evaluate

        return evaluate
    if name == "Summary":
        from footcheck.summary import Summary

        return Summary
    raise AttributeError(f"{__name__}.{name}", name=name)
