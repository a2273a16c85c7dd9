"""Which of footcheck's compiled modules (setup.py) are older than their source.

An edited module that was compiled by `pip install -e .` keeps running its old compiled
code until it is built again: the test suite refuses to run so (tests/conftest.py) rather
than test code that is no longer there.
"""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def listed_modules(root: Path = ROOT) -> list[str]:
    """The source files pyproject.toml lists to be compiled."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    return list(pyproject["tool"]["footcheck"]["compiled"])


def compiled_origin(source: str) -> Path | None:
    """Where the module of ``source`` is loaded from, if that is a compiled module."""
    spec = importlib.util.find_spec(source.removesuffix(".py").replace("/", "."))
    if spec is None or spec.origin is None or spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def stale_compiled_modules(root: Path = ROOT) -> list[str]:
    """The listed sources changed since their module was compiled."""
    stale = []
    for source in listed_modules(root):
        origin = compiled_origin(source)
        if origin is not None and (root / source).stat().st_mtime > origin.stat().st_mtime:
            stale.append(source)
    return stale
