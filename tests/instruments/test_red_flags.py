"""Red flags: every flag alone raises its own level, read from the catalogue."""

from __future__ import annotations

import pytest

from footcheck import evaluate
from footcheck.catalogue import CATALOGUE
from footcheck.instruments.red_flags.calculation import (
    flag_level,
    flag_text,
    raised_flags,
    red_flag_questions,
)
from tests.helpers import answers

FLAGS = red_flag_questions()
TRIAGE_STEP = {"emergency": "seek_emergency_care", "urgent": "see_clinician_promptly"}


def test_every_question_of_the_warning_signs_section_has_a_level() -> None:
    section = {q.id for q in CATALOGUE.questions if q.section == "red_flags"}
    assert section == {q.id for q in FLAGS}
    assert all(q.kind == "boolean" and q.red_flag in ("emergency", "urgent") for q in FLAGS)


def test_no_flags_when_every_answer_is_no() -> None:
    assert raised_flags(answers()) == []
    assert flag_level([]) is None


def test_flags_are_listed_in_checklist_order() -> None:
    everything = answers(**{q.id: True for q in reversed(FLAGS)})
    assert raised_flags(everything) == [q.id for q in FLAGS]


def test_the_most_severe_level_wins() -> None:
    levels = {q.red_flag for q in FLAGS}
    assert levels == {"emergency", "urgent"}
    assert flag_level([q.id for q in FLAGS]) == "emergency"


@pytest.mark.parametrize("flag", FLAGS, ids=lambda q: q.id)
def test_each_flag_alone_raises_its_own_level(flag: object) -> None:
    from footcheck.question import Question

    assert isinstance(flag, Question)
    assert flag_text(flag.id) == flag.label
    summary = evaluate(answers(**{flag.id: True}))
    assert summary.triage.level == flag.red_flag
    assert summary.red_flags == [flag.id]
    assert any(flag.label in reason for reason in summary.triage.reasons)
    assert flag.red_flag is not None
    assert summary.steps[0].id == TRIAGE_STEP[flag.red_flag]
