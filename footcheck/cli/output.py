"""Showing a summary on stdout and writing it to `--output`: shared by assess, report, history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from footcheck.cli.failures import UsageFailure
from footcheck.errors import OutputError
from footcheck.render import FORMATS, SUFFIX_FORMATS, Format, format_by_name, render_text
from footcheck.store.files import PRIVATE, check_writable, write_text
from footcheck.store.paths import is_history_file
from footcheck.text.messages import say

if TYPE_CHECKING:
    from footcheck.batch import ResultsFormat
    from footcheck.cli.context import Context
    from footcheck.summary import Summary

MAX_WIDTH = 100
"""The rich summary reads best no wider than this, however wide the terminal."""


def results_format(output: Path | None, chosen: str | None) -> ResultsFormat:
    """The format of many results: as chosen, else csv for a .csv --output, else jsonl."""
    if chosen is not None:
        return cast("ResultsFormat", chosen)
    if output is not None and output.suffix.lower() == ".csv":
        return "csv"
    return "jsonl"


def file_format(output: Path, chosen: str | None) -> Format:
    """The format of an --output file: --format if given, else from the suffix."""
    if chosen is not None:
        return cast(Format, chosen)
    by_name = format_by_name(output.name)
    if by_name is None:
        raise UsageFailure(
            say("cli.unknown_suffix", path=output),
            [
                say(
                    "output.use_suffix",
                    suffixes=", ".join(SUFFIX_FORMATS),
                    formats=", ".join(FORMATS),
                )
            ],
        )
    return by_name


def check_output(output: Path | None, *, force: bool) -> None:
    """Refuse an unusable --output before any work (or questions) is done.

    The history is refused even with --force: replacing it with an export would lose every
    saved result, and no one means that.
    """
    if output is None:
        return
    if is_history_file(output):
        raise UsageFailure(say("output.is_history", path=output))
    try:
        check_writable(output, force=force)
    except OSError as error:
        reason = error.strerror or error
        raise UsageFailure(say("cli.cannot_write", path=output, reason=reason)) from None


def write_output(summary: Summary, output: Path, fmt: Format, *, force: bool) -> None:
    try:
        write_text(output, render_text(summary, fmt), force=force, mode=PRIVATE)
    except OSError as error:
        reason = error.strerror or error
        raise OutputError(say("cli.cannot_write", path=output, reason=reason)) from None


class Destination(NamedTuple):
    """Where a summary goes: stdout in a format, or a file (and the terminal, if any)."""

    stdout_format: Format
    output: Path | None
    output_format: Format | None
    force: bool
    accessible: bool


def destination(
    chosen: str | None, output: Path | None, *, force: bool, accessible: bool
) -> Destination:
    """Decide, and check, where a summary goes: before any work or question."""
    output_format = file_format(output, chosen) if output is not None else None
    check_output(output, force=force)
    return Destination(cast(Format, chosen or "rich"), output, output_format, force, accessible)


def present(context: Context, summary: Summary, where: Destination) -> None:
    """The document to --output instead of stdout; on a terminal the rich summary is still
    shown, so the person sees their result either way. Where the file went is said after
    the summary, beside the plan, not a hundred lines above it."""
    if where.output is None or where.output_format is None:
        show(context, summary, where.stdout_format, accessible=where.accessible)
        return
    write_output(summary, where.output, where.output_format, force=where.force)
    if context.stdout_is_terminal:
        show(context, summary, "rich", accessible=where.accessible)
        context.stdout.flush()
    format_name = say(f"output.format_name.{where.output_format}")
    wrote = say("output.wrote_summary", path=where.output, format=format_name)
    print(wrote, file=context.stderr)


def shown_on_terminal(context: Context, where: Destination) -> bool:
    """Whether `present` put the rich summary on the person's terminal."""
    rich = where.output is not None or where.stdout_format == "rich"
    return rich and context.stdout_is_terminal


def remind(context: Context, summary: Summary, *, accessible: bool) -> None:
    """The triage and the plan on stderr, for a person at the terminal whose summary went
    to a file or a pipe: an emergency must never be written only where they cannot see."""
    from footcheck.render.rich_summary import print_parts

    console = context.console(stderr=True, highlight=False, emoji=False)
    if console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    print_parts(summary, console, ("triage", "plan"), accessible=accessible)


def show(context: Context, summary: Summary, fmt: Format, *, accessible: bool = False) -> None:
    """Print the summary on stdout; `rich` gets colour and the terminal's width."""
    if fmt == "rich":
        from footcheck.render.rich_summary import print_summary

        console = context.console(highlight=False, emoji=False)
        if not console.is_terminal:
            context.stdout.write(render_text(summary, "rich", width=80, accessible=accessible))
            return
        if console.width > MAX_WIDTH:
            console.width = MAX_WIDTH
        print_summary(summary, console, accessible=accessible)
        return
    context.stdout.write(render_text(summary, fmt))
    context.stdout.flush()


def show_stored(context: Context, load: Callable[[], Summary], where: Destination) -> None:
    """`report` and `history show`: load, then show and write as ``where`` says."""
    present(context, load(), where)
