"""Section `profile`: who is answering."""

from __future__ import annotations

from footcheck.checklist.question import Question, SectionInfo

SECTION = SectionInfo("profile", "About you", "Two questions to start.")

AGE = Question(
    "age",
    "profile",
    "integer",
    "How old are you?",
    "Your age in years. footcheck is meant for people aged 16 and over. Back pain that "
    "is new before 20 or from 50 on is worth showing to a doctor.",
    minimum=16,
    maximum=110,
    short="Age",
)

DIABETES_FEET = Question(
    "diabetes_feet",
    "profile",
    "boolean",
    "Do you have diabetes, or numbness or loss of feeling in your feet?",
    "Diabetes can reduce the feeling in your feet, so a blister or cut from an exercise "
    "or a new insole can go unnoticed. If you answer yes, footcheck asks you to have "
    "your feet checked before trying the foot steps.",
    short="Diabetes or numb feet",
)

QUESTIONS: tuple[Question, ...] = (AGE, DIABETES_FEET)
