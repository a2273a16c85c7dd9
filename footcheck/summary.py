"""The summary footcheck produces; ``Summary.model_dump(mode="json")`` is the exported JSON.

These models are the export contract (docs/rules.md, "The exported summary"): field names
and order are the interface other programs read, so change them only with a new
``schema_version``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypedDict

from pydantic import BaseModel, ConfigDict, field_validator

from footcheck.catalogue import QUESTION_BY_ID
from footcheck.question import AnswerValue

TriageLevel = Literal["emergency", "urgent", "see_clinician", "self_care"]
Risk = Literal["low", "medium", "high"]
PostureClass = Literal[
    "highly_supinated",
    "supinated",
    "neutral",
    "pronated",
    "highly_pronated",
    "inconclusive",
    "unknown",
]
Likelihood = Literal["high", "moderate", "low"]
EvidenceLabel = Literal["guideline", "limited", "practical"]

SCHEMA_VERSION: Literal[1] = 1
DISCLAIMER = (
    "footcheck is a self-help checklist, not a diagnosis. It cannot examine you; if you are "
    "worried, or your pain gets worse, see a doctor or physiotherapist."
)


# What the scoring rules return: plain typed data, validated into the models below in one
# pass by ``evaluate`` (one call into pydantic-core per summary, not one per object).
# tests/test_summary_shape.py checks that each keeps the same keys as its model.
class TriageData(TypedDict):
    level: TriageLevel
    reasons: list[str]


class StartBackData(TypedDict):
    total: int
    psychosocial: int
    risk: Risk


class FootPostureData(TypedDict):
    classification: PostureClass
    source: Literal["fpi6", "self_checks"]
    pronation_signs: int
    supination_signs: int
    fpi6_total: int | None


class EvidenceData(TypedDict):
    question: str
    answer: AnswerValue
    points: int
    reason: str


class ContributorData(TypedDict):
    id: str
    title: str
    points: int
    likelihood: Likelihood
    evidence: list[EvidenceData]
    explanation: str


class StepData(TypedDict):
    id: str
    title: str
    details: str
    addresses: list[str]
    evidence: EvidenceLabel


class ToolData(TypedDict):
    name: Literal["footcheck"]
    version: str


class SummaryData(TypedDict):
    schema_version: Literal[1]
    tool: ToolData
    created_at: datetime
    answers: dict[str, AnswerValue]
    triage: TriageData
    red_flags: list[str]
    start_back: StartBackData | None
    foot_posture: FootPostureData
    contributors: list[ContributorData]
    steps: list[StepData]
    disclaimer: str


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tool(_Frozen):
    name: Literal["footcheck"] = "footcheck"
    version: str


class Triage(_Frozen):
    level: TriageLevel
    reasons: list[str]


class StartBack(_Frozen):
    total: int
    psychosocial: int
    risk: Risk


class FootPosture(_Frozen):
    classification: PostureClass
    source: Literal["fpi6", "self_checks"]
    pronation_signs: int
    supination_signs: int
    fpi6_total: int | None


class Evidence(_Frozen):
    question: str
    answer: AnswerValue
    points: int
    reason: str

    @field_validator("question")
    @classmethod
    def _a_question_id(cls, question: str) -> str:
        if question not in QUESTION_BY_ID:
            from footcheck.display_text import shown

            raise ValueError(f"'{shown(question)}' is not a question id")
        return question


class Contributor(_Frozen):
    id: str
    title: str
    points: int
    likelihood: Likelihood
    evidence: list[Evidence]
    explanation: str


class Step(_Frozen):
    id: str
    title: str
    details: str
    addresses: list[str]
    evidence: EvidenceLabel


class Summary(_Frozen):
    schema_version: Literal[1] = SCHEMA_VERSION
    tool: Tool
    created_at: datetime
    answers: dict[str, AnswerValue]
    triage: Triage
    red_flags: list[str]
    start_back: StartBack | None
    foot_posture: FootPosture
    contributors: list[Contributor]
    steps: list[Step]
    disclaimer: str = DISCLAIMER

    @field_validator("answers")
    @classmethod
    def _checklist_answers(cls, answers: dict[str, AnswerValue]) -> dict[str, AnswerValue]:
        """A summary read back (`report`, the history) may have been edited by hand: its
        answers must be ones the checklist allows, which is all the renderers can show."""
        from footcheck.answers import validate_answers
        from footcheck.errors import AnswersError

        try:
            validate_answers(answers, partial=True)
        except AnswersError as error:
            raise ValueError("; ".join(str(p) for p in error.problems)) from None
        return answers
