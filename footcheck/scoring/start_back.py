"""The Keele STarT Back Screening Tool: nine items, prognostic risk low / medium / high.

SPEC section 5. Copyright Keele University (see ``catalogue.KEELE_COPYRIGHT``); the
statement must be shown wherever the items are.
"""

from __future__ import annotations

from footcheck.answers import Answers
from footcheck.summary import Risk, StartBackData

ITEMS: tuple[str, ...] = (
    "sb_leg_pain",
    "sb_shoulder_neck",
    "sb_walk_short",
    "sb_dress_slow",
    "sb_unsafe_active",
    "sb_worry",
    "sb_terrible",
    "sb_no_enjoy",
)
PSYCHOSOCIAL_ITEMS: tuple[str, ...] = ITEMS[4:]
BOTHERSOME_POINT: frozenset[str] = frozenset({"very_much", "extremely"})


def risk_band(total: int, psychosocial: int) -> Risk:
    """The published rule: total 0-3 low; else psychosocial 4-5 high; else medium."""
    if total <= 3:
        return "low"
    if psychosocial >= 4:
        return "high"
    return "medium"


def score_start_back(answers: Answers) -> StartBackData | None:
    """The STarT Back scores, or None when there is no back pain to screen."""
    if not answers.back_pain:
        return None
    values = answers.__dict__
    item9 = int(answers.sb_bothersome in BOTHERSOME_POINT)
    total = sum(values[item] is True for item in ITEMS) + item9
    psychosocial = sum(values[item] is True for item in PSYCHOSOCIAL_ITEMS) + item9
    return {"total": total, "psychosocial": psychosocial, "risk": risk_band(total, psychosocial)}
