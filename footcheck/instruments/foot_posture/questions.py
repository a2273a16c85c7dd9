"""The foot self-checks and the clinician's FPI-6 total (section `feet`).

Each self-check names the trait it measures, and each of its answers that is a sign of
feet rolling inward (pronation) or outward (supination) says so (docs/rules.md, "Foot
posture").
"""

from __future__ import annotations

from footcheck.checklist.question import Question, SectionInfo, choices

SECTION = SectionInfo(
    "feet",
    "Your feet",
    "Quick self-checks you can do now, barefoot. You will need a mirror or someone to "
    "help, and for one check a sheet of paper or card and a little water. 'unsure' is "
    "always a fine answer.",
)

ARCH = "arch"
"""Arch height and the wet footprint measure the same trait: the height of the arch."""

FPI6_TOTAL = Question(
    "fpi6_total",
    "feet",
    "integer",
    # No "(press Enter to skip)": the prompt line says [Enter skips], and this text
    # is also the question in `questions`, the schema and the TOML template.
    "If a clinician has measured your Foot Posture Index (FPI-6), what was the total?",
    "The Foot Posture Index (FPI-6, Redmond) is six observations a podiatrist or "
    "physiotherapist makes of your standing foot, added up to a total from -12 (very "
    "supinated, rolls outward) to +12 (very pronated, rolls inward). If you have one, "
    "footcheck uses it instead of your self-checks. Most people skip this.",
    minimum=-12,
    maximum=12,
    optional=True,
    short="FPI-6 total (clinician)",
)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "arch_standing",
        "feet",
        "choice",
        "Standing barefoot, what do the arches of your feet look like?",
        "Stand barefoot on a hard floor with your weight even on both feet and look at the "
        "inside of each foot (a mirror or a phone photo taken from the side at floor level "
        "helps). Flat: the inner edge touches the floor. Low: you can barely slide a finger "
        "under it. Normal: a clear curve you can slide a finger under. High: a tall curve, "
        "most of the weight on the heel and ball of the foot.",
        choices=choices(
            ("flat", "low", "normal", "high", "unsure"),
            hints={
                "flat": "the inner edge touches the floor",
                "low": "you can barely slide a finger under it",
                "normal": "a clear curve, a finger slides under",
                "high": "a tall curve",
            },
            signs={"flat": "pronation", "low": "pronation", "high": "supination"},
        ),
        short="Arches when standing",
        trait=ARCH,
    ),
    Question(
        "wet_footprint",
        "feet",
        "choice",
        "What does your wet footprint look like?",
        "Wet the sole of your foot and step normally onto dry paper, card or a dark towel, "
        "then step off. Full: the whole sole shows, little or no curve on the inner side. "
        "Normal: the heel and ball joined by a band about half the width of the foot. "
        "Narrow: heel and ball joined by a thin strip, or not joined at all.",
        choices=choices(
            ("full", "normal", "narrow", "unsure"),
            hints={
                "full": "the whole sole shows",
                "normal": "heel and ball joined by a band half the foot wide",
                "narrow": "a thin strip between heel and ball, or none",
            },
            signs={"full": "pronation", "narrow": "supination"},
        ),
        short="Wet footprint",
        trait=ARCH,
    ),
    Question(
        "shoe_wear",
        "feet",
        "choice",
        "On shoes you have worn for months, where is the sole most worn?",
        "Turn over your most-worn everyday or walking shoes and look at the heel and the "
        "ball of the foot. Inner edge: worn most on the big-toe side. Outer edge: worn most "
        "on the little-toe side (a little outer heel wear is normal). Even: worn evenly.",
        choices=choices(
            ("inner_edge", "even", "outer_edge", "unsure"),
            {"inner_edge": "inner edge", "outer_edge": "outer edge"},
            hints={"inner_edge": "big-toe side", "outer_edge": "little-toe side"},
            signs={"inner_edge": "pronation", "outer_edge": "supination"},
        ),
        short="Where old soles wear",
        trait="shoe_wear",
    ),
    Question(
        "knees_inward",
        "feet",
        "choice",
        "When you do a slow half-squat, do your knees drift inward?",
        "Stand barefoot in front of a mirror, feet hip-width apart and pointing forward. "
        "Bend your knees slowly as if to sit on a high stool, then stand up again. Watch "
        "your kneecaps: do they move inward, towards each other, instead of staying over "
        "your second toes?",
        choices=choices(("yes", "no", "unsure"), signs={"yes": "pronation"}),
        short="Knees drift inward in squat",
        trait="knees",
    ),
    Question(
        "heel_tilt",
        "feet",
        "choice",
        "Seen from behind, which way do your heels tilt when you stand?",
        "Ask someone to take a phone photo of your heels from behind, at ankle height, "
        "while you stand barefoot and relaxed. Picture a line up the middle of the heel and "
        "the Achilles tendon. Inward: the heel leans in towards the other foot (the ankle "
        "bone bulges inward). Outward: it leans away. Straight: it is upright.",
        choices=choices(
            ("inward", "straight", "outward", "unsure"),
            hints={"inward": "leans towards the other foot", "outward": "leans away from it"},
            signs={"inward": "pronation", "outward": "supination"},
        ),
        short="Heel tilt from behind",
        trait="heel",
    ),
    FPI6_TOTAL,
)
