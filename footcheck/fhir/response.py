"""Answers from a FHIR ``QuestionnaireResponse`` to footcheck's Questionnaire (`assess
--answers`), or from a ``Bundle`` holding one (as `--format fhir` writes).

Answers are read by ``linkId``, wherever they are nested; each must have the value type of
its item. What does not fit is named by its ``linkId`` with what is allowed. Ranges, which
questions apply and the rest are then checked as for any answers file
(``footcheck.answers.model.validate_answers``). The items are walked with a list, not by
recursion, and to a bounded depth: a hostile file cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from footcheck.answers.model import QUESTION_ORDER, suggest_id
from footcheck.checklist.kinds import KINDS, allowed
from footcheck.checklist.question import AnswerValue, Question
from footcheck.errors import AnswersError, InputFileError, Problem
from footcheck.fhir import ANSWERS_SYSTEM, NO_ITEMS_CODE, QUESTIONNAIRE_URL
from footcheck.instruments.registry import QUESTION_BY_ID, SECTION_BY_ID
from footcheck.summary import CHECKLIST_VERSION
from footcheck.text.display import shown, shown_json
from footcheck.text.messages import say

MAX_DEPTH = 8
"""How deep items may nest (footcheck's own responses use 2 levels: section, question)."""
RESPONSE = "QuestionnaireResponse"
QUESTIONNAIRE_COMMAND = "footcheck questions --format fhir"
URL_CHARACTERS = 120
"""A canonical URL is shown this far: cut at 30 like typed text, it would not say whose."""
JSON_TYPES: dict[str, tuple[type, ...]] = {
    "valueBoolean": (bool,),
    "valueInteger": (int,),
    "valueDecimal": (int, float),
    "valueCoding": (dict,),
}
"""The JSON types each answer value may have (a boolean is never a number)."""


def read_response(data: Mapping[str, Any], path: Path) -> tuple[dict[str, AnswerValue], int]:
    """The answers in a QuestionnaireResponse (or a Bundle holding one), and the checklist
    version it answers."""
    response = _the_response(data, path)
    version = _checklist_version(response, path)
    if response.get("status") == "entered-in-error":
        raise InputFileError(say("fhir.response.entered_in_error", path=path))
    values: dict[str, AnswerValue] = {}
    problems: list[Problem] = []
    pending: list[tuple[object, int]] = [(response.get("item", []), 1)]
    while pending:
        items, depth = pending.pop()
        if depth > MAX_DEPTH:
            problems.append(Problem("item", say("fhir.response.too_deep", depth=MAX_DEPTH)))
            continue
        if not isinstance(items, list):
            problems.append(Problem("item", say("fhir.response.items_not_a_list")))
            continue
        for item in items:
            link_id = item.get("linkId") if isinstance(item, dict) else None
            if not isinstance(link_id, str):
                problems.append(Problem("item", say("fhir.response.no_link_id")))
                continue
            question = QUESTION_BY_ID.get(link_id)
            if question is not None:
                if link_id in values:
                    problems.append(Problem(link_id, say("fhir.response.answered_twice")))
                    continue
                value, problem = answer_of(question, item.get("answer"))
                if problem is not None:
                    problems.append(Problem(link_id, problem))
                else:
                    values[link_id] = value
                answers = item.get("answer")
                for answer in answers if isinstance(answers, list) else ():
                    if isinstance(answer, dict) and "item" in answer:
                        pending.append((answer["item"], depth + 1))
            elif link_id not in SECTION_BY_ID:
                problems.append(Problem(link_id, _unknown_link(link_id), "unknown_id"))
                continue
            elif "answer" in item:
                problems.append(Problem(link_id, say("fhir.response.section_answered")))
            if "item" in item:
                pending.append((item["item"], depth + 1))
    if problems:
        problems.sort(key=lambda p: QUESTION_ORDER.get(p.id, -1))
        count = len(problems)
        if count == 1:
            message = say("fhir.response.does_not_fit.one", path=path, count=count)
        else:
            message = say("fhir.response.does_not_fit.other", path=path, count=count)
        raise AnswersError(problems, message)
    return values, version


def answer_of(question: Question, answers: object) -> tuple[AnswerValue, str | None]:
    """One question's answer from its FHIR answers, or why they do not fit."""
    kind = KINDS[question.kind]
    if answers is None or answers == []:
        return None, None
    expected = say("fhir.response.expected", value_type=kind.fhir_value, allowed=allowed(question))
    if not isinstance(answers, list):
        return None, say("fhir.response.answer_not_a_list", expected=expected)
    if len(answers) > 1 and not kind.fhir_repeats:
        return None, say("fhir.response.too_many_answers", count=len(answers), expected=expected)
    given: list[Any] = []
    for answer in answers:
        keys = (
            [key for key in answer if key.startswith("value")] if isinstance(answer, dict) else []
        )
        if keys != [kind.fhir_value]:
            named = ", ".join(shown(key) for key in keys) or say("fhir.response.no_value")
            return None, say("fhir.response.value_not_allowed", named=named, expected=expected)
        raw: Any = answer[kind.fhir_value]
        if not isinstance(raw, JSON_TYPES[kind.fhir_value]) or (
            isinstance(raw, bool) and kind.fhir_value != "valueBoolean"
        ):
            return None, say(
                "fhir.response.type_not_allowed",
                value_type=kind.fhir_value,
                value=shown_json(raw),
                expected=expected,
            )
        if kind.fhir_value == "valueCoding":
            code, problem = _code(question, cast("Mapping[str, Any]", raw))
            if problem is not None:
                return None, problem
            given.append(code)
        else:
            given.append(raw)
    if not kind.fhir_repeats:
        return given[0], None
    if NO_ITEMS_CODE in given:
        if len(given) > 1:
            return None, say("fhir.response.none_with_others", code=NO_ITEMS_CODE)
        return [], None
    return given, None


def _code(question: Question, coding: Mapping[str, Any]) -> tuple[str, str | None]:
    """The choice a coding names, or why it names none (another system, an unknown code)."""
    codes = [*question.values, *((NO_ITEMS_CODE,) if KINDS[question.kind].fhir_repeats else ())]
    allowed = say("fhir.response.codes", system=ANSWERS_SYSTEM, codes=", ".join(codes))
    system, code = coding.get("system"), coding.get("code")
    if system not in (None, ANSWERS_SYSTEM):
        return "", say(
            "fhir.response.system_not_allowed", system=shown_json(system), allowed=allowed
        )
    if not isinstance(code, str) or code not in codes:
        return "", say("fhir.response.code_not_listed", code=shown_json(code), allowed=allowed)
    return code, None


def _the_response(data: Mapping[str, Any], path: Path) -> Mapping[str, Any]:
    kind = data.get("resourceType")
    if kind == RESPONSE:
        return data
    if kind != "Bundle":
        raise InputFileError(
            say(
                "fhir.response.not_a_response", path=path, kind=shown_json(kind), resource=RESPONSE
            ),
            [say("fhir.response.give_a_response", resource=RESPONSE)],
        )
    entries = data.get("entry")
    responses = [
        entry["resource"]
        for entry in (entries if isinstance(entries, list) else ())
        if isinstance(entry, dict)
        and isinstance(entry.get("resource"), dict)
        and entry["resource"].get("resourceType") == RESPONSE
    ]
    if len(responses) != 1:
        raise InputFileError(
            say("fhir.response.bundle_count", path=path, count=len(responses), resource=RESPONSE)
        )
    response: Mapping[str, Any] = responses[0]
    return response


def _checklist_version(response: Mapping[str, Any], path: Path) -> int:
    """The checklist version a response answers, from its canonical reference."""
    reference = response.get("questionnaire")
    url, _, version = reference.partition("|") if isinstance(reference, str) else ("", "", "")
    if url != QUESTIONNAIRE_URL:
        shown_reference = shown_json(reference, URL_CHARACTERS)
        if reference is None:
            message = say("fhir.response.no_questionnaire", path=path, reference=shown_reference)
        else:
            message = say(
                "fhir.response.another_questionnaire", path=path, reference=shown_reference
            )
        raise InputFileError(
            message,
            [say("fhir.response.reads", url=QUESTIONNAIRE_URL, command=QUESTIONNAIRE_COMMAND)],
        )
    known = [str(n) for n in range(1, CHECKLIST_VERSION + 1)]
    if not version:
        return CHECKLIST_VERSION
    if version not in known:
        raise InputFileError(
            say("fhir.response.unknown_version", path=path, version=shown(version)),
            [say("fhir.response.known_versions", versions=", ".join(known))],
        )
    return int(version)


def _unknown_link(link_id: str) -> str:
    suggestion = suggest_id(link_id)
    if suggestion:
        return say(
            "fhir.response.unknown_link.suggest",
            suggestion=suggestion,
            command=QUESTIONNAIRE_COMMAND,
        )
    return say("fhir.response.unknown_link.plain", command=QUESTIONNAIRE_COMMAND)
