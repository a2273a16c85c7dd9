"""Realistic people, with everything their summary should say."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from footcheck import evaluate
from footcheck.summary import DISCLAIMER, Summary
from tests.helpers import answers

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
NO_FLAGS = dict.fromkeys(
    [
        "rf_bladder_bowel",
        "rf_saddle_numbness",
        "rf_leg_weakness",
        "rf_trauma",
        "rf_fever_weight_loss",
        "rf_cancer_history",
        "rf_night_pain",
    ],
    False,
)


def outline(summary: Summary) -> dict[str, Any]:
    """Everything in the summary except the fixed wording of titles and explanations."""
    return {
        "triage": (summary.triage.level, summary.triage.reasons),
        "red_flags": summary.red_flags,
        "start_back": summary.start_back and summary.start_back.model_dump(),
        "foot_posture": summary.foot_posture.model_dump(),
        "contributors": [
            (c.id, c.points, c.likelihood, [(e.question, e.answer, e.points) for e in c.evidence])
            for c in summary.contributors
        ],
        "steps": [(s.id, s.addresses, s.evidence) for s in summary.steps],
    }


def test_retail_worker_standing_on_concrete_in_worn_flats() -> None:
    data = answers(
        age=34,
        back_pain=True,
        pain_intensity=6,
        pain_duration="6_to_12_weeks",
        pain_worse_standing=True,
        pain_worse_sitting=False,
        other_pain=["feet"],
        **NO_FLAGS,
        sb_walk_short=True,
        sb_worry=True,
        sb_bothersome="moderately",
        arch_standing="low",
        wet_footprint="full",
        shoe_wear="inner_edge",
        knees_inward="yes",
        heel_tilt="inward",
        main_footwear="flat_unsupportive",
        shoes_worn_out=True,
        insoles="none",
        standing_hours=9,
        hard_floors=True,
        sitting_hours=1.5,
        lifting="sometimes",
        active_days=2,
        foot_exercises=False,
    )
    summary = evaluate(data, now=NOW)
    assert outline(summary) == {
        "triage": ("self_care", ["No warning signs, and nothing that calls for a clinician yet"]),
        "red_flags": [],
        "start_back": {"total": 2, "psychosocial": 1, "risk": "low"},
        "foot_posture": {
            "classification": "highly_pronated",
            "source": "self_checks",
            "pronation_signs": 5,
            "supination_signs": 0,
            "fpi6_total": None,
        },
        "contributors": [
            (
                "overpronation",
                9,
                "high",
                [
                    ("arch_standing", "low", 1),
                    ("wet_footprint", "full", 2),
                    ("shoe_wear", "inner_edge", 2),
                    ("knees_inward", "yes", 1),
                    ("heel_tilt", "inward", 2),
                    ("other_pain", ["feet"], 1),
                ],
            ),
            (
                "prolonged_standing",
                7,
                "high",
                [
                    ("standing_hours", 9.0, 4),
                    ("hard_floors", True, 2),
                    ("pain_worse_standing", True, 1),
                ],
            ),
            (
                "unsupportive_footwear",
                6,
                "high",
                [("main_footwear", "flat_unsupportive", 3), ("shoes_worn_out", True, 3)],
            ),
            ("heavy_lifting", 1, "low", [("lifting", "sometimes", 1)]),
            ("low_activity", 1, "low", [("active_days", 2, 1)]),
        ],
        "steps": [
            ("stay_active", ["triage"], "guideline"),
            ("regular_exercise", ["triage", "low_activity"], "guideline"),
            ("supportive_footwear", ["overpronation", "unsupportive_footwear"], "practical"),
            ("foot_strengthening", ["overpronation"], "limited"),
            ("calf_ankle_mobility", ["overpronation"], "limited"),
            ("arch_support_insoles", ["overpronation"], "limited"),
            ("gait_analysis", ["overpronation"], "limited"),
            ("standing_relief", ["prolonged_standing"], "practical"),
            ("replace_worn_shoes", ["unsupportive_footwear"], "practical"),
            ("lifting_load_management", ["heavy_lifting"], "practical"),
            ("plantar_fascia_mobilization", ["other_pain"], "limited"),
            (
                "posture_awareness",
                [
                    "overpronation",
                    "prolonged_standing",
                    "unsupportive_footwear",
                    "heavy_lifting",
                    "low_activity",
                ],
                "practical",
            ),
        ],
    }
    exported = summary.model_dump(mode="json")
    assert exported["created_at"] == "2026-03-01T09:30:00Z"
    assert exported["answers"]["standing_hours"] == 9.0
    assert "pain_intensity" in exported["answers"]
    assert exported["disclaimer"] == DISCLAIMER


def test_office_worker_in_heels() -> None:
    data = answers(
        age=29,
        back_pain=True,
        pain_intensity=4,
        pain_duration="under_6_weeks",
        pain_worse_standing=False,
        pain_worse_sitting=True,
        other_pain=[],
        **NO_FLAGS,
        sb_shoulder_neck=True,
        sb_bothersome="slightly",
        main_footwear="high_heels",
        shoes_worn_out=False,
        insoles="none",
        standing_hours=1.5,
        hard_floors=True,
        sitting_hours=10,
        lifting="rarely",
        active_days=1,
    )
    summary = evaluate(data, now=NOW)
    assert outline(summary) == {
        "triage": ("self_care", ["No warning signs, and nothing that calls for a clinician yet"]),
        "red_flags": [],
        "start_back": {"total": 1, "psychosocial": 0, "risk": "low"},
        "foot_posture": {
            "classification": "neutral",
            "source": "self_checks",
            "pronation_signs": 0,
            "supination_signs": 0,
            "fpi6_total": None,
        },
        "contributors": [
            (
                "prolonged_sitting",
                5,
                "moderate",
                [("sitting_hours", 10.0, 4), ("pain_worse_sitting", True, 1)],
            ),
            ("unsupportive_footwear", 4, "moderate", [("main_footwear", "high_heels", 4)]),
            ("low_activity", 2, "low", [("active_days", 1, 2)]),
        ],
        "steps": [
            ("stay_active", ["triage"], "guideline"),
            ("regular_exercise", ["low_activity"], "guideline"),
            ("movement_breaks", ["prolonged_sitting"], "practical"),
            ("supportive_footwear", ["unsupportive_footwear"], "practical"),
            ("limit_high_heels", ["unsupportive_footwear"], "practical"),
            (
                "posture_awareness",
                ["prolonged_sitting", "unsupportive_footwear", "low_activity"],
                "practical",
            ),
        ],
    }


def test_runner_with_high_arches_and_lasting_pain() -> None:
    data = answers(
        age=45,
        back_pain=True,
        pain_intensity=7,
        pain_duration="over_12_weeks",
        pain_worse_standing=True,
        pain_worse_sitting=False,
        other_pain=["feet", "knees"],
        **NO_FLAGS,
        sb_leg_pain=True,
        sb_dress_slow=True,
        sb_bothersome="moderately",
        arch_standing="high",
        wet_footprint="narrow",
        shoe_wear="outer_edge",
        knees_inward="no",
        heel_tilt="straight",
        main_footwear="athletic",
        shoes_worn_out=True,
        insoles="none",
        standing_hours=3,
        hard_floors=False,
        sitting_hours=6,
        lifting="rarely",
        active_days=5,
    )
    summary = evaluate(data, now=NOW)
    assert outline(summary) == {
        "triage": (
            "see_clinician",
            ["Pain intensity 7/10 (7 or more)", "Back pain has lasted over 12 weeks"],
        ),
        "red_flags": [],
        "start_back": {"total": 2, "psychosocial": 0, "risk": "low"},
        "foot_posture": {
            "classification": "highly_supinated",
            "source": "self_checks",
            "pronation_signs": 0,
            "supination_signs": 3,
            "fpi6_total": None,
        },
        "contributors": [
            (
                "underpronation",
                7,
                "high",
                [
                    ("arch_standing", "high", 2),
                    ("wet_footprint", "narrow", 2),
                    ("shoe_wear", "outer_edge", 2),
                    ("other_pain", ["feet", "knees"], 1),
                ],
            ),
            ("unsupportive_footwear", 3, "moderate", [("shoes_worn_out", True, 3)]),
            ("prolonged_sitting", 2, "low", [("sitting_hours", 6.0, 2)]),
        ],
        "steps": [
            ("see_physiotherapist", ["triage"], "guideline"),
            ("stay_active", ["triage"], "guideline"),
            ("regular_exercise", ["triage"], "guideline"),
            ("supportive_footwear", ["underpronation", "unsupportive_footwear"], "practical"),
            ("foot_strengthening", ["underpronation"], "limited"),
            ("calf_ankle_mobility", ["underpronation"], "limited"),
            ("arch_support_insoles", ["underpronation"], "limited"),
            ("gait_analysis", ["underpronation"], "limited"),
            ("replace_worn_shoes", ["unsupportive_footwear"], "practical"),
            ("movement_breaks", ["prolonged_sitting"], "practical"),
            ("plantar_fascia_mobilization", ["other_pain"], "limited"),
            (
                "posture_awareness",
                ["underpronation", "unsupportive_footwear", "prolonged_sitting"],
                "practical",
            ),
        ],
    }


def test_person_with_cauda_equina_signs_sees_emergency_first() -> None:
    data = answers(
        back_pain=True,
        pain_intensity=8,
        rf_bladder_bowel=True,
        rf_saddle_numbness=True,
        lifting="often",
    )
    summary = evaluate(data, now=NOW)
    assert summary.triage.level == "emergency"
    assert summary.red_flags == ["rf_bladder_bowel", "rf_saddle_numbness"]
    assert summary.steps[0].id == "seek_emergency_care"
