"""Red flags for serious spinal pathology, cauda equina syndrome first of all.

Emergency flags (possible cauda equina or progressive nerve damage) need same-day
emergency care; urgent flags (possible fracture, infection, cancer) need a prompt
appointment with a doctor.
"""

from __future__ import annotations

from footcheck.answers import Answers
from footcheck.catalogue import QUESTION_BY_ID

EMERGENCY_FLAGS: tuple[str, ...] = ("rf_bladder_bowel", "rf_saddle_numbness", "rf_leg_weakness")
URGENT_FLAGS: tuple[str, ...] = (
    "rf_trauma",
    "rf_fever_weight_loss",
    "rf_cancer_history",
    "rf_night_pain",
)
ALL_FLAGS: tuple[str, ...] = EMERGENCY_FLAGS + URGENT_FLAGS


def raised_flags(answers: Answers) -> list[str]:
    """Red-flag ids answered yes, in checklist order."""
    values = answers.__dict__
    return [flag for flag in ALL_FLAGS if values[flag] is True]


def flag_text(flag: str) -> str:
    """A short plain description of a red flag, for reasons and banners."""
    return QUESTION_BY_ID[flag].label
