"""The licences: LICENSE holds the MIT text for footcheck's own code, NOTICE the works it
includes that MIT does not cover (the Keele STarT Back items, Roland-Morris, LOINC), and
`footcheck sources` shows the same statements, read from the package's message file."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from footcheck.cli.app import app
from footcheck.render.sources_list import LICENCES, licence_statements
from footcheck.sources import SOURCES
from footcheck.text.display import sentence_lines
from footcheck.text.messages import Words, say

ROOT = Path(__file__).parent.parent
runner = CliRunner()
DRAWING = re.compile("[\u2500-\u259f→●○▼▁▂▃▄▅▆▇]")
LOINC_NOTICE = (
    "This material contains content from LOINC (http://loinc.org). LOINC is copyright © "
    "Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes "
    "(LOINC) Committee and is available at no cost under the license at "
    "http://loinc.org/license."
)


def flat(text: str) -> str:
    """``text`` with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


def test_every_licence_message_is_a_statement_shown() -> None:
    assert set(Words("licence.*")) - {"title"} == set(LICENCES)


def test_the_license_file_is_the_mit_text_for_footcheck() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the footcheck authors" in text
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in flat(text)


def test_the_notice_states_every_licence_statement() -> None:
    notice = flat((ROOT / "NOTICE").read_text(encoding="utf-8"))
    for statement in licence_statements():
        assert flat(statement) in notice, statement


def test_the_statements_say_what_the_licences_require() -> None:
    statements = dict(zip(LICENCES, licence_statements(), strict=True))
    assert "MIT licence" in statements["footcheck"] and "LICENSE" in statements["footcheck"]
    keele = statements["keele"]
    assert "© Keele University" in keele
    assert say("keele.copyright") in keele  # the statement quoted with the items, unaltered
    assert "Free for non-commercial use." in keele
    assert "not covered by footcheck's MIT licence" in keele
    rmdq = statements["rmdq"]
    assert "Roland-Morris Disability Questionnaire is © Martin Roland and Richard Morris" in rmdq
    assert "unaltered" in rmdq and "attribution" in rmdq
    assert statements["loinc"].startswith(LOINC_NOTICE)


def test_the_wheel_ships_both_files() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE", "NOTICE"]


MODES = {
    "plain": ([], {}),
    "no_color": ([], {"NO_COLOR": "1"}),
    "flag": (["--accessible"], {}),
    "environment": ([], {"FOOTCHECK_ACCESSIBLE": "1"}),
}


@pytest.mark.parametrize("mode", MODES)
def test_sources_shows_the_licences_after_the_sources(mode: str) -> None:
    flags, env = MODES[mode]
    result = runner.invoke(app, ["sources", *flags], env={"FOOTCHECK_ACCESSIBLE": "", **env})
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "\x1b" not in text and not DRAWING.findall(text)
    licences = text.index(f"\n{say('licence.title')}\n")
    assert text.index(SOURCES[-1].url or "") < licences
    for statement in licence_statements():
        assert flat(statement) in flat(text[licences:]), statement


def test_sources_fits_80_columns() -> None:
    text = runner.invoke(app, ["sources"], env={"FOOTCHECK_ACCESSIBLE": ""}).stdout
    assert max(cell_len(line) for line in text.splitlines()) <= 80


def test_accessible_sources_are_one_sentence_a_line() -> None:
    """Nothing is broken across lines: each sentence of a statement is a line of its own,
    and a line wider than 80 cells is only a sentence quoted unaltered (Keele's, LOINC's)
    or a whole citation, which the terminal wraps for the eye."""
    lines = runner.invoke(app, ["sources", "--accessible"]).stdout.splitlines()
    sentences = [
        s for statement in licence_statements() for s in sentence_lines(statement).split("\n")
    ]
    assert all(sentence in lines for sentence in sentences)
    citations = {f"{n}. [{s.id}] {s.citation}" for n, s in enumerate(SOURCES, 1)}
    for line in lines:
        assert cell_len(line) <= 80 or line in sentences or line in citations, line


def test_sources_markdown_ends_with_the_licences() -> None:
    text = runner.invoke(app, ["sources", "--format", "markdown"]).stdout
    assert f"## {say('licence.title')}" in text
    for statement in licence_statements():
        assert statement in text
