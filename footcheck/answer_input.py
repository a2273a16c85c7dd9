"""Reading one answer typed as text: at a prompt, in `--set ID=VALUE`, or in a CSV cell.

Prompts are lenient (a choice's number, its id, its label or an unambiguous prefix);
scripts are strict (ids and true/false/yes/no only), so a typo in a file is never guessed.
"""

from __future__ import annotations

import math
import re

from footcheck.catalogue import AnswerValue, Question

TRUE_WORDS = frozenset({"yes", "y", "true"})
FALSE_WORDS = frozenset({"no", "n", "false"})
STRICT_TRUE = frozenset({"yes", "true"})
STRICT_FALSE = frozenset({"no", "false"})
NONE_WORDS = frozenset({"none", "-", "nothing"})


SHOWN_CHARACTERS = 30


class InputProblem(ValueError):
    """Text that is not an acceptable answer; the message says what would be."""


def shown(text: str) -> str:
    """Typed text as echoed in a message: cut short, and never able to drive the terminal.

    A long paste is not repeated whole; control and invisible characters (an arrow key's
    escape sequence, a right-to-left override) are written as escapes, so echoing them
    cannot move the cursor or reorder the message.
    """
    text = text.strip()
    if len(text) > SHOWN_CHARACTERS:
        text = text[: SHOWN_CHARACTERS - 1] + "…"
    return printable(text)


def printable(text: str) -> str:
    """``text`` with control and invisible characters written as escapes, for messages."""
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def not_allowed(question: Question, text: str) -> str:
    """Why a value written as text (`--set`, a CSV cell) was refused, and what would do."""
    message = f"'{shown(text)}' is not allowed; allowed: {question.allowed}"
    if question.kind == "multi":
        message += " (as text, separated by ';', e.g. feet;knees, or none)"
    return message


def parse_text(question: Question, text: str, *, lenient: bool) -> AnswerValue:
    """The answer ``text`` stands for, or None for an empty answer."""
    text = text.strip()
    if not text:
        return None
    if question.kind == "boolean":
        return _boolean(question, text, lenient)
    if question.kind in ("integer", "number"):
        return _number(question, text, lenient)
    if question.kind == "choice":
        return _choice(question, text, lenient)
    return _multi(question, text, lenient)


def _boolean(question: Question, text: str, lenient: bool) -> bool:
    word = text.lower()
    if word in (TRUE_WORDS if lenient else STRICT_TRUE):
        return True
    if word in (FALSE_WORDS if lenient else STRICT_FALSE):
        return False
    raise InputProblem(f"'{shown(text)}' is not yes or no. Please answer yes or no.")


def _number(question: Question, text: str, lenient: bool) -> int | float:
    cleaned = text.replace(",", ".") if lenient else text
    try:
        if question.kind == "integer":
            value: int | float = int(cleaned)
        else:
            value = float(cleaned)
            if not math.isfinite(value):
                raise ValueError(text)
    except ValueError:
        raise InputProblem(f"'{shown(text)}' is not {question.allowed}.") from None
    assert question.minimum is not None and question.maximum is not None
    if not question.minimum <= value <= question.maximum:
        raise InputProblem(f"{shown(text)} is out of range: enter {question.allowed}.")
    return value


def _normalise(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower().replace(",", ""))


def _choice(question: Question, text: str, lenient: bool) -> str:
    word = _normalise(text)
    for choice in question.choices:
        if word in (choice.value, _normalise(choice.label)):
            return choice.value
    if lenient:
        if word.isdecimal() and 1 <= int(word) <= len(question.choices):
            return question.choices[int(word) - 1].value
        matches = [c.value for c in question.choices if c.value.startswith(word)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise InputProblem(
                f"'{shown(text)}' could be {' or '.join(matches)}: type a little more."
            )
        hint = f" or a number from 1 to {len(question.choices)}"
    else:
        hint = ""
    raise InputProblem(
        f"'{shown(text)}' is not one of the choices: {', '.join(question.values)}{hint}."
    )


def _multi(question: Question, text: str, lenient: bool) -> list[str]:
    if _normalise(text) in NONE_WORDS:
        return []
    parts = [p for p in re.split(r"[,;\s]+" if lenient else r";", text) if p.strip()]
    values: list[str] = []
    for part in parts:
        value = _choice(question, part, lenient)
        if value in values:
            raise InputProblem(f"'{shown(value)}' is listed twice: name each one once.")
        values.append(value)
    return values


def format_value(question: Question, value: AnswerValue) -> str:
    """An answer as a person reads it: labels not ids, yes/no not true/false."""
    if value is None:
        return "not given" if question.optional else "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        labels = {c.value: c.label for c in question.choices}
        return ", ".join(labels.get(v, v) for v in value) or "none"
    if isinstance(value, float):
        return f"{value:g}"
    if question.kind == "choice":
        labels = {c.value: c.label for c in question.choices}
        return labels.get(str(value), str(value))
    return str(value)
