"""Properties that hold for every valid (and every corrupted) answer set."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from footcheck import AnswersError, evaluate
from footcheck.answers.model import validate_answers
from footcheck.cli.app import app
from footcheck.instruments.registry import QUESTION_BY_ID, QUESTIONS
from footcheck.summary import Summary
from tests.helpers import valid_answers

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def listed_by_footcheck_sources() -> set[str]:
    """The source ids `footcheck sources` prints (as JSON, and each also in its text)."""
    as_json = CliRunner().invoke(app, ["sources", "--format", "json"])
    as_text = CliRunner().invoke(app, ["sources"])
    assert as_json.exit_code == 0 and as_text.exit_code == 0
    ids = {source["id"] for source in json.loads(as_json.stdout)}
    assert all(f"[{sid}]" in as_text.stdout for sid in ids)
    return ids


LISTED_SOURCES = listed_by_footcheck_sources()


@given(valid_answers())
@settings(max_examples=3000, deadline=None)
def test_evaluate_never_raises_and_is_consistent(data: dict[str, Any]) -> None:
    summary = evaluate(data, now=NOW)
    for contributor in summary.contributors:
        assert contributor.points == sum(e.points for e in contributor.evidence)
        assert contributor.points > 0
        assert contributor.sources and set(contributor.sources) <= LISTED_SOURCES
    for step in summary.steps:
        assert step.sources and set(step.sources) <= LISTED_SOURCES
    cited = [s for item in (*summary.contributors, *summary.steps) for s in item.sources]
    assert [r.id for r in summary.references] == list(dict.fromkeys(cited))
    points = [(-c.points, c.id) for c in summary.contributors]
    assert points == sorted(points)
    steps = [s.id for s in summary.steps]
    assert len(steps) == len(set(steps))
    if summary.triage.level in ("emergency", "urgent"):
        assert len(summary.steps) == 1 and summary.steps[0].addresses == ["triage"]
    elif summary.triage.level == "see_clinician":
        assert summary.steps[0].addresses == ["triage"]
    if not summary.answers["back_pain"]:
        assert summary.red_flags == [] and summary.triage.level == "self_care"
    # the exported JSON reloads to the same summary, and its answers score the same
    dumped = summary.model_dump(mode="json")
    assert Summary.model_validate(dumped) == summary
    assert evaluate(dumped["answers"], now=NOW) == summary


def _wrong_value(qid: str) -> st.SearchStrategy[Any]:
    question = QUESTION_BY_ID[qid]
    if question.kind == "boolean":
        return st.sampled_from(["perhaps", 7, [True], {"a": 1}])
    if question.kind in ("integer", "number"):
        assert question.maximum is not None and question.minimum is not None
        return st.one_of(
            st.integers(int(question.maximum) + 1, 10**6),
            st.integers(-(10**6), int(question.minimum) - 1),
            st.text(max_size=5),
            st.just(True),
            st.just(float("inf")),
        )
    if question.kind == "choice":
        return st.text(max_size=12).filter(lambda t: t not in question.values)
    return st.one_of(
        st.text(max_size=5),
        st.lists(st.text(max_size=6).filter(lambda t: t not in question.values), min_size=1),
    )


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    data = draw(valid_answers())
    how = draw(st.sampled_from(["value", "unknown", "not_applicable", "missing"]))
    if how == "unknown":
        key = draw(st.text(min_size=1, max_size=20).filter(lambda k: k not in QUESTION_BY_ID))
        data[key] = draw(st.integers())
        return data, key
    if how == "not_applicable":
        idle = [q.id for q in QUESTIONS if q.id not in data]
        if idle:
            key = draw(st.sampled_from(idle))
            data[key] = draw(st.booleans())
            return data, key
    if how == "missing":
        needed = [q.id for q in QUESTIONS if q.id in data and not q.optional]
        key = draw(st.sampled_from(needed))
        del data[key]
        return data, key
    key = draw(st.sampled_from([q.id for q in QUESTIONS if q.id in data]))
    data[key] = draw(_wrong_value(key))
    return data, key


@given(corrupted())
@settings(max_examples=400)
def test_invalid_answers_always_name_the_field(case: tuple[dict[str, Any], str]) -> None:
    data, key = case
    with pytest.raises(AnswersError) as caught:
        evaluate(data)
    named = {p.id for p in caught.value.problems}
    # removing a controlling answer makes its dependants "not applicable" problems too
    assert key in named or repr(key) in named or (key in ("back_pain", "standing_hours") and named)
    assert all(p.message for p in caught.value.problems)


@given(
    st.dictionaries(
        st.text(max_size=15),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(),
            st.text(max_size=10),
            st.lists(st.text(max_size=5), max_size=3),
        ),
        max_size=12,
    )
)
@settings(max_examples=300)
def test_arbitrary_mappings_never_crash(data: dict[str, Any]) -> None:
    try:
        validate_answers(data, partial=True)
    except AnswersError as error:
        assert error.problems
        assert all(p.id and p.message for p in error.problems)
        # What a person reads can never carry a terminal escape from the file.
        assert all(str(p).isprintable() for p in error.problems)
