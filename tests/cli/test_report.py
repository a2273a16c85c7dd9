"""`report` of a summary someone else may have edited: what it shows must follow from its
own answers, and its text is shown as text (issue 13, item 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footcheck.cli.app import app

runner = CliRunner()
GOLDEN = Path(__file__).parents[1] / "golden"
V1 = Path(__file__).parents[1] / "fixtures" / "checklist_v1"
HOSTILE = "\x1b]0;PWNED\x07\x1b[2J\u202eevil"
"""A terminal title change, a screen clear and a right-to-left override."""


def golden(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    return document


def report(tmp_path: Path, document: dict[str, Any], *args: str) -> tuple[int, str, str]:
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(app, ["report", str(path), *args])
    return result.exit_code, result.stdout, result.stderr


def test_item2_a_warning_sign_beside_a_calm_triage_is_refused_naming_each_field(
    tmp_path: Path,
) -> None:
    document = golden("retail_worker")
    document["answers"]["rf_bladder_bowel"] = True  # triage still see_clinician
    code, out, err = report(tmp_path, document)
    assert (code, out) == (2, "")
    assert "does not follow from its own answers" in err
    assert "  - red_flags: none, but the answers give rf_bladder_bowel" in err
    assert "  - triage.level: see_clinician, but the answers give emergency" in err


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d["triage"].update(level="self_care"), "triage.level: self_care"),
        (lambda d: d.update(red_flags=[]), "red_flags: none"),
        (lambda d: d["start_back"].update(total=9), "start_back: total 9"),
        (lambda d: d.update(start_back=None), "start_back: none"),
    ],
)
def test_item2_a_derived_field_edited_by_hand_is_refused(
    tmp_path: Path, edit: Any, field: str
) -> None:
    document = golden("emergency")
    edit(document)
    code, _, err = report(tmp_path, document)
    assert code == 2 and field in err


@pytest.mark.parametrize("path", sorted(V1.glob("*.json")), ids=lambda p: p.stem)
def test_item2_a_version_1_summary_is_never_held_to_version_2_rules(path: Path) -> None:
    """Version 1 asked the warning signs of everyone, had other urgent signs and no
    6-week rule: its summaries are shown as scored (no_pain_cancer_history is urgent
    without back pain, which version 2 would call self care)."""
    result = runner.invoke(app, ["report", str(path), "--format", "markdown"])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", ["retail_worker", "emergency", "no_pain"])
def test_item2_every_exported_summary_follows_from_its_answers(name: str) -> None:
    result = runner.invoke(app, ["report", str(GOLDEN / f"{name}.json"), "-f", "json"])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("fmt", ["rich", "markdown", "html", "json", "fhir"])
@pytest.mark.parametrize("name", ["retail_worker", "no_pain"])
def test_item2_control_and_bidi_characters_from_a_summary_are_never_emitted_raw(
    tmp_path: Path, fmt: str, name: str
) -> None:
    """Every free-text field an editor could change carries the escape sequences; the
    report shows them as text, in each format. With self care (no_pain) the plan's line
    quotes the triage reason too. JSON and FHIR write them as ``\\u`` escapes: the same
    text to a program, nothing raw on a terminal."""
    document = golden(name)
    document["triage"]["reasons"] = [HOSTILE]
    for contributor in document["contributors"]:
        contributor["title"] = contributor["explanation"] = HOSTILE
        for evidence in contributor["evidence"]:
            evidence["reason"] = HOSTILE
    for step in document["steps"]:
        step["title"] = step["details"] = HOSTILE
    for reference in document["references"]:
        reference["citation"] = HOSTILE
    document["disclaimer"] = HOSTILE
    code, out, err = report(tmp_path, document, "--format", fmt)
    assert code == 0, err
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in out, (fmt, raw)
    assert "PWNED" in out  # shown, as text
    if fmt in ("json", "fhir"):
        assert HOSTILE in out.encode().decode("unicode_escape")  # the same text, escaped


def test_item2_on_a_colour_terminal_too_only_footcheck_styles_reach_it() -> None:
    """With colours on, escape sequences are footcheck's own styles; the file's title
    change, screen clear, bell and override never get through."""
    import io

    from rich.console import Console

    from footcheck.render.rich_summary import print_summary
    from footcheck.summary import Summary

    document = golden("emergency")
    document["triage"]["reasons"] = [HOSTILE]
    document["steps"][0]["details"] = HOSTILE
    summary = Summary.model_validate(document)
    screen = io.StringIO()
    print_summary(summary, Console(file=screen, force_terminal=True, width=100))
    out = screen.getvalue()
    assert "\x1b[" in out  # colours are on
    for raw in ("\x1b]0;", "\x1b[2J", "\x07", "\u202e"):
        assert raw not in out, raw
