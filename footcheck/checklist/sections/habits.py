"""Section `habits`: standing, sitting, lifting and activity on a typical day."""

from __future__ import annotations

from footcheck.checklist.question import Condition, Question, SectionInfo, choices

SECTION = SectionInfo("habits")

STANDS = Condition("standing_hours", "above_zero")
"""The floor question applies only to someone who spends time on their feet."""

QUESTIONS: tuple[Question, ...] = (
    Question("standing_hours", "habits", "number", minimum=0, maximum=24),
    Question("hard_floors", "habits", "boolean", when=STANDS),
    Question("sitting_hours", "habits", "number", minimum=0, maximum=24),
    Question("lifting", "habits", "choice", choices("lifting", ("rarely", "sometimes", "often"))),
    Question("active_days", "habits", "integer", minimum=0, maximum=7),
    Question("foot_exercises", "habits", "boolean"),
)

DAY_HOURS = ("standing_hours", "sitting_hours")
"""Hours on the feet and hours sitting share one day: together at most HOURS_IN_A_DAY."""
HOURS_IN_A_DAY = 24
