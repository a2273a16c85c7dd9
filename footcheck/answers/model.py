"""The validated answers to the checklist, and plain-language descriptions of what is wrong.

``Answers`` is one pydantic model built from the catalogue: a field per question, its type
and range from the question's kind, so validation, the prompts and the JSON Schema cannot
drift. Rules that span several answers (applicability, completeness, no repeats, the
24-hour day) run in one check after the fields that reports every problem at once, each
under its own id.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, create_model
from pydantic import model_validator as _model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from footcheck.checklist.catalogue import not_applicable_reason
from footcheck.checklist.kinds import KINDS, allowed
from footcheck.checklist.question import AnswerValue, Question
from footcheck.checklist.sections.habits import DAY_HOURS, HOURS_IN_A_DAY
from footcheck.errors import AnswersError, Problem
from footcheck.instruments.registry import CATALOGUE, QUESTION_BY_ID, QUESTION_IDS
from footcheck.text.messages import say

QUESTION_ORDER = CATALOGUE.order
PARTIAL = {"partial": True}
"""Validation context for answers still being collected: values are checked, gaps allowed."""
VALUES_ONLY = {"partial": True, "values_only": True}
"""Validation context for a summary scored by an earlier checklist: each value is one its
question allows, but which questions apply is not checked again."""

AnswerValues = Mapping[str, AnswerValue]
"""Every answer by question id (None where not answered): what the scoring rules read."""


class AnswersBase(BaseModel):
    """What every set of answers can do; the fields come from the catalogue."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    @property
    def values(self) -> AnswerValues:
        """Every answer by question id (None where not answered), as the rules read them."""
        return self.__dict__

    def applicable(self) -> dict[str, AnswerValue]:
        """The answers to questions that apply, in checklist order (as exported)."""
        values = self.__dict__
        return CATALOGUE.reach(values).answers(values)

    def missing(self) -> list[str]:
        """Ids that apply and still need an answer."""
        values = self.__dict__
        return CATALOGUE.reach(values).missing(values)

    @_model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> AnswersBase:
        context = info.context or {}
        errors = consistency_errors(
            self.__dict__,
            partial=bool(context.get("partial")),
            values_only=bool(context.get("values_only")),
        )
        if errors:
            raise ValidationError.from_exception_data("Answers", errors)
        return self


def answer_field(question: Question) -> tuple[Any, Any]:
    """A question's field: its kind's type, or None, with its range, label and prompt."""
    return (
        KINDS[question.kind].python_type(question) | None,
        Field(
            default=None,
            ge=question.minimum,
            le=question.maximum,
            title=question.label,
            description=question.prompt,
        ),
    )


if TYPE_CHECKING:
    Answers = AnswersBase
else:
    Answers = create_model(
        "Answers",
        __base__=AnswersBase,
        __doc__=say("file.answers.description"),
        __module__=__name__,
        **{question.id: answer_field(question) for question in CATALOGUE.questions},
    )


def consistency_errors(
    values: Mapping[str, Any], *, partial: bool, values_only: bool = False
) -> list[InitErrorDetails]:
    """Every cross-answer problem: values that do not apply, gaps, repeats, a >24-hour day.
    ``values_only`` skips which questions apply (a summary scored by an earlier checklist)."""
    errors: list[InitErrorDetails] = []
    off = frozenset() if values_only else CATALOGUE.inapplicable_ids(values)
    for question in CATALOGUE.questions:
        value = values.get(question.id)
        if question.id in off:
            if value is not None:
                reason = not_applicable_reason(question, values)
                message = say("problem.not_applicable", reason=reason)
                errors.append(_error(question.id, "not_applicable", message, value))
        elif value is None and not partial and not question.optional:
            errors.append(
                _error(question.id, "missing_answer", say("problem.missing_answer"), None)
            )
        elif question.kind == "multi" and value is not None and len(set(value)) != len(value):
            repeated = sorted({v for v in value if value.count(v) > 1})
            message = say("problem.repeated_item", items=", ".join(repeated))
            errors.append(_error(question.id, "repeated_item", message, value))
    standing, sitting = (values.get(qid) for qid in DAY_HOURS)
    if standing is not None and sitting is not None and standing + sitting > HOURS_IN_A_DAY:
        errors.append(
            _error(
                DAY_HOURS[-1],
                "day_too_long",
                say(
                    "problem.day_too_long",
                    standing=standing,
                    sitting=sitting,
                    hours=HOURS_IN_A_DAY,
                ),
                sitting,
            )
        )
    return errors


def _error(qid: str, kind: str, message: str, value: object) -> InitErrorDetails:
    # The message is passed as a context value so braces in it are never read as a template.
    return InitErrorDetails(
        type=PydanticCustomError(kind, "{message}", {"message": message}),
        loc=(qid,),
        input=value,
    )


MAX_SUGGESTIONS = 50
"""Unknown ids that get a "did you mean": each costs a fuzzy match against every id, and a
file of thousands of unknown keys is not a set of typos."""
LONGEST_ID = max(len(qid) for qid in QUESTION_IDS)


def suggest_id(unknown: str) -> str | None:
    """The closest known question id, for 'did you mean' hints."""
    word = unknown.lower()
    if len(word) > 2 * LONGEST_ID:  # too long to be a typo of any id
        return None
    matches = difflib.get_close_matches(word, QUESTION_IDS, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    prefixed = [qid for qid in QUESTION_IDS if qid.startswith(word)]
    return prefixed[0] if len(prefixed) == 1 else None


def unknown_id_message(unknown: str, *, suggest: bool = True) -> str:
    suggestion = suggest_id(unknown) if suggest else None
    if suggestion:
        return say("problem.unknown_id.suggest", suggestion=suggestion)
    return say("problem.unknown_id.plain")


def missing_problem(qid: str) -> Problem:
    return Problem(qid, say("problem.missing", allowed=allowed(QUESTION_BY_ID[qid])), "missing")


def describe_problems(error: ValidationError) -> list[Problem]:
    """Turn a pydantic error into one plain problem per answer, naming what is allowed."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    unknown = 0
    for item in error.errors(include_url=False):
        loc = item["loc"]
        kind = item["type"]
        if not loc:
            problems.append(Problem("answers", say("problem.not_a_table")))
            continue
        qid = str(loc[0])
        question = QUESTION_BY_ID.get(qid)
        if kind == "extra_forbidden" or question is None:
            shown_id = qid if qid.strip() == qid and qid else repr(qid)
            unknown += 1
            message = unknown_id_message(qid, suggest=unknown <= MAX_SUGGESTIONS)
            problem = Problem(shown_id, message, "unknown_id")
        elif kind == "missing_answer":
            problem = missing_problem(qid)
        elif kind in {"not_applicable", "repeated_item", "day_too_long"}:
            problem = Problem(qid, str(item["msg"]), kind)
        else:
            shown = _show(item.get("input"))
            problem = Problem(
                qid, say("problem.not_allowed", value=shown, allowed=allowed(question))
            )
        if (problem.id, problem.message) not in seen:
            seen.add((problem.id, problem.message))
            problems.append(problem)
    return problems


SHOWN_VALUE = 60
"""Characters of a refused value repeated in its problem."""


def _show(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    try:
        text = repr(value)
    except ValueError:  # an integer past Python's limit on digits (a TOML 0x... number)
        return say("problem.value.too_long")
    except RecursionError:
        return say("problem.value.too_deep")
    return text if len(text) <= SHOWN_VALUE else text[: SHOWN_VALUE - 3] + "..."


CONSISTENCY_KINDS = frozenset({"not_applicable", "missing", "repeated_item", "day_too_long"})


def validate_answers(data: object, *, partial: bool = False, values_only: bool = False) -> Answers:
    """Validate answers into an ``Answers`` model, raising AnswersError that lists every
    problem in plain words.

    Pydantic stops before the cross-answer rules when a single value is bad, so on failure
    the well-formed values are checked once more on their own: a file's author then sees
    every problem in one go rather than one round at a time.
    """
    context = VALUES_ONLY if values_only else PARTIAL if partial else None
    try:
        return Answers.model_validate(data, context=context)
    except ValidationError as error:
        problems = describe_problems(error)
    if isinstance(data, Mapping) and not any(p.kind in CONSISTENCY_KINDS for p in problems):
        bad = {p.id for p in problems}
        rest = {k: v for k, v in data.items() if k not in bad}
        try:
            Answers.model_validate(rest, context=context)
        except ValidationError as error:
            problems += [p for p in describe_problems(error) if p.id not in bad]
    raise AnswersError(sorted(problems, key=lambda p: QUESTION_ORDER.get(p.id, -1)))


__all__ = [
    "AnswerValues",
    "Answers",
    "AnswersError",
    "Problem",
    "validate_answers",
]
