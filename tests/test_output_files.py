"""Writing output files: atomic, never over an existing file without force, never odd files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from footcheck.output_files import FileExists, write_text


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_text(target, "first", force=False)
    with pytest.raises(FileExists):
        write_text(target, "second", force=False)
    write_text(target, "second", force=True)
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_a_symbolic_link_is_written_through_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(FileExists):
        write_text(link, "new", force=False)
    write_text(link, "new", force=True)
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="not a regular file"):
        write_text(pipe, "text", force=True)
    assert not pipe.is_file() and pipe.exists()
