"""Where prompts and messages go, and how a line is read from the person at the keyboard."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def can_prompt() -> bool:
    """A person can answer questions: standard input is a terminal."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def prompts_to_stderr(stdout_format: str) -> bool:
    """Whether prompts must go to stderr to reach the person answering them.

    So when stdout carries a document (json, markdown, html), and also when it is
    redirected (`footcheck assess > summary.txt`): the questions would otherwise vanish
    into the file while the terminal waits, blank, for answers.
    """
    if stdout_format != "rich":
        return True
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):
        return True


def message_console(*, to_stderr: bool) -> Console:
    """A Rich console for prompts and messages; stderr when stdout carries a document."""
    from rich.console import Console

    return Console(stderr=to_stderr, highlight=False, emoji=False)


def line_reader(console: Console, stream: TextIO | None = None) -> ReadLineFn:
    """Read one line after writing ``prompt`` to the console's own stream.

    ``input()`` would write the prompt to stdout, which must stay clean when it carries a
    JSON or HTML document. End of input raises EOFError.
    """
    source = stream if stream is not None else sys.stdin

    def read_line(prompt: str) -> str:
        console.print(prompt, end="", markup=False, highlight=False)
        console.file.flush()
        line = source.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    return read_line


if TYPE_CHECKING:
    from collections.abc import Callable

    ReadLineFn = Callable[[str], str]
