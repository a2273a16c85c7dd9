"""`footcheck assess` in scripted use: files, --set, formats, --output and every error path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from footcheck import evaluate
from tests.cli.context import invoke
from tests.conftest import RETAIL_WORKER


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """In this process, with a made-up context (the test's environment and history)."""
    home = Path(os.environ["FOOTCHECK_HOME"])
    return invoke(*args, home=home, stdin=stdin or "", environ=os.environ)


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, "footcheck 1.0.0")
    code, out, _ = run("--help")
    assert code == 0 and "assess" in out and "report" in out
    code, out, _ = run("assess", "--help")
    assert code == 0 and "--answers" in out and "--no-input" in out


HEAVY = (
    "pydantic",
    "rich",
    "sqlite3",
    "tomllib",
    "readline",
    "platformdirs",
    "footcheck.fhir",
    "footcheck.summary",
)
RUN_AND_LIST_LOADED = """
import sys
sys.argv = {argv!r}
from footcheck.cli.entry import main
try:
    main()
except SystemExit:
    pass
print(sorted(name for name in {heavy!r} if name in sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (
            ["assess", "--answers", "FILE", "--format", "json", "--no-save"],
            ["footcheck.summary", "pydantic"],
        ),
        (["--version"], []),
        (["assess", "--answers", "FILE", "--no-save"], ["footcheck.summary", "pydantic", "rich"]),
        (
            ["assess", "--answers", "FILE", "-f", "fhir", "--no-save"],
            ["footcheck.fhir", "footcheck.summary", "pydantic"],
        ),
    ],
)
def test_a_scripted_run_loads_only_what_it_uses(
    args: list[str], loaded: list[str], answers_file: Path
) -> None:
    argv = ["footcheck", *(str(answers_file) if arg == "FILE" else arg for arg in args)]
    program = RUN_AND_LIST_LOADED.format(argv=argv, heavy=HEAVY)
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip().splitlines()[-1] == repr(loaded)


def test_a_utf16_answers_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(json.dumps(RETAIL_WORKER).encode("utf-16"))
    code, _, err = run("assess", "--answers", str(path), "--no-input")
    assert code == 2
    assert (
        err.strip()
        == f"footcheck: {path} is not a UTF-8 text file (it is UTF-16); save it as UTF-8"
    )


def test_json_to_stdout_is_the_document_alone(answers_file: Path) -> None:
    code, out, err = run("assess", "--answers", str(answers_file), "--format", "json")
    assert code == 0, err
    exported = json.loads(out)
    expected = evaluate(RETAIL_WORKER).model_dump(mode="json")
    exported.pop("created_at"), expected.pop("created_at")
    assert exported == expected


def test_rich_default_when_piped_is_plain_text(answers_file: Path) -> None:
    code, out, _ = run("assess", "--answers", str(answers_file))
    assert code == 0
    assert out.splitlines()[0].startswith("footcheck summary, ")  # which one, and when
    assert out.splitlines()[2].startswith("│ See a GP or physiotherapist in the next week or two")
    assert "\x1b[" not in out
    assert "Likely contributors" in out and "What to do" in out


@pytest.mark.parametrize(
    ("fmt", "marker"), [("markdown", "# footcheck summary"), ("html", "<!DOCTYPE html>")]
)
def test_other_formats(answers_file: Path, fmt: str, marker: str) -> None:
    code, out, _ = run("assess", "--answers", str(answers_file), "--format", fmt)
    assert code == 0 and out.startswith(marker)


def test_toml_answers_and_set_override(tmp_path: Path) -> None:
    lines = []
    for key, value in RETAIL_WORKER.items():
        if value is not None:
            lines.append(f"{key} = {json.dumps(value)}")
    path = tmp_path / "answers.toml"
    path.write_text("\n".join(lines))
    code, out, err = run(
        "assess",
        "--answers",
        str(path),
        "--set",
        "lifting=often",
        "--set",
        "other_pain=feet;knees",
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["answers"]["lifting"] == "often"
    assert data["answers"]["other_pain"] == ["feet", "knees"]


def test_exported_summary_is_accepted_as_answers(answers_file: Path, tmp_path: Path) -> None:
    exported = tmp_path / "summary.json"
    run("assess", "--answers", str(answers_file), "-o", str(exported))
    code, out, _ = run("assess", "--answers", str(exported), "--format", "json")
    assert code == 0
    assert json.loads(out)["answers"] == json.loads(exported.read_text())["answers"]


def test_output_file_by_suffix_and_no_overwrite(answers_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    code, _, _ = run("assess", "--answers", str(answers_file), "-o", str(target))
    assert code == 0 and target.read_text().startswith("# footcheck summary")
    target.write_text("keep me")
    code, _, err = run("assess", "--answers", str(answers_file), "-o", str(target))
    assert code == 2 and "already exists" in err and "--force" in err
    assert target.read_text() == "keep me"
    code, _, _ = run("assess", "--answers", str(answers_file), "-o", str(target), "--force")
    assert code == 0 and target.read_text().startswith("# footcheck summary")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_format_flag_wins_over_suffix(answers_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    code, out, _ = run(
        "assess", "--answers", str(answers_file), "--format", "json", "-o", str(target)
    )
    assert code == 0
    assert json.loads(target.read_text())["schema_version"] == 2
    assert out == ""  # the document goes to the file instead of stdout (not a terminal)


def test_unknown_suffix_is_a_usage_error(answers_file: Path, tmp_path: Path) -> None:
    code, _, err = run("assess", "--answers", str(answers_file), "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "suffix" in err and ".json" in err


def test_output_into_missing_folder(answers_file: Path, tmp_path: Path) -> None:
    code, _, err = run(
        "assess", "--answers", str(answers_file), "-o", str(tmp_path / "nope" / "x.json")
    )
    assert code == 2 and "does not exist" in err


def test_missing_answers_without_terminal_lists_every_id(tmp_path: Path) -> None:
    code, out, err = run("assess", "--set", "age=40", "--set", "back_pain=no")
    assert code == 2 and out == ""
    assert "answers missing" in err
    assert "diabetes_feet: true or false" in err
    assert "pain_intensity" not in err  # does not apply without back pain
    assert "rf_bladder_bowel" not in err  # warning signs are asked only with back pain
    code, out, err = run("assess", "--set", "age=40", "--set", "back_pain=yes")
    assert "rf_bladder_bowel: true or false" in err
    code, _, err = run("assess", "--set", "age=40", "--no-input")
    assert code == 2 and "--no-input" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "must hold a table"),
        ('{"age": 200, "shoes": "red"}', "age: 200 is not allowed"),
        ('{"age": 200, "shoes": "red"}', "shoes: is not a question id"),
    ],
)
def test_bad_answer_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    code, out, err = run("assess", "--answers", str(path))
    assert code == 2 and out == ""
    assert message in err
    assert "Traceback" not in err


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("age = = 3")
    code, _, err = run("assess", "--answers", str(path))
    assert code == 2 and "not valid TOML" in err
    code, _, err = run("assess", "--answers", str(tmp_path / "none.json"))
    assert code == 2 and "does not exist" in err


def test_bad_set_options() -> None:
    code, _, err = run("assess", "--set", "age", "--set", "arch=flat", "--set", "age=x")
    assert code == 2
    assert "must look like ID=VALUE" in err
    assert "did you mean 'arch_standing'" in err
    assert "age: 'x' is not allowed" in err


def test_a_long_bad_value_is_cut_short_in_the_message() -> None:
    code, _, err = run("assess", "--set", "age=" + "9" * 5000)
    assert code == 2
    assert "age: '" + "9" * 29 + "…' is not allowed" in err
    assert len(err) < 400


def test_bad_flag_value_is_exit_2(answers_file: Path) -> None:
    code, _, err = run("assess", "--answers", str(answers_file), "--format", "pdf")
    assert code == 2 and "pdf" in err


def test_emergency_comes_first_in_every_format(answers_file: Path) -> None:
    for fmt in ("rich", "markdown", "html"):
        code, out, _ = run(
            "assess",
            "--answers",
            str(answers_file),
            "--set",
            "rf_saddle_numbness=yes",
            "--format",
            fmt,
        )
        assert code == 0
        first = out.find("EMERGENCY")
        assert 0 <= first < out.find("How your feet may connect"), fmt
        assert "Call your emergency number now" in out[: out.find("How your feet may connect")]


@pytest.mark.parametrize("fmt", ["rich", "json"])
def test_a_stream_that_cannot_show_unicode_does_not_crash(answers_file: Path, fmt: str) -> None:
    """PYTHONIOENCODING=ascii: characters it cannot show become '?', the run still works."""
    args = ["assess", "--answers", str(answers_file), "--no-save", "--format", fmt]
    result = subprocess.run(
        [sys.executable, "-m", "footcheck", *args],
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)["triage"]["level"] == "see_clinician"
    else:
        assert b"Likely contributors" in result.stdout
