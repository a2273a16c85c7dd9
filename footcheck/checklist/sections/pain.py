"""Section `pain`: whether there is back pain, how bad, for how long, and pain elsewhere.

``back_pain`` switches the rest of this section, and the STarT Back items, on or off.
"""

from __future__ import annotations

from footcheck.checklist.question import Condition, Question, SectionInfo, choices

SECTION = SectionInfo("pain")

BACK_PAIN = Condition("back_pain", "is_yes")
"""The questions about the pain apply only to someone who has it."""

QUESTIONS: tuple[Question, ...] = (
    Question("back_pain", "pain", "boolean"),
    Question(
        "pain_intensity",
        "pain",
        "integer",
        minimum=0,
        maximum=10,
        when=BACK_PAIN,
        loinc="72514-3",
    ),
    Question(
        "pain_duration",
        "pain",
        "choice",
        choices("pain_duration", ("under_6_weeks", "6_to_12_weeks", "over_12_weeks")),
        when=BACK_PAIN,
    ),
    Question("pain_worse_standing", "pain", "boolean", when=BACK_PAIN),
    Question("pain_worse_sitting", "pain", "boolean", when=BACK_PAIN),
    Question("other_pain", "pain", "multi", choices("other_pain", ("feet", "knees", "hips"))),
)
