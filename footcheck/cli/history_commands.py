"""`footcheck history …`: list, show, trend, export and delete saved results."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from pydantic import ValidationError

from footcheck.cli.failures import OperationalFailure, UsageFailure
from footcheck.cli.summary_output import (
    Destination,
    ResultsFormat,
    check_output,
    results_format,
    show_stored,
)
from footcheck.errors import HistoryError, OutputError
from footcheck.history_location import history_path
from footcheck.history_store import HistoryRow, HistoryStore, open_history
from footcheck.output_files import PRIVATE, atomic_writer
from footcheck.summary import Summary, SummaryData

if TYPE_CHECKING:
    from rich.table import Table


@contextmanager
def opened(*, create: bool = False) -> Iterator[HistoryStore | None]:
    """The history store, with its failures turned into exit-1 messages."""
    store = open_history(create=create)
    try:
        yield store
    except sqlite3.DatabaseError as error:
        raise HistoryError(f"the history at {history_path()} failed: {error}") from None
    finally:
        if store is not None:
            store.close()


def save_summary(summary: Summary) -> int:
    with opened(create=True) as store:
        assert store is not None
        return store.save(summary)


def list_results(*, accessible: bool = False) -> None:
    from rich.console import Console
    from rich.text import Text

    from footcheck.render.wording import (
        EARLIER_CHECKLIST_NOTE,
        contributor_short,
        earlier_mark,
        local_time,
    )

    console = Console()
    with opened() as store:
        rows = store.rows() if store else []
    if not rows:
        console.print("No saved results yet. Save one with `footcheck assess --save`.")
        return
    if accessible:  # one sentence a result, for a screen reader
        console.print(Text("Your saved results.", style="bold"))
        for row in rows:
            pain = "no back pain" if row.pain_intensity is None else f"pain {row.pain_intensity}/10"
            risk = f"STarT Back risk {row.risk}" if row.risk else "no STarT Back score"
            top = contributor_short(row.top_contributor) if row.top_contributor else "none"
            when = local_time(datetime.fromisoformat(row.created_at))
            triage = row.triage.replace("_", " ") + earlier_mark(row.checklist_version)
            console.print(
                Text(f"Result {row.id}, {when}: {triage}, {pain}, {risk}, top contributor {top}.")
            )
    else:
        console.print(results_table(rows))
    if any(earlier_mark(row.checklist_version) for row in rows):
        console.print(Text(EARLIER_CHECKLIST_NOTE, style="dim"))
    console.print(Text(f"Stored only on this machine, in {history_path()}", style="dim"))


def results_table(rows: list[HistoryRow]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from footcheck.render.wording import contributor_short, earlier_mark, local_time

    # Light lines, so a row fits on one line at 80 columns.
    table = Table(
        title="Your saved results",
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        collapse_padding=True,
        pad_edge=False,
    )
    for name in ("id", "date", "triage", "pain", "STarT Back", "top contributor"):
        table.add_column(name, no_wrap=name in ("id", "date"))
    for row in rows:
        cells = (
            str(row.id),
            local_time(datetime.fromisoformat(row.created_at)),
            row.triage.replace("_", " ") + earlier_mark(row.checklist_version),
            "-" if row.pain_intensity is None else f"{row.pain_intensity}/10",
            row.risk or "-",
            contributor_short(row.top_contributor) if row.top_contributor else "none",
        )
        table.add_row(*(Text(cell) for cell in cells))  # stored text is never markup
    return table


def load_result(result_id: int) -> Summary:
    with opened() as store:
        try:
            summary = store.get(result_id) if store else None
        except ValidationError:
            raise OperationalFailure(f"saved result {result_id} is damaged") from None
    if summary is None:
        raise UsageFailure(f"no saved result with id {result_id} (see `footcheck history list`)")
    return summary


def show_result(result_id: int, where: Destination) -> None:
    show_stored(lambda: load_result(result_id), where)


def trend(*, accessible: bool = False) -> None:
    from rich.console import Console

    from footcheck.render.trend import print_trend

    results = []
    damaged = []
    with opened() as store:
        for result_id, text in store.summaries() if store else []:
            try:
                results.append((result_id, Summary.model_validate_json(text)))
            except ValidationError:
                damaged.append(str(result_id))
    if damaged:  # one bad row should not hide the rest of the progress
        print(f"footcheck: left out damaged result(s) {', '.join(damaged)}", file=sys.stderr)
    print_trend(results, Console(), accessible=accessible)


def export(output: Path | None, chosen_format: str | None, *, force: bool) -> None:
    fmt = results_format(output, chosen_format)
    check_output(output, force=force)
    with opened() as store:
        results = store.summaries() if store else iter(())
        if output is None:
            write_export(results, sys.stdout, fmt)
            return
        try:
            with atomic_writer(output, force=force, mode=PRIVATE) as stream:
                count = write_export(results, stream, fmt)
        except OSError as error:
            raise OutputError(f"cannot write {output}: {error}") from None
    print(f"Exported {count} result(s) to {output}.", file=sys.stderr)


def write_export(results: Iterator[tuple[int, str]], target: IO[str], fmt: ResultsFormat) -> int:
    """Each saved result as stored (JSONL), or as a wide CSV row whose record_id is its id
    in the history; a damaged result is a row that says so. Returns how many were written."""
    count = 0
    if fmt == "jsonl":
        for _, text in results:
            target.write(text + "\n")
            count += 1
        return count
    from footcheck.wide_csv import WideCsvWriter

    writer = WideCsvWriter(target)
    for result_id, text in results:
        try:
            summary = Summary.model_validate_json(text)
        except ValidationError:
            writer.error(
                f"saved result {result_id} is damaged", record_id=str(result_id), line=None
            )
        else:
            data = cast(SummaryData, summary.model_dump())
            writer.summary(data, record_id=str(result_id), line=None)
        count += 1
    return count


def describe_row(result_id: int) -> str:
    """Which result an id is, in words, so a person deletes the one they mean."""
    from footcheck.render.wording import earlier_mark, local_time

    with opened() as store:
        row = store.row(result_id) if store else None
    if row is None:
        raise UsageFailure(f"no saved result with id {result_id} (see `footcheck history list`)")
    pain = "no back pain" if row.pain_intensity is None else f"pain {row.pain_intensity}/10"
    triage = row.triage.replace("_", " ") + earlier_mark(row.checklist_version)
    return f"{local_time(datetime.fromisoformat(row.created_at))}, {triage}, {pain}"


def delete(result_id: int | None, *, everything: bool, yes: bool) -> None:
    from footcheck.cli.terminal import can_prompt

    if (result_id is None) == (not everything):
        raise UsageFailure("give a result id, or --all (not both)")
    what = "ALL saved results"
    if result_id is not None:
        what = f"saved result {result_id} ({describe_row(result_id)})"
    if not yes:
        if not can_prompt():
            raise UsageFailure(f"refusing to delete {what} without --yes when not in a terminal")
        print(f"Delete {what}? This cannot be undone. [y/N] ", end="", file=sys.stderr, flush=True)
        reply = sys.stdin.readline().strip().lower()
        if reply not in ("y", "yes"):
            print("Nothing deleted.", file=sys.stderr)
            return
    with opened() as store:
        if store is None:
            raise UsageFailure("there is no history yet")
        if everything:
            count = store.delete_all()
            print(f"Deleted {count} result(s).", file=sys.stderr)
        elif store.delete(cast(int, result_id)):
            print(f"Deleted result {result_id}.", file=sys.stderr)
        else:
            raise UsageFailure(f"no saved result with id {result_id}")
