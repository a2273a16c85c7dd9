""" "Your plan": the summary in a few lines a person can act on.

The triage in one line, the top contributors one line each and the first three new steps
one line each. With an emergency or urgent result the plan is the triage alone: nothing
else is advised until a doctor has checked the person.
"""

from __future__ import annotations

from dataclasses import dataclass

from footcheck.render.wording import (
    SERIOUS,
    WAIT_FOR_DOCTOR,
    contributor_short,
    listed_steps,
)
from footcheck.summary import Step, Summary, TriageLevel

TOP_CONTRIBUTORS = 3
FIRST_STEPS = 3
PLAN_TRIAGE: dict[TriageLevel, str] = {
    "emergency": "EMERGENCY: call your emergency number now (999 UK, 112 EU, 911 North "
    "America, 119 Japan and Korea) or go to A&E.",
    "urgent": "URGENT: get an urgent appointment today: your doctor, an urgent-care line "
    "such as NHS 111, or urgent care.",
    "see_clinician": "Book a GP or physiotherapist appointment in the next week or two.",
    "self_care": "Start with self-care.",
}


@dataclass(frozen=True, slots=True)
class Plan:
    triage: str
    contributors: list[str]
    steps: list[Step]
    note: str = ""


def build_plan(summary: Summary) -> Plan:
    level = summary.triage.level
    if level in SERIOUS:
        return Plan(PLAN_TRIAGE[level], [], [], WAIT_FOR_DOCTOR)
    contributors = [
        f"{contributor_short(c.id).capitalize()}: {c.likelihood} likelihood ({c.points} "
        f"point{'s' if c.points != 1 else ''} from your answers)"
        for c in summary.contributors[:TOP_CONTRIBUTORS]
    ]
    new, _ = listed_steps(summary)
    note = "" if new else "No new steps: keep doing what you do."
    triage = PLAN_TRIAGE[level]
    if level == "self_care" and summary.triage.reasons:
        # Says why, honestly: no warning sign reported, or no back pain to check.
        triage = f"{triage} {summary.triage.reasons[0]}"
    return Plan(triage, contributors, new[:FIRST_STEPS], note)
