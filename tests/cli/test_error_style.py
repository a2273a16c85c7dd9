"""One error style: a bad value for a flag or argument, or a bad path, is one footcheck line
naming the option and what is allowed (exit 2); Click's usage block only for what does not
exist. And the top-level help: whole one-line descriptions and examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.context import invoke

USAGE_BLOCK = ("Usage:", "Try '")


def one_clean_line(code: int, err: str) -> str:
    assert code == 2, err
    assert not any(marker in err for marker in USAGE_BLOCK), err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("footcheck: "), err
    return lines[0]


def test_a_directory_for_output_is_one_clean_line(tmp_path: Path, private_home: Path) -> None:
    code, _, err = invoke("assess", "-o", str(tmp_path), home=private_home)
    line = one_clean_line(code, err)
    assert line == f"footcheck: --output needs a file name; {tmp_path} is a directory"


def test_a_directory_for_answers_is_one_clean_line(tmp_path: Path, private_home: Path) -> None:
    code, _, err = invoke("assess", "--answers", str(tmp_path), home=private_home)
    assert "--answers needs a file name" in one_clean_line(code, err)


def test_an_unknown_format_is_one_clean_line(private_home: Path) -> None:
    code, _, err = invoke("assess", "--format", "pdf", home=private_home)
    line = one_clean_line(code, err)
    assert line == (
        "footcheck: --format cannot be 'pdf': use one of rich, json, markdown, html, fhir"
    )
    assert "Value error" not in err


def test_a_missing_argument_is_one_clean_line(private_home: Path) -> None:
    code, _, err = invoke("report", home=private_home)
    line = one_clean_line(code, err)
    assert line == "footcheck: footcheck report needs FILE (see footcheck report --help)"


def test_broken_json_is_described_alike_by_assess_and_report(
    tmp_path: Path, private_home: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"age": 40,', encoding="utf-8")
    code_a, _, err_a = invoke("assess", "--answers", str(broken), "--no-input", home=private_home)
    code_r, _, err_r = invoke("report", str(broken), home=private_home)
    assert code_a == code_r == 2
    assert err_a == err_r
    assert err_a.strip() == (
        f"footcheck: {broken} is not valid JSON: Expecting property name enclosed in double "
        "quotes at line 1, column 12"
    )


def bad_values(directory: str) -> list[tuple[str, ...]]:
    return [
        ("assess", "-o", directory),
        ("assess", "--answers", directory),
        ("assess", "--format", "pdf"),
        ("assess", "-f", "PDF"),
        ("report", directory),
        ("report", "summary.json", "--format", "xml"),
        ("report", "summary.json", "-o", directory),
        ("report",),
        ("template", "-o", directory),
        ("questions", "--format", "xml"),
        ("sources", "--format", "pdf"),
        ("schema", "everything"),
        ("batch", "in.csv", "--jobs", "many"),
        ("batch", "in.csv", "--input-format", "xlsx"),
        ("batch", "in.csv", "--output-format", "xlsx"),
        ("batch", "in.csv", "-o", directory),
        ("batch",),
        ("history", "show", "abc"),
        ("history", "show"),
        ("history", "show", "1", "--format", "pdf"),
        ("history", "show", "1", "-o", directory),
        ("history", "export", "--format", "xml"),
        ("history", "export", "-o", directory),
        ("history", "delete", "x"),
    ]


def test_no_bad_value_gets_the_usage_block(tmp_path: Path, private_home: Path) -> None:
    for args in bad_values(str(tmp_path)):
        code, out, err = invoke(*args, home=private_home)
        assert out == "", args
        one_clean_line(code, err)


@pytest.mark.parametrize("args", [("assess", "--bogus"), ("frob",)])
def test_what_does_not_exist_keeps_clicks_usage_block(
    args: tuple[str, ...], private_home: Path
) -> None:
    code, _, err = invoke(*args, home=private_home)
    assert code == 2
    assert "Usage:" in err


def test_top_level_help_has_examples_and_no_cut_descriptions(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for args in [("--help",), ("history", "--help")]:
        code, out, _ = invoke(*args, home=private_home)
        assert code == 0
        assert "..." not in out.split("Commands:")[1], out
        assert "Examples:" in out
        assert all(len(line) <= 80 for line in out.splitlines()), out
    _, out, _ = invoke("--help", home=private_home)
    assert "footcheck assess --answers answers.json" in out
