"""Likely contributors from feet, footwear and habits (SPEC section 4).

Every point is a row in one of the tables below and becomes an ``Evidence`` entry with a
plain reason, so a person can see exactly which answers point to each contributor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from footcheck.answers import Answers
from footcheck.catalogue import AnswerValue
from footcheck.summary import ContributorData, EvidenceData, Likelihood


@dataclass(frozen=True, slots=True)
class Point:
    """Points given when ``question`` has exactly this answer."""

    question: str
    value: str | bool | int
    points: int
    reason: str


@dataclass(frozen=True, slots=True)
class Band:
    """Points given when a number lies in [low, high)."""

    question: str
    low: float
    high: float
    points: int
    reason: str


@dataclass(frozen=True, slots=True)
class ContributorInfo:
    id: str
    title: str
    explanation: str


INFO: dict[str, ContributorInfo] = {
    c.id: c
    for c in (
        ContributorInfo(
            "overpronation",
            "Feet rolling inward (overpronation)",
            "When the arches flatten and the feet roll inward, the shins and knees turn "
            "inward too and the pelvis tips forward, increasing the curve of the lower back "
            "and the load on it.",
        ),
        ContributorInfo(
            "underpronation",
            "Feet rolling outward (underpronation / supination)",
            "High, rigid arches that roll outward absorb shock poorly, so more jolt travels "
            "up through stiff knees and hips into the lower back, and balance is less even.",
        ),
        ContributorInfo(
            "unsupportive_footwear",
            "Unsupportive or worn-out footwear",
            "Shoes without support or cushioning, or that have worn out, let the feet "
            "collapse or tilt; high heels push the body forward and the lower back arches "
            "to compensate.",
        ),
        ContributorInfo(
            "prolonged_standing",
            "Long hours on your feet",
            "Standing still for hours tires the muscles that hold your posture, so the "
            "arches and the lower back take more of the load, more so on hard floors.",
        ),
        ContributorInfo(
            "prolonged_sitting",
            "Long hours sitting",
            "Long sitting stiffens the hips and lets the back slump, and the load on the "
            "discs of the lower back stays high when you rarely change position.",
        ),
        ContributorInfo(
            "heavy_lifting",
            "Heavy lifting and carrying",
            "Frequent heavy lifting loads the lower back, especially with a bent or twisted "
            "back; it is one of the commonest triggers of back pain at work.",
        ),
        ContributorInfo(
            "low_activity",
            "Too little activity",
            "Regular activity keeps the back, hip and foot muscles strong and is one of the "
            "best-supported ways to recover from back pain and keep it away.",
        ),
    )
}

FPI6_POINTS: dict[str, tuple[tuple[int, int, int, str], ...]] = {
    "overpronation": (
        (6, 9, 4, "A clinician-measured FPI-6 of +6 to +9 means pronated feet."),
        (10, 12, 6, "A clinician-measured FPI-6 of +10 or more means highly pronated feet."),
    ),
    "underpronation": (
        (-4, -1, 4, "A clinician-measured FPI-6 of -1 to -4 means supinated feet."),
        (-12, -5, 6, "A clinician-measured FPI-6 of -5 or less means highly supinated feet."),
    ),
}

SELF_CHECK_POINTS: dict[str, tuple[Point, ...]] = {
    "overpronation": (
        Point("arch_standing", "flat", 2, "Flat arches let the foot roll inward."),
        Point("arch_standing", "low", 1, "Low arches are a mild sign of feet rolling inward."),
        Point("wet_footprint", "full", 2, "A full footprint shows the arch touching the ground."),
        Point(
            "shoe_wear",
            "inner_edge",
            2,
            "Soles worn on the inner edge show the foot rolls inward as you walk.",
        ),
        Point("knees_inward", "yes", 1, "Knees drifting inward often follow feet rolling inward."),
        Point("heel_tilt", "inward", 2, "A heel tilting inward is the classic sign of pronation."),
    ),
    "underpronation": (
        Point("arch_standing", "high", 2, "High arches tend to be rigid and roll outward."),
        Point("wet_footprint", "narrow", 2, "A narrow footprint shows a high, rigid arch."),
        Point(
            "shoe_wear",
            "outer_edge",
            2,
            "Soles worn on the outer edge show the foot rolls outward as you walk.",
        ),
        Point("heel_tilt", "outward", 2, "A heel tilting outward is a sign of supination."),
    ),
}

CHAIN_PAIN_POINTS: dict[str, tuple[tuple[str, int, str], ...]] = {
    "overpronation": (
        ("feet", 1, "Foot pain alongside these signs suggests the feet are under strain."),
        ("knees", 1, "Knee pain fits knees being pulled inward by rolling feet."),
    ),
    "underpronation": (
        ("feet", 1, "Foot pain alongside these signs suggests the feet are under strain."),
    ),
}

FOOTWEAR_POINTS: tuple[Point, ...] = (
    Point(
        "main_footwear",
        "high_heels",
        4,
        "High heels tip the body forward, so the lower back arches to keep you upright.",
    ),
    Point(
        "main_footwear",
        "flat_unsupportive",
        3,
        "Flat shoes without arch support let the arches collapse.",
    ),
    Point("main_footwear", "minimal", 1, "Minimal shoes give little support or cushioning."),
    Point(
        "shoes_worn_out",
        True,
        3,
        "Worn-out shoes have lost their cushioning and support and can tilt the foot.",
    ),
)

STANDING_BANDS: tuple[Band, ...] = (
    Band("standing_hours", 8, 24.001, 4, "8 hours or more a day on your feet is a heavy load."),
    Band("standing_hours", 6, 8, 3, "6 to 8 hours a day on your feet is a large load."),
    Band("standing_hours", 4, 6, 2, "4 to 6 hours a day on your feet adds up."),
)
STANDING_EXTRAS: tuple[Point, ...] = (
    Point("hard_floors", True, 2, "Hard floors give no cushioning, so every step jars more."),
    Point(
        "pain_worse_standing",
        True,
        1,
        "Your back pain gets worse with long standing or walking.",
    ),
)
SITTING_BANDS: tuple[Band, ...] = (
    Band("sitting_hours", 10, 24.001, 4, "10 hours or more a day sitting is very long."),
    Band("sitting_hours", 8, 10, 3, "8 to 10 hours a day sitting is long."),
    Band("sitting_hours", 6, 8, 2, "6 to 8 hours a day sitting adds up."),
)
SITTING_EXTRAS: tuple[Point, ...] = (
    Point("pain_worse_sitting", True, 1, "Your back pain gets worse with long sitting."),
)
LIFTING_POINTS: tuple[Point, ...] = (
    Point("lifting", "often", 3, "Lifting heavy loads most days strains the lower back."),
    Point("lifting", "sometimes", 1, "Lifting heavy loads now and then strains the back a little."),
)
ACTIVITY_POINTS: tuple[Point, ...] = (
    Point("active_days", 0, 3, "No days a week with 30 minutes of moderate activity."),
    Point("active_days", 1, 2, "Only one day a week with 30 minutes of moderate activity."),
    Point("active_days", 2, 1, "Two days a week of activity is below the 5 recommended."),
)


def likelihood(points: int) -> Likelihood:
    if points >= 6:
        return "high"
    if points >= 3:
        return "moderate"
    return "low"


def _matching(answers: Answers, points: tuple[Point, ...]) -> list[EvidenceData]:
    values = answers.__dict__
    found = []
    for point in points:
        value = values[point.question]
        if value == point.value:
            found.append(_evidence(point.question, value, point.points, point.reason))
    return found


def _in_band(answers: Answers, bands: tuple[Band, ...]) -> list[EvidenceData]:
    value = answers.__dict__[bands[0].question]
    if value is None:
        return []
    return [
        _evidence(b.question, value, b.points, b.reason) for b in bands if b.low <= value < b.high
    ]


def _evidence(question: str, answer: AnswerValue, points: int, reason: str) -> EvidenceData:
    return {"question": question, "answer": answer, "points": points, "reason": reason}


def _foot_posture_evidence(answers: Answers, contributor: str) -> list[EvidenceData]:
    if answers.fpi6_total is not None:
        total = answers.fpi6_total
        evidence = [
            _evidence("fpi6_total", total, points, reason)
            for low, high, points, reason in FPI6_POINTS[contributor]
            if low <= total <= high
        ]
    else:
        evidence = _matching(answers, SELF_CHECK_POINTS[contributor])
    if evidence and answers.other_pain:
        evidence += [
            _evidence("other_pain", list(answers.other_pain), points, reason)
            for where, points, reason in CHAIN_PAIN_POINTS[contributor]
            if where in answers.other_pain
        ]
    return evidence


def _standing(answers: Answers) -> list[EvidenceData]:
    evidence = _in_band(answers, STANDING_BANDS)
    if evidence:
        evidence += _matching(answers, STANDING_EXTRAS)
    return evidence


def _sitting(answers: Answers) -> list[EvidenceData]:
    evidence = _in_band(answers, SITTING_BANDS)
    if evidence:
        evidence += _matching(answers, SITTING_EXTRAS)
    return evidence


RULES: dict[str, Callable[[Answers], list[EvidenceData]]] = {
    "overpronation": lambda a: _foot_posture_evidence(a, "overpronation"),
    "underpronation": lambda a: _foot_posture_evidence(a, "underpronation"),
    "unsupportive_footwear": lambda a: _matching(a, FOOTWEAR_POINTS),
    "prolonged_standing": _standing,
    "prolonged_sitting": _sitting,
    "heavy_lifting": lambda a: _matching(a, LIFTING_POINTS),
    "low_activity": lambda a: _matching(a, ACTIVITY_POINTS),
}


def find_contributors(answers: Answers) -> list[ContributorData]:
    """Contributors with at least one point, highest points first, ties by id."""
    found: list[ContributorData] = []
    for cid, rule in RULES.items():
        evidence = rule(answers)
        points = sum(e["points"] for e in evidence)
        if points > 0:
            info = INFO[cid]
            found.append(
                {
                    "id": cid,
                    "title": info.title,
                    "points": points,
                    "likelihood": likelihood(points),
                    "evidence": evidence,
                    "explanation": info.explanation,
                }
            )
    found.sort(key=lambda c: (-c["points"], c["id"]))
    return found
