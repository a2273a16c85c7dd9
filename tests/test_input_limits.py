"""Small inputs, bounded cost: a hostile answers or summary file is refused by name, in
little time and memory, with at most 50 problems listed (issue 13, items 4, 7, 14)."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footcheck.answers.model import MAX_SUGGESTIONS
from footcheck.answers.reading import MAX_INPUT_BYTES, MAX_KEY_PARTS, MAX_NESTING
from footcheck.cli.app import app
from footcheck.cli.failures import MAX_LISTED
from footcheck.instruments.registry import CATALOGUE
from tests.cli.context import invoke
from tests.conftest import RETAIL_WORKER
from tests.processes import assert_plain_failure, footcheck

runner = CliRunner()
GOLDEN = Path(__file__).parent / "golden"
SECONDS = 5.0
"""Far above a normal run (well under a second), far below what these inputs used to cost."""
PEAK_KIB = 200 * 1024
"""200 MiB: a normal run peaks near 40 MiB; the 40 KB TOML below took 1.6 GB."""


def assess(path: Path, home: Path) -> tuple[int, str]:
    code, _, err = invoke("assess", "--answers", str(path), "--no-input", home=home)
    return code, err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("dotted_40k.toml", ".".join(["a"] * 20_000) + " = 1\n"),  # 40 KB: took 1.6 GB, 7 s
        ("dotted_200k.toml", ".".join(["a"] * 100_000) + " = 1\n"),  # 200 KB: killed (OOM)
        ("header_200k.toml", "[" + ".".join(["a"] * 100_000) + "]\n"),
        ("quoted_keys.toml", ".".join(['"a"'] * 20_000) + " = 1\n"),
        ("inline_1000.toml", "age = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n"),
        ("arrays_1000.json", '{"age": ' + "[" * 1000 + "]" * 1000 + "}"),
        ("tables_1000.json", '{"age": ' + '{"a": ' * 1000 + "1" + "}" * 1000 + "}"),
    ],
)
def test_item4_hostile_structure_is_refused_quickly_in_little_memory(
    tmp_path: Path, private_home: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = footcheck("assess", "--answers", str(path), "--no-input", home=private_home)
    assert_plain_failure(run, 2)
    assert str(path) in run.stderr
    assert "nested too deeply" in run.stderr or "dotted key of more than" in run.stderr
    assert run.seconds < SECONDS and run.peak_kib < PEAK_KIB, (run.seconds, run.peak_kib)


def test_item4_limits_leave_room_for_every_real_file(tmp_path: Path, private_home: Path) -> None:
    """The largest summary is far below the size limit and its nesting below the depth
    limit; a dotted key of a few parts, valid TOML, is only an unknown id."""
    assert max(p.stat().st_size for p in GOLDEN.glob("*.json")) * 20 < MAX_INPUT_BYTES
    nested = {"a": [[[[[[1]]]]]]}
    assert MAX_NESTING > 10 and MAX_KEY_PARTS > 3
    path = tmp_path / "nested.json"
    path.write_text(json.dumps({**RETAIL_WORKER, "extra": nested}))
    code, err = assess(path, private_home)
    assert code == 2 and "extra: is not a question id" in err
    toml = tmp_path / "dotted.toml"
    toml.write_text("a.b.c = 1\n")
    code, err = assess(toml, private_home)
    assert code == 2 and "a: is not a question id" in err


def test_item4_a_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, private_home: Path
) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps({**RETAIL_WORKER, "notes": "x" * MAX_INPUT_BYTES}))
    code, err = assess(path, private_home)
    assert code == 2
    assert f"{path} is too large to be an answers file (more than 1 MB)" in err
    summary = tmp_path / "summary.json"
    summary.write_text(" " * MAX_INPUT_BYTES + (GOLDEN / "no_pain.json").read_text())
    result = runner.invoke(app, ["report", str(summary)])
    assert result.exit_code == 2
    assert "too large to be an exported summary" in result.stderr


@pytest.mark.parametrize(
    "line",
    [
        "[t{i}." + ".".join(["a"] * 30) + "]\n",  # 1 MB of these took 490 MB and 3.4 s
        "{i}." + ".".join("abcdefghijklmnopqrstuvwxyz01234") + " = 1\n",
        "k{i} = 1\n",
    ],
    ids=["table_headers", "dotted_keys", "keys"],
)
def test_item4_a_toml_file_of_many_tables_is_refused_in_little_memory(
    tmp_path: Path, private_home: Path, line: str
) -> None:
    """Each key or table costs the TOML parser hundreds of bytes of memory for each byte
    of the file: a TOML answers file is held to a lower size limit than JSON, and a file
    just under that limit still runs in bounded time and memory."""
    from footcheck.answers.reading import MAX_TOML_BYTES

    def lines(limit: int) -> str:
        text, i = "", 0
        while len(text) + len(line.format(i=i)) <= limit:
            text += line.format(i=i)
            i += 1
        return text

    too_big = tmp_path / "too_big.toml"
    too_big.write_text(lines(MAX_INPUT_BYTES))
    run = footcheck("assess", "--answers", str(too_big), "--no-input", home=private_home)
    assert_plain_failure(run, 2)
    assert f"{too_big} is too large to be an answers file in TOML (more than 128 KB)" in run.stderr
    assert run.seconds < SECONDS and run.peak_kib < PEAK_KIB, (run.seconds, run.peak_kib)
    just_under = tmp_path / "just_under.toml"
    just_under.write_text(lines(MAX_TOML_BYTES))
    run = footcheck("assess", "--answers", str(just_under), "--no-input", home=private_home)
    assert_plain_failure(run, 2)
    assert "is not a question id" in run.stderr
    assert run.seconds < SECONDS and run.peak_kib < PEAK_KIB, (run.seconds, run.peak_kib)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("command", ["assess", "report"])
def test_item4_dev_zero_is_read_only_up_to_the_limit(private_home: Path, command: str) -> None:
    args = ["assess", "--answers", "/dev/zero"] if command == "assess" else ["report", "/dev/zero"]
    run = footcheck(*args, home=private_home)
    assert_plain_failure(run, 2)
    assert "/dev/zero is too large" in run.stderr
    assert run.seconds < SECONDS and run.peak_kib < PEAK_KIB


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_item4_a_named_pipe_that_never_ends_is_read_only_up_to_the_limit(
    tmp_path: Path, private_home: Path
) -> None:
    pipe = tmp_path / "answers.json"
    os.mkfifo(pipe)

    def endless_writer() -> None:
        with open(pipe, "wb") as stream:
            try:
                while True:
                    stream.write(b"[" * 65536)
            except BrokenPipeError:
                pass  # the reader stopped: what should happen

    writer = threading.Thread(target=endless_writer, daemon=True)
    writer.start()
    run = footcheck("assess", "--answers", str(pipe), home=private_home, timeout=30)
    writer.join(10)
    assert_plain_failure(run, 2)
    assert "too large" in run.stderr and not writer.is_alive()


def test_item4_thousands_of_unknown_keys_list_50_and_count_the_rest(
    tmp_path: Path, private_home: Path
) -> None:
    """100k unknown keys took 7 s (a 'did you mean' each) and printed every one."""
    keys = {f"age{i}": 1 for i in range(80_000)}  # each a near miss of 'age'
    path = tmp_path / "many.json"
    path.write_text(json.dumps(keys, separators=(",", ":")))
    assert path.stat().st_size < MAX_INPUT_BYTES
    run = footcheck("assess", "--answers", str(path), "--no-input", home=private_home)
    assert_plain_failure(run, 2)
    lines = run.stderr.splitlines()
    assert lines[0] == f"footcheck: the answers in {path} have 80000 problems"
    assert len(lines) == 1 + MAX_LISTED + 1
    assert lines[-1] == f"  - and {80_000 - MAX_LISTED} more"
    assert run.seconds < SECONDS and run.peak_kib < PEAK_KIB, (run.seconds, run.peak_kib)


def test_item4_did_you_mean_only_for_the_first_unknown_ids(
    tmp_path: Path, private_home: Path
) -> None:
    from footcheck.answers.model import AnswersError, validate_answers

    keys = {f"agee{i:03}": 1 for i in range(MAX_SUGGESTIONS + 5)}
    with pytest.raises(AnswersError) as error:
        validate_answers(keys, partial=True)
    hinted = [p for p in error.value.problems if "did you mean" in p.message]
    assert len(hinted) == MAX_SUGGESTIONS
    assert len(error.value.problems) == MAX_SUGGESTIONS + 5


def test_item4_a_key_as_long_as_the_file_is_cut_short(tmp_path: Path, private_home: Path) -> None:
    path = tmp_path / "long.json"
    path.write_text(json.dumps({"x" * 900_000: 1}))
    code, err = assess(path, private_home)
    assert code == 2 and len(err) < 400 and "x" * 59 + "…: is not a question id" in err


def test_item4_50_problems_at_most_for_set_options_too() -> None:
    options = [part for i in range(60) for part in ("--set", f"nope{i}=1")]
    result = runner.invoke(app, ["assess", *options])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "  - and 10 more"


def test_item4_a_deeply_nested_summary_is_refused_by_name(tmp_path: Path) -> None:
    document = json.loads((GOLDEN / "no_pain.json").read_text())
    document["triage"]["reasons"] = "NEST"
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(document).replace('"NEST"', "[" * 5000 + "]" * 5000))
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 2
    assert f"{path} is nested too deeply to be an exported summary" in result.stderr


def test_item4_no_list_in_a_summary_is_longer_than_footcheck_writes() -> None:
    """The bound on a summary's lists is above anything footcheck writes: every question,
    warning sign, step and source at once."""
    from footcheck import evaluate
    from footcheck.instruments.red_flags.scoring import red_flag_questions
    from footcheck.instruments.registry import QUESTION_BY_ID
    from footcheck.scoring.contributors import RULES
    from footcheck.scoring.steps import STEPS
    from footcheck.sources import SOURCES
    from footcheck.summary import MAX_ITEMS
    from tests.helpers import answers

    assert max(len(QUESTION_BY_ID), len(RULES), len(STEPS), len(SOURCES)) <= MAX_ITEMS
    every_sign = evaluate(
        answers(back_pain=True, **{q.id: True for q in red_flag_questions(CATALOGUE)})
    )
    assert len(every_sign.triage.reasons) < MAX_ITEMS


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["triage"].update(reasons=[""] * 240_000),  # 720 KB: took 59 s, 420 MB
        lambda d: d.update(contributors=d["contributors"][:1] * 200),
        lambda d: d["contributors"][0].update(evidence=d["contributors"][0]["evidence"][:1] * 5000),
        lambda d: d.update(steps=d["steps"] * 100),
    ],
    ids=["reasons", "contributors", "evidence", "steps"],
)
def test_item4_a_summary_with_endless_lists_is_refused_by_name_quickly(
    tmp_path: Path, private_home: Path, edit: Any
) -> None:
    """A summary of a few hundred kilobytes with a list of thousands of entries was
    rendered entry by entry (a minute for the rich summary); footcheck never writes one."""
    from footcheck.summary import MAX_ITEMS

    document = json.loads((GOLDEN / "retail_worker.json").read_text())
    edit(document)
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(document, separators=(",", ":")))
    assert path.stat().st_size < MAX_INPUT_BYTES
    run = footcheck("report", str(path), home=private_home)
    assert_plain_failure(run, 2)
    assert f"{path} is not an exported footcheck summary" in run.stderr
    assert f"should have at most {MAX_ITEMS} items" in run.stderr
    assert run.seconds < SECONDS and run.peak_kib < PEAK_KIB, (run.seconds, run.peak_kib)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("hex.toml", "age = 0x" + "f" * 5000),  # read as an int past the 4300-digit limit
        ("hex_list.toml", "other_pain = [0x" + "f" * 5000 + "]"),
        ("digits.json", '{"age": 1' + "0" * 5000 + "}"),
        ("digits.toml", "age = 1" + "0" * 5000),
    ],
)
def test_item7_a_number_of_thousands_of_digits_in_a_file(
    tmp_path: Path, private_home: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    code, _, err = invoke("assess", "--answers", str(path), "--no-input", home=private_home)
    assert code == 2 and "Traceback" not in err
    assert "number too long" in err


@pytest.mark.parametrize("qid", ["age", "standing_hours", "fpi6_total", "other_pain"])
def test_item7_a_number_of_thousands_of_digits_in_set(private_home: Path, qid: str) -> None:
    code, _, err = invoke("assess", "--set", f"{qid}=" + "9" * 5000, home=private_home)
    assert code == 2 and "Traceback" not in err
    assert f"{qid}: '" + "9" * 29 + "…' is not allowed" in err


def test_item14_invalid_utf8_names_the_byte(tmp_path: Path, private_home: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(b'{"age": 42, "notes": "caf\xe9"}')
    code, err = assess(path, private_home)
    assert code == 2
    assert err.strip() == (
        f"footcheck: {path} is not a UTF-8 text file (byte 0xe9 at offset 25); save it as UTF-8"
    )
    path.write_bytes(b"\xef\xbb\xbf{\xff}")  # after a UTF-8 byte-order mark
    assert "(byte 0xff at offset 4)" in assess(path, private_home)[1]
    summary = tmp_path / "summary.json"
    summary.write_bytes(b"\xff" + (GOLDEN / "no_pain.json").read_bytes())
    result = runner.invoke(app, ["report", str(summary)])
    assert result.exit_code == 2 and "(byte 0xff at offset 0)" in result.stderr
