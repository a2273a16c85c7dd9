"""The summary in the terminal: the triage first, the details, and the plan last.

Everything meaningful is in the words, not only in colour, so it reads the same with
NO_COLOR, when piped, and at 80 columns. In accessible mode there is no box drawing, bar
or arrow: one plain sentence a line, for screen readers. Text from the summary always goes
in as ``Text`` with control characters escaped, never as markup: `report` shows files from
anywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from footcheck.checklist.kinds import format_value
from footcheck.instruments.registry import QUESTION_BY_ID
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
    local_time,
    points_text,
    sources_line,
    triage_action,
    triage_notes,
)
from footcheck.sources import SOURCE_BY_ID
from footcheck.summary import Contributor, Step, Summary
from footcheck.text.display import printable, sentence_lines
from footcheck.text.messages import plural, say

TRIAGE_COLOUR = {  # the banner's border and headline
    "emergency": "red",
    "urgent": "red",
    "see_clinician": "yellow",
    "self_care": "green",
}
LIKELIHOOD_STYLE = {"high": "red", "moderate": "yellow", "low": "cyan"}
EVIDENCE_STYLE = {"guideline": "bold green", "limited": "bold yellow", "practical": "bold cyan"}
BAR_CELLS = 12
MAX_WIDTH = 100


def _text(text: str, style: str = "") -> Text:
    """Text from a summary, shown as text: no markup, no control characters (a line break
    stays one)."""
    return Text("\n".join(printable(line) for line in text.split("\n")), style=style)


class RichSummary:
    """Draws one summary; ``accessible`` drops box drawing, bars and arrows."""

    def __init__(self, summary: Summary, *, accessible: bool = False) -> None:
        self.summary = summary
        self.accessible = accessible

    def prose(self, text: str, style: str = "") -> Text:
        """Sentences from the summary; in accessible mode one sentence a line."""
        return _text(sentence_lines(text) if self.accessible else text, style)

    def plain(self, text: str) -> str:
        """In accessible mode an arrow is read aloud as noise: say it in words."""
        return text.replace(" → ", say("summary.terminal.then")) if self.accessible else text

    def heading(self, text: str) -> RenderableType:
        if self.accessible:
            return Text(f"\n{self.plain(text)}.", style="bold")
        return Text(f"\n{text}", style="bold underline")

    # --- parts --------------------------------------------------------------------------
    def triage(self, part: Part) -> list[RenderableType]:
        summary = self.summary
        level = summary.triage.level
        # When, so a summary shown again later (`report`, `history show`) says which one.
        lines: list[RenderableType] = [
            Text(say("summary.created", created=local_time(summary.created_at)), style="dim")
        ]
        if (note := earlier_checklist(summary)) is not None:
            lines.append(Text(note, style="dim"))
        headline = Text(TRIAGE_HEADLINE[level], style=f"bold {TRIAGE_COLOUR[level]}")
        body: list[RenderableType] = [headline]
        if TRIAGE_INTRO[level]:
            body.append(self.prose(TRIAGE_INTRO[level]))
        body.append(self.bullets(triage_notes(summary)))
        if (action := triage_action(summary)) is not None:
            # The details only: the headline already says what the step's title says.
            line = Text("" if self.accessible else "\n")
            line.append("" if self.accessible else "→ ", "bold")
            line.append(self.prose(action.details))
            body.append(line)
            body.append(self.sources_line(action.sources))
        if self.accessible:
            return [*lines, *body]
        # The headline is the body's first line, not the border's title: a title is cut off
        # on a narrow terminal, and this is the one line that must always be read whole.
        heavy = level in SERIOUS
        panel = Panel(
            Group(*body),
            border_style=TRIAGE_COLOUR[level],
            box=box.HEAVY if heavy else box.ROUNDED,
        )
        return [*lines, panel]

    def bullets(self, items: list[str]) -> RenderableType:
        if self.accessible:
            return Group(*(self.prose(item) for item in items))
        # A grid, so a line that wraps stays indented under its bullet.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=3, justify="right", no_wrap=True)
        grid.add_column(ratio=1)
        for item in items:
            grid.add_row("•", _text(item))
        return grid

    def chain(self, part: Part) -> list[RenderableType]:
        parts: list[RenderableType] = [
            self.heading(part.heading),
            self.prose(self.plain(part.caption), "dim"),
        ]
        links = chain_links(self.summary)
        if self.accessible:
            for link in links:
                marks = ", ".join(link.marks) if link.implicated else say("summary.chain.nothing")
                parts.append(_text(say("summary.chain.line", link=link.name, marks=marks)))
            return parts
        table = Table.grid(padding=(0, 1))
        table.add_column(width=14, no_wrap=True)
        table.add_column(width=2, no_wrap=True)
        table.add_column(ratio=1)
        for index, link in enumerate(links):
            marker = Text("●", style="bold red") if link.implicated else Text("○", style="dim")
            name = Text(link.name, style="bold" if link.implicated else "dim")
            text = " · ".join(link.marks) if link.implicated else say("summary.chain.nothing")
            table.add_row(name, marker, _text(text, "" if link.implicated else "dim"))
            if index < len(links) - 1:
                table.add_row(Text("      │", style="dim"), "", "")
                table.add_row(Text("      ▼", style="dim"), "", "")
        return [*parts, table]

    def contributors(self, part: Part) -> list[RenderableType]:
        parts: list[RenderableType] = [self.heading(part.heading)]
        if not self.summary.contributors:
            return [*parts, Text(part.empty)]
        parts.append(self.prose(say("summary.likelihood_scale"), "dim"))
        for rank, contributor in enumerate(self.summary.contributors, 1):
            parts.append(self.contributor(rank, contributor))
        return parts

    def contributor(self, rank: int, contributor: Contributor) -> RenderableType:
        title = _text(f"\n{rank}. {contributor.title}", "bold")
        scale = points_text(contributor.points, contributor.likelihood)
        explanation = self.prose(contributor.explanation, "italic")
        sources = self.sources_line(contributor.sources)
        if self.accessible:
            rows = [
                self.prose(
                    say(
                        f"summary.evidence_row.{plural(e.points)}",
                        answer=self.answer_text(e.question, e.answer),
                        points=e.points,
                        reason=e.reason,
                    )
                )
                for e in contributor.evidence
            ]
            return Group(title, Text(f"{scale}."), explanation, *rows, sources)
        style = LIKELIHOOD_STYLE[contributor.likelihood]
        bar = Text("█" * min(contributor.points, BAR_CELLS), style=style)
        bar.append("░" * (BAR_CELLS - min(contributor.points, BAR_CELLS)), style="dim")
        bar.append(f" {scale}", style=style)
        evidence = Table(box=box.SIMPLE, show_header=True, header_style="dim", pad_edge=False)
        evidence.add_column(say("summary.evidence_table.answer"), ratio=2)
        evidence.add_column(say("summary.evidence_table.points_short"), justify="right", width=3)
        evidence.add_column(say("summary.evidence_table.why"), ratio=3)
        for item in contributor.evidence:
            evidence.add_row(
                _text(self.answer_text(item.question, item.answer)),
                f"+{item.points}",
                _text(item.reason),
            )
        return Group(title, bar, explanation, evidence, sources)

    @staticmethod
    def answer_text(qid: str, answer: object) -> str:
        question = QUESTION_BY_ID[qid]
        return f"{question.label}: {format_value(question, answer)}"  # type: ignore[arg-type]

    def sources_line(self, source_ids: list[str]) -> Text:
        return _text(sources_line(source_ids), "dim") if source_ids else Text()

    def outlook(self, part: Part) -> list[RenderableType]:
        parts: list[RenderableType] = [self.heading(part.heading)]
        for sentences, attribution in instrument_lines(self.summary):
            parts += [self.prose(sentence) for sentence in sentences]
            if attribution:
                parts.append(Text(attribution, style="dim"))
        return parts

    def steps(self, part: Part) -> list[RenderableType]:
        parts: list[RenderableType] = [self.heading(part.heading)]
        new, doing = listed_steps(self.summary)
        if not new and not doing:
            return [*parts, Text(part.empty)]
        parts.append(self.step_list(new, 1))
        if doing:
            parts.append(Text(f"{say('summary.keep_going')}:", style="bold"))
            parts.append(self.step_list(doing, len(new) + 1))
        used = evidence_legend([s.evidence for s in new + doing])
        labels = "; ".join(f"[{badge}] {text}" for badge, text in used)
        return [*parts, Text(say("summary.evidence_legend.terminal", labels=labels), style="dim")]

    def step_list(self, steps: list[Step], first: int) -> RenderableType:
        rows = []
        for number, step in enumerate(steps, first):
            head = _text(step.title, "bold")
            head.append(" ")
            head.append(f"[{EVIDENCE_BADGE[step.evidence]}]", style=EVIDENCE_STYLE[step.evidence])
            details = self.prose(step.details)
            if self.accessible:  # the number read with the title, not as a line of its own
                sources = self.sources_line(step.sources)
                rows.append(("", Group(Text(f"{number}. ") + head, details, sources, Text(""))))
                continue
            rows.append((f"{number}.", Group(head, details, self.sources_line(step.sources))))
        if self.accessible:
            return Group(*(body for _, body in rows))
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", width=3, no_wrap=True)
        table.add_column(ratio=1)
        for number_text, body in rows:
            table.add_row(number_text, Group(body, Text("")))
        return table

    def references(self, part: Part) -> list[RenderableType]:
        if not self.summary.references:
            return []
        names = "; ".join(
            dict.fromkeys(
                SOURCE_BY_ID[r.id].short if r.id in SOURCE_BY_ID else r.citation
                for r in self.summary.references
            )
        )
        text = say("summary.terminal.references", heading=part.heading, names=names)
        return [self.prose(f"\n{text}", "dim")]

    def disclaimer(self, part: Part) -> list[RenderableType]:
        return [self.prose(f"\n{self.summary.disclaimer}", "dim italic")]

    def plan(self, part: Part) -> list[RenderableType]:
        plan = build_plan(self.summary)
        level = self.summary.triage.level
        head: RenderableType = (
            Text(f"{part.heading}.", style="bold")
            if self.accessible
            else Rule(Text(part.heading, style="bold"), align="left", style=TRIAGE_COLOUR[level])
        )
        lines: list[RenderableType] = [
            Text(""),
            head,
            self.prose(plan.triage, f"bold {TRIAGE_COLOUR[level]}"),
        ]
        lines += [_text(line) for line in plan.contributors]
        for number, step in enumerate(plan.steps, 1):
            line = _text(f"{number}. {step.title} ")
            line.append(f"[{EVIDENCE_BADGE[step.evidence]}]", style=EVIDENCE_STYLE[step.evidence])
            lines.append(line)
        if plan.note:
            lines.append(self.prose(plan.note))
        return lines

    def draw(self, part: Part) -> list[RenderableType]:
        drawers: dict[PartKey, Callable[[Part], list[RenderableType]]] = {
            "triage": self.triage,
            "plan": self.plan,
            "chain": self.chain,
            "contributors": self.contributors,
            "outlook": self.outlook,
            "steps": self.steps,
            "references": self.references,
            "disclaimer": self.disclaimer,
        }
        return drawers[part.key](part)

    def renderables(self) -> list[RenderableType]:
        return [item for part in outline(self.summary, "terminal") for item in self.draw(part)]


def print_parts(
    summary: Summary, console: Console, keys: tuple[PartKey, ...], *, accessible: bool = False
) -> None:
    """Only some parts of the summary (the triage and the plan, as a reminder)."""
    drawer = RichSummary(summary, accessible=accessible)
    for part in outline(summary, "terminal"):
        if part.key in keys:
            for item in drawer.draw(part):
                console.print(item, soft_wrap=accessible)


def print_summary(summary: Summary, console: Console, *, accessible: bool = False) -> None:
    for part in RichSummary(summary, accessible=accessible).renderables():
        console.print(part, soft_wrap=accessible)


def to_plain_text(summary: Summary, *, width: int = 80, accessible: bool = False) -> str:
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
    print_summary(summary, console, accessible=accessible)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
