"""The validated answers to the checklist, and plain-language descriptions of what is wrong.

Field types and ranges come from the catalogue, so the model, the prompts and the JSON
Schema agree. Rules that span several answers (applicability, completeness, the 24-hour day)
live in one model validator that reports every problem at once, each under its own id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from footcheck.answer_input import printable
from footcheck.catalogue import (
    QUESTION_BY_ID,
    QUESTION_IDS,
    QUESTIONS,
    AnswerValue,
    ArchStanding,
    Bothersome,
    HeelTilt,
    Insoles,
    KneesInward,
    Lifting,
    MainFootwear,
    OtherPain,
    PainDuration,
    ShoeWear,
    WetFootprint,
    inapplicable_ids,
    not_applicable_reason,
)

QUESTION_ORDER = {qid: i for i, qid in enumerate(QUESTION_IDS)}
PARTIAL = {"partial": True}
"""Validation context for answers still being collected: values are checked, gaps allowed."""


# Numbers are strict so that true/false or "7" are not silently read as 1 or 7.
Int = Annotated[int, Strict()]
Float = Annotated[float, Strict()]


def _field(qid: str) -> Any:
    question = QUESTION_BY_ID[qid]
    return Field(
        default=None,
        ge=question.minimum,
        le=question.maximum,
        title=question.label,
        description=question.prompt,
    )


class Answers(BaseModel):
    """A complete, consistent set of answers (see SPEC section 2)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    age: Int | None = _field("age")
    back_pain: bool | None = _field("back_pain")
    pain_intensity: Int | None = _field("pain_intensity")
    pain_duration: PainDuration | None = _field("pain_duration")
    pain_worse_standing: bool | None = _field("pain_worse_standing")
    pain_worse_sitting: bool | None = _field("pain_worse_sitting")
    other_pain: list[OtherPain] | None = _field("other_pain")
    rf_bladder_bowel: bool | None = _field("rf_bladder_bowel")
    rf_saddle_numbness: bool | None = _field("rf_saddle_numbness")
    rf_leg_weakness: bool | None = _field("rf_leg_weakness")
    rf_trauma: bool | None = _field("rf_trauma")
    rf_fever_weight_loss: bool | None = _field("rf_fever_weight_loss")
    rf_cancer_history: bool | None = _field("rf_cancer_history")
    rf_night_pain: bool | None = _field("rf_night_pain")
    sb_leg_pain: bool | None = _field("sb_leg_pain")
    sb_shoulder_neck: bool | None = _field("sb_shoulder_neck")
    sb_walk_short: bool | None = _field("sb_walk_short")
    sb_dress_slow: bool | None = _field("sb_dress_slow")
    sb_unsafe_active: bool | None = _field("sb_unsafe_active")
    sb_worry: bool | None = _field("sb_worry")
    sb_terrible: bool | None = _field("sb_terrible")
    sb_no_enjoy: bool | None = _field("sb_no_enjoy")
    sb_bothersome: Bothersome | None = _field("sb_bothersome")
    arch_standing: ArchStanding | None = _field("arch_standing")
    wet_footprint: WetFootprint | None = _field("wet_footprint")
    shoe_wear: ShoeWear | None = _field("shoe_wear")
    knees_inward: KneesInward | None = _field("knees_inward")
    heel_tilt: HeelTilt | None = _field("heel_tilt")
    fpi6_total: Int | None = _field("fpi6_total")
    main_footwear: MainFootwear | None = _field("main_footwear")
    shoes_worn_out: bool | None = _field("shoes_worn_out")
    insoles: Insoles | None = _field("insoles")
    standing_hours: Float | None = _field("standing_hours")
    hard_floors: bool | None = _field("hard_floors")
    sitting_hours: Float | None = _field("sitting_hours")
    lifting: Lifting | None = _field("lifting")
    active_days: Int | None = _field("active_days")
    foot_exercises: bool | None = _field("foot_exercises")

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Self:
        partial = bool(info.context and info.context.get("partial"))
        errors = consistency_errors(self.__dict__, partial=partial)
        if errors:
            raise ValidationError.from_exception_data("Answers", errors)
        return self

    def applicable(self) -> dict[str, AnswerValue]:
        """The answers to questions that apply, in checklist order (as exported)."""
        values = self.__dict__
        off = inapplicable_ids(values)
        return {
            qid: list(value) if isinstance(value, list) else value
            for qid in QUESTION_IDS
            if qid not in off
            for value in (values[qid],)
        }

    def missing(self) -> list[str]:
        """Ids that apply and still need an answer."""
        values = self.__dict__
        off = inapplicable_ids(values)
        return [
            q.id for q in QUESTIONS if values[q.id] is None and not q.optional and q.id not in off
        ]


def consistency_errors(values: Mapping[str, Any], *, partial: bool) -> list[InitErrorDetails]:
    """Every cross-answer problem: values that do not apply, gaps, repeats, a >24-hour day."""
    errors: list[InitErrorDetails] = []
    off = inapplicable_ids(values)
    for question in QUESTIONS:
        value = values.get(question.id)
        if question.id in off:
            if value is not None:
                reason = not_applicable_reason(question, values)
                errors.append(
                    _error(question.id, "not_applicable", f"does not apply: {reason}", value)
                )
        elif value is None and not partial and not question.optional:
            errors.append(_error(question.id, "missing_answer", "needs an answer", None))
    other = values.get("other_pain")
    if other is not None and len(set(other)) != len(other):
        repeated = sorted({v for v in other if other.count(v) > 1})
        errors.append(
            _error("other_pain", "repeated_item", f"lists {', '.join(repeated)} twice", other)
        )
    standing, sitting = values.get("standing_hours"), values.get("sitting_hours")
    if standing is not None and sitting is not None and standing + sitting > 24:
        errors.append(
            _error(
                "sitting_hours",
                "day_too_long",
                f"standing ({standing:g} h) and sitting ({sitting:g} h) add up to more "
                "than 24 hours",
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


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a set of answers, addressed to the person who wrote them."""

    id: str
    message: str
    kind: str = "invalid"

    def __str__(self) -> str:
        # The id may be a key from someone's file: never let it drive the terminal.
        return f"{printable(self.id)}: {self.message}"

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "kind": self.kind, "message": self.message}


def suggest_id(unknown: str) -> str | None:
    """The closest known question id, for 'did you mean' hints."""
    import difflib

    matches = difflib.get_close_matches(unknown.lower(), QUESTION_IDS, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    prefixed = [qid for qid in QUESTION_IDS if qid.startswith(unknown.lower())]
    return prefixed[0] if len(prefixed) == 1 else None


def unknown_id_message(unknown: str) -> str:
    suggestion = suggest_id(unknown)
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    return f"is not a question id{hint} (see `footcheck questions`)"


def describe_problems(error: ValidationError) -> list[Problem]:
    """Turn a pydantic error into one plain problem per answer, naming what is allowed."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for item in error.errors(include_url=False):
        loc = item["loc"]
        kind = item["type"]
        if not loc:
            problems.append(Problem("answers", "must be a table of question ids and answers"))
            continue
        qid = str(loc[0])
        question = QUESTION_BY_ID.get(qid)
        if kind == "extra_forbidden" or question is None:
            shown_id = qid if qid.strip() == qid and qid else repr(qid)
            problem = Problem(shown_id, unknown_id_message(qid), "unknown_id")
        elif kind == "missing_answer":
            problem = Problem(qid, f"needs an answer; allowed: {question.allowed}", "missing")
        elif kind in {"not_applicable", "repeated_item", "day_too_long"}:
            problem = Problem(qid, str(item["msg"]), kind)
        else:
            shown = _show(item.get("input"))
            problem = Problem(qid, f"{shown} is not allowed; allowed: {question.allowed}")
        if (problem.id, problem.message) not in seen:
            seen.add((problem.id, problem.message))
            problems.append(problem)
    return problems


def _show(value: object) -> str:
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class AnswersError(ValueError):
    """Answers that cannot be used, with every problem listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


CONSISTENCY_KINDS = frozenset({"not_applicable", "missing", "repeated_item", "day_too_long"})


def validate_answers(data: Mapping[str, object], *, partial: bool = False) -> Answers:
    """Validate answers, raising AnswersError that lists every problem in plain words.

    Pydantic stops before the cross-answer rules when a single value is bad, so on failure
    the well-formed values are checked once more on their own: a file's author then sees
    every problem in one go rather than one round at a time.
    """
    context = PARTIAL if partial else None
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
