"""Suggested steps, each labelled with the strength of the evidence behind it (docs/rules.md,
"Steps").

Labels are honest: ``guideline`` only for what low back pain guidelines (NICE NG59)
recommend; foot-focused measures are ``limited`` because they are not guideline-backed for
back pain on its own; the rest is ``practical`` load management.

Order: the triage step first; then the guideline self-management steps; then the steps
for each contributor, the highest-ranked contributor's first; posture awareness last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footcheck.answer_tests import AnswerIn, AnswerIs

if TYPE_CHECKING:
    from footcheck.question import AnswerValue
    from footcheck.summary import ContributorData, EvidenceLabel, StepData, TriageData


@dataclass(frozen=True, slots=True)
class StepInfo:
    id: str
    title: str
    details: str
    evidence: EvidenceLabel


_STEPS: tuple[StepInfo, ...] = (
    StepInfo(
        "seek_emergency_care",
        "Get emergency care today",
        "Go to an emergency department now, or call your emergency number. Say you have back "
        "pain with the warning signs listed above; these can mean pressure on the nerves at "
        "the base of the spine, which needs treatment within hours. Do not wait to see if it "
        "passes.",
        "guideline",
    ),
    StepInfo(
        "see_clinician_promptly",
        "See a doctor within a day or two",
        "Book an urgent appointment with your doctor (GP), or an urgent care service if you "
        "cannot be seen soon. Tell them about the warning signs listed above so they can "
        "rule out a fracture, infection or other illness.",
        "guideline",
    ),
    StepInfo(
        "see_physiotherapist",
        "See a physiotherapist or your doctor",
        "Ask your doctor for a referral, or book a physiotherapist directly. Pain like yours "
        "tends to recover faster with a tailored exercise plan and support; take this summary "
        "with you.",
        "guideline",
    ),
    StepInfo(
        "stay_active",
        "Stay active and keep doing your normal things",
        "Keep moving as normally as you can, even if it hurts a bit: walk every day and go "
        "back to work and hobbies gradually. Bed rest slows recovery. Hurting does not mean "
        "you are doing harm.",
        "guideline",
    ),
    StepInfo(
        "regular_exercise",
        "Build up regular exercise",
        "Aim for 30 minutes of moderate activity (brisk walking, cycling, swimming) on most "
        "days, starting small, e.g. 10 minutes, and adding a few minutes each week. A group "
        "exercise class, Pilates or yoga are good options for lasting back pain.",
        "guideline",
    ),
    StepInfo(
        "supportive_footwear",
        "Wear supportive shoes",
        "For most of your day, wear shoes with a firm heel counter (the back does not fold "
        "when squeezed), a cushioned sole that bends only at the toes, and room for your "
        "toes. Lace them snugly. Walking or running shoes are a good start.",
        "practical",
    ),
    StepInfo(
        "replace_worn_shoes",
        "Replace worn-out shoes",
        "Replace everyday or walking shoes once the midsole is creased, the tread is smooth "
        "or the shoe leans on a table; running shoes after roughly 500-800 km. Keep a pair "
        "for work and a pair for walking so each lasts longer.",
        "practical",
    ),
    StepInfo(
        "limit_high_heels",
        "Cut down on high heels",
        "Keep high heels for short occasions, choose lower (under 4 cm), wider heels, and "
        "change into supportive shoes for commuting and long days on your feet.",
        "practical",
    ),
    StepInfo(
        "foot_strengthening",
        "Strengthen your feet",
        "Daily, barefoot: toe curls (scrunch a towel towards you with your toes, 2 x 10), "
        "toe spreads, and the 'short foot' exercise (shorten the foot by lifting the arch "
        "without curling the toes, hold 5 seconds, 10 times). Sitting first, then standing.",
        "limited",
    ),
    StepInfo(
        "calf_ankle_mobility",
        "Stretch your calves and free up your ankles",
        "Calf stretch against a wall, back knee straight then bent, 30 seconds each, twice a "
        "day. Heel raises on a step, 2 x 12. Ankle circles and knee-to-wall lunges to keep "
        "the ankle moving freely.",
        "limited",
    ),
    StepInfo(
        "plantar_fascia_mobilization",
        "Loosen the soles of your feet",
        "Roll the sole of each foot over a tennis ball or a cold bottle for 1-2 minutes, "
        "morning and evening. Before standing in the morning, pull your toes back towards "
        "your shin for 30 seconds to stretch the sole.",
        "limited",
    ),
    StepInfo(
        "arch_support_insoles",
        "Consider arch supports or insoles",
        "Off-the-shelf arch supports are a cheap trial for foot or knee symptoms; a "
        "podiatrist can advise on custom ones. Note: the NICE low back pain guideline (NG59) "
        "advises against foot orthoses for managing low back pain on its own; they may "
        "still help foot or knee symptoms.",
        "limited",
    ),
    StepInfo(
        "gait_analysis",
        "Have your walking and running assessed",
        "A podiatrist or physiotherapist can watch you walk (and run, if you do) to see how "
        "your feet, knees and hips move, measure your foot posture (FPI-6), and advise on "
        "footwear and exercises.",
        "limited",
    ),
    StepInfo(
        "standing_relief",
        "Break up long standing",
        "Shift your weight and walk a few steps every 20-30 minutes, rest one foot on a low "
        "step or rail, use an anti-fatigue mat where you stand still, and sit for some tasks "
        "if you can.",
        "practical",
    ),
    StepInfo(
        "movement_breaks",
        "Take movement breaks from sitting",
        "Stand up and move for a minute or two every 30-45 minutes: a timer helps. Take "
        "calls standing, walk to talk to colleagues, and set your chair so your feet are "
        "flat and your hips slightly above your knees.",
        "practical",
    ),
    StepInfo(
        "lifting_load_management",
        "Lift smarter and lighter",
        "Hold loads close to your body, bend your knees and hips, avoid twisting while "
        "lifting, split heavy loads, and use trolleys or ask for help. Build strength with "
        "regular exercise rather than avoiding lifting altogether.",
        "practical",
    ),
    StepInfo(
        "posture_awareness",
        "Notice how you stand and sit",
        "A few times a day, check: weight even on both feet, knees soft not locked, not "
        "leaning on one hip; when sitting, back supported and feet flat. Change position "
        "often: no single posture is perfect for hours.",
        "practical",
    ),
)

STEP_INFO: dict[str, StepInfo] = {s.id: s for s in _STEPS}
STEP_IDS: tuple[str, ...] = tuple(s.id for s in _STEPS)
STEP_INDEX: dict[str, int] = {sid: i for i, sid in enumerate(STEP_IDS)}
TRIAGE_STEP: dict[str, str] = {
    "emergency": "seek_emergency_care",
    "urgent": "see_clinician_promptly",
    "see_clinician": "see_physiotherapist",
}
SELF_MANAGEMENT: tuple[str, ...] = ("stay_active", "regular_exercise")
FOOT_POSTURE: tuple[str, ...] = ("overpronation", "underpronation")
STEP_GROUP: dict[str, int] = {
    **dict.fromkeys(TRIAGE_STEP.values(), 0),
    **dict.fromkeys(SELF_MANAGEMENT, 1),
    "posture_awareness": 3,
}
"""Order groups: triage first, guideline self-management next, posture awareness last."""
HAS_BACK_PAIN = AnswerIs("back_pain", True)
LONG_PAIN = AnswerIn("pain_duration", ("6_to_12_weeks", "over_12_weeks"))
CUSTOM_INSOLES = AnswerIs("insoles", "custom")
WORN_OUT = AnswerIs("shoes_worn_out", True)
HIGH_HEELS = AnswerIs("main_footwear", "high_heels")
FOOT_PAIN = AnswerIs("other_pain", "feet")


def choose_steps(
    values: Mapping[str, AnswerValue], triage: TriageData, contributors: list[ContributorData]
) -> list[StepData]:
    """The steps these results call for, each once, with everything it addresses."""
    addresses: dict[str, list[str]] = {}

    def add(step: str, reason: str) -> None:
        reasons = addresses.setdefault(step, [])
        if reason not in reasons:
            reasons.append(reason)

    if triage["level"] in TRIAGE_STEP:
        add(TRIAGE_STEP[triage["level"]], "triage")
    if HAS_BACK_PAIN.holds(values):
        add("stay_active", "triage")
        if LONG_PAIN.holds(values):
            add("regular_exercise", "triage")
    for contributor in contributors:
        cid = contributor["id"]
        if cid in FOOT_POSTURE:
            add("foot_strengthening", cid)
            add("calf_ankle_mobility", cid)
            if contributor["likelihood"] in ("moderate", "high"):
                add("supportive_footwear", cid)
                if not CUSTOM_INSOLES.holds(values):
                    add("arch_support_insoles", cid)
            if contributor["likelihood"] == "high":
                add("gait_analysis", cid)
        elif cid == "unsupportive_footwear":
            add("supportive_footwear", cid)
            if WORN_OUT.holds(values):
                add("replace_worn_shoes", cid)
            if HIGH_HEELS.holds(values):
                add("limit_high_heels", cid)
        elif cid == "prolonged_standing":
            add("standing_relief", cid)
        elif cid == "prolonged_sitting":
            add("movement_breaks", cid)
        elif cid == "heavy_lifting":
            add("lifting_load_management", cid)
        elif cid == "low_activity":
            add("regular_exercise", cid)
    if FOOT_PAIN.holds(values):
        add("plantar_fascia_mobilization", FOOT_PAIN.question)
    if contributors:
        addresses["posture_awareness"] = [c["id"] for c in contributors]

    rank = {c["id"]: i for i, c in enumerate(contributors)}
    last = len(rank)

    def order(step: str) -> tuple[int, int, int]:
        group = STEP_GROUP.get(step, 2)
        best = min(rank.get(a, last) for a in addresses[step]) if group == 2 else 0
        return group, best, STEP_INDEX[step]

    return [
        {
            "id": step,
            "title": STEP_INFO[step].title,
            "details": STEP_INFO[step].details,
            "addresses": addresses[step],
            "evidence": STEP_INFO[step].evidence,
        }
        for step in sorted(addresses, key=order)
    ]
