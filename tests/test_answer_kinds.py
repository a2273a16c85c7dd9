"""Typed answers: what each text stands for, and how a bad one is echoed back."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from footcheck.answer_kinds import InputProblem, not_allowed, parse_text
from footcheck.catalogue import QUESTION_BY_ID
from footcheck.display_text import SHOWN_CHARACTERS, shown


@pytest.mark.parametrize(
    ("qid", "text", "lenient", "expected"),
    [
        ("back_pain", "Y", True, True),
        ("back_pain", "y", False, None),  # scripts spell it out
        ("back_pain", "no", False, False),
        ("pain_intensity", " 7 ", True, 7),
        ("standing_hours", "7,5", True, 7.5),  # a decimal comma at the prompt
        ("standing_hours", "7,5", False, None),
        ("arch_standing", "fl", True, "flat"),
        ("arch_standing", "1", True, "flat"),
        ("arch_standing", "fl", False, None),
        ("other_pain", "feet, knees", True, ["feet", "knees"]),
        ("other_pain", "feet;knees", False, ["feet", "knees"]),
        ("other_pain", "none", False, []),
        ("other_pain", "feet;feet", False, None),
        ("age", "", True, "empty"),
    ],
)
def test_text_to_answer(qid: str, text: str, lenient: bool, expected: object) -> None:
    question = QUESTION_BY_ID[qid]
    if expected is None:
        with pytest.raises(InputProblem):
            parse_text(question, text, lenient=lenient)
    else:
        assert parse_text(question, text, lenient=lenient) == (
            None if expected == "empty" else expected
        )


def test_an_arrow_key_is_echoed_as_an_escape_not_sent_to_the_terminal() -> None:
    with pytest.raises(InputProblem) as problem:
        parse_text(QUESTION_BY_ID["age"], "4\x1b[D2", lenient=True)
    assert "\x1b" not in str(problem.value)
    assert "'4\\x1b[D2'" in str(problem.value)
    assert shown("left\u202eright") == "left\\u202eright"  # no right-to-left override


@given(st.text())
def test_shown_text_is_short_and_printable(text: str) -> None:
    echoed = shown(text)
    assert echoed.isprintable()
    assert len(echoed) <= SHOWN_CHARACTERS * 6  # each character escaped at most


# Digits of every script (², ٣, Ⅻ), signs and spaces: where int() and str.isdigit() part.
NUMBER_LIKE = st.text(st.characters(categories=["Nd", "No", "Nl", "Pd", "Po", "Zs"]), max_size=4)


@given(st.sampled_from(sorted(QUESTION_BY_ID)), st.one_of(st.text(), NUMBER_LIKE), st.booleans())
@example("arch_standing", "²", True)  # a digit to isdigit() that int() cannot read
@example("other_pain", "1 ³", True)
def test_any_typed_text_is_an_answer_or_an_explained_problem(
    qid: str, text: str, lenient: bool
) -> None:
    try:
        parse_text(QUESTION_BY_ID[qid], text, lenient=lenient)
    except InputProblem as problem:
        assert str(problem).isprintable()


def test_a_refused_list_written_as_text_says_how_to_separate_it() -> None:
    message = not_allowed(QUESTION_BY_ID["other_pain"], "feet,knees")
    assert message.startswith("'feet,knees' is not allowed")
    assert "separated by ';', e.g. feet;knees" in message
    assert "separated" not in not_allowed(QUESTION_BY_ID["age"], "old")
