"""The Observations a STarT Back result adds to a FHIR Bundle: its total, its psychosocial
(distress) subscore and its risk band, each with its LOINC code."""

from __future__ import annotations

from footcheck.checklist.codes import concept, loinc
from footcheck.instruments.instrument import Observation
from footcheck.instruments.start_back.result import StartBack
from footcheck.instruments.start_back.scoring import (
    PSYCHOSOCIAL_LOINC,
    RISK_ANSWER_LOINC,
    RISK_LOINC,
    TOTAL_LOINC,
)
from footcheck.text.messages import say


def observations(scores: StartBack | None) -> list[Observation]:
    if scores is None:
        return []
    risk = {"coding": [loinc(*RISK_ANSWER_LOINC[scores.risk])]}
    return [
        (
            concept(loinc(TOTAL_LOINC), say("fhir.observation.start_back_total")),
            {"valueInteger": scores.total},
        ),
        (
            concept(loinc(PSYCHOSOCIAL_LOINC), say("fhir.observation.start_back_psychosocial")),
            {"valueInteger": scores.psychosocial},
        ),
        (
            concept(loinc(RISK_LOINC), say("fhir.observation.start_back_risk")),
            {"valueCodeableConcept": risk},
        ),
    ]
