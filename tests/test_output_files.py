"""Writing output files: atomic, never over an existing file without force, never odd files."""

from __future__ import annotations

import json
import os
import signal
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from footcheck.errors import FileExists
from footcheck.store.files import (
    PRIVATE,
    SHAREABLE,
    atomic_writer,
    write_target,
    write_text,
)
from tests.conftest import RETAIL_WORKER


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


def _shared_folder(tmp_path: Path) -> Path:
    """A folder like /tmp: sticky and writable by everyone."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    return shared


@pytest.mark.skipif(os.geteuid() != 0, reason="making a link owned by someone else needs root")
def test_item10_someone_elses_link_in_a_shared_folder_is_not_written_through(
    tmp_path: Path,
) -> None:
    """Another user's link in /tmp pointing at your file: the kernel would refuse to follow
    it (fs.protected_symlinks), and so does footcheck, on every system; before, it
    resolved the link itself and replaced the file it named."""
    from typer.testing import CliRunner

    from footcheck.cli.app import app

    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    link = _shared_folder(tmp_path) / "out.json"
    link.symlink_to(victim)
    os.lchown(link, 65534, 65534)  # nobody's link
    with pytest.raises(PermissionError, match="someone else made in a shared folder"):
        write_text(link, "new", force=True, mode=PRIVATE)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(RETAIL_WORKER))
    result = CliRunner().invoke(
        app, ["assess", "--answers", str(answers), "-o", str(link), "--force", "-f", "json"]
    )
    assert result.exit_code == 2
    assert "footcheck does not write through it" in result.stderr
    assert victim.read_text() == "mine" and link.is_symlink()
    assert sorted(p.name for p in link.parent.iterdir()) == ["out.json"]  # no temporary file


def test_item10_your_own_link_in_a_shared_folder_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = _shared_folder(tmp_path) / "mine.json"
    link.symlink_to(real)
    write_text(link, "new", force=True, mode=PRIVATE)
    assert link.is_symlink() and real.read_text() == "new"


def test_item10_links_are_followed_hop_by_hop_to_the_file_the_kernel_finds(
    tmp_path: Path,
) -> None:
    real = tmp_path / "a" / "real.json"
    real.parent.mkdir()
    real.write_text("old")
    first = tmp_path / "first.json"
    second = tmp_path / "b" / "second.json"
    second.parent.mkdir()
    second.symlink_to(Path("..") / "a" / "real.json")  # relative to its own folder
    first.symlink_to(second)
    assert write_target(first) == second.parent / ".." / "a" / "real.json"
    write_text(first, "new", force=True, mode=PRIVATE)
    assert real.read_text() == "new" and first.is_symlink() and second.is_symlink()
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "made.json")
    write_text(dangling, "made", force=False, mode=PRIVATE)
    assert (tmp_path / "made.json").read_text() == "made"


def test_item7_an_output_in_a_loop_of_links_is_a_plain_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from footcheck.cli.app import app

    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    with pytest.raises(OSError, match="loop of symbolic links"):
        write_text(tmp_path / "a.json", "x", force=True, mode=PRIVATE)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(RETAIL_WORKER))
    for command in (
        ["assess", "--answers", str(answers), "-f", "json"],
        ["history", "export"],
        ["template"],
        ["report", str(answers)],
    ):
        result = CliRunner().invoke(app, [*command, "-o", str(tmp_path / "a.json")])
        assert result.exit_code == 2, (command, result.stderr)
        assert "a loop of symbolic links" in result.stderr
        assert not isinstance(result.exception, RuntimeError)


def test_a_stop_signal_as_the_temporary_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C landing just after the temporary file exists, before its name is kept (a
    batch run stopped at its first moment left `.out.jsonl.XXXX.tmp` behind): the signal
    is held until the file can be removed, then acts."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp_then_ctrl_c(*args: Any, **kwargs: Any) -> tuple[int, str]:
        made = real_mkstemp(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)
        return made

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_ctrl_c)
    target = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt), atomic_writer(target, force=False, mode=0o600):
        pytest.fail("the stop signal must act before anything is written")
    assert list(tmp_path.iterdir()) == []
