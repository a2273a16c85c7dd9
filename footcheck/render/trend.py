"""`footcheck history trend`: pain, STarT Back risk and contributor points over time.

Drawn with plain characters (bars and sparklines) so it reads at 80 columns, with
NO_COLOR, and when piped; in accessible mode the same figures are sentences, one a line and
never wrapped, with no table, bar, arrow or block character. Dates are the person's local time.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from footcheck.checklist.conditions import Answered
from footcheck.instruments.start_back.result import Risk
from footcheck.render.wording import (
    SPOKEN_LEVEL,
    TRIAGE_LEVEL,
    contributor_short,
    earlier_checklist_note,
    earlier_mark,
    local_time,
    spoken_time,
)
from footcheck.summary import Summary
from footcheck.text.display import printable
from footcheck.text.messages import Words, say, say_count

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
        console.print(say("trend.none_saved_accessible" if accessible else "trend.none_saved"))
        return
    shown = results[-MAX_COLUMNS:]
    if len(results) > len(shown):
        console.print(
            Text(say("trend.showing_latest", shown=len(shown), total=len(results)), style="dim"),
            soft_wrap=accessible,
        )
    if accessible:
        for sentence in trend_sentences(shown):
            console.print(Text(sentence), soft_wrap=True)  # stored text, never markup
        return

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
    console.print(Text(say("trend.contributors_title", dash=NOT_LISTED), style="bold"))
    chart = Table(box=None, pad_edge=False, header_style="bold")
    chart.add_column(say("trend.column.contributor"), no_wrap=True)
    chart.add_column(say("trend.column.trend"), no_wrap=True)
    chart.add_column(say("trend.column.first_to_last"), justify="right", no_wrap=True)
    for cid in ids:
        points: list[int | None] = [
            next((c.points for c in summary.contributors if c.id == cid), None)
            for _, summary in shown
        ]
        name = Text(contributor_short(cid))  # stored text, never markup
        first_to_last = say(
            "trend.first_to_last", first=_points(points[0]), last=_points(points[-1])
        )
        chart.add_row(name, sparkline(points), first_to_last)
    console.print(chart)


def _pain(summary: Summary) -> int | None:
    value = PAIN_INTENSITY.value(summary.answers)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _spoken_points(points: int | None) -> str:
    if points is None:
        return say("trend.accessible.not_listed")
    return say_count("trend.accessible.points", points)


def trend_sentences(shown: list[tuple[int, Summary]]) -> list[str]:
    """The trend for a screen reader: one sentence a result, then what changed from the
    first to the latest, then each contributor's points then and now. No table, no bars."""
    out = [say("trend.accessible.heading")]
    for result_id, summary in shown:
        pain = _pain(summary)
        risk = summary.start_back.risk if summary.start_back else None
        sentence = say(
            "trend.accessible.result",
            id=result_id,
            moment=spoken_time(summary.created_at),
            triage=SPOKEN_LEVEL[summary.triage.level] + earlier_mark(summary.checklist_version),
            pain=say("trend.accessible.no_pain")
            if pain is None
            else say("trend.accessible.pain", score=pain),
            risk=say("trend.accessible.no_risk")
            if risk is None
            else say("trend.accessible.risk", risk=RISK[risk]),
        )
        out.append(printable(sentence))
    if any(not summary.scored_now for _, summary in shown):
        out.append(earlier_checklist_note())
    (first_id, first), (last_id, last) = shown[0], shown[-1]
    if len(shown) > 1:
        before, after = _pain(first), _pain(last)
        if before is not None and after is not None:
            change = "down" if after < before else "up" if after > before else "same"
            out.append(
                say(
                    f"trend.accessible.pain_change.{change}",
                    first=first_id,
                    last=last_id,
                    before=before,
                    after=after,
                )
            )
        risk_before = first.start_back.risk if first.start_back else None
        risk_after = last.start_back.risk if last.start_back else None
        if risk_before and risk_after and risk_before != risk_after:
            out.append(
                say(
                    "trend.accessible.risk_change",
                    first=first_id,
                    last=last_id,
                    before=RISK[risk_before],
                    after=RISK[risk_after],
                )
            )
    ids: list[str] = []
    for _, summary in shown:
        for contributor in summary.contributors:
            if contributor.id not in ids:
                ids.append(contributor.id)
    if not ids:
        out.append(say("trend.no_contributors"))
        return out
    out.append(say("trend.accessible.contributors_heading"))
    for cid in ids:
        then, now = (
            next((c.points for c in summary.contributors if c.id == cid), None)
            for summary in (first, last)
        )
        short = contributor_short(cid)
        name = short[:1].upper() + short[1:]  # it begins the sentence
        if len(shown) == 1:
            line = say(
                "trend.accessible.contributor_once",
                name=name,
                points=_spoken_points(now),
                id=last_id,
            )
        else:
            line = say(
                "trend.accessible.contributor",
                name=name,
                before=_spoken_points(then),
                after=_spoken_points(now),
                first=first_id,
                last=last_id,
            )
        out.append(printable(line))
    return out
