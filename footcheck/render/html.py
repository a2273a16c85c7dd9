"""The summary as one self-contained HTML page: no scripts, no external files, prints well."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from footcheck.checklist.kinds import format_value
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
from footcheck.render.chain import chain_links
from footcheck.render.outline import Part, PartKey, outline
from footcheck.render.plan import build_plan
from footcheck.render.wording import (
    EVIDENCE_TEXT,
    KEEP_GOING,
    LIKELIHOOD_SCALE,
    SERIOUS,
    TRIAGE_HEADLINE,
    TRIAGE_INTRO,
    earlier_checklist,
    listed_steps,
    points_text,
    posture_line,
    source_names,
    start_back_line,
    triage_action,
    triage_notes,
)
from footcheck.summary import Step, Summary
from footcheck.text.display import printable

STYLE = """
:root { --ink:#1d2430; --muted:#5b6577; --line:#dde3ea; --bg:#f6f8fb; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--bg); margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line);
  padding-bottom: .3rem; }
h3 { font-size: 1.05rem; margin: 0; }
.meta { color: var(--muted); margin: 0 0 1.5rem; }
.triage { border-radius: .6rem; padding: 1rem 1.25rem; border: 2px solid; }
.triage h2 { border: 0; margin: 0 0 .4rem; padding: 0; }
.triage.emergency, .triage.urgent { background:#fdecec; border-color:#c62828; }
.triage.emergency h2, .triage.urgent h2 { color:#b71c1c; }
.triage.see_clinician { background:#fff7e0; border-color:#e0a800; }
.triage.self_care { background:#eaf6ec; border-color:#2e7d32; }
.chain { display: flex; flex-wrap: wrap; align-items: stretch; gap: .4rem; }
.link { flex: 1 1 9rem; background: #fff; border: 1px solid var(--line);
  border-radius: .5rem; padding: .6rem .75rem; }
.link.on { border-color: #c62828; box-shadow: inset 4px 0 0 #c62828; }
.link b { display: block; }
.link span { color: var(--muted); font-size: .9rem; }
.arrow { align-self: center; color: var(--muted); font-size: 1.4rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: .6rem;
  padding: 1rem 1.25rem; margin: 0 0 1rem; }
.bar { height: .6rem; background: var(--line); border-radius: .3rem; margin: .5rem 0;
  overflow: hidden; }
.bar i { display: block; height: 100%; }
.high i { background: #c62828; } .moderate i { background: #e0a800; }
.low i { background: #1e88e5; }
.explain { color: var(--muted); font-style: italic; }
table { width: 100%; border-collapse: collapse; font-size: .93rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
td.pts { text-align: right; white-space: nowrap; }
ol.steps { padding-left: 1.4rem; } ol.steps li { margin: 0 0 .9rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: .05rem .45rem;
  border-radius: 1rem; margin-left: .4rem; vertical-align: middle; border: 1px solid; }
.badge.guideline { color:#1b5e20; background:#e8f5e9; }
.badge.limited { color:#7a5200; background:#fff3d6; }
.badge.practical { color:#0d47a1; background:#e3f0fd; }
.small { color: var(--muted); font-size: .85rem; }
.note { background: #eef1f5; border-radius: .4rem; padding: .5rem .75rem; }
.plan { background: #fff; border: 2px solid var(--ink); border-radius: .6rem;
  padding: .75rem 1.25rem; margin: 1.5rem 0; }
.plan h2 { border: 0; margin: 0 0 .4rem; padding: 0; }
.link .state { color: var(--muted); font-size: .8rem; }
.link .marks { display: block; }
table.answers td:first-child { width: 60%; }
ol.references li { margin: 0 0 .4rem; font-size: .9rem; }
footer { margin-top: 2rem; color: var(--muted); font-style: italic; }
@media print { body { background: #fff; } .card, .link, .plan, .triage { break-inside: avoid; } }
"""


def e(text: str) -> str:
    """Text from the summary, inert: escaped for HTML, control characters made visible."""
    return escape(printable(text))


def _sources(source_ids: list[str]) -> str:
    if not source_ids:
        return ""
    return f'<p class="small">Sources: {e(source_names(source_ids))}.</p>'


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
            f'<li>{e(s.title)} <span class="badge {s.evidence}">{s.evidence}</span></li>'
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
        marks = ", ".join(link.marks) if link.implicated else "nothing in your answers"
        state = "on" if link.implicated else "off"
        label = "marked" if link.implicated else "not marked"
        out.append(
            f'<div class="link {state}"><b>{e(link.name)}</b> '
            f'<span class="state">({label})</span><span class="marks">{e(marks)}</span></div>'
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
    out.append(f'<p class="small">{e(LIKELIHOOD_SCALE)}</p>')
    for rank, c in enumerate(summary.contributors, 1):
        width = min(100, round(c.points / 12 * 100))
        out += [
            f'<article class="card {c.likelihood}">',
            f"<h3>{rank}. {e(c.title)}</h3>",
            f'<div class="bar" aria-hidden="true"><i style="width:{width}%"></i></div>',
            f"<p><strong>{e(points_text(c.points, c.likelihood))}</strong></p>",
            f'<p class="explain">{e(c.explanation)}</p>',
            "<table><thead><tr><th>Your answer</th><th>Points</th><th>Why it matters</th>"
            "</tr></thead><tbody>",
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
    return [
        f"<h2>{e(part.heading)}</h2>",
        f"<p>{e(start_back_line(summary))}</p>",
        f"<p>{e(posture_line(summary))}</p>",
    ]


def _step_items(steps: list[Step], first: int) -> list[str]:
    out = [f'<ol class="steps" start="{first}">']
    for step in steps:
        out.append(
            f"<li><strong>{e(step.title)}</strong>"
            f'<span class="badge {step.evidence}">{step.evidence}</span>'
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
        out.append(f"<h3>{e(KEEP_GOING)}</h3>")
        out += _step_items(doing, len(new) + 1)
    used = [label for label in EVIDENCE_TEXT if any(s.evidence == label for s in new + doing)]
    out.append(
        '<p class="small">'
        + " · ".join(f"<b>{u}</b>: {e(EVIDENCE_TEXT[u])}" for u in used)
        + "</p>"
    )
    return out


def _answers(summary: Summary, part: Part) -> list[str]:
    # Open, not a collapsed <details>: the answers belong on the printed page too.
    out = [f"<h2>{e(part.heading)}</h2>", '<table class="answers"><tbody>']
    for qid, value in summary.answers.items():
        q = QUESTION_BY_ID[qid]
        out.append(f"<tr><td>{e(q.label)}</td><td>{e(format_value(q, value))}</td></tr>")
    out.append("</tbody></table>")
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
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>footcheck summary</title>",
        f"<style>{STYLE}</style></head><body><main>",
        "<h1>footcheck summary</h1>",
        f'<p class="meta">{summary.created_at:%d %B %Y, %H:%M} UTC · footcheck '
        f"{e(summary.tool.version)}</p>",
    ]
    for part in outline(summary, "document"):
        out += [line for line in PARTS[part.key](summary, part) if line]
    out[-1] += "</main></body></html>\n"
    return "\n".join(out)
