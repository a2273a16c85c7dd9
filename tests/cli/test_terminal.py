"""Prompts on a terminal: broken between words before readline draws them."""

from __future__ import annotations

from rich.cells import cell_len

from footcheck.cli.terminal import REPLY_ROOM, fit_prompt


def test_a_long_prompt_breaks_between_words_and_leaves_room_for_the_reply() -> None:
    prompt = (
        "\nSave this result to your private history on this machine, to track progress? [y/N] > "
    )
    lines = fit_prompt(prompt, 80)
    assert lines == [
        "",
        "Save this result to your private history on this machine, to track",
        "progress? [y/N] > ",
    ]
    assert all(len(line) <= 80 - REPLY_ROOM for line in lines)


def test_a_short_prompt_is_left_whole() -> None:
    assert fit_prompt("(1-3 or a name; ? help) > ", 80) == ["(1-3 or a name; ? help) > "]


def test_a_word_longer_than_the_line_is_never_split() -> None:
    assert fit_prompt("x" * 100 + " > ", 40) == ["x" * 100 + " > "]


def test_a_prompt_is_measured_in_display_cells() -> None:
    """Each Korean or Japanese character takes two columns: a prompt of 40 of them is 80
    cells wide and is broken, between words where there are spaces, anywhere where not."""
    korean = " ".join(["허리가"] * 20) + " > "
    for line in fit_prompt(korean, 80):
        assert cell_len(line) <= 80 - REPLY_ROOM and not line.startswith(" ")
    japanese = "腰" * 60 + " > "
    lines = fit_prompt(japanese, 80)
    assert len(lines) > 1 and all(cell_len(line) <= 80 - REPLY_ROOM for line in lines)
    assert "".join(lines).replace(" > ", "") == "腰" * 60
