"""Section `habits`: standing, sitting, lifting and activity on a typical day."""

from __future__ import annotations

from footcheck.checklist.question import Condition, Question, SectionInfo, choices

SECTION = SectionInfo("habits", "Your day", "How long you stand, sit, lift and move.")

STANDS = Condition("standing_hours", "above_zero")
"""The floor question applies only to someone who spends time on their feet."""

QUESTIONS: tuple[Question, ...] = (
    Question(
        "standing_hours",
        "habits",
        "number",
        "On a typical day, how many hours are you on your feet (standing or walking)?",
        "Add up work, housework, commuting and errands. Halves are fine, e.g. 6.5.",
        minimum=0,
        maximum=24,
        short="Hours a day on feet",
    ),
    Question(
        "hard_floors",
        "habits",
        "boolean",
        "Is most of your time on your feet spent on hard floors such as concrete or tile?",
        "Concrete, tile, stone and thin-carpeted concrete count as hard. Wood floors, "
        "grass, thick carpet and anti-fatigue mats do not.",
        when=STANDS,
        short="Mostly hard floors",
    ),
    Question(
        "sitting_hours",
        "habits",
        "number",
        "On a typical day, how many hours do you spend sitting?",
        "At a desk, driving, on the sofa, at meals. Standing and sitting hours together "
        "can be at most 24.",
        minimum=0,
        maximum=24,
        short="Hours a day sitting",
    ),
    Question(
        "lifting",
        "habits",
        "choice",
        "How often do you lift or carry heavy loads?",
        "Heavy: roughly 10 kg or more (a full shopping crate, a toddler, a bag of "
        "cement). Often: most days. Sometimes: from a few times a month to a few times a "
        "week. Rarely: hardly ever.",
        choices=choices(("rarely", "sometimes", "often")),
        short="Heavy lifting",
    ),
    Question(
        "active_days",
        "habits",
        "integer",
        "On how many days a week do you do at least 30 minutes of moderate activity?",
        "Moderate activity makes you breathe faster and feel warmer: brisk walking, "
        "cycling, swimming, dancing, heavy gardening. 0 to 7.",
        minimum=0,
        maximum=7,
        short="Active days a week",
    ),
    Question(
        "foot_exercises",
        "habits",
        "boolean",
        "Are you already doing foot or calf exercises?",
        "For example toe curls, towel scrunches, heel raises or calf stretches, at least a "
        "few times a week.",
        short="Already doing foot exercises",
    ),
)

DAY_HOURS = ("standing_hours", "sitting_hours")
"""Hours on the feet and hours sitting share one day: together at most HOURS_IN_A_DAY."""
HOURS_IN_A_DAY = 24
