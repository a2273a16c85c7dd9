"""Batch budget: the cost of the rules over the stack's own floor, both cores, flat memory.

Run: python benchmarks/batch.py [--rows 40000] [--rounds 3]

1. Rules: `footcheck batch`'s row path (in-process, the same reader, scorer and writer as
   the command, writing to a text stream on /dev/null buffered as the command's output
   file) over N varied JSONL rows, against the reference: validating each row and
   serialising an already-scored summary of the same shape, with no scoring, the least
   any batch that writes full exported summaries pays. Budget: within 2.0x the
   reference. Rounds alternate them and the ratio is the median of per-round ratios. For
   continuity: the ratio to validation alone (budget then 4x), rows per second, and the
   ratio with the results kept in a StringIO (350 MB for 40,000 rows), as first measured.
2. Both cores: the `footcheck batch` command on the same rows with `--jobs 2` against
   `--jobs 1`, alternated, output to a file. Budget: at least 1.5x the throughput.
3. Memory: peak RSS of a `footcheck batch` subprocess on 50,000 rows vs 5,000 rows, with
   one process and with two workers. Budget: within 15 MiB.
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
from typing import IO

from pydantic_core import to_json

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from footcheck.answers.model import values_from_json  # noqa: E402
from footcheck.batch import (  # noqa: E402
    RESULTS_BUFFER,
    BatchTotals,
    read_rows,
    result_writer,
    score_rows,
)
from footcheck.checklist.catalogue import Question  # noqa: E402
from footcheck.instruments.registry import QUESTIONS  # noqa: E402
from footcheck.scoring.evaluate import summary_data  # noqa: E402

RULES_BUDGET = 2.0
JOBS_BUDGET = 1.5


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


def throughput(rows: list[str], rounds: int) -> None:
    data = ("\n".join(rows) + "\n").encode()
    # Summaries of the first rows, scored before the clock starts and written in turn.
    summaries = [summary_data(values_from_json(row)) for row in rows[:1000]]

    def validate() -> None:
        for row in rows:
            values_from_json(row)

    def reference() -> None:
        for index, row in enumerate(rows):
            values_from_json(row)
            to_json(summaries[index % len(summaries)])

    def score_into(target: IO[str]) -> None:
        totals = BatchTotals()
        write = result_writer(target, "jsonl")
        for result in score_rows(read_rows(io.BytesIO(data), "jsonl"), totals):
            write(result)
        assert totals.rows == len(rows) and totals.errors == 0

    def batch() -> None:
        # Written as the command writes its output file (the same text stream and buffer),
        # to a file that keeps nothing: the results of 40,000 rows are 350 MB.
        with open(os.devnull, "w", encoding="utf-8", newline="\n", buffering=RESULTS_BUFFER) as out:
            score_into(out)

    def batch_in_memory() -> None:
        score_into(io.StringIO())  # as measured before: a growing 350 MB string

    times: dict[str, list[float]] = {"validate": [], "reference": [], "batch": [], "memory": []}
    for _ in range(rounds):
        for name, work in (
            ("validate", validate),
            ("reference", reference),
            ("batch", batch),
            ("memory", batch_in_memory),
        ):
            times[name].append(timed(work))
    ratio = statistics.median(
        b / r for b, r in zip(times["batch"], times["reference"], strict=True)
    )
    in_memory = statistics.median(
        b / r for b, r in zip(times["memory"], times["reference"], strict=True)
    )
    old = statistics.median(b / v for b, v in zip(times["batch"], times["validate"], strict=True))
    batch_s = statistics.median(times["batch"])
    print(f"rows: {len(rows):,}, {rounds} rounds (medians)")
    reference_s = statistics.median(times["reference"])
    print(f"reference, validate + write an already-scored summary: {reference_s:.2f} s")
    print(f"batch row path: {batch_s:.2f} s ({len(rows) / batch_s:,.0f} rows/s on one core)")
    verdict = "met" if ratio <= RULES_BUDGET else "NOT met"
    print(f"ratio batch / reference: {ratio:.2f}x (budget {RULES_BUDGET}x: {verdict})")
    print(f"for continuity: batch / validation alone {old:.2f}x (budget then 4x); the results")
    print(f"  kept in memory (a StringIO, as measured before) / reference {in_memory:.2f}x")


def jobs(path: Path, rounds: int) -> None:
    """The command itself with one process and with two workers, alternated."""
    out = path.with_suffix(".out.jsonl")

    def run(count: int) -> float:
        command = [sys.executable, "-m", "footcheck", "batch", str(path), "-o", str(out)]
        took = timed(
            lambda: subprocess.run([*command, "--force", "--jobs", str(count)], check=True)
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
        f"{statistics.median(two):.2f} s: {speedup:.2f}x the throughput "
        f"(budget {JOBS_BUDGET}x: {verdict})"
    )


def peak_rss_kib(path: Path, workers: int = 1) -> int:
    # VmHWM (peak resident set) is per exec'd process; ru_maxrss would include the
    # parent's memory at fork time. With workers, the main process's (each worker's is
    # its own, and as flat).
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
        print(
            f"peak RSS, --jobs {workers}: 5,000 rows {small_kib / 1024:.1f} MiB; 50,000 rows "
            f"{large_kib / 1024:.1f} MiB; growth {growth:+.1f} MiB (budget 15 MiB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    rows = make_rows(args.rows)
    throughput(rows, args.rounds)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        write_jsonl(path, rows)
        jobs(path, args.rounds)
        memory(Path(tmp))


if __name__ == "__main__":
    main()
