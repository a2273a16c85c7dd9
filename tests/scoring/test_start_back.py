"""Keele STarT Back: all 1,280 answer combinations against the published scoring rule."""

from __future__ import annotations

import itertools

from footcheck import evaluate
from footcheck.catalogue import QUESTION_BY_ID
from footcheck.scoring.start_back import ITEMS
from tests.helpers import answers

BOTHERSOME = QUESTION_BY_ID["sb_bothersome"].values


def published_rule(items: tuple[bool, ...], bothersome: str) -> tuple[int, int, str]:
    """Keele's scoring: overall 0-3 low; else psychosocial (items 5-9) 4-5 high; else medium."""
    item9 = 1 if bothersome in ("very_much", "extremely") else 0
    total = sum(items) + item9
    psychosocial = sum(items[4:8]) + item9
    if total <= 3:
        risk = "low"
    elif psychosocial >= 4:
        risk = "high"
    else:
        risk = "medium"
    return total, psychosocial, risk


def test_all_1280_combinations() -> None:
    checked = 0
    for items in itertools.product((False, True), repeat=8):
        for bothersome in BOTHERSOME:
            summary = evaluate(
                answers(
                    back_pain=True, sb_bothersome=bothersome, **dict(zip(ITEMS, items, strict=True))
                )
            )
            assert summary.start_back is not None
            got = (
                summary.start_back.total,
                summary.start_back.psychosocial,
                summary.start_back.risk,
            )
            assert got == published_rule(items, bothersome), (items, bothersome)
            checked += 1
    assert checked == 1280


def test_items_are_in_published_order() -> None:
    assert ITEMS == (
        "sb_leg_pain",
        "sb_shoulder_neck",
        "sb_walk_short",
        "sb_dress_slow",
        "sb_unsafe_active",
        "sb_worry",
        "sb_terrible",
        "sb_no_enjoy",
    )


def test_no_back_pain_means_no_start_back() -> None:
    assert evaluate(answers()).start_back is None
