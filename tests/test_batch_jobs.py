"""`footcheck batch --jobs N`: worker processes, the same output, totals and errors as one
process, nothing left behind when stopped; and the public row scorer on a local pool."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from itertools import accumulate, islice
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footcheck.batch import (
    MAX_LINE_BYTES,
    READ_CHUNK,
    Line,
    LineRange,
    input_lines,
    line_ranges,
    score_jsonl_lines,
    score_range,
)
from footcheck.cli.commands.batch import PART_BYTES, PART_ROWS, range_source
from footcheck.errors import InputFileError
from tests.conftest import RETAIL_WORKER
from tests.helpers import NEUTRAL as NO_PAIN

CREATED_AT = re.compile(r'"created_at":"[^"]*"|,\d{4}-\d\d-\d\dT[\d:.]+Z,')
"""The one thing two runs write differently: when each row was scored."""


def without_times(text: str) -> str:
    return CREATED_AT.sub("", text)


def mixed_rows(count: int) -> list[str]:
    """Valid rows with record ids, and a bad row now and then, across several parts."""
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
    rows = mixed_rows(3 * PART_ROWS + 17)
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_two_workers_write_what_one_process_writes(source: Path, tmp_path: Path, fmt: str) -> None:
    one = batch(str(source), "--output-format", fmt, "--summary", cwd=tmp_path)
    two = batch(str(source), "--output-format", fmt, "--summary", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1  # bad rows: exit 1, the rest scored
    assert without_times(two.stdout) == without_times(one.stdout)
    assert two.stderr == one.stderr  # each bad row's line, in order, and the same totals
    bad = sum(number % 97 == 5 for number in range(3 * PART_ROWS + 17)) + 1  # + "not json"
    assert f"errors {bad})" in one.stderr
    lines = one.stdout.splitlines()
    assert len(lines) == 3 * PART_ROWS + 18 + (fmt == "csv")  # one per row (+ the header)


def test_an_output_file_from_all_cores_is_the_same_file(source: Path, tmp_path: Path) -> None:
    one = batch(str(source), "-o", "one.jsonl", cwd=tmp_path)
    every = batch(str(source), "-o", "all.jsonl", "--jobs", "0", cwd=tmp_path)
    assert (one.returncode, every.returncode) == (1, 1)
    written = [without_times((tmp_path / name).read_text()) for name in ("one.jsonl", "all.jsonl")]
    assert written[0] == written[1]
    assert oct((tmp_path / "all.jsonl").stat().st_mode & 0o777) == "0o600"
    lines = (tmp_path / "all.jsonl").read_text().splitlines()
    records = [json.loads(line).get("record_id") for line in lines]
    assert records[:3] == ["p0", "p1", "p2"]  # in input order


@pytest.mark.parametrize("jobs", ["-1", "65"])
def test_a_number_of_jobs_out_of_range_is_refused(source: Path, tmp_path: Path, jobs: str) -> None:
    result = batch(str(source), "--jobs", jobs, cwd=tmp_path)
    assert result.returncode == 2
    assert f"--jobs {jobs} is not allowed: give 1 to 64, or 0 for all cores" in result.stderr
    assert result.stdout == ""


def test_in_process_output_without_a_file_descriptor(source: Path) -> None:
    """Typer's test runner gives stdout no file descriptor: the parts are copied instead."""
    from typer.testing import CliRunner

    from footcheck.cli.app import app

    one = CliRunner().invoke(app, ["batch", str(source)])
    two = CliRunner().invoke(app, ["batch", str(source), "--jobs", "2"])
    assert (one.exit_code, two.exit_code) == (1, 1)
    assert without_times(two.stdout) == without_times(one.stdout)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stopped_run_leaves_no_output_no_part_and_no_worker(tmp_path: Path, signum: int) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text((json.dumps(RETAIL_WORKER) + "\n") * 60_000)
    scratch = tmp_path / "scratch"  # where the workers' parts go
    scratch.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "footcheck", "batch", str(source), "-o", "out.jsonl", "-j", "2"],
        cwd=tmp_path,
        env={**os.environ, "FOOTCHECK_HOME": str(tmp_path / "home"), "TMPDIR": str(scratch)},
        stderr=subprocess.PIPE,
        text=True,
        # a shell running tests in the background may ignore SIGINT; Ctrl-C does not
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not any(scratch.glob("*/part-*")):  # the workers are writing
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip() == "cancelled, nothing saved"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "scratch"]
    assert list(scratch.iterdir()) == []
    # Forked workers carry the same command line; once the run has ended none is left.
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


# --- JSONL files: each worker reads its own range of lines --------------------------------
LINES = st.lists(
    st.one_of(
        st.binary(max_size=40).map(lambda raw: raw.replace(b"\n", b"")),
        st.sampled_from([b"", b"\xef\xbb\xbf{}", b"\xff\xfe", b"{\x00}", b" "]),
    ),
    max_size=30,
)


@given(LINES, st.booleans(), st.integers(1, 120), st.integers(1, 50), st.integers(1, 200))
@settings(max_examples=300, deadline=None)
def test_line_ranges_cut_a_file_into_whole_lines_read_as_the_whole_is(
    lines: list[bytes], final_newline: bool, part_bytes: int, chunk_bytes: int, line_limit: int
) -> None:
    """The ranges cover the file end to end, each ends at a newline (the last perhaps at
    the end of the file, or it is the rest of the file after an overlong line), and read
    range by range the lines are those of the whole file, numbered alike, whatever the
    part, read and line sizes."""
    content = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    ranges = list(line_ranges(io.BytesIO(content), part_bytes, None, chunk_bytes, line_limit))
    if not content:
        assert ranges == []
        return
    cut, last = ranges[:-1], ranges[-1]
    assert [r.offset for r in ranges] == [0, *(r.offset + (r.size or 0) for r in cut)]
    for part in cut:
        assert part.size is not None and part.lines is not None
        assert part.size >= part_bytes
        assert content[part.offset + part.size - 1] == ord("\n")
    assert [r.first_line for r in ranges] == list(
        accumulate((r.lines or 0 for r in cut), initial=1)
    )
    for part in ranges:
        if part.size is not None:
            text = content[part.offset : part.offset + part.size]
            assert part.lines == text.count(b"\n") + (not text.endswith(b"\n"))
    if last.size is None:  # an overlong line: the rest is read as one process reads it
        assert max(len(line) for line in content[last.offset :].split(b"\n")) > line_limit
    else:
        assert last.offset + last.size == len(content)
    try:
        whole = list(input_lines(io.BytesIO(content), None))
    except InputFileError:  # UTF-16: the first range's worker stops the run as one would
        return
    read: list[Line] = []
    for part in ranges:
        stream = io.BytesIO(content)
        stream.seek(part.offset)
        numbered = input_lines(stream, None, part.first_line)
        read += numbered if part.lines is None else islice(numbered, part.lines)
        assert stream.tell() == part.offset + (part.size or len(content) - part.offset)
    assert read == whole


def awkward_jsonl(rows: int) -> bytes:
    """A UTF-8 mark, blank lines, a NUL byte, bad UTF-8, a line over the length limit and
    no newline at the end, across several parts."""
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


def test_a_jsonl_file_cut_into_ranges_gives_what_one_process_gives(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(awkward_jsonl(3 * PART_BYTES // len(json.dumps(RETAIL_WORKER))))
    with source.open("rb") as stream:
        assert len(list(line_ranges(stream, PART_BYTES))) >= 4  # several parts
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
    """Rows, then a terabyte of NUL bytes with no newline to cut at (a sparse file): one
    process refuses it after a megabyte, and so do two workers, without reading it
    through (minutes)."""
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
    """A file behind standard input is cut into ranges, a pipe is read by this process;
    both as one process writes it."""
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
    ("shell", "cut"),
    [
        ("< in.jsonl", True),
        ("- < in.jsonl", True),
        ("/dev/stdin < in.jsonl", True),
        ("- < /dev/null", False),  # a device
        ("/dev/stdin", False),  # a pipe (below)
    ],
)
def test_which_inputs_the_workers_read_themselves(tmp_path: Path, shell: str, cut: bool) -> None:
    (tmp_path / "in.jsonl").write_text("{}\n")
    code = (
        "import sys; from pathlib import Path\n"
        "from footcheck.cli.commands.batch import range_source\n"
        "name = sys.argv[1] if len(sys.argv) > 1 else '-'\n"
        "stream = sys.stdin.buffer if name == '-' else open(name, 'rb')\n"
        "print(range_source(None if name == '-' else Path(name), stream) is not None)"
    )
    args = shell.split(" <")[0].strip() if not shell.startswith("<") else ""
    redirect = shell[shell.index("<") :] if "<" in shell else ""
    pipe = "" if redirect else "echo '{}' | "
    command = f"{pipe}'{sys.executable}' -c \"{code}\" {args} {redirect}"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.strip() == str(cut), result.stderr


def test_a_jsonl_file_is_never_read_row_by_row_by_the_main_process(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With workers, the main process of a JSONL file only cuts it: its row reader is not
    used at all (here it would fail the run)."""
    from typer.testing import CliRunner

    import footcheck.cli.commands.batch as batch_command
    from footcheck.cli.app import app

    one = CliRunner().invoke(app, ["batch", str(source)])

    def unread(*args: object) -> Iterator[object]:
        raise AssertionError("the main process read rows")
        yield  # a generator, as read_rows returns one

    monkeypatch.setattr(batch_command, "read_rows", unread)
    two = CliRunner().invoke(app, ["batch", str(source), "--jobs", "2"])
    assert (one.exit_code, two.exit_code) == (1, 1)
    assert without_times(two.stdout) == without_times(one.stdout)


def test_a_renamed_or_replaced_input_is_still_read_from_the_file_opened(tmp_path: Path) -> None:
    """A worker opens the main process's own descriptor: a rename, or a FIFO put in the
    file's place, changes nothing (a FIFO opened by name would wait for ever)."""
    source = tmp_path / "in.jsonl"
    source.write_text((json.dumps(RETAIL_WORKER) + "\n") * 3)
    with source.open("rb") as stream:
        shared = range_source(source, stream)
        assert shared is not None and shared.name == str(source)
        source.rename(tmp_path / "moved.jsonl")
        os.mkfifo(source)
        part = next(line_ranges(stream, PART_BYTES))
        scored = score_range(shared, part, "record_id", "jsonl", str(tmp_path / "part"))
    assert scored.totals.rows == 3 and scored.failure is None
    # Where there is no such descriptor, by name: another file there is refused at once.
    by_name = shared._replace(path=str(source))
    refused = score_range(by_name, part, "record_id", "jsonl", str(tmp_path / "part-2"))
    assert refused.failure == (f"{source} was replaced while it was being read", [])


def test_after_a_long_line_that_is_text_the_file_is_still_cut(tmp_path: Path) -> None:
    """One process skips an overlong line of text and reads on; so does the cutting, so
    the rest is still shared between the workers (and never held as one part)."""
    row = (json.dumps(RETAIL_WORKER) + "\n").encode()
    content = row * 10 + b"x" * (MAX_LINE_BYTES + 5) + b"\n" + row * 2000
    ranges = list(line_ranges(io.BytesIO(content), PART_BYTES))
    assert len(ranges) > 5
    assert all(part.lines is not None for part in ranges)
    assert sum(part.lines or 0 for part in ranges) == 2011
    # NUL bytes past the first chunk read: one process refuses the input there, and the
    # rest is one range, whose worker refuses it after the same megabyte.
    binary = row * 10 + b"\x00" * (MAX_LINE_BYTES + 2 * READ_CHUNK) + b"\n" + row * 2000
    assert list(line_ranges(io.BytesIO(binary), PART_BYTES)) == [LineRange(0, None, 1, None)]


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


def test_a_file_the_workers_may_not_open_is_read_by_the_main_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening ``/proc/<pid>/fd/<n>`` checks permissions again, which the file behind a
    redirected standard input need not grant: then the main process reads the rows."""
    source = tmp_path / "in.jsonl"
    source.write_text("{}\n")
    real_open = os.open
    refused: list[str] = []

    def refusing(path: str, flags: int, *args: int) -> int:
        if path.startswith("/proc/") or path == os.path.realpath(source):
            refused.append(path)
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    with source.open("rb") as stream:
        monkeypatch.setattr(os, "open", refusing)
        assert range_source(source, stream) is None
        assert len(refused) == 2
        monkeypatch.setattr(os, "open", real_open)
        shared = range_source(source, stream)
    assert shared is not None and shared.path.startswith("/proc/")


def test_the_workers_are_forked_before_write_behind_starts(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process with a thread running is not forked (the thread's locks would be copied
    held); write-behind starts once the workers exist."""
    from typer.testing import CliRunner

    from footcheck.cli.app import app

    threads_at_fork: list[list[str]] = []
    real_pool = multiprocessing.Pool

    def pool(*args: Any, **kwargs: Any) -> Any:
        threads_at_fork.append([t.name for t in threading.enumerate()])
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(multiprocessing, "Pool", pool)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(source), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1  # the fixture's bad rows
    assert len(threads_at_fork) == 1
    assert "footcheck-write-behind" not in threads_at_fork[0]
    assert out.read_text().count("\n") == 3 * PART_ROWS + 18
