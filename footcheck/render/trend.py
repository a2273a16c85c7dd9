"""`footcheck history trend`: pain, STarT Back risk and contributor points over time.

Drawn with plain characters (bars and sparklines) so it reads at 80 columns, with
NO_COLOR, and when piped; in accessible mode the same figures are written as numbers, with
no bar or block characters. Dates are the person's local time.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from footcheck.checklist.conditions import Answered
from footcheck.instruments.start_back.result import Risk
from footcheck.render.wording import (
    TRIAGE_LEVEL,
    contributor_short,
    earlier_checklist_note,
    earlier_mark,
    local_time,
)
from footcheck.summary import Summary
from footcheck.text.messages import Words, say

SPARKS = "▁▂▃▄▅▆▇█"
MAX_POINTS = 12
MAX_COLUMNS = 40
NOT_LISTED = "\u2013"  # an en dash: "not listed", not zero points
RISK_STYLE = {"low": "green", "medium": "yellow", "high": "red"}
PAIN_INTENSITY = Answered("pain_intensity")
RISK: Words[Risk] = Words("trend.risk.*")


def pain_style(value: int) -> str:
    """Severity, not alarm: mild pain is not drawn in red."""
    if value >= 7:
        return "red"
    if value >= 4:
        return "yellow"
    return "green"


def sparkline(values: list[int | None], top: int = MAX_POINTS) -> str:
    """One character a value; a dash where the contributor was not listed that time."""
    out = []
    for value in values:
        if not value:
            out.append(NOT_LISTED)
        else:
            out.append(SPARKS[min(len(SPARKS) - 1, (value - 1) * len(SPARKS) // top)])
    return "".join(out)


def _points(value: int | None) -> str:
    return NOT_LISTED if value is None else str(value)


def print_trend(
    results: list[tuple[int, Summary]], console: Console, *, accessible: bool = False
) -> None:
    if not results:
        console.print(say("trend.none_saved"))
        return
    shown = results[-MAX_COLUMNS:]
    if len(results) > len(shown):
        console.print(
            Text(say("trend.showing_latest", shown=len(shown), total=len(results)), style="dim")
        )

    # Titles are printed as lines of their own: a table title wraps to the table's width.
    console.print(Text(say("trend.pain_title"), style="bold"))
    pain = Table(box=None, pad_edge=False, header_style="bold")
    pain.add_column(say("trend.column.number"), justify="right")
    pain.add_column(say("trend.column.date"), no_wrap=True)
    pain.add_column(say("trend.column.pain"), no_wrap=True)
    pain.add_column(say("trend.column.start_back"), no_wrap=True)
    pain.add_column(say("trend.column.triage"), no_wrap=True)
    for result_id, summary in shown:
        value = PAIN_INTENSITY.value(summary.answers)
        if isinstance(value, int) and not isinstance(value, bool):
            if accessible:
                bar = Text(say("trend.pain_of_10", pain=value))
            else:
                bar = Text("█" * value, style=pain_style(value))
                bar.append("░" * (10 - value), style="dim")
                bar.append(f" {value:>2}")
        else:
            bar = Text(say("trend.no_back_pain"), style="dim")
        risk = summary.start_back.risk if summary.start_back else None
        pain.add_row(
            str(result_id),
            local_time(summary.created_at),  # the time too: two results a day are told apart
            bar,
            Text("-") if risk is None else Text(RISK[risk], style=RISK_STYLE[risk]),
            TRIAGE_LEVEL[summary.triage.level] + earlier_mark(summary.checklist_version),
        )
    console.print(pain)
    if any(not summary.scored_now for _, summary in shown):
        console.print(Text(earlier_checklist_note(), style="dim"))

    ids: list[str] = []
    for _, summary in shown:
        for contributor in summary.contributors:
            if contributor.id not in ids:
                ids.append(contributor.id)
    console.print()
    if not ids:
        console.print(say("trend.no_contributors"))
        return
    title = "accessible" if accessible else "terminal"
    console.print(Text(say(f"trend.contributors_title.{title}", dash=NOT_LISTED), style="bold"))
    chart = Table(box=None, pad_edge=False, header_style="bold")
    chart.add_column(say("trend.column.contributor"), no_wrap=True)
    values = say("trend.column.points" if accessible else "trend.column.trend")
    chart.add_column(values, no_wrap=not accessible)
    if not accessible:
        chart.add_column(say("trend.column.first_to_last"), justify="right", no_wrap=True)
    for cid in ids:
        points: list[int | None] = [
            next((c.points for c in summary.contributors if c.id == cid), None)
            for _, summary in shown
        ]
        name = Text(contributor_short(cid))  # stored text, never markup
        if accessible:
            chart.add_row(name, ", ".join(_points(p) for p in points))
        else:
            first_to_last = say(
                "trend.first_to_last", first=_points(points[0]), last=_points(points[-1])
            )
            chart.add_row(name, sparkline(points), first_to_last)
    console.print(chart)
