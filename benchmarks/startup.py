"""Start-up budget: footcheck commands against the floor their dependencies set.

Run: python benchmarks/startup.py [--runs N]

The floor is `python -c "import typer, pydantic.main"`. Each command and the floor are
run alternately (pairwise, in one run, so machine noise hits both alike) and the medians
compared. Budget: scripted `assess --format json` within 1.25x of the floor. The
reference line runs a Typer app with the same options and no footcheck code, to show how
much of the total is Typer's own parsing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import RETAIL_WORKER  # noqa: E402

FLOOR = [sys.executable, "-c", "import typer, pydantic.main"]

# A Typer app with the same root option and the same seven `assess` options and nothing
# else: what Typer itself costs to parse this command line (it builds a pydantic
# TypeAdapter per parameter), so the report can split the total into Typer and footcheck.
BARE_TYPER_APP = """
from enum import StrEnum
from pathlib import Path
from typing import Annotated
import typer

app = typer.Typer()
class Fmt(StrEnum):
    rich = "rich"
    json = "json"

@app.callback()
def root(version: Annotated[bool, typer.Option("--version")] = False) -> None:
    pass

@app.command()
def assess(
    answers: Annotated[Path | None, typer.Option("--answers", dir_okay=False)] = None,
    sets: Annotated[list[str] | None, typer.Option("--set")] = None,
    fmt: Annotated[Fmt | None, typer.Option("--format")] = None,
    output: Annotated[Path | None, typer.Option("--output", dir_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    no_input: Annotated[bool, typer.Option("--no-input")] = False,
    save: Annotated[bool | None, typer.Option("--save/--no-save")] = None,
) -> None:
    print("{}")

app()
"""


def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        answers = Path(tmp) / "answers.json"
        answers.write_text(json.dumps(RETAIL_WORKER))
        env = {**os.environ, "FOOTCHECK_HOME": str(Path(tmp) / "home")}
        footcheck = [sys.executable, "-m", "footcheck"]
        scripted = ["assess", "--answers", str(answers), "--format", "json", "--no-save"]
        commands = {
            "assess --answers F --format json --no-save": [*footcheck, *scripted],
            "(reference) bare Typer app, same options": [
                sys.executable,
                "-c",
                BARE_TYPER_APP,
                *scripted,
            ],
            "--version": [*footcheck, "--version"],
            "--help": [*footcheck, "--help"],
        }
        for command in [FLOOR, *commands.values()]:  # warm the file cache
            wall(command, env)
        print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores, {args.runs} pairs")
        print(f"{'command':<46}{'median':>9}{'floor':>9}{'ratio':>8}")
        for name, command in commands.items():
            ours, floor = [], []
            for _ in range(args.runs):
                floor.append(wall(FLOOR, env))
                ours.append(wall(command, env))
            mine, base = statistics.median(ours), statistics.median(floor)
            print(f"{name:<46}{mine * 1000:>7.1f}ms{base * 1000:>7.1f}ms{mine / base:>7.2f}x")


if __name__ == "__main__":
    main()
