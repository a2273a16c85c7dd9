"""Triage: how soon to see someone. First match wins (docs/rules.md, "Triage").

The red-flag levels come from the catalogue through the red-flag instrument; this module
orders them and adds the reasons to see a clinician. Every reason is a plain sentence,
``triage.reason.*`` in the message files.
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
from footcheck.text.messages import say

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

NONE_OF_THE_SIGNS = say("triage.reason.none_of_the_signs")
"""The self-care reason with back pain, in English (the rules say it in the language spoken)."""
NO_BACK_PAIN = say("triage.reason.no_back_pain")
"""The self-care reason without back pain, in English."""


def clinician_reasons(values: Mapping[str, AnswerValue], start_back: StartBack | None) -> list[str]:
    """Why back pain without warning signs should be seen by a clinician, one a sentence."""
    reasons: list[str] = []
    if start_back is not None and start_back.risk != "low":
        reasons.append(say(f"triage.reason.start_back_risk.{start_back.risk}"))
    if SEVERE_PAIN.holds(values):
        score = PAIN_INTENSITY.value(values)
        reasons.append(say("triage.reason.severe_pain", score=score, high=HIGH_PAIN))
    if LASTING_PAIN.holds(values):
        lasted = "over_12_weeks" if OVER_12_WEEKS.holds(values) else "6_to_12_weeks"
        reasons.append(say(f"triage.reason.lasted_{lasted}"))
    if NEW_PAIN.holds(values) and (YOUNG.holds(values) or OLDER.holds(values)):
        reasons.append(
            say(
                "triage.reason.new_pain_at_age",
                age=AGE.value(values),
                younger_than=NEW_PAIN_YOUNGER_THAN,
                older_from=NEW_PAIN_FROM,
            )
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
        return Triage(level="self_care", reasons=[say("triage.reason.none_of_the_signs")])
    return Triage(level="self_care", reasons=[say("triage.reason.no_back_pain")])
