"""The interview as a person at an 80x24 terminal sees it: what the last screen shows, the
emergency interrupt, stopping and coming back to a draft, the review, accessible mode.

A real pseudo-terminal (pexpect) feeds a terminal emulator (pyte), so "the last screen"
means exactly what would be on the person's screen.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pexpect
import pyte
import pytest

from footcheck.instruments.red_flags.scoring import red_flag_questions
from footcheck.instruments.registry import CATALOGUE, QUESTION_IDS
from footcheck.render.plan import PLAN_TRIAGE
from footcheck.store.drafts import DRAFT_NAME
from tests.conftest import RETAIL_WORKER
from tests.helpers import answers

ROWS, COLUMNS = 24, 80
PROMPT = r"> $"
BOX_AND_BLOCKS = re.compile("[\u2500-\u259f→●○▼]")


def wait_until_reading(pid: int, timeout: float = 30) -> None:
    """Until process ``pid`` sleeps waiting for input (Linux: its wait channel)."""
    deadline = time.monotonic() + timeout
    wchan = Path(f"/proc/{pid}/wchan")
    while time.monotonic() < deadline:
        try:
            if wchan.read_text().split(".")[0] in READ_WAITS:
                return
        except OSError:
            return  # no /proc here, or the process ended: nothing to wait for
        time.sleep(0.01)
    raise AssertionError(f"process {pid} never waited for input")


READ_WAITS = frozenset({"wait_woken", "n_tty_read", "do_select", "poll_schedule_timeout"})
"""Where the kernel parks a process reading a terminal (readline selects first)."""


class Terminal:
    """footcheck in a pseudo-terminal, its output drawn on a screen of 80x24 (or as wide as
    ``columns``); the width comes from the terminal alone, never from $COLUMNS."""

    def __init__(
        self, args: str, home: Path, cwd: Path, *, columns: int = COLUMNS, **env: str
    ) -> None:
        environment = {**os.environ, "FOOTCHECK_HOME": str(home), "TERM": "xterm", **env}
        for name in ("CI", "FOOTCHECK_ACCESSIBLE", "COLUMNS", "LINES"):
            environment.pop(name, None)
        environment.update(env)
        self.child = pexpect.spawn(
            f"{sys.executable} -m footcheck {args}",
            env=environment,
            cwd=str(cwd),
            encoding="utf-8",
            dimensions=(ROWS, columns),
            timeout=20,
        )
        self.screen = pyte.Screen(columns, ROWS)
        self.stream = pyte.Stream(self.screen)
        self.everything = ""

    def _feed(self) -> None:
        text = (self.child.before or "") + (
            self.child.after if isinstance(self.child.after, str) else ""
        )
        self.stream.feed(text)
        self.everything += text

    def expect(self, pattern: str) -> None:
        self.child.expect(pattern)
        self._feed()

    def answer(self, text: str) -> None:
        """Wait for the prompt, then type ``text`` and Enter."""
        self.expect(r"> ")
        self.child.sendline(text)

    def interrupt(self) -> None:
        """Ctrl-C at the prompt. readline acts on a Ctrl-C that lands just before it starts
        waiting only at the next key (a CPython readline limit); a person's Ctrl-C comes
        long after the prompt is drawn, so the test waits until the process sleeps in its
        read of the terminal (polled: a busy machine only waits longer)."""
        wait_until_reading(self.child.pid)
        self.child.sendintr()

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def shown(self) -> str:
        return "\n".join(self.lines())

    def exit_status(self) -> int | None:
        self.child.expect(pexpect.EOF)
        self._feed()
        self.child.close()
        return self.child.exitstatus


def partial(tmp_path: Path, data: dict[str, Any], drop: list[str]) -> Path:
    path = tmp_path / "partial.json"
    path.write_text(json.dumps({k: v for k, v in data.items() if k not in drop}))
    return path


PERSONAS = {
    "see_clinician": RETAIL_WORKER,
    "urgent": answers(back_pain=True, rf_night_pain=True, lifting="often"),
    "emergency": answers(back_pain=True, rf_chest_pain=True, main_footwear="high_heels"),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_last_screen_holds_the_plan_and_the_save_question(
    persona: str, tmp_path: Path, private_home: Path
) -> None:
    data = PERSONAS[persona]
    path = partial(tmp_path, data, ["lifting"])
    term = Terminal(f"assess --answers {path}", private_home, tmp_path, NO_COLOR="1")
    if persona == "emergency":  # the file's emergency sign is told before any question
        term.expect("to go on > ")
        term.child.sendline("finish")
    term.answer(data["lifting"])
    term.expect(r"to change an answer > ")
    term.child.sendline("")
    term.expect(r"\[y/N\] > ")
    screen = term.shown()
    level = "see_clinician" if persona == "see_clinician" else persona
    triage = PLAN_TRIAGE[level]  # type: ignore[index]
    assert triage[:60] in screen.replace("\n", " ")
    assert "Your plan" in screen and "Save this result" in screen
    if level == "see_clinician":
        for number, title in enumerate(
            [
                "Keep active and carry on with your daily activities",
                "Build up regular exercise",
                "Strengthen your feet",
            ],
            1,
        ):
            assert f"{number}. {title}" in screen
    else:
        assert "Self-care steps wait until a doctor has checked you." in screen
    term.child.sendline("n")
    assert term.exit_status() == 0


BEFORE_WARNING_SIGNS = ("55", "no", "yes", "6", "1", "no", "no", "none")
"""Answers to every question asked before the first warning sign, with back pain."""
FIRST_WARNING_SIGN = QUESTION_IDS.index(red_flag_questions(CATALOGUE)[0].id) + 1
"""The question number of the first warning sign."""


def answer_until_warning_signs(term: Terminal) -> None:
    assert len(BEFORE_WARNING_SIGNS) == FIRST_WARNING_SIGN - 1
    for text in BEFORE_WARNING_SIGNS:
        term.answer(text)


def test_an_emergency_sign_interrupts_at_once_and_stopping_saves_nothing(
    tmp_path: Path, private_home: Path
) -> None:
    target = tmp_path / "summary.html"
    term = Terminal(f"assess -o {target}", private_home, tmp_path, NO_COLOR="1")
    answer_until_warning_signs(term)
    flags = [q.id for q in red_flag_questions(CATALOGUE)]
    for _ in flags[: flags.index("rf_both_legs")]:
        term.answer("no")
    term.answer("yes")  # pain, tingling, weakness or numbness in both legs
    term.expect("to go on > ")
    screen = term.shown()
    assert "EMERGENCY: call your emergency number now, or go to A&E" in screen
    assert "You have pain, tingling, weakness or numbness in both legs." in screen
    assert "999" in screen and "112" in screen
    term.child.sendline("")  # Enter: stop here
    assert term.exit_status() == 0
    assert "Nothing was saved and no summary was written." in term.everything
    after_it = QUESTION_IDS.index("rf_both_legs") + 2
    assert f"Question {after_it} " not in term.everything  # nothing more was asked
    assert not target.exists()
    assert not private_home.exists() or not list(private_home.iterdir())


def test_an_emergency_sign_in_the_file_is_told_before_any_question(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial(tmp_path, answers(back_pain=True, rf_trauma=True), ["lifting"])
    term = Terminal(f"assess --answers {path} --no-save", private_home, tmp_path, NO_COLOR="1")
    term.expect("to go on > ")
    assert "Your pain began after a serious accident." in term.everything
    assert "Question 1" not in term.everything
    term.child.sendline("")
    assert term.exit_status() == 0


def test_quitting_after_an_emergency_yes_says_the_advice_again(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial(tmp_path, answers(back_pain=True), ["rf_bladder_bowel", "lifting"])
    term = Terminal(f"assess --answers {path}", private_home, tmp_path, NO_COLOR="1")
    term.answer("yes")
    term.expect("to go on > ")
    term.child.sendline("finish")
    term.answer("quit")
    assert term.exit_status() == 130
    said = " ".join(term.everything.split())
    assert "cancelled, nothing saved" in said
    assert "EMERGENCY: call your emergency number now (999 UK" in said


def test_finishing_after_the_emergency_still_scores_an_emergency(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial(tmp_path, answers(back_pain=True), ["rf_chest_pain", "lifting"])
    term = Terminal(f"assess --answers {path} --no-save", private_home, tmp_path, NO_COLOR="1")
    term.answer("yes")  # chest pain
    term.expect("to go on > ")
    term.child.sendline("finish")
    term.answer("rarely")
    term.expect("to change an answer > ")
    term.child.sendline("")
    assert term.exit_status() == 0
    assert "EMERGENCY: call your emergency number now" in term.everything
    assert "Self-care steps wait until a doctor has checked you." in term.everything


def test_a_number_outside_the_choices_is_refused_not_read_as_a_name(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial(tmp_path, RETAIL_WORKER, ["pain_duration"])
    term = Terminal(f"assess --answers {path} --no-save", private_home, tmp_path)
    term.answer("6")  # three choices; "6" must not pick "6 to 12 weeks"
    term.expect("'6' is not a number from 1 to 3")
    term.answer("3")
    term.expect("to change an answer > ")
    term.child.sendline("")
    assert term.exit_status() == 0


@pytest.mark.parametrize("how", ["quit", "exit", "ctrl-c", "ctrl-d"])
def test_stopping_keeps_a_draft_and_says_so_on_a_line_of_its_own(
    how: str, tmp_path: Path, private_home: Path
) -> None:
    term = Terminal("assess", private_home, tmp_path, NO_COLOR="1")
    term.answer("42")
    term.answer("no")
    term.expect("> ")
    if how == "ctrl-c":
        term.interrupt()
    elif how == "ctrl-d":
        term.child.sendeof()
    else:
        term.child.sendline(how)
    assert term.exit_status() == 130
    cancelled = [line for line in term.lines() if "cancelled, nothing saved" in line]
    assert cancelled and cancelled[0].startswith("cancelled")  # not glued to the prompt
    assert "Your 2 answers so far are kept as a draft" in term.shown().replace("\n", " ")
    draft = private_home / DRAFT_NAME
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert json.loads(draft.read_text())["answers"] == {"age": 42, "diabetes_feet": False}
    assert "Traceback" not in term.everything


def test_a_draft_is_continued_after_ctrl_c_and_deleted_when_finished(
    tmp_path: Path, private_home: Path
) -> None:
    term = Terminal("assess --no-save", private_home, tmp_path, NO_COLOR="1")
    answer_until_warning_signs(term)
    term.expect("> ")
    term.interrupt()
    assert term.exit_status() == 130
    assert (private_home / DRAFT_NAME).exists()

    term = Terminal("assess --no-save", private_home, tmp_path, NO_COLOR="1")
    term.expect(rf"unfinished checklist from .*\({len(BEFORE_WARNING_SIGNS)} answers\)")
    term.expect(r"Continue it\? \[Y/n\] > ")
    term.child.sendline("")
    # only what is missing, numbered where the checklist stopped: the first warning sign
    term.expect(f"Question {FIRST_WARNING_SIGN} of {len(QUESTION_IDS)}")
    term.expect("trouble peeing")
    term.expect(r"\? help, back\) > ")  # back reaches the answers of the draft
    term.child.sendline("back")
    term.expect(r"\[Enter keeps:\s+none\] > ")  # other pain, from the draft
    term.child.sendline("")
    for _ in range(len(QUESTION_IDS)):
        index = term.child.expect([r"\) (\[[^\]]*\] )?> ", "to change an answer > "])
        term._feed()
        if index == 1:
            break
        prompt_text = term.child.before or ""
        term.child.sendline(_any_answer(prompt_text))
    term.child.sendline("")
    assert term.exit_status() == 0
    assert "Your plan" in term.everything
    assert not (private_home / DRAFT_NAME).exists()


def _any_answer(prompt: str) -> str:
    """A valid answer for whatever question was just shown."""
    last = prompt.rsplit("Question", 1)[-1]
    if "yes/no" in last:
        return "no"
    if "1-2 or the word" in last:
        return "disagree"
    if "numbers or names" in last:
        return "none"
    if "Enter skips" in last:
        return ""
    if "whole number from 0 to 7" in last:
        return "3"
    if "number from 0 to 24" in last:
        return "4"
    if "whole number" in last:
        return "5"
    return "1"


def test_fresh_discards_the_draft(tmp_path: Path, private_home: Path) -> None:
    private_home.mkdir()
    (private_home / DRAFT_NAME).write_text(
        json.dumps({"draft": "footcheck", "saved_at": "2026-11-01T10:00:00+00:00",
                    "answers": {"age": 70}})
    )  # fmt: skip
    term = Terminal("assess --fresh", private_home, tmp_path, NO_COLOR="1")
    term.expect("discarded")
    term.expect("How old are you")
    term.interrupt()
    assert term.exit_status() == 130
    assert not (private_home / DRAFT_NAME).exists()


def test_a_damaged_draft_is_named_and_set_aside(tmp_path: Path, private_home: Path) -> None:
    private_home.mkdir()
    (private_home / DRAFT_NAME).write_bytes(b"\x00\xffnot json")
    term = Terminal("assess", private_home, tmp_path, NO_COLOR="1")
    term.expect(r"damaged:\s+set\s+aside\s+as")
    term.expect("How old are you")
    term.interrupt()
    assert term.exit_status() == 130
    assert (private_home / (DRAFT_NAME + ".damaged")).read_bytes() == b"\x00\xffnot json"


def test_scripted_runs_never_use_a_draft(tmp_path: Path, private_home: Path) -> None:
    private_home.mkdir()
    (private_home / DRAFT_NAME).write_text(
        json.dumps({"draft": "footcheck", "saved_at": "2026-11-01T10:00:00+00:00",
                    "answers": {"age": 70}})
    )  # fmt: skip
    path = partial(tmp_path, RETAIL_WORKER, ["lifting"])
    term = Terminal(f"assess --answers {path} --no-save", private_home, tmp_path)
    term.answer("often")
    term.expect("to change an answer > ")
    term.child.sendline("")
    assert term.exit_status() == 0
    assert "unfinished checklist" not in term.everything
    assert (private_home / DRAFT_NAME).exists()


def test_the_review_names_dropped_answers_and_brings_them_back(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial(tmp_path, RETAIL_WORKER, ["lifting"])
    term = Terminal(f"assess --answers {path} --no-save", private_home, tmp_path)
    term.answer("sometimes")
    back_pain = QUESTION_IDS.index("back_pain") + 1
    term.expect("to change an answer > ")
    term.child.sendline(str(back_pain))
    term.answer("no")
    term.expect("No longer asked: ")
    term.expect("Kept, in case you change it back.")
    term.expect("to change an answer > ")
    assert f"Warning signs ({len(red_flag_questions(CATALOGUE))} answers)" in term.everything
    term.child.sendline(str(back_pain))
    term.answer("yes")
    term.expect(r"Follow-up question 1 of \d+")
    term.expect(r"\[Enter keeps: 6\] > ")  # the earlier answer is the default
    term.child.sendline("")
    term.answer("back")  # back to the pain intensity, kept
    term.expect(r"\[Enter keeps: 6\] > ")
    term.interrupt()
    assert term.exit_status() == 130


def test_back_in_change_mode_leaves_the_answer_as_it_was(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial(tmp_path, RETAIL_WORKER, ["lifting"])
    term = Terminal(f"assess --answers {path} --no-save --format json", private_home, tmp_path)
    term.answer("often")
    term.expect("to change an answer > ")
    term.child.sendline(str(QUESTION_IDS.index("age") + 1))
    term.answer("back")
    term.expect("to change an answer > ")
    term.child.sendline("")
    assert term.exit_status() == 0
    assert '"age": 34' in term.everything


def test_accessible_mode_has_no_box_drawing_bars_or_arrows(
    tmp_path: Path, private_home: Path
) -> None:
    path = partial(tmp_path, RETAIL_WORKER, ["lifting", "age"])
    term = Terminal(f"assess --answers {path} --no-save", private_home, tmp_path,
                    FOOTCHECK_ACCESSIBLE="1")  # fmt: skip
    term.answer("34")
    term.answer("sometimes")
    term.expect("to change an answer > ")
    term.child.sendline("")
    assert term.exit_status() == 0
    assert "Your plan." in term.everything and "Your answers." in term.everything
    assert not BOX_AND_BLOCKS.findall(term.everything)


def test_accessible_emergency_interrupt_is_plain_text(tmp_path: Path, private_home: Path) -> None:
    path = partial(tmp_path, answers(back_pain=True), ["rf_bladder_bowel"])
    term = Terminal(f"assess --answers {path} --accessible", private_home, tmp_path)
    term.answer("yes")
    term.expect("to go on > ")
    term.child.sendline("stop")
    assert term.exit_status() == 0
    assert "EMERGENCY: call your emergency number now, or go to A&E." in term.everything
    assert not BOX_AND_BLOCKS.findall(term.everything)


def test_a_summary_sent_to_a_file_still_shows_the_triage_and_plan_on_the_terminal(
    tmp_path: Path, private_home: Path
) -> None:
    """`assess --format json > out.json` at a terminal: the person still sees what to do."""
    path = partial(tmp_path, answers(back_pain=True, rf_night_pain=True), ["lifting"])
    out = tmp_path / "out.json"
    env = {**os.environ, "FOOTCHECK_HOME": str(private_home), "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", f"{sys.executable} -m footcheck assess --answers {path} --format json > {out}"],
        env=env,
        encoding="utf-8",
        dimensions=(ROWS, COLUMNS),
        timeout=20,
    )
    child.expect(r"> ")
    child.sendline("rarely")
    child.expect("to change an answer > ")
    child.sendline("")
    child.expect(r"\[y/N\] > ")
    seen = " ".join((child.before or "").split())
    assert "URGENT: get an urgent appointment today" in seen
    assert "Your plan" in seen
    child.sendline("n")
    child.expect(pexpect.EOF)
    assert json.loads(out.read_text())["triage"]["level"] == "urgent"


def test_output_to_a_file_shows_the_summary_and_then_says_where_the_file_went(
    tmp_path: Path, private_home: Path
) -> None:
    """`-o report.html --format html` at a terminal: the rich summary on the screen, the
    document only in the file, and where it went said beside the plan, not 150 lines up."""
    path = partial(tmp_path, RETAIL_WORKER, ["lifting"])
    target = tmp_path / "report.html"
    term = Terminal(
        f"assess --answers {path} -o {target.name} --format html", private_home, tmp_path
    )
    term.answer("sometimes")
    term.expect("to change an answer > ")
    term.child.sendline("")
    term.expect(r"\[y/N\] > ")
    screen = term.shown()
    assert "Your plan" in screen
    assert "1. Keep active and carry on with your daily activities" in screen
    assert "Wrote the summary to report.html (HTML)." in screen
    assert screen.index("Your plan") < screen.index("Wrote the summary")
    assert "<!DOCTYPE" not in term.everything and "<html" not in term.everything
    term.child.sendline("n")
    assert term.exit_status() == 0
    assert target.read_text().startswith("<!DOCTYPE html>")


def test_accessible_mode_says_one_sentence_a_line(tmp_path: Path, private_home: Path) -> None:
    path = partial(tmp_path, RETAIL_WORKER, ["lifting"])
    term = Terminal(f"assess --answers {path} --no-save --accessible", private_home, tmp_path,
                    NO_COLOR="1")  # fmt: skip
    term.answer("sometimes")
    term.expect("to change an answer > ")
    term.child.sendline("")
    assert term.exit_status() == 0
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", term.everything).replace("\r\n", "\n")
    lines = [line for line in text.split("footcheck summary, ", 1)[1].split("\n") if line.strip()]
    keele = "Research UK. Free for non-commercial use."  # the Keele statement, as Keele wrote it
    several = [line for line in lines if re.search(r"[a-z)]\. [A-Z]", line) and keele not in line]
    assert not several, several[:3]
    assert "1. Keep active and carry on with your daily activities [guideline]" in lines
    assert "Your answer: Hours a day on feet: 9, plus 4 points." in lines


def test_prompts_are_broken_between_words_on_a_narrow_terminal(
    tmp_path: Path, private_home: Path
) -> None:
    """At 62 columns the save question and the closing message are broken where that
    terminal ends, between words: its width is asked of the terminal, not taken as 80."""
    path = partial(tmp_path, RETAIL_WORKER, ["lifting"])
    term = Terminal(f"assess --answers {path}", private_home, tmp_path, columns=62, NO_COLOR="1")
    term.answer("often")
    term.expect(r"change an answer > ")
    term.child.sendline("")
    term.expect(r"\[y/N\] > ")
    said = " ".join(line.strip() for line in term.lines() if line.strip())
    assert "Save this result to your private history on this machine, to track progress?" in said
    term.child.sendline("n")
    assert term.exit_status() == 0


def test_back_at_the_emergency_prompt_returns_to_the_question(
    tmp_path: Path, private_home: Path
) -> None:
    term = Terminal("assess --no-save", private_home, tmp_path, NO_COLOR="1")
    answer_until_warning_signs(term)
    flags = [q.id for q in red_flag_questions(CATALOGUE)]
    for _ in flags[: flags.index("rf_both_legs")]:
        term.answer("no")
    number = QUESTION_IDS.index("rf_both_legs") + 1
    term.answer("yes")  # a yes typed by mistake
    term.expect("to go on > ")
    assert "type 'back' to change that answer" in term.shown()
    term.child.sendline("back")
    # The same question again, the yes kept as what Enter keeps.
    term.expect(f"Question {number} of")
    term.expect("> ")
    asked_again = term.everything[term.everything.rindex(f"Question {number} of") :]
    assert "numbness in both legs" in asked_again
    assert "[Enter keeps: yes]" in asked_again
    term.child.sendline("no")
    term.expect(f"Question {number + 1} of")
    assert term.everything.count("EMERGENCY: call your emergency number now, or go to A&E") == 1
    term.answer("quit")
    assert term.exit_status() == 130
