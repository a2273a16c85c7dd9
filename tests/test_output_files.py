"""Writing output files: atomic, never over an existing file without force, never odd files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from footcheck.errors import FileExists
from footcheck.output_files import PRIVATE, SHAREABLE, write_text


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_text(target, "first", force=False, mode=SHAREABLE)
    with pytest.raises(FileExists):
        write_text(target, "second", force=False, mode=SHAREABLE)
    write_text(target, "second", force=True, mode=SHAREABLE)
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_a_symbolic_link_is_written_through_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(FileExists):
        write_text(link, "new", force=False, mode=SHAREABLE)
    write_text(link, "new", force=True, mode=SHAREABLE)
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="not a regular file"):
        write_text(pipe, "text", force=True, mode=SHAREABLE)
    assert not pipe.is_file() and pipe.exists()


def test_files_with_answers_are_private_and_the_umask_is_kept(tmp_path: Path) -> None:
    private, shareable = tmp_path / "summary.json", tmp_path / "template.json"
    old = os.umask(0o022)
    try:
        write_text(private, "{}", force=False, mode=PRIVATE)
        write_text(shareable, "{}", force=False, mode=SHAREABLE)
        os.umask(0o077)
        write_text(shareable, "{}", force=True, mode=SHAREABLE)
    finally:
        os.umask(old)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(shareable.stat().st_mode) == 0o600  # a stricter umask wins


def test_a_summary_written_with_output_is_readable_by_its_owner_only(
    answers_file: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from footcheck.cli.app import app

    runner = CliRunner()
    old = os.umask(0o022)
    try:
        for command, name in (
            (["assess", "--answers", str(answers_file), "--no-save", "-f", "json"], "s.json"),
            (["batch", str(answers_file), "--input-format", "jsonl"], "rows.jsonl"),
            (["template"], "blank.json"),
        ):
            assert runner.invoke(app, [*command, "-o", str(tmp_path / name)]).exit_code == 0
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir() if p.is_file()}
    assert modes["s.json"] == modes["rows.jsonl"] == 0o600
    assert modes["blank.json"] == 0o644  # no answers in it
