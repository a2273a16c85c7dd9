"""What a catalogue of questions is: sections and questions in asking order, and which of
them apply to a set of answers.

The catalogue footcheck asks is assembled in ``footcheck/instruments/registry.py`` from the
plain sections (``footcheck/checklist/sections/``) and the instruments. Prompting,
validation, the ``Answers`` model, the review screen, `questions`, `template`, `schema`,
batch CSV parsing and the scoring rules all read that one catalogue, so a question and its
clinical facts are defined in exactly one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from footcheck.checklist.question import AnswerValue, Condition, Question, SectionInfo
from footcheck.text.messages import say


class Catalogue:
    """Sections and questions in asking order, with the lookups every reader needs."""

    def __init__(self, sections: Sequence[SectionInfo], questions: Sequence[Question]) -> None:
        self.sections = tuple(sections)
        self.questions = tuple(questions)
        self.section_by_id: Mapping[str, SectionInfo] = {s.id: s for s in self.sections}
        self.by_id: Mapping[str, Question] = {q.id: q for q in self.questions}
        self.ids = tuple(q.id for q in self.questions)
        self.order: Mapping[str, int] = {qid: i for i, qid in enumerate(self.ids)}
        conditions: dict[Condition, list[str]] = {}
        for question in self.questions:
            if question.when is not None:
                conditions.setdefault(question.when, []).append(question.id)
        self.conditions: Mapping[Condition, frozenset[str]] = {
            condition: frozenset(ids) for condition, ids in conditions.items()
        }
        """Each condition, with the ids of the questions that depend on it."""
        self._reach: dict[tuple[bool | None, ...], Reach] = {}

    def extended(self, *questions: Question) -> Catalogue:
        """This catalogue with more questions, each placed after the last of its section."""
        ordered = list(self.questions)
        for question in questions:
            last = max(i for i, q in enumerate(ordered) if q.section == question.section)
            ordered.insert(last + 1, question)
        return Catalogue(self.sections, ordered)

    def reach(self, answers: Mapping[str, object]) -> Reach:
        """Which questions apply to these answers: one check per condition, and each
        combination of the conditions' outcomes (a handful) worked out once."""
        key = tuple(condition.holds(answers) for condition in self.conditions)
        found = self._reach.get(key)
        if found is None:
            off: frozenset[str] = frozenset()
            for held, dependents in zip(key, self.conditions.values(), strict=True):
                if held is False:
                    off |= dependents
            found = self._reach[key] = Reach(self, off)
        return found

    def inapplicable_ids(self, answers: Mapping[str, object]) -> frozenset[str]:
        """Ids of the questions that do not apply."""
        return self.reach(answers).off


class Reach:
    """The questions that apply under one outcome of the catalogue's conditions."""

    __slots__ = ("ids", "lists", "off", "required")

    def __init__(self, catalogue: Catalogue, off: frozenset[str]) -> None:
        self.off = off
        applying = [q for q in catalogue.questions if q.id not in off]
        self.ids = tuple(q.id for q in applying)
        """The ids that apply, in checklist order."""
        self.required = tuple(q.id for q in applying if not q.optional)
        """The ids that apply and need an answer."""
        self.lists = tuple(q.id for q in applying if q.kind == "multi")
        """The ids that apply whose answer is a list."""

    def answers(self, values: Mapping[str, AnswerValue]) -> dict[str, AnswerValue]:
        """The answers to the questions that apply, in checklist order; lists are copies,
        so the answers' own stay as validated."""
        applicable: dict[str, AnswerValue] = {}
        for qid in self.ids:
            applicable[qid] = values[qid]
        for qid in self.lists:
            answer = applicable[qid]
            if isinstance(answer, list):
                applicable[qid] = list(answer)
        return applicable

    def missing(self, values: Mapping[str, AnswerValue]) -> list[str]:
        """The ids that apply and still need an answer."""
        return [qid for qid in self.required if values[qid] is None]


def not_applicable_reason(question: Question, answers: Mapping[str, object]) -> str | None:
    """Why a question does not apply, or None when it does."""
    if question.when is None or question.when.holds(answers) is not False:
        return None
    return say("checklist.not_applicable", when=question.when.text)
