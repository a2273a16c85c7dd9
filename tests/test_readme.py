"""The README's sample session is a real one: replayed here, line for line."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect

README = Path(__file__).parent.parent / "README.md"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
PROMPT_END = "> "


def readme_session() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- session:start", 1)[1].split("<!-- session:end -->", 1)[0]
    body = block.split("```text\n", 1)[1].rsplit("```", 1)[0]
    return body.rstrip("\n").split("\n")


def test_the_sample_session_matches_a_real_one(tmp_path: Path) -> None:
    lines = readme_session()
    assert lines[0] == "$ footcheck assess"
    expected = lines[1:]
    # the last line is the prompt left waiting: rstrip took its space, so it is not counted
    typed = [line.split(PROMPT_END, 1)[1] for line in expected if PROMPT_END in line]
    env = {**os.environ, "FOOTCHECK_HOME": str(tmp_path / "home"), "NO_COLOR": "1",
           "TERM": "xterm", "COLUMNS": "80"}  # fmt: skip
    env.pop("CI", None)
    env.pop("FOOTCHECK_ACCESSIBLE", None)
    child = pexpect.spawn(
        f"{sys.executable} -m footcheck assess",
        env=env,
        cwd=str(tmp_path),
        encoding="utf-8",
        dimensions=(200, 80),
        timeout=20,
    )
    seen = ""
    for text in typed:
        child.expect(PROMPT_END)
        seen += (child.before or "") + PROMPT_END
        child.sendline(text)
    child.expect(PROMPT_END)
    seen += (child.before or "") + PROMPT_END
    child.sendintr()
    child.expect(pexpect.EOF)
    got = ANSI.sub("", seen).replace("\r\n", "\n").replace("\r", "")
    assert [line.rstrip() for line in got.split("\n")] == expected


DOCS_RULES = README.parent / "docs" / "rules.md"


def readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_clinical_section_and_the_rules_name_every_source() -> None:
    from footcheck.sources import SOURCES

    clinical = " ".join(readme_section("Clinical sources").split())
    rules = DOCS_RULES.read_text(encoding="utf-8")
    for source in SOURCES:
        assert source.short in clinical, source.id
        assert f"| `{source.id}` |" in rules, source.id


def test_the_rules_tables_give_each_step_and_contributor_its_label_and_sources() -> None:
    from footcheck.scoring.contributors import RULES
    from footcheck.scoring.steps import STEPS

    rows = {
        line.split("|")[1].strip(): line
        for line in DOCS_RULES.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    }
    for step in STEPS:
        row = rows[f"`{step.id}`"]
        assert f"| {step.evidence}" in row, step.id
        assert all(f"`{source}`" in row for source in step.sources), step.id
    for rule in RULES:
        assert all(f"`{source}`" in rows[f"`{rule.id}`"] for source in rule.sources), rule.id


def test_the_licence_paragraph() -> None:
    licence = " ".join(readme_section("Licence").split())
    assert "footcheck's own code and text are under the MIT licence" in licence
    assert "The STarT Back items are not" in licence
    assert "© Keele University" in licence
    assert "free for non-commercial use" in licence
    assert "commercial use needs Keele University's permission" in licence
    assert "shared with their clinician" in licence
