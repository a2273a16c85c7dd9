"""Suggested steps: every selection rule, labels, order, no repeats (docs/rules.md, "Steps")."""

from __future__ import annotations

from typing import Any

import pytest

from footcheck import evaluate
from footcheck.scoring.steps import STEP_INFO
from tests.helpers import answers


def step_ids(**changes: Any) -> list[str]:
    return [s.id for s in evaluate(answers(**changes)).steps]


@pytest.mark.parametrize(
    ("changes", "present", "absent"),
    [
        (dict(rf_saddle_numbness=True), ["seek_emergency_care"], ["see_clinician_promptly"]),
        (dict(rf_cancer_history=True), ["see_clinician_promptly"], ["seek_emergency_care"]),
        (dict(back_pain=True, pain_intensity=8), ["see_physiotherapist"], []),
        # foot posture, low likelihood (1-2 points)
        (
            dict(arch_standing="low"),
            ["foot_strengthening", "calf_ankle_mobility"],
            ["supportive_footwear", "arch_support_insoles", "gait_analysis"],
        ),
        # moderate
        (
            dict(arch_standing="flat", heel_tilt="inward"),
            [
                "foot_strengthening",
                "calf_ankle_mobility",
                "supportive_footwear",
                "arch_support_insoles",
            ],
            ["gait_analysis"],
        ),
        # moderate, custom insoles already
        (
            dict(arch_standing="flat", heel_tilt="inward", insoles="custom"),
            ["supportive_footwear"],
            ["arch_support_insoles"],
        ),
        # high
        (
            dict(fpi6_total=-10),
            [
                "foot_strengthening",
                "calf_ankle_mobility",
                "supportive_footwear",
                "arch_support_insoles",
                "gait_analysis",
            ],
            [],
        ),
        (dict(fpi6_total=11, insoles="off_the_shelf"), ["arch_support_insoles"], []),
        (dict(other_pain=["feet"]), ["plantar_fascia_mobilization"], []),
        (dict(other_pain=["knees", "hips"]), [], ["plantar_fascia_mobilization"]),
        (
            dict(main_footwear="minimal"),
            ["supportive_footwear"],
            ["replace_worn_shoes", "limit_high_heels"],
        ),
        (
            dict(shoes_worn_out=True),
            ["supportive_footwear", "replace_worn_shoes"],
            ["limit_high_heels"],
        ),
        (
            dict(main_footwear="high_heels"),
            ["supportive_footwear", "limit_high_heels"],
            ["replace_worn_shoes"],
        ),
        (dict(standing_hours=6), ["standing_relief"], []),
        (dict(sitting_hours=8), ["movement_breaks"], []),
        (dict(lifting="often"), ["lifting_load_management"], []),
        (dict(active_days=1), ["regular_exercise"], []),
        (dict(back_pain=True), ["stay_active"], ["regular_exercise"]),
        (
            dict(back_pain=True, pain_duration="6_to_12_weeks"),
            ["stay_active", "regular_exercise"],
            [],
        ),
        (dict(back_pain=True, pain_duration="over_12_weeks"), ["regular_exercise"], []),
        (dict(lifting="sometimes"), ["posture_awareness"], []),
        (dict(), [], ["posture_awareness", "stay_active"]),
    ],
)
def test_selection_rules(changes: dict[str, Any], present: list[str], absent: list[str]) -> None:
    chosen = step_ids(**changes)
    for step in present:
        assert step in chosen
    for step in absent:
        assert step not in chosen


def test_neutral_person_gets_no_steps() -> None:
    assert step_ids() == []


def test_evidence_labels() -> None:
    labels = {sid: info.evidence for sid, info in STEP_INFO.items()}
    guideline = {
        "stay_active",
        "regular_exercise",
        "see_physiotherapist",
        "see_clinician_promptly",
        "seek_emergency_care",
    }
    limited = {
        "arch_support_insoles",
        "gait_analysis",
        "foot_strengthening",
        "calf_ankle_mobility",
        "plantar_fascia_mobilization",
    }
    for sid, label in labels.items():
        expected = (
            "guideline" if sid in guideline else "limited" if sid in limited else ("practical")
        )
        assert label == expected, sid


def test_insoles_step_is_honest_about_nice() -> None:
    details = STEP_INFO["arch_support_insoles"].details
    assert "NICE" in details and "NG59" in details
    assert "advises against" in details
    assert "foot or knee" in details


def test_step_chosen_twice_appears_once_with_both_reasons() -> None:
    summary = evaluate(
        answers(
            arch_standing="flat",
            heel_tilt="inward",
            main_footwear="high_heels",
            active_days=0,
            back_pain=True,
            pain_duration="over_12_weeks",
        )
    )
    ids = [s.id for s in summary.steps]
    assert len(ids) == len(set(ids))
    by_id = {s.id: s for s in summary.steps}
    assert set(by_id["supportive_footwear"].addresses) == {"overpronation", "unsupportive_footwear"}
    assert by_id["regular_exercise"].addresses == ["triage", "low_activity"]


def test_order_triage_then_guideline_then_by_contributor_then_posture() -> None:
    summary = evaluate(
        answers(
            back_pain=True,
            pain_intensity=8,
            lifting="often",
            main_footwear="high_heels",
        )
    )
    assert [s.id for s in summary.steps] == [
        "see_physiotherapist",
        "stay_active",
        "supportive_footwear",
        "limit_high_heels",
        "lifting_load_management",
        "posture_awareness",
    ]
    assert summary.steps[-1].addresses == ["unsupportive_footwear", "heavy_lifting"]
