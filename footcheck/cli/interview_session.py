"""Running the interview at a terminal: the welcome, drafts, the emergency interrupt, and
the ways a person stops (Ctrl-C, Ctrl-D, `quit`), each ending on a line of its own.

An interrupted session keeps its answers as a draft that the next interactive
`footcheck assess` offers to continue; an emergency warning sign shows the emergency advice
at once, and stopping there ends the run with nothing saved and no summary written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NoReturn

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from footcheck.cli.failures import interrupted
from footcheck.cli.interview import EmergencyStop, Interview, Quit, ReadLine
from footcheck.cli.terminal import line_reader, message_console
from footcheck.instruments.red_flags.scoring import flag_level, raised_flags
from footcheck.instruments.registry import CATALOGUE
from footcheck.render.plan import PLAN_TRIAGE
from footcheck.render.wording import TRIAGE_HEADLINE, local_time
from footcheck.scoring.steps import STEP_INFO, TRIAGE_STEP
from footcheck.store.drafts import discard_draft, draft_path, load_draft, save_draft
from footcheck.text.display import sentence_lines
from footcheck.text.messages import say

if TYPE_CHECKING:
    from footcheck.checklist.question import AnswerValue, Question
    from footcheck.cli.context import Context

EMERGENCY_STEP = STEP_INFO[TRIAGE_STEP["emergency"]]


@dataclass
class Session:
    """What the person asked for: where prompts go, and whether drafts apply."""

    context: Context
    to_stderr: bool
    accessible: bool
    keeps_drafts: bool
    """Only a run without --answers / --set keeps or offers a draft."""
    fresh: bool = False
    console: Console = field(init=False)

    def __post_init__(self) -> None:
        self.console = message_console(
            self.context, to_stderr=self.to_stderr, accessible=self.accessible
        )


def run_interview(
    session: Session, preset: dict[str, AnswerValue], given: set[str]
) -> dict[str, AnswerValue] | None:
    """The answers, complete; or None when the person stopped at an emergency sign."""
    console = session.console
    read_line = line_reader(session.context, console)
    console.print(Text(say("session.welcome"), style="bold"))
    resumed: dict[str, AnswerValue] = {}
    if session.keeps_drafts:
        resumed = offer_draft(session, read_line)
    started = any(v is not None for v in preset.values()) or resumed
    welcome = say("session.how") + ("" if started else say("session.whole_checklist"))
    console.print(sentence_lines(welcome) if session.accessible else welcome, highlight=False)
    interview = Interview(
        console,
        read_line,
        {**preset, **resumed},
        given,
        accessible=session.accessible,
        on_emergency=lambda question: show_emergency(session, question),
    )
    try:
        # A warning sign answered yes in a file or a draft is told before any question.
        interview.announce_emergency()
        answers = interview.run()
    except EmergencyStop:
        stop_at_emergency(session)
        return None
    except (KeyboardInterrupt, EOFError, Quit):
        keep_draft_and_cancel(session, interview.answers)
    if session.keeps_drafts:
        discard_draft()  # finished: the draft has served
    return answers


def offer_draft(session: Session, read_line: ReadLine) -> dict[str, AnswerValue]:
    """The answers of an interrupted checklist to continue (the default), or none: --fresh,
    or the person says no. They are answers, not settled: `back` reaches them, and the
    question numbers carry on where the checklist stopped."""
    console = session.console
    if session.fresh:
        if discard_draft():
            console.print(Text(say("session.draft.discarded_fresh"), style="dim"))
        return {}
    draft, note = load_draft()
    if note is not None:
        console.print(Text(say("cli.note", note=note), style="yellow"))
    if draft is None or not draft.answers:
        return {}
    when = local_time(draft.saved_at)
    count = len(draft.answers)
    form = "one" if count == 1 else "other"
    unfinished = say(f"session.draft.unfinished.{form}", when=when, count=count)
    console.print(unfinished, highlight=False)
    reply = read_line(say("session.draft.continue"))
    if reply.strip().lower() in ("n", "no"):
        discard_draft()
        console.print(Text(say("session.draft.afresh"), style="dim"))
        return {}
    for line in draft.notes:
        console.print(Text(say("cli.note", note=line), style="yellow"))
    return draft.answers


def keep_draft_and_cancel(session: Session, answers: dict[str, AnswerValue]) -> NoReturn:
    """Ctrl-C, Ctrl-D or quit: keep what was typed as a draft, say so, exit 130."""
    typed: dict[str, AnswerValue] = {k: v for k, v in answers.items() if v is not None}
    # A warning sign already answered yes is said again: stopping must not hide it.
    warning = warning_line(typed)
    if not session.keeps_drafts or not typed:
        interrupted(
            session.context,
            say("session.cancelled", cancelled=say("cli.cancelled"), warning=warning),
        )
    path = save_draft(typed, now=session.context.now())
    count = len(typed)
    kept = say(
        f"session.draft.kept.{'one' if count == 1 else 'other'}",
        cancelled=say("cli.cancelled"),
        count=count,
        path=path,
        warning=warning,
    )
    interrupted(session.context, kept)


def warning_line(answers: dict[str, AnswerValue]) -> str:
    """The advice for the most severe warning sign answered yes so far, on its own line."""
    raised = raised_flags(answers, CATALOGUE)
    level = flag_level(raised, CATALOGUE)
    return "" if level is None else say("session.warning", advice=PLAN_TRIAGE[level])


def show_emergency(session: Session, question: Question) -> None:
    """The emergency advice, the moment an emergency warning sign is answered yes."""
    console = session.console
    headline = TRIAGE_HEADLINE["emergency"]
    if session.accessible:
        console.print()
        console.print(Text(say("session.emergency.headline", headline=headline), style="bold red"))
        console.print(Text(question.reason))
        console.print(Text(sentence_lines(EMERGENCY_STEP.details)))
        return
    console.print()
    console.print(
        Panel(
            Group(
                Text(headline, style="bold red"),
                Text(question.reason),
                Text(""),
                Text(say("session.emergency.step", details=EMERGENCY_STEP.details)),
            ),
            border_style="red",
            box=box.HEAVY,
        )
    )


def stop_at_emergency(session: Session) -> None:
    """Stopping at the emergency: the advice once more, nothing saved, exit 0."""
    if session.keeps_drafts:
        discard_draft()
    console = session.console
    console.print()
    console.print(Text(PLAN_TRIAGE["emergency"], style="bold red"))
    console.print(say("session.emergency.nothing_saved"), highlight=False)


__all__ = ["Session", "draft_path", "run_interview"]
