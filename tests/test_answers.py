"""Validation of answers: every error names its field and says what is allowed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import strategies as st

from footcheck import Answers, AnswersError, evaluate
from footcheck.answers.model import suggest_id, validate_answers
from footcheck.instruments.registry import QUESTION_IDS, QUESTIONS
from tests.helpers import answers


def problems(data: dict[str, Any], *, partial: bool = False) -> dict[str, str]:
    with pytest.raises(AnswersError) as caught:
        validate_answers(data, partial=partial)
    return {p.id: p.message for p in caught.value.problems}


def test_catalogue_and_model_agree() -> None:
    assert tuple(Answers.model_fields) == QUESTION_IDS
    assert len(set(QUESTION_IDS)) == len(QUESTIONS)


@pytest.mark.parametrize(
    ("qid", "value", "allowed"),
    [
        ("age", 15, "a whole number from 16 to 110"),
        ("age", 111, "a whole number from 16 to 110"),
        ("age", "forty", "a whole number from 16 to 110"),
        ("age", True, "a whole number from 16 to 110"),
        ("age", 40.5, "a whole number from 16 to 110"),
        ("arch_standing", "flatt", "one of flat, low, normal, high, unsure"),
        ("shoes_worn_out", "maybe", "true or false"),
        ("standing_hours", -1, "a number from 0 to 24"),
        ("standing_hours", float("nan"), "a number from 0 to 24"),
        ("active_days", 8, "a whole number from 0 to 7"),
        ("fpi6_total", 13, "a whole number from -12 to 12, or null"),
        ("other_pain", ["back"], "a list (may be empty, no repeats) of feet, knees, hips"),
        ("other_pain", "feet", "a list"),
    ],
)
def test_bad_value_names_field_and_allowed(qid: str, value: Any, allowed: str) -> None:
    found = problems(answers(**{qid: value}))
    assert list(found) == [qid]
    assert allowed in found[qid]


def test_unknown_id_suggests_the_nearest() -> None:
    data = answers()
    data["arch_standng"] = "flat"
    assert "did you mean 'arch_standing'" in problems(data)["arch_standng"]
    assert suggest_id("PAIN_INTENSITY") == "pain_intensity"
    assert suggest_id("zzzz") is None


def test_value_for_question_that_does_not_apply() -> None:
    found = problems(answers(pain_intensity=4))
    assert found == {"pain_intensity": "does not apply: it applies only when back_pain is yes"}
    found = problems(answers(standing_hours=0, hard_floors=True))
    assert "standing_hours is more than 0" in found["hard_floors"]


def test_null_for_question_that_does_not_apply_is_fine() -> None:
    validate_answers(answers(pain_intensity=None, hard_floors=None, standing_hours=0))


def test_missing_answers_are_listed() -> None:
    data = answers(back_pain=True)
    del data["sb_worry"], data["age"]
    found = problems(data)
    assert set(found) == {"age", "sb_worry"}
    assert "needs an answer" in found["age"]


def test_partial_answers_allow_gaps_but_not_bad_values() -> None:
    partial = validate_answers({"age": 30, "back_pain": True}, partial=True)
    assert partial.missing()[:2] == ["diabetes_feet", "pain_intensity"]
    assert problems({"age": 3}, partial=True) == {
        "age": "3 is not allowed; allowed: a whole number from 16 to 110"
    }


def test_fpi6_may_be_absent() -> None:
    data = answers()
    del data["fpi6_total"]
    validate_answers(data)


def test_day_longer_than_24_hours() -> None:
    found = problems(answers(standing_hours=16, sitting_hours=8.5))
    assert found == {
        "sitting_hours": "standing (16 h) and sitting (8.5 h) add up to more than 24 hours"
    }
    validate_answers(answers(standing_hours=16, sitting_hours=8))


def test_repeated_list_item() -> None:
    assert problems(answers(other_pain=["feet", "knees", "feet"])) == {
        "other_pain": "lists feet twice"
    }


def test_every_problem_reported_at_once() -> None:
    data = answers(age=5, pain_intensity=3, other_pain=["feet", "feet"])
    data["colour"] = "red"
    del data["lifting"]
    found = problems(data)
    assert set(found) == {"age", "pain_intensity", "other_pain", "colour", "lifting"}


def test_not_a_mapping() -> None:
    with pytest.raises(AnswersError) as caught:
        validate_answers([1, 2])  # type: ignore[arg-type]
    assert caught.value.problems[0].id == "answers"


def test_lenient_booleans_in_files() -> None:
    assert validate_answers(answers(shoes_worn_out="yes")).shoes_worn_out is True


def test_evaluate_accepts_model_or_mapping() -> None:
    data = answers(lifting="often")
    from_model = evaluate(Answers.model_validate(data))
    from_mapping = evaluate(data)
    assert from_model.contributors == from_mapping.contributors


def test_evaluate_refuses_incomplete_model() -> None:
    partial = validate_answers({"age": 30, "diabetes_feet": False}, partial=True)
    with pytest.raises(AnswersError) as caught:
        evaluate(partial)
    assert caught.value.problems[0].id == "back_pain"


def test_statements_take_their_own_words_in_files_too() -> None:
    """README: `true` means agree; "agree" / "disagree" are accepted too."""
    base = answers(back_pain=True)
    data = {**base, "sb_worry": "agree", "sb_terrible": "disagree", "sb_leg_pain": "yes"}
    read = validate_answers(data).values
    assert (read["sb_worry"], read["sb_terrible"], read["sb_leg_pain"]) == (True, False, True)
    with pytest.raises(AnswersError):
        validate_answers({**base, "back_pain": "agree"})  # only a statement's own words


def test_the_answers_schema_carries_the_keele_statement_and_the_accepted_words() -> None:
    from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
    from footcheck.render.schemas import answers_schema

    schema = answers_schema()
    assert KEELE_COPYRIGHT in schema["description"]
    assert {"enum": ["agree", "disagree", "no", "yes"]} in schema["properties"]["sb_worry"]["anyOf"]


def test_the_answers_schema_is_the_one_published() -> None:
    """The answers file's JSON Schema, as published, word for word."""
    import json
    from pathlib import Path

    from footcheck.render.schemas import answers_schema

    golden = Path(__file__).parent / "golden" / "answers.schema.json"
    assert answers_schema() == json.loads(golden.read_text())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-20, 200) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=6,
)
answer_tables = st.dictionaries(
    st.sampled_from(QUESTION_IDS) | st.text(max_size=6),
    json_values | st.sampled_from(["flat", "agree", "feet", "yes", "inner_edge"]),
    max_size=12,
)


@pytest.mark.parametrize("answers", [[1, 2], None, "age=40", 5, [("age", 40)]])
def test_evaluate_refuses_what_is_not_a_table_of_answers(answers: Any) -> None:
    with pytest.raises(AnswersError) as caught:
        evaluate(answers)
    assert str(caught.value.problems[0]) == "answers: must be a table of question ids and answers"
