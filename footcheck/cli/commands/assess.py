"""`footcheck assess`: gather answers (file, --set, prompts), score them, show and save."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from footcheck.answers.model import Answers, validate_answers
from footcheck.checklist.kinds import allowed
from footcheck.checklist.question import AnswerValue
from footcheck.cli.answer_input import parse_assignments, read_answers
from footcheck.cli.failures import UsageFailure, interrupted
from footcheck.cli.output import (
    destination,
    present,
    remind,
    shown_on_terminal,
)
from footcheck.cli.terminal import can_prompt, line_reader, message_console, prompts_to_stderr
from footcheck.errors import AnswersError, FootcheckError
from footcheck.instruments.registry import CATALOGUE, QUESTION_BY_ID
from footcheck.scoring.evaluate import evaluate
from footcheck.text.messages import say, say_count

if TYPE_CHECKING:
    from footcheck.cli.context import Context
    from footcheck.summary import Summary


class AssessOptions(NamedTuple):
    answers_file: Path | None
    assignments: list[str]
    output_format: str | None
    output: Path | None
    force: bool
    no_input: bool
    save: bool | None
    accessible: bool = False
    fresh: bool = False


def gather_preset(context: Context, options: AssessOptions) -> tuple[Answers, set[str]]:
    """Answers given up front, validated (every id, None where not given), and the ids
    they settle."""
    raw: dict[str, object] = {}
    if options.answers_file is not None:
        values, notes = read_answers(options.answers_file)
        raw.update(values)
        for note in notes:
            print(say("cli.note", note=note), file=context.stderr)
    values, problems = parse_assignments(options.assignments)
    if problems:
        raise AnswersError(problems, say("assess.set_wrong"))
    raw.update(values)
    try:
        answers = validate_answers(raw, partial=True)
    except AnswersError as error:
        source = options.answers_file or "--set"
        count = len(error.problems)
        raise AnswersError(
            error.problems, say_count("assess.answers_problems", count, source=source)
        ) from None
    given = {qid for qid in raw if raw[qid] is not None or QUESTION_BY_ID[qid].optional}
    return answers, given


def missing_line(qid: str, answers: dict[str, AnswerValue]) -> str:
    question = QUESTION_BY_ID[qid]
    line = say("assess.missing_line", id=qid, allowed=allowed(question))
    if question.when is not None and question.when.holds(answers) is None:
        line = say("assess.missing_when", line=line, condition=question.when.text)
    return line


def run_assess(context: Context, options: AssessOptions) -> None:
    where = destination(
        options.output_format,
        options.output,
        force=options.force,
        accessible=options.accessible,
    )
    stdout_format = where.stdout_format
    given_answers, given = gather_preset(context, options)
    values = given_answers.values
    reach = CATALOGUE.reach(values)
    preset = reach.answers(values)  # what applies, in checklist order
    missing = reach.missing(values)
    interactive = False
    if missing:
        if options.no_input or not can_prompt(context):
            why = say("assess.why.no_input" if options.no_input else "assess.why.no_terminal")
            raise UsageFailure(
                say_count("assess.missing", len(missing), why=why),
                [missing_line(qid, preset) for qid in missing] + [say("assess.give_them")],
            )
        from footcheck.cli.interview_session import Session, run_interview

        session = Session(
            context,
            to_stderr=prompts_to_stderr(context, stdout_format),
            accessible=options.accessible,
            keeps_drafts=options.answers_file is None and not options.assignments,
            fresh=options.fresh,
        )
        asked = run_interview(session, preset, given)
        if asked is None:  # stopped at an emergency warning sign: nothing more to do
            return
        answers: Answers | dict[str, AnswerValue] = asked
        interactive = True
    else:
        answers = given_answers
    summary = evaluate(answers, now=context.now())
    present(context, summary, where)
    if interactive and not shown_on_terminal(context, where):
        remind(context, summary, accessible=options.accessible)
    to_stderr = prompts_to_stderr(context, stdout_format)
    finish(context, summary, options, interactive=interactive, to_stderr=to_stderr)


def finish(
    context: Context,
    summary: Summary,
    options: AssessOptions,
    *,
    interactive: bool,
    to_stderr: bool,
) -> None:
    """Save to the history when asked to; the summary has already been shown.

    Interactive runs ask (default no: health data is stored only with consent); scripted
    runs save only with --save. A failed save exits 1 but never hides the summary.
    """
    if options.save is False or (options.save is None and not interactive):
        return
    from footcheck.cli.commands.history import save_summary

    written = say("assess.save.written", path=options.output) if options.output else ""
    if options.save is None:
        console = message_console(context, to_stderr=to_stderr)
        try:
            reply = line_reader(context, console)(say("assess.save.prompt"))
        except EOFError:
            reply = ""
        except KeyboardInterrupt:
            # The summary is shown (and --output written) by now: say what was not kept.
            interrupted(context, say("assess.save.cancelled", written=written))
        if reply.strip().lower() not in ("y", "yes"):
            return
    saved: list[int] = []
    try:
        save_summary(summary, on_commit=saved.append)
        print(say("assess.save.saved", id=saved[0]), file=context.stderr)
    except KeyboardInterrupt:
        # Told apart at the commit itself: a stop signal then waits until the id is known.
        if saved:
            interrupted(context, say("assess.save.saved_first", id=saved[0]))
        interrupted(context, say("assess.save.cancelled", written=written))
    except FootcheckError as failure:
        failure.message = say("assess.save.failed", message=failure.message)
        raise
