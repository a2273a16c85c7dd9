""" "Your plan": the summary in a few lines a person can act on.

The triage in one line, the top contributors one line each and the first three new steps
one line each. With an emergency or urgent result the plan is the triage alone: nothing
else is advised until a doctor has checked the person.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from footcheck.render.wording import (
    SERIOUS,
    contributor_short,
    likelihood_text,
    listed_steps,
)
from footcheck.summary import Step, Summary, TriageLevel
from footcheck.text.messages import Words, plural, say

TOP_CONTRIBUTORS = 3
FIRST_STEPS = 3
PLAN_TRIAGE: Mapping[TriageLevel, str] = Words("summary.plan.triage.*")
"""The triage in the plan's one line, by level."""


@dataclass(frozen=True, slots=True)
class Plan:
    triage: str
    contributors: list[str]
    steps: list[Step]
    note: str = ""


def build_plan(summary: Summary) -> Plan:
    level = summary.triage.level
    if level in SERIOUS:
        return Plan(PLAN_TRIAGE[level], [], [], say("summary.wait_for_doctor"))
    contributors = [
        say(
            f"summary.plan.contributor.{plural(c.points)}",
            name=contributor_short(c.id).capitalize(),
            likelihood=likelihood_text(c.likelihood),
            points=c.points,
        )
        for c in summary.contributors[:TOP_CONTRIBUTORS]
    ]
    new, _ = listed_steps(summary)
    note = "" if new else say("summary.plan.no_new_steps")
    triage = PLAN_TRIAGE[level]
    if level == "self_care" and summary.triage.reasons:
        # Says why, honestly: no warning sign reported, or no back pain to check.
        triage = say(
            "summary.plan.self_care_because", triage=triage, reason=summary.triage.reasons[0]
        )
    return Plan(triage, contributors, new[:FIRST_STEPS], note)
