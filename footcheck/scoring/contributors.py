"""Likely contributors from feet, footwear and habits (docs/rules.md, "Contributors").

Every point is a row in one of the rule tables below and becomes an evidence row with a
plain reason, so a person can see exactly which answers point to each contributor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footcheck.answer_tests import Answered, AnswerIs, AnswerTest, NumberFrom

if TYPE_CHECKING:
    from footcheck.question import AnswerValue
    from footcheck.summary import ContributorData, EvidenceData, Likelihood


@dataclass(frozen=True, slots=True)
class Point:
    """``points`` when ``test`` holds, with the reason it matters."""

    test: AnswerTest
    points: int
    reason: str


@dataclass(frozen=True, slots=True)
class FirstOf:
    """Only the first of these points that holds scores (answers measuring one trait)."""

    points: tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class ContributorRule:
    id: str
    title: str
    explanation: str
    points: tuple[Point | FirstOf, ...]
    """Every point that holds scores."""
    extras: tuple[Point, ...] = ()
    """Scored only when ``points`` scored something: they add weight, not a finding."""
    measured: Answered | None = None
    """When this answer is given, ``measured_points`` are used instead of ``points``."""
    measured_points: tuple[Point, ...] = ()


FPI6 = Answered("fpi6_total")
FOOT_PAIN = "Foot pain alongside these signs suggests the feet are under strain."

RULES: tuple[ContributorRule, ...] = (
    ContributorRule(
        "overpronation",
        "Feet rolling inward (overpronation)",
        "When the arches flatten and the feet roll inward, the shins and knees turn "
        "inward too and the pelvis tips forward, increasing the curve of the lower back "
        "and the load on it.",
        points=(
            Point(AnswerIs("arch_standing", "flat"), 2, "Flat arches let the foot roll inward."),
            Point(
                AnswerIs("arch_standing", "low"),
                1,
                "Low arches are a mild sign of feet rolling inward.",
            ),
            Point(
                AnswerIs("wet_footprint", "full"),
                2,
                "A full footprint shows the arch touching the ground.",
            ),
            Point(
                AnswerIs("shoe_wear", "inner_edge"),
                2,
                "Soles worn on the inner edge show the foot rolls inward as you walk.",
            ),
            Point(
                AnswerIs("knees_inward", "yes"),
                1,
                "Knees drifting inward often follow feet rolling inward.",
            ),
            Point(
                AnswerIs("heel_tilt", "inward"),
                2,
                "A heel tilting inward is the classic sign of pronation.",
            ),
        ),
        measured=FPI6,
        measured_points=(
            Point(
                NumberFrom("fpi6_total", 6, 10),
                4,
                "A clinician-measured FPI-6 of +6 to +9 means pronated feet.",
            ),
            Point(
                NumberFrom("fpi6_total", 10),
                6,
                "A clinician-measured FPI-6 of +10 or more means highly pronated feet.",
            ),
        ),
        extras=(
            Point(AnswerIs("other_pain", "feet"), 1, FOOT_PAIN),
            Point(
                AnswerIs("other_pain", "knees"),
                1,
                "Knee pain fits knees being pulled inward by rolling feet.",
            ),
        ),
    ),
    ContributorRule(
        "underpronation",
        "Feet rolling outward (underpronation / supination)",
        "High, rigid arches that roll outward absorb shock poorly, so more jolt travels "
        "up through stiff knees and hips into the lower back, and balance is less even.",
        points=(
            Point(
                AnswerIs("arch_standing", "high"),
                2,
                "High arches tend to be rigid and roll outward.",
            ),
            Point(
                AnswerIs("wet_footprint", "narrow"),
                2,
                "A narrow footprint shows a high, rigid arch.",
            ),
            Point(
                AnswerIs("shoe_wear", "outer_edge"),
                2,
                "Soles worn on the outer edge show the foot rolls outward as you walk.",
            ),
            Point(
                AnswerIs("heel_tilt", "outward"),
                2,
                "A heel tilting outward is a sign of supination.",
            ),
        ),
        measured=FPI6,
        measured_points=(
            Point(
                NumberFrom("fpi6_total", -4, 0),
                4,
                "A clinician-measured FPI-6 of -1 to -4 means supinated feet.",
            ),
            Point(
                NumberFrom("fpi6_total", -12, -4),
                6,
                "A clinician-measured FPI-6 of -5 or less means highly supinated feet.",
            ),
        ),
        extras=(Point(AnswerIs("other_pain", "feet"), 1, FOOT_PAIN),),
    ),
    ContributorRule(
        "unsupportive_footwear",
        "Unsupportive or worn-out footwear",
        "Shoes without support or cushioning, or that have worn out, let the feet "
        "collapse or tilt; high heels push the body forward and the lower back arches "
        "to compensate.",
        points=(
            Point(
                AnswerIs("main_footwear", "high_heels"),
                4,
                "High heels tip the body forward, so the lower back arches to keep you upright.",
            ),
            Point(
                AnswerIs("main_footwear", "flat_unsupportive"),
                3,
                "Flat shoes without arch support let the arches collapse.",
            ),
            Point(
                AnswerIs("main_footwear", "minimal"),
                1,
                "Minimal shoes give little support or cushioning.",
            ),
            Point(
                AnswerIs("shoes_worn_out", True),
                3,
                "Worn-out shoes have lost their cushioning and support and can tilt the foot.",
            ),
        ),
    ),
    ContributorRule(
        "prolonged_standing",
        "Long hours on your feet",
        "Standing still for hours tires the muscles that hold your posture, so the "
        "arches and the lower back take more of the load, more so on hard floors.",
        points=(
            FirstOf(
                (
                    Point(
                        NumberFrom("standing_hours", 8),
                        4,
                        "8 hours or more a day on your feet is a heavy load.",
                    ),
                    Point(
                        NumberFrom("standing_hours", 6, 8),
                        3,
                        "6 to 8 hours a day on your feet is a large load.",
                    ),
                    Point(
                        NumberFrom("standing_hours", 4, 6),
                        2,
                        "4 to 6 hours a day on your feet adds up.",
                    ),
                )
            ),
        ),
        extras=(
            Point(
                AnswerIs("hard_floors", True),
                2,
                "Hard floors give no cushioning, so every step jars more.",
            ),
            Point(
                AnswerIs("pain_worse_standing", True),
                1,
                "Your back pain gets worse with long standing or walking.",
            ),
        ),
    ),
    ContributorRule(
        "prolonged_sitting",
        "Long hours sitting",
        "Long sitting stiffens the hips and lets the back slump, and the load on the "
        "discs of the lower back stays high when you rarely change position.",
        points=(
            FirstOf(
                (
                    Point(
                        NumberFrom("sitting_hours", 10),
                        4,
                        "10 hours or more a day sitting is very long.",
                    ),
                    Point(
                        NumberFrom("sitting_hours", 8, 10),
                        3,
                        "8 to 10 hours a day sitting is long.",
                    ),
                    Point(
                        NumberFrom("sitting_hours", 6, 8), 2, "6 to 8 hours a day sitting adds up."
                    ),
                )
            ),
        ),
        extras=(
            Point(
                AnswerIs("pain_worse_sitting", True),
                1,
                "Your back pain gets worse with long sitting.",
            ),
        ),
    ),
    ContributorRule(
        "heavy_lifting",
        "Heavy lifting and carrying",
        "Frequent heavy lifting loads the lower back, especially with a bent or twisted "
        "back; it is one of the commonest triggers of back pain at work.",
        points=(
            Point(
                AnswerIs("lifting", "often"),
                3,
                "Lifting heavy loads most days strains the lower back.",
            ),
            Point(
                AnswerIs("lifting", "sometimes"),
                1,
                "Lifting heavy loads now and then strains the back a little.",
            ),
        ),
    ),
    ContributorRule(
        "low_activity",
        "Too little activity",
        "Regular activity keeps the back, hip and foot muscles strong and is one of the "
        "best-supported ways to recover from back pain and keep it away.",
        points=(
            Point(
                AnswerIs("active_days", 0),
                3,
                "No days a week with 30 minutes of moderate activity.",
            ),
            Point(
                AnswerIs("active_days", 1),
                2,
                "Only one day a week with 30 minutes of moderate activity.",
            ),
            Point(
                AnswerIs("active_days", 2),
                1,
                "Two days a week of activity is below the 5 recommended.",
            ),
        ),
    ),
)
RULE_BY_ID: Mapping[str, ContributorRule] = {rule.id: rule for rule in RULES}
HIGH_FROM = 6
MODERATE_FROM = 3


def likelihood(points: int) -> Likelihood:
    if points >= HIGH_FROM:
        return "high"
    if points >= MODERATE_FROM:
        return "moderate"
    return "low"


def _evidence(point: Point, values: Mapping[str, AnswerValue]) -> EvidenceData:
    return {
        "question": point.test.question,
        "answer": values[point.test.question],
        "points": point.points,
        "reason": point.reason,
    }


def _scored(
    points: tuple[Point | FirstOf, ...], values: Mapping[str, AnswerValue]
) -> list[EvidenceData]:
    found: list[EvidenceData] = []
    for item in points:
        if isinstance(item, FirstOf):
            first = next((p for p in item.points if p.test.holds(values)), None)
            if first is not None:
                found.append(_evidence(first, values))
        elif item.test.holds(values):
            found.append(_evidence(item, values))
    return found


def rule_evidence(rule: ContributorRule, values: Mapping[str, AnswerValue]) -> list[EvidenceData]:
    """The evidence rows one contributor's rule finds in these answers."""
    measured = rule.measured is not None and rule.measured.holds(values)
    evidence = _scored(rule.measured_points if measured else rule.points, values)
    if evidence:
        evidence += _scored(rule.extras, values)
    return evidence


def find_contributors(values: Mapping[str, AnswerValue]) -> list[ContributorData]:
    """Contributors with at least one point, highest points first, ties by id."""
    found: list[ContributorData] = []
    for rule in RULES:
        evidence = rule_evidence(rule, values)
        points = sum(e["points"] for e in evidence)
        if points > 0:
            found.append(
                {
                    "id": rule.id,
                    "title": rule.title,
                    "points": points,
                    "likelihood": likelihood(points),
                    "evidence": evidence,
                    "explanation": rule.explanation,
                }
            )
    found.sort(key=lambda c: (-c["points"], c["id"]))
    return found
