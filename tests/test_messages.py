"""Text is data: every message id the code names is in the message files with the
placeholders the code fills, every language has every English message with the same
placeholders, and no sentence for a person is written in the code itself."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from footcheck.text.messages import EN, LANGUAGES, messages, placeholders

PACKAGE = Path(__file__).resolve().parent.parent / "footcheck"
LOOKUPS = frozenset({"say", "EN", "text", "t"})
"""Names through which the code looks a message up: ``say("id", value=...)``."""


def sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(), str(path))


def lookups() -> Iterator[tuple[str, str, frozenset[str] | None]]:
    """Each literal message id the code looks up, where, and the values it passes (None
    when they are passed as ``**values``, which the test cannot see)."""
    for path, tree in sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else None
            first = node.args[0]
            if name in LOOKUPS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                keywords = [k.arg for k in node.keywords]
                passed = None if None in keywords else frozenset(k for k in keywords if k)
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                yield where, first.value, passed


def counted() -> Iterator[tuple[str, str, frozenset[str] | None]]:
    """``say_count("id", n, ...)``: the messages ``id.one`` and ``id.other``, given the
    other values (and ``count``, which a form may leave unsaid: "left out damaged
    result 2")."""
    for path, tree in sources():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "say_count"
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                keywords = [k.arg for k in node.keywords]
                passed = None if None in keywords else frozenset(filter(None, keywords))
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                for form in ("one", "other"):
                    yield where, f"{node.args[0].value}.{form}", passed


def test_every_message_the_code_names_exists_with_the_values_it_is_given() -> None:
    problems = []
    for where, message_id, passed in [*lookups(), *counted()]:
        if message_id not in EN:
            problems.append(f"{where}: no message {message_id!r}")
        elif passed is not None and placeholders(EN.templates[message_id]) - {"count"} != passed - {
            "count"
        }:
            wanted = sorted(placeholders(EN.templates[message_id]))
            problems.append(f"{where}: {message_id} takes {wanted}, given {sorted(passed)}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_message_with_the_same_placeholders(language: str) -> None:
    found = messages(language).templates
    assert sorted(found) == sorted(EN.templates)
    differ = [k for k, v in EN.templates.items() if placeholders(found[k]) != placeholders(v)]
    assert differ == []


PROSE = re.compile(r"[A-Za-z][a-z']+,? [a-z][a-z']+,? [a-z'][a-z']*")
"""Three words in a row, as a sentence for a person has: what the message files hold."""
PROGRAMMERS = frozenset({"MessageError", "AssertionError", "NotImplementedError", "TypeError"})
"""Exceptions that only a programmer meets: their words may stay in the code."""


def prose_literals(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """String literals that read as prose, other than docstrings, ``help=`` texts (--help
    may stay English), and a programmer's own errors and assertions."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # a bare string: an attribute's docstring
        if isinstance(node, ast.keyword) and node.arg in {"help", "epilog", "short_help"}:
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Assert):
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            if isinstance(func, ast.Name) and func.id in PROGRAMMERS:
                skip.update(id(n) for n in ast.walk(node.exc))
    for node in ast.walk(tree):
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(text, str) and id(node) not in skip and PROSE.search(text):
            yield node.lineno, text


BIBLIOGRAPHY = frozenset({"sources.py"})
"""Citations are the sources' own titles and authors, quoted, never translated."""


def test_no_sentence_for_a_person_is_written_in_the_code() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text[:60]!r}"
        for path, tree in sources()
        if path.relative_to(PACKAGE).as_posix() not in BIBLIOGRAPHY
        for line, text in prose_literals(tree)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Stand up. Then sit, e.g. on a chair. (Menz 2013). Next", 4),
        ("허리 통증이 있습니다. 119에 전화하세요. 의사를 만나세요.", 3),
        ("腰が痛いです。すぐに119に電話してください。医師に相談してください。", 3),
        ("Wear shoes. 靴を履いてください。", 2),
    ],
)
def test_accessible_mode_splits_sentences_in_every_script(text: str, lines: int) -> None:
    from footcheck.text.display import sentence_lines

    assert len(sentence_lines(text).splitlines()) == lines
