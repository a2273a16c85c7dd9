"""Which warning signs were answered yes, and the most severe level among them.

Everything is read from the catalogue: a question with a ``red_flag`` level is a red flag
(docs/rules.md, "Red flags").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from footcheck.checklist.catalogue import Catalogue
from footcheck.checklist.question import AnswerValue, Question, RedFlagLevel
from footcheck.text.messages import say

LEVEL_ORDER: tuple[RedFlagLevel, ...] = ("emergency", "urgent")
"""Most severe first: the first level any raised flag has is the result's."""


@cache
def red_flag_questions(catalogue: Catalogue) -> tuple[Question, ...]:
    """Every red-flag question, in asking order."""
    return tuple(q for q in catalogue.questions if q.red_flag is not None)


def raised_flags(values: Mapping[str, AnswerValue], catalogue: Catalogue) -> list[str]:
    """Red-flag ids answered yes, in checklist order."""
    return [qid for qid in red_flag_ids(catalogue) if values.get(qid) is True]


@cache
def red_flag_ids(catalogue: Catalogue) -> tuple[str, ...]:
    return tuple(q.id for q in red_flag_questions(catalogue))


def flag_level(raised: list[str], catalogue: Catalogue) -> RedFlagLevel | None:
    """The most severe level among the raised flags, or None when none was raised."""
    levels = {catalogue.by_id[flag].red_flag for flag in raised}
    return next((level for level in LEVEL_ORDER if level in levels), None)


def flag_reason(flag: str, catalogue: Catalogue) -> str:
    """A yes to this red flag, told back as a plain sentence (the triage reasons)."""
    question = catalogue.by_id[flag]
    return question.reason or say("checklist.red_flag_reason", label=question.label)
