"""What a checklist question is: its allowed answers, when it applies, and the clinical
facts the scoring rules read from it (docs/rules.md).

The facts live on the question so that a rule never keeps its own list of ids: a question
given a red-flag level is a red flag, a question given a STarT Back item number is scored
as that item, a choice given a foot-posture sign counts as that sign.

Its words (prompt, help, the few words for tables, a choice's label) are not here: they are
messages looked up by the question's id in the language being spoken
(``footcheck/text/<language>/checklist.toml``, ``question.<id>.prompt``).
"""

# No ``from __future__ import annotations`` here: a named tuple turns each annotation
# written as text into a compiled expression, which costs every start a millisecond.
from collections.abc import Mapping
from typing import Literal, NamedTuple

from footcheck.text.messages import say, spoken

Kind = Literal["boolean", "integer", "number", "choice", "multi"]
RedFlagLevel = Literal["emergency", "urgent"]
PostureSign = Literal["pronation", "supination"]
AnswerValue = bool | int | float | str | list[str] | None


def _optional(message_id: str) -> str:
    """A message that may be left out (a choice's hint): empty when there is none."""
    return say(message_id) if message_id in spoken() else ""


class SectionInfo(NamedTuple):
    id: str

    @property
    def title(self) -> str:
        return say(f"section.{self.id}.title")

    @property
    def intro(self) -> str:
        """A few words before the section; the STarT Back section's quote the tool's own
        frame and copyright statement, kept once as the tool words them."""
        return say(
            f"section.{self.id}.intro",
            keele_frame=say("keele.frame"),
            keele_copyright=say("keele.copyright"),
        )


class Choice(NamedTuple):
    question: str
    """The id of the question this is an answer to (its words are looked up under it)."""
    value: str
    sign: PostureSign | None = None
    """The foot-posture sign this answer is, if any (docs/rules.md, foot posture)."""
    score: int = 0
    """Points this answer adds to its instrument's total (STarT Back item 9)."""
    unsure: bool = False
    """The person could not tell: the check counts as not answered."""

    @property
    def label(self) -> str:
        return say(f"question.{self.question}.choice.{self.value}.label")

    @property
    def hint(self) -> str:
        """A few words shown beside the label in the interactive menu (what to look for)."""
        return _optional(f"question.{self.question}.choice.{self.value}.hint")


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
        return say(f"checklist.condition.{self.test}", question=self.question)


class Question(NamedTuple):
    id: str
    section: str
    kind: Kind
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    when: Condition | None = None
    optional: bool = False
    """An optional question may be left empty (null) even when it applies."""
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
    statement: bool = False
    """A statement answered agree / disagree (STarT Back items 1-8), not yes / no."""

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    @property
    def prompt(self) -> str:
        return say(f"question.{self.id}.prompt")

    @property
    def help(self) -> str:
        """How to answer; a warning sign's says what a yes leads to ({if_yes}), a STarT Back
        statement's is the one the nine share ({statement_help})."""
        if_yes = say(f"checklist.if_yes.{self.red_flag}") if self.red_flag else ""
        return say(
            f"question.{self.id}.help",
            if_yes=if_yes,
            statement_help=say("checklist.statement_help"),
        )

    @property
    def short(self) -> str:
        """A few words for tables (the review screen, `questions`)."""
        return _optional(f"question.{self.id}.short")

    @property
    def label(self) -> str:
        return self.short or self.prompt

    @property
    def reason(self) -> str:
        """A yes to this warning sign told back to the person as a sentence (triage reasons)."""
        return _optional(f"question.{self.id}.reason")

    @property
    def words(self) -> tuple[str, str]:
        """How a yes-or-no answer is said: agree / disagree for a STarT Back statement."""
        style = "statement" if self.statement else "plain"
        return say(f"kind.boolean.words.{style}.yes"), say(f"kind.boolean.words.{style}.no")

    def applies(self, answers: Mapping[str, object]) -> bool:
        """Whether the question applies; an unanswered condition counts as applying."""
        if self.when is None:
            return True
        return self.when.holds(answers) is not False

    def choice(self, value: object) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)


def choices(
    question: str,
    values: tuple[str, ...],
    *,
    signs: Mapping[str, PostureSign] | None = None,
    scores: Mapping[str, int] | None = None,
) -> tuple[Choice, ...]:
    """The choices of ``question``, from their values (their words are its messages)."""
    signs, scores = signs or {}, scores or {}
    return tuple(
        Choice(question, value, signs.get(value), scores.get(value, 0), value == "unsure")
        for value in values
    )
