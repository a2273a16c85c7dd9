"""Fuzzing the command line itself: whatever an answers file or a summary file holds, the
real entry point ends with exit code 0, 1 or 2, a plain message, in bounded time and
memory (docs/rules.md, "Exit codes": no traceback, whatever the input size or shape).

The in-process runs go through ``footcheck.cli.entry.main`` with ``sys.argv`` set, so the
same failure mapping, stream guards and signal handlers apply as for a user; a few runs in
a real process also bound peak memory.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from footcheck.cli.entry import main
from footcheck.instruments.registry import QUESTION_IDS
from footcheck.interrupts import STOP_SIGNALS
from tests.conftest import RETAIL_WORKER
from tests.helpers import edited, leaf_paths
from tests.processes import footcheck

GOLDEN = json.loads((Path(__file__).parents[1] / "golden" / "emergency.json").read_text())
SECONDS = 5.0
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

hostile_text = st.sampled_from(
    ["\x1b]0;PWNED\x07", "\x1b[2J", "\u202e", "[/bold]", "{message}", "\x00", "é", ""]
)
HUGE = "__huge__"
"""Written out as a number of 5,000 digits (past Python's limit on reading one)."""
numbers = st.one_of(
    st.integers(-(10**6), 10**6), st.just(HUGE), st.floats(allow_nan=True, allow_infinity=True)
)


def dumped(document: Any) -> bytes:
    return json.dumps(document).replace(f'"{HUGE}"', "1" + "0" * 5000).encode()


json_values = st.recursive(
    st.none() | st.booleans() | numbers | st.text(max_size=8) | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
deep = st.integers(0, 3000).flatmap(
    lambda n: st.sampled_from(["[" * n + "]" * n, '{"a":' * n + "1" + "}" * n, "[" * n])
)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


toml_lines = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(QUESTION_IDS),
            st.integers(1, 3000).map(lambda n: ".".join(["a"] * n)),  # dotted keys
            st.text("abc_-.\"' ", min_size=1, max_size=8),
        ),
        st.one_of(
            st.sampled_from(["true", "0x" + "f" * 5000, "1" + "0" * 5000, "inf", "'''x", "{"]),
            st.integers(-1000, 1000).map(str),
            st.sampled_from(sorted(str(v) for v in RETAIL_WORKER.values() if v is not None)),
            st.lists(st.sampled_from(['"feet"', '"knees"', "1", "[]"]), max_size=3).map(
                lambda items: "[" + ", ".join(items) + "]"
            ),
            deep,
        ),
    ),
    max_size=6,
).map(lambda pairs: "\n".join(f"{key} = {value}" for key, value in pairs))

answers_files = st.one_of(
    st.binary(max_size=300).map(lambda raw: (raw, ".json")),
    json_values.map(lambda doc: (dumped(doc), ".json")),
    st.dictionaries(st.sampled_from(QUESTION_IDS), json_values, max_size=8).map(
        lambda edits: (dumped({**RETAIL_WORKER, **edits}), ".json")
    ),
    deep.map(lambda text: (('{"age": ' + text + "}").encode(), ".json")),
    toml_lines.map(lambda text: (text.encode(), ".toml")),
    st.integers(1, 60_000).map(lambda n: (dumped({f"k{i}": 1 for i in range(n)}), ".json")),
)


def run_main(*args: str) -> tuple[int, str, str]:
    """``footcheck ARGS`` through the console entry, in this process."""
    out, err = io.StringIO(), io.StringIO()
    handlers = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    saved_argv, saved_stdin = sys.argv, sys.stdin
    sys.argv, sys.stdin = ["footcheck", *args], io.StringIO("")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
                code = 0
            except SystemExit as stop:
                code = int(stop.code or 0)
    finally:
        sys.argv, sys.stdin = saved_argv, saved_stdin
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    return code, out.getvalue(), err.getvalue()


def assert_handled(code: int, err: str, seconds: float) -> None:
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    assert "unexpected error" not in err, err
    assert seconds < SECONDS


@given(answers_files)
@FUZZ
@example((b'{"age": 0x10}', ".json"))
@example((("age = 0x" + "f" * 5000).encode(), ".toml"))
@example(((".".join(["a"] * 20_000) + " = 1").encode(), ".toml"))
def test_any_answers_file_through_the_command_line(
    private_home: Path, case: tuple[bytes, str]
) -> None:
    raw, suffix = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"answers{suffix}"
        path.write_bytes(raw)
        start = time.monotonic()
        code, _, err = run_main("assess", "--answers", str(path), "--no-input", "-f", "json")
        assert_handled(code, err, time.monotonic() - start)


summary_files = st.one_of(
    st.lists(
        st.tuples(st.sampled_from(leaf_paths(GOLDEN)), json_values), min_size=1, max_size=3
    ).map(lambda edits: dumped(edited(GOLDEN, edits))),
    st.binary(max_size=300),
    deep.map(lambda text: dumped({"x": "DEEP", **GOLDEN}).replace(b'"DEEP"', text.encode())),
)


@given(summary_files, st.sampled_from(["rich", "markdown", "html", "json", "fhir"]))
@FUZZ
@example(json.dumps(GOLDEN).encode(), "rich")
@example(json.dumps(edited(GOLDEN, [(("answers", "rf_bladder_bowel"), False)])).encode(), "html")
def test_any_summary_file_through_report(private_home: Path, raw: bytes, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "summary.json"
        path.write_bytes(raw)
        start = time.monotonic()
        code, out, err = run_main("report", str(path), "--format", fmt)
        assert_handled(code, err, time.monotonic() - start)
        if code == 0:
            assert "\x1b]0;" not in out and "\u202e" not in out


@given(st.sampled_from(["answers.toml", "answers.json", "summary.json"]), deep)
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_few_in_a_real_process_with_their_peak_memory(name: str, nested: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        key = ".".join(["a"] * 20_000)  # 40 KB of dotted key: was 1.6 GB
        text = f"{key} = {nested or 1}" if name.endswith(".toml") else f'{{"age": {nested}}}'
        path.write_text(text)
        command = ("report",) if name == "summary.json" else ("assess", "--answers")
        run = footcheck(*command, str(path), home=Path(folder) / "home")
        assert run.code in (0, 1, 2) and "Traceback" not in run.stderr, run.stderr
        assert run.seconds < SECONDS and run.peak_kib < 200 * 1024, (run.seconds, run.peak_kib)


@given(
    st.one_of(
        answers_files.map(lambda case: ("assess", *case)),
        summary_files.map(lambda raw: ("report", raw, ".json")),
    )
)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fuzzed_files_in_a_real_process_with_their_peak_memory(
    case: tuple[str, bytes, str],
) -> None:
    """The same fuzzed answers and summary files, a few in a real process: the exit code,
    the plain message, and bounded time and peak memory."""
    command, raw, suffix = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(raw)
        args = ("assess", "--answers", str(path), "--no-input") if command == "assess" else (
            "report", str(path))  # fmt: skip
        run = footcheck(*args, home=Path(folder) / "home")
        assert_handled(run.code, run.stderr, run.seconds)
        assert 0 < run.peak_kib < 200 * 1024, run.peak_kib
