"""The summary as Markdown that reads well on a code-hosting site or in a notes app."""

from __future__ import annotations

import html
from collections.abc import Callable

from footcheck.catalogue import QUESTION_BY_ID
from footcheck.display_text import format_value
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
from footcheck.render.chain import chain_links
from footcheck.render.outline import CHAIN_PATH, Part, PartKey, outline
from footcheck.render.wording import (
    EVIDENCE_TEXT,
    TRIAGE_HEADLINE,
    TRIAGE_INTRO,
    posture_line,
    start_back_line,
    triage_action,
)
from footcheck.summary import Summary


def _text(text: str) -> str:
    """Text from the summary, inert: a summary file read by `report` may come from anyone,
    and many Markdown viewers render raw HTML."""
    return html.escape(text, quote=False).replace("\n", " ")


def _cell(text: str) -> str:
    return _text(text).replace("|", "\\|")


def _triage(summary: Summary, part: Part) -> list[str]:
    level = summary.triage.level
    marker = "**⚠ " if level in ("emergency", "urgent") else "**"
    lines = [f"> {marker}{TRIAGE_HEADLINE[level]}**", ">", f"> {TRIAGE_INTRO[level]}"]
    if level != "self_care":
        lines += [f"> - {_text(reason)}" for reason in summary.triage.reasons]
    if (action := triage_action(summary)) is not None:
        lines += [">", f"> **{_text(action.title)}:** {_text(action.details)}"]
    return [*lines, ""]


def _chain(summary: Summary, part: Part) -> list[str]:
    lines = [f"## {part.heading}", "", "| Link | What points to it |", "|---|---|"]
    for link in chain_links(summary):
        marks = ", ".join(link.marks) if link.implicated else "nothing noted"
        lines.append(f"| {'●' if link.implicated else '○'} {link.name} | {_cell(marks)} |")
    return [*lines, "", f"{CHAIN_PATH.capitalize()}.", ""]


def _contributors(summary: Summary, part: Part) -> list[str]:
    lines = [f"## {part.heading}", ""]
    if not summary.contributors:
        lines += [part.empty, ""]
    for rank, contributor in enumerate(summary.contributors, 1):
        unit = "point" if contributor.points == 1 else "points"
        lines += [
            f"### {rank}. {_text(contributor.title)}: {contributor.likelihood} "
            f"({contributor.points} {unit})",
            "",
            _text(contributor.explanation),
            "",
            "| Your answer | Points | Why it matters |",
            "|---|---:|---|",
        ]
        for item in contributor.evidence:
            question = QUESTION_BY_ID[item.question]
            answer = f"{question.label}: {format_value(question, item.answer)}"
            lines.append(f"| {_cell(answer)} | +{item.points} | {_cell(item.reason)} |")
        lines.append("")
    return lines


def _outlook(summary: Summary, part: Part) -> list[str]:
    lines = [f"## {part.heading}", "", start_back_line(summary), ""]
    if summary.start_back is not None:
        lines += [f"<sub>{KEELE_COPYRIGHT}</sub>", ""]
    return [*lines, posture_line(summary), ""]


def _steps(summary: Summary, part: Part) -> list[str]:
    lines = [f"## {part.heading}", ""]
    if not summary.steps:
        return [*lines, part.empty, ""]
    for number, step in enumerate(summary.steps, 1):
        lines += [
            f"{number}. **{_text(step.title)}** `{step.evidence}`  ",
            f"   {_text(step.details)}",
            "",
        ]
    used = [label for label in EVIDENCE_TEXT if any(s.evidence == label for s in summary.steps)]
    return [*lines, "Evidence labels: " + "; ".join(f"`{u}` {EVIDENCE_TEXT[u]}" for u in used), ""]


def _answers(summary: Summary, part: Part) -> list[str]:
    lines = [
        f"<details><summary>{part.heading}</summary>",
        "",
        "| Question | Answer |",
        "|---|---|",
    ]
    for qid, value in summary.answers.items():
        question = QUESTION_BY_ID[qid]
        lines.append(f"| {_cell(question.label)} | {_cell(format_value(question, value))} |")
    return [*lines, "", "</details>", ""]


def _disclaimer(summary: Summary, part: Part) -> list[str]:
    return ["---", "", f"*{_text(summary.disclaimer)}*", ""]


PARTS: dict[PartKey, Callable[[Summary, Part], list[str]]] = {
    "triage": _triage,
    "chain": _chain,
    "contributors": _contributors,
    "outlook": _outlook,
    "steps": _steps,
    "answers": _answers,
    "disclaimer": _disclaimer,
}


def to_markdown(summary: Summary) -> str:
    lines = [f"# footcheck summary, {summary.created_at:%Y-%m-%d %H:%M} UTC", ""]
    for part in outline("document"):
        lines += PARTS[part.key](summary, part)
    return "\n".join(lines)
