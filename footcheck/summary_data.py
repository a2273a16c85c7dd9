"""The summary as plain typed data: what the scoring rules return and batch writes. No
pydantic here: a scripted JSON run scores and writes this without loading the ``Summary``
models (``footcheck/summary.py``), which validate it into the export contract. The rules
import these types for type checking only; the constant fields are in
``footcheck/summary_constants.py``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypedDict

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

SchemaVersion = Literal[1, 2]


# What the scoring rules return: plain typed data, validated into the models of
# footcheck/summary.py in one pass by ``evaluate`` (one call into pydantic-core per
# summary, not one per object).
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
    sources: list[str]


class StepData(TypedDict):
    id: str
    title: str
    details: str
    addresses: list[str]
    evidence: EvidenceLabel
    sources: list[str]
    already_doing: bool


class ReferenceData(TypedDict):
    id: str
    citation: str
    url: str | None


class ToolData(TypedDict):
    name: Literal["footcheck"]
    version: str


class SummaryData(TypedDict):
    schema_version: Literal[2]
    checklist_version: int
    tool: ToolData
    created_at: datetime
    answers: dict[str, AnswerValue]
    triage: TriageData
    red_flags: list[str]
    start_back: StartBackData | None
    foot_posture: FootPostureData
    contributors: list[ContributorData]
    steps: list[StepData]
    references: list[ReferenceData]
    disclaimer: str
