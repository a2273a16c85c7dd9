"""The summary as Markdown that reads well on a code-hosting site or in a notes app."""

from __future__ import annotations

import re
from collections.abc import Callable

from footcheck.checklist.kinds import format_value
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
from footcheck.render.chain import chain_links
from footcheck.render.outline import Part, PartKey, outline
from footcheck.render.plan import build_plan
from footcheck.render.wording import (
    EVIDENCE_BADGE,
    SERIOUS,
    TRIAGE_HEADLINE,
    TRIAGE_INTRO,
    earlier_checklist,
    evidence_legend,
    instrument_lines,
    listed_steps,
    points_text,
    sources_line,
    triage_action,
    triage_notes,
)
from footcheck.summary import Step, Summary
from footcheck.text.display import printable
from footcheck.text.messages import say

ENTITY_START = re.compile(r"&(?=#?\w+;)")


def _text(text: str) -> str:
    """Text from the summary, inert: a summary file read by `report` may come from anyone,
    many Markdown viewers render raw HTML, and control characters must not reach a
    terminal that shows the file."""
    text = printable(text.replace("\n", " "))
    # `<` and `>` can open HTML; `&` only where it could start an entity, so "A&E" stays
    # readable as plain text, the way a clinician may open the file.
    text = ENTITY_START.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    return _text(text).replace("|", "\\|")


def _sources(source_ids: list[str]) -> str:
    return f"*{_text(sources_line(source_ids))}*" if source_ids else ""


def _triage(summary: Summary, part: Part) -> list[str]:
    level = summary.triage.level
    lines = []
    if (note := earlier_checklist(summary)) is not None:
        lines += [f"*{_text(note)}*", ""]
    marker = "**⚠ " if level in SERIOUS else "**"
    lines.append(f"> {marker}{TRIAGE_HEADLINE[level]}**")
    if TRIAGE_INTRO[level]:
        lines += [">", f"> {TRIAGE_INTRO[level]}"]
    lines.append(">")
    lines += [f"> - {_text(reason)}" for reason in triage_notes(summary)]
    if (action := triage_action(summary)) is not None:
        lines += [">", f"> {_text(action.details)}"]
        lines += [">", f"> {_sources(action.sources)}"]
    return [*lines, ""]


def _plan(summary: Summary, part: Part) -> list[str]:
    plan = build_plan(summary)
    lines = [f"## {part.heading}", "", f"**{_text(plan.triage)}**", ""]
    lines += [f"- {_text(line)}" for line in plan.contributors]
    if plan.contributors:
        lines.append("")
    lines += [
        f"{n}. {_text(step.title)} `{EVIDENCE_BADGE[step.evidence]}`"
        for n, step in enumerate(plan.steps, 1)
    ]
    if plan.steps:
        lines.append("")
    if plan.note:
        lines += [_text(plan.note), ""]
    return lines


def _chain(summary: Summary, part: Part) -> list[str]:
    lines = [f"## {part.heading}", "", part.caption, ""]
    columns = say("summary.chain.column.link"), say("summary.chain.column.marks")
    lines += ["| {} | {} |".format(*columns), "|---|---|"]
    for link in chain_links(summary):
        marks = ", ".join(link.marks) if link.implicated else say("summary.chain.nothing")
        mark = say("summary.chain.marked" if link.implicated else "summary.chain.not_marked")
        lines.append(f"| {link.name} ({mark}) | {_cell(marks)} |")
    return [*lines, ""]


def _contributors(summary: Summary, part: Part) -> list[str]:
    lines = [f"## {part.heading}", ""]
    if not summary.contributors:
        return [*lines, part.empty, ""]
    lines += [say("summary.likelihood_scale"), ""]
    columns = (
        say("summary.evidence_table.answer"),
        say("summary.evidence_table.points"),
        say("summary.evidence_table.why"),
    )
    for rank, contributor in enumerate(summary.contributors, 1):
        lines += [
            f"### {rank}. {_text(contributor.title)}: "
            f"{points_text(contributor.points, contributor.likelihood)}",
            "",
            _text(contributor.explanation),
            "",
            "| {} | {} | {} |".format(*columns),
            "|---|---:|---|",
        ]
        for item in contributor.evidence:
            question = QUESTION_BY_ID[item.question]
            answer = f"{question.label}: {format_value(question, item.answer)}"
            lines.append(f"| {_cell(answer)} | +{item.points} | {_cell(item.reason)} |")
        lines.append("")
        if contributor.sources:
            lines += [_sources(contributor.sources), ""]
    return lines


def _outlook(summary: Summary, part: Part) -> list[str]:
    lines = [f"## {part.heading}", ""]
    for sentences, _ in instrument_lines(summary):
        for sentence in sentences:
            lines += [sentence, ""]
    return lines


def _step_lines(steps: list[Step], first: int) -> list[str]:
    lines = []
    for number, step in enumerate(steps, first):
        lines += [
            f"{number}. **{_text(step.title)}** `{EVIDENCE_BADGE[step.evidence]}`  ",
            f"   {_text(step.details)}",
        ]
        if step.sources:
            lines[-1] += "  "
            lines.append(f"   {_sources(step.sources)}")
        lines.append("")
    return lines


def _steps(summary: Summary, part: Part) -> list[str]:
    lines = [f"## {part.heading}", ""]
    new, doing = listed_steps(summary)
    if not new and not doing:
        return [*lines, part.empty, ""]
    lines += _step_lines(new, 1)
    if doing:
        lines += [f"**{say('summary.keep_going')}:**", ""]
        lines += _step_lines(doing, len(new) + 1)
    used = evidence_legend([s.evidence for s in new + doing])
    labels = "; ".join(f"`{badge}` {text}" for badge, text in used)
    return [*lines, say("summary.evidence_legend.document", labels=labels), ""]


def _answers(summary: Summary, part: Part) -> list[str]:
    columns = say("summary.answers.question"), say("summary.answers.answer")
    lines = [f"## {part.heading}", "", "| {} | {} |".format(*columns), "|---|---|"]
    for qid, value in summary.answers.items():
        question = QUESTION_BY_ID[qid]
        lines.append(f"| {_cell(question.label)} | {_cell(format_value(question, value))} |")
    lines.append("")
    if any(QUESTION_BY_ID[qid].start_back_item for qid in summary.answers):
        lines += [f"<sub>{KEELE_COPYRIGHT}</sub>", ""]
    return lines


def _references(summary: Summary, part: Part) -> list[str]:
    if not summary.references:
        return []
    lines = [f"## {part.heading}", ""]
    for number, ref in enumerate(summary.references, 1):
        url = f" <{_text(ref.url)}>" if ref.url else ""
        lines.append(f"{number}. {_text(ref.citation)}{url}")
    return [*lines, ""]


def _disclaimer(summary: Summary, part: Part) -> list[str]:
    return ["---", "", f"*{_text(summary.disclaimer)}*", ""]


PARTS: dict[PartKey, Callable[[Summary, Part], list[str]]] = {
    "triage": _triage,
    "plan": _plan,
    "chain": _chain,
    "contributors": _contributors,
    "outlook": _outlook,
    "steps": _steps,
    "answers": _answers,
    "references": _references,
    "disclaimer": _disclaimer,
}


def to_markdown(summary: Summary) -> str:
    lines = [f"# {say('summary.markdown.title', created=summary.created_at)}", ""]
    for part in outline(summary, "document"):
        lines += PARTS[part.key](summary, part)
    return "\n".join(lines)
