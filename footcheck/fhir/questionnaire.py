"""The checklist as a FHIR R4B ``Questionnaire``, read from the catalogue (`footcheck
questions --format fhir`).

One group per section, one item per question (``linkId`` = the question id), so a clinic's
form tool can show the checklist and send its answers back to `footcheck assess`.
"""

from __future__ import annotations

import json
from typing import Any

from footcheck.checklist.kinds import KINDS
from footcheck.checklist.question import Condition, Question, SectionInfo
from footcheck.fhir import (
    EXTENSION,
    NO_ITEMS_CODE,
    QUESTIONNAIRE_URL,
    answer_coding,
    loinc,
)
from footcheck.instruments.registry import QUESTION_BY_ID, QUESTIONS, SECTIONS
from footcheck.instruments.start_back.questions import PANEL_LOINC
from footcheck.summary import CHECKLIST_VERSION
from footcheck.text.messages import say

ENABLE_WHEN: dict[str, tuple[str, int | bool]] = {"is_yes": ("=", True), "above_zero": (">", 0)}
"""Each kind of "when" condition as a FHIR operator and the answer it compares with."""
HELP_CONTROL = {
    "url": f"{EXTENSION}/questionnaire-itemControl",
    "valueCodeableConcept": {
        "coding": [{"system": "http://hl7.org/fhir/questionnaire-item-control", "code": "help"}]
    },
}
"""Marks a display item as its parent question's help text."""


def questionnaire() -> dict[str, Any]:
    return {
        "resourceType": "Questionnaire",
        "id": "footcheck",
        "url": QUESTIONNAIRE_URL,
        "version": str(CHECKLIST_VERSION),
        "name": "Footcheck",
        "title": say("checklist.fhir.title"),
        "status": "active",
        "subjectType": ["Patient"],
        "copyright": say("keele.copyright"),
        "item": [section_item(section) for section in SECTIONS],
    }


def questionnaire_json() -> str:
    return json.dumps(questionnaire(), indent=2, ensure_ascii=False) + "\n"


def section_item(section: SectionInfo) -> dict[str, Any]:
    questions = [q for q in QUESTIONS if q.section == section.id]
    item: dict[str, Any] = {"linkId": section.id, "text": section.title, "type": "group"}
    if any(q.start_back_item is not None for q in questions):
        item["code"] = [loinc(PANEL_LOINC)]
    # A group must be there when one of its questions always is (the others come and go
    # with "when" conditions, as their questions do).
    if any(q.when is None and not q.optional for q in questions):
        item["required"] = True
    intro = {"linkId": f"{section.id}.intro", "text": section.intro, "type": "display"}
    item["item"] = [intro, *(question_item(q) for q in questions)]
    return item


def question_item(question: Question) -> dict[str, Any]:
    kind = KINDS[question.kind]
    item: dict[str, Any] = {}
    bounds = [
        {"url": f"{EXTENSION}/{name}", kind.fhir_value: _number(question, limit)}
        for name, limit in (("minValue", question.minimum), ("maxValue", question.maximum))
        if limit is not None
    ]
    if bounds:
        item["extension"] = bounds
    item["linkId"] = question.id
    if question.loinc is not None:
        item["code"] = [loinc(question.loinc)]
    if question.start_back_item is not None:
        item["prefix"] = str(question.start_back_item)
    item["text"] = question.prompt
    item["type"] = kind.fhir_type
    if question.when is not None:
        item["enableWhen"] = [enable_when(question.when)]
    item["required"] = not question.optional
    if kind.fhir_repeats:
        item["repeats"] = True
    if question.choices:
        item["answerOption"] = [
            {"valueCoding": answer_coding(question, value)} for value in question.values
        ]
        if kind.fhir_repeats:
            item["answerOption"].append(
                {
                    "extension": [
                        {"url": f"{EXTENSION}/questionnaire-optionExclusive", "valueBoolean": True}
                    ],
                    "valueCoding": answer_coding(question, NO_ITEMS_CODE),
                }
            )
    item["item"] = [
        {
            "extension": [HELP_CONTROL],
            "linkId": f"{question.id}.help",
            "text": question.help,
            "type": "display",
        }
    ]
    return item


def enable_when(condition: Condition) -> dict[str, Any]:
    """The condition as FHIR compares it: the answer type is the controlling question's."""
    operator, value = ENABLE_WHEN[condition.test]
    controller = KINDS[QUESTION_BY_ID[condition.question].kind]
    answer_key = "answer" + controller.fhir_value.removeprefix("value")
    return {"question": condition.question, "operator": operator, answer_key: value}


def _number(question: Question, limit: float) -> int | float:
    return int(limit) if question.kind == "integer" else limit
