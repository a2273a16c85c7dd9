"""The chain from the feet to the lower back, with what implicates each link.

Pure: it reads a summary and returns data, which each renderer draws in its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from footcheck.answer_tests import Answered, AnswerIs
from footcheck.render.wording import CONTRIBUTOR_SHORT, POSTURE_TEXT
from footcheck.summary import Summary

FOOT_PAIN = AnswerIs("other_pain", "feet")
KNEE_PAIN = AnswerIs("other_pain", "knees")
HIP_PAIN = AnswerIs("other_pain", "hips")
KNEES_INWARD = AnswerIs("knees_inward", "yes")
HIGH_HEELS = AnswerIs("main_footwear", "high_heels")
BACK_PAIN = AnswerIs("back_pain", True)
PAIN_INTENSITY = Answered("pain_intensity")
WORSE_STANDING = AnswerIs("pain_worse_standing", True)
WORSE_SITTING = AnswerIs("pain_worse_sitting", True)


@dataclass(frozen=True, slots=True)
class Link:
    name: str
    marks: list[str]

    @property
    def implicated(self) -> bool:
        return bool(self.marks)


def chain_links(summary: Summary) -> list[Link]:
    answers = summary.answers
    listed = {c.id for c in summary.contributors}
    posture = summary.foot_posture.classification

    feet: list[str] = []
    if posture not in ("neutral", "unknown", "inconclusive"):
        feet.append(POSTURE_TEXT[posture].split(" (")[0])
    if FOOT_PAIN.holds(answers):
        feet.append("foot pain")
    if "unsupportive_footwear" in listed:
        feet.append(CONTRIBUTOR_SHORT["unsupportive_footwear"])
    if "prolonged_standing" in listed:
        feet.append(CONTRIBUTOR_SHORT["prolonged_standing"])

    knees: list[str] = []
    if KNEES_INWARD.holds(answers):
        knees.append("drift inward when squatting")
    elif "overpronation" in listed:
        knees.append("pulled inward by rolling feet")
    if "underpronation" in listed:
        knees.append("jarred by rigid feet")
    if KNEE_PAIN.holds(answers):
        knees.append("knee pain")

    pelvis: list[str] = []
    if "overpronation" in listed:
        pelvis.append("tipped forward")
    if HIGH_HEELS.holds(answers):
        pelvis.append("tilted by high heels")
    if "prolonged_sitting" in listed:
        pelvis.append("stiff hips from long sitting")
    if HIP_PAIN.holds(answers):
        pelvis.append("hip pain")

    back: list[str] = []
    if BACK_PAIN.holds(answers):
        back.append(f"pain {PAIN_INTENSITY.value(answers)}/10")
        if WORSE_STANDING.holds(answers):
            back.append("worse standing")
        if WORSE_SITTING.holds(answers):
            back.append("worse sitting")
    if "heavy_lifting" in listed:
        back.append(CONTRIBUTOR_SHORT["heavy_lifting"])
    if "low_activity" in listed:
        back.append(CONTRIBUTOR_SHORT["low_activity"])

    return [
        Link("Feet", feet),
        Link("Knees", knees),
        Link("Hips / pelvis", pelvis),
        Link("Lower back", back),
    ]
