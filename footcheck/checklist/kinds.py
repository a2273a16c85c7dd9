"""The five kinds of answer, each with everything that depends on the kind, in one table.

For each kind: what is allowed (in words), the type the ``Answers`` model declares for it,
how typed text is read (at a prompt, in `--set`, in a CSV cell), how an answer is shown,
the prompt's short hint, and its item type and answer value in FHIR (footcheck/fhir).
Prompts are lenient (a choice's number, its id, its label or an unambiguous prefix);
scripts are strict (ids and true/false/yes/no only), so a typo in a file is never guessed.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple

from pydantic import BeforeValidator, Strict

from footcheck.errors import InputProblem as InputProblem  # raised here; importers keep this path
from footcheck.text.display import shown
from footcheck.text.messages import say

if TYPE_CHECKING:
    from footcheck.checklist.question import AnswerValue, Question

TRUE_WORDS = frozenset({"yes", "y", "true"})
FALSE_WORDS = frozenset({"no", "n", "false"})
STRICT_TRUE = frozenset({"yes", "true"})
STRICT_FALSE = frozenset({"no", "false"})
NONE_WORDS = frozenset({"none", "-", "nothing"})


class KindRules(NamedTuple):
    allowed: Callable[[Question], str]
    """What may be given, in words (``kind.<kind>.allowed``)."""
    python_type: Callable[[Question], Any]
    """The answer's type as the ``Answers`` model's fields declare it (before "| None")."""
    parse: Callable[[Question, str, bool], AnswerValue]
    """The answer typed text stands for (lenient at prompts, strict in scripts)."""
    format: Callable[[Question, Any], str]
    """An answer as a person reads it."""
    prompt_shape: Callable[[Question], str]
    """The few words before `? help` on the prompt line (``kind.<kind>.prompt_hint``)."""
    menu: Callable[[Question], tuple[str, ...]]
    """The numbered options shown at the prompt, if any."""
    fhir_type: str
    """Its FHIR Questionnaire item type (footcheck/fhir)."""
    fhir_value: str
    """The ``value[x]`` key of its answers in a FHIR QuestionnaireResponse."""
    fhir_repeats: bool = False
    """Several FHIR answers make one answer (a list)."""
    on_enter: str | None = None
    """What an empty reply at a prompt means, when it means an answer (not "ask again")."""


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


def _range(question: Question) -> dict[str, str]:
    return {"low": _num(question.minimum), "high": _num(question.maximum)}


# --- boolean ---------------------------------------------------------------------------
def _boolean_menu(question: Question) -> tuple[str, ...]:
    """A statement (agree / disagree) is answered from a numbered pair; yes/no needs none."""
    return question.words if question.statement else ()


def _own_words(question: Question) -> Callable[[object], object]:
    """A statement's own two words in a file ("agree" / "disagree") read as true / false."""
    words = {question.words[0]: True, question.words[1]: False}

    def own_words(value: object) -> object:
        return words.get(value, value) if isinstance(value, str) else value

    return own_words


def _boolean_type(question: Question) -> Any:
    """true / false; a statement also takes its own two words."""
    if not _boolean_menu(question):
        return bool
    return Annotated[bool, BeforeValidator(_own_words(question))]


def _parse_boolean(question: Question, text: str, lenient: bool) -> bool:
    word = text.strip().lower()
    agree, disagree = question.words
    if word in (TRUE_WORDS if lenient else STRICT_TRUE) or word == agree:
        return True
    if word in (FALSE_WORDS if lenient else STRICT_FALSE) or word == disagree:
        return False
    if lenient and _boolean_menu(question) and word in ("1", "2"):
        return word == "1"
    if lenient and word and _boolean_menu(question):
        # A prefix of one of a statement's two words ("agr", "dis"), as for choices.
        matches = [w for w in (agree, disagree) if w.startswith(word)]
        if len(matches) == 1:
            return matches[0] == agree
    if not question.statement:
        raise InputProblem(say("kind.boolean.not_yes_or_no", text=shown(text)))
    raise InputProblem(
        say("kind.boolean.not_a_statement_answer", text=shown(text), yes=agree, no=disagree)
    )


# --- numbers ---------------------------------------------------------------------------
_WHOLE = r"[+-]?[0-9]+"
_DECIMAL = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
"""Compiled on first use (by ``re``'s own cache): a scripted JSON run reads no text numbers."""
MAX_DIGITS = 20
"""Longer than this, a number is out of every range footcheck asks for; it is not read."""


def read_number(text: str, *, whole: bool, decimal_comma: bool = False) -> int | float | None:
    """The number ``text`` is written as, or None: ASCII digits with an optional sign, and
    for a number (not a whole number) one optional decimal point, or comma when a person
    types it at a prompt.

    The one number reader for text (prompts, `--set`, CSV cells, result ids). Python's
    ``int`` and ``float`` would also take ``4_2``, full-width or Arabic-Indic digits,
    ``inf`` and ``1e3``: none of them is how anyone writes an answer, so none is guessed.
    """
    text = text.strip()
    if decimal_comma and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not re.fullmatch(_WHOLE if whole else _DECIMAL, text):
        return None
    if len(text) > MAX_DIGITS:
        return math.inf if text[0] != "-" else -math.inf
    return int(text) if whole else float(text)


def _parse_number(question: Question, text: str, lenient: bool) -> int | float:
    value = read_number(text, whole=question.kind == "integer", decimal_comma=lenient)
    if value is None:
        raise InputProblem(
            say(f"kind.{question.kind}.not_a_number", text=shown(text), allowed=allowed(question))
        )
    assert question.minimum is not None and question.maximum is not None
    if not question.minimum <= value <= question.maximum:
        raise InputProblem(
            say(f"kind.{question.kind}.out_of_range", text=shown(text), allowed=allowed(question))
        )
    return value


def _strict(number_type: type) -> Any:
    """A number type as the model declares it (its range is on the field). Numbers are
    strict, so that true/false or "7" are not silently read as 1 or 7."""
    return Annotated[number_type, Strict()]


# --- choices ---------------------------------------------------------------------------
def _normalise(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower().replace(",", ""))


def _parse_choice(question: Question, text: str, lenient: bool) -> str:
    word = _normalise(text)
    for choice in question.choices:
        if word in (choice.value, _normalise(choice.label)):
            return choice.value
    if lenient:
        number = read_number(word, whole=True)
        if number is not None or word.isdecimal():
            # A number picks from the menu, and is never read as the start of a name.
            if isinstance(number, int) and 1 <= number <= len(question.choices):
                return question.choices[number - 1].value
            raise InputProblem(
                say("kind.choice.not_in_menu", text=shown(text), count=len(question.choices))
            )
        matches = [c.value for c in question.choices if c.value.startswith(word)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            alternatives = say("kind.choice.or_between").join(matches)
            raise InputProblem(say("kind.choice.ambiguous", text=shown(text), matches=alternatives))
        raise InputProblem(_not_a_choice_in_words(question, text, word))
    raise InputProblem(
        say("kind.choice.not_a_choice", text=shown(text), values=", ".join(question.values))
    )


def _not_a_choice_in_words(question: Question, text: str, word: str) -> str:
    """A mistyped answer at the menu: the choices as the menu shows them (number and
    label), and the closest one, if one is clearly closest, suggested in the same words."""
    items = [
        say("kind.choice.menu_item", number=n, label=c.label)
        for n, c in enumerate(question.choices, 1)
    ]
    last = say("kind.choice.or_between").join(items[-2:])
    choices = ", ".join([*items[:-2], last])
    best = _closest_choice(question, word)
    if best is None:
        return say("kind.choice.not_a_choice_menu", text=shown(text), choices=choices)
    return say(
        "kind.choice.did_you_mean",
        text=shown(text),
        number=best + 1,
        label=question.choices[best].label,
        choices=choices,
    )


def _closest_choice(question: Question, word: str) -> int | None:
    """The index of the one choice whose id, label, a word of its label or the start of
    its label is most like ``word``; None when none is close or two are equally close."""
    scores: list[float] = []
    for choice in question.choices:
        label = _normalise(choice.label)
        candidates = {choice.value, label, label[: len(word) + 1]}
        candidates |= {part for part in label.split("_") if len(part) >= 3}
        scores.append(max(difflib.SequenceMatcher(None, word, c).ratio() for c in candidates if c))
    best = max(scores, default=0.0)
    if best < _CLOSE_ENOUGH or scores.count(best) > 1:
        return None
    return scores.index(best)


_CLOSE_ENOUGH = 0.6
"""How alike (difflib's ratio) a mistyped answer and a choice must be to be suggested."""


def _parse_multi(question: Question, text: str, lenient: bool) -> list[str]:
    if _normalise(text) in NONE_WORDS:
        return []
    parts = [p for p in re.split(r"[,;\s]+" if lenient else r";", text) if p.strip()]
    values: list[str] = []
    for part in parts:
        value = _parse_choice(question, part, lenient)
        if value in values:
            raise InputProblem(say("kind.multi.listed_twice", value=shown(value)))
        values.append(value)
    return values


def _label(question: Question, value: object) -> str:
    choice = question.choice(value)
    return choice.label if choice is not None else str(value)


def _labels(question: Question) -> tuple[str, ...]:
    return tuple(c.label for c in question.choices)


def _choice_type(question: Question) -> Any:
    return Literal[question.values]


KINDS: dict[str, KindRules] = {
    "boolean": KindRules(
        allowed=lambda q: say("kind.boolean.allowed", yes=q.words[0], no=q.words[1]),
        python_type=_boolean_type,
        parse=_parse_boolean,
        format=lambda q, value: q.words[0] if value else q.words[1],
        prompt_shape=lambda q: say(
            "kind.boolean.prompt_hint.statement"
            if q.statement
            else "kind.boolean.prompt_hint.plain"
        ),
        menu=_boolean_menu,
        fhir_type="boolean",
        fhir_value="valueBoolean",
    ),
    "integer": KindRules(
        allowed=lambda q: say("kind.integer.allowed", **_range(q)),
        python_type=lambda q: _strict(int),
        parse=_parse_number,
        format=lambda q, value: str(value),
        prompt_shape=lambda q: say("kind.integer.prompt_hint", **_range(q)),
        menu=lambda q: (),
        fhir_type="integer",
        fhir_value="valueInteger",
    ),
    "number": KindRules(
        allowed=lambda q: say("kind.number.allowed", **_range(q)),
        python_type=lambda q: _strict(float),
        parse=_parse_number,
        format=lambda q, value: f"{value:g}" if isinstance(value, float) else str(value),
        prompt_shape=lambda q: say("kind.number.prompt_hint", **_range(q)),
        menu=lambda q: (),
        fhir_type="decimal",
        fhir_value="valueDecimal",
    ),
    "choice": KindRules(
        allowed=lambda q: say("kind.choice.allowed", values=", ".join(q.values)),
        python_type=_choice_type,
        parse=_parse_choice,
        format=_label,
        prompt_shape=lambda q: say("kind.choice.prompt_hint", count=len(q.choices)),
        menu=_labels,
        fhir_type="choice",
        fhir_value="valueCoding",
    ),
    "multi": KindRules(
        allowed=lambda q: say("kind.multi.allowed", values=", ".join(q.values)),
        python_type=lambda q: list[_choice_type(q)],  # type: ignore[misc]
        parse=_parse_multi,
        # One item (an evidence row names the item that scored) or the whole list.
        format=lambda q, value: (
            _label(q, value)
            if isinstance(value, str)
            else ", ".join(_label(q, v) for v in value) or say("kind.multi.none")
        ),
        prompt_shape=lambda q: say("kind.multi.prompt_hint"),
        menu=_labels,
        fhir_type="choice",
        fhir_value="valueCoding",
        fhir_repeats=True,
        on_enter="none",
    ),
}


def parse_text(question: Question, text: str, *, lenient: bool) -> AnswerValue:
    """The answer ``text`` stands for, or None for an empty answer."""
    text = text.strip()
    if not text:
        return None
    return KINDS[question.kind].parse(question, text, lenient)


def not_allowed(question: Question, text: str) -> str:
    """Why a value written as text (`--set`, a CSV cell) was refused, and what would do
    (with how to write a list as text, where that is not obvious)."""
    message_id = "kind.multi.not_allowed" if question.kind == "multi" else "kind.not_allowed"
    return say(message_id, text=shown(text), allowed=allowed(question))


def format_value(question: Question, value: AnswerValue) -> str:
    """An answer as a person reads it: labels not ids, yes/no not true/false."""
    if value is None:
        return say("kind.not_given") if question.optional else "-"
    return KINDS[question.kind].format(question, value)


def menu(question: Question) -> tuple[str, ...]:
    """The numbered options shown at the prompt (none for a plain yes/no or a number)."""
    return KINDS[question.kind].menu(question)


def allowed(question: Question) -> str:
    """What may be given, in words, for error messages and the `questions` table."""
    text = KINDS[question.kind].allowed(question)
    if question.optional:
        return say("kind.optional_allowed", allowed=text)
    return text
