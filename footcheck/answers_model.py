"""The ``Answers`` pydantic model: a field per question, validated with the answers' schema.

Loaded on first use (``footcheck.answers.Answers``): scripted runs and batch validate plain
values with the same schema (``validate_values``) and never build the class, which costs
a few milliseconds of pydantic's time on every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import core_schema

from footcheck.answer_kinds import KINDS
from footcheck.answers import ANSWERS_CONFIG, ANSWERS_SCHEMA, AnswerValues
from footcheck.catalogue import CATALOGUE
from footcheck.question import AnswerValue, Question

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler


class AnswersBase(BaseModel):
    """What every set of answers can do; the fields come from the catalogue."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    @property
    def values(self) -> AnswerValues:
        """Every answer by question id (None where not answered), as the rules read them."""
        return self.__dict__  # type: ignore[return-value]  # as validated: AnswerValues

    def applicable(self) -> dict[str, AnswerValue]:
        """The answers to questions that apply, in checklist order (as exported)."""
        values = self.__dict__
        return CATALOGUE.reach(values).answers(values)

    def missing(self) -> list[str]:
        """Ids that apply and still need an answer."""
        values = self.__dict__
        return CATALOGUE.reach(values).missing(values)


def answer_field(question: Question) -> tuple[Any, Any]:
    """A question's field: its kind's type, or None, with its range, label and prompt."""
    return (
        KINDS[question.kind].python_type(question) | None,
        Field(
            default=None,
            ge=question.minimum,
            le=question.maximum,
            title=question.label,
            description=question.prompt,
        ),
    )


DOC = "A complete, consistent set of answers to the checklist (docs/rules.md)."


def _answers_class() -> type[AnswersBase]:
    """A field per question (for ``model_fields``, in checklist order), validated with
    ``ANSWERS_SCHEMA``: the schema pydantic would generate from the fields (tested), built
    once at import instead of on first use of the model."""

    def schema(cls: type[BaseModel], _: object, __: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # The ref, as pydantic gives a model: a model with Answers fields defines it once.
        ref = f"{cls.__module__}.{cls.__qualname__}:{id(cls)}"
        return core_schema.model_schema(cls, ANSWERS_SCHEMA, config=ANSWERS_CONFIG, ref=ref)

    fields = {question.id: answer_field(question) for question in CATALOGUE.questions}
    namespace: dict[str, Any] = {
        "__module__": __name__,
        "__qualname__": "Answers",
        "__doc__": DOC,
        "__annotations__": {qid: field[0] for qid, field in fields.items()},
        "__get_pydantic_core_schema__": classmethod(schema),
        **{qid: field[1] for qid, field in fields.items()},
    }
    metaclass: Any = type(AnswersBase)  # pydantic's model metaclass, as a class statement uses
    model: type[AnswersBase] = metaclass("Answers", (AnswersBase,), namespace)
    return model


if TYPE_CHECKING:
    Answers = AnswersBase
else:
    Answers = _answers_class()
