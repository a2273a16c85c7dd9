"""Start-up budget: footcheck commands against the floor their dependencies set.

Run: python benchmarks/startup.py [--runs N]

The floor is `python -c "import typer, pydantic.main"`. Each round runs the floor and then
every command, so machine noise hits them alike; a command's ratio is the median over the
rounds of its time divided by that round's floor. Budget: scripted `assess --format json`
within 1.25x of the floor. The reference lines run a Typer app with the same options and
no footcheck code (Typer's own parsing), and the floor plus one one-field pydantic model
(the cost of any model at all).
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

# The floor plus one pydantic model of one field, validated once: the least any tool that
# validates with a pydantic model pays (`import pydantic.main` does not load the schema
# builder; the first model class does).
ONE_TINY_MODEL = (
    "import typer, pydantic.main\n"
    "from pydantic import BaseModel\n"
    "class M(BaseModel):\n    a: int\n"
    "M.model_validate({'a': 1})"
)

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
            "(reference) floor + one one-field model": [
                sys.executable,
                "-c",
                ONE_TINY_MODEL,
            ],
            "--version": [*footcheck, "--version"],
            "--help": [*footcheck, "--help"],
        }
        # As `pip install` leaves it: footcheck's bytecode compiled (an environment with
        # PYTHONDONTWRITEBYTECODE would otherwise recompile every module on every run).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "footcheck")])
        for command in [FLOOR, *commands.values()]:  # warm the file cache
            wall(command, env)
        # Round robin: each round times the floor and then every command, so drift in the
        # machine's speed hits them alike; the ratio is the median of per-round ratios.
        times: dict[str, list[float]] = {name: [] for name in ["floor", *commands]}
        ratios: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            floor = wall(FLOOR, env)
            times["floor"].append(floor)
            for name, command in commands.items():
                took = wall(command, env)
                times[name].append(took)
                ratios[name].append(took / floor)
        print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores, {args.runs} rounds")
        base = statistics.median(times["floor"])
        print(f"floor `python -c 'import typer, pydantic.main'`: median {base * 1000:.1f} ms")
        print(f"{'command':<50}{'median':>9}{'ratio':>8}")
        for name in commands:
            mine = statistics.median(times[name])
            ratio = statistics.median(ratios[name])
            print(f"{name:<50}{mine * 1000:>7.1f}ms{ratio:>7.2f}x")


if __name__ == "__main__":
    main()
