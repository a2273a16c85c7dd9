"""Triage: the order in which levels win (docs/rules.md, "Triage")."""

from __future__ import annotations

import pytest

from footcheck import evaluate
from footcheck.instruments.red_flags.calculation import red_flag_questions
from tests.helpers import answers


def test_emergency_beats_urgent_and_all_flags_are_listed() -> None:
    summary = evaluate(answers(**{q.id: True for q in red_flag_questions()}))
    assert summary.triage.level == "emergency"
    assert summary.red_flags == [q.id for q in red_flag_questions()]
    assert [s.id for s in summary.steps].count("seek_emergency_care") == 1
    assert "see_clinician_promptly" not in [s.id for s in summary.steps]


def test_urgent_beats_see_clinician() -> None:
    summary = evaluate(answers(back_pain=True, pain_intensity=9, rf_trauma=True))
    assert summary.triage.level == "urgent"


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        (dict(back_pain=True), "self_care"),
        (dict(back_pain=True, pain_intensity=6), "self_care"),
        (dict(back_pain=True, pain_intensity=7), "see_clinician"),
        (dict(back_pain=True, pain_intensity=10), "see_clinician"),
        (dict(back_pain=True, pain_duration="6_to_12_weeks"), "self_care"),
        (dict(back_pain=True, pain_duration="over_12_weeks"), "see_clinician"),
        # STarT Back medium: 4 physical items
        (
            dict(
                back_pain=True,
                sb_leg_pain=True,
                sb_shoulder_neck=True,
                sb_walk_short=True,
                sb_dress_slow=True,
            ),
            "see_clinician",
        ),
        # STarT Back high: 4 psychosocial items
        (
            dict(
                back_pain=True,
                sb_unsafe_active=True,
                sb_worry=True,
                sb_terrible=True,
                sb_no_enjoy=True,
            ),
            "see_clinician",
        ),
        (dict(back_pain=False), "self_care"),
    ],
)
def test_see_clinician_rules(changes: dict[str, object], level: str) -> None:
    summary = evaluate(answers(**changes))
    assert summary.triage.level == level
    assert summary.triage.reasons
    first = summary.steps[0].id if summary.steps else None
    if level == "see_clinician":
        assert first == "see_physiotherapist"
    else:
        assert "see_physiotherapist" not in [s.id for s in summary.steps]
