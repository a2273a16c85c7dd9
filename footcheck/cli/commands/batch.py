"""`footcheck batch`: check the flags, open the input and output, run the engine
(``footcheck.batch.score_batch``), print the totals; failures become exit codes."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from footcheck.batch import SUFFIX_INPUT, BatchTotals, InputFormat, score_batch
from footcheck.cli.failures import OperationalFailure, UsageFailure
from footcheck.cli.output import check_output, results_format
from footcheck.errors import InputFileError, OutputError
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.store.files import PRIVATE, atomic_writer, is_same_file
from footcheck.text.display import shown
from footcheck.text.messages import say, say_count

if TYPE_CHECKING:
    from footcheck.cli.context import Context


def input_format(path: Path | None, chosen: str | None) -> InputFormat:
    if chosen is not None:
        return cast(InputFormat, chosen)
    suffix = path.suffix.lower() if path is not None else ""
    if suffix not in SUFFIX_INPUT:
        raise UsageFailure(
            say("cli.unknown_suffix", path=path or say("cli.standard_input")),
            [say("batch.use_suffix", suffixes=", ".join(SUFFIX_INPUT))],
        )
    return SUFFIX_INPUT[suffix]


@contextlib.contextmanager
def opened_input(context: Context, path: Path | None) -> Iterator[tuple[IO[bytes], int | None]]:
    """The input as bytes, and its size when known (for the progress bar)."""
    if path is None:
        yield context.stdin.buffer, None
        return
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise InputFileError(say("file.missing", path=path)) from None
    except OSError as error:
        reason = error.strerror or error
        raise InputFileError(say("file.unreadable", path=path, reason=reason)) from None
    with stream:
        size = path.stat().st_size if path.is_file() else None
        yield stream, size


@contextlib.contextmanager
def progress_reporter(context: Context, size: int | None) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar on stderr when stderr is a terminal; nothing otherwise."""
    if size is None or not context.stderr_is_terminal:
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=context.console(stderr=True),
        redirect_stdout=False,
        redirect_stderr=False,
    ) as progress:
        task = progress.add_task(say("batch.progress"), total=size)
        yield lambda n: progress.advance(task, n)


def stdout_is_the_input(context: Context, source: Path | None) -> bool:
    """Whether stdout writes into the file batch reads (by name, or as standard input)."""
    try:
        out = os.fstat(context.stdout.fileno())
        inp = os.stat(source) if source is not None else os.fstat(context.stdin.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(out.st_mode) and (out.st_dev, out.st_ino) == (inp.st_dev, inp.st_ino)


def check_id_field(id_field: str) -> None:
    if not id_field.strip() or not id_field.isprintable():
        raise UsageFailure(say("batch.not_a_column", name=shown(id_field)))
    if id_field in QUESTION_BY_ID:
        raise UsageFailure(say("batch.id_is_question", name=id_field))


def run_batch(
    context: Context,
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
        raise UsageFailure(say("batch.output_is_input", path=output))
    if output is None and stdout_is_the_input(context, source):
        # `batch in.jsonl >> in.jsonl` would read its own results until the disk fills.
        raise UsageFailure(say("batch.stdout_is_input"))
    check_output(output, force=force)
    try:
        with (
            opened_input(context, source) as (stream, size),
            progress_reporter(context, size) as on_bytes,
        ):

            def score_into(target: IO[str]) -> BatchTotals:
                return score_batch(
                    stream,
                    target,
                    input_format=fmt,
                    output_format=out_fmt,
                    id_field=id_field,
                    jobs=workers,
                    on_bytes=on_bytes,
                    on_bad_row=lambda message: print(message, file=context.stderr),
                    clock=context.clock,
                )

            if output is None:
                totals = score_into(context.stdout)
            else:
                with atomic_writer(output, force=force, mode=PRIVATE) as target:
                    totals = score_into(target)
    except BrokenPipeError:
        raise  # the reader went away (`| head`): ended quietly at the edge
    except OSError as error:
        raise OutputError(say("batch.failed", reason=error.strerror or error)) from None
    if show_totals:
        print_totals(context, totals)
    if totals.errors:
        raise OperationalFailure(
            say_count("batch.rows_had_errors", totals.rows, errors=totals.errors)
        )


MAX_JOBS = 64
"""More workers than this is a typo, not a plan: each is a process of its own."""


def worker_count(jobs: int) -> int:
    """--jobs as a number of processes: 0 means one per core this process may use."""
    if not 0 <= jobs <= MAX_JOBS:
        raise UsageFailure(say("batch.jobs_not_allowed", jobs=jobs, most=MAX_JOBS))
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def print_totals(context: Context, totals: BatchTotals) -> None:
    """A clinic's first questions, one figure a line so it reads at 80 columns."""
    scored = totals.rows - totals.errors
    lines = [say("batch.totals.rows", rows=totals.rows, scored=scored, errors=totals.errors)]
    if scored:
        order = ("emergency", "urgent", "see_clinician", "self_care")
        lines.append(say("batch.totals.triage"))
        lines += [_count_line(level, totals.triage[level], scored) for level in order]
        common = totals.contributors.most_common(5)
        if common:
            lines.append(say("batch.totals.contributors"))
            lines += [_count_line(cid, count, scored) for cid, count in common]
    print("\n".join(lines), file=context.stderr)


def _count_line(name: str, count: int, scored: int) -> str:
    return say("batch.totals.count", name=name, count=count, percent=100 * count / scored)
