"""Section `profile`: who is answering."""

from __future__ import annotations

from footcheck.question import Question, SectionInfo

SECTION = SectionInfo("profile", "About you", "One question to start.")

AGE = Question(
    "age",
    "profile",
    "integer",
    "How old are you?",
    "Your age in years. footcheck is meant for people aged 16 and over; some warning "
    "signs matter more with age.",
    minimum=16,
    maximum=110,
    short="Age",
)

QUESTIONS: tuple[Question, ...] = (AGE,)
