"""Where prompts and messages go, and how a line is read from the person at the keyboard."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


ACCESSIBLE_ENV = "FOOTCHECK_ACCESSIBLE"


def accessible_mode(flag: bool) -> bool:
    """Screen-reader-friendly output: --accessible, or FOOTCHECK_ACCESSIBLE=1."""
    return flag or os.environ.get(ACCESSIBLE_ENV, "").strip().lower() in ("1", "true", "yes")


def is_terminal(stream: TextIO | None) -> bool:
    """False for a missing, closed or redirected stream."""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_columns() -> int:
    """The terminal's width: $COLUMNS if set, else asked of the terminal itself.

    Not ``shutil.get_terminal_size()`` alone: it asks ``sys.__stdout__``, whose buffer the
    entry point has handed to its own stdout, and would then answer 80 whatever the
    terminal's width, so a prompt on a narrower terminal would still be broken mid-word.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for fd in (1, 2, 0):
        try:
            size = os.get_terminal_size(fd).columns
        except OSError:
            continue
        if size > 0:
            return size
    return shutil.get_terminal_size().columns


def can_prompt() -> bool:
    """A person can answer questions: standard input is a terminal."""
    return is_terminal(sys.stdin)


def prompts_to_stderr(stdout_format: str) -> bool:
    """Whether prompts must go to stderr to reach the person answering them.

    So when stdout carries a document (json, markdown, html), and also when it is
    redirected (`footcheck assess > summary.txt`): the questions would otherwise vanish
    into the file while the terminal waits, blank, for answers.
    """
    return stdout_format != "rich" or not is_terminal(sys.stdout)


def message_console(*, to_stderr: bool, accessible: bool = False) -> Console:
    """A Rich console for prompts and messages; stderr when stdout carries a document. In
    accessible mode a sentence is never broken across lines: a screen reader reads a line
    at a time."""
    from rich.console import Console

    return Console(stderr=to_stderr, highlight=False, emoji=False, soft_wrap=accessible)


def line_reader(console: Console, stream: TextIO | None = None) -> ReadLineFn:
    """Read one line after writing ``prompt`` where the person will see it.

    When stdin and stdout are both the terminal, readline reads the line and draws the
    prompt itself, so that editing redraws it correctly: arrow keys, Home/End, earlier
    answers with Up (held in memory only, never written to a file). Otherwise the console
    writes the prompt to its own stream, which keeps a redirected stdout clean for the
    document it carries. End of input raises EOFError. (With readline, a Ctrl-C landing in
    the instant before it starts waiting is acted on at the next key: CPython's readline
    checks signals only when its wait is interrupted.)
    """
    editing = stream is None and _enable_line_editing()
    source = stream if stream is not None else sys.stdin

    def read_line(prompt: str) -> str:
        if editing:
            console.file.flush()  # what the console printed comes before readline's prompt
            *above, last = fit_prompt(prompt, terminal_columns())
            for line in above:
                print(line)
            return input(last)
        console.print(prompt, end="", markup=False, highlight=False)
        console.file.flush()
        line = source.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    return read_line


REPLY_ROOM = 12
"""Columns kept free after a prompt for the reply, before the prompt is broken."""


def fit_prompt(prompt: str, width: int) -> list[str]:
    """The prompt as terminal lines, broken between words: readline draws only the last
    line and would otherwise wrap it mid-word wherever the terminal edge falls."""
    lines = prompt.split("\n")
    last = lines.pop()
    limit = max(width - REPLY_ROOM, 20)
    while len(last) > limit and (cut := last.rfind(" ", 0, limit)) > 0:
        lines.append(last[:cut])
        last = last[cut + 1 :]
    return [*lines, last]


def _enable_line_editing() -> bool:
    """Readline for ``input()``; only where it applies, on a terminal at both ends."""
    if not (can_prompt() and is_terminal(sys.stdout)):
        return False
    try:
        import readline
    except ImportError:  # e.g. a Python built without it: plain line input still works
        return False
    readline.set_completer(lambda text, state: None)  # Tab must not offer file names
    return True


if TYPE_CHECKING:
    from collections.abc import Callable

    ReadLineFn = Callable[[str], str]
