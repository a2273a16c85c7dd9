"""The red-flag questions, in asking order, each carrying the level it raises.

A question here with a ``red_flag`` level is a red flag: the calculation, the triage, the
reasons and every renderer read it from the catalogue, with no other edit.
"""

from __future__ import annotations

from footcheck.question import Question, RedFlagLevel, SectionInfo

SECTION = SectionInfo(
    "red_flags",
    "Warning signs",
    "Rare but important signs that need a doctor rather than a checklist.",
)


def red_flag(qid: str, level: RedFlagLevel, prompt: str, short: str, why: str) -> Question:
    return Question(
        qid,
        "red_flags",
        "boolean",
        prompt,
        why + " If you answer yes, your summary puts getting medical help before anything else.",
        short=short,
        red_flag=level,
    )


QUESTIONS: tuple[Question, ...] = (
    red_flag(
        "rf_bladder_bowel",
        "emergency",
        "Have you had new trouble passing urine, or lost control of your bladder or bowels?",
        "New bladder or bowel trouble",
        "New difficulty passing urine, or leaking urine or stools without meaning to, can "
        "mean the nerves at the base of the spine are being squeezed (cauda equina "
        "syndrome). It needs emergency care the same day.",
    ),
    red_flag(
        "rf_saddle_numbness",
        "emergency",
        "Do you have numbness around your genitals, buttocks or inner thighs?",
        "Saddle numbness",
        "Numbness or pins and needles in the area that would touch a saddle is another sign "
        "of cauda equina syndrome and needs emergency care the same day.",
    ),
    red_flag(
        "rf_leg_weakness",
        "emergency",
        "Do you have weakness or numbness in your legs that is getting worse, or does a foot "
        "drop or slap when you walk?",
        "Worsening leg weakness / foot drop",
        "Weakness that is spreading or getting worse, or a foot you cannot lift properly "
        "(it catches or slaps the floor), means a nerve is under pressure.",
    ),
    red_flag(
        "rf_trauma",
        "urgent",
        "Did your back pain begin after a significant fall or accident?",
        "Began after a fall or accident",
        "A fall from height, a car accident or a hard landing can break a bone in the spine, "
        "especially in older people or those with thin bones.",
    ),
    red_flag(
        "rf_fever_weight_loss",
        "urgent",
        "Have you had a fever, or lost weight without trying?",
        "Fever or unexplained weight loss",
        "Back pain together with fever or weight loss you cannot explain can be a sign of "
        "infection or other illness that a doctor should check.",
    ),
    red_flag(
        "rf_cancer_history",
        "urgent",
        "Have you ever had cancer?",
        "Ever had cancer",
        "New back pain in someone who has had cancer should be checked by a doctor, even if "
        "the cancer was treated long ago.",
    ),
    red_flag(
        "rf_night_pain",
        "urgent",
        "Is your pain constant, and does it not ease with rest or at night?",
        "Constant pain, no ease at rest or night",
        "Ordinary back pain usually changes with position and eases with rest. Pain that "
        "never lets up, even lying still at night, should be checked by a doctor.",
    ),
)
