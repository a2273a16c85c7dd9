"""The catalogue is the one source of question ids and values: rules and renderers only refer
to it, and a new question's clinical facts take effect with no other edit."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import json
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest

import footcheck
from footcheck.checklist.catalogue import Catalogue
from footcheck.checklist.conditions import Answered, AnswerIn, AnswerIs, AnswerTest, NumberFrom
from footcheck.checklist.kinds import allowed
from footcheck.checklist.question import Question
from footcheck.checklist.sections.pain import BACK_PAIN
from footcheck.instruments.red_flags.scoring import raised_flags
from footcheck.instruments.registry import CATALOGUE
from footcheck.scoring.triage import decide_triage
from footcheck.sources import SOURCE_BY_ID
from footcheck.summary import TriageLevel
from footcheck.text.messages import EN
from tests.helpers import answers, edited_copy, run_edited

PACKAGE = Path(footcheck.__file__).parent
RULE_FOLDERS = ("scoring", "render", "instruments")
TEST_TYPES = (AnswerIs, AnswerIn, NumberFrom, Answered)


def reference_problem(test: AnswerTest, catalogue: Catalogue = CATALOGUE) -> str | None:
    """Why ``test`` does not fit the catalogue, or None when it does."""
    question = catalogue.by_id.get(test.question)
    if question is None:
        return f"{test!r}: no question {test.question!r}"
    if isinstance(test, Answered):
        return None
    if isinstance(test, NumberFrom):
        if question.kind not in ("integer", "number"):
            return f"{test!r}: {test.question} is not a number"
        assert question.minimum is not None and question.maximum is not None
        if not question.minimum <= test.low <= question.maximum:
            return f"{test!r}: {test.low} is outside {allowed(question)}"
        if test.high is not None and not question.minimum < test.high <= question.maximum + 1:
            return f"{test!r}: {test.high} is outside {allowed(question)}"
        return None
    for value in test.referred():
        if question.kind == "boolean":
            fits = isinstance(value, bool)
        elif question.kind in ("integer", "number"):
            assert question.minimum is not None and question.maximum is not None
            fits = (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and question.minimum <= value <= question.maximum
            )
        else:
            fits = value in question.values
        if not fits:
            return f"{test!r}: {value!r} is not an answer to {test.question} ({allowed(question)})"
    return None


def _modules() -> Iterator[object]:
    for folder in RULE_FOLDERS:
        prefix = f"footcheck.{folder}."
        for info in pkgutil.walk_packages([str(PACKAGE / folder)], prefix):
            yield importlib.import_module(info.name)


def _tests_in(value: object, seen: set[int]) -> Iterator[AnswerTest]:
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, TEST_TYPES):
        yield value
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _tests_in(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _tests_in(item, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _tests_in(getattr(value, field.name), seen)


def every_reference() -> list[AnswerTest]:
    seen: set[int] = set()
    return [
        test
        for module in _modules()
        for name, value in vars(module).items()
        if not name.startswith("__")
        for test in _tests_in(value, seen)
    ]


def test_the_rules_refer_to_answers() -> None:
    questions = {test.question for test in every_reference()}
    # the rules read these at least: a broken collector would find nothing
    assert {"main_footwear", "standing_hours", "other_pain", "fpi6_total"} <= questions


def test_every_answer_a_rule_or_renderer_refers_to_is_in_the_catalogue() -> None:
    problems = [p for test in every_reference() if (p := reference_problem(test))]
    assert problems == []


def spelled_references(path: Path) -> Iterator[tuple[int, AnswerTest]]:
    """Every answer test written out with literal arguments in a source file, wherever it
    is (inside a function too, where the module-level collector above cannot see it)."""
    classes = {cls.__name__: cls for cls in TEST_TYPES}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in classes
            and not node.keywords
        ):
            continue
        try:
            args = [ast.literal_eval(arg) for arg in node.args]
        except ValueError:  # a name, not a literal: the collector above checks its value
            continue
        yield node.lineno, classes[node.func.id](*args)


def test_every_answer_spelled_anywhere_in_the_package_is_in_the_catalogue() -> None:
    problems = [
        f"{path.relative_to(PACKAGE)}:{line}: {problem}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, test in spelled_references(path)
        if (problem := reference_problem(test))
    ]
    assert problems == []


def test_the_spelled_check_sees_a_reference_inside_a_function(tmp_path: Path) -> None:
    source = tmp_path / "rule.py"
    source.write_text(
        "def rule(values):\n    return AnswerIs('main_footwear', 'stilettos').holds(values)\n",
        encoding="utf-8",
    )
    ((line, test),) = spelled_references(source)
    assert line == 2 and reference_problem(test) is not None


@pytest.mark.parametrize(
    "wrong",
    [
        AnswerIs("main_footwear", "stilettos"),
        AnswerIs("no_such_question", True),
        AnswerIs("back_pain", "yes"),
        AnswerIs("active_days", 8),
        AnswerIn("pain_duration", ("over_12_weeks", "years")),
        NumberFrom("standing_hours", 30),
        NumberFrom("main_footwear", 1),
    ],
)
def test_the_check_fails_for_a_value_the_catalogue_does_not_have(wrong: AnswerTest) -> None:
    assert reference_problem(wrong) is not None


def _source_files() -> Iterator[Path]:
    for folder in ("scoring", "render"):
        yield from sorted((PACKAGE / folder).glob("*.py"))


def test_question_ids_in_rules_and_renderers_appear_only_in_answer_tests() -> None:
    """A bare id (``values["insoles"]``) would escape the check above."""
    names = {cls.__name__ for cls in TEST_TYPES}
    stray = []
    for path in _source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed: set[int] = set()
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and node.args
            ):
                allowed.add(id(node.args[0]))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and node.value in CATALOGUE.by_id
                and id(node) not in allowed
            ):
                stray.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert stray == []


def test_no_red_flag_or_start_back_id_is_spelled_in_rules_or_renderers() -> None:
    pattern = re.compile(r"[\"'](rf|sb)_[a-z_]+[\"']")
    found = [
        f"{path.name}:{number}"
        for path in _source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_every_question_in_the_warning_signs_section_has_a_level() -> None:
    section = [q for q in CATALOGUE.questions if q.section == "red_flags"]
    assert section and all(q.red_flag is not None for q in section)


def test_warning_signs_and_start_back_items_are_asked_only_with_back_pain() -> None:
    """A red flag or STarT Back item asked without back pain would be scored without it."""
    asked_with_pain = [
        q for q in CATALOGUE.questions if q.red_flag is not None or q.start_back_item is not None
    ]
    assert asked_with_pain
    assert all(q.when == BACK_PAIN for q in asked_with_pain)


NEW_SIGN_WORDS = {
    "question.rf_new_sign.prompt": "Do you have a new sign?",
    "question.rf_new_sign.help": "A sign added by a test. {if_yes}",
    "question.rf_new_sign.short": "A new sign",
}
"""The words of a red flag added by a test, as its lines in the message file would give them."""


def test_a_red_flag_added_to_an_extended_catalogue_raises_triage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for message_id, words in NEW_SIGN_WORDS.items():
        monkeypatch.setitem(EN.templates, message_id, words)
    new = Question("rf_new_sign", "red_flags", "boolean", when=BACK_PAIN, red_flag="urgent")
    extended = CATALOGUE.extended(new)
    assert extended.ids.index("rf_new_sign") == max(
        i for i, q in enumerate(extended.questions) if q.section == "red_flags"
    )
    values = {**answers(back_pain=True), "rf_new_sign": True}
    raised = raised_flags(values, extended)
    assert raised == ["rf_new_sign"]
    triage = decide_triage(values, raised, None, extended)
    assert triage.level == "urgent"
    assert any("A new sign" in reason for reason in triage.reasons)
    assert raised_flags(values, CATALOGUE) == []  # the real catalogue does not know it
    assert "rf_new_sign" in extended.inapplicable_ids({**values, "back_pain": False})


NEW_SIGN = """
QUESTIONS += (red_flag("rf_new_sign", "emergency"),)
"""
NEW_SIGN_LINES = {
    "prompt": "Do you have a new sign?",
    "short": "A new sign",
    "help": "A sign added by a test. {if_yes}",
    "reason": "You have a new sign.",
}


def with_words(text: str) -> str:
    """The checklist's message file with the new sign's words added."""
    messages = json.loads(text)
    messages["question"]["rf_new_sign"] = NEW_SIGN_LINES
    return json.dumps(messages)


def test_a_red_flag_added_to_the_catalogue_needs_no_other_edit(tmp_path: Path) -> None:
    """The question, in its module, and its words, in the message file, are the only
    change: the answers model, the red flags, the triage and the steps all follow (a copy
    of the package, edited as a maintainer would edit it)."""
    root = edited_copy(
        tmp_path,
        {
            "instruments/red_flags/questions.py": lambda s: s + NEW_SIGN,
            "text/en/checklist.json": with_words,
        },
    )
    given = tmp_path / "answers.json"
    given.write_text(json.dumps({**answers(back_pain=True), "rf_new_sign": True}))
    result = run_edited(root, "assess", "--answers", str(given), "--format", "json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["triage"]["level"] == "emergency"
    assert summary["red_flags"] == ["rf_new_sign"]
    assert summary["answers"]["rf_new_sign"] is True
    assert summary["triage"]["reasons"] == ["You have a new sign."]
    assert [step["id"] for step in summary["steps"]] == ["seek_emergency_care"]


def test_contributor_and_step_ids_named_outside_their_tables_exist() -> None:
    """The renderers and the step rules name contributors and steps by id: a renamed one
    must fail here, not silently drop a chain mark or a step, or show its raw id."""
    from footcheck.render import chain, wording
    from footcheck.scoring import steps
    from footcheck.scoring.contributors import RULE_BY_ID

    contributors = set(RULE_BY_ID)
    assert set(wording.CONTRIBUTOR_SHORT) == contributors  # every one has words
    assert set(chain.FOOT_CONTRIBUTORS) | set(chain.BACK_CONTRIBUTORS) == contributors
    assert not set(chain.FOOT_CONTRIBUTORS) & set(chain.BACK_CONTRIBUTORS)
    assert set(steps.FOOT_POSTURE) <= contributors
    assert {*steps.CONTRIBUTOR_STEP, steps.LOW_ACTIVITY} <= contributors
    named_steps = {
        *(step for chosen in steps.CONTRIBUTOR_STEP.values() for step in chosen),
        *steps.ALREADY_DOING,
        *steps.NOT_WITH_NUMB_FEET,
        *steps.TRIAGE_STEP.values(),
    }
    assert named_steps <= set(steps.STEP_INFO)
    tree = ast.parse((PACKAGE / "scoring" / "steps.py").read_text(encoding="utf-8"))
    spelled = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        # an id-like word: a contributor, a step, a triage level or a field of the summary
        and re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", node.value)
    }
    values = {value for question in CATALOGUE.questions for value in question.values}
    known = (
        contributors
        | set(steps.STEP_INFO)
        | set(CATALOGUE.by_id)
        | values
        | set(SOURCE_BY_ID)
        | set(get_args(TriageLevel))
        | {"already_doing"}
    )
    assert spelled <= known, spelled - known
