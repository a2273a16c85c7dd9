"""The chain from the feet to the lower back, marked only by the person's own answers.

The chain is a hypothesis (docs/rules.md, "The chain"): a link is marked when the person's
own answers point to it, and nothing is inferred onto a link from another. Pure: it reads
a summary and returns data, which each renderer draws in its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from footcheck.checklist.conditions import Answered, AnswerIs
from footcheck.render.wording import contributor_short
from footcheck.summary import Summary
from footcheck.text.messages import say

FOOT_CONTRIBUTORS = (
    "overpronation",
    "underpronation",
    "unsupportive_footwear",
    "prolonged_standing",
)
BACK_CONTRIBUTORS = ("prolonged_sitting", "heavy_lifting", "low_activity")
FOOT_PAIN = AnswerIs("other_pain", "feet")
KNEE_PAIN = AnswerIs("other_pain", "knees")
HIP_PAIN = AnswerIs("other_pain", "hips")
KNEES_INWARD = AnswerIs("knees_inward", "yes")
BACK_PAIN = AnswerIs("back_pain", True)
PAIN_INTENSITY = Answered("pain_intensity")
WORSE_STANDING = AnswerIs("pain_worse_standing", True)
WORSE_SITTING = AnswerIs("pain_worse_sitting", True)


@dataclass(frozen=True, slots=True)
class Link:
    name: str
    marks: list[str]
    """What in the person's answers points to the link, in words; empty when nothing does."""

    @property
    def implicated(self) -> bool:
        return bool(self.marks)


def chain_links(summary: Summary) -> list[Link]:
    answers = summary.answers
    listed = [c.id for c in summary.contributors]

    feet = [contributor_short(c) for c in listed if c in FOOT_CONTRIBUTORS]
    if FOOT_PAIN.holds(answers):
        feet.append(say("summary.chain.mark.foot_pain"))

    knees: list[str] = []
    if KNEES_INWARD.holds(answers):
        knees.append(say("summary.chain.mark.knees_inward"))
    if KNEE_PAIN.holds(answers):
        knees.append(say("summary.chain.mark.knee_pain"))

    pelvis = [say("summary.chain.mark.hip_pain")] if HIP_PAIN.holds(answers) else []

    back: list[str] = []
    if BACK_PAIN.holds(answers):
        back.append(say("summary.chain.mark.back_pain", intensity=PAIN_INTENSITY.value(answers)))
        if WORSE_STANDING.holds(answers):
            back.append(say("summary.chain.mark.worse_standing"))
        if WORSE_SITTING.holds(answers):
            back.append(say("summary.chain.mark.worse_sitting"))
    back += [contributor_short(c) for c in listed if c in BACK_CONTRIBUTORS]

    return [
        Link(say("summary.chain.link.feet"), feet),
        Link(say("summary.chain.link.knees"), knees),
        Link(say("summary.chain.link.pelvis"), pelvis),
        Link(say("summary.chain.link.back"), back),
    ]
