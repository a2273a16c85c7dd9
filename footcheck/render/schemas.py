"""JSON Schemas for the answers file and the exported summary, built from the models.

The answers schema is enriched from the catalogue (help text, when a question applies) so
that editors can show the same guidance the interactive checklist gives.
"""

from __future__ import annotations

from typing import Any, Literal

from footcheck.answers.model import Answers
from footcheck.instruments.registry import QUESTIONS
from footcheck.summary import Summary
from footcheck.text.messages import say

SchemaKind = Literal["answers", "summary"]


def answers_schema() -> dict[str, Any]:
    schema = Answers.model_json_schema()
    schema["title"] = say("checklist.schema.answers.title")
    schema["description"] = say(
        "checklist.schema.answers.description", keele_copyright=say("keele.copyright")
    )
    for question in QUESTIONS:
        prop = schema["properties"][question.id]
        text = f"{question.prompt}\n\n{question.help}"
        if question.when is not None:
            text += "\n\n" + say("checklist.schema.answers.when", when=question.when.text)
        prop["description"] = text
        if question.kind == "boolean":
            # Files may also say yes / no, or a statement's own words (agree / disagree).
            words = sorted({"yes", "no", *question.words})
            prop.setdefault("anyOf", [{"type": "boolean"}, {"type": "null"}])
            prop["anyOf"] = [*prop["anyOf"], {"enum": words}]
        prop["x-section"] = question.section
    return schema


def summary_schema() -> dict[str, Any]:
    schema = Summary.model_json_schema(mode="serialization")
    schema["title"] = say("checklist.schema.summary.title")
    schema["description"] = say(
        "checklist.schema.summary.description", keele_copyright=say("keele.copyright")
    )
    return schema


def schema_for(kind: SchemaKind) -> dict[str, Any]:
    return answers_schema() if kind == "answers" else summary_schema()
