"""Anyone's text made safe to show a person.

Text that reaches a terminal or a document may come from a file someone else wrote (a
summary, a CSV header, an answers file) or from a stray key: it is always shown as text,
never able to move the cursor, retitle the window or reorder a message.
"""

from __future__ import annotations

import json
import re

SHOWN_CHARACTERS = 30


def shown(text: str) -> str:
    """Typed text as echoed in a message: cut short, and never able to drive the terminal.

    A long paste is not repeated whole; control and invisible characters (an arrow key's
    escape sequence, a right-to-left override) are written as escapes.
    """
    return printable(_cut(text.strip(), SHOWN_CHARACTERS))


def shown_json(value: object, limit: int = SHOWN_CHARACTERS) -> str:
    """A value from someone's file as JSON writes it (``"9"``, ``17``, ``null``), so the
    message shows its type too: cut short, and never able to drive the terminal."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return printable(_cut(text, limit))


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: str) -> str:
    """``text`` with control and invisible characters written as escapes, for messages."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def json_shown(text: str) -> str:
    """JSON text with every character that is not printable, other than a line break
    between values, written as a ``\\u`` escape: the same document to a program, and
    one a right-to-left override or a C1 control in a string cannot reorder or drive a
    terminal it is printed on. (JSON escapes the C0 controls itself.)"""
    if text.replace("\n", "").isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == "\n" else _json_escape(ch) for ch in text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters past the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


_SENTENCE_END = (
    r"(?<=[.!?])[ \t]+(?=[A-Z0-9(\"'\u201c`]|[^\x00-\u024f\s])"
    r"|(?<=[\u3002\uff01\uff1f])[ \t]*(?=\S)"
)
"""A sentence ends at . ! or ? followed by a space and a capital, a digit, a bracket, a
backtick, a quotation mark or a letter of a script without capitals (Hangul, kana, kanji),
so "e.g. walking shoes" and "(Menz 2013)." stay whole; and at the ideographic full stop,
exclamation and question marks (U+3002, U+FF01, U+FF1F), with or without a space after."""


def sentence_lines(text: str) -> str:
    """One sentence a line, for accessible mode: a screen reader reads a line at a time."""
    return "\n".join(
        part for line in text.split("\n") for part in re.split(_SENTENCE_END, line) if part
    )
