"""Typed answers: what each text stands for, and how a bad one is echoed back."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from footcheck.checklist.kinds import InputProblem, not_allowed, parse_text
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.text.display import SHOWN_CHARACTERS, shown


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


LOOKS_LIKE_42 = ["4_2", "\u0664\u0662", "\uff14\uff12", "42e0", " 4 2 ", "0x2a", "42.", "+-42"]
"""Read as 42 (or near it) by int() / float(): underscores, Arabic-Indic and full-width
digits, an exponent; none is how a person writes an answer."""


@pytest.mark.parametrize("text", LOOKS_LIKE_42)
@pytest.mark.parametrize("qid", ["age", "standing_hours"])
@pytest.mark.parametrize("lenient", [True, False])
def test_item12_only_ascii_digits_are_a_number(text: str, qid: str, lenient: bool) -> None:
    if qid == "standing_hours" and text == "42.":
        return  # a number may end in its decimal point (42. is 42.0, out of range anyway)
    with pytest.raises(InputProblem):
        parse_text(QUESTION_BY_ID[qid], text, lenient=lenient)


@pytest.mark.parametrize(
    ("text", "whole", "comma", "expected"),
    [
        ("42", True, False, 42),
        ("+42", True, False, 42),
        ("-3", True, False, -3),
        ("7.5", False, False, 7.5),
        (".5", False, False, 0.5),
        ("7,5", False, True, 7.5),  # a decimal comma, typed at a prompt
        ("7,5", False, False, None),
        ("1,5,0", False, True, None),
        ("7.5", True, False, None),
        ("inf", False, False, None),
        ("nan", False, False, None),
        ("1e3", False, False, None),
        ("", True, False, None),
    ],
)
def test_item12_the_one_number_reader(
    text: str, whole: bool, comma: bool, expected: float | None
) -> None:
    from footcheck.checklist.kinds import read_number

    assert read_number(text, whole=whole, decimal_comma=comma) == expected


def test_item12_choice_numbers_at_a_prompt_are_ascii_too() -> None:
    arch = QUESTION_BY_ID["arch_standing"]
    assert parse_text(arch, "3", lenient=True) == "normal"
    with pytest.raises(InputProblem):
        parse_text(arch, "\u0663", lenient=True)  # Arabic-Indic 3


def test_item12_set_csv_and_result_ids_use_the_strict_reader(private_home: object) -> None:
    import io

    from typer.testing import CliRunner

    from footcheck.batch import read_rows
    from footcheck.cli.app import app

    runner = CliRunner()
    for text in LOOKS_LIKE_42:
        result = runner.invoke(app, ["assess", "--set", f"age={text}"])
        assert result.exit_code == 2 and "age: '" in result.stderr, text
    (row,) = read_rows(io.BytesIO("age,active_days\n4_2,\uff13\n".encode()), "csv")
    assert [p.id for p in row.problems] == ["age", "active_days"]
    shown = runner.invoke(app, ["history", "show", "\u0663"])
    assert shown.exit_code == 2 and "is not a result id" in shown.stderr


def test_item12_a_number_answer_is_the_same_from_every_edge(tmp_path: object) -> None:
    """`standing_hours` 9 read from JSON (9 or 9.0), TOML, `--set` or a CSV cell is one
    answer, 9.0, in the export's answers and evidence alike: the question's kind is
    "number", so it is always a JSON number with a decimal point, never 9 in one place and
    9.0 in another."""
    import io
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from footcheck.batch import read_rows
    from footcheck.cli.app import app
    from tests.conftest import RETAIL_WORKER

    runner = CliRunner()
    folder = Path(str(tmp_path))
    base = {k: v for k, v in RETAIL_WORKER.items() if k != "standing_hours"}
    exports = []
    for name, text in (
        ("int.json", json.dumps({**base, "standing_hours": 9})),
        ("float.json", json.dumps({**base, "standing_hours": 9.0})),
        ("int.toml", "\n".join(f"{k} = {json.dumps(v)}" for k, v in base.items() if v is not None)
         + "\nstanding_hours = 9\n"),
    ):  # fmt: skip
        (folder / name).write_text(text)
        exports.append(["assess", "--answers", str(folder / name), "-f", "json"])
    (folder / "base.json").write_text(json.dumps(base))
    exports.append(["assess", "--answers", str(folder / "base.json"), "--set", "standing_hours=9",
                    "-f", "json"])  # fmt: skip
    for args in exports:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.stderr
        assert '"standing_hours": 9.0' in result.stdout
        assert '"question": "standing_hours",\n          "answer": 9.0' in result.stdout
    (row,) = read_rows(io.BytesIO(b"standing_hours\n9\n"), "csv")
    assert row.values == {"standing_hours": 9.0}
    assert isinstance(row.values["standing_hours"], float)


def test_a_mistyped_choice_is_answered_in_the_persons_words() -> None:
    duration = QUESTION_BY_ID["pain_duration"]
    with pytest.raises(InputProblem) as typo:
        parse_text(duration, "ovr", lenient=True)
    assert str(typo.value) == (
        "'ovr' is not one of the choices: did you mean 3, over 12 weeks? "
        "Type 1 for under 6 weeks, 2 for 6 to 12 weeks or 3 for over 12 weeks."
    )
    with pytest.raises(InputProblem, match=r"did you mean 2, athletic\? Type 1 for supportive"):
        parse_text(QUESTION_BY_ID["main_footwear"], "athletc", lenient=True)
    # Nothing clearly closest: the choices as the menu shows them, and no guess.
    with pytest.raises(InputProblem) as nothing_close:
        parse_text(duration, "zzz", lenient=True)
    assert "did you mean" not in str(nothing_close.value)
    assert "type 1 for under 6 weeks" in str(nothing_close.value)
    assert "_" not in str(typo.value) + str(nothing_close.value)  # no internal ids
    # Scripts (--set, files) keep the strict wording, by id, with no suggestion.
    with pytest.raises(InputProblem) as strict:
        parse_text(duration, "ovr", lenient=False)
    assert str(strict.value) == (
        "'ovr' is not one of the choices: under_6_weeks, 6_to_12_weeks, over_12_weeks."
    )
