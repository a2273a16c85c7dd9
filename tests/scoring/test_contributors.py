"""Contributors: one case for every row of the points table (docs/rules.md, "Contributors")."""

from __future__ import annotations

from typing import Any

import pytest

from footcheck import evaluate
from footcheck.scoring.contributors import likelihood
from tests.helpers import UNSURE_SELF_CHECKS, answers

CASES: list[tuple[str, dict[str, Any], str, int]] = [
    # overpronation, FPI-6
    ("fpi6 +6", dict(fpi6_total=6), "overpronation", 4),
    ("fpi6 +9", dict(fpi6_total=9), "overpronation", 4),
    ("fpi6 +10", dict(fpi6_total=10), "overpronation", 6),
    ("fpi6 +12", dict(fpi6_total=12), "overpronation", 6),
    ("fpi6 +5", dict(fpi6_total=5), "overpronation", 0),
    ("fpi6 ignores self-checks", dict(fpi6_total=0, arch_standing="flat"), "overpronation", 0),
    (
        "fpi6 +10 with foot and knee pain",
        dict(fpi6_total=10, other_pain=["feet", "knees"]),
        "overpronation",
        8,
    ),
    # overpronation, self-checks
    ("arch flat", dict(arch_standing="flat"), "overpronation", 2),
    ("arch low", dict(arch_standing="low"), "overpronation", 1),
    ("footprint full", dict(wet_footprint="full"), "overpronation", 2),
    ("shoe wear inner", dict(shoe_wear="inner_edge"), "overpronation", 2),
    ("knees inward", dict(knees_inward="yes"), "overpronation", 1),
    ("heel inward", dict(heel_tilt="inward"), "overpronation", 2),
    (
        "all pronation signs",
        dict(
            arch_standing="flat",
            wet_footprint="full",
            shoe_wear="inner_edge",
            knees_inward="yes",
            heel_tilt="inward",
        ),
        "overpronation",
        9,
    ),
    (
        "feet pain adds to a point",
        dict(arch_standing="low", other_pain=["feet"]),
        "overpronation",
        2,
    ),
    (
        "knee pain adds to a point",
        dict(arch_standing="low", other_pain=["knees"]),
        "overpronation",
        2,
    ),
    ("hip pain does not", dict(arch_standing="low", other_pain=["hips"]), "overpronation", 1),
    ("pain alone gives nothing", dict(other_pain=["feet", "knees"]), "overpronation", 0),
    # underpronation
    ("fpi6 -1", dict(fpi6_total=-1), "underpronation", 4),
    ("fpi6 -4", dict(fpi6_total=-4), "underpronation", 4),
    ("fpi6 -5", dict(fpi6_total=-5), "underpronation", 6),
    ("fpi6 -12", dict(fpi6_total=-12), "underpronation", 6),
    ("fpi6 0", dict(fpi6_total=0), "underpronation", 0),
    ("arch high", dict(arch_standing="high"), "underpronation", 2),
    ("footprint narrow", dict(wet_footprint="narrow"), "underpronation", 2),
    ("shoe wear outer", dict(shoe_wear="outer_edge"), "underpronation", 2),
    ("heel outward", dict(heel_tilt="outward"), "underpronation", 2),
    ("feet pain adds", dict(heel_tilt="outward", other_pain=["feet"]), "underpronation", 3),
    (
        "knee pain does not add",
        dict(heel_tilt="outward", other_pain=["knees"]),
        "underpronation",
        2,
    ),
    ("fpi6 -5 with foot pain", dict(fpi6_total=-5, other_pain=["feet"]), "underpronation", 7),
    ("pain alone gives nothing", dict(other_pain=["feet"]), "underpronation", 0),
    # footwear
    ("high heels", dict(main_footwear="high_heels"), "unsupportive_footwear", 4),
    ("flat unsupportive", dict(main_footwear="flat_unsupportive"), "unsupportive_footwear", 3),
    ("minimal", dict(main_footwear="minimal"), "unsupportive_footwear", 1),
    ("athletic", dict(main_footwear="athletic"), "unsupportive_footwear", 0),
    ("work boots", dict(main_footwear="work_boots"), "unsupportive_footwear", 0),
    ("worn out", dict(shoes_worn_out=True), "unsupportive_footwear", 3),
    (
        "worn-out heels",
        dict(main_footwear="high_heels", shoes_worn_out=True),
        "unsupportive_footwear",
        7,
    ),
    # standing
    ("stand 8 h", dict(standing_hours=8, sitting_hours=2), "prolonged_standing", 4),
    ("stand 14 h", dict(standing_hours=14, sitting_hours=2), "prolonged_standing", 4),
    ("stand 7.5 h", dict(standing_hours=7.5, sitting_hours=2), "prolonged_standing", 3),
    ("stand 6 h", dict(standing_hours=6), "prolonged_standing", 3),
    ("stand 5.5 h", dict(standing_hours=5.5), "prolonged_standing", 2),
    ("stand 4 h", dict(standing_hours=4), "prolonged_standing", 2),
    ("stand 3.5 h", dict(standing_hours=3.5), "prolonged_standing", 0),
    ("stand 4 h on hard floors", dict(standing_hours=4, hard_floors=True), "prolonged_standing", 4),
    ("stand 3 h on hard floors", dict(standing_hours=3, hard_floors=True), "prolonged_standing", 0),
    (
        "stand 8 h, hard floors, pain worse",
        dict(
            back_pain=True,
            standing_hours=8,
            sitting_hours=2,
            hard_floors=True,
            pain_worse_standing=True,
        ),
        "prolonged_standing",
        7,
    ),
    (
        "stand 2 h, pain worse",
        dict(back_pain=True, pain_worse_standing=True),
        "prolonged_standing",
        0,
    ),
    # sitting
    ("sit 10 h", dict(sitting_hours=10), "prolonged_sitting", 4),
    ("sit 9.5 h", dict(sitting_hours=9.5), "prolonged_sitting", 3),
    ("sit 8 h", dict(sitting_hours=8), "prolonged_sitting", 3),
    ("sit 6 h", dict(sitting_hours=6), "prolonged_sitting", 2),
    ("sit 5.5 h", dict(sitting_hours=5.5), "prolonged_sitting", 0),
    (
        "sit 6 h, pain worse",
        dict(back_pain=True, sitting_hours=6, pain_worse_sitting=True),
        "prolonged_sitting",
        3,
    ),
    ("sit 4 h, pain worse", dict(back_pain=True, pain_worse_sitting=True), "prolonged_sitting", 0),
    # lifting
    ("lift often", dict(lifting="often"), "heavy_lifting", 3),
    ("lift sometimes", dict(lifting="sometimes"), "heavy_lifting", 1),
    ("lift rarely", dict(lifting="rarely"), "heavy_lifting", 0),
    # activity
    ("0 active days", dict(active_days=0), "low_activity", 3),
    ("1 active day", dict(active_days=1), "low_activity", 2),
    ("2 active days", dict(active_days=2), "low_activity", 1),
    ("3 active days", dict(active_days=3), "low_activity", 0),
]


@pytest.mark.parametrize(
    ("name", "changes", "contributor", "points"), CASES, ids=[f"{c[2]}: {c[0]}" for c in CASES]
)
def test_points_table(name: str, changes: dict[str, Any], contributor: str, points: int) -> None:
    base = {} if "fpi6_total" in changes else UNSURE_SELF_CHECKS
    summary = evaluate(answers(**{**base, **changes}))
    found = {c.id: c for c in summary.contributors}
    if points == 0:
        assert contributor not in found
        return
    listed = found[contributor]
    assert listed.points == points
    assert listed.likelihood == likelihood(points)
    assert sum(e.points for e in listed.evidence) == points
    assert all(e.reason for e in listed.evidence)


@pytest.mark.parametrize(
    ("points", "expected"),
    [(1, "low"), (2, "low"), (3, "moderate"), (5, "moderate"), (6, "high"), (12, "high")],
)
def test_likelihood_bands(points: int, expected: str) -> None:
    assert likelihood(points) == expected


def test_neutral_person_has_no_contributors() -> None:
    assert evaluate(answers()).contributors == []


def test_sorted_by_points_then_id() -> None:
    summary = evaluate(
        answers(
            **UNSURE_SELF_CHECKS,
            lifting="often",
            active_days=0,
            sitting_hours=8,
            main_footwear="high_heels",
        )
    )
    assert [(c.id, c.points) for c in summary.contributors] == [
        ("unsupportive_footwear", 4),
        ("heavy_lifting", 3),
        ("low_activity", 3),
        ("prolonged_sitting", 3),
    ]


def test_evidence_names_question_and_answer() -> None:
    summary = evaluate(
        answers(**UNSURE_SELF_CHECKS, standing_hours=9, hard_floors=True, sitting_hours=1)
    )
    (standing,) = summary.contributors
    assert [(e.question, e.answer, e.points) for e in standing.evidence] == [
        ("standing_hours", 9.0, 4),
        ("hard_floors", True, 2),
    ]
