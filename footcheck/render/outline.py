"""The summary's outline, built once for every human-readable renderer.

Which parts a summary has, in which order, under which heading, and the sentence shown when
a part is empty: rich, Markdown and HTML each map these parts to their medium, so they
cannot drift apart in what they say or the order they say it.

On a terminal the plan comes last, so it is what the person sees when the summary ends; in a
document it comes right after the triage. With an emergency or urgent result the
contributors are shown "for when you have been checked", and no step but the triage's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from footcheck.render.wording import SERIOUS
from footcheck.summary import Summary
from footcheck.text.messages import say, spoken

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
    words: str = ""
    """Names the part's words: ``summary.part.<words>.heading``, ``.empty`` and ``.caption``
    (a part without words has no heading)."""

    def _say(self, name: str) -> str:
        message_id = f"summary.part.{self.words}.{name}"
        return say(message_id) if self.words and message_id in spoken() else ""

    @property
    def heading(self) -> str:
        return self._say("heading")

    @property
    def empty(self) -> str:
        """What to say when the part has nothing to show."""
        return self._say("empty")

    @property
    def caption(self) -> str:
        """A line under the heading."""
        return self._say("caption")


TRIAGE = Part("triage")
PLAN = Part("plan", "plan")
CHAIN = Part("chain", "chain")
CONTRIBUTORS = Part("contributors", "contributors")
CHECKED_FIRST_CONTRIBUTORS = Part("contributors", "contributors_checked_first")
OUTLOOK = Part("outlook", "outlook")
STEPS = Part("steps", "steps")
CHECKED_FIRST_STEPS = Part("steps", "steps_checked_first")
ANSWERS = Part("answers", "answers")
REFERENCES = Part("references", "references")
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
