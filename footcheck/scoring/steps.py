"""Suggested steps, each labelled with the strength of its evidence and its sources
(docs/rules.md, "Steps").

With an emergency or urgent triage the triage step is the only step: nothing to try at
home comes before a doctor has checked the person. Otherwise the steps follow the triage,
a diabetes foot check, the guideline self-management steps and then each contributor's
steps, the highest-ranked contributor's first; steps the answers show the person already
does come last, as "keep going".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from footcheck.checklist.conditions import AnswerIn, AnswerIs, NumberFrom
from footcheck.summary import Contributor, EvidenceLabel, Step, Triage
from footcheck.text.messages import say

if TYPE_CHECKING:
    from footcheck.checklist.question import AnswerValue


class StepInfo(NamedTuple):
    """A step: its evidence label and sources; its words are ``step.<id>.title`` and
    ``step.<id>.details`` in the message files, read in the language being spoken."""

    id: str
    evidence: EvidenceLabel
    sources: tuple[str, ...]

    @property
    def title(self) -> str:
        return say(f"step.{self.id}.title")

    @property
    def details(self) -> str:
        return say(f"step.{self.id}.details", **quoted())


def quoted() -> dict[str, str]:
    """Words of a source quoted in a step, by placeholder: never reworded."""
    return dict(nice_ng59_orthotics=say("quote.nice_ng59.orthotics"))


NG59_ORTHOTICS = say("quote.nice_ng59.orthotics")
"""NICE NG59's words on foot orthotics, quoted exactly in the insoles step."""

STEPS: tuple[StepInfo, ...] = (
    StepInfo("seek_emergency_care", "guideline", ("nhs_back_pain", "nhs_cauda_equina")),
    StepInfo("see_clinician_promptly", "guideline", ("nhs_back_pain", "nice_cks_back_pain")),
    StepInfo("see_physiotherapist", "guideline", ("nice_ng59", "hill_2011")),
    StepInfo("foot_check_podiatry", "guideline", ("nice_ng19",)),
    StepInfo("stay_active", "guideline", ("nice_ng59", "nhs_back_pain")),
    StepInfo("regular_exercise", "guideline", ("nice_ng59", "who_2020")),
    StepInfo("foot_strengthening", "limited", ("menz_2013",)),
    StepInfo("calf_ankle_mobility", "limited", ("menz_2013",)),
    StepInfo("supportive_footwear", "practical", ("nhs_plantar_fasciitis", "chuter_2014")),
    StepInfo("replace_worn_shoes", "practical", ("nhs_plantar_fasciitis",)),
    StepInfo("limit_high_heels", "practical", ("nhs_plantar_fasciitis", "russell_2010")),
    StepInfo(
        "arch_support_insoles", "limited", ("nice_ng59", "chuter_2014", "nhs_plantar_fasciitis")
    ),
    StepInfo("gait_analysis", "practical", ("redmond_2006", "menz_2013")),
    StepInfo("standing_relief", "practical", ("coenen_2018",)),
    StepInfo("movement_breaks", "practical", ("slater_2019", "nice_ng59")),
    StepInfo("lifting_load_management", "practical", ("saraceni_2020", "verbeek_2011")),
    StepInfo("plantar_fascia_mobilization", "limited", ("nhs_plantar_fasciitis",)),
    StepInfo("posture_awareness", "practical", ("slater_2019",)),
)
STEP_INFO: Mapping[str, StepInfo] = {step.id: step for step in STEPS}

TRIAGE_STEP: Mapping[str, str] = {
    "emergency": "seek_emergency_care",
    "urgent": "see_clinician_promptly",
    "see_clinician": "see_physiotherapist",
}
CHECKED_FIRST = frozenset({"emergency", "urgent"})
"""Triage levels whose step is the only step: self-care waits until a doctor has looked."""
FOOT_POSTURE = ("overpronation", "underpronation")
AT_LEAST_MODERATE = frozenset({"moderate", "high"})

HAS_BACK_PAIN = AnswerIs("back_pain", True)
LASTING_PAIN = AnswerIn("pain_duration", ("6_to_12_weeks", "over_12_weeks"))
DIABETES_FEET = AnswerIs("diabetes_feet", True)
FOOT_PAIN = AnswerIs("other_pain", "feet")
KNEE_PAIN = AnswerIs("other_pain", "knees")
NO_INSOLES = AnswerIs("insoles", "none")
WORN_OUT = AnswerIs("shoes_worn_out", True)
HIGH_HEELS = AnswerIs("main_footwear", "high_heels")
ACTIVE_ENOUGH = NumberFrom("active_days", 5)
DOES_FOOT_EXERCISES = AnswerIs("foot_exercises", True)
SUPPORTIVE_SHOES = AnswerIn("main_footwear", ("supportive", "athletic"))

NOT_WITH_NUMB_FEET = frozenset({"plantar_fascia_mobilization", "arch_support_insoles"})
"""Left out while the feet may be numb (diabetes): they need a foot check first."""

ALREADY_DOING: Mapping[str, Callable[[Mapping[str, AnswerValue]], bool]] = {
    "regular_exercise": ACTIVE_ENOUGH.holds,
    "foot_strengthening": DOES_FOOT_EXERCISES.holds,
    "calf_ankle_mobility": DOES_FOOT_EXERCISES.holds,
    "supportive_footwear": lambda v: SUPPORTIVE_SHOES.holds(v) and not WORN_OUT.holds(v),
}
"""When the answers show the person already does a step: it is shown as "keep going"."""

STEP_BY_ID: Mapping[str, StepInfo] = {info.id: info for info in STEPS}


def _step(step: str, addresses: list[str], values: Mapping[str, AnswerValue]) -> Step:
    info = STEP_BY_ID[step]
    test = ALREADY_DOING.get(step)
    return Step(
        id=info.id,
        title=info.title,
        details=info.details,
        addresses=addresses,
        evidence=info.evidence,
        sources=list(info.sources),
        already_doing=test is not None and test(values),
    )


def contributor_steps(
    contributor: Contributor, values: Mapping[str, AnswerValue], joint_pain: bool
) -> list[str]:
    """The steps one contributor calls for, in the order they are shown."""
    cid = contributor.id
    if cid in FOOT_POSTURE:
        steps = ["foot_strengthening", "calf_ankle_mobility"]
        if contributor.likelihood in AT_LEAST_MODERATE:
            steps.append("supportive_footwear")
            if joint_pain and NO_INSOLES.holds(values):
                steps.append("arch_support_insoles")
        if contributor.likelihood == "high":
            steps.append("gait_analysis")
        return steps
    if cid == "unsupportive_footwear":
        steps = ["supportive_footwear"]
        if WORN_OUT.holds(values):
            steps.append("replace_worn_shoes")
        if HIGH_HEELS.holds(values):
            steps.append("limit_high_heels")
        return steps
    return list(CONTRIBUTOR_STEP.get(cid, ()))


CONTRIBUTOR_STEP: Mapping[str, tuple[str, ...]] = {
    "prolonged_standing": ("standing_relief",),
    "prolonged_sitting": ("movement_breaks",),
    "heavy_lifting": ("lifting_load_management",),
}
"""Contributors with one step, always the same."""
LOW_ACTIVITY = "low_activity"
"""Its step, regular exercise, stands with the guideline steps, not with its rank."""


def choose_steps(
    values: Mapping[str, AnswerValue], triage: Triage, contributors: list[Contributor]
) -> list[Step]:
    """The steps these results call for, each once, with everything it addresses, built
    in the order they are shown (docs/rules.md, "Steps")."""
    level = triage.level
    if level in CHECKED_FIRST:
        return [_step(TRIAGE_STEP[level], ["triage"], values)]
    numb_feet = DIABETES_FEET.holds(values)
    # A dict keeps the order steps are first chosen in: that is their order on screen.
    addresses: dict[str, list[str]] = {}
    if level in TRIAGE_STEP:
        addresses[TRIAGE_STEP[level]] = ["triage"]
    if numb_feet:
        addresses["foot_check_podiatry"] = [DIABETES_FEET.question]
    exercise: list[str] = []
    if HAS_BACK_PAIN.holds(values):
        addresses["stay_active"] = [HAS_BACK_PAIN.question]
        if LASTING_PAIN.holds(values):
            exercise.append(HAS_BACK_PAIN.question)
    if any(c.id == LOW_ACTIVITY for c in contributors):
        exercise.append(LOW_ACTIVITY)
    if exercise:
        addresses["regular_exercise"] = exercise
    foot_pain = FOOT_PAIN.holds(values)
    joint_pain = foot_pain or KNEE_PAIN.holds(values)
    # The highest-ranked contributor's steps first; a step chosen again stays where it is.
    for contributor in contributors:
        cid = contributor.id
        for step in contributor_steps(contributor, values, joint_pain):
            if numb_feet and step in NOT_WITH_NUMB_FEET:
                continue
            reasons = addresses.setdefault(step, [])
            if cid not in reasons:
                reasons.append(cid)
    if "arch_support_insoles" in addresses:
        addresses["arch_support_insoles"].append(FOOT_PAIN.question)  # for the foot or knee pain
    if foot_pain and not numb_feet:
        addresses["plantar_fascia_mobilization"] = [FOOT_PAIN.question]
    if contributors:
        addresses["posture_awareness"] = [c.id for c in contributors]
    steps = [_step(step, reasons, values) for step, reasons in addresses.items()]
    # Steps the person already does come after every new one, in the same order (a stable
    # sort on the flag: False first).
    steps.sort(key=attrgetter("already_doing"))
    return steps
