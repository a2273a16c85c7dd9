"""Reading a file someone gives footcheck (answers, a summary) with its cost bounded.

A file a few kilobytes long must not take gigabytes or minutes: ``/dev/zero``, a named
pipe or a huge file is read only up to the size limit (lower for TOML); text nested too
deeply, or TOML keys with too many dotted parts (which the TOML parser handles in
quadratic memory), are refused by a linear scan before any parser sees them. Each refusal
names the file and what is allowed (exit 2).
"""

from __future__ import annotations

import codecs
import json
import re
from itertools import accumulate
from pathlib import Path
from typing import Any

from pydantic_core import from_json

from footcheck.errors import InputFileError
from footcheck.text.messages import say

MAX_INPUT_BYTES = 1024 * 1024
"""1 MiB: an answers file is about 2 KB, the TOML template 9 KB, the longest exported
summary about 20 KB."""
MAX_TOML_BYTES = 128 * 1024
"""128 KiB for TOML, whose parser spends hundreds of bytes of memory on each byte of a
file of table headers (a 1 MB one took 490 MB); the TOML template is 9 KB."""
MAX_NESTING = 64
"""Lists and tables inside one another: an answers file needs 2 levels, a summary 6."""
MAX_KEY_PARTS = 32
"""Parts of one dotted TOML key (``a.b.c`` has 3): answers files use none."""
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
"""Byte-order marks of UTF-16, which some editors and spreadsheets save by default."""


def nested_too_deeply(path: Path, what: str) -> str:
    """Why ``path`` is refused when it nests deeper than ``MAX_NESTING``."""
    return say("file.nested_too_deeply", path=path, what=what, limit=MAX_NESTING)


# Patterns are compiled on first use (by ``re``'s own cache): a usual answers file has too
# few brackets and dots to need them.
_JSON_STRING = r'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'
_TOML_SKIPPED = r'"""[\s\S]*?"""|' + r"'''[\s\S]*?'''|" + _JSON_STRING + r"|'[^'\n]*'|#[^\n]*"
_JSON_SKIPPED = _JSON_STRING
_NOT_BRACKETS = r"[^\[\]{}]+"
_DEPTH = {"[": 1, "{": 1, "]": -1, "}": -1}
_LONG_DOTTED_KEY = (
    # MAX_KEY_PARTS parts joined by dots; the look-behind keeps the scan linear.
    r"(?<![\w-])(?:[\w-]++\s*+\.\s*+){" + str(MAX_KEY_PARTS) + r"}[\w-]"
)


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of ``path``, read no further than the size limit.

    ``what`` names the kind of file in messages ("an answers file").
    """
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputFileError(say("file.missing", path=path)) from None
    except IsADirectoryError:
        raise InputFileError(say("file.folder", path=path, what=what)) from None
    except OSError as error:
        raise InputFileError(
            say("file.unreadable", path=path, reason=error.strerror or error)
        ) from None
    if len(raw) > MAX_INPUT_BYTES:
        raise InputFileError(
            say("file.too_large", path=path, what=what, megabytes=MAX_INPUT_BYTES // 2**20)
        )
    # A byte-order mark (Notepad writes one) is dropped, as the utf-8-sig codec would.
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        if raw.startswith(UTF16_MARKS):
            raise InputFileError(say("file.not_utf8.utf16", path=path)) from None
        offset = error.start + (len(raw) - len(body))  # counting a byte-order mark
        raise InputFileError(
            say("file.not_utf8.byte", path=path, byte=raw[offset], offset=offset)
        ) from None


def check_structure(path: Path, text: str, what: str, *, toml: bool) -> None:
    """Refuse, before parsing, text a parser would spend too long or too deep on."""
    if needs_scan(text, toml=toml):
        scan_structure(path, text, what, toml=toml)
    if toml and len(text.encode("utf-8")) > MAX_TOML_BYTES:
        raise InputFileError(
            say("file.too_large_toml", path=path, what=what, kilobytes=MAX_TOML_BYTES // 1024)
        )


def needs_scan(text: str, *, toml: bool) -> bool:
    """Whether ``text`` has brackets or dots enough to nest too deeply or to make too long a
    dotted key: with no more opening brackets than the limit it cannot nest deeper, nor a
    key with fewer dots have more parts. The usual file has a few, and is not scanned."""
    if text.count("[") + text.count("{") > MAX_NESTING:
        return True
    return toml and text.count(".") >= MAX_KEY_PARTS


def scan_structure(path: Path, text: str, what: str, *, toml: bool) -> None:
    """Refuse text nested too deeply, or with too long a dotted key, in one linear pass."""
    skipped = re.sub(_TOML_SKIPPED if toml else _JSON_SKIPPED, "s", text)
    brackets = re.sub(_NOT_BRACKETS, "", skipped)
    if brackets and max(accumulate(map(_DEPTH.__getitem__, brackets))) > MAX_NESTING:
        raise InputFileError(nested_too_deeply(path, what))
    if toml and re.search(_LONG_DOTTED_KEY, skipped):
        raise InputFileError(say("file.long_dotted_key", path=path, parts=MAX_KEY_PARTS))


def parse_json(path: Path, text: str) -> Any:
    """The JSON document in ``text``; a syntax error is named one way, whichever command
    reads the file (``assess --answers``, ``report``): Python's words and the spot.

    pydantic-core's reader, already loaded, reads every document Python's json module
    reads alike (tested), and refuses a few more (a lone surrogate escape, a number of
    thousands of digits), which json then reads, or names the spot of.
    """
    try:
        return from_json(text)
    except ValueError:
        pass
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputFileError(
            say(
                "file.invalid_json",
                path=path,
                error=error.msg,
                line=error.lineno,
                column=error.colno,
            )
        ) from None
