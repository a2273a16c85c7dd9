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
from footcheck.render.wording import (
    EARLIER_CHECKLIST_NOTE,
    contributor_short,
    earlier_mark,
    local_time,
)
from footcheck.summary import Summary

SPARKS = "▁▂▃▄▅▆▇█"
MAX_POINTS = 12
MAX_COLUMNS = 40
NOT_LISTED = "\u2013"  # an en dash: "not listed", not zero points
RISK_STYLE = {"low": "green", "medium": "yellow", "high": "red"}
PAIN_INTENSITY = Answered("pain_intensity")


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
        console.print("No saved results yet. Save one with `footcheck assess --save`.")
        return
    shown = results[-MAX_COLUMNS:]
    if len(results) > len(shown):
        console.print(
            Text(f"Showing the latest {len(shown)} of {len(results)} results.", style="dim")
        )

    # Titles are printed as lines of their own: a table title wraps to the table's width.
    console.print(Text("Pain and outlook", style="bold"))
    pain = Table(box=None, pad_edge=False, header_style="bold")
    pain.add_column("#", justify="right")
    pain.add_column("date", no_wrap=True)
    pain.add_column("pain (0-10)", no_wrap=True)
    pain.add_column("STarT Back", no_wrap=True)
    pain.add_column("triage", no_wrap=True)
    for result_id, summary in shown:
        value = PAIN_INTENSITY.value(summary.answers)
        if isinstance(value, int) and not isinstance(value, bool):
            if accessible:
                bar = Text(f"{value} of 10")
            else:
                bar = Text("█" * value, style=pain_style(value))
                bar.append("░" * (10 - value), style="dim")
                bar.append(f" {value:>2}")
        else:
            bar = Text("no back pain", style="dim")
        risk = summary.start_back.risk if summary.start_back else "-"
        pain.add_row(
            str(result_id),
            local_time(summary.created_at),  # the time too: two results a day are told apart
            bar,
            Text(risk, style=RISK_STYLE.get(risk, "")),
            summary.triage.level.replace("_", " ") + earlier_mark(summary.checklist_version),
        )
    console.print(pain)
    if any(not summary.scored_now for _, summary in shown):
        console.print(Text(EARLIER_CHECKLIST_NOTE, style="dim"))

    ids: list[str] = []
    for _, summary in shown:
        for contributor in summary.contributors:
            if contributor.id not in ids:
                ids.append(contributor.id)
    console.print()
    if not ids:
        console.print("No contributors in any saved result.")
        return
    title = (
        "Contributor points, oldest to newest"
        if accessible
        else "Contributor points, oldest → newest"
    )
    console.print(Text(f"{title} ({NOT_LISTED} = not listed that time)", style="bold"))
    chart = Table(box=None, pad_edge=False, header_style="bold")
    chart.add_column("contributor", no_wrap=True)
    chart.add_column("points" if accessible else "trend", no_wrap=not accessible)
    if not accessible:
        chart.add_column("first → last", justify="right", no_wrap=True)
    for cid in ids:
        points: list[int | None] = [
            next((c.points for c in summary.contributors if c.id == cid), None)
            for _, summary in shown
        ]
        name = Text(contributor_short(cid))  # stored text, never markup
        if accessible:
            chart.add_row(name, ", ".join(_points(p) for p in points))
        else:
            chart.add_row(name, sparkline(points), f"{_points(points[0])} → {_points(points[-1])}")
    console.print(chart)
