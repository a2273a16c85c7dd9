"""The interactive checklist: asks what is missing, one question at a time, then a review.

Driven entirely by the catalogue. The flow is a cursor over the questions that apply *now*
(recomputed after every answer), so `back`, answers that switch questions on or off, and
edits from the review screen all follow the same rule. Answers that stop applying are
dropped and named; if their question applies again, the earlier answer comes back as the
default. The moment an emergency warning sign is answered yes, the emergency advice is
shown with the choice to stop there, to finish, or to go back and change that answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from footcheck.answers.model import validate_answers
from footcheck.checklist.kinds import (
    KINDS,
    InputProblem,
    format_value,
    menu,
    parse_text,
    read_number,
)
from footcheck.checklist.question import AnswerValue, Question
from footcheck.errors import AnswersError
from footcheck.instruments.registry import QUESTION_BY_ID, QUESTIONS, SECTION_BY_ID, SECTIONS
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
from footcheck.text.display import sentence_lines, shown
from footcheck.text.messages import say

if TYPE_CHECKING:
    from rich.console import Console

BACK_WORDS = frozenset({"back", "b", "<"})
HELP_WORDS = frozenset({"?", "help", "h"})
QUIT_WORDS = frozenset({"quit", "exit"})
DONE_WORDS = frozenset({"", "done", "ok", "d", "y", "yes"})
FINISH_WORDS = frozenset({"finish", "f", "continue", "c"})
STOP_WORDS = frozenset({"", "stop", "s"})

Answers = dict[str, AnswerValue]
ReadLine = Callable[[str], str]


class Quit(Exception):
    """The person typed quit or exit: stop as Ctrl-C would."""


class EmergencyStop(Exception):
    """The person chose to stop at an emergency warning sign."""

    def __init__(self, question: Question) -> None:
        super().__init__(question.id)
        self.question = question


class Interview:
    """One person's run through the checklist, in a terminal."""

    def __init__(
        self,
        console: Console,
        read_line: ReadLine,
        answers: Answers,
        preset: set[str],
        *,
        accessible: bool = False,
        on_emergency: Callable[[Question], None] | None = None,
    ) -> None:
        """``preset`` holds the ids already answered (from a file or --set): not asked.

        ``on_emergency`` shows the emergency advice for a warning sign just answered yes.
        """
        self.console = console
        self.read_line = read_line
        self.answers: Answers = dict(answers)
        self.preset = set(preset)
        self.accessible = accessible
        self.on_emergency = on_emergency
        self.emergency_seen = False
        self.remembered: Answers = {}
        """Answers dropped when their question stopped applying: defaults if it applies again."""
        self.last_section: str | None = None

    # --- the flow -------------------------------------------------------------------------
    def run(self, *, review: bool = True) -> Answers:
        """Ask everything missing, then let the person review and change any answer."""
        self.ask_missing()
        if review:
            self.review()
        return self.answers

    def todo(self) -> list[Question]:
        """Questions to ask in this session: apply now, and did not come from a file."""
        return [q for q in QUESTIONS if q.id not in self.preset and q.applies(self.answers)]

    def ask_missing(self, label: str = "question") -> None:
        """Ask what is missing; ``label`` names the kind of question in the counter."""
        # Answers carried over (a draft) are not asked again, but `back` reaches them and
        # the numbering counts them.
        todo = self.todo()
        cursor = next((i for i, q in enumerate(todo) if self.answers.get(q.id) is None), 0)
        while True:
            self.drop_inapplicable()
            todo = self.todo()
            if cursor >= len(todo):
                return
            question = todo[cursor]
            allow_back = cursor > 0
            counter = say(
                "interview.counter",
                label=say(f"interview.label.{label}"),
                number=cursor + 1,
                count=len(todo),
            )
            result = self.ask(question, counter, allow_back)
            if result is _BACK:
                cursor -= 1
                continue
            cursor += 1

    def drop_inapplicable(self) -> list[Question]:
        """Set aside answers whose question no longer applies; return those questions."""
        dropped = [
            q
            for q in QUESTIONS
            if self.answers.get(q.id) is not None and not q.applies(self.answers)
        ]
        for question in dropped:
            self.remembered[question.id] = self.answers.pop(question.id)
        return dropped

    # --- one question ---------------------------------------------------------------------
    def ask(self, question: Question, counter: str, allow_back: bool) -> object:
        """Ask until a valid answer is given; returns _BACK if the person went back."""
        self.section_header(question)
        self.console.print()
        self.console.print(Text(counter, style="dim"))
        self.console.print(Text(question.prompt, style="bold"))
        self.show_choices(question)
        current = self.answers.get(question.id)
        if current is None and question.id in self.remembered:
            earlier = self.remembered[question.id]
            if question.red_flag is None:
                current = earlier  # an earlier answer comes back as the default
            else:  # but a warning sign is never answered by pressing Enter
                said = format_value(question, earlier)
                self.console.print(Text(say("interview.answered_before", value=said), style="dim"))
        hint = self.hint(question, current, allow_back)
        while True:
            text = self.read_line(hint).strip()
            word = text.lower()
            if word in HELP_WORDS:
                self.console.print(Text(self.prose(question.help), style="cyan"))
                self.show_choices(question)
                continue
            if word in QUIT_WORDS:
                raise Quit
            if word in BACK_WORDS:
                if allow_back:
                    return _BACK
                self.console.print(Text(say("interview.first_question"), style="yellow"))
                continue
            if not text:
                if current is not None or question.optional:
                    if self.store(question, current, can_go_back=True):
                        return self.ask(question, counter, allow_back)
                    return None
                on_enter = KINDS[question.kind].on_enter
                if on_enter is not None:
                    text = on_enter
                else:
                    self.console.print(Text(say("interview.type_an_answer"), style="yellow"))
                    continue
            problem = self.accept(question, text)
            if problem is None:
                if self.store(question, self.answers[question.id], can_go_back=True):
                    return self.ask(question, counter, allow_back)
                return None
            self.console.print(Text(problem, style="yellow"))

    def store(self, question: Question, value: AnswerValue, *, can_go_back: bool = False) -> bool:
        """Keep the answer; an emergency warning sign answered yes interrupts at once.

        True when the person went `back` at the emergency prompt (only ``can_go_back``,
        when the question was just asked): ask it again, the yes kept as its default."""
        self.answers[question.id] = value
        self.remembered.pop(question.id, None)
        if (
            value is True
            and question.red_flag == "emergency"
            and not self.emergency_seen
            and self.on_emergency is not None
        ):
            self.emergency_seen = True
            self.on_emergency(question)
            choice = self.after_emergency(can_go_back)
            if choice == "stop":
                raise EmergencyStop(question)
            if choice == "back":
                self.emergency_seen = False  # a yes kept again shows the advice again
                return True
        return False

    def announce_emergency(self) -> None:
        """An emergency warning sign already answered yes (in a file or a draft) is told
        before any question, with the same choice to stop there."""
        for question in QUESTIONS:
            if question.red_flag == "emergency" and self.answers.get(question.id) is True:
                self.store(question, True)
                return

    def after_emergency(self, can_go_back: bool) -> str:
        """Stop (the default), finish, or, when ``can_go_back``, go back to the question
        just answered to change a yes typed by mistake; a yes from a file or a draft can be
        changed at the review."""
        kind = "stop_back_or_finish" if can_go_back else "stop_or_finish"
        while True:
            word = self.read_line(say(f"interview.{kind}")).strip().lower()
            if word in STOP_WORDS or word in QUIT_WORDS:
                return "stop"
            if word in FINISH_WORDS:
                return "finish"
            if can_go_back and word in BACK_WORDS:
                return "back"
            again = say(f"interview.{kind}_again", word=shown(word))
            self.console.print(Text(again, style="yellow"))

    def accept(self, question: Question, text: str) -> str | None:
        """Store the answer if it is valid on its own and with the others; else say why."""
        try:
            value = parse_text(question, text, lenient=True)
        except InputProblem as problem:
            return str(problem)
        candidate = {**self.answers, question.id: value}
        try:
            validate_answers(candidate, partial=True)
        except AnswersError as error:
            mine = [p.message for p in error.problems if p.id == question.id]
            if mine:
                return say("interview.not_possible", problem=mine[0])
        self.answers[question.id] = value
        return None

    def hint(self, question: Question, current: AnswerValue, allow_back: bool) -> str:
        shape = KINDS[question.kind].prompt_shape(question)
        extras = [say("interview.hint.help")] + ([say("interview.hint.back")] if allow_back else [])
        default = ""
        if current is not None:
            default = say("interview.hint.keeps", value=format_value(question, current))
        elif question.optional:
            default = say("interview.hint.skips")
        return say("interview.hint.line", shape=shape, extras=", ".join(extras), default=default)

    def show_choices(self, question: Question) -> None:
        hints = [c.hint for c in question.choices] or [""] * len(menu(question))
        for number, (label, hint) in enumerate(zip(menu(question), hints, strict=True), 1):
            extra = say("interview.choice_hint", hint=hint) if hint else ""
            line = say("interview.choice", number=number, label=label, extra=extra)
            self.console.print(line, highlight=False)

    def prose(self, text: str) -> str:
        """In accessible mode one sentence a line: a screen reader reads a line at a time."""
        return sentence_lines(text) if self.accessible else text

    def section_header(self, question: Question) -> None:
        if question.section == self.last_section:
            return
        self.last_section = question.section
        section = SECTION_BY_ID[question.section]
        self.console.print()
        if self.accessible:
            number = [s.id for s in SECTIONS].index(section.id) + 1
            heading = say(
                "interview.section", number=number, count=len(SECTIONS), title=section.title
            )
            self.console.print(Text(heading, style="bold"))
        else:
            self.console.rule(Text(section.title, style="bold"), align="left")
        self.console.print(Text(self.prose(section.intro), style="dim"))

    # --- review ---------------------------------------------------------------------------
    def review_rows(self) -> list[tuple[str, Question]]:
        """(section title, question) for every question that applies, in order."""
        return [(SECTION_BY_ID[q.section].title, q) for q in QUESTIONS if q.applies(self.answers)]

    def show_review(self, rows: list[tuple[str, Question]]) -> None:
        if self.accessible:
            self.console.print(Text(say("interview.review.heading"), style="bold"))
            for number, (_, question) in enumerate(rows, 1):
                value = format_value(question, self.answers.get(question.id))
                label = question.label
                if question.start_back_item is not None:  # "21. 1. …" is read as noise
                    item = question.label.split(". ", 1)[-1]
                    label = say(
                        "interview.review.start_back_item",
                        item=question.start_back_item,
                        text=item,
                    )
                line = say("interview.review.line", number=number, label=label, value=value)
                self.console.print(Text(line))
        else:
            table = Table(
                title=say("interview.review.title"),
                title_justify="left",
                show_lines=False,
                header_style="bold",
            )
            table.add_column(say("interview.review.column.number"), justify="right", no_wrap=True)
            table.add_column(say("interview.review.column.question"), ratio=3)
            table.add_column(say("interview.review.column.answer"), ratio=2)
            section = None
            for number, (title, question) in enumerate(rows, 1):
                if title != section:
                    section = title
                    table.add_row("", Text(title, style="dim italic"), "")
                value = format_value(question, self.answers.get(question.id))
                table.add_row(str(number), question.label, value)
            self.console.print(table)
        if any(q.start_back_item is not None for _, q in rows):
            self.console.print(Text(KEELE_COPYRIGHT, style="dim"))

    def review(self) -> None:
        while True:
            self.console.print()
            rows = self.review_rows()
            self.show_review(rows)
            number = self.review_choice(len(rows))
            if number is None:
                return
            question = rows[number - 1][1]
            before = self.answers.get(question.id)
            self.last_section = None
            self.console.print(Text(say("interview.review.back_keeps"), style="dim"))
            changing = say("interview.review.changing", number=number)
            if self.ask(question, changing, allow_back=True) is _BACK:
                self.answers[question.id] = before
                continue
            self.preset.discard(question.id)
            self.settle()

    def review_choice(self, count: int) -> int | None:
        """The answer to change, or None for the summary. Asked again under the table, so
        a mistake's explanation is not scrolled away by the table being drawn again."""
        while True:
            text = (
                # Short enough to leave room for the reply on an 80-column line.
                self.read_line(say("interview.review.prompt", count=count)).strip().lower()
            )
            if text in DONE_WORDS:
                return None
            if text in QUIT_WORDS:
                raise Quit
            number = read_number(text, whole=True)
            if isinstance(number, int) and 1 <= number <= count:
                return number
            if text == "?":
                self.console.print(say("interview.review.help", count=count), highlight=False)
            else:
                wrong = say("interview.review.not_a_number", text=shown(text), count=count)
                self.console.print(Text(wrong, style="yellow"))

    def settle(self) -> None:
        """After a change: drop what no longer applies (and say so), re-ask what no longer
        fits, and ask what now applies, with any earlier answer as the default."""
        dropped = self.drop_inapplicable()
        if dropped:
            self.console.print(Text(dropped_note(dropped), style="yellow"))
        try:
            validate_answers(self.answers, partial=True)
        except AnswersError as error:
            for problem in error.problems:
                if problem.id in self.answers:
                    again = say(
                        "interview.review.answer_again",
                        label=QUESTION_BY_ID[problem.id].label,
                        problem=problem.message,
                    )
                    self.console.print(Text(again, style="yellow"))
                    del self.answers[problem.id]
        self.preset = {
            qid for qid, v in self.answers.items() if v is not None or QUESTION_BY_ID[qid].optional
        }
        # Questions a change made apply (or made wrong) are follow-ups, counted on their own.
        self.ask_missing("follow_up")


SHORT_LIST = 3
"""Up to this many dropped answers are named one by one; more are counted by section."""


def dropped_note(dropped: list[Question]) -> str:
    """Which answers a change set aside, kept in case the change is undone."""
    if len(dropped) <= SHORT_LIST:
        named = "; ".join(q.label for q in dropped)
    else:
        counts: dict[str, int] = {}
        for question in dropped:
            title = SECTION_BY_ID[question.section].title
            counts[title] = counts.get(title, 0) + 1
        named = "; ".join(
            say(
                f"interview.dropped.section.{'one' if count == 1 else 'other'}",
                title=t,
                count=count,
            )
            for t, count in counts.items()
        )
    return say("interview.dropped.note", named=named)


class _Back:
    pass


_BACK = _Back()
