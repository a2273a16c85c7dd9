"""The foot self-checks and the clinician's FPI-6 total (section `feet`).

Each self-check names the trait it measures, and each of its answers that is a sign of
feet rolling inward (pronation) or outward (supination) says so (docs/rules.md, "Foot
posture").
"""

from __future__ import annotations

from footcheck.checklist.question import Question, SectionInfo, choices

SECTION = SectionInfo("feet")

ARCH = "arch"
"""Arch height and the wet footprint measure the same trait: the height of the arch."""

FPI6_TOTAL = Question("fpi6_total", "feet", "integer", minimum=-12, maximum=12, optional=True)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "arch_standing",
        "feet",
        "choice",
        choices(
            "arch_standing",
            ("flat", "low", "normal", "high", "unsure"),
            signs={"flat": "pronation", "low": "pronation", "high": "supination"},
        ),
        trait=ARCH,
    ),
    Question(
        "wet_footprint",
        "feet",
        "choice",
        choices(
            "wet_footprint",
            ("full", "normal", "narrow", "unsure"),
            signs={"full": "pronation", "narrow": "supination"},
        ),
        trait=ARCH,
    ),
    Question(
        "shoe_wear",
        "feet",
        "choice",
        choices(
            "shoe_wear",
            ("inner_edge", "even", "outer_edge", "unsure"),
            signs={"inner_edge": "pronation", "outer_edge": "supination"},
        ),
        trait="shoe_wear",
    ),
    Question(
        "knees_inward",
        "feet",
        "choice",
        choices("knees_inward", ("yes", "no", "unsure"), signs={"yes": "pronation"}),
        trait="knees",
    ),
    Question(
        "heel_tilt",
        "feet",
        "choice",
        choices(
            "heel_tilt",
            ("inward", "straight", "outward", "unsure"),
            signs={"inward": "pronation", "outward": "supination"},
        ),
        trait="heel",
    ),
    FPI6_TOTAL,
)
