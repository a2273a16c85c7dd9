"""Words shared by every human-readable renderer, so they all tell the same story.

No internal id (a question id, a contributor id) ever reaches the person: these tables and
functions turn them into plain words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from footcheck.instruments.foot_posture.result import PostureClass
from footcheck.instruments.foot_posture.scoring import MIN_ANSWERED, self_checks
from footcheck.instruments.registry import CATALOGUE
from footcheck.instruments.start_back.result import Risk
from footcheck.sources import SOURCE_BY_ID
from footcheck.summary import (
    CHECKLIST_VERSION,
    EvidenceLabel,
    Step,
    Summary,
    TriageLevel,
)

TRIAGE_HEADLINE: Mapping[TriageLevel, str] = {
    "emergency": "EMERGENCY: call your emergency number now, or go to A&E",
    "urgent": "URGENT: get an urgent appointment today",
    "see_clinician": "See a GP or physiotherapist in the next week or two",
    "self_care": "You can start with self-care",
}
TRIAGE_INTRO: Mapping[TriageLevel, str] = {
    "emergency": "You answered yes to warning signs that need emergency care now:",
    "urgent": "You answered yes to warning signs that a doctor should check today:",
    "see_clinician": "A clinician's help is worth having because:",
    "self_care": "",
}
SERIOUS: frozenset[TriageLevel] = frozenset({"emergency", "urgent"})
"""Levels where nothing but the triage step is advised."""
WAIT_FOR_DOCTOR = "Self-care steps wait until a doctor has checked you."
RISK_TEXT: Mapping[Risk, str] = {
    "low": "Low risk that your back pain keeps troubling you: self-care and staying active "
    "usually help most.",
    "medium": "Medium risk that your back pain keeps troubling you: a clinician would usually "
    "offer physiotherapy.",
    "high": "High risk that your back pain keeps troubling you: a clinician would usually "
    "offer physiotherapy that also helps with worry and low mood.",
}
POSTURE_TEXT: Mapping[PostureClass, str] = {
    "highly_supinated": "strongly rolling outward (highly supinated)",
    "supinated": "rolling outward (supinated)",
    "neutral": "neutral",
    "pronated": "rolling inward (pronated)",
    "highly_pronated": "strongly rolling inward (highly pronated)",
    "inconclusive": "inconclusive (signs point both ways)",
    "unknown": "not known",
}
CONTRIBUTOR_SHORT: Mapping[str, str] = {
    "overpronation": "feet rolling inward",
    "underpronation": "feet rolling outward",
    "unsupportive_footwear": "unsupportive or worn-out footwear",
    "prolonged_standing": "long hours on your feet",
    "prolonged_sitting": "long hours sitting",
    "heavy_lifting": "heavy lifting and carrying",
    "low_activity": "too little activity",
}
"""Names for tight spaces (the plan, the chain, history list and trend)."""
EVIDENCE_TEXT: Mapping[EvidenceLabel, str] = {
    "guideline": "recommended by low back pain guidelines",
    "limited": "small or indirect studies, for the feet or knees; not shown to help back "
    "pain on its own",
    "practical": "common-sense load management, or a referral",
}
LIKELIHOOD_SCALE = (
    "Points count the answers that point to a contributor; likelihood is high at 6 points or "
    "more, moderate at 3 to 5, low at 1 or 2. It is a count of your answers, not a measured "
    "risk."
)
KEEP_GOING = "Keep going: your answers show you already do these"
EARLIER_CHECKLIST = (
    "Scored with checklist version {version}, an earlier version of footcheck's rules, and "
    "shown as it was scored. Run `footcheck assess` again for advice by today's rules."
)


EARLIER_MARK = " (v{version})"
"""Beside a saved result scored with an earlier checklist, in tables."""
EARLIER_CHECKLIST_NOTE = (
    "(v1): scored with checklist version 1, an earlier version of footcheck's rules; shown "
    "as it was scored."
)


def earlier_mark(checklist_version: int) -> str:
    if checklist_version >= CHECKLIST_VERSION:
        return ""
    return EARLIER_MARK.format(version=checklist_version)


def local_time(moment: datetime, *, with_time: bool = True) -> str:
    """A stored UTC time as the person's local time, with the zone: "2026-01-05 09:00 CET"."""
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M %Z" if with_time else "%Y-%m-%d")


NO_WARNING_SIGN_REPORTED = "None of the warning signs footcheck asks about was reported."


def triage_notes(summary: Summary) -> list[str]:
    """The triage's reasons, and for a clinician's appointment the reassurance that the
    warning signs were asked (a clinician reading the summary wants to know)."""
    notes = list(summary.triage.reasons)
    if summary.triage.level == "see_clinician" and not summary.red_flags:
        notes.append(NO_WARNING_SIGN_REPORTED)
    return notes


def triage_action(summary: Summary) -> Step | None:
    """The step the triage banner spells out: the first one, when the triage chose it."""
    if summary.triage.level == "self_care" or not summary.steps:
        return None
    first = summary.steps[0]
    return first if first.addresses == ["triage"] else None


def listed_steps(summary: Summary) -> tuple[list[Step], list[Step]]:
    """(new steps, steps already done) for the step list: the triage step is in the banner."""
    action = triage_action(summary)
    rest = [s for s in summary.steps if s is not action]
    return [s for s in rest if not s.already_doing], [s for s in rest if s.already_doing]


def contributor_short(contributor_id: str) -> str:
    return CONTRIBUTOR_SHORT.get(contributor_id, contributor_id.replace("_", " "))


def points_text(points: int, likelihood: str) -> str:
    return f"{points} point{'s' if points != 1 else ''}, {likelihood} likelihood"


def source_names(source_ids: list[str]) -> str:
    """Sources as a person reads them: "NICE NG59; Menz 2013"."""
    names = [SOURCE_BY_ID[s].short if s in SOURCE_BY_ID else s for s in source_ids]
    return "; ".join(dict.fromkeys(names))


def earlier_checklist(summary: Summary) -> str | None:
    if summary.scored_now:
        return None
    return EARLIER_CHECKLIST.format(version=summary.checklist_version)


def start_back_line(summary: Summary) -> str:
    if summary.start_back is None:
        return "Not scored: you have had no back pain in the last 2 weeks."
    sb = summary.start_back
    scores = f"STarT Back score {sb.total} of 9; worry and mood items {sb.psychosocial} of 5"
    if summary.triage.level in SERIOUS:
        # No advice on care beside a warning sign: that waits for the doctor.
        return (
            f"{sb.risk.capitalize()} risk ({scores}): for your doctor, once you have been checked."
        )
    return f"{RISK_TEXT[sb.risk]} ({scores}.)"


def posture_line(summary: Summary) -> str:
    fp = summary.foot_posture
    if fp.source == "fpi6" and fp.fpi6_total is not None:
        signs = ""
        if fp.pronation_signs or fp.supination_signs:
            signs = (
                f" Your self-checks showed {fp.pronation_signs} sign(s) of rolling inward and "
                f"{fp.supination_signs} of rolling outward; the clinician's measure is used."
            )
        return (
            f"Foot posture: {POSTURE_TEXT[fp.classification]}, from your clinician's FPI-6 "
            f"of {fp.fpi6_total:+d} (the adult average is about +4).{signs}"
        )
    if fp.classification == "unknown":
        checks = len(self_checks(CATALOGUE))
        return (
            f"Foot posture: not known yet. To find out, do at least {MIN_ANSWERED} of the "
            f"{checks} foot self-checks (arches, wet footprint, shoe wear, half-squat, heel "
            "tilt) instead of answering unsure, or ask a clinician for an FPI-6."
        )
    return (
        f"Foot posture: {POSTURE_TEXT[fp.classification]}, from your self-checks "
        f"({fp.pronation_signs} sign{'s' if fp.pronation_signs != 1 else ''} of rolling "
        f"inward, {fp.supination_signs} of rolling outward)."
    )
