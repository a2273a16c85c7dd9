"""The layers of docs/architecture.md hold: every import in the package (type-only ones
included) goes to its own part or to a part listed above it. The table in the document is
the one statement of the rule; this test reads it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "footcheck"
ROW = re.compile(r"^\| `(\w+)` \| (.*) \|$")


def layers() -> dict[str, set[str]]:
    """Each part and what it may import, from the document's table."""
    text = (ROOT / "docs" / "architecture.md").read_text()
    table = text.split("<!-- layers -->")[1].split("<!-- /layers -->")[0]
    allowed: dict[str, set[str]] = {}
    for line in table.splitlines():
        match = ROW.match(line)
        if match:
            part, may = match.groups()
            if may == "everything above":
                allowed[part] = set(allowed)
            else:
                allowed[part] = set(re.findall(r"`(\w+)`", may))
    return allowed


def part_of(module: str) -> str | None:
    """The part a dotted module name belongs to (``footcheck.render.html`` → ``render``)."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 and pieces[0] == "footcheck" else None


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "footcheck":
                found += [(node.lineno, f"footcheck.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def test_the_table_names_every_part_of_the_package() -> None:
    parts = {p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()}
    assert parts - {"__init__", "__main__"} == set(layers())


def test_every_import_goes_down_the_layers() -> None:
    allowed = layers()
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if here in {"__init__", "__main__"}:
            continue  # the package's face and its console entry
        for line, module in imports(path):
            there = part_of(module)
            if module == "footcheck.__version__" or there in (None, here):
                continue
            if there not in allowed[here]:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {here} imports {module}")
    assert wrong == []
