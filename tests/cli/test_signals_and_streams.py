"""The process edges: stop signals mid-write, and standard streams that are closed, full or
gone (issue 13, items 6 and 7). Each runs footcheck as a real process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RETAIL_WORKER
from tests.processes import assert_plain_failure, footcheck

SLOW_WRITE = """
import os, sys, time
real_fsync = os.fsync
def slow_fsync(fd):
    # The temporary file is complete and about to be linked into place: the moment a
    # stop signal must still leave nothing behind.
    print("WRITING", file=sys.stderr, flush=True)
    time.sleep(60)
    real_fsync(fd)
os.fsync = slow_fsync
sys.argv = ["footcheck", *sys.argv[1:]]
from footcheck.cli.entry import main
main()
"""


def stopped_mid_write(args: list[str], home: Path, signum: int) -> tuple[int, str]:
    """Run footcheck, send ``signum`` while its --output file is being written."""
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "FOOTCHECK_HOME": str(home)},
    )
    assert child.stderr is not None
    assert child.stderr.readline() == "WRITING\n"
    child.send_signal(signum)
    rest = child.stderr.read()
    return child.wait(30), rest


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_item6_a_stop_signal_mid_write_leaves_no_file_and_no_temporary(
    tmp_path: Path, private_home: Path, answers_file: Path, signum: int
) -> None:
    out = tmp_path / "out" / "summary.json"
    out.parent.mkdir()
    code, err = stopped_mid_write(
        ["assess", "--answers", str(answers_file), "-o", str(out)], private_home, signum
    )
    assert code == 130
    assert err.strip() == "cancelled, nothing saved"
    assert list(out.parent.iterdir()) == []  # no .summary.json.XXXX.tmp full of answers


def test_item6_sigterm_during_a_history_export_removes_its_temporary_file(
    tmp_path: Path, private_home: Path, answers_file: Path
) -> None:
    saved = footcheck("assess", "--answers", str(answers_file), "-f", "json", "--save",
                      home=private_home)  # fmt: skip
    assert saved.code == 0, saved.stderr
    out = tmp_path / "out" / "all.jsonl"
    out.parent.mkdir()
    code, err = stopped_mid_write(["history", "export", "-o", str(out)], private_home,
                                  signal.SIGTERM)  # fmt: skip
    assert (code, err.strip()) == (130, "cancelled, nothing saved")
    assert list(out.parent.iterdir()) == []


def test_item6_an_ignored_sighup_stays_ignored(private_home: Path, answers_file: Path) -> None:
    """Under `nohup` (SIGHUP ignored), footcheck does not start listening to it."""
    program = (
        "import signal, sys; signal.signal(signal.SIGHUP, signal.SIG_IGN); "
        "from footcheck.interrupts import stop_on_signals; stop_on_signals(); "
        "print(signal.getsignal(signal.SIGHUP) == signal.SIG_IGN, "
        "signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN))"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.stdout.split() == ["True", "True"]


def shell(command: str, home: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """footcheck under /bin/sh, for redirections Python cannot spell (`>&-`, `<&-`)."""
    return subprocess.run(
        ["/bin/sh", "-c", command.replace("footcheck", f"'{sys.executable}' -m footcheck")],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "FOOTCHECK_HOME": str(home)},
        timeout=60,
    )


def plain(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    for bad in ("Traceback", "unexpected error", "Exception ignored"):
        assert bad not in result.stderr
    return result.stderr


@pytest.mark.parametrize(
    "command",
    [
        "footcheck questions >&-",
        "footcheck assess --answers answers.json --format json >&-",
        "footcheck history list >&-",
        "footcheck --version >&-",
    ],
)
def test_item7_a_closed_stdout_is_a_plain_error(
    command: str, tmp_path: Path, private_home: Path
) -> None:
    (tmp_path / "answers.json").write_text(json.dumps(RETAIL_WORKER))
    err = plain(shell(command, private_home, tmp_path), 1)
    assert err.strip().endswith("footcheck: cannot write to standard output: it is closed")


def test_item7_with_stdout_closed_an_output_file_is_still_written_and_only_it(
    tmp_path: Path, private_home: Path
) -> None:
    """The file must not land on descriptor 1 (the next free number) by accident."""
    (tmp_path / "answers.json").write_text(json.dumps(RETAIL_WORKER))
    command = "footcheck assess --answers answers.json -o out.json >&-"
    plain(shell(command, private_home, tmp_path), 0)
    assert json.loads((tmp_path / "out.json").read_text())["schema_version"] == 2


def test_item7_a_closed_stdin_is_no_terminal(tmp_path: Path, private_home: Path) -> None:
    (tmp_path / "answers.json").write_text(json.dumps(RETAIL_WORKER))
    err = plain(shell("footcheck assess <&-", private_home, tmp_path), 2)
    assert "answers missing and there is no terminal to ask in" in err
    done = shell("footcheck assess --answers answers.json -f json <&-", private_home, tmp_path)
    plain(done, 0)
    assert json.loads(done.stdout)["triage"]["level"] == "see_clinician"
    deleting = shell("footcheck history delete --all <&-", private_home, tmp_path)
    assert "without --yes when not in a terminal" in plain(deleting, 2)


def test_item7_a_closed_stderr_does_not_put_messages_on_stdout(
    tmp_path: Path, private_home: Path
) -> None:
    result = shell("footcheck assess --set age=x 2>&-", private_home, tmp_path)
    assert (result.returncode, result.stdout) == (2, "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "command",
    [
        ["assess", "--answers", "ANSWERS", "--format", "json"],
        ["assess", "--answers", "ANSWERS"],
        ["questions"],
        ["sources"],  # click probes the stream first, and would hide the failure
        ["history", "export"],
        ["--help"],
    ],
)
def test_item7_a_full_disk_on_stdout_is_a_plain_exit_1(
    command: list[str], private_home: Path, answers_file: Path
) -> None:
    footcheck("assess", "--answers", str(answers_file), "-f", "json", "--save",
              home=private_home)  # fmt: skip
    args = [str(answers_file) if part == "ANSWERS" else part for part in command]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "footcheck", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "FOOTCHECK_HOME": str(private_home)},
        )
    err = plain(result, 1)  # type: ignore[arg-type]
    assert err.strip() == "footcheck: cannot write to standard output: No space left on device"


def test_item1_and_7_a_closed_pipe_ends_quietly(private_home: Path, answers_file: Path) -> None:
    """`footcheck history export | head -1` printed a traceback from the database cursor."""
    from footcheck import evaluate
    from footcheck.store.history import HistoryStore

    with HistoryStore() as store:
        for _ in range(40):  # far more than a pipe holds
            store.save(evaluate(RETAIL_WORKER))
    for args in (["history", "export"], ["questions", "--format", "json"], ["schema"]):
        child = subprocess.Popen(
            [sys.executable, "-m", "footcheck", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "FOOTCHECK_HOME": str(private_home)},
        )
        assert child.stdout is not None and child.stderr is not None
        child.stdout.readline()
        child.stdout.close()  # `head -1` has what it wanted
        err = child.stderr.read().decode()
        assert child.wait(30) in (0, 1)  # 0 if it had finished writing before the close
        assert err == ""


def test_item7_the_run_reports_its_own_failures_not_a_bug(
    private_home: Path, answers_file: Path
) -> None:
    run = footcheck("assess", "--answers", str(answers_file), "-f", "json", home=private_home)
    assert run.code == 0 and json.loads(run.stdout)["schema_version"] == 2
    assert_plain_failure(footcheck("report", "/", home=private_home), 2)
