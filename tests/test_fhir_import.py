"""FHIR R4B in: a QuestionnaireResponse (or a Bundle holding one) given to `assess
--answers`, round trips back to the same summary, and every way a response can fail to fit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from footcheck import evaluate
from footcheck.cli.app import app
from footcheck.fhir import NO_ITEMS_CODE
from footcheck.fhir.bundle import summary_bundle
from footcheck.summary import Summary
from tests.conftest import RETAIL_WORKER
from tests.fhir_checks import (
    ANSWER_SETS,
    NOW,
    QUESTIONNAIRE,
    V1,
    bundle_of,
    check_answers_questionnaire,
    resources,
    response_from,
    validated,
)
from tests.helpers import NEUTRAL, answers, valid_answers

runner = CliRunner()


def assess_json(path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["assess", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    document.pop("created_at")
    return document


def plain(data: dict[str, Any]) -> dict[str, Any]:
    document = evaluate(data).model_dump(mode="json")
    document.pop("created_at")
    return document


# --- round trips ------------------------------------------------------------------------------
def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", ANSWER_SETS)
def test_round_trip_through_a_response_built_from_the_questionnaire(
    case: str, tmp_path: Path
) -> None:
    data = ANSWER_SETS[case]
    response = validated(response_from(QUESTIONNAIRE, data))
    check_answers_questionnaire(response, QUESTIONNAIRE)
    assert assess_json(write(tmp_path / "qr.json", response)) == plain(data)


@pytest.mark.parametrize("case", ANSWER_SETS)
def test_round_trip_through_footcheck_s_own_bundle(case: str, tmp_path: Path) -> None:
    data = ANSWER_SETS[case]
    bundle = write(tmp_path / "summary.fhir.json", bundle_of(data))
    assert assess_json(bundle) == plain(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=valid_answers())
def test_round_trip_any_answer_set(data: dict[str, Any], tmp_path: Path) -> None:
    response = validated(response_from(QUESTIONNAIRE, data))
    check_answers_questionnaire(response, QUESTIONNAIRE)
    assert assess_json(write(tmp_path / "qr.json", response)) == plain(data)
    bundle = validated(summary_bundle(evaluate(data, now=NOW)))
    (written,) = resources(bundle, "QuestionnaireResponse")
    check_answers_questionnaire(written, QUESTIONNAIRE)


def test_a_partial_response_asks_for_the_rest(tmp_path: Path) -> None:
    data = {k: v for k, v in NEUTRAL.items() if k not in ("age", "lifting")}
    path = write(tmp_path / "qr.json", response_from(QUESTIONNAIRE, data))
    result = runner.invoke(app, ["assess", "--answers", str(path), "--no-input"])
    assert result.exit_code == 2
    assert "2 answers missing" in result.stderr
    assert "  - age: a whole number from 16 to 110" in result.stderr


def test_a_version_1_bundle_lends_the_answers_that_still_apply(tmp_path: Path) -> None:
    summary = Summary.model_validate_json(
        (V1 / "no_pain_cancer_history.json").read_text(encoding="utf-8")
    )
    path = write(tmp_path / "v1.fhir.json", summary_bundle(summary))
    result = runner.invoke(app, ["assess", "--answers", str(path), "--format", "json"])
    note = result.stderr.splitlines()[0]
    assert "was scored with an earlier checklist; answers that no longer apply" in note
    assert "rf_cancer_history" in note
    # a question new since version 1 is asked, or listed as missing without a terminal
    assert result.exit_code == 2
    assert "  - diabetes_feet: true or false" in result.stderr


# --- responses that do not fit ------------------------------------------------------------
def refused(tmp_path: Path, document: Any) -> str:
    path = tmp_path / "qr.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    result = runner.invoke(app, ["assess", "--answers", str(path), "--no-input"])
    assert result.exit_code == 2, result.stdout
    assert "Traceback" not in result.stderr
    return result.stderr


def good_response() -> dict[str, Any]:
    return response_from(QUESTIONNAIRE, RETAIL_WORKER)


def with_item(item: dict[str, Any]) -> dict[str, Any]:
    response = good_response()
    response["item"][0]["item"].append(item)
    return response


def item_of(response: dict[str, Any], link_id: str) -> dict[str, Any]:
    return next(i for g in response["item"] for i in g["item"] if i["linkId"] == link_id)


CODING = "https://footcheck.invalid/CodeSystem/answers"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda r: item_of(r, "age").update(answer=[{"valueDecimal": 40.0}]),
            "age: valueDecimal is not allowed; allowed: valueInteger (a whole number from 16 "
            "to 110)",
        ),
        (
            lambda r: item_of(r, "age").update(answer=[{"valueInteger": True}]),
            "age: valueInteger true is not allowed",
        ),
        (
            lambda r: item_of(r, "age").update(answer=[{"valueInteger": 200}]),
            "age: 200 is not allowed; allowed: a whole number from 16 to 110",
        ),
        (
            lambda r: item_of(r, "back_pain").update(answer=[{"valueString": "yes"}]),
            "back_pain: valueString is not allowed; allowed: valueBoolean",
        ),
        (
            lambda r: item_of(r, "lifting").update(
                answer=[{"valueCoding": {"system": CODING, "code": "daily"}}]
            ),
            'lifting: code "daily" is not in its answer list; allowed: a code of '
            f"{CODING}: rarely, sometimes, often",
        ),
        (
            lambda r: item_of(r, "lifting").update(
                answer=[{"valueCoding": {"system": "http://snomed.info/sct", "code": "often"}}]
            ),
            'lifting: the coding\'s system "http://snomed.info/sct" is not allowed',
        ),
        (
            lambda r: item_of(r, "lifting").update(
                answer=[{"valueCoding": {"code": "often"}}, {"valueCoding": {"code": "rarely"}}]
            ),
            "lifting: has 2 answers; allowed: one valueCoding",
        ),
        (
            lambda r: item_of(r, "other_pain")["answer"].append(
                {"valueCoding": {"system": CODING, "code": NO_ITEMS_CODE}}
            ),
            "other_pain: 'none' cannot be given with other answers",
        ),
        (
            lambda r: item_of(r, "standing_hours").update(answer=[{"valueDecimal": "9"}]),
            'standing_hours: valueDecimal "9" is not allowed',
        ),
        (
            lambda r: r["item"][0]["item"].append({"linkId": "agee", "answer": []}),
            "agee: is not a question of footcheck's Questionnaire; did you mean 'age'?",
        ),
        (
            lambda r: r["item"][0]["item"].append(
                {"linkId": "age.help", "answer": [{"valueString": "x"}]}
            ),
            "age.help: is not a question of footcheck's Questionnaire",
        ),
        (
            lambda r: r["item"][0]["item"].append(dict(item_of(r, "age"))),
            "age: is answered twice",
        ),
        (
            lambda r: r["item"][0].update(answer=[{"valueBoolean": True}]),
            "profile: is a section: its questions hold the answers",
        ),
        (lambda r: r["item"].append({"text": "no link"}), "item: must be an object with a linkId"),
    ],
)
def test_an_answer_that_does_not_fit_is_named_by_its_link_id(
    tmp_path: Path, change: Any, expected: str
) -> None:
    response = good_response()
    change(response)
    assert expected in refused(tmp_path, response)


def test_an_answer_that_does_not_apply_is_named(tmp_path: Path) -> None:
    response = response_from(QUESTIONNAIRE, answers())
    response["item"][1]["item"].append(
        {"linkId": "pain_intensity", "answer": [{"valueInteger": 3}]}
    )
    assert "pain_intensity: does not apply: it applies only when back_pain is yes" in refused(
        tmp_path, response
    )


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"resourceType": "Patient"}, 'is a FHIR "Patient", not a QuestionnaireResponse'),
        ({"resourceType": "Bundle", "entry": []}, "Bundle with 0 QuestionnaireResponses"),
        (
            {"resourceType": "Bundle", "entry": [{"resource": good_response()}] * 2},
            "Bundle with 2 QuestionnaireResponses",
        ),
        (
            {**good_response(), "questionnaire": "http://example.org/Questionnaire/phq9"},
            'answers another questionnaire ("http://example.org/Questionnaire/phq9"), not '
            "footcheck's",
        ),
        ({**good_response(), "questionnaire": None}, "names no questionnaire"),
        (
            {
                **good_response(),
                "questionnaire": "https://footcheck.invalid/Questionnaire/footcheck|9",
            },
            "answers checklist version 9",
        ),
        ({**good_response(), "status": "entered-in-error"}, "entered-in-error"),
        ({**good_response(), "item": {"linkId": "age"}}, "item: must be a list of items"),
    ],
)
def test_a_document_that_is_not_a_footcheck_response_is_refused(
    tmp_path: Path, document: dict[str, Any], expected: str
) -> None:
    assert expected in refused(tmp_path, document)


def test_deep_nesting_is_refused_without_recursion(tmp_path: Path) -> None:
    item: dict[str, Any] = {"linkId": "age", "answer": [{"valueInteger": 40}]}
    for _ in range(12):  # past the 8 group levels, within the file reader's own depth limit
        item = {"linkId": "profile", "item": [item]}
    response = {**good_response(), "item": [item]}
    assert "item: is nested more than 8 levels deep" in refused(tmp_path, response)
    for _ in range(100):  # far deeper: the file reader refuses it before any FHIR reading
        item = {"linkId": "profile", "item": [item]}
    response = {**good_response(), "item": [item]}
    assert "nested too deeply" in refused(tmp_path, response)
    deeper = '{"resourceType": "QuestionnaireResponse", "item": ' + "[" * 100_000 + "]" * 100_000
    assert "nested too deeply" in refused(tmp_path, deeper + "}")


def test_nested_groups_are_read(tmp_path: Path) -> None:
    response = good_response()
    response["item"] = [{"linkId": "profile", "item": response["item"]}]
    assert assess_json(write(tmp_path / "qr.json", response)) == plain(RETAIL_WORKER)


def test_at_most_50_problems_are_listed_then_how_many_more(tmp_path: Path) -> None:
    response = good_response()
    response["item"].append({"linkId": "habits", "item": [{"linkId": f"x{n}"} for n in range(61)]})
    lines = refused(tmp_path, response).splitlines()
    assert len(lines) == 1 + 50 + 1
    assert lines[-1] == "  - and 11 more"


def test_a_response_naming_the_questionnaire_without_a_version_answers_today_s(
    tmp_path: Path,
) -> None:
    response = {**good_response(), "questionnaire": QUESTIONNAIRE["url"]}
    assert assess_json(write(tmp_path / "qr.json", response)) == plain(RETAIL_WORKER)
