"""`footcheck template` and `footcheck report`: commands that read or write one file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from footcheck.answers.reading import check_structure, read_text
from footcheck.answers.template import json_template, toml_template
from footcheck.cli.output import Destination, check_output, show_stored
from footcheck.errors import InputFileError, OutputError
from footcheck.instruments.registry import QUESTION_IDS
from footcheck.store.files import SHAREABLE, write_text
from footcheck.summary import Summary
from footcheck.text.display import printable

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
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from None
    print(
        f"Wrote {output}: fill in the answers, then run `footcheck assess --answers {output}`.",
        file=context.stderr,
    )


WHAT = "an exported summary"


def load_summary(path: Path) -> Summary:
    """An exported summary, with every problem named if it is not one.

    One scored with today's checklist must also agree with itself: warning signs, STarT
    Back scores and triage level that do not follow from its answers are refused (exit 2,
    each field named) rather than shown, since a report is read as footcheck's word.
    """
    text = read_text(path, WHAT)
    check_structure(path, text, WHAT, toml=False)
    try:
        summary = Summary.model_validate_json(text)
    except ValidationError as error:
        holds = _holds_answers(text)
        if holds is not None:
            raise InputFileError(
                f"{path} holds {holds}, not a summary",
                [f"score it with: footcheck assess --answers {path}"],
            ) from None
        details = []
        for item in error.errors(include_url=False):
            where = printable(".".join(str(part) for part in item["loc"])) or "(whole file)"
            # Our own checks' words, without pydantic's "Value error, " in front.
            why = item["ctx"]["error"] if item["type"] == "value_error" else item["msg"]
            details.append(f"{where}: {why}")
        raise InputFileError(f"{path} is not an exported footcheck summary", details) from None
    from footcheck.scoring.evaluate import contradictions  # the rules: only `report` needs them

    found = contradictions(summary)
    if found:
        raise InputFileError(
            f"{path} does not follow from its own answers (was it edited?); not shown", found
        )
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
        return f"a FHIR {printable(data['resourceType'])}"
    return "answers" if set(data) <= set(QUESTION_IDS) else None
