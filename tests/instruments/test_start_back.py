"""Keele STarT Back: every answer combination against the published scoring rule."""

from __future__ import annotations

import itertools

from footcheck import evaluate
from footcheck.instruments.registry import CATALOGUE
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT, PANEL_LOINC
from footcheck.instruments.start_back.scoring import items, score_start_back
from tests.helpers import answers

ITEMS = items(CATALOGUE)
STATEMENTS = [q for q in ITEMS if q.kind == "boolean"]
ITEM_9 = ITEMS[-1]


def published_rule(agreed: tuple[bool, ...], bothersome: str) -> tuple[int, int, str]:
    """Keele's scoring: overall 0-3 low; else psychosocial (items 5-9) 4-5 high; else medium."""
    item9 = 1 if bothersome in ("very_much", "extremely") else 0
    total = sum(agreed) + item9
    psychosocial = sum(agreed[4:8]) + item9
    if total <= 3:
        risk = "low"
    elif psychosocial >= 4:
        risk = "high"
    else:
        risk = "medium"
    return total, psychosocial, risk


SPEC_ITEMS = (
    "sb_leg_pain",
    "sb_shoulder_neck",
    "sb_walk_short",
    "sb_dress_slow",
    "sb_unsafe_active",
    "sb_worry",
    "sb_terrible",
    "sb_no_enjoy",
    "sb_bothersome",
)
"""The checklist version 2 ids of items 1-9, in the tool's order."""


def test_the_nine_items_in_published_order() -> None:
    assert [q.start_back_item for q in ITEMS] == list(range(1, 10))
    assert tuple(q.id for q in ITEMS) == SPEC_ITEMS  # each id is its own item number
    assert [q.id for q in CATALOGUE.questions if q.section == "outlook"] == list(SPEC_ITEMS)
    assert [q.psychosocial for q in ITEMS] == [False] * 4 + [True] * 5
    assert len(STATEMENTS) == 8
    assert ITEM_9.values == ("not_at_all", "slightly", "moderately", "very_much", "extremely")
    assert [q.loinc for q in ITEMS] == [
        "91340-0",
        "91341-8",
        "91342-6",
        "91343-4",
        "91344-2",
        "91345-9",
        "91346-7",
        "91347-5",
        "91348-3",
    ]
    assert PANEL_LOINC == "91349-1"
    assert "Keele University" in KEELE_COPYRIGHT


def test_every_combination() -> None:
    combinations = list(itertools.product((False, True), repeat=len(STATEMENTS)))
    checked = 0
    for agreed in combinations:
        for bothersome in ITEM_9.values:
            values = answers(
                back_pain=True,
                **{ITEM_9.id: bothersome},
                **{q.id: a for q, a in zip(STATEMENTS, agreed, strict=True)},
            )
            scores = score_start_back(values, CATALOGUE)
            assert scores is not None
            got = (scores.total, scores.psychosocial, scores.risk)
            assert got == published_rule(agreed, bothersome), (agreed, bothersome)
            checked += 1
    assert checked == len(combinations) * len(ITEM_9.values) == 1280


def test_the_summary_carries_the_scores() -> None:
    summary = evaluate(answers(back_pain=True, **{q.id: True for q in STATEMENTS}))
    assert summary.start_back is not None
    assert (summary.start_back.total, summary.start_back.risk) == (8, "high")


def test_no_back_pain_means_no_start_back() -> None:
    assert score_start_back(answers(), CATALOGUE) is None
    assert evaluate(answers()).start_back is None
