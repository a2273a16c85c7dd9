"""Builds the modules listed under [tool.footcheck] in pyproject.toml as compiled modules.

The scoring rules, the catalogue and batch's row path are compiled with mypyc from their
own (type-checked) source: batch scores a row in about half the time. Without a C
compiler, or with FOOTCHECK_PURE_PYTHON=1, the same modules run as Python, unchanged.
After editing one of them in a checkout, run `pip install -e .` again: the test suite
refuses to run against compiled modules older than their source.
"""

import os
import sys
import tomllib
from pathlib import Path

from setuptools import setup

PYPROJECT = tomllib.loads((Path(__file__).parent / "pyproject.toml").read_text())
COMPILED = PYPROJECT["tool"]["footcheck"]["compiled"]


def compiled_modules() -> list:
    if os.environ.get("FOOTCHECK_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify

        extensions = mypycify(COMPILED, opt_level="3")
    except (Exception, SystemExit) as error:  # mypyc stops with SystemExit on a type error
        print(f"footcheck: not compiled, running as Python ({error!r})", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # a failed build leaves the modules as Python
    return extensions


setup(ext_modules=compiled_modules())
