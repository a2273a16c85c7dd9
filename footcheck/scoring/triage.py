"""Triage: how soon to see someone. First match wins (docs/rules.md, "Triage").

The red-flag levels come from the catalogue through the red-flag instrument; this module
orders them and adds the reasons to see a clinician. Every reason is a plain sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from footcheck.checklist.catalogue import Catalogue
from footcheck.checklist.conditions import Answered, AnswerIn, AnswerIs, NumberFrom
from footcheck.instruments.red_flags.scoring import flag_level, flag_reason
from footcheck.instruments.registry import CATALOGUE
from footcheck.instruments.start_back.result import StartBack
from footcheck.summary import Triage

if TYPE_CHECKING:
    from footcheck.checklist.question import AnswerValue

HIGH_PAIN = 7
NEW_PAIN_YOUNGER_THAN = 20
NEW_PAIN_FROM = 50
HAS_BACK_PAIN = AnswerIs("back_pain", True)
PAIN_INTENSITY = Answered("pain_intensity")
SEVERE_PAIN = NumberFrom("pain_intensity", HIGH_PAIN)
LASTING_PAIN = AnswerIn("pain_duration", ("6_to_12_weeks", "over_12_weeks"))
OVER_12_WEEKS = AnswerIs("pain_duration", "over_12_weeks")
NEW_PAIN = AnswerIn("pain_duration", ("under_6_weeks", "6_to_12_weeks"))
AGE = Answered("age")
YOUNG = NumberFrom("age", 16, NEW_PAIN_YOUNGER_THAN)
OLDER = NumberFrom("age", NEW_PAIN_FROM)

NONE_OF_THE_SIGNS = (
    "You reported none of the warning signs footcheck asks about, and nothing that needs "
    "a clinician soon."
)
NO_BACK_PAIN = (
    "You have had no back pain in the last 2 weeks, so there is no back pain to check for "
    "warning signs."
)


def clinician_reasons(values: Mapping[str, AnswerValue], start_back: StartBack | None) -> list[str]:
    """Why back pain without warning signs should be seen by a clinician, one a sentence."""
    reasons: list[str] = []
    if start_back is not None and start_back.risk != "low":
        reasons.append(
            f"Your STarT Back answers show a {start_back.risk} risk that the pain keeps "
            "troubling you; support from a clinician usually helps."
        )
    if SEVERE_PAIN.holds(values):
        reasons.append(
            f"Your pain is {PAIN_INTENSITY.value(values)} out of 10 on average "
            f"({HIGH_PAIN} or more)."
        )
    if LASTING_PAIN.holds(values):
        weeks = "over 12 weeks" if OVER_12_WEEKS.holds(values) else "6 to 12 weeks"
        reasons.append(f"Your back pain has lasted {weeks}.")
    if NEW_PAIN.holds(values) and (YOUNG.holds(values) or OLDER.holds(values)):
        reasons.append(
            f"Back pain that is new at {AGE.value(values)} (under {NEW_PAIN_YOUNGER_THAN} or "
            f"{NEW_PAIN_FROM} and over) is worth showing to a doctor."
        )
    return reasons


def decide_triage(
    values: Mapping[str, AnswerValue],
    red_flags: list[str],
    start_back: StartBack | None,
    catalogue: Catalogue = CATALOGUE,
) -> Triage:
    # Every raised flag is a reason, so an emergency banner also shows the urgent signs.
    reasons = [flag_reason(flag, catalogue) for flag in red_flags]
    level = flag_level(red_flags, catalogue)
    if level is not None:
        return Triage(level=level, reasons=reasons)
    if HAS_BACK_PAIN.holds(values):
        reasons = clinician_reasons(values, start_back)
        if reasons:
            return Triage(level="see_clinician", reasons=reasons)
        return Triage(level="self_care", reasons=[NONE_OF_THE_SIGNS])
    return Triage(level="self_care", reasons=[NO_BACK_PAIN])
