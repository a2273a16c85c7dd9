"""FHIR R4B out: the checklist as a Questionnaire, a summary as a Bundle, and the commands.

Every resource footcheck writes is validated with the `fhir.resources` R4B models, and every
response is checked against the Questionnaire (tests/fhir_checks.py).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.cli.app import app
from footcheck.fhir import NO_ITEMS_CODE
from footcheck.fhir.bundle import summary_bundle
from footcheck.instruments.registry import QUESTIONS, SECTIONS
from footcheck.summary import Summary
from tests.conftest import RETAIL_WORKER
from tests.fhir_checks import (
    ANSWER_SETS,
    NOW,
    QUESTIONNAIRE,
    V1,
    bundle_of,
    check_answers_questionnaire,
    questionnaire_items,
    resources,
    validated,
)
from tests.helpers import answers

runner = CliRunner()
LOINC = "http://loinc.org"
STARTBACK_ITEM_LOINC = [
    "91340-0", "91341-8", "91342-6", "91343-4", "91344-2", "91345-9", "91346-7", "91347-5",
    "91348-3",
]  # fmt: skip
"""docs/rules.md "FHIR", restated: the tests compare the code with the contract, not itself."""


def observation(bundle: dict[str, Any], code: str) -> dict[str, Any] | None:
    found = [o for o in resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == code]
    assert len(found) <= 1
    return found[0] if found else None


# --- the Questionnaire -------------------------------------------------------------------
def test_the_questionnaire_is_the_checklist() -> None:
    q = QUESTIONNAIRE
    assert (q["url"], q["version"], q["status"]) == (
        "https://footcheck.invalid/Questionnaire/footcheck",
        "2",
        "active",
    )
    assert "Keele University" in q["copyright"]
    assert [g["linkId"] for g in q["item"]] == [s.id for s in SECTIONS]
    assert [g["text"] for g in q["item"]] == [s.title for s in SECTIONS]
    items = questionnaire_items(q)
    kinds = {"boolean": "boolean", "integer": "integer", "number": "decimal"}
    for question in QUESTIONS:
        item, parent = items[question.id]
        assert parent == question.section
        assert item["text"] == question.prompt
        assert item["required"] is not question.optional
        assert item["type"] == kinds.get(question.kind, "choice")
        assert item.get("repeats", False) is (question.kind == "multi")
        if question.choices:
            codes = [o["valueCoding"]["code"] for o in item["answerOption"]]
            extra = [NO_ITEMS_CODE] if question.kind == "multi" else []
            assert codes == [*question.values, *extra]
        if question.minimum is not None:
            bounds = {e["url"].rsplit("/", 1)[1]: e for e in item["extension"]}
            key = "valueInteger" if question.kind == "integer" else "valueDecimal"
            assert bounds["minValue"][key] == question.minimum
            assert bounds["maxValue"][key] == question.maximum
        if question.when is None:
            assert "enableWhen" not in item
        else:
            (condition,) = item["enableWhen"]
            assert condition["question"] == question.when.question
            if question.when.test == "is_yes":
                assert (condition["operator"], condition["answerBoolean"]) == ("=", True)
            else:
                assert (condition["operator"], condition["answerDecimal"]) == (">", 0)


def test_loinc_codes_on_the_start_back_panel_its_items_and_pain_intensity() -> None:
    items = questionnaire_items(QUESTIONNAIRE)
    coded = {
        link_id: [c["code"] for c in item["code"] if c["system"] == LOINC]
        for link_id, (item, _) in items.items()
        if "code" in item
    }
    (panel,) = [link_id for link_id, codes in coded.items() if codes == ["91349-1"]]
    assert items[panel][0]["type"] == "group"
    in_panel = [i["linkId"] for i in items[panel][0]["item"] if i["type"] != "display"]
    assert [coded[link_id] for link_id in in_panel] == [[c] for c in STARTBACK_ITEM_LOINC]
    assert [i["prefix"] for i in items[panel][0]["item"] if "prefix" in i] == [
        str(n) for n in range(1, 10)
    ]
    assert coded["pain_intensity"] == ["72514-3"]
    assert len(coded) == 1 + 9 + 1


def test_one_code_means_one_answer_across_the_checklist() -> None:
    """The answers CodeSystem has one display per code, and 'none' is free for lists."""
    displays: dict[str, set[str]] = {}
    for question in QUESTIONS:
        for choice in question.choices:
            displays.setdefault(choice.value, set()).add(choice.label)
        if question.kind == "multi":
            assert NO_ITEMS_CODE not in question.values
    assert all(len(labels) == 1 for labels in displays.values()), displays


def test_help_and_section_intros_are_display_items_never_answered() -> None:
    items = questionnaire_items(QUESTIONNAIRE)
    displays = {link_id for link_id, (item, _) in items.items() if item["type"] == "display"}
    assert displays == {f"{q.id}.help" for q in QUESTIONS} | {f"{s.id}.intro" for s in SECTIONS}


def test_questions_command_prints_the_questionnaire() -> None:
    result = runner.invoke(app, ["questions", "--format", "fhir"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == QUESTIONNAIRE


# --- the Bundle ---------------------------------------------------------------------------
@pytest.mark.parametrize("case", ANSWER_SETS)
def test_every_bundle_validates_and_its_response_answers_the_questionnaire(case: str) -> None:
    bundle = bundle_of(ANSWER_SETS[case])
    assert bundle["type"] == "collection"
    (response,) = resources(bundle, "QuestionnaireResponse")
    check_answers_questionnaire(response, QUESTIONNAIRE)
    assert response["questionnaire"] == "https://footcheck.invalid/Questionnaire/footcheck|2"
    assert response["status"] == "completed"
    assert datetime.fromisoformat(response["authored"]) == NOW
    full_urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    for found in resources(bundle, "Observation"):
        assert found["status"] == "final"
        assert found["derivedFrom"] == [{"reference": full_urls[0]}]
        assert found["effectiveDateTime"] == response["authored"]


def test_observations_of_a_scored_start_back_and_pain() -> None:
    bundle = bundle_of(ANSWER_SETS["high_risk_with_fpi6"])
    summary = evaluate(ANSWER_SETS["high_risk_with_fpi6"], now=NOW)
    assert summary.start_back is not None and summary.start_back.risk == "high"
    assert observation(bundle, "91351-7")["valueInteger"] == summary.start_back.total  # type: ignore[index]
    assert observation(bundle, "91350-9")["valueInteger"] == summary.start_back.psychosocial  # type: ignore[index]
    risk = observation(bundle, "91352-5")["valueCodeableConcept"]["coding"]  # type: ignore[index]
    assert [(c["system"], c["code"]) for c in risk] == [(LOINC, "LA9193-9")]
    assert observation(bundle, "72514-3")["valueInteger"] == 8  # type: ignore[index]
    triage = observation(bundle, "triage")
    assert triage is not None
    assert triage["valueCodeableConcept"]["coding"][0]["code"] == "see_clinician"
    assert [n["text"] for n in triage["note"]] == summary.triage.reasons
    for contributor in summary.contributors:
        assert observation(bundle, contributor.id)["valueInteger"] == contributor.points  # type: ignore[index]
    assert len(resources(bundle, "Observation")) == 3 + 1 + 1 + len(summary.contributors)


@pytest.mark.parametrize(("risk", "code"), [("low", "LA9194-7"), ("medium", "LA8982-6")])
def test_risk_answers(risk: str, code: str) -> None:
    physical = ("sb_leg_pain", "sb_shoulder_neck", "sb_walk_short", "sb_dress_slow")
    agreed: dict[str, dict[str, bool]] = {"low": {}, "medium": dict.fromkeys(physical, True)}
    bundle = bundle_of(answers(back_pain=True, **agreed[risk]))
    concept = observation(bundle, "91352-5")["valueCodeableConcept"]  # type: ignore[index]
    assert concept["coding"][0]["code"] == code


def test_no_back_pain_has_no_start_back_or_pain_observations() -> None:
    bundle = bundle_of(ANSWER_SETS["no_back_pain"])
    assert [o["code"]["coding"][0]["code"] for o in resources(bundle, "Observation")] == ["triage"]
    (response,) = resources(bundle, "QuestionnaireResponse")
    sections = [g["linkId"] for g in response["item"]]
    assert "red_flags" not in sections and "outlook" not in sections


def test_an_empty_list_is_the_exclusive_none_option() -> None:
    bundle = bundle_of(answers(other_pain=[]))
    (response,) = resources(bundle, "QuestionnaireResponse")
    (pain,) = [g for g in response["item"] if g["linkId"] == "pain"]
    (other,) = [i for i in pain["item"] if i["linkId"] == "other_pain"]
    assert [a["valueCoding"]["code"] for a in other["answer"]] == [NO_ITEMS_CODE]


def test_the_same_summary_gives_the_same_bundle() -> None:
    first = bundle_of(RETAIL_WORKER)
    assert bundle_of(RETAIL_WORKER) == first
    later = bundle_of(RETAIL_WORKER, now=NOW + timedelta(seconds=1))
    assert {e["fullUrl"] for e in later["entry"]}.isdisjoint(e["fullUrl"] for e in first["entry"])
    # and through a file: an exported summary read back gives the very same Bundle
    summary = evaluate(RETAIL_WORKER, now=NOW)
    assert summary_bundle(Summary.model_validate_json(summary.export_json())) == first


@pytest.mark.parametrize("path", sorted(V1.glob("*.json")), ids=lambda p: p.stem)
def test_a_version_1_summary_renders_answering_questionnaire_version_1(path: Path) -> None:
    summary = Summary.model_validate_json(path.read_text(encoding="utf-8"))
    bundle = validated(summary_bundle(summary))
    (response,) = resources(bundle, "QuestionnaireResponse")
    assert response["questionnaire"] == "https://footcheck.invalid/Questionnaire/footcheck|1"
    # Version 1 asked other questions when (red flags of everyone): only the shape is checked.
    check_answers_questionnaire(response, QUESTIONNAIRE, conditions=False)
    assert all("text" not in item for item in response["item"])
    assert observation(bundle, "triage")["valueCodeableConcept"]["coding"][0]["code"] == (  # type: ignore[index]
        summary.triage.level
    )


# --- the commands -----------------------------------------------------------------------------
def test_assess_format_fhir_on_stdout_is_the_bundle_alone(answers_file: Path) -> None:
    result = runner.invoke(app, ["assess", "--answers", str(answers_file), "--format", "fhir"])
    assert result.exit_code == 0
    validated(json.loads(result.stdout))


def test_the_fhir_json_suffix_is_fhir_and_json_stays_the_plain_export(
    answers_file: Path, tmp_path: Path
) -> None:
    for name in ("s.fhir.json", "s.json", "s.FHIR.JSON"):
        code = runner.invoke(app, ["assess", "-a", str(answers_file), "-o", str(tmp_path / name)])
        assert code.exit_code == 0, code.stderr
    assert json.loads((tmp_path / "s.fhir.json").read_text())["resourceType"] == "Bundle"
    assert json.loads((tmp_path / "s.FHIR.JSON").read_text())["resourceType"] == "Bundle"
    assert json.loads((tmp_path / "s.json").read_text())["schema_version"] == 2
    assert (tmp_path / "s.fhir.json").stat().st_mode & 0o777 == 0o600


def test_report_and_history_show_write_fhir(answers_file: Path) -> None:
    result = runner.invoke(app, ["report", str(V1 / "emergency.json"), "--format", "fhir"])
    assert result.exit_code == 0
    (response,) = resources(json.loads(result.stdout), "QuestionnaireResponse")
    assert response["questionnaire"].endswith("|1")
    saved = runner.invoke(app, ["assess", "-a", str(answers_file), "--save", "-f", "json"])
    assert saved.exit_code == 0
    shown = runner.invoke(app, ["history", "show", "1", "--format", "fhir"])
    assert shown.exit_code == 0
    bundle = validated(json.loads(shown.stdout))
    assert bundle == summary_bundle(Summary.model_validate_json(saved.stdout))


def test_report_of_a_bundle_says_how_to_score_it(tmp_path: Path) -> None:
    path = tmp_path / "s.fhir.json"
    path.write_text(json.dumps(bundle_of(RETAIL_WORKER)))
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"footcheck: {path} holds a FHIR Bundle, not a summary",
        f"  - score it with: footcheck assess --answers {path}",
    ]


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).parent / "golden").glob("*.fhir.json")), ids=lambda p: p.stem
)
def test_the_golden_bundles_validate(path: Path) -> None:
    validated(json.loads(path.read_text(encoding="utf-8")))


def test_the_keele_statement_travels_with_the_start_back_answers() -> None:
    from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT

    with_items = json.dumps(summary_bundle(evaluate(RETAIL_WORKER, now=NOW)))
    assert KEELE_COPYRIGHT.replace("©", "\\u00a9") in with_items or KEELE_COPYRIGHT in with_items
    without = json.dumps(summary_bundle(evaluate(answers(), now=NOW)))
    assert "Keele" not in without  # no back pain: no items, no statement
