"""Scoring many answer sets for clinics: JSONL or CSV in, JSONL out, one row at a time.

Nothing here holds more than one row: input is read as a stream of lines, each row is
scored and written before the next is read, so memory does not grow with the input.
A row that fails validation becomes ``{"line": N, "errors": [...]}`` in its place.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Literal

from pydantic import ValidationError
from pydantic_core import to_json

from footcheck.answer_files import UTF16_MARKS
from footcheck.answer_kinds import InputProblem, not_allowed, parse_text
from footcheck.answers import Answers, Problem, unknown_id_message, validate_answers
from footcheck.catalogue import QUESTION_BY_ID
from footcheck.display_text import shown
from footcheck.errors import AnswersError, InputFileError
from footcheck.question import AnswerValue
from footcheck.scoring.evaluate import summary_data

InputFormat = Literal["jsonl", "csv"]
STDERR_PROBLEMS = 3
"""Problems named on a bad row's stderr line; the output line lists them all."""
SUFFIX_INPUT: dict[str, InputFormat] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


@dataclass(frozen=True)
class Row:
    """One input row: its line number and either raw JSON text, answers, or problems."""

    line: int
    json_text: str | None = None
    values: dict[str, AnswerValue] | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class BatchTotals:
    rows: int = 0
    errors: int = 0
    triage: Counter[str] = field(default_factory=Counter)
    contributors: Counter[str] = field(default_factory=Counter)


def counting_lines(stream: IO[bytes], on_bytes: Callable[[int], None] | None) -> Iterator[str]:
    """Decoded lines (newline kept, as csv wants) from a byte stream, reporting progress."""
    for number, raw in enumerate(stream, 1):
        if number == 1 and raw.startswith(UTF16_MARKS):
            # Otherwise every row fails as "not valid JSON", which hides the one real cause.
            raise InputFileError(
                "the input is UTF-16 text", ["save it as UTF-8 (in Excel: CSV UTF-8)"]
            )
        if on_bytes is not None:
            on_bytes(len(raw))
        yield raw.decode(
            "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8", errors="replace"
        )


def jsonl_rows(lines: Iterable[str]) -> Iterator[Row]:
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield Row(number, json_text=line)


def csv_rows(lines: Iterable[str]) -> Iterator[Row]:
    """Rows of a CSV whose header is question ids; lists as a;b, empty cells are null."""
    physical = _LineCounter(lines)
    reader = csv.reader(physical)
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        return
    except csv.Error as error:
        raise InputFileError(f"the CSV header cannot be read: {error}") from None
    unknown = [name for name in header if name not in QUESTION_BY_ID]
    repeated = sorted({name for name in header if header.count(name) > 1})
    if len(header) == 1 and (separator := _other_separator(header[0])):
        # Spreadsheets in many locales export CSV with semicolons; lists use ';' here.
        raise InputFileError(
            f"the CSV header is separated by {separator}, not commas",
            ["save the spreadsheet as comma-separated CSV (lists stay as feet;knees)"],
        )
    if unknown or repeated:
        raise InputFileError(
            "the CSV header must be question ids, each once",
            [f"column '{shown(name)}' {unknown_id_message(name)}" for name in unknown]
            + [f"column '{name}' appears more than once" for name in repeated],
        )
    questions = [QUESTION_BY_ID[name] for name in header]
    while True:
        start = physical.count + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Row(start, problems=[Problem("csv", f"cannot be read: {error}")])
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(questions):
            yield Row(
                start,
                problems=[
                    Problem("csv", f"has {len(cells)} cells but the header has {len(questions)}")
                ],
            )
            continue
        values: dict[str, AnswerValue] = {}
        problems: list[Problem] = []
        for question, cell in zip(questions, cells, strict=True):
            try:
                values[question.id] = parse_text(question, cell, lenient=False)
            except InputProblem:
                problems.append(Problem(question.id, not_allowed(question, cell)))
        yield Row(start, values=values, problems=problems)


def _other_separator(cell: str) -> str | None:
    """The separator name when a one-cell header is really several ids run together."""
    for char, name in ((";", "semicolons"), ("\t", "tabs")):
        parts = [part.strip() for part in cell.split(char)]
        if len(parts) > 1 and all(part in QUESTION_BY_ID for part in parts):
            return name
    return None


class _LineCounter:
    """Counts the physical lines csv.reader has pulled, for error line numbers."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        return line


def _answers_for(row: Row) -> Answers | list[Problem]:
    if row.problems:
        return row.problems
    if row.json_text is not None:
        try:
            return Answers.model_validate_json(row.json_text)  # the fast path
        except ValidationError:
            pass
        try:
            data = json.loads(row.json_text)
        except json.JSONDecodeError as error:
            return [Problem("json", f"is not valid JSON: {error.msg} at column {error.colno}")]
        except RecursionError:
            return [Problem("json", "is nested too deeply to be a set of answers")]
        except ValueError:  # an integer of thousands of digits
            return [Problem("json", "holds a number too long to read")]
        if not isinstance(data, dict):
            return [Problem("answers", "must be a JSON object of question ids and answers")]
        source: dict[str, object] = data
    else:
        source = dict(row.values or {})
    try:
        return validate_answers(source)
    except AnswersError as error:
        return error.problems


def score_rows(rows: Iterable[Row], totals: BatchTotals) -> Iterator[tuple[str, str | None]]:
    """(output line, error message or None) for each row, in input order."""
    for row in rows:
        totals.rows += 1
        result = _answers_for(row)
        if isinstance(result, list):
            totals.errors += 1
            document = {"line": row.line, "errors": [p.as_json() for p in result]}
            message = f"line {row.line}: " + "; ".join(str(p) for p in result[:STDERR_PROBLEMS])
            if len(result) > STDERR_PROBLEMS:
                message += f" (and {len(result) - STDERR_PROBLEMS} more in the output)"
            yield json.dumps(document, ensure_ascii=False, separators=(",", ":")), message
            continue
        summary = summary_data(result)
        totals.triage[summary["triage"]["level"]] += 1
        totals.contributors.update(c["id"] for c in summary["contributors"])
        # Byte-identical to ``evaluate(result).model_dump_json()`` (tested), without
        # validating a Summary model per row.
        yield to_json(summary).decode(), None


def read_rows(
    stream: IO[bytes], fmt: InputFormat, on_bytes: Callable[[int], None] | None = None
) -> Iterator[Row]:
    lines = counting_lines(stream, on_bytes)
    return jsonl_rows(lines) if fmt == "jsonl" else csv_rows(lines)
