"""Where prompts and messages go, and how a line is read from the person at the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from footcheck.cli.context import Context


ACCESSIBLE_ENV = "FOOTCHECK_ACCESSIBLE"


def accessible_mode(context: Context, flag: bool) -> bool:
    """Screen-reader-friendly output: --accessible, or FOOTCHECK_ACCESSIBLE=1."""
    return flag or context.environ.get(ACCESSIBLE_ENV, "").strip().lower() in ("1", "true", "yes")


def can_prompt(context: Context) -> bool:
    """A person can answer questions: standard input is a terminal."""
    return context.stdin_is_terminal


def prompts_to_stderr(context: Context, stdout_format: str) -> bool:
    """Whether prompts must go to stderr to reach the person answering them.

    So when stdout carries a document (json, markdown, html), and also when it is
    redirected (`footcheck assess > summary.txt`): the questions would otherwise vanish
    into the file while the terminal waits, blank, for answers.
    """
    return stdout_format != "rich" or not context.stdout_is_terminal


def message_console(context: Context, *, to_stderr: bool, accessible: bool = False) -> Console:
    """A Rich console for prompts and messages; stderr when stdout carries a document. In
    accessible mode a sentence is never broken across lines: a screen reader reads a line
    at a time."""
    return context.console(stderr=to_stderr, highlight=False, emoji=False, soft_wrap=accessible)


def line_reader(context: Context, console: Console, stream: TextIO | None = None) -> ReadLineFn:
    """Read one line after writing ``prompt`` where the person will see it.

    When stdin and stdout are both the terminal, readline reads the line and draws the
    prompt itself, so that editing redraws it correctly: arrow keys, Home/End, earlier
    answers with Up (held in memory only, never written to a file). Otherwise the console
    writes the prompt to its own stream, which keeps a redirected stdout clean for the
    document it carries. End of input raises EOFError. (With readline, a Ctrl-C landing in
    the instant before it starts waiting is acted on at the next key: CPython's readline
    checks signals only when its wait is interrupted.)
    """
    editing = stream is None and _enable_line_editing(context)
    source = stream if stream is not None else context.stdin

    def read_line(prompt: str) -> str:
        if editing:
            console.file.flush()  # what the console printed comes before readline's prompt
            *above, last = fit_prompt(prompt, context.columns())
            for line in above:
                print(line, file=context.stdout)
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
    """The prompt as terminal lines, broken between words and measured in display cells (a
    Korean or Japanese character takes two): readline draws only the last line and would
    otherwise wrap it mid-word wherever the terminal edge falls."""
    from rich.cells import cell_len  # Rich: loaded by the interview only, not at start-up

    lines = prompt.split("\n")
    last = lines.pop()
    limit = max(width - REPLY_ROOM, 20)
    while cell_len(last) > limit:
        cut = _break_before(last, limit)
        if cut <= 0:
            break
        lines.append(last[:cut])
        last = last[cut + 1 :] if last[cut] == " " else last[cut:]
    return [*lines, last]


def _break_before(text: str, limit: int) -> int:
    """Where to break ``text`` so its first line is at most ``limit`` cells wide: after
    the last space that fits, else (in a script written without spaces, as Japanese is)
    after the last character that fits; 0 when a word longer than the line comes first."""
    from rich.cells import cell_len

    fits = 0
    cells = 0
    for index, char in enumerate(text):
        cells += cell_len(char)
        if cells > limit:
            break
        fits = index + 1
    space = text.rfind(" ", 0, fits)
    if space > 0:
        return space
    wide = any(cell_len(char) > 1 for char in text[:fits])
    return fits if wide else 0


def _enable_line_editing(context: Context) -> bool:
    """Readline for ``input()``; only where it applies, on a terminal at both ends."""
    if not (can_prompt(context) and context.stdout_is_terminal):
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
