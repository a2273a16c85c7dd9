"""The checklist's words are messages: every section, question and choice of the catalogue
has each of its message ids (which its properties build from its id, so that the test of
literal ids cannot see them), the message file holds no words for a question or choice the
catalogue lacks, and the Keele STarT Back text is quoted as the tool words it."""

from __future__ import annotations

from typing import get_args

import pytest

from footcheck.checklist.catalogue import not_applicable_reason
from footcheck.checklist.kinds import (
    KINDS,
    InputProblem,
    allowed,
    format_value,
    menu,
    not_allowed,
    parse_text,
)
from footcheck.checklist.question import Condition, Question, RedFlagLevel
from footcheck.instruments.red_flags.scoring import flag_reason
from footcheck.instruments.registry import CATALOGUE
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
from footcheck.text.messages import EN, placeholders

QUESTIONS = CATALOGUE.questions
IDS = [q.id for q in QUESTIONS]


def test_every_section_has_a_title_and_an_introduction() -> None:
    for section in CATALOGUE.sections:
        assert f"section.{section.id}.title" in EN
        assert f"section.{section.id}.intro" in EN
        assert section.title and section.intro


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
def test_every_question_has_its_words(question: Question) -> None:
    for part in ("prompt", "help", "short"):
        assert f"question.{question.id}.{part}" in EN, part
    assert question.prompt and question.help and question.short and question.label
    # A warning sign is told back in a sentence of its own; no other question has one.
    assert (f"question.{question.id}.reason" in EN) == (question.red_flag is not None)
    if question.red_flag is not None:
        assert flag_reason(question.id, CATALOGUE) == question.reason


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.choices], ids=str)
def test_every_choice_has_a_label(question: Question) -> None:
    for choice in question.choices:
        assert f"question.{question.id}.choice.{choice.value}.label" in EN, choice.value
        assert choice.label


def test_the_message_file_has_no_words_for_what_the_catalogue_lacks() -> None:
    known = {f"section.{s.id}.{part}" for s in CATALOGUE.sections for part in ("title", "intro")}
    for q in QUESTIONS:
        known |= {f"question.{q.id}.{part}" for part in ("prompt", "help", "short", "reason")}
        known |= {
            f"question.{q.id}.choice.{c.value}.{part}"
            for c in q.choices
            for part in ("label", "hint")
        }
    records = [k for k in EN.templates if k.startswith(("section.", "question."))]
    assert [k for k in records if k not in known] == []


def test_the_texts_quote_only_the_passages_they_are_given() -> None:
    """A question's help may quote {if_yes} (a warning sign's) or {statement_help}; a
    section's introduction the Keele frame and copyright statement; nothing else."""
    for q in QUESTIONS:
        for part in ("prompt", "short", "reason"):
            assert placeholders(EN.templates.get(f"question.{q.id}.{part}", "")) == set()
        quoted = placeholders(EN.templates[f"question.{q.id}.help"])
        if q.red_flag is not None:
            assert quoted == {"if_yes"}, q.id  # what a yes leads to, by the question's level
        else:
            assert quoted <= {"statement_help"}, q.id
        for c in q.choices:
            for part in ("label", "hint"):
                assert (
                    placeholders(EN.templates.get(f"question.{q.id}.choice.{c.value}.{part}", ""))
                    == set()
                )
    for s in CATALOGUE.sections:
        assert placeholders(EN.templates[f"section.{s.id}.intro"]) <= {
            "keele_frame",
            "keele_copyright",
        }


@pytest.mark.parametrize("level", get_args(RedFlagLevel))
def test_each_level_of_warning_sign_says_what_a_yes_leads_to(level: str) -> None:
    flags = [q for q in QUESTIONS if q.red_flag == level]
    assert flags
    assert all(q.help.endswith(" " + EN(f"checklist.if_yes.{level}")) for q in flags)


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
def test_every_kind_has_its_words(question: Question) -> None:
    """What is allowed, the prompt hint, the menu, an answer shown, and each refusal: a
    message id a kind builds and the file lacks would raise MessageError."""
    assert allowed(question)
    assert KINDS[question.kind].prompt_shape(question)
    assert all(menu(question))
    assert format_value(question, None)
    assert not_allowed(question, "zz")
    assert all(question.words)
    refused = ["zz", "99999", "-99999", "+"]
    if question.kind == "multi":
        refused.append(f"{question.values[0]},{question.values[0]}")
    if question.kind in ("choice", "multi"):
        refused.append("0")  # not a number beside a choice
    for text in refused:
        for lenient in (True, False):
            try:
                parse_text(question, text, lenient=lenient)
            except InputProblem as problem:
                assert str(problem)


def test_an_ambiguous_choice_is_refused_in_words() -> None:
    question = CATALOGUE.by_id["lifting"]  # no two of its values share a start: repeat them
    with pytest.raises(InputProblem, match="could be sometimes or sometimes"):
        parse_text(question._replace(choices=question.choices * 2), "s", lenient=True)
    assert format_value(CATALOGUE.by_id["other_pain"], []) == EN("kind.multi.none")


@pytest.mark.parametrize("test", ["is_yes", "above_zero"])
def test_every_condition_is_said(test: str) -> None:
    condition = Condition("back_pain", test)  # type: ignore[arg-type]
    assert condition.text.startswith("back_pain ")
    dependent = next(q for q in QUESTIONS if q.when is not None)
    assert dependent.when is not None
    assert not_applicable_reason(dependent, {dependent.when.question: False})


KEELE_FRAME = "Thinking about the last 2 weeks, tick your response to the following questions"
KEELE_ITEMS = (
    "My back pain has spread down my leg(s) at some time in the last 2 weeks",
    "I have had pain in the shoulder or neck at some time in the last 2 weeks",
    "I have only walked short distances because of my back pain",
    "In the last 2 weeks, I have dressed more slowly than usual because of back pain",
    "It's not really safe for a person with a condition like mine to be physically active",
    "Worrying thoughts have been going through my mind a lot of the time",
    "I feel that my back pain is terrible and it's never going to get any better",
    "In general I have not enjoyed all the things I used to enjoy",
    "Overall, how bothersome has your back pain been in the last 2 weeks?",
)
"""The tool's own words, licensed: quoted unaltered, character for character."""


def test_the_keele_items_frame_and_copyright_are_quoted_unaltered() -> None:
    items = sorted(
        (q for q in QUESTIONS if q.start_back_item), key=lambda q: q.start_back_item or 0
    )
    assert tuple(q.prompt for q in items) == KEELE_ITEMS
    assert EN("keele.frame") == KEELE_FRAME
    assert (
        KEELE_COPYRIGHT
        == EN("keele.copyright")
        == (
            "STarT Back Screening Tool items © Keele University 01/08/07, funded by Arthritis "
            "Research UK. Free for non-commercial use."
        )
    )
    outlook = CATALOGUE.section_by_id["outlook"].intro
    assert f"{KEELE_FRAME}: " in outlook and outlook.endswith("\n" + KEELE_COPYRIGHT)
