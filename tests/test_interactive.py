"""Real-terminal sessions with pexpect: typing, mistakes, help, back, review, Ctrl-C, EOF."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from footcheck.instruments.registry import CATALOGUE, QUESTION_IDS, QUESTIONS
from footcheck.instruments.start_back.scoring import items
from tests.conftest import RETAIL_WORKER
from tests.helpers import asked, review_row, section_ids

EVERYTHING = len(QUESTIONS)
"""With back pain and time on the feet, every question is asked."""
STATEMENTS = [q.id for q in items(CATALOGUE) if q.kind == "boolean"]

PROMPT = r"\) (\[[^\]]*\] )?> "


def spawn(args: str, home: Path, cwd: Path) -> pexpect.spawn:
    env = {
        **os.environ,
        "FOOTCHECK_HOME": str(home),
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "TERM": "xterm",
    }
    env.pop("CI", None)
    return pexpect.spawn(
        f"{sys.executable} -m footcheck {args}",
        env=env,
        cwd=str(cwd),
        encoding="utf-8",
        dimensions=(60, 80),
        timeout=20,
    )


def spawn_to_file(args: str, out: Path, home: Path) -> pexpect.spawn:
    """footcheck with stdout redirected to ``out`` and the keyboard still a terminal."""
    env = {**os.environ, "FOOTCHECK_HOME": str(home), "NO_COLOR": "1"}
    return pexpect.spawn(
        "/bin/sh",
        ["-c", f"{sys.executable} -m footcheck {args} > {out}"],
        env=env,
        cwd=str(out.parent),
        encoding="utf-8",
        timeout=20,
    )


def accept_review(child: pexpect.spawn) -> None:
    """Enter at the review screen: on to the summary."""
    child.expect(rf"Enter for your summary, or a number \(1-{EVERYTHING}\)")
    child.sendline("")


def exit_status(child: pexpect.spawn) -> int | None:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def answer(child: pexpect.spawn, text: str) -> None:
    child.expect(PROMPT)
    child.sendline(text)


def partial_file(tmp_path: Path, *, drop: list[str]) -> Path:
    data: dict[str, Any] = {k: v for k, v in RETAIL_WORKER.items() if k not in drop}
    path = tmp_path / "partial.json"
    path.write_text(json.dumps(data))
    return path


def test_full_session_with_mistakes_help_back_and_review(
    tmp_path: Path, private_home: Path
) -> None:
    child = spawn("assess --no-save", private_home, tmp_path)
    child.expect(f"Question 1 of {EVERYTHING}")
    answer(child, "forty")
    child.expect("'forty' is not a whole number from 16 to 110")
    answer(child, "?")
    child.expect("Your age in years")
    answer(child, "42")
    child.expect(f"Question 2 of {EVERYTHING}")
    answer(child, "maybe")  # diabetes or numb feet
    child.expect("is not yes or no")
    answer(child, "no")
    answer(child, "yes")  # back pain
    answer(child, "11")
    child.expect("out of range")
    answer(child, "back")  # to back_pain, answer kept
    child.expect(r"\[Enter keeps: yes\]")
    child.sendline("")
    answer(child, "6")  # pain_intensity
    answer(child, "6 to")  # pain_duration by label prefix
    child.expect(f"could be|Question {QUESTION_IDS.index('pain_worse_standing') + 1} ")
    if child.after.startswith("could be"):
        answer(child, "2")
    answer(child, "y")
    answer(child, "n")
    answer(child, "feet, knee")  # other_pain
    for _ in section_ids("red_flags"):
        answer(child, "no")
    child.expect("Thinking about the last")  # the tool's own frame, once
    child.expect(r"1\. agree")
    answer(child, "3")  # a number outside the two answers is refused
    child.expect("is not one of the answers")
    for _ in STATEMENTS:  # STarT Back items 1-8: agree or disagree
        answer(child, "disagree")
    answer(child, "MOD")  # sb_bothersome by prefix, any case
    answer(child, "fl")  # arch_standing
    child.expect(r"1\. full \(the whole sole shows\)")  # what to look for, in the menu
    answer(child, "1")  # wet_footprint: full
    answer(child, "inner")
    answer(child, "yes")
    answer(child, "?")  # heel_tilt help
    child.expect("phone photo")
    answer(child, "inward")
    answer(child, "")  # fpi6_total skipped
    answer(child, "flat")  # main_footwear: flat unsupportive (unique by label prefix)
    answer(child, "yes")
    answer(child, "none")
    answer(child, "9")
    answer(child, "y")  # hard floors
    answer(child, "20")  # sitting: too long with 9 h standing
    child.expect("add up to more than 24 hours")
    answer(child, "2")
    answer(child, "sometimes")
    answer(child, "8")
    child.expect("out of range")
    answer(child, "2")
    answer(child, "no")
    child.expect("Your answers")
    standing = str(review_row("standing_hours", RETAIL_WORKER))
    child.expect(rf"Enter for your summary, or a number \(1-{EVERYTHING}\)")
    child.sendline(standing)  # standing hours to 0: the hard-floors question drops out
    answer(child, "0")
    child.expect(rf"or a number \(1-{EVERYTHING - 1}\)")
    child.sendline(standing)  # and back to 9: it applies again and is asked as a follow-up
    answer(child, "9")
    child.expect("Follow-up question 1 of 1")
    child.expect("hard floors")
    answer(child, "yes")
    child.expect(rf"or a number \(1-{EVERYTHING}\)")
    child.sendline(str(review_row("back_pain", RETAIL_WORKER)))  # to no: pain questions drop out
    answer(child, "no")
    no_pain = len(asked({**RETAIL_WORKER, "back_pain": False}))
    child.expect(rf"or a number \(1-{no_pain}\)")
    child.sendline("")
    child.expect("Likely contributors")
    assert exit_status(child) == 0
    assert "STarT Back total" not in child.before


def test_only_missing_questions_are_asked(tmp_path: Path, private_home: Path) -> None:
    path = partial_file(tmp_path, drop=["lifting", "active_days"])
    child = spawn(f"assess --answers {path} --no-save", private_home, tmp_path)
    child.expect("Question 1 of 2")
    child.expect("lift or carry")
    answer(child, "often")
    child.expect("Question 2 of 2")
    answer(child, "0")
    child.expect(rf"Enter for your summary, or a number \(1-{EVERYTHING}\)")
    child.sendline("?")
    child.expect("beside it in the table")
    child.expect(rf"or a number \(1-{EVERYTHING}\) to change an answer > ")  # no new table
    assert "Your answers" not in (child.before or "")
    child.sendline("²")
    child.expect(f"'²' is not a number from 1 to {EVERYTHING}")
    child.expect(r"to change an answer > ")
    child.sendline("")
    child.expect("Manage heavy loads")
    assert exit_status(child) == 0


def test_json_format_keeps_prompts_off_stdout(tmp_path: Path, private_home: Path) -> None:
    path = partial_file(tmp_path, drop=["age"])
    out = tmp_path / "out.json"
    child = spawn_to_file(f"assess --answers {path} --format json --no-save", out, private_home)
    answer(child, "51")
    accept_review(child)
    assert exit_status(child) == 0
    assert json.loads(out.read_text())["answers"]["age"] == 51


def test_redirected_rich_summary_keeps_prompts_on_the_terminal(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial_file(tmp_path, drop=["age"])
    out = tmp_path / "summary.txt"
    child = spawn_to_file(f"assess --answers {path} --no-save", out, private_home)
    child.expect("How old are you?")  # asked where the person can see it
    answer(child, "51")
    accept_review(child)
    assert exit_status(child) == 0
    summary = out.read_text(encoding="utf-8")
    assert "See a GP or physiotherapist" in summary and "Question 1" not in summary


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path, private_home: Path) -> None:
    target = tmp_path / "summary.json"
    child = spawn(f"assess -o {target}", private_home, tmp_path)
    answer(child, "42")
    child.expect("Question 2")
    child.expect(PROMPT)
    child.sendintr()
    child.expect("cancelled, nothing saved")
    assert exit_status(child) == 130
    assert not target.exists()
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    # the one answer typed is kept as a draft, and nothing else
    assert sorted(p.name for p in private_home.iterdir()) == ["draft.json"]


def test_ctrl_c_at_the_save_question_keeps_the_written_file(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial_file(tmp_path, drop=["lifting"])
    target = tmp_path / "summary.json"
    child = spawn(f"assess --answers {path} -o {target}", private_home, tmp_path)
    answer(child, "rarely")
    accept_review(child)
    child.expect(r"\[y/N\] > ")
    child.sendintr()
    assert exit_status(child) == 130
    said = " ".join((child.before or "").split())  # broken between words on the terminal
    assert f"cancelled: not saved to your history ({target} was written)" in said
    assert json.loads(target.read_text())["answers"]["lifting"] == "rarely"
    assert not private_home.exists() or not any(private_home.iterdir())


def test_arrow_keys_edit_the_answer_and_up_recalls_the_last_one(
    tmp_path: Path, private_home: Path
) -> None:
    pytest.importorskip("readline")
    child = spawn("assess", private_home, tmp_path)
    child.expect(PROMPT)
    child.send("4\x1b[D\x1b[C2\r")  # 4, Left, Right, 2: edited in place, not sent as text
    number = {qid: QUESTION_IDS.index(qid) + 1 for qid in QUESTION_IDS}
    assert QUESTION_IDS[:4] == ("age", "diabetes_feet", "back_pain", "pain_intensity")
    child.expect(f"Question {number['diabetes_feet']} ")
    answer(child, "no")  # diabetes or numb feet
    child.expect(f"Question {number['back_pain']} ")
    answer(child, "yes")  # back pain
    child.expect(f"Question {number['pain_intensity']} ")
    child.expect(PROMPT)
    child.send("\x1b[A\r")  # Up brings back "yes"
    child.expect("'yes' is not a whole number")
    child.expect(PROMPT)
    child.sendintr()
    assert exit_status(child) == 130


def test_end_of_input_stops_like_ctrl_c(tmp_path: Path, private_home: Path) -> None:
    child = spawn("assess", private_home, tmp_path)
    answer(child, "42")
    child.expect("Question 2")
    child.expect(PROMPT)  # Ctrl-D at the prompt, as a person would press it
    child.sendeof()
    child.expect("cancelled, nothing saved")
    assert exit_status(child) == 130
    assert "Traceback" not in (child.before or "")


@pytest.mark.skipif(sys.platform != "linux", reason="pty behaviour checked on Linux")
def test_back_on_first_question_is_explained(tmp_path: Path, private_home: Path) -> None:
    child = spawn("assess", private_home, tmp_path)
    answer(child, "back")
    child.expect("no going back")
    child.expect(PROMPT)
    child.sendintr()
    assert exit_status(child) == 130


def test_interactive_run_asks_to_save_and_delete_asks_to_confirm(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial_file(tmp_path, drop=["lifting"])
    child = spawn(f"assess --answers {path}", private_home, tmp_path)
    answer(child, "rarely")
    accept_review(child)
    child.expect(r"Save this result to your private history.*\[y/N\] > ")
    child.sendline("y")
    child.expect("Saved as result 1")
    assert exit_status(child) == 0

    child = spawn("history delete --all", private_home, tmp_path)
    child.expect(r"Delete ALL saved results\? This cannot be undone. \[y/N\] ")
    child.sendline("n")
    child.expect("Nothing deleted")
    child.expect(pexpect.EOF)
    child.close()
    child = spawn("history delete 1", private_home, tmp_path)
    # which result, in words: its local date and time, triage and pain
    child.expect(
        r"Delete saved result 1 \(\d{4}-\d\d-\d\d \d\d:\d\d \S+, see clinician, pain 6/10\)"
    )
    child.expect(r"\[y/N\] ")
    child.sendline("yes")
    child.expect("Deleted result 1")
    child.expect(pexpect.EOF)


def test_batch_shows_progress_on_a_terminal_only(tmp_path: Path, private_home: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text((json.dumps(RETAIL_WORKER) + "\n") * 3000)
    child = spawn(f"batch {source} -o {tmp_path / 'out.jsonl'}", private_home, tmp_path)
    child.expect("scoring")
    assert exit_status(child) == 0
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 3000
