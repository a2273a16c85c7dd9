"""The exported summary's keys, in order: the contract other programs read."""

from __future__ import annotations

from footcheck import summary as shape


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
