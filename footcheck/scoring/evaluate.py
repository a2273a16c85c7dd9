"""``evaluate``: validated answers in, a complete summary out. Pure: no I/O, no terminal."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from footcheck import __version__
from footcheck.answers.model import Answers, missing_problem, validate_answers
from footcheck.errors import AnswersError
from footcheck.instruments.red_flags.scoring import raised_flags
from footcheck.instruments.registry import CATALOGUE, INSTRUMENTS
from footcheck.instruments.start_back.result import StartBack
from footcheck.instruments.start_back.scoring import score_start_back
from footcheck.scoring.contributors import find_contributors
from footcheck.scoring.steps import choose_steps
from footcheck.scoring.triage import decide_triage
from footcheck.sources import SOURCES
from footcheck.summary import (
    CHECKLIST_VERSION,
    SCHEMA_VERSION,
    SCORED,
    Contributor,
    Reference,
    Step,
    Summary,
    Tool,
)
from footcheck.text.messages import say

TOOL = Tool(version=__version__)


def evaluate(answers: Answers | Mapping[str, object], *, now: datetime | None = None) -> Summary:
    """Score a complete set of answers.

    ``answers`` may be a mapping (validated here) or an ``Answers`` model. Raises
    ``AnswersError`` listing every problem when answers are invalid or incomplete.
    ``now`` fixes ``created_at`` (for reproducible output); it defaults to the current time.
    """
    model = answers if isinstance(answers, Answers) else validate_answers(answers)
    values = model.values
    reach = CATALOGUE.reach(values)
    missing = reach.missing(values)
    if missing:
        raise AnswersError([missing_problem(qid) for qid in missing])
    results = {i.key: i.score(values, CATALOGUE) for i in INSTRUMENTS}
    red_flags: list[str] = results["red_flags"]
    start_back: StartBack | None = results["start_back"]
    triage = decide_triage(values, red_flags, start_back)
    contributors = find_contributors(values)
    steps = choose_steps(values, triage, contributors)
    fields = {
        "schema_version": SCHEMA_VERSION,
        "checklist_version": CHECKLIST_VERSION,
        "tool": TOOL,
        "created_at": now or datetime.now(UTC),
        "answers": reach.answers(values),
        "triage": triage,
        **results,
        "contributors": contributors,
        "steps": steps,
        "references": references(contributors, steps),
        "disclaimer": say("summary.disclaimer"),
    }
    return Summary.model_validate(fields, context=SCORED)


REFERENCES: Mapping[str, Reference] = {
    source.id: Reference(id=source.id, citation=source.citation, url=source.url)
    for source in SOURCES
}
"""Every source as the export lists it, built once."""


def references(contributors: list[Contributor], steps: list[Step]) -> list[Reference]:
    """Exactly the sources the contributors and steps cite, each once, in citing order."""
    # A dict keeps the first place each id is cited in (setting a key again keeps it there).
    cited: dict[str, None] = {}
    for contributor in contributors:
        for source in contributor.sources:
            cited[source] = None
    for step in steps:
        for source in step.sources:
            cited[source] = None
    return [REFERENCES[source] for source in cited]


def contradictions(summary: Summary) -> list[str]:
    """Where a summary's warning signs, STarT Back scores or triage level do not follow
    from its own answers, one line per field: a hand-edited file must not show "self care"
    beside a warning sign answered yes.

    Only for summaries scored with today's checklist: an earlier one is shown as it was
    scored, by rules that were different (version 1 asked the warning signs of everyone),
    and is never held to today's.
    """
    if not summary.scored_now:
        return []
    values = summary.answers
    red_flags = raised_flags(values, CATALOGUE)
    start_back = score_start_back(values, CATALOGUE)
    level = decide_triage(values, red_flags, start_back).level
    found = []
    if summary.red_flags != red_flags:
        stored, scored = _listed(summary.red_flags), _listed(red_flags)
        found.append(say("summary.contradiction.red_flags", stored=stored, scored=scored))
    if summary.start_back != start_back:
        stored, scored = _scores(summary.start_back), _scores(start_back)
        found.append(say("summary.contradiction.start_back", stored=stored, scored=scored))
    if summary.triage.level != level:
        found.append(
            say("summary.contradiction.triage_level", stored=summary.triage.level, scored=level)
        )
    return found


def _listed(ids: list[str]) -> str:
    return ", ".join(ids) if ids else say("summary.contradiction.none")


def _scores(scores: StartBack | None) -> str:
    if scores is None:
        return say("summary.contradiction.none")
    return ", ".join(f"{key} {value}" for key, value in scores.model_dump().items())
