"""`footcheck template` and `footcheck report`: commands that read or write one file."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from footcheck.answers.reading import check_structure, parse_json, read_text
from footcheck.answers.template import json_template, toml_template
from footcheck.cli.output import Destination, check_output, show_stored
from footcheck.errors import InputFileError, OutputError
from footcheck.instruments.registry import QUESTION_IDS
from footcheck.store.files import SHAREABLE, write_text
from footcheck.summary import Summary
from footcheck.text.display import printable
from footcheck.text.messages import say

if TYPE_CHECKING:
    from footcheck.cli.context import Context


def write_template(context: Context, output: Path | None, *, force: bool) -> None:
    """JSON on stdout or to a file; TOML when the file's name ends in .toml."""
    if output is None:
        context.stdout.write(json_template())
        return
    check_output(output, force=force)
    text = toml_template() if output.suffix.lower() == ".toml" else json_template()
    try:
        write_text(output, text, force=force, mode=SHAREABLE)
    except OSError as error:
        reason = error.strerror or error
        raise OutputError(say("cli.cannot_write", path=output, reason=reason)) from None
    print(say("template.wrote", path=output), file=context.stderr)


def what() -> str:
    return say("report.what")


def load_summary(path: Path) -> Summary:
    """An exported summary, with every problem named if it is not one.

    One scored with today's checklist must also agree with itself: warning signs, STarT
    Back scores and triage level that do not follow from its answers are refused (exit 2,
    each field named) rather than shown, since a report is read as footcheck's word.
    """
    text = read_text(path, what())
    check_structure(path, text, what(), toml=False)
    try:
        summary = Summary.model_validate_json(text)
    except ValidationError as error:
        if any(item["type"] == "json_invalid" for item in error.errors(include_url=False)):
            # A syntax error, in the words `assess --answers` uses; a document json reads
            # but pydantic does not (a number of thousands of digits) is named below.
            with contextlib.suppress(ValueError, RecursionError):
                parse_json(path, text)
        holds = _holds_answers(text)
        if holds is not None:
            raise InputFileError(
                say("report.holds_answers", path=path, holds=holds),
                [say("report.score_it", path=path)],
            ) from None
        details = []
        for item in error.errors(include_url=False):
            where = printable(".".join(str(part) for part in item["loc"])) or say(
                "report.whole_file"
            )
            # Our own checks' words, without pydantic's "Value error, " in front.
            why = item["ctx"]["error"] if item["type"] == "value_error" else item["msg"]
            details.append(say("report.field_problem", where=where, why=why))
        raise InputFileError(say("report.not_a_summary", path=path), details) from None
    from footcheck.scoring.evaluate import contradictions  # the rules: only `report` needs them

    found = contradictions(summary)
    if found:
        raise InputFileError(say("report.contradicts", path=path), found)
    return summary


def run_report(context: Context, path: Path, where: Destination) -> None:
    show_stored(context, lambda: load_summary(path), where)


def _holds_answers(text: str) -> str | None:
    """What a file given to `report` by mistake holds, when it is answers to score: a table
    of question ids, or a FHIR resource (a response, or the Bundle `--format fhir` wrote)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not data:
        return None
    if isinstance(data.get("resourceType"), str):
        return say("report.holds.fhir", resource=printable(data["resourceType"]))
    return say("report.holds.answers") if set(data) <= set(QUESTION_IDS) else None
