"""Red flags: every flag alone raises its own level, read from the catalogue."""

from __future__ import annotations

import pytest

from footcheck import evaluate
from footcheck.instruments.red_flags.scoring import (
    flag_level,
    flag_reason,
    raised_flags,
    red_flag_questions,
)
from footcheck.instruments.registry import CATALOGUE
from tests.helpers import answers

FLAGS = red_flag_questions(CATALOGUE)
TRIAGE_STEP = {"emergency": "seek_emergency_care", "urgent": "see_clinician_promptly"}


def test_every_question_of_the_warning_signs_section_has_a_level() -> None:
    section = {q.id for q in CATALOGUE.questions if q.section == "red_flags"}
    assert section == {q.id for q in FLAGS}
    assert all(q.kind == "boolean" and q.red_flag in ("emergency", "urgent") for q in FLAGS)


def test_no_flags_when_every_answer_is_no() -> None:
    assert raised_flags(answers(), CATALOGUE) == []
    assert flag_level([], CATALOGUE) is None


def test_flags_are_listed_in_checklist_order() -> None:
    everything = answers(**{q.id: True for q in reversed(FLAGS)})
    assert raised_flags(everything, CATALOGUE) == [q.id for q in FLAGS]


def test_the_most_severe_level_wins() -> None:
    levels = {q.red_flag for q in FLAGS}
    assert levels == {"emergency", "urgent"}
    assert flag_level([q.id for q in FLAGS], CATALOGUE) == "emergency"


@pytest.mark.parametrize("flag", FLAGS, ids=lambda q: q.id)
def test_each_flag_alone_raises_its_own_level(flag: object) -> None:
    from footcheck.checklist.question import Question

    assert isinstance(flag, Question)
    assert flag.red_flag is not None
    summary = evaluate(answers(**{flag.id: True}))
    assert summary.triage.level == flag.red_flag
    assert summary.red_flags == [flag.id]
    assert summary.triage.reasons == [flag_reason(flag.id, CATALOGUE)] == [flag.reason]
    assert flag.id not in flag.reason  # a sentence for the person, no internal id
    # the triage step alone: nothing else is advised before a doctor has checked
    assert [s.id for s in summary.steps] == [TRIAGE_STEP[flag.red_flag]]


SPEC_LEVELS = {
    "rf_bladder_bowel": "emergency",
    "rf_saddle_numbness": "emergency",
    "rf_both_legs": "emergency",
    "rf_leg_weakness": "emergency",
    "rf_chest_pain": "emergency",
    "rf_trauma": "emergency",
    "rf_fever_weight_loss": "urgent",
    "rf_night_pain": "urgent",
    "rf_upper_back": "urgent",
    "rf_lump_shape": "urgent",
    "rf_cancer_history": "urgent",
    "rf_immune_steroids": "urgent",
}


def test_the_levels_are_the_checklist_version_2_table() -> None:
    assert {q.id: q.red_flag for q in FLAGS} == SPEC_LEVELS
    assert [q.id for q in FLAGS] == list(SPEC_LEVELS)  # asked in this order


def test_red_flags_are_asked_only_with_back_pain() -> None:
    assert all(not q.applies({"back_pain": False}) for q in FLAGS)
    assert all(q.applies({"back_pain": True}) for q in FLAGS)


def test_a_past_cancer_without_back_pain_is_not_a_red_flag() -> None:
    from footcheck import AnswersError

    with pytest.raises(AnswersError, match="does not apply"):
        evaluate({**answers(), "rf_cancer_history": True, "back_pain": False})
    assert evaluate(answers()).triage.level == "self_care"
