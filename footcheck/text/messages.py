"""Every sentence a person reads, looked up by id in the message files of a language.

The messages of a language are the JSON files in ``footcheck/text/<language>/``: one file
per area of the product (the checklist, the summary, the files, the command line), each a
tree of objects whose dotted path is a message's id (``triage.reason.severe_pain``). JSON,
not TOML, because every start reads them and the standard library's JSON reader is about
a hundred times faster than its TOML reader (docs/architecture.md). A message is
a template with named placeholders (``{score}``), filled with ``str.format_map``. Every
language has every id of English, with the same placeholders (tested); the code names ids
and passes values, and never holds the sentences themselves.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Generic, Literal, TypeVar, cast

Language = Literal["en"]
LANGUAGES: tuple[Language, ...] = ("en",)
DEFAULT_LANGUAGE: Language = "en"
HERE = Path(__file__).parent


class MessageError(LookupError):
    """A message id the files do not hold, or a placeholder left without a value: a
    programmer's mistake, caught by the tests, never a person's."""


class Messages:
    """The messages of one language: ``messages("triage.reason.severe_pain", score=8)``."""

    def __init__(self, language: str, templates: Mapping[str, str]) -> None:
        self.language = language
        self.templates = templates

    def __call__(self, message_id: str, /, **values: object) -> str:
        try:
            template = self.templates[message_id]
        except KeyError:
            raise MessageError(f"no message {message_id!r} in {self.language}") from None
        try:
            return template.format_map(values)
        except (KeyError, IndexError) as error:
            raise MessageError(f"{message_id}: no value for {error}") from None

    def __contains__(self, message_id: object) -> bool:
        return message_id in self.templates


def _flatten(table: Mapping[str, object], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _flatten(value, path + ".")
        elif isinstance(value, str):
            yield path, value
        else:
            raise MessageError(f"{path}: a message must be text, not {type(value).__name__}")


def load(folder: Path) -> dict[str, str]:
    """Every message in a language's folder, by id; an id defined twice is an error."""
    templates: dict[str, str] = {}
    for path in sorted(folder.glob("*.json")):
        with path.open("rb") as file:
            for message_id, template in _flatten(json.load(file)):
                if message_id in templates:
                    raise MessageError(f"{message_id} is defined twice ({path.name})")
                templates[message_id] = template
    return templates


@cache
def messages(language: str = DEFAULT_LANGUAGE) -> Messages:
    """The messages of ``language`` (loaded once)."""
    if language not in LANGUAGES:
        raise MessageError(f"no messages for language {language!r}")
    return Messages(language, load(HERE / language))


def placeholders(template: str) -> frozenset[str]:
    """The named placeholders of a template (``{score}`` → ``score``)."""
    return frozenset(
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    )


EN = messages()
"""English, the language every message is written in first."""

_SPOKEN: ContextVar[Messages] = ContextVar("footcheck_language", default=EN)


def say(message_id: str, /, **values: object) -> str:
    """The message in the language being spoken (English unless ``speaking`` says)."""
    return _SPOKEN.get()(message_id, **values)


def spoken() -> Messages:
    """The messages of the language being spoken."""
    return _SPOKEN.get()


@contextmanager
def speaking(language: str) -> Iterator[Messages]:
    """Speak ``language`` inside the block: the command line sets it once from the person's
    choice, and a stored summary is shown in the language it was written in."""
    token = _SPOKEN.set(messages(language))
    try:
        yield _SPOKEN.get()
    finally:
        _SPOKEN.reset(token)


def plural(count: int) -> str:
    """The form of a message for ``count``: its id ends ``.one`` or ``.other``."""
    return "one" if count == 1 else "other"


def say_count(message_id: str, count: int, /, **values: object) -> str:
    """The message ``message_id.one`` or ``message_id.other``, as ``count`` asks, with
    ``count`` among its values: never "result(s)"."""
    return say(f"{message_id}.{plural(count)}", count=count, **values)


K = TypeVar("K", bound=str)


class Words(Mapping[K, str], Generic[K]):
    """A table of words by key, each the message ``pattern`` names with the key in place of
    ``*`` (``contributor.*.short``), read in the language being spoken when looked up."""

    __slots__ = ("head", "tail")

    def __init__(self, pattern: str) -> None:
        self.head, _, self.tail = pattern.partition("*")

    def __getitem__(self, key: K) -> str:
        message_id = f"{self.head}{key}{self.tail}"
        if message_id not in spoken():
            raise KeyError(key)
        return say(message_id)

    def _keys(self) -> list[K]:
        head, tail = self.head, self.tail
        return [
            cast("K", message_id[len(head) : len(message_id) - len(tail)])
            for message_id in spoken().templates
            if message_id.startswith(head)
            and message_id.endswith(tail)
            and "." not in message_id[len(head) : len(message_id) - len(tail)]
        ]

    def __iter__(self) -> Iterator[K]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())
