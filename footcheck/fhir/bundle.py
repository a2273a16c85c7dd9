"""A summary as a FHIR R4B ``Bundle`` (`--format fhir`): its ``QuestionnaireResponse`` and
the ``Observation``s derived from it, for a clinic's record.

Ids are UUIDs derived from the summary's own content, so the same summary always gives the
same Bundle: a clinic importing a file twice gets the same resources, not copies.
"""

from __future__ import annotations

import json
import uuid
from html import escape
from typing import Any

from footcheck.checklist.codes import concept
from footcheck.checklist.kinds import KINDS
from footcheck.checklist.question import AnswerValue, Question
from footcheck.fhir import (
    BASE,
    NO_ITEMS_CODE,
    OBSERVATIONS_SYSTEM,
    TRIAGE_SYSTEM,
    answer_coding,
    canonical,
    loinc,
)
from footcheck.instruments.registry import QUESTIONS, SECTIONS
from footcheck.instruments.start_back.questions import KEELE_COPYRIGHT
from footcheck.summary import Summary
from footcheck.text.display import json_shown
from footcheck.text.messages import say

ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)
SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey",
        }
    ]
}
"""Observations derived from a questionnaire are in the 'survey' category."""


def bundle_json(summary: Summary) -> str:
    return json_shown(json.dumps(summary_bundle(summary), indent=2, ensure_ascii=False)) + "\n"


def summary_bundle(summary: Summary) -> dict[str, Any]:
    content = summary.export_json(indent=None)

    def resource_id(part: str) -> str:
        return str(uuid.uuid5(ID_NAMESPACE, f"{part}\n{content}"))

    created_at: str = summary.model_dump(mode="json", include={"created_at"})["created_at"]
    response = questionnaire_response(summary, resource_id("QuestionnaireResponse"), created_at)
    derived_from = [{"reference": f"urn:uuid:{response['id']}"}]
    observations = []
    for code, fields in observed(summary):
        observation = {
            "resourceType": "Observation",
            "id": resource_id(f"Observation {code['coding'][0]['code']}"),
            "status": "final",
            "category": [SURVEY],
            "code": code,
            "effectiveDateTime": created_at,
            **fields,
            "derivedFrom": derived_from,
        }
        observations.append(observation)
    return {
        "resourceType": "Bundle",
        "id": resource_id("Bundle"),
        "type": "collection",
        "timestamp": created_at,
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in (response, *observations)
        ],
    }


def questionnaire_response(summary: Summary, response_id: str, authored: str) -> dict[str, Any]:
    """Every answer, grouped by section as the Questionnaire is. A summary scored with an
    earlier checklist answers that version; its items carry no text, since today's wording
    is not what that person read."""
    scored_now = summary.scored_now
    groups = []
    for section in SECTIONS:
        items = [
            {
                "linkId": question.id,
                **({"text": question.prompt} if scored_now else {}),
                "answer": answers(question, value),
            }
            for question in QUESTIONS
            if question.section == section.id
            for value in (summary.answers.get(question.id),)
            if value is not None
        ]
        if items:
            group = {"linkId": section.id, **({"text": section.title} if scored_now else {})}
            groups.append({**group, "item": items})
    keele = any(q.start_back_item is not None and q.id in summary.answers for q in QUESTIONS)
    return {
        "resourceType": "QuestionnaireResponse",
        "id": response_id,
        # The STarT Back items travel with their copyright statement, as everywhere.
        **({"text": keele_narrative()} if keele else {}),
        "questionnaire": canonical(summary.checklist_version),
        "status": "completed",
        "authored": authored,
        "item": groups,
    }


def keele_narrative() -> dict[str, str]:
    return {
        "status": "additional",
        "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{escape(KEELE_COPYRIGHT)}</p></div>',
    }


def answers(question: Question, value: AnswerValue) -> list[dict[str, Any]]:
    """An answer as FHIR answers: one per item of a list, ``none`` for an empty list."""
    kind = KINDS[question.kind]
    if kind.fhir_value != "valueCoding":
        return [{kind.fhir_value: value}]
    codes = value if isinstance(value, list) else [str(value)]
    return [{"valueCoding": answer_coding(question, code)} for code in codes or [NO_ITEMS_CODE]]


def observed(summary: Summary) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(code, value and note) of each Observation: answers with a LOINC code of their own,
    what each instrument's result adds (the STarT Back scores), the triage level and each
    contributor with its points."""
    found: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for question in QUESTIONS:
        value = summary.answers.get(question.id)
        if question.loinc is None or question.start_back_item is not None or value is None:
            continue  # STarT Back items are in the response; their scores follow
        found.append(
            (concept(loinc(question.loinc), question.label), observation_value(question, value))
        )
    for instrument, result in summary.instrument_results():
        found += instrument.observations(result)
    level = summary.triage.level
    triage_fields = {
        "valueCodeableConcept": {
            "coding": [
                {"system": TRIAGE_SYSTEM, "code": level, "display": level.replace("_", " ")}
            ],
            "text": say(f"triage.headline.{level}"),
        },
        "note": [{"text": reason} for reason in summary.triage.reasons],
    }
    found.append((concept(_own("triage", say("fhir.observation.triage"))), triage_fields))
    for contributor in summary.contributors:
        code = concept(_own(contributor.id, contributor.title))
        found.append((code, {"valueInteger": contributor.points}))
    return found


def observation_value(question: Question, value: AnswerValue) -> dict[str, Any]:
    """An answer as an Observation's value: Observations have no decimal, so a number is a
    quantity, and a choice a concept."""
    given = answers(question, value)
    key = KINDS[question.kind].fhir_value
    if key == "valueDecimal":
        return {"valueQuantity": {"value": value}}
    if key == "valueCoding":
        return {"valueCodeableConcept": {"coding": [answer[key] for answer in given]}}
    return given[0]


def _own(code: str, display: str) -> dict[str, Any]:
    return {"system": OBSERVATIONS_SYSTEM, "code": code, "display": display}
