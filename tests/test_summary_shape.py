"""The typed data the scoring rules return keeps the same keys as the exported models."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from footcheck import summary as shape


@pytest.mark.parametrize(
    ("data", "model"),
    [
        (shape.TriageData, shape.Triage),
        (shape.StartBackData, shape.StartBack),
        (shape.FootPostureData, shape.FootPosture),
        (shape.EvidenceData, shape.Evidence),
        (shape.ContributorData, shape.Contributor),
        (shape.StepData, shape.Step),
        (shape.ReferenceData, shape.Reference),
        (shape.ToolData, shape.Tool),
        (shape.SummaryData, shape.Summary),
    ],
)
def test_typed_data_matches_model(data: type, model: type[BaseModel]) -> None:
    assert list(data.__annotations__) == list(model.model_fields)


def test_exported_key_order_is_the_contract() -> None:
    assert list(shape.Summary.model_fields) == [
        "schema_version",
        "checklist_version",
        "tool",
        "created_at",
        "answers",
        "triage",
        "red_flags",
        "start_back",
        "foot_posture",
        "contributors",
        "steps",
        "references",
        "disclaimer",
    ]
