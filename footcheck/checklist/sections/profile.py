"""Section `profile`: who is answering."""

from __future__ import annotations

from footcheck.checklist.question import Question, SectionInfo

SECTION = SectionInfo("profile")

AGE = Question("age", "profile", "integer", minimum=16, maximum=110)

DIABETES_FEET = Question("diabetes_feet", "profile", "boolean")

QUESTIONS: tuple[Question, ...] = (AGE, DIABETES_FEET)
