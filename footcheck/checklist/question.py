"""What a checklist question is: its text, its allowed answers, when it applies, and the
clinical facts the scoring rules read from it (docs/rules.md).

The facts live on the question so that a rule never keeps its own list of ids: a question
given a red-flag level is a red flag, a question given a STarT Back item number is scored
as that item, a choice given a foot-posture sign counts as that sign.
"""

# No ``from __future__ import annotations`` here: a named tuple turns each annotation
# written as text into a compiled expression, which costs every start a millisecond.
from collections.abc import Mapping
from typing import Literal, NamedTuple

Kind = Literal["boolean", "integer", "number", "choice", "multi"]
RedFlagLevel = Literal["emergency", "urgent"]
PostureSign = Literal["pronation", "supination"]
AnswerValue = bool | int | float | str | list[str] | None


class SectionInfo(NamedTuple):
    id: str
    title: str
    intro: str


class Choice(NamedTuple):
    value: str
    label: str
    hint: str = ""
    """A few words shown beside the label in the interactive menu (what to look for)."""
    sign: PostureSign | None = None
    """The foot-posture sign this answer is, if any (docs/rules.md, foot posture)."""
    score: int = 0
    """Points this answer adds to its instrument's total (STarT Back item 9)."""
    unsure: bool = False
    """The person could not tell: the check counts as not answered."""


class Condition(NamedTuple):
    """When a question applies: another answer is yes, or above zero."""

    question: str
    test: Literal["is_yes", "above_zero"]

    def holds(self, answers: Mapping[str, object]) -> bool | None:
        """True / False once the controlling answer is known, None while it is not."""
        value = answers.get(self.question)
        if value is None:
            return None
        if self.test == "is_yes":
            return value is True
        return isinstance(value, int | float) and not isinstance(value, bool) and value > 0

    @property
    def text(self) -> str:
        if self.test == "is_yes":
            return f"{self.question} is yes"
        return f"{self.question} is more than 0"


class Question(NamedTuple):
    id: str
    section: str
    kind: Kind
    prompt: str
    help: str
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    when: Condition | None = None
    optional: bool = False
    """An optional question may be left empty (null) even when it applies."""
    short: str = ""
    """A few words for tables (the review screen, `questions`)."""
    red_flag: RedFlagLevel | None = None
    """Answered yes, this warning sign sets the triage level (docs/rules.md, triage)."""
    start_back_item: int | None = None
    """Its item number in the Keele STarT Back Screening Tool (1-9)."""
    psychosocial: bool = False
    """A STarT Back item of the psychosocial subscale (items 5-9)."""
    trait: str | None = None
    """The foot-posture trait a self-check measures; checks of one trait are one sign."""
    loinc: str | None = None
    """The LOINC code of this question, where one exists."""
    reason: str = ""
    """A yes to this warning sign told back to the person as a sentence (triage reasons)."""
    words: tuple[str, str] = ("yes", "no")
    """How a yes-or-no answer is said: ("agree", "disagree") for STarT Back statements."""

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    @property
    def label(self) -> str:
        return self.short or self.prompt

    def applies(self, answers: Mapping[str, object]) -> bool:
        """Whether the question applies; an unanswered condition counts as applying."""
        if self.when is None:
            return True
        return self.when.holds(answers) is not False

    def choice(self, value: object) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)


def choices(
    values: tuple[str, ...],
    labels: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
    *,
    signs: Mapping[str, PostureSign] | None = None,
    scores: Mapping[str, int] | None = None,
) -> tuple[Choice, ...]:
    """Choices from their values, with labels defaulting to the value in words."""
    labels, hints, signs, scores = labels or {}, hints or {}, signs or {}, scores or {}
    return tuple(
        Choice(
            value,
            labels.get(value, value.replace("_", " ")),
            hints.get(value, ""),
            signs.get(value),
            scores.get(value, 0),
            value == "unsure",
        )
        for value in values
    )
