"""Section `footwear`: what the person wears on most days."""

from __future__ import annotations

from footcheck.checklist.question import Question, SectionInfo, choices

SECTION = SectionInfo("footwear")

QUESTIONS: tuple[Question, ...] = (
    Question(
        "main_footwear",
        "footwear",
        "choice",
        choices(
            "main_footwear",
            ("supportive", "athletic", "flat_unsupportive", "high_heels", "minimal", "work_boots"),
        ),
    ),
    Question("shoes_worn_out", "footwear", "boolean"),
    Question(
        "insoles", "footwear", "choice", choices("insoles", ("none", "off_the_shelf", "custom"))
    ),
)
