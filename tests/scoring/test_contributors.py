"""Contributors: every row of the points table (docs/rules.md, "Contributors"), checked
against the table restated here, exhaustively where the space is small."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from footcheck import evaluate
from footcheck.scoring.contributors import RULE_BY_ID, find_contributors, likelihood
from footcheck.sources import SOURCE_BY_ID
from tests.helpers import UNSURE_SELF_CHECKS, answers

OTHER_PAIN = [[], ["feet"], ["knees"], ["hips"], ["feet", "knees"], ["feet", "knees", "hips"]]


def spec_overpronation(v: dict[str, Any]) -> int:
    if v.get("fpi6_total") is not None:
        points = 6 if v["fpi6_total"] >= 10 else 3 if v["fpi6_total"] >= 6 else 0
    else:
        arch = (
            2
            if v["arch_standing"] == "flat"
            else 2
            if v["wet_footprint"] == "full"
            else 1
            if v["arch_standing"] == "low"
            else 0
        )
        points = (
            arch
            + 2 * (v["shoe_wear"] == "inner_edge")
            + (v["knees_inward"] == "yes")
            + 2 * (v["heel_tilt"] == "inward")
        )
    if points:
        points += ("feet" in v["other_pain"]) + ("knees" in v["other_pain"])
    return points


def spec_underpronation(v: dict[str, Any]) -> int:
    if v.get("fpi6_total") is not None:
        points = 6 if v["fpi6_total"] <= -5 else 3 if v["fpi6_total"] <= -1 else 0
    else:
        arch = 2 if v["arch_standing"] == "high" or v["wet_footprint"] == "narrow" else 0
        points = arch + 2 * (v["shoe_wear"] == "outer_edge") + 2 * (v["heel_tilt"] == "outward")
    if points:
        points += "feet" in v["other_pain"]
    return points


def points_of(summary_contributors: list[Any], cid: str) -> int:
    return next((c.points for c in summary_contributors if c.id == cid), 0)


FOOT_SPACE = list(
    itertools.product(
        ("flat", "low", "normal", "high", "unsure"),
        ("full", "normal", "narrow", "unsure"),
        ("inner_edge", "even", "outer_edge", "unsure"),
        ("yes", "no", "unsure"),
        ("inward", "straight", "outward", "unsure"),
    )
)


@pytest.mark.parametrize("other_pain", OTHER_PAIN, ids=str)
def test_foot_posture_points_over_every_self_check_combination(other_pain: list[str]) -> None:
    for arch, foot_print, wear, knees, heel in FOOT_SPACE:
        values = answers(
            arch_standing=arch,
            wet_footprint=foot_print,
            shoe_wear=wear,
            knees_inward=knees,
            heel_tilt=heel,
            other_pain=other_pain,
        )
        found = find_contributors(values)
        assert points_of(found, "overpronation") == spec_overpronation(values), values
        assert points_of(found, "underpronation") == spec_underpronation(values), values


@pytest.mark.parametrize("other_pain", OTHER_PAIN, ids=str)
def test_foot_posture_points_over_every_fpi6_total(other_pain: list[str]) -> None:
    for total in range(-12, 13):
        # a clinician's total replaces the self-checks, whatever they say
        values = answers(
            fpi6_total=total, arch_standing="flat", heel_tilt="outward", other_pain=other_pain
        )
        found = find_contributors(values)
        assert points_of(found, "overpronation") == spec_overpronation(values), total
        assert points_of(found, "underpronation") == spec_underpronation(values), total


def test_the_fpi6_rows() -> None:
    """+6 is a mild finding (the adult mean is about +4): 3 points; +10 or more: 6."""
    expected = {5: 0, 6: 3, 9: 3, 10: 6, 12: 6, -1: 3, -4: 3, -5: 6, -12: 6, 0: 0}
    for total, points in expected.items():
        cid = "overpronation" if total >= 0 else "underpronation"
        assert points_of(find_contributors(answers(fpi6_total=total)), cid) == points, total


def test_the_arch_counts_once() -> None:
    both = find_contributors(answers(arch_standing="flat", wet_footprint="full"))
    assert [(e.question, e.points) for e in both[0].evidence] == [("arch_standing", 2)]
    low_and_full = find_contributors(answers(arch_standing="low", wet_footprint="full"))
    assert [(e.question, e.points) for e in low_and_full[0].evidence] == [("wet_footprint", 2)]


def test_other_pain_evidence_names_the_one_item_that_scored() -> None:
    found = find_contributors(answers(heel_tilt="inward", other_pain=["feet", "knees", "hips"]))
    rows = [(e.question, e.answer, e.points) for e in found[0].evidence]
    assert rows == [
        ("heel_tilt", "inward", 2),
        ("other_pain", "feet", 1),
        ("other_pain", "knees", 1),
    ]


def spec_footwear(v: dict[str, Any]) -> int:
    shoe = {"high_heels": 4, "flat_unsupportive": 3, "minimal": 1}.get(v["main_footwear"], 0)
    return shoe + 3 * bool(v["shoes_worn_out"])


def test_footwear_over_every_answer() -> None:
    for footwear, worn in itertools.product(
        ("supportive", "athletic", "flat_unsupportive", "high_heels", "minimal", "work_boots"),
        (False, True),
    ):
        values = answers(main_footwear=footwear, shoes_worn_out=worn)
        found = find_contributors(values)
        assert points_of(found, "unsupportive_footwear") == spec_footwear(values), values


HOURS = [0, 1, 3.5, 4, 5.5, 6, 7.5, 8, 9, 9.5, 10, 12, 14]


def spec_standing(v: dict[str, Any]) -> int:
    hours = v["standing_hours"]
    band = 4 if hours >= 8 else 3 if hours >= 6 else 2 if hours >= 4 else 0
    if hours < 4:
        return 0
    return band + 2 * bool(v.get("hard_floors")) + bool(v.get("pain_worse_standing"))


def spec_sitting(v: dict[str, Any]) -> int:
    hours = v["sitting_hours"]
    band = 4 if hours >= 10 else 3 if hours >= 8 else 2 if hours >= 6 else 0
    if hours < 6:
        return 0
    return band + bool(v.get("pain_worse_sitting"))


def test_standing_and_sitting_over_a_grid_of_hours() -> None:
    checked = 0
    for standing, sitting, floors, worse_standing, worse_sitting in itertools.product(
        HOURS, HOURS, (False, True), (False, True), (False, True)
    ):
        if standing + sitting > 24:
            continue
        changes: dict[str, Any] = dict(
            back_pain=True,
            standing_hours=standing,
            sitting_hours=sitting,
            pain_worse_standing=worse_standing,
            pain_worse_sitting=worse_sitting,
        )
        if standing > 0:
            changes["hard_floors"] = floors
        values = answers(**changes)
        if standing == 0:
            values.pop("hard_floors", None)
        found = find_contributors(values)
        assert points_of(found, "prolonged_standing") == spec_standing(values), values
        assert points_of(found, "prolonged_sitting") == spec_sitting(values), values
        checked += 1
    assert checked > 1000


@pytest.mark.parametrize(("lifting", "points"), [("rarely", 0), ("sometimes", 1), ("often", 3)])
def test_lifting(lifting: str, points: int) -> None:
    assert points_of(find_contributors(answers(lifting=lifting)), "heavy_lifting") == points


@pytest.mark.parametrize(("days", "points"), [(0, 3), (1, 2), (2, 1), (3, 0), (5, 0), (7, 0)])
def test_activity(days: int, points: int) -> None:
    assert points_of(find_contributors(answers(active_days=days)), "low_activity") == points


@pytest.mark.parametrize(
    ("points", "expected"),
    [(1, "low"), (2, "low"), (3, "moderate"), (5, "moderate"), (6, "high"), (12, "high")],
)
def test_likelihood_bands(points: int, expected: str) -> None:
    assert likelihood(points) == expected


def test_nothing_scores_for_the_neutral_person() -> None:
    assert evaluate(answers(**UNSURE_SELF_CHECKS)).contributors == []
    assert evaluate(answers()).contributors == []


def test_order_is_points_then_id_and_evidence_adds_up() -> None:
    summary = evaluate(
        answers(
            back_pain=True,
            main_footwear="high_heels",  # 4
            lifting="often",  # 3
            active_days=0,  # 3
            sitting_hours=10,  # 4
        )
    )
    order = [(c.id, c.points) for c in summary.contributors]
    assert order == [
        ("prolonged_sitting", 4),
        ("unsupportive_footwear", 4),
        ("heavy_lifting", 3),
        ("low_activity", 3),
    ]
    for contributor in summary.contributors:
        assert contributor.points == sum(e.points for e in contributor.evidence)
        assert contributor.sources == list(RULE_BY_ID[contributor.id].sources)


FORBIDDEN = [
    "tips the pelvis",
    "tip the pelvis",
    "pelvis tips forward",
    "load on the discs",
    "loads the discs",
    "arches to compensate",
    "increase the curve",
    "increasing the curve",
    "bent back",
    "bent or twisted",
]


def test_explanations_say_may_name_sources_and_avoid_the_unfounded_claims() -> None:
    for rule in RULE_BY_ID.values():
        text = rule.explanation.lower()
        assert rule.sources, rule.id
        assert "may" in text or "not" in text, rule.id
        assert not [phrase for phrase in FORBIDDEN if phrase in text], rule.id
        for source in rule.sources:  # each source is named where the reader sees it
            assert f"({SOURCE_BY_ID[source].short}" in rule.explanation, (rule.id, source)


def test_no_text_a_person_reads_states_the_unfounded_claims() -> None:
    """Not the explanations only: evidence reasons, steps and help texts too."""
    from footcheck.instruments.registry import QUESTIONS
    from footcheck.scoring.contributors import FirstOf
    from footcheck.scoring.steps import STEPS

    texts = [s.title + " " + s.details for s in STEPS]
    texts += [q.prompt + " " + q.help + " " + q.reason for q in QUESTIONS]
    for rule in RULE_BY_ID.values():
        for item in (*rule.points, *rule.extras, *rule.measured_points):
            points = item.points if isinstance(item, FirstOf) else (item,)
            texts += [point.reason for point in points]
    found = [(phrase, text) for text in texts for phrase in FORBIDDEN if phrase in text.lower()]
    assert found == []
