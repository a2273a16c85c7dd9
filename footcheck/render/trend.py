"""`footcheck history trend`: pain, STarT Back risk and contributor points over time.

Drawn with plain characters (bars and sparklines) so it reads at 80 columns, with
NO_COLOR, and when piped.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from footcheck.answer_tests import Answered
from footcheck.render.wording import contributor_short
from footcheck.summary import Summary

SPARKS = "▁▂▃▄▅▆▇█"
MAX_POINTS = 12
MAX_COLUMNS = 40
RISK_STYLE = {"low": "green", "medium": "yellow", "high": "red"}
PAIN_INTENSITY = Answered("pain_intensity")


def sparkline(values: list[int], top: int = MAX_POINTS) -> str:
    """One character a value; a dot for 0 (the contributor was not listed that time)."""
    out = []
    for value in values:
        if value <= 0:
            out.append("·")
        else:
            out.append(SPARKS[min(len(SPARKS) - 1, (value - 1) * len(SPARKS) // top)])
    return "".join(out)


def print_trend(results: list[tuple[int, Summary]], console: Console) -> None:
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
    pain = Table(
        box=None,
        pad_edge=False,
        header_style="bold",
    )
    pain.add_column("#", justify="right")
    pain.add_column("date", no_wrap=True)
    pain.add_column("pain (0-10)", no_wrap=True)
    pain.add_column("STarT Back", no_wrap=True)
    pain.add_column("triage", no_wrap=True)
    for result_id, summary in shown:
        value = PAIN_INTENSITY.value(summary.answers)
        if isinstance(value, int) and not isinstance(value, bool):
            bar = Text("█" * value, style="red")
            bar.append("░" * (10 - value), style="dim")
            bar.append(f" {value:>2}")
        else:
            bar = Text("no back pain", style="dim")
        risk = summary.start_back.risk if summary.start_back else "-"
        pain.add_row(
            str(result_id),
            f"{summary.created_at:%Y-%m-%d}",
            bar,
            Text(risk, style=RISK_STYLE.get(risk, "")),
            summary.triage.level.replace("_", " "),
        )
    console.print(pain)

    ids: list[str] = []
    for _, summary in shown:
        for contributor in summary.contributors:
            if contributor.id not in ids:
                ids.append(contributor.id)
    console.print()
    if not ids:
        console.print("No contributors in any saved result.")
        return
    console.print(Text("Contributor points, oldest → newest (· = not listed)", style="bold"))
    chart = Table(
        box=None,
        pad_edge=False,
        header_style="bold",
    )
    chart.add_column("contributor", no_wrap=True)
    chart.add_column("trend", no_wrap=True)
    chart.add_column("first → last", justify="right", no_wrap=True)
    for cid in ids:
        points = [
            next((c.points for c in summary.contributors if c.id == cid), 0) for _, summary in shown
        ]
        name = Text(contributor_short(cid))  # stored text, never markup
        chart.add_row(name, sparkline(points), f"{points[0]} → {points[-1]}")
    console.print(chart)
