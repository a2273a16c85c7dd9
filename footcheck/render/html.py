"""The summary as one self-contained HTML page: no scripts, no external files, prints well."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from footcheck.checklist.kinds import format_value
from footcheck.instruments.registry import QUESTION_BY_ID, SECTIONS
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
from footcheck.text.messages import say, spoken

STYLE = (Path(__file__).parent / "summary.css").read_text(encoding="utf-8")
"""The page's style sheet, inlined: the page needs no other file."""


def e(text: str) -> str:
    """Text from the summary, inert: escaped for HTML, control characters made visible."""
    return escape(printable(text))


def _sources(source_ids: list[str]) -> str:
    if not source_ids:
        return ""
    return f'<p class="small">{e(sources_line(source_ids))}</p>'


def _triage(summary: Summary, part: Part) -> list[str]:
    level = summary.triage.level
    out = []
    if (note := earlier_checklist(summary)) is not None:
        out.append(f'<p class="note">{e(note)}</p>')
    # Only a warning that needs acting on now is announced as an alert.
    role = ' role="alert"' if level in SERIOUS else ""
    out.append(f'<section class="triage {level}"{role}>')
    out.append(f"<h2>{e(TRIAGE_HEADLINE[level])}</h2>")
    if TRIAGE_INTRO[level]:
        out.append(f"<p>{e(TRIAGE_INTRO[level])}</p>")
    out.append("<ul>" + "".join(f"<li>{e(r)}</li>" for r in triage_notes(summary)) + "</ul>")
    if (action := triage_action(summary)) is not None:
        out.append(f"<p>{e(action.details)}</p>")
        out.append(_sources(action.sources))
    out.append("</section>")
    return out


def _plan(summary: Summary, part: Part) -> list[str]:
    plan = build_plan(summary)
    out = [
        f'<section class="plan"><h2>{e(part.heading)}</h2>',
        f"<p><strong>{e(plan.triage)}</strong></p>",
    ]
    if plan.contributors:
        out.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in plan.contributors) + "</ul>")
    if plan.steps:
        items = [
            f'<li>{e(s.title)} <span class="badge {s.evidence}">'
            f"{e(EVIDENCE_BADGE[s.evidence])}</span></li>"
            for s in plan.steps
        ]
        out.append("<ol>" + "".join(items) + "</ol>")
    if plan.note:
        out.append(f"<p>{e(plan.note)}</p>")
    out.append("</section>")
    return out


def _chain(summary: Summary, part: Part) -> list[str]:
    out = [
        f"<h2>{e(part.heading)}</h2>",
        f'<p class="small">{e(part.caption)}</p>',
        '<div class="chain">',
    ]
    links = chain_links(summary)
    for index, link in enumerate(links):
        marks = ", ".join(link.marks) if link.implicated else say("summary.chain.nothing")
        state = "on" if link.implicated else "off"
        label = say("summary.chain.marked" if link.implicated else "summary.chain.not_marked")
        out.append(
            f'<div class="link {state}"><b>{e(link.name)}</b> '
            f'<span class="state">({e(label)})</span><span class="marks">{e(marks)}</span></div>'
        )
        if index < len(links) - 1:
            out.append('<div class="arrow" aria-hidden="true">→</div>')
    out.append("</div>")
    return out


def _contributors(summary: Summary, part: Part) -> list[str]:
    out = [f"<h2>{e(part.heading)}</h2>"]
    if not summary.contributors:
        out.append(f"<p>{e(part.empty)}</p>")
        return out
    out.append(f'<p class="small">{e(say("summary.likelihood_scale"))}</p>')
    columns = "".join(
        f"<th>{e(say(f'summary.evidence_table.{column}'))}</th>"
        for column in ("answer", "points", "why")
    )
    for rank, c in enumerate(summary.contributors, 1):
        width = min(100, round(c.points / 12 * 100))
        out += [
            f'<article class="card {c.likelihood}">',
            f"<h3>{rank}. {e(c.title)}</h3>",
            f'<div class="bar" aria-hidden="true"><i style="width:{width}%"></i></div>',
            f"<p><strong>{e(points_text(c.points, c.likelihood))}</strong></p>",
            f'<p class="explain">{e(c.explanation)}</p>',
            f"<table><thead><tr>{columns}</tr></thead><tbody>",
        ]
        for item in c.evidence:
            q = QUESTION_BY_ID[item.question]
            out.append(
                f"<tr><td>{e(q.label)}: <strong>{e(format_value(q, item.answer))}</strong></td>"
                f'<td class="pts">+{item.points}</td><td>{e(item.reason)}</td></tr>'
            )
        out.append("</tbody></table>")
        out.append(_sources(c.sources))
        out.append("</article>")
    return out


def _outlook(summary: Summary, part: Part) -> list[str]:
    out = [f"<h2>{e(part.heading)}</h2>"]
    for sentences, _ in instrument_lines(summary):
        out += [f"<p>{e(sentence)}</p>" for sentence in sentences]
    return out


def _step_items(steps: list[Step], first: int) -> list[str]:
    out = [f'<ol class="steps" start="{first}">']
    for step in steps:
        out.append(
            f"<li><strong>{e(step.title)}</strong>"
            f'<span class="badge {step.evidence}">{e(EVIDENCE_BADGE[step.evidence])}</span>'
            f"<br>{e(step.details)}{_sources(step.sources)}</li>"
        )
    out.append("</ol>")
    return out


def _steps(summary: Summary, part: Part) -> list[str]:
    out = [f"<h2>{e(part.heading)}</h2>"]
    new, doing = listed_steps(summary)
    if not new and not doing:
        out.append(f"<p>{e(part.empty)}</p>")
        return out
    if new:
        out += _step_items(new, 1)
    if doing:
        out.append(f"<h3>{e(say('summary.keep_going'))}</h3>")
        out += _step_items(doing, len(new) + 1)
    used = evidence_legend([s.evidence for s in new + doing])
    out.append(
        '<p class="small">'
        + " · ".join(f"<b>{e(badge)}</b>: {e(text)}" for badge, text in used)
        + "</p>"
    )
    return out


def _answers(summary: Summary, part: Part) -> list[str]:
    # Open, not a collapsed <details>: the answers belong on the printed page too.
    # One row group a section, headed by the section's title, in the checklist's order.
    out = [f"<h2>{e(part.heading)}</h2>", '<table class="answers">']
    for section in SECTIONS:
        qids = [qid for qid in summary.answers if QUESTION_BY_ID[qid].section == section.id]
        if not qids:
            continue
        out.append(
            f'<tbody><tr><th class="section" colspan="2" scope="rowgroup">'
            f"{e(section.title)}</th></tr>"
        )
        for qid in qids:
            q = QUESTION_BY_ID[qid]
            value = format_value(q, summary.answers[qid])
            out.append(f"<tr><td>{e(q.label)}</td><td>{e(value)}</td></tr>")
        out.append("</tbody>")
    out.append("</table>")
    if any(QUESTION_BY_ID[qid].start_back_item for qid in summary.answers):
        out.append(f'<p class="small">{e(KEELE_COPYRIGHT)}</p>')
    return out


def _references(summary: Summary, part: Part) -> list[str]:
    if not summary.references:
        return []
    out = [f"<h2>{e(part.heading)}</h2>", '<ol class="references">']
    for ref in summary.references:
        link = f' <a href="{e(ref.url)}">{e(ref.url)}</a>' if ref.url else ""
        out.append(f"<li>{e(ref.citation)}{link}</li>")
    out.append("</ol>")
    return out


def _disclaimer(summary: Summary, part: Part) -> list[str]:
    return [f"<footer>{e(summary.disclaimer)}</footer>"]


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


def to_html(summary: Summary) -> str:
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{spoken().language}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(say('summary.title'))}</title>",
        f"<style>{STYLE}</style></head><body><main>",
        f"<h1>{e(say('summary.title'))}</h1>",
        f'<p class="meta">'
        f"{e(say('summary.html.meta', created=summary.created_at, version=summary.tool.version))}"
        "</p>",
    ]
    for part in outline(summary, "document"):
        out += [line for line in PARTS[part.key](summary, part) if line]
    out[-1] += "</main></body></html>\n"
    return "\n".join(out)
