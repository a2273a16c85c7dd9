"""Foot posture from a clinician's FPI-6 total, or from the self-checks counted as signs.

The self-checks, the signs each answer is and the checks that measure one trait are read
from the catalogue (docs/rules.md, "Foot posture").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Literal

from footcheck.checklist.catalogue import Catalogue
from footcheck.checklist.question import AnswerValue, PostureSign, Question
from footcheck.instruments.foot_posture.questions import FPI6_TOTAL
from footcheck.instruments.foot_posture.result import FootPosture, PostureClass

FPI6_BANDS: tuple[tuple[int, int, PostureClass], ...] = (
    (-12, -5, "highly_supinated"),
    (-4, -1, "supinated"),
    (0, 5, "neutral"),
    (6, 9, "pronated"),
    (10, 12, "highly_pronated"),
)
"""Redmond's FPI-6 bands, inclusive at both ends."""
MIN_ANSWERED = 2
"""Fewer self-checks answered than this (other than 'unsure') and posture is unknown."""
MIN_SIGNS = 2
"""A direction needs at least this many signs, and more than the other direction."""


@cache
def self_checks(catalogue: Catalogue) -> tuple[Question, ...]:
    """The self-check questions: those that measure a foot-posture trait."""
    return tuple(q for q in catalogue.questions if q.trait is not None)


@cache
def possible_signs(catalogue: Catalogue) -> dict[PostureSign, int]:
    """How many signs each direction can have: one per trait with an answer of that sign.
    Every one of them means 'highly' pronated or supinated."""
    traits: dict[PostureSign, set[str | None]] = {"pronation": set(), "supination": set()}
    for question in self_checks(catalogue):
        for choice in question.choices:
            if choice.sign is not None:
                traits[choice.sign].add(question.trait)
    return {sign: len(found) for sign, found in traits.items()}


@cache
def sign_tables(
    catalogue: Catalogue,
) -> tuple[tuple[str, ...], tuple[dict[object, tuple[PostureSign | None, str | None]], ...]]:
    """The self-checks' ids, and for each its answers that count (not 'unsure'), each with
    the sign it is (or None) and the trait the check measures."""
    checks = self_checks(catalogue)
    return tuple(q.id for q in checks), tuple(
        {c.value: (c.sign, q.trait) for c in q.choices if not c.unsure} for q in checks
    )


def fpi6_band(total: int) -> PostureClass:
    """The FPI-6 band for a total from -12 to +12."""
    for low, high, band in FPI6_BANDS:
        if low <= total <= high:
            return band
    raise ValueError(f"FPI-6 total {total} is outside -12..+12")


def count_signs(values: Mapping[str, AnswerValue], catalogue: Catalogue) -> tuple[int, int, int]:
    """(pronation signs, supination signs, self-checks answered other than 'unsure').

    Checks of one trait (arch height and the wet footprint) make one sign, not two."""
    ids, tables = sign_tables(catalogue)
    answered = 0
    signs: set[tuple[PostureSign | None, str | None]] = set()  # (sign, trait): a trait once
    for qid, table in zip(ids, tables, strict=True):
        hit = table.get(values.get(qid))
        if hit is not None:
            answered += 1
            if hit[0] is not None:
                signs.add(hit)
    pronation = 0
    for sign, _ in signs:
        if sign == "pronation":
            pronation += 1
    return pronation, len(signs) - pronation, answered


def classify_self_checks(
    pronation: int, supination: int, answered: int, catalogue: Catalogue
) -> PostureClass:
    highly = possible_signs(catalogue)
    if answered < MIN_ANSWERED:
        return "unknown"
    if pronation >= MIN_SIGNS and pronation > supination:
        return "highly_pronated" if pronation >= highly["pronation"] else "pronated"
    if supination >= MIN_SIGNS and supination > pronation:
        return "highly_supinated" if supination >= highly["supination"] else "supinated"
    if pronation >= MIN_SIGNS and pronation == supination:
        return "inconclusive"
    return "neutral"


def assess_foot_posture(values: Mapping[str, AnswerValue], catalogue: Catalogue) -> FootPosture:
    pronation, supination, answered = count_signs(values, catalogue)
    total = values.get(FPI6_TOTAL.id)
    source: Literal["fpi6", "self_checks"]
    if isinstance(total, int):
        classification = fpi6_band(total)
        source = "fpi6"
    else:
        classification = classify_self_checks(pronation, supination, answered, catalogue)
        source = "self_checks"
    return FootPosture(
        classification=classification,
        source=source,
        pronation_signs=pronation,
        supination_signs=supination,
        fpi6_total=total if isinstance(total, int) else None,
    )
