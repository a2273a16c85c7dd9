"""Batch budget: the row path against validating alone, both cores, flat memory.

Run: python benchmarks/batch.py [--rows 40000] [--rounds 3]

1. Row path: the batch engine (``footcheck.batch.score_batch``, in-process: the same
   reader, scorer and writer as the command) over N varied JSONL rows, writing to a
   buffered text stream on /dev/null, against the reference: reading the same lines,
   validating each with the same ``Answers`` model and writing it back as JSON. Budget:
   within 3.5x the reference. Rounds alternate them; the ratio is the median of the
   per-round ratios.
2. Both cores: the `footcheck batch` command on the same rows with `--jobs 2` against
   `--jobs 1`, alternated, output to a file. Budget: at least 1.5x faster.
3. Memory: peak RSS of a `footcheck batch` process on 50,000 rows vs 5,000 rows, with one
   process and with two workers. Budget: within 15 MiB.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from footcheck.answers.model import validate_answers  # noqa: E402
from footcheck.batch import score_batch  # noqa: E402
from footcheck.checklist.question import Question  # noqa: E402
from footcheck.instruments.registry import QUESTIONS  # noqa: E402

ROW_PATH_BUDGET = 3.5
JOBS_BUDGET = 1.5
MEMORY_BUDGET_MIB = 15
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}
"""The command run as a subprocess is this checkout's, whatever is installed."""


def random_value(question: Question, rng: random.Random) -> object:
    if question.kind == "boolean":
        return rng.random() < 0.5
    if question.kind == "integer":
        return rng.randint(int(question.minimum or 0), int(question.maximum or 0))
    if question.kind == "number":
        return rng.randint(0, 24) / 2
    if question.kind == "choice":
        return rng.choice(question.values)
    return rng.sample(question.values, rng.randint(0, len(question.values)))


def make_rows(count: int, seed: int = 7) -> list[str]:
    """Varied, valid answer sets drawn from the catalogue (every row different)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        answers: dict[str, object] = {}
        for question in QUESTIONS:
            if question.applies(answers):
                answers[question.id] = random_value(question, rng)
        answers["fpi6_total"] = None if rng.random() < 0.8 else answers["fpi6_total"]
        rows.append(json.dumps(answers))
    return rows


def write_jsonl(path: Path, rows: list[str]) -> None:
    path.write_text("\n".join(rows) + "\n")


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def row_path(rows: list[str], rounds: int) -> None:
    data = ("\n".join(rows) + "\n").encode()

    def devnull() -> io.TextIOWrapper:
        # 40,000 summaries are 350 MB: written as the command writes, to a file that
        # keeps nothing.
        return open(os.devnull, "w", encoding="utf-8", newline="\n")

    def reference() -> None:
        with devnull() as out:
            for line in io.BytesIO(data):
                out.write(validate_answers(json.loads(line)).model_dump_json() + "\n")

    def batch() -> None:
        with devnull() as out:
            totals = score_batch(io.BytesIO(data), out, input_format="jsonl")
        assert totals.rows == len(rows) and totals.errors == 0

    times: dict[str, list[float]] = {"reference": [], "batch": []}
    for _ in range(rounds):
        times["reference"].append(timed(reference))
        times["batch"].append(timed(batch))
    ratio = statistics.median(
        b / r for b, r in zip(times["batch"], times["reference"], strict=True)
    )
    reference_s = statistics.median(times["reference"])
    batch_s = statistics.median(times["batch"])
    print(f"rows: {len(rows):,}, {rounds} rounds (medians)")
    print(f"reference, validate each row and write it back as JSON: {reference_s:.2f} s")
    print(f"batch row path: {batch_s:.2f} s ({len(rows) / batch_s:,.0f} rows/s on one core)")
    verdict = "met" if ratio <= ROW_PATH_BUDGET else "NOT met"
    print(f"ratio batch / reference: {ratio:.2f}x (budget {ROW_PATH_BUDGET}x: {verdict})")


def jobs(path: Path, rounds: int) -> None:
    """The command itself with one process and with two workers, alternated."""
    out = path.with_suffix(".out.jsonl")

    def run(count: int) -> float:
        command = [sys.executable, "-m", "footcheck", "batch", str(path), "-o", str(out)]
        took = timed(
            lambda: subprocess.run(
                [*command, "--force", "--jobs", str(count)], check=True, env=ENVIRONMENT
            )
        )
        out.unlink()
        return took

    one: list[float] = []
    two: list[float] = []
    for _ in range(rounds):
        one.append(run(1))
        two.append(run(2))
    speedup = statistics.median(a / b for a, b in zip(one, two, strict=True))
    verdict = "met" if speedup >= JOBS_BUDGET else "NOT met"
    print(
        f"batch command: --jobs 1 {statistics.median(one):.2f} s, --jobs 2 "
        f"{statistics.median(two):.2f} s: {speedup:.2f}x faster "
        f"(budget {JOBS_BUDGET}x: {verdict})"
    )


def peak_rss_kib(path: Path, workers: int = 1) -> int:
    # VmHWM (peak resident set) is per exec'd process; ru_maxrss would include the
    # parent's memory at fork time. With workers, the main process's (each worker holds
    # one chunk at a time).
    code = (
        "import sys; sys.argv = ['footcheck', 'batch', sys.argv[1], '-o', sys.argv[2], "
        f"'--jobs', '{workers}']\n"
        "from footcheck.cli.entry import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    )
    out = path.with_suffix(".out.jsonl")
    result = subprocess.run(
        [sys.executable, "-c", code, str(path), str(out)],
        capture_output=True,
        text=True,
        check=True,
        env=ENVIRONMENT,
    )
    out.unlink()
    return int(result.stdout.strip().splitlines()[-1])


def memory(tmp: Path) -> None:
    small, large = tmp / "small.jsonl", tmp / "large.jsonl"
    write_jsonl(small, make_rows(5_000))
    write_jsonl(large, make_rows(50_000))
    for workers in (1, 2):
        small_kib, large_kib = peak_rss_kib(small, workers), peak_rss_kib(large, workers)
        growth = round((large_kib - small_kib) / 1024, 1) or 0.0  # no "-0.0"
        verdict = "met" if growth <= MEMORY_BUDGET_MIB else "NOT met"
        print(
            f"peak RSS, --jobs {workers}: 5,000 rows {small_kib / 1024:.1f} MiB; 50,000 rows "
            f"{large_kib / 1024:.1f} MiB; growth {growth:+.1f} MiB "
            f"(budget {MEMORY_BUDGET_MIB} MiB: {verdict})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    rows = make_rows(args.rows)
    row_path(rows, args.rounds)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        write_jsonl(path, rows)
        jobs(path, args.rounds)
        memory(Path(tmp))


if __name__ == "__main__":
    main()
