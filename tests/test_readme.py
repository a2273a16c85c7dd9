"""The README and the docs: short where a newcomer starts, every link and example real, and
the sample session a real one (replayed here, line for line)."""

from __future__ import annotations

import os
import re
import shlex
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
import typer

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
USAGE = ROOT / "docs" / "usage.md"
DOCS_RULES = ROOT / "docs" / "rules.md"
DOCUMENTS = [
    README,
    ROOT / "CONTRIBUTING.md",
    ROOT / "benchmarks" / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
PROMPT_END = "> "
FIRST_SCREEN = 40

SET_UP = "python3 -m venv .venv && . .venv/bin/activate && "
RUN_CHECKLIST = SET_UP + "pip install -e . && footcheck assess"
RUN_TESTS = SET_UP + "pip install -e '.[test]' && python -m pytest"


def code_blocks(path: Path, languages: tuple[str, ...]) -> Iterator[str]:
    """The lines of every fenced block in ``path`` whose language is one of ``languages``."""
    fence: str | None = None  # the language of the block we are in
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fence = line[3:].strip() if fence is None else None
        elif fence in languages:
            yield line


def test_the_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200, len(lines)


def test_both_quick_start_commands_are_single_lines_on_the_first_screen() -> None:
    first_screen = README.read_text(encoding="utf-8").splitlines()[:FIRST_SCREEN]
    assert RUN_CHECKLIST in first_screen
    assert RUN_TESTS in first_screen
    assert any("`. .venv/bin/activate`" in line for line in first_screen)


def test_the_quick_start_installs_what_it_then_runs() -> None:
    """`footcheck` is the package's console script, `.[test]` names a real extra holding
    pytest and pytest-xdist, and bare `python -m pytest` runs the suite in parallel."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["footcheck"] == "footcheck.cli.entry:main"
    test_extra = " ".join(project["project"]["optional-dependencies"]["test"])
    assert "pytest>=" in test_extra and "pytest-xdist" in test_extra
    assert "-n auto" in project["tool"]["pytest"]["ini_options"]["addopts"]


LINK = re.compile(r"\]\(([^)\s]+)\)")


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)  # no headings in code
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", text, flags=re.M)}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        name, _, anchor = target.partition("#")
        path = (document.parent / name).resolve() if name else document
        if not path.exists() or (anchor and path.suffix == ".md" and anchor not in anchors(path)):
            broken.append(target)
    assert not broken, broken


def footcheck_commands(path: Path) -> Iterator[list[str]]:
    """Every `footcheck …` command line in the shell blocks of ``path``, as words, up to
    the first shell operator; a comment is left out."""
    for line in code_blocks(path, ("sh", "shell", "bash")):
        words = shlex.split(line, comments=True)
        for start, word in enumerate(words):
            if word == "footcheck" and (start == 0 or words[start - 1] in {"|", "&&"}):
                command = []
                for part in words[start + 1 :]:
                    if part in {"|", "&&", "||", ";"} or part[:1] in {">", "<"} or ">" in part:
                        break
                    command.append(part)
                yield command


def check_command(words: list[str]) -> None:
    """Walk ``words`` down the real app: each command must exist and each option must be
    one that command takes."""
    from footcheck.cli.app import app

    command = typer.main.get_command(app)
    rest = list(words)
    while hasattr(command, "commands") and rest and not rest[0].startswith("-"):
        name = rest.pop(0)
        assert name in command.commands, f"no command {name!r} in {words}"
        command = command.commands[name]
    options = {"--help", "-h"}
    for param in command.params:
        if param.param_type_name == "option":
            options.update(param.opts, param.secondary_opts)
    for word in rest:
        if word.startswith("-") and word != "-":
            assert word.split("=", 1)[0] in options, f"{command.name} has no {word}: {words}"


EXAMPLES = [
    (path, words) for path in [README, *(ROOT / "docs").glob("*.md")]
    for words in footcheck_commands(path)
]  # fmt: skip


def test_the_readme_has_examples_of_every_command() -> None:
    named = {words[0] for path, words in EXAMPLES if path == README and words}
    assert {"assess", "report", "history", "batch", "questions", "template", "schema"} <= named
    assert "sources" in named


@pytest.mark.parametrize(
    ("path", "words"), EXAMPLES, ids=lambda v: " ".join(v) if isinstance(v, list) else v.name
)
def test_every_example_names_a_real_command_and_options(path: Path, words: list[str]) -> None:
    check_command(words)


def usage_session() -> list[str]:
    text = USAGE.read_text(encoding="utf-8")
    block = text.split("<!-- session:start", 1)[1].split("<!-- session:end -->", 1)[0]
    body = block.split("```text\n", 1)[1].rsplit("```", 1)[0]
    return body.rstrip("\n").split("\n")


def test_the_sample_session_matches_a_real_one(tmp_path: Path) -> None:
    lines = usage_session()
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


def test_the_readme_session_is_an_excerpt_of_the_replayed_one() -> None:
    """Every line of the README's short session is in the replayed one, in order
    (`…` stands for lines left out; the last line is a prompt, answered as shown)."""
    excerpt = "\n".join(code_blocks(README, ("text",))).split("\n")
    assert excerpt[0] == "$ footcheck assess"
    session = iter(usage_session())
    for line in excerpt:
        if line == "…":
            continue
        head = line.split(PROMPT_END, 1)[0] + PROMPT_END if PROMPT_END in line else line
        assert any(real.startswith(head) for real in session), line


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
