"""Answers given on the command line: a file (JSON, TOML, an exported summary or a FHIR
QuestionnaireResponse) with `--answers`, and single answers with `--set`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from footcheck.answers.model import MAX_SUGGESTIONS, unknown_id_message
from footcheck.answers.reading import (
    check_structure,
    nested_too_deeply,
    parse_json,
    read_text,
)
from footcheck.checklist.kinds import InputProblem, not_allowed, parse_text
from footcheck.checklist.question import AnswerValue
from footcheck.errors import InputFileError, Problem
from footcheck.instruments.registry import CATALOGUE, QUESTION_BY_ID
from footcheck.text.messages import say


def load_answers_file(path: Path) -> dict[str, Any]:
    """The raw answers in ``path``: a JSON or TOML table, or an exported summary's answers."""
    data = _load_table(path)
    return _answers_of(data) if _is_summary(data) else data


def _is_summary(data: dict[str, Any]) -> bool:
    return "schema_version" in data and isinstance(data.get("answers"), dict)


def _answers_of(summary: dict[str, Any]) -> dict[str, Any]:
    return dict(summary["answers"])


def _load_table(path: Path) -> dict[str, Any]:
    """The table (JSON object or TOML document) in ``path``, with every failure named."""
    what = say("file.what.answers")
    text = read_text(path, what)
    toml = _is_toml(path)
    check_structure(path, text, what, toml=toml)
    try:
        data = _parse(path, text, toml=toml)
    except RecursionError:  # the structure check stops this first; a parser's own limit
        raise InputFileError(nested_too_deeply(path, what)) from None
    except ValueError:  # an integer of thousands of digits (syntax errors are named in _parse)
        raise InputFileError(say("file.number_too_long", path=path)) from None
    if not isinstance(data, dict):
        raise InputFileError(say("file.not_a_table", path=path))
    return dict(data)


def lend_summary_answers(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """An exported summary's answers for a new assessment, and a note of what was left out.

    A summary scored with an earlier checklist may hold answers to questions that no longer
    apply (version 1 asked the warning signs of everyone): they are left out and named, and
    the questions new since then are asked or listed as missing.
    """
    off = CATALOGUE.inapplicable_ids(data)
    dropped = [qid for qid in data if qid in off and data[qid] is not None]
    if not dropped:
        return data, []
    note = say("file.earlier_checklist", path=path, ids=", ".join(dropped))
    return {k: v for k, v in data.items() if k not in dropped}, [note]


def read_answers(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The answers in ``path``, and notes for the person (an exported summary's leftovers).

    A FHIR QuestionnaireResponse (or a Bundle holding one) is read by its ``linkId``s; one
    that answers an earlier checklist lends its answers as an exported summary does.
    """
    data = _load_table(path)
    if _is_summary(data):
        return lend_summary_answers(path, _answers_of(data))
    if "resourceType" in data:
        from footcheck.fhir.response import read_response
        from footcheck.summary import CHECKLIST_VERSION

        answers, version = read_response(data, path)
        if version < CHECKLIST_VERSION:
            return lend_summary_answers(path, dict(answers))
        return dict(answers), []
    return data, []


def _is_toml(path: Path) -> bool:
    return path.suffix.lower() == ".toml"


def _parse(path: Path, text: str, *, toml: bool) -> Any:
    """The document in ``text``, TOML or else JSON; a syntax error names the spot."""
    if toml:
        import tomllib

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise InputFileError(say("file.invalid_toml", path=path, error=error)) from None
    return parse_json(path, text)


def parse_assignments(assignments: list[str]) -> tuple[dict[str, AnswerValue], list[Problem]]:
    """`--set ID=VALUE` options as answers, with a problem for each one that is wrong."""
    values: dict[str, AnswerValue] = {}
    problems: list[Problem] = []
    unknown = 0
    for item in assignments:
        qid, sep, text = item.partition("=")
        qid = qid.strip()
        if not sep:
            problems.append(Problem(item, say("problem.assignment")))
            continue
        question = QUESTION_BY_ID.get(qid)
        if question is None:
            unknown += 1
            message = unknown_id_message(qid, suggest=unknown <= MAX_SUGGESTIONS)
            problems.append(Problem(qid or repr(qid), message, "unknown_id"))
            continue
        if text.strip().lower() == "null":
            values[qid] = None
            continue
        try:
            values[qid] = parse_text(question, text, lenient=False)
        except InputProblem:
            problems.append(Problem(qid, not_allowed(question, text)))
    return values, problems
