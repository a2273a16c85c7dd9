"""What `fhir.resources` does not check: that a QuestionnaireResponse answers its
Questionnaire. Written from the FHIR R4B rules, reading only the Questionnaire's JSON (not
footcheck's catalogue), so the tests compare two independent readings.

Also a response built from a Questionnaire and an answer set, as a clinic's form tool would,
and the answer sets and look-ups the FHIR tests share.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from footcheck import evaluate
from footcheck.fhir.bundle import summary_bundle
from footcheck.fhir.questionnaire import questionnaire
from tests.conftest import RETAIL_WORKER
from tests.helpers import answers

VALUE_KEY = {
    "boolean": "valueBoolean",
    "integer": "valueInteger",
    "decimal": "valueDecimal",
    "choice": "valueCoding",
}
EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
MODELS: dict[str, Any] = {
    "Questionnaire": Questionnaire,
    "QuestionnaireResponse": QuestionnaireResponse,
    "Observation": Observation,
    "Bundle": Bundle,
}


def validated(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource after the R4B model accepts it (raises otherwise), and each resource a
    Bundle holds too; a response must also answer footcheck's Questionnaire (the
    conditions of which questions apply only for today's version: version 1 asked others)."""
    MODELS[resource["resourceType"]].model_validate(resource)
    if resource["resourceType"] == "QuestionnaireResponse":
        current = resource["questionnaire"].endswith(f"|{QUESTIONNAIRE['version']}")
        check_answers_questionnaire(resource, QUESTIONNAIRE, conditions=current)
    for entry in resource.get("entry", []):
        validated(entry["resource"])
    return resource


def walk(
    items: list[dict[str, Any]], parent: str | None = None
) -> Iterator[tuple[dict, str | None]]:
    for item in items:
        yield item, parent
        yield from walk(item.get("item", []), item["linkId"])
        for answer in item.get("answer", []):
            yield from walk(answer.get("item", []), item["linkId"])


def questionnaire_items(q: dict[str, Any]) -> dict[str, tuple[dict[str, Any], str | None]]:
    found = {item["linkId"]: (item, parent) for item, parent in walk(q["item"])}
    assert len(found) == sum(1 for _ in walk(q["item"])), "linkIds must be unique"
    return found


def response_answers(response: dict[str, Any]) -> dict[str, list[Any]]:
    """Each answered linkId with its answer values."""
    return {
        item["linkId"]: [
            next(v for k, v in a.items() if k.startswith("value")) for a in item["answer"]
        ]
        for item, _ in walk(response.get("item", []))
        if "answer" in item
    }


def enabled(item: dict[str, Any], answers: dict[str, list[Any]]) -> bool:
    conditions = item.get("enableWhen")
    if not conditions:
        return True
    results = []
    for condition in conditions:
        given = answers.get(condition["question"], [])
        if condition["operator"] == "exists":
            results.append(bool(given) == condition["answerBoolean"])
            continue
        (expected,) = [v for k, v in condition.items() if k.startswith("answer")]
        compare = {
            "=": lambda a, b: a == b,
            "!=": lambda a, b: a != b,
            ">": lambda a, b: a > b,
            "<": lambda a, b: a < b,
            ">=": lambda a, b: a >= b,
            "<=": lambda a, b: a <= b,
        }[condition["operator"]]
        results.append(any(compare(value, expected) for value in given))
    return all(results) if item.get("enableBehavior", "all") == "all" else any(results)


def check_answers_questionnaire(
    response: dict[str, Any], q: dict[str, Any], *, conditions: bool = True
) -> None:
    """Every linkId exists where the Questionnaire has it, answer types match the item
    types and answer lists, bounds hold, and (with ``conditions``) every enabled required
    question is answered and no disabled one is."""
    assert response["questionnaire"].split("|")[0] == q["url"]
    items = questionnaire_items(q)
    answers = response_answers(response)
    for item, parent in walk(response.get("item", [])):
        assert item["linkId"] in items, f"{item['linkId']} is not in the Questionnaire"
        defined, defined_parent = items[item["linkId"]]
        assert parent == defined_parent, f"{item['linkId']} is under {parent}"
        assert defined["type"] != "display", f"{item['linkId']} is a display item"
        if defined["type"] == "group":
            assert "answer" not in item and item.get("item"), f"group {item['linkId']}"
            continue
        given = item["answer"]
        assert given, f"{item['linkId']} has an empty answer list"
        assert len(given) == 1 or defined.get("repeats"), f"{item['linkId']} repeats"
        for answer in given:
            keys = [k for k in answer if k.startswith("value")]
            assert keys == [VALUE_KEY[defined["type"]]], f"{item['linkId']}: {keys}"
            value = answer[keys[0]]
            if defined["type"] == "choice":
                options = [o["valueCoding"] for o in defined["answerOption"]]
                assert value in options, f"{item['linkId']}: {value} is not an option"
                exclusive = [
                    o["valueCoding"]
                    for o in defined["answerOption"]
                    if any(
                        e["url"] == EXCLUSIVE and e["valueBoolean"] for e in o.get("extension", [])
                    )
                ]
                assert value not in exclusive or len(given) == 1
            else:
                assert isinstance(value, bool) == (defined["type"] == "boolean")
                for extension in defined.get("extension", []):
                    limit = next(v for k, v in extension.items() if k.startswith("value"))
                    if extension["url"].endswith("/minValue"):
                        assert value >= limit, f"{item['linkId']}: {value} < {limit}"
                    if extension["url"].endswith("/maxValue"):
                        assert value <= limit, f"{item['linkId']}: {value} > {limit}"
    if not conditions:
        return
    for link_id, (item, _) in items.items():
        if item["type"] in ("group", "display"):
            continue
        if not enabled(item, answers):
            assert link_id not in answers, f"{link_id} is answered but not enabled"
        elif item.get("required"):
            assert link_id in answers, f"{link_id} is required and enabled but not answered"


def response_from(q: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """A completed response to ``q`` holding ``answers``, built from the Questionnaire alone,
    as a form tool fills it in: each answer in its item's type, a choice as its option."""

    def encode(item: dict[str, Any], value: Any) -> list[dict[str, Any]]:
        if item["type"] != "choice":
            return [{VALUE_KEY[item["type"]]: float(value) if item["type"] == "decimal" else value}]
        options = item["answerOption"]
        if value == []:
            (none,) = [o for o in options if o.get("extension")]
            return [{"valueCoding": none["valueCoding"]}]
        codes = value if isinstance(value, list) else [value]
        return [
            {
                "valueCoding": next(
                    o["valueCoding"] for o in options if o["valueCoding"]["code"] == c
                )
            }
            for c in codes
        ]

    def fill(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        filled = []
        for item in items:
            if item["type"] == "group":
                children = fill(item["item"])
                if children:
                    filled.append({"linkId": item["linkId"], "item": children})
            elif item["type"] != "display" and answers.get(item["linkId"]) is not None:
                answer = encode(item, answers[item["linkId"]])
                filled.append({"linkId": item["linkId"], "answer": answer})
        return filled

    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{q['url']}|{q['version']}",
        "status": "completed",
        "item": fill(q["item"]),
    }


QUESTIONNAIRE = validated(json.loads(json.dumps(questionnaire())))
"""footcheck's Questionnaire as written, once accepted by the R4B model."""

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
V1 = Path(__file__).parent / "fixtures" / "checklist_v1"
ANSWER_SETS: dict[str, dict[str, Any]] = {
    "retail_worker": RETAIL_WORKER,
    "no_back_pain": answers(),
    "no_back_pain_never_standing": answers(standing_hours=0, hard_floors=None),
    "emergency": answers(back_pain=True, pain_intensity=9, rf_bladder_bowel=True),
    "high_risk_with_fpi6": answers(
        back_pain=True, pain_intensity=8, sb_unsafe_active=True, sb_worry=True,
        sb_terrible=True, sb_no_enjoy=True, sb_walk_short=True, sb_bothersome="extremely",
        fpi6_total=-7, other_pain=["feet", "knees", "hips"],
    ),
}  # fmt: skip


def bundle_of(data: dict[str, Any], now: datetime = NOW) -> dict[str, Any]:
    return validated(summary_bundle(evaluate(data, now=now)))


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]
