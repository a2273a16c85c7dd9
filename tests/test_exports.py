"""Golden files for the JSON and Markdown exports, and the 80-column rich summary.

Regenerate after an intended change with FOOTCHECK_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import io
import os
import re
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from footcheck import evaluate
from footcheck.instruments.registry import QUESTION_BY_ID, SECTIONS
from footcheck.render import render_text
from footcheck.render.rich_summary import print_summary
from footcheck.summary import Summary
from tests.conftest import RETAIL_WORKER
from tests.helpers import answers

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
CASES: dict[str, dict[str, Any]] = {
    "retail_worker": RETAIL_WORKER,
    "emergency": answers(
        back_pain=True,
        pain_intensity=9,
        rf_bladder_bowel=True,
        rf_cancer_history=True,
        main_footwear="high_heels",
    ),
    "no_pain": answers(),
}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FOOTCHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(
    ("fmt", "suffix"), [("json", "json"), ("markdown", "md"), ("fhir", "fhir.json")]
)
def test_golden_exports(case: str, fmt: str, suffix: str) -> None:
    summary = evaluate(CASES[case], now=NOW)
    check_golden(f"{case}.{suffix}", render_text(summary, fmt))  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES)
def test_rich_summary_fits_80_columns_in_colour_and_without(case: str) -> None:
    summary = evaluate(CASES[case], now=NOW)
    for no_color in (False, True):
        buffer = io.StringIO()
        console = Console(file=buffer, width=80, force_terminal=True, no_color=no_color)
        print_summary(summary, console)
        plain = Text.from_ansi(buffer.getvalue()).plain
        assert max(cell_len(line) for line in plain.splitlines()) <= 80
    text = render_text(summary, "rich")
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert text.count(summary.disclaimer[:40]) == 1


def test_html_is_self_contained() -> None:
    """Nothing is fetched when the page opens: no scripts, styles, images or fonts from
    elsewhere (the references are plain links)."""
    html = render_text(evaluate(CASES["emergency"], now=NOW), "html")
    for outside in ("<script", "<link", "src=", "@import", "url("):
        assert outside not in html
    assert html.index("EMERGENCY") < html.index("How your feet may connect")
    assert 'role="alert"' in html


def test_html_alerts_only_for_emergency_or_urgent_and_prints_the_answers() -> None:
    calm = render_text(evaluate(CASES["retail_worker"], now=NOW), "html")
    assert 'role="alert"' not in calm
    assert "<details" not in calm  # the answers are open, and so printed
    assert "Your answers</h2>" in calm and "Keele University" in calm


def test_html_answers_are_grouped_under_their_sections() -> None:
    summary = evaluate(CASES["retail_worker"], now=NOW)
    html = render_text(summary, "html")
    table = html[html.index('<table class="answers">') :]
    table = table[: table.index("</table>")]
    headings = re.findall(r'<th class="section" colspan="2" scope="rowgroup">([^<]*)</th>', table)
    asked = [s for s in SECTIONS if any(QUESTION_BY_ID[q].section == s.id for q in summary.answers)]
    assert headings == [escape(s.title) for s in asked]  # each section once, in asking order
    assert table.count("<tbody>") == table.count("</tbody>") == len(asked)
    for section in asked:  # every answer under its own section's heading
        start = table.index(f">{escape(section.title)}</th>")
        group = table[start : table.index("</tbody>", start)]
        for qid in summary.answers:
            label = f"<td>{escape(QUESTION_BY_ID[qid].label)}</td>"
            assert (label in group) == (QUESTION_BY_ID[qid].section == section.id), qid


def test_a_wrapped_triage_reason_stays_under_its_bullet() -> None:
    summary = evaluate(
        answers(back_pain=True, pain_intensity=7, sb_walk_short=True, sb_leg_pain=True,
                sb_worry=True, sb_terrible=True, sb_bothersome="very_much"),
        now=NOW,
    )  # fmt: skip
    assert summary.triage.level == "see_clinician"
    lines = render_text(summary, "rich", width=80).splitlines()
    first = next(i for i, line in enumerate(lines) if "• Your STarT Back answers" in line)
    indent = lines[first].index("Your STarT")
    wrapped = lines[first + 1]
    assert wrapped[:indent].strip("│ ") == ""
    assert wrapped[indent:].strip("│ ").startswith("you; support from a clinician")


def test_the_triage_headline_is_whole_on_a_narrow_terminal() -> None:
    summary = evaluate(CASES["retail_worker"], now=NOW)
    buffer = io.StringIO()
    print_summary(summary, Console(file=buffer, width=44, no_color=True))
    text = " ".join(line.strip("│ ") for line in buffer.getvalue().splitlines()[:4])
    assert "See a GP or physiotherapist in the next week or two" in text


def test_the_triage_action_is_said_once_in_the_banner() -> None:
    summary = evaluate(CASES["emergency"], now=NOW)
    text = render_text(summary, "rich", width=80)
    details = summary.steps[0].details[:40]
    assert text.count(details) == 1
    body = text[: text.index("Your plan")]
    assert "Self-care steps wait until a doctor has checked you." in body


def test_no_internal_ids_in_what_people_read() -> None:
    summary = evaluate(
        answers(back_pain=True, rf_bladder_bowel=True, rf_night_pain=True, lifting="often",
                main_footwear="high_heels", other_pain=["feet"], arch_standing="flat",
                heel_tilt="inward"),
        now=NOW,
    )  # fmt: skip
    ids = [
        *summary.red_flags,
        *(c.id for c in summary.contributors),
        *(s.id for s in summary.steps),
    ]
    for fmt in ("rich", "markdown", "html"):
        text = render_text(summary, fmt)  # type: ignore[arg-type]
        assert not [i for i in ids if i in text], fmt


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_text_from_a_summary_file_cannot_inject_markup(fmt: str) -> None:
    data = evaluate(CASES["emergency"], now=NOW).model_dump(mode="json")
    data["triage"]["reasons"][0] = "<script>alert(1)</script>"
    data["contributors"][0]["title"] = "<img src=x onerror=alert(1)>"
    text = render_text(Summary.model_validate(data), fmt)  # type: ignore[arg-type]
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_rich_shows_markup_like_text_from_a_summary_file_literally() -> None:
    data = evaluate(CASES["emergency"], now=NOW).model_dump(mode="json")
    data["triage"]["reasons"][0] = "[/bold] oops"
    data["contributors"][0]["evidence"][0]["reason"] = "[/] closing [link=http://x]y[/link]"
    text = render_text(Summary.model_validate(data), "rich", width=80)
    assert "[/bold] oops" in text and "[link=http://x]y[/link]" in text
