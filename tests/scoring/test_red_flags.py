"""Red flags (SPEC 5): which answers raise which flag, and what each flag alone leads to."""

from __future__ import annotations

import pytest

from footcheck import evaluate
from footcheck.answers import validate_answers
from footcheck.scoring.red_flags import (
    ALL_FLAGS,
    EMERGENCY_FLAGS,
    URGENT_FLAGS,
    flag_text,
    raised_flags,
)
from tests.helpers import answers


def test_no_flags_when_every_answer_is_no() -> None:
    assert raised_flags(validate_answers(answers())) == []


def test_flags_are_listed_in_checklist_order() -> None:
    raised = raised_flags(validate_answers(answers(rf_night_pain=True, rf_bladder_bowel=True)))
    assert raised == ["rf_bladder_bowel", "rf_night_pain"]


def test_cauda_equina_signs_are_the_emergency_flags() -> None:
    assert EMERGENCY_FLAGS == ("rf_bladder_bowel", "rf_saddle_numbness", "rf_leg_weakness")
    assert set(ALL_FLAGS) == set(EMERGENCY_FLAGS) | set(URGENT_FLAGS)
    assert all(flag_text(flag) for flag in ALL_FLAGS)


@pytest.mark.parametrize("flag", EMERGENCY_FLAGS)
def test_each_emergency_flag_alone(flag: str) -> None:
    summary = evaluate(answers(**{flag: True}))
    assert summary.triage.level == "emergency"
    assert summary.red_flags == [flag]
    assert any(flag in reason for reason in summary.triage.reasons)
    assert summary.steps[0].id == "seek_emergency_care"


@pytest.mark.parametrize("flag", URGENT_FLAGS)
def test_each_urgent_flag_alone(flag: str) -> None:
    summary = evaluate(answers(**{flag: True}))
    assert summary.triage.level == "urgent"
    assert summary.red_flags == [flag]
    assert summary.steps[0].id == "see_clinician_promptly"
