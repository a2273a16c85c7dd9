"""How a rule or a renderer refers to an answer: a small test object, never a bare string.

Every reference to a question id and its values in the scoring rules and the renderers is
one of these, so a test can check each against the catalogue (the question exists, the
value is one it allows) and a typo in a rule fails the suite instead of silently never
matching (tests/test_catalogue_invariants.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class AnswerIs:
    """``question`` was answered ``value``; for a list answer, the list includes it."""

    __slots__ = ("question", "value")

    def __init__(self, question: str, value: bool | int | str) -> None:
        self.question = question
        self.value = value

    def holds(self, values: Mapping[str, Any]) -> bool:
        answer = values.get(self.question)
        if isinstance(answer, list):
            return self.value in answer
        # `is` for booleans: 1 must not count as yes.
        if isinstance(self.value, bool):
            return answer is self.value
        return answer == self.value and not isinstance(answer, bool)

    def referred(self) -> tuple[object, ...]:
        return (self.value,)

    def __repr__(self) -> str:
        return f"AnswerIs({self.question!r}, {self.value!r})"


class AnswerIn:
    """``question`` was answered one of ``values``."""

    __slots__ = ("question", "values")

    def __init__(self, question: str, values: tuple[str, ...]) -> None:
        self.question = question
        self.values = frozenset(values)

    def holds(self, values: Mapping[str, Any]) -> bool:
        return values.get(self.question) in self.values

    def referred(self) -> tuple[object, ...]:
        return tuple(sorted(self.values))

    def __repr__(self) -> str:
        return f"AnswerIn({self.question!r}, {sorted(self.values)!r})"


class NumberFrom:
    """``question``'s number is at least ``low`` and below ``high`` (no upper end if None)."""

    __slots__ = ("high", "low", "question")

    def __init__(self, question: str, low: float, high: float | None = None) -> None:
        self.question = question
        self.low = low
        self.high = high

    def holds(self, values: Mapping[str, Any]) -> bool:
        answer = values.get(self.question)
        if not isinstance(answer, int | float) or isinstance(answer, bool):
            return False
        return self.low <= answer and (self.high is None or answer < self.high)

    def referred(self) -> tuple[object, ...]:
        return (self.low,) if self.high is None else (self.low, self.high)

    def __repr__(self) -> str:
        return f"NumberFrom({self.question!r}, {self.low!r}, {self.high!r})"


class Answered:
    """``question`` has an answer (the value itself is what the rule shows)."""

    __slots__ = ("question",)

    def __init__(self, question: str) -> None:
        self.question = question

    def holds(self, values: Mapping[str, Any]) -> bool:
        return values.get(self.question) is not None

    def value(self, values: Mapping[str, Any]) -> Any:
        return values.get(self.question)

    def referred(self) -> tuple[object, ...]:
        return ()

    def __repr__(self) -> str:
        return f"Answered({self.question!r})"


AnswerTest = AnswerIs | AnswerIn | NumberFrom | Answered
"""Anything a rule may use to look at an answer."""
