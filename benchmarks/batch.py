"""Batch budget: throughput, ratio to bare validation, and memory that does not grow.

Run: python benchmarks/batch.py [--rows 40000]

1. Throughput: `footcheck batch` (in-process, the same code path as the command) over N
   JSONL rows, against `Answers.model_validate_json` alone on the same rows. Budget:
   within 4x of validation alone, and at least 5,000 rows/s on one core. A reference line
   times validation plus writing a real summary per row with no scoring, the least any
   batch that outputs full exported summaries pays.
2. Memory: peak RSS of a `footcheck batch` subprocess on 50,000 rows vs 5,000 rows.
   Budget: within 15 MiB.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pydantic_core import to_json

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from footcheck.answers import Answers  # noqa: E402
from footcheck.batch import BatchTotals, as_jsonl, read_rows, score_rows  # noqa: E402
from footcheck.catalogue import QUESTIONS, Question  # noqa: E402
from footcheck.scoring.evaluate import summary_data  # noqa: E402


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


def throughput(rows: list[str]) -> None:
    data = ("\n".join(rows) + "\n").encode()
    start = time.perf_counter()
    for row in rows:
        Answers.model_validate_json(row)
    validate_only = time.perf_counter() - start

    # Summaries of the first rows, scored before the clock starts and written in turn.
    summaries = [summary_data(Answers.model_validate_json(row)) for row in rows[:1000]]
    start = time.perf_counter()
    for index, row in enumerate(rows):
        Answers.model_validate_json(row)
        to_json(summaries[index % len(summaries)])
    validate_and_write = time.perf_counter() - start

    start = time.perf_counter()
    sink = io.StringIO()
    totals = BatchTotals()
    for result in score_rows(read_rows(io.BytesIO(data), "jsonl"), totals):
        sink.write(as_jsonl(result) + "\n")
    batch = time.perf_counter() - start
    assert totals.rows == len(rows) and totals.errors == 0

    print(f"rows: {len(rows):,}")
    print(f"validate only: {validate_only:.2f} s ({len(rows) / validate_only:,.0f} rows/s)")
    print(f"batch scoring: {batch:.2f} s ({len(rows) / batch:,.0f} rows/s)")
    print(
        f"ratio batch / validate: {batch / validate_only:.2f}x (budget 4x); "
        f"throughput budget 5,000 rows/s"
    )
    print(
        f"reference, validate + write a summary, no scoring: "
        f"{validate_and_write / validate_only:.2f}x validate"
    )


def peak_rss_kib(path: Path) -> int:
    # VmHWM (peak resident set) is per exec'd process; ru_maxrss would include the
    # parent's memory at fork time.
    code = (
        "import sys; sys.argv = ['footcheck', 'batch', sys.argv[1], '-o', sys.argv[2]]\n"
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
    small_kib, large_kib = peak_rss_kib(small), peak_rss_kib(large)
    growth = round((large_kib - small_kib) / 1024, 1) or 0.0  # no "-0.0"
    print(
        f"peak RSS 5,000 rows: {small_kib / 1024:.1f} MiB; 50,000 rows: "
        f"{large_kib / 1024:.1f} MiB; growth {growth:+.1f} MiB "
        f"(budget 15 MiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=40_000)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, one process")
    throughput(make_rows(args.rows))
    with tempfile.TemporaryDirectory() as tmp:
        memory(Path(tmp))


if __name__ == "__main__":
    main()
