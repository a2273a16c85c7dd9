"""STarT Back scores: the total, the psychosocial subscale and the risk band.

The items, their numbers, which are psychosocial and which item-9 answers score are all
read from the catalogue (docs/rules.md, "STarT Back").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from footcheck.checklist.catalogue import Catalogue
from footcheck.checklist.question import AnswerValue, Question
from footcheck.instruments.start_back.result import Risk, StartBack

LOW_TOTAL = 3
"""A total of 3 or less is low risk."""
HIGH_PSYCHOSOCIAL = 4
"""Above the low band, a psychosocial subscale of 4 or more is high risk."""

TOTAL_LOINC = "91351-7"
"""The LOINC code of the total score."""
PSYCHOSOCIAL_LOINC = "91350-9"
"""The LOINC code of the psychosocial (distress) subscore."""
RISK_LOINC = "91352-5"
"""The LOINC code of the risk band, answered with the LOINC answers below."""
RISK_ANSWER_LOINC: Mapping[Risk, tuple[str, str]] = {
    "low": ("LA9194-7", "Low"),
    "medium": ("LA8982-6", "Medium"),
    "high": ("LA9193-9", "High"),
}
"""Each risk band's LOINC answer code and display."""


@cache
def items(catalogue: Catalogue) -> tuple[Question, ...]:
    """The STarT Back items, by item number."""
    found = [q for q in catalogue.questions if q.start_back_item is not None]
    return tuple(sorted(found, key=lambda q: q.start_back_item or 0))


@cache
def item_scores(
    catalogue: Catalogue,
) -> tuple[tuple[str, bool, dict[str, int] | None], ...]:
    """Each item's id, whether it is psychosocial, and the points of its answers, built
    once: None for a statement (agreeing is a point), else the points of each of the item's
    answers (item 9)."""
    return tuple(
        (
            q.id,
            q.psychosocial,
            None if q.kind == "boolean" else {c.value: c.score for c in q.choices},
        )
        for q in items(catalogue)
    )


def risk_band(total: int, psychosocial: int) -> Risk:
    """The published rule: total 0-3 low; else psychosocial 4-5 high; else medium."""
    if total <= LOW_TOTAL:
        return "low"
    if psychosocial >= HIGH_PSYCHOSOCIAL:
        return "high"
    return "medium"


def score_start_back(values: Mapping[str, AnswerValue], catalogue: Catalogue) -> StartBack | None:
    """The STarT Back scores, or None when the items do not apply (no back pain)."""
    questions = items(catalogue)
    if not questions or not questions[0].applies(values):
        return None
    total = psychosocial = 0
    for qid, psychosocial_item, scores in item_scores(catalogue):
        value = values.get(qid)
        points = int(value is True) if scores is None else scores.get(value, 0)  # type: ignore[arg-type]
        total += points
        if psychosocial_item:
            psychosocial += points
    return StartBack(total=total, psychosocial=psychosocial, risk=risk_band(total, psychosocial))
