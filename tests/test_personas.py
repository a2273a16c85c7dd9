"""Realistic people, with everything their summary should say (checklist version 2).

Each outline was read by eye against docs/rules.md when written; a change to the rules
that moves any of them is a change to review, not to paper over.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from footcheck import evaluate
from footcheck.summary import DISCLAIMER, Summary
from tests.helpers import answers

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


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
        "steps": [(s.id, s.addresses, s.evidence, s.already_doing) for s in summary.steps],
    }


def test_retail_worker_standing_on_concrete_in_worn_flats() -> None:
    """A shop worker: 9 hours on concrete in worn flats, rolled-in sore feet, 6-12 weeks."""
    data = answers(
        age=34,
        back_pain=True,
        pain_intensity=6,
        pain_duration="6_to_12_weeks",
        pain_worse_standing=True,
        pain_worse_sitting=False,
        other_pain=["feet"],
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
        "triage": ("see_clinician", ["Your back pain has lasted 6 to 12 weeks."]),
        "red_flags": [],
        "start_back": {"total": 2, "psychosocial": 1, "risk": "low"},
        "foot_posture": {
            "classification": "highly_pronated",
            "source": "self_checks",
            "pronation_signs": 4,
            "supination_signs": 0,
            "fpi6_total": None,
        },
        "contributors": [
            (
                "overpronation",
                8,
                "high",
                [
                    ("wet_footprint", "full", 2),
                    ("shoe_wear", "inner_edge", 2),
                    ("knees_inward", "yes", 1),
                    ("heel_tilt", "inward", 2),
                    ("other_pain", "feet", 1),
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
            ("see_physiotherapist", ["triage"], "guideline", False),
            ("stay_active", ["back_pain"], "guideline", False),
            ("regular_exercise", ["back_pain", "low_activity"], "guideline", False),
            ("foot_strengthening", ["overpronation"], "limited", False),
            ("calf_ankle_mobility", ["overpronation"], "limited", False),
            ("supportive_footwear", ["overpronation", "unsupportive_footwear"], "practical", False),
            ("arch_support_insoles", ["overpronation", "other_pain"], "limited", False),
            ("gait_analysis", ["overpronation"], "practical", False),
            ("standing_relief", ["prolonged_standing"], "practical", False),
            ("replace_worn_shoes", ["unsupportive_footwear"], "practical", False),
            ("lifting_load_management", ["heavy_lifting"], "practical", False),
            ("plantar_fascia_mobilization", ["other_pain"], "limited", False),
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
                False,
            ),
        ],
    }


def test_office_worker_in_heels() -> None:
    """An office worker: 10 hours sitting, heels, pain worse sitting, one active day."""
    data = answers(
        age=29,
        back_pain=True,
        pain_intensity=4,
        pain_duration="under_6_weeks",
        pain_worse_standing=False,
        pain_worse_sitting=True,
        other_pain=[],
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
        "triage": (
            "self_care",
            [
                "You reported none of the warning signs footcheck asks about, and nothing "
                "that needs a clinician soon."
            ],
        ),
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
            ("stay_active", ["back_pain"], "guideline", False),
            ("regular_exercise", ["low_activity"], "guideline", False),
            ("movement_breaks", ["prolonged_sitting"], "practical", False),
            ("supportive_footwear", ["unsupportive_footwear"], "practical", False),
            ("limit_high_heels", ["unsupportive_footwear"], "practical", False),
            (
                "posture_awareness",
                ["prolonged_sitting", "unsupportive_footwear", "low_activity"],
                "practical",
                False,
            ),
        ],
    }


def test_runner_with_high_arches_and_lasting_pain() -> None:
    """A runner with high arches, worn trainers, foot and knee pain, pain over 12 weeks."""
    data = answers(
        age=45,
        back_pain=True,
        pain_intensity=7,
        pain_duration="over_12_weeks",
        pain_worse_standing=True,
        pain_worse_sitting=False,
        other_pain=["feet", "knees"],
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
            [
                "Your pain is 7 out of 10 on average (7 or more).",
                "Your back pain has lasted over 12 weeks.",
            ],
        ),
        "red_flags": [],
        "start_back": {"total": 2, "psychosocial": 0, "risk": "low"},
        "foot_posture": {
            "classification": "supinated",
            "source": "self_checks",
            "pronation_signs": 0,
            "supination_signs": 2,
            "fpi6_total": None,
        },
        "contributors": [
            (
                "underpronation",
                5,
                "moderate",
                [
                    ("arch_standing", "high", 2),
                    ("shoe_wear", "outer_edge", 2),
                    ("other_pain", "feet", 1),
                ],
            ),
            ("unsupportive_footwear", 3, "moderate", [("shoes_worn_out", True, 3)]),
            ("prolonged_sitting", 2, "low", [("sitting_hours", 6.0, 2)]),
        ],
        "steps": [
            ("see_physiotherapist", ["triage"], "guideline", False),
            ("stay_active", ["back_pain"], "guideline", False),
            ("foot_strengthening", ["underpronation"], "limited", False),
            ("calf_ankle_mobility", ["underpronation"], "limited", False),
            (
                "supportive_footwear",
                ["underpronation", "unsupportive_footwear"],
                "practical",
                False,
            ),
            ("arch_support_insoles", ["underpronation", "other_pain"], "limited", False),
            ("replace_worn_shoes", ["unsupportive_footwear"], "practical", False),
            ("movement_breaks", ["prolonged_sitting"], "practical", False),
            ("plantar_fascia_mobilization", ["other_pain"], "limited", False),
            (
                "posture_awareness",
                ["underpronation", "unsupportive_footwear", "prolonged_sitting"],
                "practical",
                False,
            ),
            ("regular_exercise", ["back_pain"], "guideline", True),
        ],
    }


def test_someone_already_doing_the_right_things_is_told_to_keep_going() -> None:
    """Athletic shoes, custom insoles, foot exercises and six active days: keep going."""
    data = answers(
        age=38,
        back_pain=True,
        pain_intensity=3,
        pain_duration="under_6_weeks",
        other_pain=["feet"],
        arch_standing="flat",
        heel_tilt="inward",
        shoe_wear="inner_edge",
        main_footwear="athletic",
        insoles="custom",
        foot_exercises=True,
        active_days=6,
    )
    summary = evaluate(data, now=NOW)
    assert outline(summary) == {
        "triage": (
            "self_care",
            [
                "You reported none of the warning signs footcheck asks about, and nothing "
                "that needs a clinician soon."
            ],
        ),
        "red_flags": [],
        "start_back": {"total": 0, "psychosocial": 0, "risk": "low"},
        "foot_posture": {
            "classification": "pronated",
            "source": "self_checks",
            "pronation_signs": 3,
            "supination_signs": 0,
            "fpi6_total": None,
        },
        "contributors": [
            (
                "overpronation",
                7,
                "high",
                [
                    ("arch_standing", "flat", 2),
                    ("shoe_wear", "inner_edge", 2),
                    ("heel_tilt", "inward", 2),
                    ("other_pain", "feet", 1),
                ],
            )
        ],
        "steps": [
            ("stay_active", ["back_pain"], "guideline", False),
            ("gait_analysis", ["overpronation"], "practical", False),
            ("plantar_fascia_mobilization", ["other_pain"], "limited", False),
            ("posture_awareness", ["overpronation"], "practical", False),
            ("foot_strengthening", ["overpronation"], "limited", True),
            ("calf_ankle_mobility", ["overpronation"], "limited", True),
            ("supportive_footwear", ["overpronation"], "practical", True),
        ],
    }


def test_numb_feet_get_a_foot_check_first_and_no_barefoot_steps() -> None:
    """Diabetes at 62 with new back pain: a foot check first; no ball rolling or insoles."""
    data = answers(
        age=62,
        diabetes_feet=True,
        back_pain=True,
        pain_intensity=4,
        pain_duration="under_6_weeks",
        other_pain=["feet"],
        arch_standing="flat",
        wet_footprint="full",
        heel_tilt="inward",
        main_footwear="minimal",
        standing_hours=5,
        hard_floors=True,
    )
    summary = evaluate(data, now=NOW)
    assert outline(summary) == {
        "triage": (
            "see_clinician",
            ["Back pain that is new at 62 (under 20 or 50 and over) is worth showing to a doctor."],
        ),
        "red_flags": [],
        "start_back": {"total": 0, "psychosocial": 0, "risk": "low"},
        "foot_posture": {
            "classification": "pronated",
            "source": "self_checks",
            "pronation_signs": 2,
            "supination_signs": 0,
            "fpi6_total": None,
        },
        "contributors": [
            (
                "overpronation",
                5,
                "moderate",
                [
                    ("arch_standing", "flat", 2),
                    ("heel_tilt", "inward", 2),
                    ("other_pain", "feet", 1),
                ],
            ),
            (
                "prolonged_standing",
                4,
                "moderate",
                [("standing_hours", 5.0, 2), ("hard_floors", True, 2)],
            ),
            ("unsupportive_footwear", 1, "low", [("main_footwear", "minimal", 1)]),
        ],
        "steps": [
            ("see_physiotherapist", ["triage"], "guideline", False),
            ("foot_check_podiatry", ["diabetes_feet"], "guideline", False),
            ("stay_active", ["back_pain"], "guideline", False),
            ("foot_strengthening", ["overpronation"], "limited", False),
            ("calf_ankle_mobility", ["overpronation"], "limited", False),
            ("supportive_footwear", ["overpronation", "unsupportive_footwear"], "practical", False),
            ("standing_relief", ["prolonged_standing"], "practical", False),
            (
                "posture_awareness",
                ["overpronation", "prolonged_standing", "unsupportive_footwear"],
                "practical",
                False,
            ),
        ],
    }


def test_person_with_cauda_equina_signs_sees_emergency_and_nothing_else() -> None:
    data = answers(
        back_pain=True,
        pain_intensity=8,
        rf_bladder_bowel=True,
        rf_saddle_numbness=True,
        lifting="often",
        main_footwear="high_heels",
    )
    summary = evaluate(data, now=NOW)
    assert summary.triage.level == "emergency"
    assert summary.red_flags == ["rf_bladder_bowel", "rf_saddle_numbness"]
    assert [s.id for s in summary.steps] == ["seek_emergency_care"]
    assert [c.id for c in summary.contributors] == ["unsupportive_footwear", "heavy_lifting"]
    exported = summary.model_dump(mode="json")
    assert exported["created_at"] == "2026-03-01T09:30:00Z"
    assert exported["schema_version"] == 2 and exported["checklist_version"] == 2
    assert exported["disclaimer"] == DISCLAIMER
    assert [r["id"] for r in exported["references"]] == [
        "nhs_plantar_fasciitis",
        "russell_2010",
        "saraceni_2020",
        "verbeek_2011",
        "nhs_back_pain",
        "nhs_cauda_equina",
    ]
