"""The typed data the scoring rules return keeps the same keys as the exported models."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from footcheck import summary as shape
from footcheck import summary_data as data_shape


@pytest.mark.parametrize(
    ("data", "model"),
    [
        (data_shape.TriageData, shape.Triage),
        (data_shape.StartBackData, shape.StartBack),
        (data_shape.FootPostureData, shape.FootPosture),
        (data_shape.EvidenceData, shape.Evidence),
        (data_shape.ContributorData, shape.Contributor),
        (data_shape.StepData, shape.Step),
        (data_shape.ReferenceData, shape.Reference),
        (data_shape.ToolData, shape.Tool),
        (data_shape.SummaryData, shape.Summary),
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
