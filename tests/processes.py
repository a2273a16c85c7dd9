"""Running footcheck as a real process: its real entry, streams, signals and limits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

MEASURED = """
import atexit, resource, sys

def peak():
    # VmHWM is this program's own peak; ru_maxrss would also count the parent's, as
    # Linux carries it over the exec that started this process.
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

atexit.register(lambda: print(f"MAXRSS {peak()}", file=sys.stderr))
sys.argv = ["footcheck", *sys.argv[1:]]
from footcheck.cli.entry import main
main()
"""
"""footcheck's console entry, reporting its peak memory (KiB on Linux) last on stderr."""


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_kib: int


def footcheck(
    *args: str,
    home: Path,
    cwd: Path | None = None,
    stdin: str | None = None,
    prefix: tuple[str, ...] = (),
    timeout: float = 60,
) -> Run:
    """``footcheck ARGS`` in a new process, through its console entry."""
    env = {**os.environ, "FOOTCHECK_HOME": str(home)}
    env.pop("FOOTCHECK_DEBUG", None)
    start = time.monotonic()
    result = subprocess.run(
        [*prefix, sys.executable, "-c", MEASURED, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=timeout,
    )
    seconds = time.monotonic() - start
    lines = result.stderr.splitlines()
    peak = int(lines[-1].split()[1]) if lines and lines[-1].startswith("MAXRSS ") else 0
    stderr = "\n".join(lines[:-1]) + "\n" if peak else result.stderr
    return Run(result.returncode, result.stdout, stderr, seconds, peak)


def assert_plain_failure(run: Run, code: int) -> None:
    """A failure footcheck explains: the exit code it documents, no traceback, no 'bug'."""
    assert run.code == code, run.stderr
    assert "Traceback" not in run.stderr
    assert "unexpected error" not in run.stderr
    assert "Exception ignored" not in run.stderr


def unprivileged() -> tuple[str, ...]:
    """A command prefix under which file permissions apply to the test's own user.

    root reads and writes anything, so a test of "permission denied" runs footcheck as root
    without the capabilities that bypass permissions (util-linux ``setpriv``); as any
    other user, permissions apply already.
    """
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner")
