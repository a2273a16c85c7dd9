"""Triage: how soon to see someone. First match wins (docs/rules.md, "Triage").

The red-flag levels come from the catalogue through the red-flag instrument; this module
only orders them and adds the reasons to see a clinician.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from footcheck.answer_tests import Answered, AnswerIs, NumberFrom
from footcheck.catalogue import CATALOGUE, Catalogue
from footcheck.instruments.red_flags.calculation import flag_level, flag_text

if TYPE_CHECKING:
    from footcheck.question import AnswerValue
    from footcheck.summary import StartBackData, TriageData

HIGH_PAIN = 7
HAS_BACK_PAIN = AnswerIs("back_pain", True)
PAIN_INTENSITY = Answered("pain_intensity")
SEVERE_PAIN = NumberFrom("pain_intensity", HIGH_PAIN)
LASTING_PAIN = AnswerIs("pain_duration", "over_12_weeks")


def decide_triage(
    values: Mapping[str, AnswerValue],
    red_flags: list[str],
    start_back: StartBackData | None,
    catalogue: Catalogue = CATALOGUE,
) -> TriageData:
    # Every raised flag is a reason, so an emergency banner also shows the urgent signs.
    reasons = [f"{flag_text(f, catalogue)} ({f})" for f in red_flags]
    level = flag_level(red_flags, catalogue)
    if level is not None:
        return {"level": level, "reasons": reasons}
    if HAS_BACK_PAIN.holds(values):
        if start_back is not None and start_back["risk"] != "low":
            reasons.append(
                f"STarT Back risk is {start_back['risk']}: pain like yours often does better "
                "with a physiotherapist's help"
            )
        if SEVERE_PAIN.holds(values):
            reasons.append(
                f"Pain intensity {PAIN_INTENSITY.value(values)}/10 ({HIGH_PAIN} or more)"
            )
        if LASTING_PAIN.holds(values):
            reasons.append("Back pain has lasted over 12 weeks")
    if reasons:
        return {"level": "see_clinician", "reasons": reasons}
    return {
        "level": "self_care",
        "reasons": ["No warning signs, and nothing that calls for a clinician yet"],
    }
