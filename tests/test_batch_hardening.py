"""Batch against hostile input and plumbing: its own output as input, a closed pipe,
bytes that are not UTF-8, a line of megabytes, a binary file, and fuzzed inputs through
the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from footcheck.batch import MAX_LINE_BYTES
from tests.cli.context import invoke
from tests.conftest import RETAIL_WORKER

ROW = json.dumps(RETAIL_WORKER)


def footcheck(
    *args: str, shell_tail: str = "", cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    command = " ".join([f"'{sys.executable}'", "-m", "footcheck", *(f"'{a}'" for a in args)])
    return subprocess.run(
        f"{command} {shell_tail}",
        shell=True,
        capture_output=True,
        input=stdin,
        cwd=cwd,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=60,
    )


def test_results_appended_to_the_input_are_refused(tmp_path: Path) -> None:
    """Issue 13, item 5: `batch in.jsonl >> in.jsonl` read its own output until the disk
    filled."""
    source = tmp_path / "in.jsonl"
    source.write_text(ROW + "\n")
    result = footcheck("batch", str(source), shell_tail=f">> '{source}'")
    assert result.returncode == 2
    assert b"standard output is the input file" in result.stderr
    assert source.read_text() == ROW + "\n"
    piped = footcheck(
        "batch", "-", "--input-format", "jsonl", shell_tail=f"< '{source}' >> '{source}'"
    )
    assert piped.returncode == 2
    assert source.read_text() == ROW + "\n"


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """Issue 13, item 13: `batch … | head -1` said "batch failed: Broken pipe"."""
    source = tmp_path / "in.jsonl"
    source.write_text((ROW + "\n") * 2000)
    result = subprocess.run(
        f"'{sys.executable}' -m footcheck batch '{source}' | head -c 10 > /dev/null; "
        "echo ${PIPESTATUS[0]} >&2",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        timeout=60,
    )
    assert result.stderr.decode().strip() in ("0", "1")  # quiet: no message, no traceback


def test_invalid_utf8_is_that_rows_error_and_the_rest_are_scored(
    tmp_path: Path, private_home: Path
) -> None:
    """Issue 13, item 14: invalid UTF-8 was replaced and the row could be scored."""
    source = tmp_path / "in.jsonl"
    latin1 = json.dumps({**RETAIL_WORKER, "age": 34}).replace("34", "34") + "\n"
    source.write_bytes(ROW.encode() + b"\n" + b'{"age": "\xe9"}\n' + latin1.encode())
    code, out, _ = invoke("batch", str(source), home=private_home)
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["schema_version"] == 2 and lines[2]["schema_version"] == 2
    assert lines[1]["line"] == 2
    assert "not UTF-8 text" in lines[1]["errors"][0]["message"]


def test_invalid_utf8_in_a_csv_row(tmp_path: Path, private_home: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"age,back_pain\n40,no\n\xff\xfe,no\n")
    code, out, _ = invoke("batch", str(source), home=private_home)
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line.get("line") for line in lines[1:]] == [3]
    assert "not UTF-8 text" in lines[1]["errors"][0]["message"]


def test_a_line_of_megabytes_is_one_error_row_read_in_bounded_memory(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    with source.open("w") as stream:
        stream.write(ROW + "\n")
        stream.write('{"age": "' + "x" * (MAX_LINE_BYTES * 30) + '"}\n')
        stream.write(ROW + "\n")
    # VmHWM is this process's own peak; ru_maxrss would also count the memory of the
    # process that started it (a test run grown to hundreds of MB) from before the exec.
    code = (
        "import sys; sys.argv = ['footcheck', 'batch', sys.argv[1]];"
        "import footcheck.cli.entry as e\n"
        "try:\n    e.main()\n"
        "except SystemExit as s:\n"
        "    peak = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "    print(peak.split()[1], s.code, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(source)], capture_output=True, timeout=60
    )
    peak_kib, exit_code = result.stderr.decode().split()[-2:]
    assert exit_code == "1"
    assert int(peak_kib) < 150 * 1024  # the 30 MB line is never held
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("line") for line in lines] == [None, 2, None]
    assert "longer than" in lines[1]["errors"][0]["message"]


def test_a_binary_file_is_refused_at_once(private_home: Path) -> None:
    started = time.monotonic()
    code, _, err = invoke("batch", "/dev/zero", "--input-format", "csv", home=private_home)
    assert time.monotonic() - started < 30
    assert code == 2
    assert "not a text file" in err


def test_a_nul_byte_in_one_row_is_that_rows_error(tmp_path: Path, private_home: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(ROW.encode() + b"\n" + b'{"age": 4\x000}\n' + ROW.encode() + b"\n")
    code, out, _ = invoke("batch", str(source), home=private_home)
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line.get("line") for line in lines] == [None, 2, None]


CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["yes", "no", "none", "feet;knees", "12", "-3", "4_2", "\x1b[2J", "\u202e"]),
)


@given(
    st.lists(
        st.one_of(
            st.binary(max_size=60),
            st.lists(CELLS, min_size=1, max_size=6).map(lambda cells: ",".join(cells).encode()),
            st.dictionaries(
                st.sampled_from([*RETAIL_WORKER, "record_id", "x"]), CELLS, max_size=5
            ).map(lambda d: json.dumps(d).encode()),
        ),
        max_size=6,
    ),
    st.sampled_from(["jsonl", "csv"]),
)
@settings(max_examples=20, deadline=None)
def test_fuzzed_inputs_through_the_command_line(rows: list[bytes], fmt: str) -> None:
    """Exit 0, 1 or 2; never a traceback or an "unexpected error"; bounded time and peak
    memory (measured in the real process)."""
    import tempfile

    from tests.processes import footcheck as measured

    header = b"age,back_pain,record_id\n" if fmt == "csv" else b""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "input"
        source.write_bytes(header + b"\n".join(rows) + b"\n")
        run = measured("batch", str(source), "--input-format", fmt, home=Path(folder) / "home")
    assert run.code in (0, 1, 2), run.stderr
    assert "Traceback" not in run.stderr
    assert "unexpected error" not in run.stderr
    assert run.seconds < 10 and 0 < run.peak_kib < 200 * 1024, (run.seconds, run.peak_kib)


def test_a_header_of_ninety_thousand_unknown_columns_is_refused_quickly(
    tmp_path: Path, private_home: Path
) -> None:
    """Each repeated column was counted over the whole header (quadratic: 85 s for 90,000
    columns) and every unknown one got a "did you mean" search."""
    source = tmp_path / "wide.csv"
    source.write_text(",".join(f"col{i}" for i in range(90_000)) + ",age,age\n40,40\n")
    started = time.monotonic()
    code, _, err = invoke("batch", str(source), home=private_home)
    assert time.monotonic() - started < 10
    assert code == 2
    assert "and 89951 more" in err
