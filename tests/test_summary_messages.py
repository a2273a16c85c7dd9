"""The summary's words are in the message files: every contributor rule, point and step,
and every table of words the renderers look up by a value of the summary, has its
messages in every language (their ids are built from the records' ids, which the check of
literal ids cannot see)."""

from __future__ import annotations

from typing import get_args

import pytest

from footcheck.instruments.foot_posture.lines import POSTURE_TEXT
from footcheck.instruments.foot_posture.result import PostureClass
from footcheck.instruments.start_back.result import Risk
from footcheck.render import wording
from footcheck.render.plan import PLAN_TRIAGE
from footcheck.render.trend import RISK
from footcheck.scoring.contributors import RULES
from footcheck.scoring.steps import NG59_ORTHOTICS, STEPS, quoted
from footcheck.summary import EvidenceLabel, Likelihood, TriageLevel
from footcheck.text.messages import LANGUAGES, messages, placeholders, speaking


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_contributor_rule_and_point_has_its_words(language: str) -> None:
    found = messages(language).templates
    for rule in RULES:
        for name in ("title", "short", "explanation"):
            assert placeholders(found[f"contributor.{rule.id}.{name}"]) == set(), rule.id
        points = rule.every_point()
        assert points, rule.id
        keys = [point.key for point in points]
        assert len(set(keys)) == len(keys), rule.id  # each reason names one point
        for point in points:
            assert point.contributor == rule.id, (rule.id, point.key)
            assert placeholders(found[point.reason_id]) == set(), point.reason_id
        written = {k for k in found if k.startswith(f"contributor.{rule.id}.reason.")}
        assert written == {point.reason_id for point in points}, rule.id  # none left over
    with speaking(language):
        assert all(point.reason for rule in RULES for point in rule.every_point())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_has_its_words_and_quotes_its_source_exactly(language: str) -> None:
    found = messages(language).templates
    with speaking(language):
        for step in STEPS:
            assert placeholders(found[f"step.{step.id}.title"]) == set(), step.id
            assert placeholders(found[f"step.{step.id}.details"]) <= set(quoted()), step.id
            assert step.title and step.details
        written = {k.split(".")[1] for k in found if k.startswith("step.")}
        assert written == {step.id for step in STEPS}
    # NICE's words, quoted in the insoles step, character for character.
    assert NG59_ORTHOTICS == (
        "do not offer … foot orthotics … for managing low back pain with or without sciatica"
    )


TABLES = [
    (wording.TRIAGE_HEADLINE, TriageLevel),
    (wording.TRIAGE_INTRO, TriageLevel),
    (wording.TRIAGE_LEVEL, TriageLevel),
    (PLAN_TRIAGE, TriageLevel),
    (POSTURE_TEXT, PostureClass),
    (wording.EVIDENCE_TEXT, EvidenceLabel),
    (wording.EVIDENCE_BADGE, EvidenceLabel),
    (RISK, Risk),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_table_of_words_has_every_value_of_the_summary(language: str) -> None:
    with speaking(language) as spoken:
        for table, values in TABLES:
            assert sorted(table) == sorted(get_args(values))
        assert set(wording.CONTRIBUTOR_SHORT) == {rule.id for rule in RULES}
        assert set(wording.EVIDENCE_ORDER) == set(get_args(EvidenceLabel))
        for risk in get_args(Risk):
            for form in ("advice", "checked_first"):
                message_id = f"summary.start_back.{form}.{risk}"
                assert placeholders(spoken.templates[message_id]) == {"scores"}
        for likelihood in get_args(Likelihood):
            assert f"summary.likelihood.{likelihood}" in spoken
        for risk in ("medium", "high"):  # the risks that send a person to a clinician
            assert f"triage.reason.start_back_risk.{risk}" in spoken
