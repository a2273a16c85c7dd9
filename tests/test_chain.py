"""The chain from the feet to the lower back: a link is marked only by the person's own
answers, never inferred from another link (docs/rules.md, "The chain")."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings

from footcheck import evaluate
from footcheck.render import render_text
from footcheck.render.chain import chain_links
from footcheck.summary import Summary
from tests.helpers import answers, valid_answers

FOOT = {"overpronation", "underpronation", "unsupportive_footwear", "prolonged_standing"}
BACK = {"prolonged_sitting", "heavy_lifting", "low_activity"}


def spec_marked(summary: Summary) -> dict[str, bool]:
    """The rule restated: feet by a foot contributor or foot pain; knees by knees drifting
    inward or knee pain; hips / pelvis by hip pain; lower back by the pain or its habits."""
    a = summary.answers
    listed = {c.id for c in summary.contributors}
    return {
        "Feet": bool(listed & FOOT) or "feet" in a["other_pain"],
        "Knees": a["knees_inward"] == "yes" or "knees" in a["other_pain"],
        "Hips / pelvis": "hips" in a["other_pain"],
        "Lower back": a["back_pain"] is True or bool(listed & BACK),
    }


def marked(summary: Summary) -> dict[str, bool]:
    return {link.name: link.implicated for link in chain_links(summary)}


OTHER_PAIN = [
    list(c) for n in range(4) for c in itertools.combinations(("feet", "knees", "hips"), n)
]


@pytest.mark.parametrize(
    ("other_pain", "knees_inward", "back_pain"),
    list(itertools.product(OTHER_PAIN, ("yes", "no", "unsure"), (False, True))),
    ids=str,
)
def test_each_link_only_by_its_own_answers(
    other_pain: list[str], knees_inward: str, back_pain: bool
) -> None:
    """Nothing else scores here (no contributor), so each mark is the answer's own."""
    changes: dict[str, Any] = dict(other_pain=other_pain, knees_inward=knees_inward)
    if back_pain:
        changes["back_pain"] = True
    summary = evaluate(answers(**changes))
    assert marked(summary) == spec_marked(summary)
    text = render_text(summary, "markdown")
    if "hips" not in other_pain:  # the old text claimed a tipped pelvis from the feet
        assert "Hips / pelvis (not marked)" in text
    assert "tipped forward" not in text and "pulled inward" not in text


def test_rolled_in_feet_mark_the_feet_but_never_the_knees_or_hips_by_inference() -> None:
    summary = evaluate(
        answers(arch_standing="flat", shoe_wear="inner_edge", heel_tilt="inward", knees_inward="no")
    )
    assert summary.contributors[0].id == "overpronation"
    assert marked(summary) == {
        "Feet": True,
        "Knees": False,
        "Hips / pelvis": False,
        "Lower back": False,
    }


@given(valid_answers())
@settings(max_examples=300, deadline=None)
def test_the_chain_follows_the_rule_restated(data: dict[str, Any]) -> None:
    summary = evaluate(data)
    assert marked(summary) == spec_marked(summary)
