"""Golden files for the JSON and Markdown exports, and the 80-column rich summary.

Regenerate after an intended change with FOOTCHECK_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text

from footcheck import evaluate
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
@pytest.mark.parametrize(("fmt", "suffix"), [("json", "json"), ("markdown", "md")])
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
        assert max(len(line) for line in plain.splitlines()) <= 80
    text = render_text(summary, "rich")
    assert max(len(line) for line in text.splitlines()) <= 80
    assert text.count(summary.disclaimer[:40]) == 1


def test_html_is_self_contained() -> None:
    html = render_text(evaluate(CASES["emergency"], now=NOW), "html")
    assert "<script" not in html and "http" not in html.replace("http-equiv", "")
    assert html.index("EMERGENCY") < html.index("How it fits together")
    assert "Keele University" in html


def test_a_wrapped_triage_reason_stays_under_its_bullet() -> None:
    summary = evaluate(
        answers(back_pain=True, pain_intensity=7, sb_walk_short=True, sb_leg_pain=True,
                sb_worry=True, sb_terrible=True, sb_bothersome="very_much"),
        now=NOW,
    )  # fmt: skip
    assert summary.triage.level == "see_clinician"
    lines = render_text(summary, "rich", width=80).splitlines()
    first = next(i for i, line in enumerate(lines) if "• STarT Back risk is medium" in line)
    indent = lines[first].index("STarT")
    wrapped = lines[first + 1]
    assert wrapped[:indent].strip("│ ") == ""
    assert wrapped[indent:].startswith("physiotherapist's help")


def test_the_triage_headline_is_whole_on_a_narrow_terminal() -> None:
    summary = evaluate(CASES["retail_worker"], now=NOW)
    buffer = io.StringIO()
    print_summary(summary, Console(file=buffer, width=44, no_color=True))
    text = " ".join(line.strip("│ ") for line in buffer.getvalue().splitlines()[:4])
    assert "No warning signs: you can start with self-care" in text


def test_only_the_action_title_in_the_banner_is_bold() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, force_terminal=True)
    print_summary(evaluate(CASES["emergency"], now=NOW), console)
    assert "\x1b[1m→ Get emergency care today: \x1b[0mGo to an emergency" in buffer.getvalue()


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
