"""Foot posture: the Foot Posture Index (FPI-6, Redmond) bands, or the five self-checks.

SPEC section 3. A clinician's FPI-6 total wins over self-checks; self-checks are counted
as signs of pronation (rolling inward) and supination (rolling outward).
"""

from __future__ import annotations

from typing import Literal

from footcheck.answers import Answers
from footcheck.summary import FootPostureData, PostureClass

FPI6_BANDS: tuple[tuple[int, int, PostureClass], ...] = (
    (-12, -5, "highly_supinated"),
    (-4, -1, "supinated"),
    (0, 5, "neutral"),
    (6, 9, "pronated"),
    (10, 12, "highly_pronated"),
)

SELF_CHECKS: tuple[str, ...] = (
    "arch_standing",
    "wet_footprint",
    "shoe_wear",
    "knees_inward",
    "heel_tilt",
)
PRONATION_SIGNS: dict[str, frozenset[str]] = {
    "arch_standing": frozenset({"flat", "low"}),
    "wet_footprint": frozenset({"full"}),
    "shoe_wear": frozenset({"inner_edge"}),
    "knees_inward": frozenset({"yes"}),
    "heel_tilt": frozenset({"inward"}),
}
SUPINATION_SIGNS: dict[str, frozenset[str]] = {
    "arch_standing": frozenset({"high"}),
    "wet_footprint": frozenset({"narrow"}),
    "shoe_wear": frozenset({"outer_edge"}),
    "heel_tilt": frozenset({"outward"}),
}


def fpi6_band(total: int) -> PostureClass:
    """The FPI-6 band for a total from -12 to +12."""
    for low, high, band in FPI6_BANDS:
        if low <= total <= high:
            return band
    raise ValueError(f"FPI-6 total {total} is outside -12..+12")


def count_signs(answers: Answers) -> tuple[int, int, int]:
    """(pronation signs, supination signs, self-checks answered other than 'unsure')."""
    values = answers.__dict__
    pronation = sum(values[q] in signs for q, signs in PRONATION_SIGNS.items())
    supination = sum(values[q] in signs for q, signs in SUPINATION_SIGNS.items())
    answered = sum(values[q] not in (None, "unsure") for q in SELF_CHECKS)
    return pronation, supination, answered


def classify_self_checks(pronation: int, supination: int, answered: int) -> PostureClass:
    if answered < 2:
        return "unknown"
    if pronation >= 2 and pronation > supination:
        return "highly_pronated" if pronation >= 4 else "pronated"
    if supination >= 2 and supination > pronation:
        return "highly_supinated" if supination >= 3 else "supinated"
    if pronation >= 2 and pronation == supination:
        return "inconclusive"
    return "neutral"


def assess_foot_posture(answers: Answers) -> FootPostureData:
    pronation, supination, answered = count_signs(answers)
    source: Literal["fpi6", "self_checks"]
    if answers.fpi6_total is not None:
        classification = fpi6_band(answers.fpi6_total)
        source = "fpi6"
    else:
        classification = classify_self_checks(pronation, supination, answered)
        source = "self_checks"
    return {
        "classification": classification,
        "source": source,
        "pronation_signs": pronation,
        "supination_signs": supination,
        "fpi6_total": answers.fpi6_total,
    }
