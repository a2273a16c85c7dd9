"""The chain from the feet to the lower back, with what implicates each link.

Pure: it reads a summary and returns data, which each renderer draws in its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from footcheck.render.wording import CONTRIBUTOR_SHORT, POSTURE_TEXT
from footcheck.summary import Summary


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
    other = answers.get("other_pain") or []
    assert isinstance(other, list)
    posture = summary.foot_posture.classification

    feet: list[str] = []
    if posture not in ("neutral", "unknown", "inconclusive"):
        feet.append(POSTURE_TEXT[posture].split(" (")[0])
    if "feet" in other:
        feet.append("foot pain")
    if "unsupportive_footwear" in listed:
        feet.append(CONTRIBUTOR_SHORT["unsupportive_footwear"])
    if "prolonged_standing" in listed:
        feet.append(CONTRIBUTOR_SHORT["prolonged_standing"])

    knees: list[str] = []
    if answers.get("knees_inward") == "yes":
        knees.append("drift inward when squatting")
    elif "overpronation" in listed:
        knees.append("pulled inward by rolling feet")
    if "underpronation" in listed:
        knees.append("jarred by rigid feet")
    if "knees" in other:
        knees.append("knee pain")

    pelvis: list[str] = []
    if "overpronation" in listed:
        pelvis.append("tipped forward")
    if answers.get("main_footwear") == "high_heels":
        pelvis.append("tilted by high heels")
    if "prolonged_sitting" in listed:
        pelvis.append("stiff hips from long sitting")
    if "hips" in other:
        pelvis.append("hip pain")

    back: list[str] = []
    if answers.get("back_pain"):
        back.append(f"pain {answers.get('pain_intensity')}/10")
        if answers.get("pain_worse_standing"):
            back.append("worse standing")
        if answers.get("pain_worse_sitting"):
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
