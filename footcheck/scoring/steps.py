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

if TYPE_CHECKING:
    from footcheck.checklist.question import AnswerValue


class StepInfo(NamedTuple):
    id: str
    title: str
    details: str
    evidence: EvidenceLabel
    sources: tuple[str, ...]


NG59_ORTHOTICS = (
    '"do not offer … foot orthotics … for managing low back pain with or without sciatica"'
)
"""NICE NG59's words on foot orthotics, quoted exactly."""

STEPS: tuple[StepInfo, ...] = (
    StepInfo(
        "seek_emergency_care",
        "Call your emergency number now, or go to A&E",
        "Call your emergency number now (999 in the UK, 112 in the EU, 911 in North "
        "America, 119 in Japan and Korea) or go to the nearest emergency department (A&E). "
        "Say you have back pain and the warning signs listed here. Do not wait to see if "
        "it passes.",
        "guideline",
        ("nhs_back_pain", "nhs_cauda_equina"),
    ),
    StepInfo(
        "see_clinician_promptly",
        "Get an urgent appointment today",
        "Today, ask your doctor (GP) for an urgent appointment, or call an urgent-care "
        "line such as NHS 111, or go to urgent care. Say you have back pain and the "
        "warning signs listed here, so they can check for a broken bone, an infection or "
        "another illness.",
        "guideline",
        ("nhs_back_pain", "nice_cks_back_pain"),
    ),
    StepInfo(
        "see_physiotherapist",
        "Book a GP or physiotherapist appointment in the next week or two",
        "Book an appointment with your GP or a physiotherapist (in many areas you can "
        "refer yourself) in the next week or two, and take this summary. Back pain like "
        "yours often does better with a plan made with a clinician: usually exercise, and "
        "help with worry or low mood where they are part of it.",
        "guideline",
        ("nice_ng59", "hill_2011"),
    ),
    StepInfo(
        "foot_check_podiatry",
        "Check your feet every day, and see a podiatrist first",
        "Look at both feet every day for cuts, blisters, redness or swelling (a mirror "
        "helps). Before barefoot exercises, rolling your soles on a ball, or new insoles, "
        "ask a podiatrist or your diabetes foot service (or your GP) whether they are safe "
        "for your feet.",
        "guideline",
        ("nice_ng19",),
    ),
    StepInfo(
        "stay_active",
        "Keep active and carry on with your daily activities",
        "Keep moving and carry on with your normal daily activities as much as you can, "
        "going back to work and hobbies step by step. Bed rest tends to slow recovery. A "
        "short walk every day is a good start.",
        "guideline",
        ("nice_ng59", "nhs_back_pain"),
    ),
    StepInfo(
        "regular_exercise",
        "Build up regular exercise",
        "Work up to 30 minutes of moderate activity (brisk walking, cycling, swimming) on "
        "most days: start small, for example 10 minutes, and add a few minutes each week. "
        "For back pain that lasts, NICE NG59 suggests considering a group exercise "
        "programme, such as a class.",
        "guideline",
        ("nice_ng59", "who_2020"),
    ),
    StepInfo(
        "foot_strengthening",
        "Strengthen your feet",
        "Daily, barefoot: toe curls (scrunch a towel towards you with your toes, 2 sets of "
        "10), toe spreads, and the short-foot exercise (shorten the foot by lifting the "
        "arch without curling the toes; hold 5 seconds, 10 times). Start sitting, then "
        "standing. These are for your feet: they have not been shown to help back pain on "
        "their own (Menz 2013 found the link between feet and back pain unclear).",
        "limited",
        ("menz_2013",),
    ),
    StepInfo(
        "calf_ankle_mobility",
        "Stretch your calves and keep your ankles moving",
        "Calf stretch against a wall, back knee straight and then bent, 30 seconds each, "
        "twice a day; heel raises on a step, 2 sets of 12; ankle circles. These are for "
        "your calves and ankles: they have not been shown to help back pain on their own "
        "(Menz 2013).",
        "limited",
        ("menz_2013",),
    ),
    StepInfo(
        "supportive_footwear",
        "Wear supportive shoes",
        "For most of your day, wear shoes with a firm heel counter (the back does not fold "
        "when squeezed), a cushioned heel, some arch support and room for your toes, laced "
        "snugly. The NHS suggests cushioned heels and good arch support for sore feet; "
        "shoes and insoles have not been shown to treat back pain (Chuter 2014).",
        "practical",
        ("nhs_plantar_fasciitis", "chuter_2014"),
    ),
    StepInfo(
        "replace_worn_shoes",
        "Replace worn-out shoes",
        "Replace everyday or walking shoes once the midsole is creased and squashed, the "
        "tread is smooth, the shoe leans when you stand it on a table, or the heel counter "
        "has gone soft. Cushioning and support are what worn shoes lose first (NHS).",
        "practical",
        ("nhs_plantar_fasciitis",),
    ),
    StepInfo(
        "limit_high_heels",
        "Cut down on high heels",
        "Keep high heels for shorter occasions and change into supportive shoes for "
        "commuting and long days on your feet. The NHS advises against high heels for sore "
        "heels and soles; the common idea that heels deepen the curve of the lower back is "
        "mostly not borne out by studies (Russell 2010).",
        "practical",
        ("nhs_plantar_fasciitis", "russell_2010"),
    ),
    StepInfo(
        "arch_support_insoles",
        "For foot or knee pain: consider arch supports",
        "For your foot or knee pain only: off-the-shelf arch supports are a cheap trial, "
        "and a podiatrist can advise on others. They are not a treatment for back pain: "
        f"NICE NG59 says {NG59_ORTHOTICS}, and a review found no clear effect on back pain "
        "(Chuter 2014).",
        "limited",
        ("nice_ng59", "chuter_2014", "nhs_plantar_fasciitis"),
    ),
    StepInfo(
        "gait_analysis",
        "Have your walking looked at",
        "A podiatrist or physiotherapist can watch how you walk (and run, if you do), "
        "measure your foot posture with the FPI-6 (Redmond 2006) and advise on footwear and "
        "exercises. How the feet move while walking, not how they look standing, is what "
        "one large study linked with back pain, in women (Menz 2013).",
        "practical",
        ("redmond_2006", "menz_2013"),
    ),
    StepInfo(
        "standing_relief",
        "Break up long standing",
        "Every 20 to 30 minutes, shift your weight and walk a few steps; rest one foot on "
        "a low step or rail; use an anti-fatigue mat where you stand still; and sit for "
        "some tasks if you can. Long daily standing has been linked with more back pain "
        "(Coenen 2018).",
        "practical",
        ("coenen_2018",),
    ),
    StepInfo(
        "movement_breaks",
        "Take movement breaks from sitting",
        "Stand up and move for a minute or two every 30 to 45 minutes (a timer helps), "
        "take calls standing, and walk over to talk to people. No one sitting posture is "
        "the right one (Slater 2019): changing position and moving more through the day "
        "are part of staying active (NICE NG59).",
        "practical",
        ("slater_2019", "nice_ng59"),
    ),
    StepInfo(
        "lifting_load_management",
        "Manage heavy loads",
        "There is no single safe way to lift (Saraceni 2020). What helps: keep heavy "
        "loads close, split them into lighter ones, use trolleys or ask for help, rest "
        "before you tire, and build strength gradually with regular exercise. Training in "
        "lifting technique alone has not been shown to prevent back pain (Verbeek 2011).",
        "practical",
        ("saraceni_2020", "verbeek_2011"),
    ),
    StepInfo(
        "plantar_fascia_mobilization",
        "Loosen the soles of your feet",
        "Before you stand up in the morning, pull your toes back towards your shin for 30 "
        "seconds. Roll the sole of each foot over a ball or a cold bottle for a minute or "
        "two, morning and evening. Regular gentle stretching is what the NHS suggests for "
        "sore soles and heels.",
        "limited",
        ("nhs_plantar_fasciitis",),
    ),
    StepInfo(
        "posture_awareness",
        "Change position often",
        "There is no one correct posture (Slater 2019). A few times a day, notice how you "
        "stand and sit and change position: shift your weight, unlock your knees, get up "
        "and move. Staying in one position for hours is what tends to feel worse.",
        "practical",
        ("slater_2019",),
    ),
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
