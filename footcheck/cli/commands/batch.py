"""`footcheck batch`: score a JSONL or CSV file row by row, with optional progress and totals."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, NamedTuple, cast

from footcheck.batch import (
    RESULTS_BUFFER,
    SUFFIX_INPUT,
    BatchTotals,
    InputFormat,
    LineRange,
    Part,
    RangeSource,
    ResultsFormat,
    Row,
    Scored,
    add_totals,
    line_ranges,
    open_input_file,
    read_rows,
    result_writer,
    score_part,
    score_range,
    score_rows,
)
from footcheck.cli.failures import OperationalFailure, UsageFailure
from footcheck.cli.output import check_output, results_format
from footcheck.errors import InputFileError, OutputError
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.store.files import PRIVATE, atomic_writer, is_same_file, write_behind
from footcheck.text.display import shown


def input_format(path: Path | None, chosen: str | None) -> InputFormat:
    if chosen is not None:
        return cast(InputFormat, chosen)
    suffix = path.suffix.lower() if path is not None else ""
    if suffix not in SUFFIX_INPUT:
        raise UsageFailure(
            f"cannot tell the format of {path or 'standard input'} from its suffix",
            [f"use a {', '.join(SUFFIX_INPUT)} file or give --input-format jsonl|csv"],
        )
    return SUFFIX_INPUT[suffix]


@contextlib.contextmanager
def opened_input(path: Path | None) -> Iterator[tuple[IO[bytes], int | None]]:
    """The input as bytes, and its size when known (for the progress bar)."""
    if path is None:
        yield sys.stdin.buffer, None
        return
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise InputFileError(f"{path} does not exist") from None
    except OSError as error:
        raise InputFileError(f"cannot read {path}: {error.strerror or error}") from None
    with stream:
        size = path.stat().st_size if path.is_file() else None
        yield stream, size


@contextlib.contextmanager
def progress_reporter(size: int | None) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar on stderr when stderr is a terminal; nothing otherwise."""
    if size is None or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=None,
        redirect_stdout=False,
        redirect_stderr=False,
    ) as progress:
        progress.console.stderr = True
        task = progress.add_task("scoring", total=size)
        yield lambda n: progress.advance(task, n)


def stdout_is_the_input(source: Path | None) -> bool:
    """Whether stdout writes into the file batch reads (by name, or as standard input)."""
    try:
        out = os.fstat(sys.stdout.fileno())
        inp = os.stat(source) if source is not None else os.fstat(sys.stdin.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(out.st_mode) and (out.st_dev, out.st_ino) == (inp.st_dev, inp.st_ino)


def check_id_field(id_field: str) -> None:
    if not id_field.strip() or not id_field.isprintable():
        raise UsageFailure(f"--id-field '{shown(id_field)}' is not a column name")
    if id_field in QUESTION_BY_ID:
        raise UsageFailure(
            f"--id-field {id_field} is a question id: name the column of your record ids"
        )


def run_batch(
    source: Path | None,
    chosen_format: str | None,
    output: Path | None,
    *,
    force: bool,
    show_totals: bool,
    id_field: str,
    output_format: str | None,
    jobs: int = 1,
) -> None:
    fmt = input_format(source, chosen_format)
    check_id_field(id_field)
    workers = worker_count(jobs)
    out_fmt = results_format(output, output_format)
    if source is not None and output is not None and is_same_file(output, source):
        raise UsageFailure(f"{output} is the input: write the results to another file")
    if output is None and stdout_is_the_input(source):
        # `batch in.jsonl >> in.jsonl` would read its own results until the disk fills.
        raise UsageFailure("standard output is the input file: write the results elsewhere")
    check_output(output, force=force)
    totals = BatchTotals()
    try:
        with opened_input(source) as (stream, size), progress_reporter(size) as on_bytes:
            rows = read_rows(stream, fmt, on_bytes, id_field)

            def write(target: IO[str], behind: contextlib.AbstractContextManager[None]) -> None:
                if workers == 1:
                    with behind:
                        write_results(score_rows(rows, totals, id_field), target, out_fmt)
                    return
                shared = range_source(source, stream) if fmt == "jsonl" else None
                parts = (
                    row_parts(rows, id_field, out_fmt)
                    if shared is None
                    else range_parts(stream, shared, id_field, out_fmt, on_bytes)
                )
                write_in_parallel(parts, target, out_fmt, totals, workers, behind)

            if output is None:
                write(sys.stdout, contextlib.nullcontext())
            else:
                with atomic_writer(
                    output, force=force, mode=PRIVATE, buffering=RESULTS_BUFFER
                ) as target:
                    write(target, write_behind(target))
    except BrokenPipeError:
        raise  # the reader went away (`| head`): ended quietly at the edge
    except OSError as error:
        raise OutputError(f"batch failed: {error.strerror or error}") from None
    if show_totals:
        print_totals(totals)
    if totals.errors:
        raise OperationalFailure(f"{totals.errors} of {totals.rows} row(s) had errors")


def write_results(results: Iterator[Scored], target: IO[str], fmt: ResultsFormat) -> None:
    """Each result as it comes, as a JSON line or a wide CSV row; a failed row also gets a
    line on stderr."""
    write = result_writer(target, fmt)
    for result in results:
        write(result)
        if result.summary is None:
            print(result.message, file=sys.stderr)


PART_ROWS = 250
"""Rows a worker scores at a time when this process reads them (CSV, standard input):
large enough that handing parts over costs little, small enough that the parts in flight
hold a few MB."""
PART_BYTES = 192 * 1024
"""Bytes of a JSONL file a worker reads and scores at a time (about 250 rows)."""
PARTS_IN_FLIGHT = 2
"""Parts queued per worker: each worker has the next part ready, and memory stays flat."""


MAX_JOBS = 64
"""More workers than this is a typo, not a plan: each is a process of its own."""


def worker_count(jobs: int) -> int:
    """--jobs as a number of processes: 0 means one per core this process may use."""
    if not 0 <= jobs <= MAX_JOBS:
        raise UsageFailure(
            f"--jobs {jobs} is not allowed: give 1 to {MAX_JOBS}, or 0 for all cores"
        )
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


class PartWork(NamedTuple):
    """A part of the input for a worker: the function that scores it, and its arguments
    but the last (the path of the file the worker writes the part's results to)."""

    score: Callable[..., Part]
    arguments: tuple[object, ...]
    failure: InputFileError | None = None
    """Why the input could not be read on after this part: raised once it is written."""


def row_parts(rows: Iterator[Row], id_field: str, fmt: ResultsFormat) -> Iterator[PartWork]:
    """Parts of rows this process has read: for a CSV (a quoted cell may span lines, so
    only a reader from the start can tell where a row ends) or a pipe. An input that
    cannot be read on ends with the rows read before it, as one process scores them."""
    part: list[Row] = []
    try:
        for row in rows:
            part.append(row)
            if len(part) == PART_ROWS:
                yield PartWork(score_part, (part, id_field, fmt))
                part = []
    except InputFileError as error:
        yield PartWork(score_part, (part, id_field, fmt), error)
        return
    if part:
        yield PartWork(score_part, (part, id_field, fmt))


def range_parts(
    stream: IO[bytes],
    source: RangeSource,
    id_field: str,
    fmt: ResultsFormat,
    on_bytes: Callable[[int], None] | None,
) -> Iterator[PartWork]:
    """Parts of a JSONL file as ranges of its lines, which each worker reads and decodes
    itself: this process only counts newlines, so it keeps up with both cores."""
    part: LineRange
    for part in line_ranges(stream, PART_BYTES, on_bytes):
        yield PartWork(score_range, (source, part, id_field, fmt))


def range_source(source: Path | None, stream: IO[bytes]) -> RangeSource | None:
    """How the workers open the very file ``stream`` reads, or None when they cannot (a
    pipe, a device, or no name for it that they can open)."""
    try:
        held = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    if not stat.S_ISREG(held.st_mode):
        return None
    identity = (held.st_dev, held.st_ino)
    name = "standard input" if source is None else str(source)
    # Linux: the main process's own descriptor, whatever the file is renamed to or
    # replaced by meanwhile; elsewhere the file's own name, checked.
    candidates = [f"/proc/{os.getpid()}/fd/{stream.fileno()}"]
    if source is not None:
        candidates.append(os.path.realpath(source))  # /dev/stdin: the file behind it
    for path in candidates:
        # Opened, not only looked up: opening checks permissions again, which the file
        # behind a redirected standard input need not grant.
        try:
            descriptor = open_input_file(path)
        except (OSError, ValueError):
            continue
        try:
            opened = os.fstat(descriptor)
        finally:
            os.close(descriptor)
        if (opened.st_dev, opened.st_ino) == identity:
            return RangeSource(path, name, identity)
    return None


def write_in_parallel(
    parts: Iterator[PartWork],
    target: IO[str],
    fmt: ResultsFormat,
    totals: BatchTotals,
    workers: int,
    behind: contextlib.AbstractContextManager[None] | None = None,
) -> None:
    """Score parts of the input in worker processes and write their results in input order.

    Each worker writes its part's results to a file of its own in a private temporary
    folder, and this process appends the parts to the output in order, with their stderr
    lines: the output is byte for byte that of one process (line numbers, record ids and
    bad lines included). At most ``PARTS_IN_FLIGHT`` parts per worker wait, so memory and
    the temporary folder do not grow with the input, and the folder is removed however
    the run ends. ``behind`` (write-behind for an output file) is entered once the
    workers are forked: a process with a thread running is not forked.
    """
    import multiprocessing
    import tempfile
    from collections import deque

    if fmt == "csv":
        result_writer(target, fmt)  # the header, once
    pending: deque[tuple[multiprocessing.pool.AsyncResult[Part], InputFileError | None]]
    pending = deque()

    def write_next() -> None:
        result, failure = pending.popleft()
        part = result.get()
        append_file(target, part.path)
        os.unlink(part.path)
        for message in part.messages:
            print(message, file=sys.stderr)
        add_totals(totals, part.totals)
        if part.failure is not None:
            raise InputFileError(*part.failure)
        if failure is not None:
            raise failure

    with (
        tempfile.TemporaryDirectory(prefix="footcheck-batch-") as folder,
        # Leaving the block terminates the workers, also on Ctrl-C or a stop signal.
        multiprocessing.Pool(workers, initializer=_worker_signals) as pool,
        behind or contextlib.nullcontext(),
    ):
        for number, work in enumerate(parts, 1):
            path = os.path.join(folder, f"part-{number}")
            result = pool.apply_async(work.score, (*work.arguments, path))
            pending.append((result, work.failure))
            if len(pending) >= workers * PARTS_IN_FLIGHT:
                write_next()
        while pending:
            write_next()


NO_SENDFILE = frozenset({errno.EINVAL, errno.ENOSYS, errno.ENOTSOCK, errno.EOPNOTSUPP})


def append_file(target: IO[str], path: str) -> None:
    """Append a file's bytes to ``target``: by the kernel (``sendfile``) where it can, so
    this process does not copy the results of every worker through itself."""
    target.flush()
    try:
        descriptor: int | None = target.fileno()
    except (AttributeError, OSError, ValueError):  # an in-memory stream
        descriptor = None
    with open(path, "rb") as part:
        size = os.fstat(part.fileno()).st_size
        if descriptor is not None:
            sent = 0
            try:
                while sent < size:
                    sent += os.sendfile(descriptor, part.fileno(), sent, size - sent)
                return
            except OSError as error:
                if sent or error.errno not in NO_SENDFILE:
                    raise
        target.write(part.read().decode("utf-8"))


def _worker_signals() -> None:
    """A worker leaves Ctrl-C to the main process, which stops it (and removes a temporary
    output file); a stop signal ends it at once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, signal.SIG_DFL)


def print_totals(totals: BatchTotals) -> None:
    """A clinic's first questions, one figure a line so it reads at 80 columns."""
    scored = totals.rows - totals.errors
    lines = [f"rows: {totals.rows} (scored {scored}, errors {totals.errors})"]
    if scored:
        order = ("emergency", "urgent", "see_clinician", "self_care")
        lines.append("triage:")
        lines += [_count_line(level, totals.triage[level], scored) for level in order]
        common = totals.contributors.most_common(5)
        if common:
            lines.append("most common contributors:")
            lines += [_count_line(cid, count, scored) for cid, count in common]
    print("\n".join(lines), file=sys.stderr)


def _count_line(name: str, count: int, scored: int) -> str:
    return f"  {name:<22} {count:>7}  {100 * count / scored:3.0f}%"
