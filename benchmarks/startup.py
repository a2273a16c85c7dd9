"""Start-up budget: footcheck's own cost on top of the floor its stack sets.

Run: python benchmarks/startup.py [--runs N]

The reference is a bare Typer app with footcheck's commands and options that validates one
one-field pydantic model, with pydantic plugins off as footcheck runs: what any tool on
this stack pays before doing its own work. Each round runs the reference, the older floor
(`python -c "import typer, pydantic.main"`, kept for continuity) and every command, so
machine noise hits them alike; a command's ratio is the median over the rounds of its
time divided by that round's reference. Budget: scripted `assess --format json` within
1.25x of the reference (footcheck's own cost at most 25 % of the stack's floor).
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
BUDGET = 1.25

# The floor plus one pydantic model of one field, validated once: the least any tool that
# validates with a pydantic model pays (`import pydantic.main` does not load the schema
# builder; the first model class does).
ONE_TINY_MODEL = (
    "import typer, pydantic.main\n"
    "from pydantic import BaseModel\n"
    "class M(BaseModel):\n    a: int\n"
    "M.model_validate({'a': 1})"
)

# The stack's floor for this command line: a Typer app with footcheck's commands and
# options (Typer builds a pydantic TypeAdapter per parameter of the command it runs) that
# validates one one-field pydantic model (the first model of any kind loads pydantic's
# schema builder), plugins off as footcheck runs, and prints a small JSON document.
BARE_TYPER_APP = """
import os
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "1"
from enum import StrEnum
from pathlib import Path
from typing import Annotated
import typer

app = typer.Typer()
class Fmt(StrEnum):
    rich = "rich"
    json = "json"
    markdown = "markdown"
    html = "html"
    fhir = "fhir"
class Rows(StrEnum):
    jsonl = "jsonl"
    csv = "csv"

@app.callback()
def root(version: Annotated[bool, typer.Option("--version")] = False) -> None:
    pass

@app.command()
def assess(
    answers: Annotated[Path | None, typer.Option("--answers", "-a", dir_okay=False)] = None,
    sets: Annotated[list[str] | None, typer.Option("--set", "-s")] = None,
    fmt: Annotated[Fmt | None, typer.Option("--format", "-f")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", dir_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    no_input: Annotated[bool, typer.Option("--no-input")] = False,
    save: Annotated[bool | None, typer.Option("--save/--no-save")] = None,
    fresh: Annotated[bool, typer.Option("--fresh")] = False,
    accessible: Annotated[bool, typer.Option("--accessible")] = False,
) -> None:
    from pydantic import BaseModel
    class M(BaseModel):
        a: int
    M.model_validate({"a": 1})
    print("{}")

@app.command()
def questions(fmt: Annotated[Fmt | None, typer.Option("--format", "-f")] = None,
              accessible: Annotated[bool, typer.Option("--accessible")] = False) -> None: ...
@app.command()
def template(output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
             force: Annotated[bool, typer.Option("--force")] = False) -> None: ...
@app.command()
def schema(kind: Annotated[str, typer.Argument()] = "answers") -> None: ...
@app.command()
def report(file: Annotated[Path, typer.Argument(dir_okay=False)],
           fmt: Annotated[Fmt | None, typer.Option("--format", "-f")] = None,
           output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
           force: Annotated[bool, typer.Option("--force")] = False,
           accessible: Annotated[bool, typer.Option("--accessible")] = False) -> None: ...
@app.command()
def sources(fmt: Annotated[str, typer.Option("--format", "-f")] = "text") -> None: ...
@app.command()
def batch(source: Annotated[str, typer.Argument()],
          output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
          output_format: Annotated[Rows | None, typer.Option("--output-format")] = None,
          id_field: Annotated[str, typer.Option("--id-field")] = "record_id",
          input_format: Annotated[Rows | None, typer.Option("--input-format")] = None,
          jobs: Annotated[int, typer.Option("--jobs", "-j")] = 1,
          force: Annotated[bool, typer.Option("--force")] = False,
          totals: Annotated[bool, typer.Option("--summary")] = False) -> None: ...
history = typer.Typer()
app.add_typer(history, name="history")
@history.command("list")
def history_list(accessible: Annotated[bool, typer.Option("--accessible")] = False) -> None: ...
@history.command("show")
def history_show(result_id: Annotated[int, typer.Argument()],
                 fmt: Annotated[Fmt | None, typer.Option("--format", "-f")] = None,
                 output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
                 force: Annotated[bool, typer.Option("--force")] = False,
                 accessible: Annotated[bool, typer.Option("--accessible")] = False) -> None: ...
@history.command("trend")
def history_trend(accessible: Annotated[bool, typer.Option("--accessible")] = False) -> None: ...
@history.command("export")
def history_export(output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
                   fmt: Annotated[Rows | None, typer.Option("--format", "-f")] = None,
                   force: Annotated[bool, typer.Option("--force")] = False) -> None: ...
@history.command("delete")
def history_delete(result_id: Annotated[int | None, typer.Argument()] = None,
                   everything: Annotated[bool, typer.Option("--all")] = False,
                   yes: Annotated[bool, typer.Option("--yes", "-y")] = False) -> None: ...

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
        reference = [sys.executable, "-c", BARE_TYPER_APP, *scripted]
        commands = {
            "assess --answers F --format json --no-save": [*footcheck, *scripted],
            "(old floor) python -c 'import typer, pydantic.main'": FLOOR,
            "(old reference) floor + one one-field model": [
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
        for command in [reference, *commands.values()]:  # warm the file cache
            wall(command, env)
        # Round robin: each round times the reference and then every command, so drift in
        # the machine's speed hits them alike; the ratio is the median of per-round ratios.
        times: dict[str, list[float]] = {name: [] for name in ["reference", *commands]}
        ratios: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            base = wall(reference, env)
            times["reference"].append(base)
            for name, command in commands.items():
                took = wall(command, env)
                times[name].append(took)
                ratios[name].append(took / base)
        print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores, {args.runs} rounds")
        base = statistics.median(times["reference"])
        print(
            f"reference: a bare Typer app with footcheck's commands and options validating "
            f"one one-field model: median {base * 1000:.1f} ms"
        )
        print(f"{'command':<52}{'median':>9}{'ratio':>8}")
        for name in commands:
            mine = statistics.median(times[name])
            ratio = statistics.median(ratios[name])
            print(f"{name:<52}{mine * 1000:>7.1f}ms{ratio:>7.2f}x")
        scripted_ratio = statistics.median(ratios["assess --answers F --format json --no-save"])
        floor_ratio = statistics.median(
            ratios["(old floor) python -c 'import typer, pydantic.main'"]
        )
        verdict = "met" if scripted_ratio <= BUDGET else "NOT met"
        print(f"budget: scripted assess within {BUDGET:.2f}x the reference: {verdict}")
        print(
            f"for continuity: scripted assess is {scripted_ratio / floor_ratio:.2f}x the old "
            f"floor (budget then 1.25x)"
        )


if __name__ == "__main__":
    main()
