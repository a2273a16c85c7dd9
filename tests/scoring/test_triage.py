"""Triage: every path, in the order levels win (docs/rules.md, "Triage")."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from footcheck import evaluate
from footcheck.instruments.red_flags.scoring import red_flag_questions
from footcheck.instruments.registry import CATALOGUE
from footcheck.scoring.triage import NO_BACK_PAIN, NONE_OF_THE_SIGNS
from tests.helpers import answers
from tests.instruments.test_red_flags import SPEC_LEVELS

FLAGS = red_flag_questions(CATALOGUE)
EMERGENCY = [q.id for q in FLAGS if q.red_flag == "emergency"]
URGENT = [q.id for q in FLAGS if q.red_flag == "urgent"]


def test_emergency_beats_urgent_and_all_flags_are_listed() -> None:
    summary = evaluate(answers(**{q.id: True for q in FLAGS}))
    assert summary.triage.level == "emergency"
    assert summary.red_flags == [q.id for q in FLAGS]
    assert len(summary.triage.reasons) == len(FLAGS)
    assert [s.id for s in summary.steps] == ["seek_emergency_care"]


@pytest.mark.parametrize(("emergency", "urgent"), list(itertools.product(EMERGENCY, URGENT)))
def test_every_emergency_flag_beats_every_urgent_flag(emergency: str, urgent: str) -> None:
    summary = evaluate(answers(**{emergency: True, urgent: True}))
    assert summary.triage.level == "emergency"
    assert summary.red_flags == [q.id for q in FLAGS if q.id in (emergency, urgent)]


def test_urgent_beats_see_clinician() -> None:
    summary = evaluate(
        answers(back_pain=True, pain_intensity=9, pain_duration="over_12_weeks", rf_night_pain=True)
    )
    assert summary.triage.level == "urgent"
    assert [s.id for s in summary.steps] == ["see_clinician_promptly"]


MEDIUM = dict(sb_leg_pain=True, sb_shoulder_neck=True, sb_walk_short=True, sb_dress_slow=True)
HIGH = dict(sb_unsafe_active=True, sb_worry=True, sb_terrible=True, sb_no_enjoy=True)
PAIN = dict(back_pain=True)


@pytest.mark.parametrize(
    ("changes", "level", "reasons"),
    [
        (dict(PAIN), "self_care", 1),
        (dict(PAIN, pain_intensity=6), "self_care", 1),
        (dict(PAIN, pain_intensity=7), "see_clinician", 1),
        (dict(PAIN, pain_intensity=10), "see_clinician", 1),
        (dict(PAIN, pain_duration="under_6_weeks"), "self_care", 1),
        (dict(PAIN, pain_duration="6_to_12_weeks"), "see_clinician", 1),
        (dict(PAIN, pain_duration="over_12_weeks"), "see_clinician", 1),
        (dict(PAIN, **MEDIUM), "see_clinician", 1),
        (dict(PAIN, **HIGH), "see_clinician", 1),
        # new back pain under 20 or from 50 on
        (dict(PAIN, age=19), "see_clinician", 1),
        (dict(PAIN, age=20), "self_care", 1),
        (dict(PAIN, age=49), "self_care", 1),
        (dict(PAIN, age=50), "see_clinician", 1),
        (dict(PAIN, age=16, pain_duration="6_to_12_weeks"), "see_clinician", 2),
        (dict(PAIN, age=70, pain_duration="over_12_weeks"), "see_clinician", 1),  # not new
        # every cause is its own reason
        (
            dict(PAIN, age=55, pain_intensity=8, pain_duration="6_to_12_weeks", **MEDIUM),
            "see_clinician",
            4,
        ),
        # no back pain: nothing to triage, whatever the age
        (dict(age=60), "self_care", 1),
        (dict(age=17), "self_care", 1),
    ],
)
def test_see_clinician_rules(changes: dict[str, Any], level: str, reasons: int) -> None:
    summary = evaluate(answers(**changes))
    assert summary.triage.level == level
    assert len(summary.triage.reasons) == reasons
    steps = [s.id for s in summary.steps]
    if level == "see_clinician":
        assert steps[0] == "see_physiotherapist"
    else:
        assert "see_physiotherapist" not in steps


def test_self_care_never_claims_there_are_no_warning_signs() -> None:
    with_pain = evaluate(answers(back_pain=True))
    assert with_pain.triage.reasons == [NONE_OF_THE_SIGNS]
    assert "none of the warning signs footcheck asks about" in NONE_OF_THE_SIGNS
    without = evaluate(answers())
    assert without.triage.reasons == [NO_BACK_PAIN]
    assert "no back pain to check for warning signs" in NO_BACK_PAIN
    for summary in (with_pain, without):
        assert not any("no warning signs" in r.lower() for r in summary.triage.reasons)


def test_reasons_are_sentences_without_internal_ids() -> None:
    summary = evaluate(answers(back_pain=True, age=60, pain_intensity=9, **MEDIUM))
    for reason in summary.triage.reasons:
        assert reason.endswith(".") and reason[0].isupper()
        assert "_" not in reason


def test_every_combination_of_warning_signs() -> None:
    """All 2^12 sets of answers to the warning signs, against the levels of the checklist
    version 2 table: any emergency sign is an emergency, else any urgent sign is urgent, and
    either way the triage step is the only step."""
    checked = 0
    for raised in itertools.product((False, True), repeat=len(FLAGS)):
        yes = [q.id for q, on in zip(FLAGS, raised, strict=True) if on]
        summary = evaluate(answers(back_pain=True, **dict.fromkeys(yes, True)))
        levels = {SPEC_LEVELS[flag] for flag in yes}
        expected = next((level for level in ("emergency", "urgent") if level in levels), None)
        assert summary.red_flags == yes
        if expected is None:
            assert summary.triage.level == "self_care"
        else:
            assert summary.triage.level == expected, yes
            assert len(summary.triage.reasons) == len(yes)
            assert [(s.id, s.addresses) for s in summary.steps] == [
                (TRIAGE_STEPS[expected], ["triage"])
            ]
        checked += 1
    assert checked == 2 ** len(SPEC_LEVELS)


TRIAGE_STEPS = {"emergency": "seek_emergency_care", "urgent": "see_clinician_promptly"}
RISK_ANSWERS: dict[str, dict[str, Any]] = {"low": {}, "medium": MEDIUM, "high": HIGH}
DURATIONS = ("under_6_weeks", "6_to_12_weeks", "over_12_weeks")
AGES = (16, 19, 20, 49, 50, 110)


def spec_clinician_causes(risk: str, intensity: int, duration: str, age: int) -> int:
    """How many of the see-a-clinician causes hold, restated from the rule: STarT Back
    medium or high; pain 7 or more; 6 weeks or more; new pain under 20 or from 50."""
    return (
        (risk != "low")
        + (intensity >= 7)
        + (duration != "under_6_weeks")
        + ((age < 20 or age >= 50) and duration != "over_12_weeks")
    )


def test_every_path_to_a_clinician_without_warning_signs() -> None:
    """Every STarT Back risk, pain 0-10, every duration and the ages either side of 20 and
    50, with back pain and no warning sign."""
    checked = 0
    for risk, intensity, duration, age in itertools.product(
        RISK_ANSWERS, range(11), DURATIONS, AGES
    ):
        summary = evaluate(
            answers(
                back_pain=True,
                pain_intensity=intensity,
                pain_duration=duration,
                age=age,
                **RISK_ANSWERS[risk],
            )
        )
        assert summary.start_back is not None and summary.start_back.risk == risk
        causes = spec_clinician_causes(risk, intensity, duration, age)
        case = (risk, intensity, duration, age)
        if causes:
            assert summary.triage.level == "see_clinician", case
            assert len(summary.triage.reasons) == causes, case
            assert summary.steps[0].id == "see_physiotherapist"
        else:
            assert summary.triage.level == "self_care", case
            assert summary.triage.reasons == [NONE_OF_THE_SIGNS]
        checked += 1
    assert checked == 3 * 11 * 3 * len(AGES)


@pytest.mark.parametrize("age", AGES)
def test_without_back_pain_the_triage_is_self_care_at_any_age(age: int) -> None:
    summary = evaluate(answers(age=age))
    assert summary.triage.level == "self_care"
    assert summary.triage.reasons == [NO_BACK_PAIN]
    assert summary.red_flags == [] and summary.start_back is None
