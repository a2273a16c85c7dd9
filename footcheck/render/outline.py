"""The summary's outline, built once for every human-readable renderer.

Which parts a summary has, in which order, under which heading, and the sentence shown when
a part is empty: rich, Markdown and HTML each map these parts to their medium, so they
cannot drift apart in what they say or the order they say it.

On a terminal the plan comes last, so it is what the person sees when the summary ends; in a
document it comes right after the triage. With an emergency or urgent result the
contributors are shown "for when you have been checked", and no step but the triage's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

from footcheck.render.chain import CAVEAT, PATH, TITLE
from footcheck.render.wording import SERIOUS, WAIT_FOR_DOCTOR
from footcheck.summary import Summary

PartKey = Literal[  # in a document's order
    "triage",
    "plan",
    "chain",
    "contributors",
    "outlook",
    "steps",
    "answers",
    "references",
    "disclaimer",
]
Medium = Literal["terminal", "document"]


@dataclass(frozen=True, slots=True)
class Part:
    key: PartKey
    heading: str = ""
    empty: str = ""
    """What to say when the part has nothing to show."""
    caption: str = ""
    """A line under the heading."""


TRIAGE = Part("triage")
PLAN = Part("plan", "Your plan")
CHAIN = Part("chain", TITLE, caption=f"{PATH[0].upper()}{PATH[1:]}. {CAVEAT}")
CONTRIBUTORS = Part(
    "contributors",
    "Likely contributors",
    "None found: nothing in your feet, footwear or habits stands out.",
)
CHECKED_FIRST_CONTRIBUTORS = replace(
    CONTRIBUTORS, heading="For when you have been checked: likely contributors"
)
OUTLOOK = Part("outlook", "Outlook")
STEPS = Part("steps", "What to do", "Nothing more to add: keep active and comfortable.")
CHECKED_FIRST_STEPS = replace(STEPS, empty=WAIT_FOR_DOCTOR)
ANSWERS = Part("answers", "Your answers")
REFERENCES = Part("references", "Sources")
DISCLAIMER = Part("disclaimer")

ORDER: dict[Medium, tuple[PartKey, ...]] = {
    "terminal": (
        "triage",
        "chain",
        "contributors",
        "outlook",
        "steps",
        "references",
        "disclaimer",
        "plan",
    ),
    "document": get_args(PartKey),
}
"""The parts in order: on a terminal, and in a document (which also lists the answers)."""


def outline(summary: Summary, medium: Medium) -> tuple[Part, ...]:
    serious = summary.triage.level in SERIOUS
    parts = {
        part.key: part
        for part in (
            TRIAGE,
            PLAN,
            CHAIN,
            CHECKED_FIRST_CONTRIBUTORS if serious else CONTRIBUTORS,
            OUTLOOK,
            CHECKED_FIRST_STEPS if serious else STEPS,
            ANSWERS,
            REFERENCES,
            DISCLAIMER,
        )
    }
    return tuple(parts[key] for key in ORDER[medium])
