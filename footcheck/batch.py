"""Scoring many answer sets for clinics: JSONL or CSV in, one result a row, in order.

``score_batch`` is the engine ``footcheck batch`` calls. Input is read as a stream of
lines and each row is scored and written before the next is read (with ``jobs`` > 1, a few
chunks of rows at a time), so memory does not grow with the input. A row that fails
validation becomes ``{"line": N, "errors": [...]}`` in its place (or a wide CSV row with
its error, ``footcheck/render/wide_csv.py``).

A clinic's rows carry their own identifiers: the column or key named by ``id_field`` is
not a question. Its value is copied into that row's result as ``record_id`` and never
validated as an answer.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import signal
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Literal, NamedTuple

from footcheck.answers.model import MAX_SUGGESTIONS, Problem, unknown_id_message, validate_answers
from footcheck.answers.reading import UTF16_MARKS
from footcheck.checklist.kinds import InputProblem, not_allowed, parse_text
from footcheck.checklist.question import AnswerValue
from footcheck.errors import AnswersError, InputFileError, OutputError
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.interrupts import STOP_SIGNALS
from footcheck.scoring.evaluate import evaluate
from footcheck.text.display import shown, shown_json
from footcheck.text.messages import say

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from datetime import datetime

    from footcheck.answers.model import Answers
    from footcheck.summary import Summary

InputFormat = Literal["jsonl", "csv"]
Clock = Callable[[], "datetime"]
"""The time now, aware (picklable, for the workers of ``jobs``)."""
DEFAULT_ID_FIELD = "record_id"
MAX_RECORD_ID = 200
"""The longest record id copied, in characters."""
STDERR_PROBLEMS = 3
"""Problems named on a bad row's stderr line; the output line lists them all."""
SUFFIX_INPUT: dict[str, InputFormat] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


# The records of the row path are named tuples: made for every row, cheap to build, and
# small to pickle for the workers of ``jobs``.
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
        where = say("batch.row.where", line=self.line)
        if self.record_id is not None:
            where = say("batch.row.where_record", line=self.line, record=shown(self.record_id))
        problems = "; ".join(str(p) for p in self.problems[:STDERR_PROBLEMS])
        text = say("batch.row.message", where=where, problems=problems)
        if len(self.problems) > STDERR_PROBLEMS:
            more = len(self.problems) - STDERR_PROBLEMS
            text = say("batch.row.more", message=text, count=more)
        return text


@dataclass
class BatchTotals:
    """What ``--summary`` tells a clinic at the end: rows, errors, and what was found."""

    rows: int = 0
    errors: int = 0
    triage: Counter[str] = field(default_factory=Counter)
    contributors: Counter[str] = field(default_factory=Counter)

    def add(self, other: BatchTotals) -> None:
        """Count in a worker's totals for its chunk of rows."""
        self.rows += other.rows
        self.errors += other.errors
        self.triage.update(other.triage)
        self.contributors.update(other.contributors)


MAX_LINE_BYTES = 1_000_000
"""A row of answers is a few KB: a longer line is that row's error, skipped unread."""
SKIP_CHUNK = 64 * 1024


class Line(NamedTuple):
    """One physical line of the input, decoded; or the problem that stopped it."""

    number: int
    text: str
    problem: Problem | None = None


def input_lines(stream: IO[bytes], on_bytes: Callable[[int], None] | None) -> Iterator[Line]:
    """The input's lines (newline kept, as csv wants), never more than one line held and
    never more than ``MAX_LINE_BYTES`` of it: memory stays flat whatever the input holds."""
    number = 0
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if number == 1 and raw.startswith(UTF16_MARKS):
            # Otherwise every row fails as "not valid JSON", which hides the one real cause.
            raise InputFileError(say("batch.utf16"), [say("batch.save_utf8")])
        size = len(raw)
        too_long = size > MAX_LINE_BYTES and not raw.endswith(b"\n")
        if too_long:
            size += skip_overlong_line(stream, raw, number)
        if on_bytes is not None:
            on_bytes(size)
        if too_long:
            long = Problem("input", say("batch.too_long", most=MAX_LINE_BYTES))
            yield Line(number, "\n", long)
            continue
        if b"\x00" in raw:
            yield Line(number, "\n", Problem("input", say("batch.nul")))
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            bad = Problem("input", say("batch.not_utf8", byte=error.start + 1))
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
            raise InputFileError(say("batch.binary", line=number))
        raw = stream.readline(SKIP_CHUNK)
        skipped += len(raw)
        if not raw or raw.endswith(b"\n"):
            return skipped


def read_record_id(value: object, id_field: str) -> tuple[RecordId, Problem | None]:
    """A row's id as given (null or an empty cell: none), or the problem with it."""
    if value is None:
        return RecordId(None), None
    if not isinstance(value, str):
        why = say("batch.record.not_text", value=shown_json(value))
    elif len(value) > MAX_RECORD_ID:
        why = say("batch.record.too_long", length=len(value))
    elif not value.isprintable():
        why = say("batch.record.invisible", value=shown(value))
    else:
        return RecordId(value), None
    allowed = say("batch.record_allowed", most=MAX_RECORD_ID)
    return RecordId(None), Problem(id_field, say("batch.record.problem", why=why, allowed=allowed))


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
        raise InputFileError(say("batch.csv.header_unreadable", error=error)) from None
    if physical.problems:
        first = next(iter(physical.problems.values()))
        raise InputFileError(say("batch.csv.header_line", problem=first.message))
    unknown = [name for name in header if name not in QUESTION_BY_ID and name != id_field]
    repeated = sorted(name for name, count in Counter(header).items() if count > 1)
    if len(header) == 1 and (separator := _other_separator(header[0])):
        # Spreadsheets in many locales export CSV with semicolons; lists use ';' here.
        raise InputFileError(
            say("batch.csv.separated", separator=separator), [say("batch.csv.save_commas")]
        )
    if unknown or repeated:
        raise InputFileError(
            say("batch.csv.header_ids"),
            [
                say(
                    "batch.csv.column_unknown",
                    name=shown(name),
                    message=unknown_id_message(name, suggest=number < MAX_SUGGESTIONS),
                )
                for number, name in enumerate(unknown)
            ]
            + [say("batch.csv.column_repeated", name=name) for name in repeated],
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
            unreadable = Problem("csv", say("batch.csv.unreadable", error=error))
            yield Row(start, problems=[unreadable], record=unknown_id)
            continue
        broken = physical.problems_since(start)
        if broken:
            yield Row(start, problems=broken, record=unknown_id)
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            counts = {"cells": len(cells), "header": len(header)}
            miscounted = Problem("csv", say("batch.csv.cell_count", **counts))
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
            return say(f"batch.csv.separator.{name}")
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
    """The row's validated answers (or its problems), and its record id."""
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
        invalid = say("batch.json.invalid", error=error.msg, column=error.colno)
        return [Problem("json", invalid)], None
    except RecursionError:
        return [Problem("json", say("batch.json.too_deep"))], None
    except ValueError:  # an integer of thousands of digits
        return [Problem("json", say("batch.json.number_too_long"))], None
    if not isinstance(data, dict):
        return [Problem("answers", say("batch.json.not_an_object"))], None
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
    rows: Iterable[Row],
    totals: BatchTotals,
    id_field: str = DEFAULT_ID_FIELD,
    clock: Clock | None = None,
) -> Iterator[Scored]:
    """Each row's result, in input order; ``clock`` gives each its time (default: now)."""
    for row in rows:
        totals.rows += 1
        result, record = _answers_for(row, id_field)
        if isinstance(result, list):
            totals.errors += 1
            yield Scored(row.line, record, None, result)
            continue
        summary = evaluate(result, now=None if clock is None else clock())
        totals.triage[summary.triage.level] += 1
        totals.contributors.update(contributor.id for contributor in summary.contributors)
        yield Scored(row.line, record, summary, [])


def as_jsonl(result: Scored) -> str:
    """A result as one JSON line: the exported summary (compact, as ``model_dump_json``
    writes it), or the row's errors; with the row's ``record_id`` first when it has one."""
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


def write_results(
    results: Iterable[Scored],
    target: IO[str],
    fmt: ResultsFormat,
    on_bad_row: Callable[[str], None] | None = None,
    *,
    header: bool = True,
) -> None:
    """Write each result as it comes, as a JSON line or a wide CSV row (with the CSV header
    first unless ``header`` is False); a failed row's stderr line goes to ``on_bad_row``."""
    if fmt == "jsonl":
        for result in results:
            target.write(as_jsonl(result) + "\n")
            if result.summary is None and on_bad_row is not None:
                on_bad_row(result.message)
        return
    from footcheck.render.wide_csv import WideCsvWriter

    writer = WideCsvWriter(target, header=header)
    for result in results:
        if result.summary is not None:
            writer.summary(result.summary, record_id=result.record_id, line=result.line)
            continue
        errors = "; ".join(str(p) for p in result.problems)
        writer.error(errors, record_id=result.record_id, line=result.line)
        if on_bad_row is not None:
            on_bad_row(result.message)


def score_batch(
    stream: IO[bytes],
    target: IO[str],
    *,
    input_format: InputFormat,
    output_format: ResultsFormat = "jsonl",
    id_field: str = DEFAULT_ID_FIELD,
    jobs: int = 1,
    on_bytes: Callable[[int], None] | None = None,
    on_bad_row: Callable[[str], None] | None = None,
    clock: Clock | None = None,
) -> BatchTotals:
    """Score every row of ``stream`` and write one result per row to ``target``, in input
    order, in ``jobs`` processes; return the totals.

    ``on_bytes`` is told how many input bytes each line took (a progress bar);
    ``on_bad_row`` gets the stderr line of each row that failed, in order. Raises
    ``InputFileError`` where the input cannot be read on (UTF-16, binary, a CSV header that
    is not question ids), after the results of the rows before it are written.
    """
    rows = read_rows(stream, input_format, on_bytes, id_field)
    totals = BatchTotals()
    if jobs == 1:
        scored = score_rows(rows, totals, id_field, clock)
        write_results(scored, target, output_format, on_bad_row)
    else:
        _score_in_workers(rows, target, output_format, id_field, jobs, totals, on_bad_row, clock)
    return totals


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


# --- jobs > 1: a process pool over chunks of rows ------------------------------------------
CHUNK_ROWS = 50
"""Rows sent to a worker at a time: handing a chunk over costs a small part of scoring it,
and the results of the chunks in flight (some 9 KB a row) stay well under a megabyte
each, which keeps the main process's memory flat (with 250 rows a chunk it grew by tens of
MB over the first 100,000 rows, as freed multi-MB results left the heap fragmented)."""
CHUNKS_IN_FLIGHT = 2
"""Chunks queued per worker: each has its next chunk ready, and memory stays flat."""
WORKERS_END_WAIT = 5.0
"""Seconds stopped workers get to end before they are killed."""


class Chunk(NamedTuple):
    """What a worker hands back for a chunk of rows: their results as text, the stderr
    line of each failed row, and the chunk's totals."""

    text: str
    messages: list[str]
    totals: BatchTotals


def score_chunk(
    rows: list[Row], id_field: str, fmt: ResultsFormat, clock: Clock | None = None
) -> Chunk:
    """Score a chunk of rows in a worker, written as one process writes them (without the
    CSV header, which the main process writes once)."""
    buffer = io.StringIO()
    messages: list[str] = []
    totals = BatchTotals()
    scored = score_rows(rows, totals, id_field, clock)
    write_results(scored, buffer, fmt, messages.append, header=False)
    return Chunk(buffer.getvalue(), messages, totals)


def _chunks(rows: Iterable[Row], failure: list[InputFileError]) -> Iterator[list[Row]]:
    """The rows in chunks of ``CHUNK_ROWS``. An input that cannot be read on ends with the
    rows read before it, and the error is kept in ``failure``, to be raised once they are
    written, as one process does."""
    chunk: list[Row] = []
    try:
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK_ROWS:
                yield chunk
                chunk = []
    except InputFileError as error:
        failure.append(error)
    if chunk:
        yield chunk


def _score_in_workers(
    rows: Iterable[Row],
    target: IO[str],
    fmt: ResultsFormat,
    id_field: str,
    workers: int,
    totals: BatchTotals,
    on_bad_row: Callable[[str], None] | None,
    clock: Clock | None = None,
) -> None:
    """Score chunks of rows in ``workers`` processes and write their results in input
    order: byte for byte what one process writes. This process reads the rows; at most
    ``CHUNKS_IN_FLIGHT`` chunks per worker wait, so memory does not grow with the input.

    Whatever ends the run early (Ctrl-C, a stop signal, a closed pipe), the pool is shut
    down without waiting and the workers are ended, so the run stops at once.
    """
    from concurrent.futures import ProcessPoolExecutor  # 20 ms of imports: only for jobs
    from concurrent.futures.process import BrokenProcessPool

    if fmt == "csv":
        write_results((), target, fmt)  # the header, once
    failure: list[InputFileError] = []
    pending: deque[Future[Chunk]] = deque()

    def write_next() -> None:
        try:
            chunk = pending.popleft().result()
        except BrokenProcessPool:
            raise OutputError(say("batch.worker_ended")) from None
        target.write(chunk.text)
        for message in chunk.messages:
            if on_bad_row is not None:
                on_bad_row(message)
        totals.add(chunk.totals)

    executor = ProcessPoolExecutor(workers, initializer=_worker_start)
    try:
        for chunk in _chunks(rows, failure):
            with _stop_signals_held():  # workers start here, with the signals held
                pending.append(executor.submit(score_chunk, chunk, id_field, fmt, clock))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT:
                write_next()
        while pending:
            write_next()
    except BaseException:
        _stop_pool(executor)
        raise
    executor.shutdown()
    if failure:
        raise failure[0]


@contextlib.contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Hold the stop signals while workers may start: a worker inherits the mask and keeps
    them held until ``_worker_start`` has set what they do there, so a Ctrl-C at that
    moment cannot print a traceback from it. A signal held here takes effect at the end."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _worker_start() -> None:
    """Ctrl-C reaches every process of the terminal's group: a worker ignores it and the
    main process ends the workers (and removes a temporary output file). SIGTERM and SIGHUP
    end a worker at once, silently (unless the run was started to ignore them, as by
    ``nohup``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for stop in STOP_SIGNALS:
        if stop != signal.SIGINT and signal.getsignal(stop) is not signal.SIG_IGN:
            signal.signal(stop, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def _stop_pool(executor: ProcessPoolExecutor) -> None:
    """End a run cut short at once: the chunks not begun are cancelled, nothing waits for
    the pool, and the workers are terminated (killed if they do not end in time), so none
    is left once the run has ended.

    A worker stopped while it sends a chunk's results leaves half a message in the pool's
    result pipe, and the pool's manager thread would wait for the rest for ever (and
    Python's exit for that thread). Closing this process's end of the pipe, once the
    workers have ended, ends that wait: the thread sees the pool broken and ends.
    """
    workers = list(executor._processes.values())  # shutdown() lets go of them
    results = executor._result_queue
    executor.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
    deadline = time.monotonic() + WORKERS_END_WAIT
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            worker.kill()
            worker.join(WORKERS_END_WAIT)
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()
