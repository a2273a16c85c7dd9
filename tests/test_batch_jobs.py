"""`footcheck batch --jobs N`: worker processes, the same output, totals and errors as one
process (awkward files included), nothing left behind when stopped; and the public row
scorer on a local pool."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from footcheck.batch import CHUNK_ROWS, MAX_LINE_BYTES, score_jsonl_lines
from tests.cli.context import invoke
from tests.conftest import RETAIL_WORKER
from tests.helpers import NEUTRAL as NO_PAIN

CREATED_AT = re.compile(r'"created_at":"[^"]*"|,\d{4}-\d\d-\d\dT[\d:.]+Z,')
"""The one thing two runs write differently: when each row was scored."""


ROWS = 767
"""Rows of the test inputs: several chunks, and a last one partly filled."""
assert ROWS > 3 * CHUNK_ROWS and ROWS % CHUNK_ROWS


def without_times(text: str) -> str:
    return CREATED_AT.sub("", text)


def mixed_rows(count: int) -> list[str]:
    """Valid rows with record ids, and a bad row now and then, across several chunks."""
    rows = []
    for number in range(count):
        answers = RETAIL_WORKER if number % 3 else NO_PAIN
        row: dict[str, object] = {"record_id": f"p{number}", **answers}
        if number % 97 == 5:
            row["age"] = 5  # out of range: an error row in its place
        rows.append(json.dumps(row))
    rows.insert(400, "not json")
    return rows


def batch(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "footcheck", "batch", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "FOOTCHECK_HOME": str(cwd / "home"), **(env or {})},
        timeout=120,
    )


@pytest.fixture
def source(tmp_path: Path) -> Path:
    rows = mixed_rows(ROWS)
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_two_workers_write_what_one_process_writes(
    source: Path, private_home: Path, fmt: str
) -> None:
    one = invoke("batch", str(source), "--output-format", fmt, "--summary", home=private_home)
    two = invoke(
        "batch", str(source), "--output-format", fmt, "--summary", "--jobs", "2", home=private_home
    )
    assert one[0] == two[0] == 1  # bad rows: exit 1, the rest scored
    assert two[1] == one[1]  # the same clock: byte for byte
    assert two[2] == one[2]  # each bad row's line, in order, and the same totals
    bad = sum(number % 97 == 5 for number in range(ROWS)) + 1  # + "not json"
    assert f"errors {bad})" in one[2]
    lines = one[1].splitlines()
    assert len(lines) == ROWS + 1 + (fmt == "csv")  # one per row (+ the header)


def test_an_output_file_from_all_cores_is_the_same_file(
    source: Path, tmp_path: Path, private_home: Path
) -> None:
    one = invoke("batch", str(source), "-o", str(tmp_path / "one.jsonl"), home=private_home)
    every = invoke(
        "batch", str(source), "-o", str(tmp_path / "all.jsonl"), "--jobs", "0", home=private_home
    )
    assert (one[0], every[0]) == (1, 1)
    written = [(tmp_path / name).read_text() for name in ("one.jsonl", "all.jsonl")]
    assert written[0] == written[1]
    assert oct((tmp_path / "all.jsonl").stat().st_mode & 0o777) == "0o600"
    lines = (tmp_path / "all.jsonl").read_text().splitlines()
    records = [json.loads(line).get("record_id") for line in lines]
    assert records[:3] == ["p0", "p1", "p2"]  # in input order


@pytest.mark.parametrize("jobs", ["-1", "65"])
def test_a_number_of_jobs_out_of_range_is_refused(
    source: Path, private_home: Path, jobs: str
) -> None:
    code, out, err = invoke("batch", str(source), "--jobs", jobs, home=private_home)
    assert code == 2
    assert f"--jobs {jobs} is not allowed: give 1 to 64, or 0 for all cores" in err
    assert out == ""


def test_in_process_output_without_a_file_descriptor(source: Path) -> None:
    """In-process (Typer's test runner: a stdout without a file descriptor), two workers
    write what one process writes."""
    from typer.testing import CliRunner

    from footcheck.cli.app import app

    one = CliRunner().invoke(app, ["batch", str(source)])
    two = CliRunner().invoke(app, ["batch", str(source), "--jobs", "2"])
    assert (one.exit_code, two.exit_code) == (1, 1)
    assert without_times(two.stdout) == without_times(one.stdout)


STOP_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


@pytest.mark.parametrize("group", [False, True], ids=["main-process", "process-group"])
@pytest.mark.parametrize("signum", STOP_SIGNALS, ids=[s.name for s in STOP_SIGNALS])
def test_a_stopped_run_leaves_no_output_and_no_worker(
    tmp_path: Path, signum: signal.Signals, group: bool
) -> None:
    """Stopped while the workers score, sent to the main process alone (`kill`) or to its
    whole group (Ctrl-C in a terminal, a closed terminal): exit 130 at once, one line on
    stderr and no traceback from any worker, no temporary file, no worker left."""
    source = tmp_path / "in.jsonl"
    source.write_text((json.dumps(RETAIL_WORKER) + "\n") * 60_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "footcheck", "batch", str(source), "-o", "out.jsonl", "-j", "2"],
        cwd=tmp_path,
        env={**os.environ, "FOOTCHECK_HOME": str(tmp_path / "home")},
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own, as a terminal gives a command
        # a shell running tests in the background may ignore SIGINT; Ctrl-C does not
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not (
        any(p.stat().st_size for p in tmp_path.glob(".out.jsonl.*.tmp"))  # results written
        and len(running_with(str(source))) == 3  # forked workers share the command line
    ):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    if group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    try:
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:  # hung: leave no process behind the failed test
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert stderr.strip() == "cancelled, nothing saved"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    assert running_with(str(source)) == []


def running_with(argument: str) -> list[int]:
    """Processes whose command line holds ``argument`` (Linux: from /proc)."""
    if not Path("/proc/self/cmdline").exists():
        pytest.skip("no /proc to list processes with")
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:  # gone meanwhile
            continue
        if argument.encode() in words:
            found.append(int(cmdline.parent.name))
    return found


# --- the public row scorer, as the README's example uses it -------------------------------
def score_part(part: tuple[int, list[str]]) -> list[str]:
    first_line, lines = part
    return list(score_jsonl_lines(lines, first_line=first_line))


def test_the_row_scorer_on_a_local_pool_matches_batch(source: Path, tmp_path: Path) -> None:
    lines = source.read_text().splitlines()
    size = 500
    parts = [(start + 1, lines[start : start + size]) for start in range(0, len(lines), size)]
    with multiprocessing.Pool(2) as pool:
        scored = [line for part in pool.map(score_part, parts) for line in part]
    whole = batch(str(source), cwd=tmp_path)
    assert without_times("\n".join(scored) + "\n") == without_times(whole.stdout)
    assert json.loads(scored[400])["line"] == 401  # the bad line is named by its number


def awkward_jsonl(rows: int) -> bytes:
    """A UTF-8 mark, blank lines, a NUL byte, bad UTF-8, a line over the length limit and
    no newline at the end, across several chunks."""
    good = (json.dumps(RETAIL_WORKER) + "\n").encode()
    return b"".join(
        [
            b"\xef\xbb\xbf" + good,
            b"\n   \n",
            good * (rows // 2),
            b'{"age": 4\x000}\n',
            b'{"age": "\xff"}\n',
            b'{"age": "' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n',
            good * (rows // 2),
            good.rstrip(b"\n"),
        ]
    )


def test_an_awkward_jsonl_file_gives_what_one_process_gives(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(awkward_jsonl(ROWS))  # several chunks
    one = batch(str(source), "--summary", cwd=tmp_path)
    two = batch(str(source), "--summary", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert without_times(two.stdout) == without_times(one.stdout)
    assert two.stderr == one.stderr
    assert "errors 3)" in one.stderr  # the NUL, the bad UTF-8 and the long line
    errors = [json.loads(line) for line in one.stdout.splitlines() if '"errors"' in line]
    assert len(errors) == 3 and errors[0]["line"] > 3  # numbered as lines of the whole file


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{}\n".encode("utf-16"), "the input is UTF-16 text"),
        (
            (json.dumps(RETAIL_WORKER) + "\n").encode() * 1500 + b"\x00" * (MAX_LINE_BYTES + 5),
            "is binary, not text",
        ),
    ],
    ids=["utf-16", "binary-after-rows"],
)
def test_an_unreadable_file_stops_two_workers_where_it_stops_one(
    tmp_path: Path, content: bytes, message: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(content)
    one = batch(str(source), cwd=tmp_path)
    two = batch(str(source), "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 2
    assert message in one.stderr and two.stderr == one.stderr
    assert without_times(two.stdout) == without_times(one.stdout)  # the rows before it


def test_a_huge_file_of_nul_bytes_is_refused_as_fast_with_two_workers(tmp_path: Path) -> None:
    """Rows, then a terabyte of NUL bytes with no newline (a sparse file): one process
    refuses it after a megabyte, and so do two workers, without reading it through
    (minutes)."""
    source = tmp_path / "in.jsonl"
    source.write_text((json.dumps(RETAIL_WORKER) + "\n") * 10)
    try:
        os.truncate(source, 2**40)
    except OSError as error:  # a filesystem without files this large
        pytest.skip(f"no sparse terabyte here: {error}")
    started = time.monotonic()
    two = batch(str(source), "--jobs", "2", cwd=tmp_path)
    assert time.monotonic() - started < 20
    one = batch(str(source), cwd=tmp_path)
    assert one.returncode == two.returncode == 2
    assert "line 11 is binary, not text" in one.stderr and two.stderr == one.stderr
    assert without_times(two.stdout) == without_times(one.stdout)


@pytest.mark.parametrize(
    "shell",
    [
        "batch - --input-format jsonl < in.jsonl",
        "batch /dev/stdin --input-format jsonl < in.jsonl",
        "cat in.jsonl | batch - --input-format jsonl",
    ],
)
def test_standard_input_with_two_workers(source: Path, tmp_path: Path, shell: str) -> None:
    """A file behind standard input, or a pipe: as one process writes it."""
    one, two = with_one_process_and_two_workers(shell, tmp_path)
    assert one.returncode == two.returncode == 1
    assert without_times(two.stdout) == without_times(one.stdout)
    assert two.stderr == one.stderr


def with_one_process_and_two_workers(
    shell: str, cwd: Path
) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """A shell line with `batch` in it, run as it is and with `--jobs 2` added."""
    command = shell.replace("batch", f"'{sys.executable}' -m footcheck batch")
    one, two = (
        subprocess.run(
            command + jobs, shell=True, capture_output=True, text=True, cwd=cwd, timeout=120
        )
        for jobs in ("", " --jobs 2")
    )
    return one, two


@pytest.mark.parametrize(
    ("shell", "suffix"),
    [
        ("cat in.jsonl | batch - --input-format jsonl", ".jsonl"),
        ("batch in.csv", ".csv"),
    ],
)
def test_rows_read_by_the_main_process_are_scored_up_to_an_unreadable_line(
    tmp_path: Path, shell: str, suffix: str
) -> None:
    """A pipe or a CSV that turns binary after 300 rows: the 300 are written, with their
    stderr lines, then the run stops with one process's message."""
    rows = mixed_rows(300)[:300]
    if suffix == ".csv":
        header = ["record_id", *RETAIL_WORKER]
        lines = [",".join(header)] + [
            ",".join(str(json.loads(r).get(h, "")) for h in header)
            for r in rows
            if r.startswith("{")
        ]
    else:
        lines = rows
    (tmp_path / f"in{suffix}").write_bytes(
        "\n".join(lines).encode() + b"\n" + b"\x00" * (MAX_LINE_BYTES + 5)
    )
    one, two = with_one_process_and_two_workers(shell, tmp_path)
    assert one.returncode == two.returncode == 2
    assert "is binary, not text" in one.stderr
    assert two.stderr == one.stderr
    assert without_times(two.stdout) == without_times(one.stdout)
    assert len(one.stdout.splitlines()) >= 299
