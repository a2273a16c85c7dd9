"""The summary's outline, built once for every human-readable renderer.

Which parts a summary has, in which order, under which heading, and the sentence shown when
a part is empty: rich, Markdown and HTML each map these parts to their medium, so they
cannot drift apart in what they say or the order they say it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PartKey = Literal["triage", "chain", "contributors", "outlook", "steps", "answers", "disclaimer"]
Medium = Literal["terminal", "document"]


@dataclass(frozen=True, slots=True)
class Part:
    key: PartKey
    heading: str = ""
    empty: str = ""
    """What to say when the part has nothing to show."""


CHAIN_PATH = "feet → knees → hips / pelvis → lower back"

TRIAGE = Part("triage")
CHAIN = Part("chain", "How it fits together")
CONTRIBUTORS = Part(
    "contributors",
    "Likely contributors",
    "None found: nothing in your feet, footwear or habits stands out.",
)
OUTLOOK = Part("outlook", "Outlook")
STEPS = Part("steps", "What to do", "Nothing specific: keep active and comfortable.")
ANSWERS = Part("answers", "Your answers")
DISCLAIMER = Part("disclaimer")

OUTLINES: dict[Medium, tuple[Part, ...]] = {
    "terminal": (TRIAGE, CHAIN, CONTRIBUTORS, OUTLOOK, STEPS, DISCLAIMER),
    "document": (TRIAGE, CHAIN, CONTRIBUTORS, OUTLOOK, STEPS, ANSWERS, DISCLAIMER),
}
"""The parts in order: on a terminal, and in a document (which also lists the answers)."""


def outline(medium: Medium) -> tuple[Part, ...]:
    return OUTLINES[medium]
