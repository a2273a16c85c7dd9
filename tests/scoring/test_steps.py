"""Suggested steps: every selection rule, labels, order, no repeats (docs/rules.md, "Steps").

The rules are restated independently below (``spec_steps``) and compared with footcheck's
on every answer set hypothesis draws, besides a table test per rule.
"""

from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings

from footcheck import evaluate
from footcheck.scoring.steps import NG59_ORTHOTICS, STEP_INFO, STEPS
from footcheck.sources import SOURCE_BY_ID
from tests.helpers import answers, valid_answers


def step_ids(**changes: Any) -> list[str]:
    return [s.id for s in evaluate(answers(**changes)).steps]


FOOT_STEPS = ["foot_strengthening", "calf_ankle_mobility"]


@pytest.mark.parametrize(
    ("changes", "present", "absent"),
    [
        (dict(back_pain=True, pain_intensity=8), ["see_physiotherapist", "stay_active"], []),
        (dict(back_pain=True), ["stay_active"], ["regular_exercise", "see_physiotherapist"]),
        (dict(back_pain=True, pain_duration="6_to_12_weeks"), ["regular_exercise"], []),
        (dict(back_pain=True, pain_duration="over_12_weeks"), ["regular_exercise"], []),
        (dict(active_days=1), ["regular_exercise"], ["stay_active"]),  # low activity, no pain
        # foot posture, low likelihood (1-2 points)
        (
            dict(arch_standing="low"),
            FOOT_STEPS,
            ["supportive_footwear", "arch_support_insoles", "gait_analysis"],
        ),
        # moderate: shoes too, but no insoles without foot or knee pain
        (
            dict(arch_standing="flat", heel_tilt="inward"),
            [*FOOT_STEPS, "supportive_footwear"],
            ["arch_support_insoles", "gait_analysis"],
        ),
        # high: a gait assessment too
        (
            dict(arch_standing="flat", heel_tilt="inward", shoe_wear="inner_edge"),
            [*FOOT_STEPS, "supportive_footwear", "gait_analysis"],
            ["arch_support_insoles"],
        ),
        (dict(wet_footprint="narrow", shoe_wear="outer_edge"), FOOT_STEPS, []),
        # footwear
        (dict(main_footwear="flat_unsupportive"), ["supportive_footwear"], ["replace_worn_shoes"]),
        (dict(shoes_worn_out=True), ["supportive_footwear", "replace_worn_shoes"], []),
        (dict(main_footwear="high_heels"), ["supportive_footwear", "limit_high_heels"], []),
        # habits
        (dict(standing_hours=6), ["standing_relief"], []),
        (dict(sitting_hours=8), ["movement_breaks"], []),
        (dict(lifting="often"), ["lifting_load_management"], []),
        (dict(lifting="sometimes"), ["lifting_load_management"], []),
        # foot pain on its own: the sole, nothing for posture without a contributor
        (dict(other_pain=["feet"]), ["plantar_fascia_mobilization"], ["posture_awareness"]),
        (dict(other_pain=["knees", "hips"]), [], ["plantar_fascia_mobilization"]),
        # any contributor: posture awareness
        (dict(lifting="sometimes"), ["posture_awareness"], []),
    ],
)
def test_selection_rules(changes: dict[str, Any], present: list[str], absent: list[str]) -> None:
    steps = step_ids(**changes)
    assert set(present) <= set(steps), steps
    assert not set(absent) & set(steps), steps


def test_neutral_person_gets_no_steps() -> None:
    assert step_ids() == []


@pytest.mark.parametrize("flag", ["rf_saddle_numbness", "rf_chest_pain", "rf_trauma"])
def test_emergency_gives_the_emergency_step_alone(flag: str) -> None:
    everything = dict(
        back_pain=True,
        pain_intensity=9,
        arch_standing="flat",
        heel_tilt="inward",
        shoe_wear="inner_edge",
        main_footwear="high_heels",
        lifting="often",
        active_days=0,
        other_pain=["feet"],
        diabetes_feet=True,
    )
    summary = evaluate(answers(**everything, **{flag: True}))
    assert [s.id for s in summary.steps] == ["seek_emergency_care"]
    assert summary.contributors  # still computed, shown for when they have been checked


@pytest.mark.parametrize("flag", ["rf_night_pain", "rf_immune_steroids"])
def test_urgent_gives_the_urgent_step_alone(flag: str) -> None:
    summary = evaluate(answers(back_pain=True, lifting="often", **{flag: True}))
    assert [s.id for s in summary.steps] == ["see_clinician_promptly"]


LIKELIHOOD_ANSWERS = {
    "low": dict(arch_standing="low"),
    "moderate": dict(arch_standing="flat", heel_tilt="inward"),
    "high": dict(arch_standing="flat", heel_tilt="inward", shoe_wear="inner_edge"),
}


@pytest.mark.parametrize(
    ("level", "other_pain", "insoles", "diabetes"),
    list(
        itertools.product(
            LIKELIHOOD_ANSWERS,
            [[], ["feet"], ["knees"], ["hips"], ["feet", "knees"]],
            ["none", "off_the_shelf", "custom"],
            [False, True],
        )
    ),
)
def test_insoles_only_for_foot_or_knee_pain_without_insoles(
    level: str, other_pain: list[str], insoles: str, diabetes: bool
) -> None:
    summary = evaluate(
        answers(
            **LIKELIHOOD_ANSWERS[level],
            other_pain=other_pain,
            insoles=insoles,
            diabetes_feet=diabetes,
        )
    )
    # foot and knee pain add a point each, so the likelihood is read from the summary
    likelihood = next(c.likelihood for c in summary.contributors if c.id == "overpronation")
    expected = (
        likelihood in ("moderate", "high")
        and bool({"feet", "knees"} & set(other_pain))
        and insoles == "none"
        and not diabetes
    )
    assert ("arch_support_insoles" in [s.id for s in summary.steps]) == expected


def test_diabetes_puts_the_foot_check_second_and_leaves_out_the_risky_steps() -> None:
    steps = step_ids(
        back_pain=True,
        pain_intensity=8,
        diabetes_feet=True,
        arch_standing="flat",
        heel_tilt="inward",
        other_pain=["feet"],
    )
    assert steps[:3] == ["see_physiotherapist", "foot_check_podiatry", "stay_active"]
    assert "plantar_fascia_mobilization" not in steps
    assert "arch_support_insoles" not in steps
    assert "foot_strengthening" in steps  # the podiatry step comes first
    assert step_ids(diabetes_feet=True) == ["foot_check_podiatry"]


@pytest.mark.parametrize(
    ("changes", "doing"),
    [
        (dict(active_days=5, back_pain=True, pain_duration="over_12_weeks"), {"regular_exercise"}),
        (dict(active_days=4, back_pain=True, pain_duration="over_12_weeks"), set()),
        (dict(arch_standing="low", foot_exercises=True), set(FOOT_STEPS)),
        (dict(arch_standing="low", foot_exercises=False), set()),
        # moderate foot posture in good athletic shoes: keep going with the shoes
        (
            dict(arch_standing="flat", heel_tilt="inward", main_footwear="athletic"),
            {"supportive_footwear"},
        ),
        (
            dict(arch_standing="flat", heel_tilt="inward", main_footwear="supportive",
                 shoes_worn_out=True),
            set(),
        ),
        (dict(arch_standing="flat", heel_tilt="inward", main_footwear="work_boots"), set()),
    ],
)  # fmt: skip
def test_already_doing(changes: dict[str, Any], doing: set[str]) -> None:
    steps = evaluate(answers(**changes)).steps
    assert {s.id for s in steps if s.already_doing} == doing
    flags = [s.already_doing for s in steps]
    assert flags == sorted(flags)  # steps already done come after every new one


def test_the_athlete_is_not_told_to_start_what_they_already_do() -> None:
    """Athletic shoes, custom insoles, foot exercises already: keep going, not start."""
    summary = evaluate(
        answers(
            back_pain=True,
            arch_standing="flat",
            heel_tilt="inward",
            shoe_wear="inner_edge",
            other_pain=["feet"],
            main_footwear="athletic",
            insoles="custom",
            foot_exercises=True,
            active_days=6,
        )
    )
    new = [s.id for s in summary.steps if not s.already_doing]
    doing = [s.id for s in summary.steps if s.already_doing]
    assert doing == ["foot_strengthening", "calf_ankle_mobility", "supportive_footwear"]
    assert "arch_support_insoles" not in new
    assert new == [
        "stay_active",
        "gait_analysis",
        "plantar_fascia_mobilization",
        "posture_awareness",
    ]


SPEC_LABELS = {
    "seek_emergency_care": "guideline",
    "see_clinician_promptly": "guideline",
    "see_physiotherapist": "guideline",
    "stay_active": "guideline",
    "regular_exercise": "guideline",
    "foot_check_podiatry": "guideline",
    "arch_support_insoles": "limited",
    "foot_strengthening": "limited",
    "calf_ankle_mobility": "limited",
    "plantar_fascia_mobilization": "limited",
    "supportive_footwear": "practical",
    "replace_worn_shoes": "practical",
    "limit_high_heels": "practical",
    "gait_analysis": "practical",
    "standing_relief": "practical",
    "movement_breaks": "practical",
    "lifting_load_management": "practical",
    "posture_awareness": "practical",
}


def test_evidence_labels_and_sources() -> None:
    assert {s.id: s.evidence for s in STEPS} == SPEC_LABELS
    for step in STEPS:
        assert step.sources and all(s in SOURCE_BY_ID for s in step.sources), step.id


def test_insoles_quote_nice_exactly_and_are_for_foot_or_knee_pain_only() -> None:
    details = STEP_INFO["arch_support_insoles"].details
    assert NG59_ORTHOTICS in details
    assert (
        "do not offer … foot orthotics … for managing low back pain with or without sciatica"
        in details
    )
    assert "foot or knee pain only" in details
    assert "on its own" not in details


def test_lifting_follows_saraceni_2020() -> None:
    details = STEP_INFO["lifting_load_management"].details
    assert "no single safe way to lift" in details
    assert "saraceni_2020" in STEP_INFO["lifting_load_management"].sources
    assert "bend your knees" not in details


def test_triage_steps_say_what_where_and_how_soon() -> None:
    emergency = STEP_INFO["seek_emergency_care"].details
    for number in ("999", "112", "911", "119"):
        assert number in emergency
    assert "A&E" in emergency
    urgent = STEP_INFO["see_clinician_promptly"].details
    assert "Today" in urgent and "111" in urgent
    assert "week or two" in STEP_INFO["see_physiotherapist"].title


TRIAGE_STEP = {"see_clinician": "see_physiotherapist"}
FOOT = ("overpronation", "underpronation")


def spec_steps(v: dict[str, Any], level: str, contributors: list[tuple[str, str]]) -> list[str]:
    """The step rules and order restated from docs/rules.md, independently of the code."""
    if level == "emergency":
        return ["seek_emergency_care"]
    if level == "urgent":
        return ["see_clinician_promptly"]
    numb = v["diabetes_feet"]
    pain = v["back_pain"]
    listed = [cid for cid, _ in contributors]
    ordered: list[str] = []
    if level == "see_clinician":
        ordered.append("see_physiotherapist")
    if numb:
        ordered.append("foot_check_podiatry")
    if pain:
        ordered.append("stay_active")
    if (pain and v["pain_duration"] in ("6_to_12_weeks", "over_12_weeks")) or (
        "low_activity" in listed
    ):
        ordered.append("regular_exercise")
    joint_pain = bool({"feet", "knees"} & set(v["other_pain"]))
    for cid, like in contributors:
        mine: list[str] = []
        if cid in FOOT:
            mine += ["foot_strengthening", "calf_ankle_mobility"]
            if like != "low":
                mine.append("supportive_footwear")
                if joint_pain and v["insoles"] == "none" and not numb:
                    mine.append("arch_support_insoles")
            if like == "high":
                mine.append("gait_analysis")
        elif cid == "unsupportive_footwear":
            mine.append("supportive_footwear")
            if v["shoes_worn_out"]:
                mine.append("replace_worn_shoes")
            if v["main_footwear"] == "high_heels":
                mine.append("limit_high_heels")
        elif cid == "prolonged_standing":
            mine.append("standing_relief")
        elif cid == "prolonged_sitting":
            mine.append("movement_breaks")
        elif cid == "heavy_lifting":
            mine.append("lifting_load_management")
        ordered += [step for step in mine if step not in ordered]
    if "feet" in v["other_pain"] and not numb:
        ordered.append("plantar_fascia_mobilization")
    if contributors:
        ordered.append("posture_awareness")
    doing = {
        "regular_exercise": v["active_days"] >= 5,
        "foot_strengthening": v["foot_exercises"],
        "calf_ankle_mobility": v["foot_exercises"],
        "supportive_footwear": v["main_footwear"] in ("supportive", "athletic")
        and not v["shoes_worn_out"],
    }
    return [s for s in ordered if not doing.get(s)] + [s for s in ordered if doing.get(s)]


@given(valid_answers())
@settings(max_examples=600, deadline=None)
def test_steps_follow_the_rules_restated(data: dict[str, Any]) -> None:
    summary = evaluate(data)
    contributors = [(c.id, c.likelihood) for c in summary.contributors]
    expected = spec_steps(summary.answers, summary.triage.level, contributors)
    assert [s.id for s in summary.steps] == expected
    for step in summary.steps:
        assert step.evidence == SPEC_LABELS[step.id]
        assert step.sources == list(STEP_INFO[step.id].sources)


def test_a_step_chosen_twice_appears_once_in_its_best_place() -> None:
    summary = evaluate(
        answers(
            arch_standing="flat",
            heel_tilt="inward",
            shoe_wear="inner_edge",  # overpronation 6, high
            main_footwear="flat_unsupportive",  # unsupportive footwear 3
        )
    )
    shoes = [s for s in summary.steps if s.id == "supportive_footwear"]
    assert len(shoes) == 1
    assert shoes[0].addresses == ["overpronation", "unsupportive_footwear"]
    ids = [s.id for s in summary.steps]
    assert ids.index("supportive_footwear") < ids.index("gait_analysis")


@pytest.mark.parametrize("likelihood", ["low", "moderate", "high"])
def test_each_contributors_steps_are_chosen_in_the_order_of_the_step_table(
    likelihood: str,
) -> None:
    """Steps are emitted in the order they are chosen: one contributor's own steps must
    already stand in the step table's order (docs/rules.md, "Steps")."""
    from footcheck.scoring.contributors import RULES
    from footcheck.scoring.steps import contributor_steps

    index = {step.id: i for i, step in enumerate(STEPS)}
    values = answers(insoles="none", shoes_worn_out=True, main_footwear="high_heels")
    for rule in RULES:
        contributor: Any = SimpleNamespace(id=rule.id, likelihood=likelihood)
        chosen = contributor_steps(contributor, values, True)
        assert chosen == sorted(chosen, key=index.__getitem__), rule.id
