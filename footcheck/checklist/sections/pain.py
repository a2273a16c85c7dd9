"""Section `pain`: whether there is back pain, how bad, for how long, and pain elsewhere.

``back_pain`` switches the rest of this section, and the STarT Back items, on or off.
"""

from __future__ import annotations

from footcheck.checklist.question import Condition, Question, SectionInfo, choices

SECTION = SectionInfo("pain", "Your pain", "Where it hurts, how much and for how long.")

BACK_PAIN = Condition("back_pain", "is_yes")
"""The questions about the pain apply only to someone who has it."""

QUESTIONS: tuple[Question, ...] = (
    Question(
        "back_pain",
        "pain",
        "boolean",
        "Have you had low back pain at any time in the last 2 weeks?",
        "Pain between the bottom of your ribs and the top of your legs, on one or both "
        "sides. If you answer no, the pain questions are skipped. If your pain is mainly "
        "higher up, between the shoulder blades, or in your chest, this checklist is not "
        "for it: see a doctor.",
        short="Low back pain in the last 2 weeks",
    ),
    Question(
        "pain_intensity",
        "pain",
        "integer",
        "On average over the last week, how bad was your back pain? (0 = none, 10 = worst "
        "imaginable)",
        "Think of a typical day last week, not the worst moment. 0 is no pain, 5 is pain "
        "that gets in the way of what you do, 10 is the worst pain you can imagine.",
        minimum=0,
        maximum=10,
        when=BACK_PAIN,
        short="Pain intensity (0-10)",
        loinc="72514-3",
    ),
    Question(
        "pain_duration",
        "pain",
        "choice",
        "How long has this bout of back pain lasted?",
        "Count from when this bout began. A new bout starts only after at least a month "
        "completely free of this pain.",
        choices=choices(
            ("under_6_weeks", "6_to_12_weeks", "over_12_weeks"),
            {
                "under_6_weeks": "under 6 weeks",
                "6_to_12_weeks": "6 to 12 weeks",
                "over_12_weeks": "over 12 weeks",
            },
        ),
        when=BACK_PAIN,
        short="Pain duration",
    ),
    Question(
        "pain_worse_standing",
        "pain",
        "boolean",
        "Is your back pain worse after standing or walking for a long time?",
        "For example at the end of a shift on your feet, or after a long walk or queue.",
        when=BACK_PAIN,
        short="Worse after long standing",
    ),
    Question(
        "pain_worse_sitting",
        "pain",
        "boolean",
        "Is your back pain worse after sitting for a long time?",
        "For example after a long drive, or a morning at a desk.",
        when=BACK_PAIN,
        short="Worse after long sitting",
    ),
    Question(
        "other_pain",
        "pain",
        "multi",
        "Do you also have pain in your feet, knees or hips? (choose any, or none)",
        "Pain further down the chain helps show whether your feet are part of the story. "
        "Type the numbers or names separated by commas, e.g. '1,2' or 'feet, knees'. "
        "Press Enter or type 'none' if you have none.",
        choices=choices(("feet", "knees", "hips")),
        short="Other pain",
    ),
)
