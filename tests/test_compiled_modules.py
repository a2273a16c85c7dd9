"""The compiled modules (setup.py): listed once, and never run older than their source."""

from __future__ import annotations

import os

import pytest

from tests.compiled_modules import ROOT, compiled_origin, listed_modules, stale_compiled_modules


def test_every_listed_module_exists_and_is_type_checked_source() -> None:
    for source in listed_modules():
        path = ROOT / source
        assert path.is_file() and path.suffix == ".py", source
        assert path.is_relative_to(ROOT / "footcheck"), source


def test_an_edited_source_makes_its_compiled_module_stale() -> None:
    compiled = [source for source in listed_modules() if compiled_origin(source) is not None]
    if not compiled:
        pytest.skip("footcheck runs as Python here: nothing was compiled")
    source = ROOT / compiled[0]
    built = compiled_origin(compiled[0])
    assert built is not None
    before = source.stat()
    try:
        os.utime(source, (before.st_atime, built.stat().st_mtime + 60))  # edited after a build
        assert stale_compiled_modules() == [compiled[0]]
    finally:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert stale_compiled_modules() == []


def test_an_installed_footcheck_compiles_what_the_list_names() -> None:
    """Where anything is compiled, it is exactly the listed modules (a module left off the
    list, or a list entry that failed to build, would show here)."""
    compiled = {source for source in listed_modules() if compiled_origin(source) is not None}
    if not compiled:
        pytest.skip("footcheck runs as Python here: nothing was compiled")
    assert compiled == set(listed_modules())
