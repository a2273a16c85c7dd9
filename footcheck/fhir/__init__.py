"""footcheck in HL7 FHIR R4B, for clinics whose records speak it (docs/rules.md, "FHIR").

The checklist becomes a ``Questionnaire`` (``questionnaire.py``), a summary a ``Bundle`` of
its ``QuestionnaireResponse`` and the ``Observation``s derived from it (``bundle.py``), and a
response from a clinic's system is read back as answers (``response.py``). All of it is
plain JSON built from the catalogue: footcheck has no FHIR library at run time (the tests
validate every resource it writes with one), and nothing here is imported unless FHIR is
asked for.

The canonical addresses are under ``.invalid``, a name that never resolves: they identify
footcheck's Questionnaire and code systems without pointing anywhere on the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from footcheck.checklist.codes import LOINC as LOINC
from footcheck.checklist.codes import loinc as loinc

if TYPE_CHECKING:
    from footcheck.checklist.question import Question

BASE = "https://footcheck.invalid"
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire/footcheck"
"""The Questionnaire's canonical URL; its version is the checklist version."""
ANSWERS_SYSTEM = f"{BASE}/CodeSystem/answers"
"""Choice answers: the code is the choice's value, the display its label. A value means
the same wherever it is used (tests/test_fhir.py checks one display per code)."""
OBSERVATIONS_SYSTEM = f"{BASE}/CodeSystem/observations"
"""What footcheck's own Observations report: ``triage``, and each contributor by its id."""
TRIAGE_SYSTEM = f"{BASE}/CodeSystem/triage"
"""The triage levels, by their ids."""
NO_ITEMS_CODE = "none"
"""The answer to a list question that names none of its items: FHIR has no empty answer,
so an empty list is this one exclusive option (as CSV cells write ``none``)."""
EXTENSION = "http://hl7.org/fhir/StructureDefinition"
"""Where the core extensions footcheck uses (minValue, maxValue, itemControl,
optionExclusive) are defined."""


def canonical(checklist_version: int) -> str:
    """The Questionnaire a response answers: its URL and the checklist version."""
    return f"{QUESTIONNAIRE_URL}|{checklist_version}"


def answer_coding(question: Question, code: str) -> dict[str, Any]:
    """A choice (or, for a list question, ``none``) as a coding in footcheck's answers."""
    choice = question.choice(code)
    display = choice.label if choice is not None else code
    return {"system": ANSWERS_SYSTEM, "code": code, "display": display}
