"""Scoring many answer sets for clinics: JSONL or CSV in, one result a row, in order.

Nothing here holds more than one row: input is read as a stream of lines, each row is
scored and written before the next is read, so memory does not grow with the input.
A row that fails validation becomes ``{"line": N, "errors": [...]}`` in its place (or a
wide CSV row with its error, ``footcheck/render/wide_csv.py``).

A clinic's rows carry their own identifiers: the column or key named by ``id_field`` is
not a question. Its value is copied into that row's result as ``record_id`` and never
validated as an answer.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Literal, NamedTuple

from footcheck.answers.files import UTF16_MARKS
from footcheck.answers.model import (
    MAX_SUGGESTIONS,
    Answers,
    Problem,
    unknown_id_message,
    validate_answers,
)
from footcheck.checklist.kinds import InputProblem, not_allowed, parse_text
from footcheck.checklist.question import AnswerValue
from footcheck.errors import AnswersError, InputFileError
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.scoring.evaluate import evaluate
from footcheck.summary import Summary
from footcheck.text.display import shown, shown_json

InputFormat = Literal["jsonl", "csv"]
DEFAULT_ID_FIELD = "record_id"
MAX_RECORD_ID = 200
"""The longest record id copied, in characters."""
RECORD_ID_ALLOWED = f"text of at most {MAX_RECORD_ID} printable characters"
STDERR_PROBLEMS = 3
"""Problems named on a bad row's stderr line; the output line lists them all."""
SUFFIX_INPUT: dict[str, InputFormat] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


# The records of the row path are named tuples: made for every row, and a named tuple is
# built several times faster than a frozen dataclass, and pickles small for --jobs.
class RecordId(NamedTuple):
    """A row's own identifier, copied into its result; ``value`` is None when the row's id
    is empty, or unusable (then the row's problems say why)."""

    value: str | None


class Row(NamedTuple):
    """One input row: its line number and either raw JSON text, answers, or problems."""

    line: int
    json_text: str | None = None
    values: dict[str, AnswerValue] | None = None
    problems: list[Problem] = []  # noqa: RUF012 (never changed: a row's problems are set once)
    record: RecordId | None = None
    """The row's record id; None when the input has no id column (or key, in this row)."""


class Scored(NamedTuple):
    """One row's result: its summary, or the problems that stopped it."""

    line: int
    record: RecordId | None
    summary: Summary | None
    problems: list[Problem]

    @property
    def record_id(self) -> str | None:
        return None if self.record is None else self.record.value

    @property
    def message(self) -> str:
        """The stderr line of a failed row: its first few problems."""
        where = f"line {self.line}"
        if self.record_id is not None:
            where += f", record {shown(self.record_id)}"
        text = f"{where}: " + "; ".join(str(p) for p in self.problems[:STDERR_PROBLEMS])
        if len(self.problems) > STDERR_PROBLEMS:
            text += f" (and {len(self.problems) - STDERR_PROBLEMS} more in the output)"
        return text


@dataclass
class BatchTotals:
    rows: int = 0
    errors: int = 0
    triage: Counter[str] = field(default_factory=Counter)
    contributors: Counter[str] = field(default_factory=Counter)


MAX_LINE_BYTES = 1_000_000
"""A row of answers is a few KB: a longer line is that row's error, skipped unread."""
SKIP_CHUNK = 64 * 1024


class Line(NamedTuple):
    """One physical line of the input, decoded; or the problem that stopped it."""

    number: int
    text: str
    problem: Problem | None = None


def input_lines(
    stream: IO[bytes], on_bytes: Callable[[int], None] | None, first_line: int = 1
) -> Iterator[Line]:
    """The input's lines (newline kept, as csv wants), never more than one line held and
    never more than ``MAX_LINE_BYTES`` of it: memory stays flat whatever the input holds.
    ``first_line`` is the number of the stream's first line when it starts inside a file
    (a part read by a worker of ``--jobs``)."""
    number = first_line - 1
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if number == 1 and raw.startswith(UTF16_MARKS):
            # Otherwise every row fails as "not valid JSON", which hides the one real cause.
            raise InputFileError(
                "the input is UTF-16 text", ["save it as UTF-8 (in Excel: CSV UTF-8)"]
            )
        size = len(raw)
        too_long = size > MAX_LINE_BYTES and not raw.endswith(b"\n")
        if too_long:
            size += skip_overlong_line(stream, raw, number)
        if on_bytes is not None:
            on_bytes(size)
        if too_long:
            long = Problem("input", f"is longer than {MAX_LINE_BYTES:,} bytes: not a row")
            yield Line(number, "\n", long)
            continue
        if b"\x00" in raw:
            yield Line(number, "\n", Problem("input", "holds a NUL byte: not text"))
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            bad = Problem("input", f"is not UTF-8 text (byte {error.start + 1} of the line)")
            yield Line(number, "\n", bad)
            continue
        yield Line(number, text)


def skip_overlong_line(stream: IO[bytes], start: bytes, number: int) -> int:
    """Skip the rest of a line whose first bytes, ``start``, are already too many for a
    row, unread, and return how many bytes were skipped. Megabytes of NUL bytes are a
    binary file (or /dev/zero, which never ends): refuse it rather than skip for ever."""
    skipped = 0
    raw = start
    while True:
        if b"\x00" in raw:
            raise InputFileError(f"line {number} is binary, not text: the input is not a text file")
        raw = stream.readline(SKIP_CHUNK)
        skipped += len(raw)
        if not raw or raw.endswith(b"\n"):
            return skipped


def read_record_id(value: object, id_field: str) -> tuple[RecordId, Problem | None]:
    """A row's id as given (null or an empty cell: none), or the problem with it."""
    if value is None:
        return RecordId(None), None
    if not isinstance(value, str):
        why = f"{shown_json(value)} is not text"
    elif len(value) > MAX_RECORD_ID:
        why = f"is {len(value)} characters long"
    elif not value.isprintable():
        why = f"'{shown(value)}' holds a control or invisible character"
    else:
        return RecordId(value), None
    return RecordId(None), Problem(id_field, f"{why}; allowed: {RECORD_ID_ALLOWED}")


def jsonl_rows(lines: Iterable[Line]) -> Iterator[Row]:
    for line in lines:
        if line.problem is not None:
            yield Row(line.number, problems=[line.problem])
        elif line.text.strip():
            yield Row(line.number, json_text=line.text)


def csv_rows(lines: Iterable[Line], id_field: str = DEFAULT_ID_FIELD) -> Iterator[Row]:
    """Rows of a CSV whose header is question ids (and perhaps ``id_field``); lists as a;b,
    empty cells are null."""
    physical = _LineCounter(lines)
    reader = csv.reader(physical)
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        return
    except csv.Error as error:
        raise InputFileError(f"the CSV header cannot be read: {error}") from None
    if physical.problems:
        first = next(iter(physical.problems.values()))
        raise InputFileError(f"the CSV header {first.message}")
    unknown = [name for name in header if name not in QUESTION_BY_ID and name != id_field]
    repeated = sorted(name for name, count in Counter(header).items() if count > 1)
    if len(header) == 1 and (separator := _other_separator(header[0])):
        # Spreadsheets in many locales export CSV with semicolons; lists use ';' here.
        raise InputFileError(
            f"the CSV header is separated by {separator}, not commas",
            ["save the spreadsheet as comma-separated CSV (lists stay as feet;knees)"],
        )
    if unknown or repeated:
        raise InputFileError(
            "the CSV header must be question ids, each once",
            [
                f"column '{shown(name)}' "
                + unknown_id_message(name, suggest=number < MAX_SUGGESTIONS)
                for number, name in enumerate(unknown)
            ]
            + [f"column '{name}' appears more than once" for name in repeated],
        )
    id_column = header.index(id_field) if id_field in header else None
    unknown_id = None if id_column is None else RecordId(None)
    columns = [(i, QUESTION_BY_ID[name]) for i, name in enumerate(header) if i != id_column]
    while True:
        start = physical.count + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            unreadable = Problem("csv", f"cannot be read: {error}")
            yield Row(start, problems=[unreadable], record=unknown_id)
            continue
        broken = physical.problems_since(start)
        if broken:
            yield Row(start, problems=broken, record=unknown_id)
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            miscounted = Problem("csv", f"has {len(cells)} cells but the header has {len(header)}")
            yield Row(start, problems=[miscounted], record=unknown_id)
            continue
        values: dict[str, AnswerValue] = {}
        problems: list[Problem] = []
        record = None
        if id_column is not None:
            record, problem = read_record_id(cells[id_column] or None, id_field)
            problems += [problem] if problem else []
        for index, question in columns:
            cell = cells[index]
            try:
                values[question.id] = parse_text(question, cell, lenient=False)
            except InputProblem:
                problems.append(Problem(question.id, not_allowed(question, cell)))
        yield Row(start, values=values, problems=problems, record=record)


def _other_separator(cell: str) -> str | None:
    """The separator name when a one-cell header is really several ids run together."""
    for char, name in ((";", "semicolons"), ("\t", "tabs")):
        parts = [part.strip() for part in cell.split(char)]
        if len(parts) > 1 and all(part in QUESTION_BY_ID for part in parts):
            return name
    return None


class _LineCounter:
    """Feeds csv.reader the lines' text, counting them for error line numbers and keeping
    the problems of lines that could not be read, for the row they belong to."""

    def __init__(self, lines: Iterable[Line]) -> None:
        self._lines = iter(lines)
        self.count = 0
        self.problems: dict[int, Problem] = {}

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count = line.number
        if line.problem is not None:
            self.problems[line.number] = line.problem
        return line.text

    def problems_since(self, start: int) -> list[Problem]:
        """The problems of the lines read since ``start``, forgotten once told."""
        return [self.problems.pop(n) for n in sorted(self.problems) if n >= start]


def _answers_for(row: Row, id_field: str) -> tuple[Answers | list[Problem], RecordId | None]:
    """The row's answers (or its problems), and its record id."""
    if row.json_text is None:
        if row.problems:
            return row.problems, row.record
        try:
            return validate_answers(dict(row.values or {})), row.record
        except AnswersError as error:
            return error.problems, row.record
    try:
        data = json.loads(row.json_text)
    except json.JSONDecodeError as error:
        return [Problem("json", f"is not valid JSON: {error.msg} at column {error.colno}")], None
    except RecursionError:
        return [Problem("json", "is nested too deeply to be a set of answers")], None
    except ValueError:  # an integer of thousands of digits
        return [Problem("json", "holds a number too long to read")], None
    if not isinstance(data, dict):
        return [Problem("answers", "must be a JSON object of question ids and answers")], None
    problems: list[Problem] = []
    record = None
    if id_field in data:
        record, problem = read_record_id(data.pop(id_field), id_field)
        problems += [problem] if problem else []
    try:
        answers = validate_answers(data)
    except AnswersError as error:
        return [*problems, *error.problems], record
    return (problems or answers), record


def score_rows(
    rows: Iterable[Row], totals: BatchTotals, id_field: str = DEFAULT_ID_FIELD
) -> Iterator[Scored]:
    """Each row's result, in input order."""
    for row in rows:
        totals.rows += 1
        result, record = _answers_for(row, id_field)
        if isinstance(result, list):
            totals.errors += 1
            yield Scored(row.line, record, None, result)
            continue
        summary = evaluate(result)
        totals.triage[summary.triage.level] += 1
        for contributor in summary.contributors:
            totals.contributors[contributor.id] += 1
        yield Scored(row.line, record, summary, [])


def as_jsonl(result: Scored) -> str:
    """A result as one JSON line: the exported summary, or the row's errors; with the
    row's ``record_id`` first when it has one."""
    record = result.record
    if result.summary is None:
        document = {"line": result.line, "errors": [p.as_json() for p in result.problems]}
        if record is not None:
            document = {"record_id": record.value, **document}
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    text = result.summary.model_dump_json()
    if record is None:
        return text
    return '{"record_id":' + json.dumps(record.value, ensure_ascii=False) + "," + text[1:]


def read_rows(
    stream: IO[bytes],
    fmt: InputFormat,
    on_bytes: Callable[[int], None] | None = None,
    id_field: str = DEFAULT_ID_FIELD,
) -> Iterator[Row]:
    lines = input_lines(stream, on_bytes)
    return jsonl_rows(lines) if fmt == "jsonl" else csv_rows(lines, id_field)


ResultsFormat = Literal["jsonl", "csv"]
"""How results are written: one JSON summary a line, or one wide CSV row each."""


def result_writer(
    target: IO[str], fmt: ResultsFormat, *, header: bool = True
) -> Callable[[Scored], None]:
    """Writes each result as it comes, in ``fmt``; ``header=False`` for a part of a CSV whose
    header is written elsewhere (``--jobs``)."""
    if fmt == "jsonl":

        def write_jsonl(result: Scored) -> None:
            target.write(as_jsonl(result) + "\n")

        return write_jsonl
    from footcheck.render.wide_csv import WideCsvWriter

    writer = WideCsvWriter(target, header=header)

    def write_csv(result: Scored) -> None:
        if result.summary is not None:
            writer.summary(result.summary, record_id=result.record_id, line=result.line)
        else:
            errors = "; ".join(str(p) for p in result.problems)
            writer.error(errors, record_id=result.record_id, line=result.line)

    return write_csv


class Part(NamedTuple):
    """What a worker of ``--jobs`` hands back for consecutive rows: their results are in a
    file of its own, with these stderr lines and totals."""

    path: str
    messages: list[str]
    """The stderr line of each failed row, in order."""
    totals: BatchTotals
    failure: tuple[str, list[str]] | None = None
    """Why the input could not be read on from this part (an ``InputFileError``'s message
    and details): the run stops there, after this part's rows, as one process would."""


RESULTS_BUFFER = 1 << 20
"""Bytes batch's output file (and each worker's part file) gathers before each write: a
result is some 8 KB, more than the default buffer, which then makes a system call of
every row (a third of the command's system time)."""


def score_part(rows: Iterable[Row], id_field: str, fmt: ResultsFormat, path: str) -> Part:
    """Score consecutive rows and write their results to ``path`` (a new private file)
    with the writer one process uses, so the parts joined in order are byte for byte the
    output of ``--jobs 1``."""
    totals = BatchTotals()
    messages: list[str] = []
    failure = None
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(descriptor, "w", encoding="utf-8", newline="\n", buffering=RESULTS_BUFFER) as part:
        write = result_writer(part, fmt, header=False)
        try:
            for result in score_rows(rows, totals, id_field):
                write(result)
                if result.summary is None:
                    messages.append(result.message)
        except InputFileError as error:
            failure = (error.message, error.details)
    return Part(path, messages, totals, failure)


class LineRange(NamedTuple):
    """Consecutive whole lines of an input file, for a worker of ``--jobs`` to read itself:
    where they start, their size in bytes, the number of the first, and how many; the
    last two None for the rest of the file, however long."""

    offset: int
    size: int | None
    first_line: int
    lines: int | None


READ_CHUNK = 1 << 20
"""Bytes read at a time when an input file is cut into line ranges."""


def line_ranges(
    stream: IO[bytes],
    part_bytes: int,
    on_bytes: Callable[[int], None] | None = None,
    chunk_bytes: int = READ_CHUNK,
    line_limit: int = MAX_LINE_BYTES,
) -> Iterator[LineRange]:
    """Cut a JSONL input into ranges of whole lines of about ``part_bytes`` each, from its
    current position (line 1) to its end. Only newlines are counted, a chunk at a time,
    so this costs a small part of reading the rows, and memory stays at one chunk.

    A line longer than ``line_limit`` is no row, and may have no end (/dev/zero, a sparse
    file): it is skipped here as one process skips it, then cutting goes on after it. If
    one process would refuse the input there as binary, the rest of the file is one
    range, which its worker refuses after the same megabyte.
    """
    start = line_start = pos = stream.tell()
    first = 1
    lines = 0  # newlines between ``start`` and the part of the chunk already looked at
    while chunk := stream.read(chunk_bytes):
        at = 0
        while (want := max(start + part_bytes - pos, at)) < len(chunk):
            end = chunk.find(b"\n", want)
            if end < 0:
                break
            lines += chunk.count(b"\n", at, end + 1)
            yield LineRange(start, pos + end + 1 - start, first, lines)
            first += lines
            lines = 0
            start = line_start = pos + end + 1
            at = end + 1
        lines += chunk.count(b"\n", at)
        if (last := chunk.rfind(b"\n", at)) >= 0:
            line_start = pos + last + 1
        pos += len(chunk)
        if on_bytes is not None:
            on_bytes(len(chunk))
        if pos - line_start > line_limit:
            stream.seek(line_start)
            try:
                skip_overlong_line(stream, stream.read(line_limit + 1), first + lines)
            except InputFileError:
                yield LineRange(start, None, first, None)
                return
            if on_bytes is not None:
                on_bytes(stream.tell() - pos)
            pos = stream.tell()
            stream.seek(pos - 1)
            if stream.read(1) == b"\n":
                lines += 1
                line_start = pos
    if pos > start:
        unended = 1 if pos > line_start else 0  # a last line without a newline
        yield LineRange(start, pos - start, first, lines + unended)


class RangeSource(NamedTuple):
    """The JSONL input file, as the workers of ``--jobs`` open it."""

    path: str
    """What a worker opens: where the system has one, a name of the very file the main
    process holds open (``/proc/<pid>/fd/<n>``), however it is renamed meanwhile."""
    name: str
    """The input as the command line names it, for messages."""
    identity: tuple[int, int]
    """The file's device and inode: a worker reads nothing from another file."""


def score_range(
    source: RangeSource, part: LineRange, id_field: str, fmt: ResultsFormat, path: str
) -> Part:
    """Read a range of a JSONL input file and score its rows, as ``score_part`` does: the
    worker reads and decodes its own lines, so the main process only cuts the file."""
    return score_part(_range_rows(source, part), id_field, fmt, path)


def open_input_file(path: str) -> int:
    """Open an input file for reading by name, not blocking: should the name now be a
    FIFO, opening it would wait for ever."""
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))


def _range_rows(source: RangeSource, part: LineRange) -> Iterator[Row]:
    try:
        descriptor = open_input_file(source.path)
    except OSError as error:
        raise InputFileError(f"cannot read {source.name}: {error.strerror or error}") from None
    with open(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if (status.st_dev, status.st_ino) != source.identity:
            raise InputFileError(f"{source.name} was replaced while it was being read")
        stream.seek(part.offset)
        lines = input_lines(stream, None, part.first_line)
        yield from jsonl_rows(lines if part.lines is None else islice(lines, part.lines))


def add_totals(totals: BatchTotals, part: BatchTotals) -> None:
    totals.rows += part.rows
    totals.errors += part.errors
    totals.triage.update(part.triage)
    totals.contributors.update(part.contributors)


def score_jsonl_lines(
    lines: Iterable[str], *, id_field: str = DEFAULT_ID_FIELD, first_line: int = 1
) -> Iterator[str]:
    """Score JSONL answer lines as ``footcheck batch`` does: one result line (without its
    newline) per non-empty input line, in order, an error object for a bad row.

    The public row scorer for running batch's own path on parts of a large input (a
    ``multiprocessing`` pool, a Dask bag, a Spark ``mapPartitions``): ``first_line`` is the
    part's first line number in the whole input, so error rows name the right line.
    """
    numbered = (Line(number, text) for number, text in enumerate(lines, first_line))
    for result in score_rows(jsonl_rows(numbered), BatchTotals(), id_field):
        yield as_jsonl(result)
