"""Answer sets shared by the tests: a neutral baseline and hypothesis strategies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from footcheck.checklist.question import Question
from footcheck.checklist.sections.habits import DAY_HOURS, HOURS_IN_A_DAY
from footcheck.instruments.red_flags.scoring import red_flag_questions
from footcheck.instruments.registry import CATALOGUE, QUESTIONS

NEUTRAL: dict[str, Any] = {
    "age": 40,
    "diabetes_feet": False,
    "back_pain": False,
    "other_pain": [],
    "arch_standing": "normal",
    "wet_footprint": "normal",
    "shoe_wear": "even",
    "knees_inward": "no",
    "heel_tilt": "straight",
    "fpi6_total": None,
    "main_footwear": "supportive",
    "shoes_worn_out": False,
    "insoles": "none",
    "standing_hours": 2,
    "hard_floors": False,
    "sitting_hours": 4,
    "lifting": "rarely",
    "active_days": 5,
    "foot_exercises": False,
}
"""A person with no back pain, no warning signs and nothing that scores a point."""

NO_RED_FLAGS: dict[str, Any] = {q.id: False for q in red_flag_questions(CATALOGUE)}
"""Every warning sign answered no (they are asked only with back pain)."""

BACK_PAIN: dict[str, Any] = {
    "back_pain": True,
    "pain_intensity": 3,
    "pain_duration": "under_6_weeks",
    "pain_worse_standing": False,
    "pain_worse_sitting": False,
    **NO_RED_FLAGS,
    "sb_leg_pain": False,
    "sb_shoulder_neck": False,
    "sb_walk_short": False,
    "sb_dress_slow": False,
    "sb_unsafe_active": False,
    "sb_worry": False,
    "sb_terrible": False,
    "sb_no_enjoy": False,
    "sb_bothersome": "slightly",
}
"""Mild, recent back pain with a low STarT Back score; merge over NEUTRAL."""


UNSURE_SELF_CHECKS: dict[str, Any] = {
    "arch_standing": "unsure",
    "wet_footprint": "unsure",
    "shoe_wear": "unsure",
    "knees_inward": "unsure",
    "heel_tilt": "unsure",
}
"""The five foot self-checks all answered 'unsure': no sign either way."""


def answers(**changes: Any) -> dict[str, Any]:
    """NEUTRAL with changes; ``back_pain=True`` (or any warning sign answered) brings in
    the BACK_PAIN answers too, since those are asked only with back pain."""
    base = dict(NEUTRAL)
    if changes.get("back_pain") or any(flag in changes for flag in NO_RED_FLAGS):
        base.update(BACK_PAIN)
    base.update(changes)
    return base


def _value(question: Question) -> st.SearchStrategy[Any]:
    if question.red_flag is not None:
        # Rare, as in life: about a quarter of answer sets with back pain raise none.
        return st.integers(0, 9).map(lambda draw: draw == 0)
    if question.kind == "boolean":
        return st.booleans()
    if question.kind == "integer":
        assert question.minimum is not None and question.maximum is not None
        return st.integers(int(question.minimum), int(question.maximum))
    if question.kind == "number":
        assert question.minimum is not None and question.maximum is not None
        low, high = question.minimum, question.maximum
        return st.floats(low, high, allow_nan=False).map(lambda x: round(x * 2) / 2)
    if question.kind == "choice":
        return st.sampled_from(question.values)
    return st.lists(st.sampled_from(question.values), unique=True)


@st.composite
def valid_answers(draw: st.DrawFn) -> dict[str, Any]:
    """Any complete, consistent answer set, built from the catalogue."""
    result: dict[str, Any] = {}
    for question in QUESTIONS:
        if not question.applies(result):
            continue
        if question.optional and draw(st.booleans()):
            result[question.id] = None
            continue
        value = draw(_value(question))
        if question.id == DAY_HOURS[-1]:  # the day's hours share 24
            value = min(value, HOURS_IN_A_DAY - sum(result[qid] for qid in DAY_HOURS[:-1]))
        result[question.id] = value
    return result


def asked(values: dict[str, Any]) -> list[str]:
    """The ids the checklist asks (and the review screen lists) given these answers."""
    return [q.id for q in QUESTIONS if q.applies(values)]


def review_row(qid: str, values: dict[str, Any]) -> int:
    """The number beside ``qid`` on the review screen."""
    return asked(values).index(qid) + 1


def section_ids(section: str) -> list[str]:
    return [q.id for q in QUESTIONS if q.section == section]


def leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indexes) to a value in a JSON document, for fuzzing edits."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaf_paths(v, (*path, k))] or [path]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in leaf_paths(v, (*path, i))] or [path]
    return [path]


def edited(document: Any, edits: list[tuple[tuple[Any, ...], Any]]) -> Any:
    """A copy of ``document`` with the value at each path replaced."""
    copy = json.loads(json.dumps(document))
    for path, value in edits:
        target = copy
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return copy


PACKAGE = Path(__file__).resolve().parent.parent / "footcheck"


def edited_copy(where: Path, edits: dict[str, Callable[[str], str]]) -> Path:
    """A copy of the footcheck package in ``where`` with some of its files edited as a
    maintainer would edit them (each file's text through its function; a file that does
    not exist yet starts empty). Returns the folder to put on PYTHONPATH."""
    root = where / "edited"
    shutil.copytree(PACKAGE, root / "footcheck", ignore=shutil.ignore_patterns("__pycache__"))
    for name, edit in edits.items():
        path = root / "footcheck" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(edit(path.read_text() if path.exists() else ""))
    return root


def run_edited(
    root: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m footcheck ARGS`` (or ``python -c`` with ``-c``) on an edited copy."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, *(args if args[0] == "-c" else ("-m", "footcheck", *args))],
        capture_output=True, text=True, env=env, input=stdin, check=False, cwd=root,
    )  # fmt: skip
