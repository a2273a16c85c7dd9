"""The red-flag questions, in asking order, each carrying the level it raises.

A question here with a ``red_flag`` level is a red flag: the calculation, the triage, the
reasons and every renderer read it from the catalogue, with no other edit than its words
(``question.<id>.*`` in the checklist's message file: prompt, short, help and the reason
told back). They are asked only of someone with back pain, and never answered by a
default (docs/rules.md, "Red flags"). Wording follows the NHS back pain and cauda equina
pages.
"""

from __future__ import annotations

from footcheck.checklist.question import Question, RedFlagLevel, SectionInfo
from footcheck.checklist.sections.pain import BACK_PAIN

SECTION = SectionInfo("red_flags")


def red_flag(qid: str, level: RedFlagLevel) -> Question:
    return Question(qid, "red_flags", "boolean", when=BACK_PAIN, red_flag=level)


QUESTIONS: tuple[Question, ...] = (
    red_flag("rf_bladder_bowel", "emergency"),
    red_flag("rf_saddle_numbness", "emergency"),
    red_flag("rf_both_legs", "emergency"),
    red_flag("rf_leg_weakness", "emergency"),
    red_flag("rf_chest_pain", "emergency"),
    red_flag("rf_trauma", "emergency"),
    red_flag("rf_fever_weight_loss", "urgent"),
    red_flag("rf_night_pain", "urgent"),
    red_flag("rf_upper_back", "urgent"),
    red_flag("rf_lump_shape", "urgent"),
    red_flag("rf_cancer_history", "urgent"),
    red_flag("rf_immune_steroids", "urgent"),
)
