"""`footcheck history …`: list, show, trend, export and delete saved results.

Reading commands open the history read-only: they never take its write lock, so they work
while another footcheck saves, and never change the file.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from pydantic import ValidationError

from footcheck.cli.failures import OperationalFailure, UsageFailure
from footcheck.cli.output import (
    Destination,
    check_output,
    results_format,
    show_stored,
)
from footcheck.cli.terminal import can_prompt
from footcheck.errors import OutputError
from footcheck.store.files import PRIVATE, atomic_writer
from footcheck.store.history import HistoryRow, HistoryStore, open_history
from footcheck.store.paths import history_path
from footcheck.summary import Summary
from footcheck.text.display import json_shown, printable
from footcheck.text.messages import say, say_count

if TYPE_CHECKING:
    from rich.table import Table

    from footcheck.batch import ResultsFormat
    from footcheck.cli.context import Context


@contextmanager
def opened(*, create: bool = False, read_only: bool = True) -> Iterator[HistoryStore | None]:
    """The history store (None if there is none yet), closed afterwards."""
    store = open_history(create=create, read_only=read_only and not create)
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def save_summary(summary: Summary, on_commit: Callable[[int], None] | None = None) -> int:
    with opened(create=True) as store:
        assert store is not None
        return store.save(summary, on_commit=on_commit)


def list_results(context: Context, *, accessible: bool = False) -> None:
    from rich.text import Text

    from footcheck.render.wording import EARLIER_CHECKLIST_NOTE, earlier_mark

    console = context.console()
    with opened() as store:
        rows = store.rows() if store else []
    if not rows:
        console.print(say("history.list.empty_accessible" if accessible else "history.list.empty"))
        return
    if accessible:  # one sentence a line, for a screen reader; never wrapped
        console.print(Text(say("history.list.heading"), style="bold"), soft_wrap=True)
        for row in rows:
            console.print(Text(printable(spoken_row(row))), soft_wrap=True)  # never markup
    else:
        console.print(results_table(rows))
    if any(earlier_mark(row.checklist_version) for row in rows):
        console.print(Text(EARLIER_CHECKLIST_NOTE, style="dim"), soft_wrap=accessible)
    stored = "history.list.stored_accessible" if accessible else "history.list.stored"
    console.print(Text(say(stored, path=history_path()), style="dim"), soft_wrap=accessible)


def spoken_row(row: HistoryRow) -> str:
    """A saved result as one sentence: "Result 3, 8 December 2026 at 10:15 CET: see a
    clinician; pain 6 out of 10; STarT Back medium risk; top contributor …"."""
    from footcheck.render.wording import SPOKEN_LEVEL, contributor_short, earlier_mark

    if row.pain_intensity is None:
        pain = say("history.list.no_pain")
    else:
        pain = say("history.list.pain_spoken", score=row.pain_intensity)
    risk = (
        say("history.list.risk_spoken", risk=row.risk) if row.risk else say("history.list.no_risk")
    )
    top = (
        contributor_short(row.top_contributor) if row.top_contributor else say("history.list.none")
    )
    level = SPOKEN_LEVEL.get(row.triage, row.triage.replace("_", " "))
    return say(
        "history.list.sentence",
        id=row.id,
        moment=when(row, spoken=True),
        triage=level + earlier_mark(row.checklist_version),
        pain=pain,
        risk=risk,
        top=top,
    )


def results_table(rows: list[HistoryRow]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from footcheck.render.wording import contributor_short, earlier_mark

    # Light lines, so a row fits on one line at 80 columns.
    table = Table(
        title=say("history.list.title"),
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        collapse_padding=True,
        pad_edge=False,
    )
    for name in ("id", "date", "triage", "pain", "risk", "top"):
        table.add_column(say(f"history.list.column.{name}"), no_wrap=name in ("id", "date"))
    for row in rows:
        cells = (
            str(row.id),
            when(row),
            row.triage.replace("_", " ") + earlier_mark(row.checklist_version),
            "-"
            if row.pain_intensity is None
            else say("history.list.pain_cell", score=row.pain_intensity),
            row.risk or "-",
            contributor_short(row.top_contributor)
            if row.top_contributor
            else say("history.list.none"),
        )
        table.add_row(*(Text(printable(cell)) for cell in cells))  # text, never markup
    return table


def when(row: HistoryRow, *, spoken: bool = False) -> str:
    """When a result was saved, in local time (``spoken``: in words, for accessible mode);
    a damaged time is shown as stored."""
    from footcheck.render.wording import local_time, spoken_time

    try:
        moment = datetime.fromisoformat(row.created_at)
        return spoken_time(moment) if spoken else local_time(moment)
    except ValueError:
        return say("history.list.damaged_time", time=printable(row.created_at[:20]))


def load_result(result_id: int) -> Summary:
    with opened() as store:
        try:
            summary = store.get(result_id) if store else None
        except ValidationError:
            raise OperationalFailure(say("history.result.damaged", id=result_id)) from None
    if summary is None:
        raise UsageFailure(say("history.result.not_found", id=result_id))
    return summary


def show_result(context: Context, result_id: int, where: Destination) -> None:
    show_stored(context, lambda: load_result(result_id), where)


def valid_summaries(
    store: HistoryStore | None,
) -> Generator[tuple[int, str, Summary | None], None, None]:
    """(id, stored text, the summary or None if that row is damaged), oldest first: the
    test of a damaged row `show` makes too (the summary must read back), for `trend` and
    `export`."""
    if store is None:
        return
    with closing(store.summaries()) as rows:
        for result_id, text in rows:
            try:
                yield result_id, text, Summary.model_validate_json(text)
            except ValidationError:
                yield result_id, text, None


def left_out(damaged: list[int]) -> str:
    return say_count("history.export.left_out", len(damaged), ids=", ".join(map(str, damaged)))


def trend(context: Context, *, accessible: bool = False) -> None:
    from footcheck.render.trend import print_trend

    results = []
    damaged = []
    with opened() as store, closing(valid_summaries(store)) as rows:
        for result_id, _, summary in rows:
            if summary is None:
                damaged.append(result_id)
            else:
                results.append((result_id, summary))
    if damaged:  # one bad row should not hide the rest of the progress
        print(say("cli.note", note=left_out(damaged)), file=context.stderr)
    print_trend(results, context.console(), accessible=accessible)


def export(
    context: Context, output: Path | None, chosen_format: str | None, *, force: bool
) -> None:
    """Every result as JSONL or a wide CSV. A damaged row is named on stderr and the exit
    code is 1, as `trend` leaves it out and `show` refuses it; the others are all written
    (in the CSV, the damaged one too, as a row that says so)."""
    fmt = results_format(output, chosen_format)
    check_output(output, force=force)
    with opened() as store, closing(valid_summaries(store)) as rows:
        if output is None:
            count, damaged = write_export(rows, context.stdout, fmt)
        else:
            try:
                with atomic_writer(output, force=force, mode=PRIVATE) as stream:
                    count, damaged = write_export(rows, stream, fmt)
            except OSError as error:
                reason = error.strerror or error
                raise OutputError(say("cli.cannot_write", path=output, reason=reason)) from None
            print(say_count("history.export.exported", count, path=output), file=context.stderr)
    if damaged and fmt == "csv":
        ids = ", ".join(map(str, damaged))
        raise OperationalFailure(say_count("history.export.damaged_rows", len(damaged), ids=ids))
    if damaged:
        raise OperationalFailure(left_out(damaged))


def write_export(
    rows: Iterator[tuple[int, str, Summary | None]], target: IO[str], fmt: ResultsFormat
) -> tuple[int, list[int]]:
    """Each saved result as stored (JSONL), or as a wide CSV row whose record_id is its id
    in the history. Returns (how many were written, ids of the damaged ones)."""
    count, damaged = 0, []
    writer = None
    if fmt == "csv":
        from footcheck.render.wide_csv import WideCsvWriter

        writer = WideCsvWriter(target)
    for result_id, text, summary in rows:
        if summary is None:
            damaged.append(result_id)
            if writer is not None:
                why = say("history.result.damaged", id=result_id)
                writer.error(why, record_id=str(result_id), line=None)
            continue
        if writer is not None:
            writer.summary(summary, record_id=str(result_id), line=None)
        else:
            # As stored; JSON's own line breaks (outside strings) would split the line.
            # Escaped as JSON escapes them: a right-to-left override or a C1 control in
            # an edited row cannot reach a terminal raw.
            target.write(json_shown(text.replace("\r", " ").replace("\n", " ")) + "\n")
        count += 1
    return count, damaged


def describe_row(result_id: int) -> str:
    """Which result an id is, in words, so a person deletes the one they mean."""
    from footcheck.render.wording import earlier_mark

    with opened() as store:
        row = store.row(result_id) if store else None
    if row is None:
        raise UsageFailure(say("history.result.not_found", id=result_id))
    triage = row.triage.replace("_", " ") + earlier_mark(row.checklist_version)
    described = say("history.result.row", moment=when(row), triage=triage, pain=pain_words(row))
    return printable(described)  # stored text, shown as text


def pain_words(row: HistoryRow) -> str:
    if row.pain_intensity is None:
        return say("history.list.no_pain")
    return say("history.list.pain", score=row.pain_intensity)


def delete(context: Context, result_id: int | None, *, everything: bool, yes: bool) -> None:

    if (result_id is None) == (not everything):
        raise UsageFailure(say("history.delete.id_or_all"))
    what = say("history.delete.all")
    if result_id is not None:
        what = say("history.delete.one", id=result_id, description=describe_row(result_id))
    if not yes:
        if not can_prompt(context):
            raise UsageFailure(say("history.delete.needs_yes", what=what))
        print(say("history.delete.confirm", what=what), end="", file=context.stderr, flush=True)
        reply = context.stdin.readline().strip().lower()
        if reply not in ("y", "yes"):
            print(say("history.delete.nothing"), file=context.stderr)
            return
    with opened(read_only=False) as store:
        if store is None:
            raise UsageFailure(say("history.delete.no_history"))
        if everything:
            count = store.delete_all()
            print(say_count("history.delete.deleted_all", count), file=context.stderr)
        elif store.delete(cast(int, result_id)):
            print(say("history.delete.deleted", id=result_id), file=context.stderr)
        else:
            raise UsageFailure(say("history.result.not_found_plain", id=result_id))
