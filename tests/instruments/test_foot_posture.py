"""Foot posture: every FPI-6 total and the self-check rules (docs/rules.md, "Foot posture")."""

from __future__ import annotations

import itertools

import pytest

from footcheck import evaluate
from footcheck.instruments.foot_posture.calculation import classify_self_checks, fpi6_band
from tests.helpers import UNSURE_SELF_CHECKS, answers

EXPECTED_FPI6 = {
    **dict.fromkeys(range(-12, -4), "highly_supinated"),
    **dict.fromkeys(range(-4, 0), "supinated"),
    **dict.fromkeys(range(6), "neutral"),
    **dict.fromkeys(range(6, 10), "pronated"),
    **dict.fromkeys(range(10, 13), "highly_pronated"),
}


def test_all_25_fpi6_totals_are_banded() -> None:
    assert len(EXPECTED_FPI6) == 25
    for total, band in EXPECTED_FPI6.items():
        assert fpi6_band(total) == band, total
        posture = evaluate(answers(fpi6_total=total)).foot_posture
        assert (posture.classification, posture.source, posture.fpi6_total) == (
            band,
            "fpi6",
            total,
        )


def test_fpi6_outside_range_is_refused() -> None:
    with pytest.raises(ValueError):
        fpi6_band(13)


def test_fpi6_wins_over_self_checks() -> None:
    posture = evaluate(
        answers(fpi6_total=-8, arch_standing="flat", wet_footprint="full")
    ).foot_posture
    assert posture.classification == "highly_supinated"
    assert posture.source == "fpi6"
    assert posture.pronation_signs == 2


@pytest.mark.parametrize(
    ("checks", "expected", "pronation", "supination"),
    [
        # fewer than two checks answered
        (dict(arch_standing="flat"), "unknown", 1, 0),
        ({}, "unknown", 0, 0),
        # pronation
        (dict(arch_standing="flat", wet_footprint="full"), "pronated", 2, 0),
        (dict(arch_standing="low", shoe_wear="inner_edge", knees_inward="yes"), "pronated", 3, 0),
        (
            dict(
                arch_standing="flat",
                wet_footprint="full",
                shoe_wear="inner_edge",
                knees_inward="yes",
            ),
            "highly_pronated",
            4,
            0,
        ),
        (
            dict(
                arch_standing="flat",
                wet_footprint="full",
                shoe_wear="inner_edge",
                knees_inward="yes",
                heel_tilt="inward",
            ),
            "highly_pronated",
            5,
            0,
        ),
        # supination
        (dict(arch_standing="high", wet_footprint="narrow"), "supinated", 0, 2),
        (
            dict(arch_standing="high", wet_footprint="narrow", shoe_wear="outer_edge"),
            "highly_supinated",
            0,
            3,
        ),
        (
            dict(
                arch_standing="high",
                wet_footprint="narrow",
                shoe_wear="outer_edge",
                heel_tilt="outward",
            ),
            "highly_supinated",
            0,
            4,
        ),
        # mixed
        (
            dict(
                arch_standing="flat",
                wet_footprint="full",
                shoe_wear="outer_edge",
                heel_tilt="outward",
            ),
            "inconclusive",
            2,
            2,
        ),
        (
            dict(
                arch_standing="flat",
                wet_footprint="full",
                knees_inward="yes",
                shoe_wear="outer_edge",
                heel_tilt="outward",
            ),
            "pronated",
            3,
            2,
        ),
        (dict(arch_standing="flat", heel_tilt="outward"), "neutral", 1, 1),
        (dict(arch_standing="normal", wet_footprint="normal"), "neutral", 0, 0),
    ],
)
def test_self_check_classification(
    checks: dict[str, str], expected: str, pronation: int, supination: int
) -> None:
    posture = evaluate(answers(**{**UNSURE_SELF_CHECKS, **checks})).foot_posture
    assert posture.source == "self_checks"
    assert (posture.classification, posture.pronation_signs, posture.supination_signs) == (
        expected,
        pronation,
        supination,
    )


def test_classification_rule_over_every_count() -> None:
    """The foot posture rule restated independently, over every reachable count."""
    for pron, sup, answered in itertools.product(range(6), range(5), range(6)):
        if answered < 2:
            expected = "unknown"
        elif pron >= 2 and pron > sup:
            expected = "highly_pronated" if pron >= 4 else "pronated"
        elif sup >= 2 and sup > pron:
            expected = "highly_supinated" if sup >= 3 else "supinated"
        elif pron >= 2 and sup == pron:
            expected = "inconclusive"
        else:
            expected = "neutral"
        assert classify_self_checks(pron, sup, answered) == expected
