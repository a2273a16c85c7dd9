"""The summary footcheck produces; ``Summary.model_dump(mode="json")`` is the exported JSON.

These models are the export contract (docs/rules.md, "The exported summary"): field names
and order are the interface other programs read, so change them only with a new
``schema_version``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

from footcheck.answers.model import validate_answers
from footcheck.checklist.question import AnswerValue
from footcheck.errors import AnswersError
from footcheck.instruments.foot_posture.result import FootPosture
from footcheck.instruments.instrument import Instrument
from footcheck.instruments.registry import INSTRUMENT_BY_KEY, INSTRUMENTS, QUESTION_BY_ID
from footcheck.instruments.start_back.result import StartBack
from footcheck.text.display import shown
from footcheck.text.messages import say

SCHEMA_VERSION: Literal[2] = 2
CHECKLIST_VERSION = 2
"""The version of the checklist and its rules that scores today (docs/rules.md)."""
DISCLAIMER = say("summary.disclaimer")
"""The disclaimer in English; a summary is scored with it in the language spoken."""

TriageLevel = Literal["emergency", "urgent", "see_clinician", "self_care"]
Likelihood = Literal["high", "moderate", "low"]
EvidenceLabel = Literal["guideline", "limited", "practical"]
SchemaVersion = Literal[1, 2]

MAX_POINTS = 100
"""No contributor scores near this; a summary file claiming more was edited by hand."""
MAX_ITEMS = 64
"""More entries than any list in a summary footcheck writes holds (44 questions, 12 warning
signs, 7 contributors, 20 steps, 20 sources): a summary file with a longer list was made
elsewhere, and is refused rather than rendered at a cost that grows with it."""
V1_EXCLUDE: dict[str, Any] = {
    "checklist_version": True,
    "references": True,
    "contributors": {"__all__": {"sources"}},
    "steps": {"__all__": {"sources", "already_doing"}},
}
"""Fields a schema_version 1 summary does not have: left out when it is written again."""


SCORED: dict[str, bool] = {"scored": True}
"""Validation context of a summary ``evaluate`` has just scored from validated answers."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tool(_Frozen):
    name: Literal["footcheck"] = "footcheck"
    version: str


class Triage(_Frozen):
    level: TriageLevel
    reasons: Annotated[list[str], Field(max_length=MAX_ITEMS)]


class Evidence(_Frozen):
    question: str
    answer: AnswerValue
    points: Annotated[int, Field(ge=1, le=MAX_POINTS)]
    reason: str

    @field_validator("question")
    @classmethod
    def _a_question_id(cls, question: str) -> str:
        if question not in QUESTION_BY_ID:
            raise ValueError(say("summary.problem.not_a_question", question=shown(question)))
        return question


class Contributor(_Frozen):
    id: str
    title: str
    points: Annotated[int, Field(ge=1, le=MAX_POINTS)]
    likelihood: Likelihood
    evidence: Annotated[list[Evidence], Field(max_length=MAX_ITEMS)]
    explanation: str
    sources: Annotated[list[str], Field(max_length=MAX_ITEMS)]


class Step(_Frozen):
    id: str
    title: str
    details: str
    addresses: Annotated[list[str], Field(max_length=MAX_ITEMS)]
    evidence: EvidenceLabel
    sources: Annotated[list[str], Field(max_length=MAX_ITEMS)]
    already_doing: bool


class Reference(_Frozen):
    id: str
    citation: str
    url: str | None


class Summary(_Frozen):
    """A scored summary, as exported. One scored with checklist version 1 (schema_version
    1) is read as it was scored: its missing fields are empty, never filled in by
    rescoring, and it is written back in its own shape (``V1_EXCLUDE``).

    Each instrument's result is a field named by its key (``footcheck/instruments/
    registry.py``). The instruments of this checklist are declared below, as the export
    contract; an instrument added to the registry is kept too, after them, and checked
    against its own result type; any other unknown field is refused."""

    model_config = ConfigDict(frozen=True, extra="allow")

    schema_version: SchemaVersion
    checklist_version: int
    tool: Tool
    created_at: datetime
    answers: dict[str, AnswerValue]
    triage: Triage
    red_flags: Annotated[list[str], Field(max_length=MAX_ITEMS)]
    start_back: StartBack | None
    foot_posture: FootPosture
    contributors: Annotated[list[Contributor], Field(max_length=MAX_ITEMS)]
    steps: Annotated[list[Step], Field(max_length=MAX_ITEMS)]
    references: Annotated[list[Reference], Field(max_length=MAX_ITEMS)]
    disclaimer: str

    @model_validator(mode="before")
    @classmethod
    def _version_1(cls, data: Any) -> Any:
        """A version-1 summary has no checklist version, sources, references or
        already-doing marks: they are read as empty, which is what it said."""
        if not isinstance(data, dict) or data.get("schema_version") != 1:
            return data
        data = {"checklist_version": 1, "references": [], **data}
        for key, extra in (
            ("contributors", {"sources": []}),
            ("steps", {"sources": [], "already_doing": False}),
        ):
            items = data.get(key)
            if isinstance(items, list):
                data[key] = [{**extra, **i} if isinstance(i, dict) else i for i in items]
        return data

    @field_validator("answers")
    @classmethod
    def _checklist_answers(
        cls, answers: dict[str, AnswerValue], info: ValidationInfo
    ) -> dict[str, AnswerValue]:
        """A summary read back (`report`, the history) may have been edited by hand: its
        answers must be ones the checklist allows, which is all the renderers can show.
        A version-1 summary's answers are checked one by one only: which questions apply
        changed with version 2, and it is shown as it was scored. ``evaluate`` says when
        it has validated them already (``SCORED``)."""
        if info.context is SCORED:
            return answers
        version_1 = info.data.get("schema_version") == 1
        try:
            validate_answers(answers, partial=True, values_only=version_1)
        except AnswersError as error:
            raise ValueError("; ".join(str(p) for p in error.problems)) from None
        return answers

    @model_validator(mode="after")
    def _registered_instruments(self) -> Summary:
        extra = self.__pydantic_extra__ or {}
        for key, value in extra.items():
            instrument = INSTRUMENT_BY_KEY.get(key)
            if instrument is None:
                raise ValueError(say("summary.problem.not_a_field", field=shown(key)))
            extra[key] = TypeAdapter(instrument.result).validate_python(value)
        return self

    def instrument_results(self) -> Iterator[tuple[Instrument, Any]]:
        """Each registered instrument with its result here, in the registry's order: None
        where this summary has none (one scored before the instrument was added)."""
        for instrument in INSTRUMENTS:
            yield instrument, getattr(self, instrument.key, None)

    @property
    def scored_now(self) -> bool:
        """Scored with the checklist footcheck uses today."""
        return self.checklist_version == CHECKLIST_VERSION

    def export_json(self, *, indent: int | None = 2) -> str:
        """The exported JSON, in the shape the summary was scored with."""
        exclude = V1_EXCLUDE if self.schema_version == 1 else None
        return self.model_dump_json(indent=indent, exclude=exclude)
