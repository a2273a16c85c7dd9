"""Triage: how soon to see someone. First match wins (SPEC section 5)."""

from __future__ import annotations

from footcheck.answers import Answers
from footcheck.scoring.red_flags import EMERGENCY_FLAGS, URGENT_FLAGS, flag_text
from footcheck.summary import StartBackData, TriageData

HIGH_PAIN = 7


def decide_triage(
    answers: Answers, red_flags: list[str], start_back: StartBackData | None
) -> TriageData:
    # Every raised flag is a reason, so an emergency banner also shows the urgent signs.
    reasons = [f"{flag_text(f)} ({f})" for f in red_flags]
    if any(f in EMERGENCY_FLAGS for f in red_flags):
        return {"level": "emergency", "reasons": reasons}
    if any(f in URGENT_FLAGS for f in red_flags):
        return {"level": "urgent", "reasons": reasons}
    if answers.back_pain:
        if start_back is not None and start_back["risk"] != "low":
            reasons.append(
                f"STarT Back risk is {start_back['risk']}: pain like yours often does better "
                "with a physiotherapist's help"
            )
        if answers.pain_intensity is not None and answers.pain_intensity >= HIGH_PAIN:
            reasons.append(f"Pain intensity {answers.pain_intensity}/10 ({HIGH_PAIN} or more)")
        if answers.pain_duration == "over_12_weeks":
            reasons.append("Back pain has lasted over 12 weeks")
    if reasons:
        return {"level": "see_clinician", "reasons": reasons}
    return {
        "level": "self_care",
        "reasons": ["No warning signs, and nothing that calls for a clinician yet"],
    }
