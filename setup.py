"""Builds the modules listed under [tool.footcheck] in pyproject.toml as compiled modules.

The scoring rules, the catalogue and batch's row path are compiled with mypyc from their
own (type-checked) source: batch then scores about 1.6 times as many rows a second. The
build is all or nothing: without a C compiler, with a type error mypyc refuses, or with
FOOTCHECK_PURE_PYTHON=1, no module is compiled and any left by an earlier build in this
checkout is removed, so the same modules run as Python. After editing one of them in a
checkout, run `pip install -e .` again: the test suite refuses to run against compiled
modules older than their source.
"""

import os
import sys
import tomllib
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).parent
PYPROJECT = tomllib.loads((HERE / "pyproject.toml").read_text())
COMPILED = PYPROJECT["tool"]["footcheck"]["compiled"]


def remove_compiled_in_checkout() -> None:
    """Compiled modules an earlier build left beside their source (an editable install):
    they would shadow the source."""
    for source in COMPILED:
        path = HERE / source
        for built in path.parent.glob(f"{path.stem}.*.so"):
            built.unlink()
    for library in HERE.glob("*__mypyc.*.so"):
        library.unlink()


def as_python(why: str) -> list:
    print(f"footcheck: not compiled, running as Python ({why})", file=sys.stderr)
    remove_compiled_in_checkout()
    return []


def compiled_modules() -> list:
    if os.environ.get("FOOTCHECK_PURE_PYTHON"):
        return as_python("FOOTCHECK_PURE_PYTHON is set")
    try:
        from mypyc.build import mypycify

        return mypycify(COMPILED, opt_level="3")
    except (Exception, SystemExit) as error:  # mypyc stops with SystemExit on a type error
        return as_python(repr(error))


class BuildAllOrNothing(build_ext):
    """Every module compiled, or none: each compiled module needs the one shared library,
    so a build that fails part way leaves no compiled module behind."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # the compiler is missing, fails or runs out of memory
            for extension in self.extensions:
                built = Path(self.get_ext_fullpath(extension.name))
                built.unlink(missing_ok=True)
            self.extensions = []
            as_python(repr(error))


setup(ext_modules=compiled_modules(), cmdclass={"build_ext": BuildAllOrNothing})
