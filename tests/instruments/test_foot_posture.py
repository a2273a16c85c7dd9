"""Foot posture: every FPI-6 total and the self-check rules (docs/rules.md, "Foot posture")."""

from __future__ import annotations

import itertools

import pytest

from footcheck import evaluate
from footcheck.instruments.foot_posture.scoring import (
    assess_foot_posture,
    classify_self_checks,
    count_signs,
    fpi6_band,
    possible_signs,
)
from footcheck.instruments.registry import CATALOGUE
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
    assert posture.pronation_signs == 1  # still counted from the self-checks, arch once


@pytest.mark.parametrize(
    ("checks", "expected", "pronation", "supination"),
    [
        # fewer than two checks answered
        (dict(arch_standing="flat"), "unknown", 1, 0),
        ({}, "unknown", 0, 0),
        # arch height and the wet footprint are one sign, however many say so
        (dict(arch_standing="flat", wet_footprint="full"), "neutral", 1, 0),
        (dict(arch_standing="low", wet_footprint="full"), "neutral", 1, 0),
        (dict(arch_standing="high", wet_footprint="narrow"), "neutral", 0, 1),
        # pronation
        (dict(arch_standing="flat", shoe_wear="inner_edge"), "pronated", 2, 0),
        (dict(wet_footprint="full", knees_inward="yes"), "pronated", 2, 0),
        (dict(arch_standing="low", shoe_wear="inner_edge", knees_inward="yes"), "pronated", 3, 0),
        (
            dict(
                arch_standing="flat",
                wet_footprint="full",
                shoe_wear="inner_edge",
                knees_inward="yes",
                heel_tilt="inward",
            ),
            "highly_pronated",
            4,
            0,
        ),
        # supination
        (dict(arch_standing="high", shoe_wear="outer_edge"), "supinated", 0, 2),
        (
            dict(wet_footprint="narrow", shoe_wear="outer_edge", heel_tilt="outward"),
            "highly_supinated",
            0,
            3,
        ),
        # mixed: the arch can be a sign both ways when the two checks disagree
        (dict(arch_standing="flat", wet_footprint="narrow"), "neutral", 1, 1),
        (
            dict(arch_standing="flat", shoe_wear="inner_edge", wet_footprint="narrow",
                 heel_tilt="outward"),
            "inconclusive",
            2,
            2,
        ),
        (
            dict(arch_standing="flat", knees_inward="yes", shoe_wear="inner_edge",
                 heel_tilt="outward"),
            "pronated",
            3,
            1,
        ),
        (dict(arch_standing="flat", heel_tilt="outward"), "neutral", 1, 1),
        (dict(arch_standing="normal", wet_footprint="normal"), "neutral", 0, 0),
    ],
)  # fmt: skip
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


def test_the_signs_each_direction_can_have() -> None:
    """Four pronation signs (arch, shoe wear, knees, heel), three supination signs."""
    assert possible_signs(CATALOGUE) == {"pronation": 4, "supination": 3}


ARCH = ("flat", "low", "normal", "high", "unsure")
PRINT = ("full", "normal", "narrow", "unsure")
WEAR = ("inner_edge", "even", "outer_edge", "unsure")
KNEES = ("yes", "no", "unsure")
HEEL = ("inward", "straight", "outward", "unsure")


def spec_signs(
    arch: str, foot_print: str, wear: str, knees: str, heel: str
) -> tuple[int, int, int]:
    """The self-check rule restated from docs/rules.md: four signs one way, three the other."""
    pronation = (
        int(arch in ("flat", "low") or foot_print == "full")
        + (wear == "inner_edge")
        + (knees == "yes")
        + (heel == "inward")
    )
    supination = (
        int(arch == "high" or foot_print == "narrow") + (wear == "outer_edge") + (heel == "outward")
    )
    answered = sum(a != "unsure" for a in (arch, foot_print, wear, knees, heel))
    return pronation, supination, answered


def test_every_combination_of_self_checks() -> None:
    checked = 0
    for arch, foot_print, wear, knees, heel in itertools.product(ARCH, PRINT, WEAR, KNEES, HEEL):
        values = {
            "arch_standing": arch,
            "wet_footprint": foot_print,
            "shoe_wear": wear,
            "knees_inward": knees,
            "heel_tilt": heel,
        }
        expected = spec_signs(arch, foot_print, wear, knees, heel)
        assert count_signs(values, CATALOGUE) == expected, values
        posture = assess_foot_posture(values, CATALOGUE)
        assert posture.classification == classify_self_checks(*expected, CATALOGUE)
        checked += 1
    assert checked == 5 * 4 * 4 * 3 * 4


def test_classification_rule_over_every_count() -> None:
    """The foot posture rule restated independently, over every reachable count."""
    for pron, sup, answered in itertools.product(range(5), range(4), range(6)):
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
        assert classify_self_checks(pron, sup, answered, CATALOGUE) == expected
