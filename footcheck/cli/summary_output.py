"""Showing a summary on stdout and writing it to `--output`: shared by assess, report, history."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import cast

from footcheck.cli.failures import UsageFailure
from footcheck.errors import OutputError
from footcheck.history_location import is_history_file
from footcheck.output_files import PRIVATE, check_writable, write_text
from footcheck.render import FORMATS, SUFFIX_FORMATS, Format, render_text
from footcheck.summary import Summary


def file_format(output: Path, chosen: str | None) -> Format:
    """The format of an --output file: --format if given, else from the suffix."""
    if chosen is not None:
        return cast(Format, chosen)
    suffix = output.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise UsageFailure(
            f"cannot tell the format of {output} from its suffix",
            [f"use one of {', '.join(SUFFIX_FORMATS)} or give --format ({', '.join(FORMATS)})"],
        )
    return SUFFIX_FORMATS[suffix]


def check_output(output: Path | None, *, force: bool) -> None:
    """Refuse an unusable --output before any work (or questions) is done.

    The history is refused even with --force: replacing it with an export would lose every
    saved result, and no one means that.
    """
    if output is None:
        return
    if is_history_file(output):
        raise UsageFailure(f"{output} is your footcheck history: write the output to another file")
    try:
        check_writable(output, force=force)
    except OSError as error:
        raise UsageFailure(f"cannot write {output}: {error}") from None


def write_output(summary: Summary, output: Path, fmt: Format, *, force: bool) -> None:
    try:
        write_text(output, render_text(summary, fmt), force=force, mode=PRIVATE)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from None


def show(summary: Summary, fmt: Format) -> None:
    """Print the summary on stdout; `rich` gets colour and the terminal's width."""
    if fmt == "rich":
        from rich.console import Console

        from footcheck.render.rich_summary import print_summary

        console = Console(highlight=False, emoji=False)
        if not console.is_terminal:
            sys.stdout.write(render_text(summary, "rich", width=80))
            return
        if console.width > 100:
            console.width = 100
        print_summary(summary, console)
        return
    sys.stdout.write(render_text(summary, fmt))
    sys.stdout.flush()


def show_stored(
    load: Callable[[], Summary], chosen: str | None, output: Path | None, *, force: bool
) -> None:
    """`report` and `history show`: check --output first, then load, show and write."""
    output_format = file_format(output, chosen) if output else None
    check_output(output, force=force)
    summary = load()
    show(summary, cast(Format, chosen or "rich"))
    if output is not None and output_format is not None:
        write_output(summary, output, output_format, force=force)
