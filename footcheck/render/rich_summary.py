"""The summary in the terminal: triage first, then the chain, contributors, outlook, steps.

Everything meaningful is in the words, not only in colour, so it reads the same with
NO_COLOR, when piped, and at 80 columns. Text from the summary always goes in as ``Text``,
never as a string Rich would read as markup: `report` shows files from anywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

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
from footcheck.summary import Contributor, Summary

TRIAGE_COLOUR = {  # the banner's border and headline
    "emergency": "red",
    "urgent": "red",
    "see_clinician": "yellow",
    "self_care": "green",
}
LIKELIHOOD_STYLE = {"high": "red", "moderate": "yellow", "low": "cyan"}
EVIDENCE_STYLE = {"guideline": "bold green", "limited": "bold yellow", "practical": "bold cyan"}
BAR_CELLS = 12


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def triage_banner(summary: Summary) -> Panel:
    level = summary.triage.level
    # The headline is the body's first line, not the border's title: a title is cut off on
    # a narrow terminal, and this is the one line that must always be read whole.
    parts: list[RenderableType] = [
        Text(TRIAGE_HEADLINE[level], style=f"bold {TRIAGE_COLOUR[level]}"),
        Text(TRIAGE_INTRO[level]),
    ]
    if level != "self_care":
        # A grid, so a reason that wraps stays indented under its bullet.
        reasons = Table.grid(padding=(0, 1))
        reasons.add_column(width=3, justify="right", no_wrap=True)
        reasons.add_column(ratio=1)
        for reason in summary.triage.reasons:
            reasons.add_row("•", Text(reason))
        parts.append(reasons)
    if (step := triage_action(summary)) is not None:
        action = Text("\n")
        action.append(f"→ {step.title}: ", style="bold")  # the title only, not the details
        action.append(step.details)
        parts.append(action)
    return Panel(
        Group(*parts),
        border_style=TRIAGE_COLOUR[level],
        box=box.HEAVY if level in ("emergency", "urgent") else box.ROUNDED,
    )


def chain_picture(summary: Summary) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(width=14, no_wrap=True)
    table.add_column(width=2, no_wrap=True)
    table.add_column(ratio=1)
    links = chain_links(summary)
    for index, link in enumerate(links):
        marker = Text("●", style="bold red") if link.implicated else Text("○", style="dim")
        name = Text(link.name, style="bold" if link.implicated else "dim")
        marks = Text(
            " · ".join(link.marks) if link.implicated else "nothing noted",
            style="" if link.implicated else "dim",
        )
        table.add_row(name, marker, marks)
        if index < len(links) - 1:
            table.add_row(Text("      │", style="dim"), "", "")
            table.add_row(Text("      ▼", style="dim"), "", "")
    return table


def likelihood_bar(contributor: Contributor) -> Text:
    filled = min(contributor.points, BAR_CELLS)
    style = LIKELIHOOD_STYLE[contributor.likelihood]
    bar = Text("█" * filled, style=style)
    bar.append("░" * (BAR_CELLS - filled), style="dim")
    unit = "pt" if contributor.points == 1 else "pts"
    bar.append(f" {contributor.points} {unit}, {contributor.likelihood}", style=style)
    return bar


def contributor_block(rank: int, contributor: Contributor) -> RenderableType:
    title = Text(f"{rank}. {contributor.title}", style="bold")
    evidence = Table(box=box.SIMPLE, show_header=True, header_style="dim", pad_edge=False)
    evidence.add_column("Your answer", ratio=2)
    evidence.add_column("pts", justify="right", width=3)
    evidence.add_column("Why it matters", ratio=3)
    for item in contributor.evidence:
        question = QUESTION_BY_ID[item.question]
        answer = f"{question.label}: {format_value(question, item.answer)}"
        evidence.add_row(Text(answer), f"+{item.points}", Text(item.reason))
    return Group(
        title,
        likelihood_bar(contributor),
        Text(contributor.explanation, style="italic"),
        evidence,
    )


def steps_table(summary: Summary) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", width=3, no_wrap=True)
    table.add_column(ratio=1)
    for number, step in enumerate(summary.steps, 1):
        head = Text(step.title, style="bold")
        head.append(" ")
        head.append(f"[{step.evidence}]", style=EVIDENCE_STYLE[step.evidence])
        table.add_row(f"{number}.", Group(head, Text(step.details), Text("")))
    return table


def _triage(summary: Summary, part: Part) -> list[RenderableType]:
    return [triage_banner(summary)]


def _chain(summary: Summary, part: Part) -> list[RenderableType]:
    return [_heading(f"{part.heading}: {CHAIN_PATH}"), chain_picture(summary)]


def _contributors(summary: Summary, part: Part) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading(part.heading)]
    if not summary.contributors:
        return [*parts, Text(part.empty)]
    for rank, contributor in enumerate(summary.contributors, 1):
        parts.append(contributor_block(rank, contributor))
    return parts


def _outlook(summary: Summary, part: Part) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading(part.heading), Text(start_back_line(summary))]
    if summary.start_back is not None:
        parts.append(Text(KEELE_COPYRIGHT, style="dim"))
    return [*parts, Text(posture_line(summary))]


def _steps(summary: Summary, part: Part) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading(part.heading)]
    if not summary.steps:
        return [*parts, Text(part.empty)]
    used = sorted({s.evidence for s in summary.steps}, key=list(EVIDENCE_TEXT).index)
    legend = Text("Evidence: ", style="dim")
    legend.append("; ".join(f"[{label}] {EVIDENCE_TEXT[label]}" for label in used), style="dim")
    return [*parts, steps_table(summary), legend]


def _disclaimer(summary: Summary, part: Part) -> list[RenderableType]:
    return [Text(f"\n{summary.disclaimer}", style="dim italic")]


PARTS: dict[PartKey, Callable[[Summary, Part], list[RenderableType]]] = {
    "triage": _triage,
    "chain": _chain,
    "contributors": _contributors,
    "outlook": _outlook,
    "steps": _steps,
    "disclaimer": _disclaimer,
}


def summary_renderables(summary: Summary) -> list[RenderableType]:
    return [item for part in outline("terminal") for item in PARTS[part.key](summary, part)]


def print_summary(summary: Summary, console: Console) -> None:
    for part in summary_renderables(summary):
        console.print(part)


def to_plain_text(summary: Summary, *, width: int = 80) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        no_color=True,
        force_terminal=False,
        color_system=None,
        highlight=False,
        emoji=False,
    )
    print_summary(summary, console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
