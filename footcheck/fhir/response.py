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
        raise InputFileError(f"{path} is a response marked entered-in-error: it is not used")
    values: dict[str, AnswerValue] = {}
    problems: list[Problem] = []
    pending: list[tuple[object, int]] = [(response.get("item", []), 1)]
    while pending:
        items, depth = pending.pop()
        if depth > MAX_DEPTH:
            problems.append(Problem("item", f"is nested more than {MAX_DEPTH} levels deep"))
            continue
        if not isinstance(items, list):
            problems.append(Problem("item", "must be a list of items"))
            continue
        for item in items:
            link_id = item.get("linkId") if isinstance(item, dict) else None
            if not isinstance(link_id, str):
                problems.append(Problem("item", "must be an object with a linkId"))
                continue
            question = QUESTION_BY_ID.get(link_id)
            if question is not None:
                if link_id in values:
                    problems.append(Problem(link_id, "is answered twice; answer it once"))
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
                problems.append(Problem(link_id, "is a section: its questions hold the answers"))
            if "item" in item:
                pending.append((item["item"], depth + 1))
    if problems:
        problems.sort(key=lambda p: QUESTION_ORDER.get(p.id, -1))
        raise AnswersError(
            problems,
            f"{path} does not fit footcheck's Questionnaire: {len(problems)} problem(s)",
        )
    return values, version


def answer_of(question: Question, answers: object) -> tuple[AnswerValue, str | None]:
    """One question's answer from its FHIR answers, or why they do not fit."""
    kind = KINDS[question.kind]
    if answers is None or answers == []:
        return None, None
    expected = f"{kind.fhir_value} ({allowed(question)})"
    if not isinstance(answers, list):
        return None, f"answer must be a list; allowed: {expected}"
    if len(answers) > 1 and not kind.fhir_repeats:
        return None, f"has {len(answers)} answers; allowed: one {expected}"
    given: list[Any] = []
    for answer in answers:
        keys = (
            [key for key in answer if key.startswith("value")] if isinstance(answer, dict) else []
        )
        if keys != [kind.fhir_value]:
            named = ", ".join(shown(key) for key in keys) or "an answer without a value"
            return None, f"{named} is not allowed; allowed: {expected}"
        raw: Any = answer[kind.fhir_value]
        if not isinstance(raw, JSON_TYPES[kind.fhir_value]) or (
            isinstance(raw, bool) and kind.fhir_value != "valueBoolean"
        ):
            return None, f"{kind.fhir_value} {shown_json(raw)} is not allowed; allowed: {expected}"
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
            return None, f"'{NO_ITEMS_CODE}' cannot be given with other answers"
        return [], None
    return given, None


def _code(question: Question, coding: Mapping[str, Any]) -> tuple[str, str | None]:
    """The choice a coding names, or why it names none (another system, an unknown code)."""
    codes = [*question.values, *((NO_ITEMS_CODE,) if KINDS[question.kind].fhir_repeats else ())]
    allowed = f"a code of {ANSWERS_SYSTEM}: {', '.join(codes)}"
    system, code = coding.get("system"), coding.get("code")
    if system not in (None, ANSWERS_SYSTEM):
        return "", f"the coding's system {shown_json(system)} is not allowed; allowed: {allowed}"
    if not isinstance(code, str) or code not in codes:
        return "", f"code {shown_json(code)} is not in its answer list; allowed: {allowed}"
    return code, None


def _the_response(data: Mapping[str, Any], path: Path) -> Mapping[str, Any]:
    kind = data.get("resourceType")
    if kind == RESPONSE:
        return data
    if kind != "Bundle":
        raise InputFileError(
            f"{path} is a FHIR {shown_json(kind)}, not a {RESPONSE} footcheck can read",
            [f"give a {RESPONSE} to footcheck's Questionnaire, or a Bundle holding one"],
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
            f"{path} is a FHIR Bundle with {len(responses)} {RESPONSE}s; footcheck reads one"
        )
    response: Mapping[str, Any] = responses[0]
    return response


def _checklist_version(response: Mapping[str, Any], path: Path) -> int:
    """The checklist version a response answers, from its canonical reference."""
    reference = response.get("questionnaire")
    url, _, version = reference.partition("|") if isinstance(reference, str) else ("", "", "")
    if url != QUESTIONNAIRE_URL:
        what = "names no questionnaire" if reference is None else "answers another questionnaire"
        raise InputFileError(
            f"{path} {what} ({shown_json(reference, URL_CHARACTERS)}), not footcheck's",
            [f"footcheck reads responses to {QUESTIONNAIRE_URL} ({QUESTIONNAIRE_COMMAND})"],
        )
    known = [str(n) for n in range(1, CHECKLIST_VERSION + 1)]
    if not version:
        return CHECKLIST_VERSION
    if version not in known:
        raise InputFileError(
            f"{path} answers checklist version {shown(version)}",
            [f"this footcheck knows checklist versions {', '.join(known)}"],
        )
    return int(version)


def _unknown_link(link_id: str) -> str:
    suggestion = suggest_id(link_id)
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    return (
        f"is not a question of footcheck's Questionnaire{hint} ({QUESTIONNAIRE_COMMAND} lists them)"
    )
