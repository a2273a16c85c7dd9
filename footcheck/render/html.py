"""The summary as one self-contained HTML page: no scripts, no external files, prints well."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from footcheck.catalogue import QUESTION_BY_ID
from footcheck.display_text import format_value
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
from footcheck.render.chain import chain_links
from footcheck.render.outline import Part, PartKey, outline
from footcheck.render.wording import (
    EVIDENCE_TEXT,
    TRIAGE_HEADLINE,
    TRIAGE_INTRO,
    posture_line,
    start_back_line,
    triage_action,
)
from footcheck.summary import Summary

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
footer { margin-top: 2rem; color: var(--muted); font-style: italic; }
@media print { body { background: #fff; } .card, .link { break-inside: avoid; } }
"""


def _triage(summary: Summary, part: Part) -> list[str]:
    e = escape
    level = summary.triage.level
    out = [
        f'<section class="triage {level}" role="alert">',
        f"<h2>{e(TRIAGE_HEADLINE[level])}</h2><p>{e(TRIAGE_INTRO[level])}</p>",
    ]
    if level != "self_care":
        out.append("<ul>" + "".join(f"<li>{e(r)}</li>" for r in summary.triage.reasons) + "</ul>")
    if (action := triage_action(summary)) is not None:
        out.append(f"<p><strong>{e(action.title)}:</strong> {e(action.details)}</p>")
    out.append("</section>")
    return out


def _chain(summary: Summary, part: Part) -> list[str]:
    e = escape
    out = [f'<h2>{e(part.heading)}</h2><div class="chain">']
    links = chain_links(summary)
    for index, link in enumerate(links):
        marks = ", ".join(link.marks) if link.implicated else "nothing noted"
        state = "on" if link.implicated else "off"
        out.append(f'<div class="link {state}"><b>{e(link.name)}</b><span>{e(marks)}</span></div>')
        if index < len(links) - 1:
            out.append('<div class="arrow" aria-hidden="true">→</div>')
    out.append("</div>")
    return out


def _contributors(summary: Summary, part: Part) -> list[str]:
    e = escape
    out = [f"<h2>{e(part.heading)}</h2>"]
    if not summary.contributors:
        out.append(f"<p>{e(part.empty)}</p>")
    for rank, c in enumerate(summary.contributors, 1):
        width = min(100, round(c.points / 12 * 100))
        out += [
            f'<article class="card {c.likelihood}">',
            f"<h3>{rank}. {e(c.title)}</h3>",
            f'<div class="bar"><i style="width:{width}%"></i></div>',
            f"<p><strong>{e(c.likelihood.capitalize())} likelihood</strong> · {c.points} "
            f"point{'s' if c.points != 1 else ''}</p>",
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
        out.append("</tbody></table></article>")
    return out


def _outlook(summary: Summary, part: Part) -> list[str]:
    e = escape
    out = [f"<h2>{e(part.heading)}</h2>", f"<p>{e(start_back_line(summary))}</p>"]
    if summary.start_back is not None:
        out.append(f'<p class="small">{e(KEELE_COPYRIGHT)}</p>')
    out.append(f"<p>{e(posture_line(summary))}</p>")
    return out


def _steps(summary: Summary, part: Part) -> list[str]:
    e = escape
    out = [f"<h2>{e(part.heading)}</h2>"]
    if not summary.steps:
        out.append(f"<p>{e(part.empty)}</p>")
        return out
    out.append('<ol class="steps">')
    for step in summary.steps:
        out.append(
            f"<li><strong>{e(step.title)}</strong>"
            f'<span class="badge {step.evidence}">{step.evidence}</span>'
            f"<br>{e(step.details)}</li>"
        )
    out.append("</ol>")
    used = [label for label in EVIDENCE_TEXT if any(s.evidence == label for s in summary.steps)]
    out.append(
        '<p class="small">'
        + " · ".join(f"<b>{u}</b>: {e(EVIDENCE_TEXT[u])}" for u in used)
        + "</p>"
    )
    return out


def _answers(summary: Summary, part: Part) -> list[str]:
    e = escape
    out = [f"<details><summary>{e(part.heading)}</summary><table><tbody>"]
    for qid, value in summary.answers.items():
        q = QUESTION_BY_ID[qid]
        out.append(f"<tr><td>{e(q.label)}</td><td>{e(format_value(q, value))}</td></tr>")
    out.append("</tbody></table></details>")
    return out


def _disclaimer(summary: Summary, part: Part) -> list[str]:
    return [f"<footer>{escape(summary.disclaimer)}</footer>"]


PARTS: dict[PartKey, Callable[[Summary, Part], list[str]]] = {
    "triage": _triage,
    "chain": _chain,
    "contributors": _contributors,
    "outlook": _outlook,
    "steps": _steps,
    "answers": _answers,
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
        f"{escape(summary.tool.version)}</p>",
    ]
    for part in outline("document"):
        out += PARTS[part.key](summary, part)
    out[-1] += "</main></body></html>\n"
    return "\n".join(out)
