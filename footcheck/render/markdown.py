"""The summary as Markdown that reads well on a code-hosting site or in a notes app."""

from __future__ import annotations

import html

from footcheck.answer_input import format_value
from footcheck.catalogue import KEELE_COPYRIGHT, QUESTION_BY_ID
from footcheck.render.chain import chain_links
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


def to_markdown(summary: Summary) -> str:
    level = summary.triage.level
    lines = [f"# footcheck summary, {summary.created_at:%Y-%m-%d %H:%M} UTC", ""]
    marker = "**⚠ " if level in ("emergency", "urgent") else "**"
    lines += [f"> {marker}{TRIAGE_HEADLINE[level]}**", ">", f"> {TRIAGE_INTRO[level]}"]
    if level != "self_care":
        lines += [f"> - {_text(reason)}" for reason in summary.triage.reasons]
    if (action := triage_action(summary)) is not None:
        lines += [">", f"> **{_text(action.title)}:** {_text(action.details)}"]
    lines.append("")

    lines += ["## How it fits together", "", "| Link | What points to it |", "|---|---|"]
    for link in chain_links(summary):
        marks = ", ".join(link.marks) if link.implicated else "nothing noted"
        lines.append(f"| {'●' if link.implicated else '○'} {link.name} | {_cell(marks)} |")
    lines += ["", "Feet → knees → hips / pelvis → lower back.", ""]

    lines += ["## Likely contributors", ""]
    if not summary.contributors:
        lines += ["None found: nothing in your feet, footwear or habits stands out.", ""]
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

    lines += ["## Outlook", "", start_back_line(summary), ""]
    if summary.start_back is not None:
        lines += [f"<sub>{KEELE_COPYRIGHT}</sub>", ""]
    lines += [posture_line(summary), ""]

    lines += ["## What to do", ""]
    if not summary.steps:
        lines += ["Nothing specific: keep active and comfortable.", ""]
    for number, step in enumerate(summary.steps, 1):
        lines += [
            f"{number}. **{_text(step.title)}** `{step.evidence}`  ",
            f"   {_text(step.details)}",
            "",
        ]
    if summary.steps:
        used = [label for label in EVIDENCE_TEXT if any(s.evidence == label for s in summary.steps)]
        lines += ["Evidence labels: " + "; ".join(f"`{u}` {EVIDENCE_TEXT[u]}" for u in used), ""]

    lines += ["<details><summary>Your answers</summary>", "", "| Question | Answer |", "|---|---|"]
    for qid, value in summary.answers.items():
        question = QUESTION_BY_ID[qid]
        lines.append(f"| {_cell(question.label)} | {_cell(format_value(question, value))} |")
    lines += ["", "</details>", "", "---", "", f"*{_text(summary.disclaimer)}*", ""]
    return "\n".join(lines)
